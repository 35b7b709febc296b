"""Which words make up a phrase: the named entity a token belongs to, and the noun phrase that
names what a head word stands for."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

# Left dependents that belong to the words naming a speaker.
NP_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "npadvmod"}


def entity_of(tok: Token) -> Optional[SpacySpan]:
    """The named entity ``tok`` belongs to, if any."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


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
    return doc[start:end]
