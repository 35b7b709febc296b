"""Which words make up a phrase: the named entity a token belongs to, and the noun phrase that
names what a head word stands for."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

from .columns import entity_bounds, span

# Left dependents that belong to the words naming a speaker.
NP_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "npadvmod"}


def entity_of(tok: Token) -> Optional[SpacySpan]:
    """The named entity ``tok`` belongs to, if any."""
    label = tok.ent_type_
    if not label:
        return None
    starts, ends = entity_bounds(tok.doc)  # the run of "I" tokens it is in, read off the IOB column
    return SpacySpan(tok.doc, starts[tok.i], ends[tok.i], label=label)


def noun_phrase(head: Token) -> SpacySpan:
    """The head with the words before it that name it ("Pakistan's Defence Minister Khawaja Asif"),
    without appositions, relative clauses and prepositional phrases."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    # "of" phrases that name the group: "one of her ads", "members of the team"
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "case") and child.i == end:
            end = child.i + 1
    doc = head.doc
    while start < head.i and doc[start].is_punct:
        start += 1
    return span(doc, start, end)
