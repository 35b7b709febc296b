"""The rule for "according to X"."""
from __future__ import annotations

from typing import Optional

from ..columns import subtree_indices
from ..context import Context
from ..cues import CueMatch
from . import Draft, draft, rule


@rule("according-to", "phrase")
def according_to(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"According to Y, X did Z", "X, according to Y, did Z" (the claim runs round it) and "X
    did Z, according to Y ..."."""
    according, to = cue.tokens
    speaker = next((k for k in to.children if k.dep_ == "pobj"), None)
    if speaker is None:
        return None
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i == according.i:
        return None
    # "A rose, but B declined, according to census data", "The president told her that A,
    # according to an account she gave": a trailing attribution covers the whole sentence
    while clause.i < according.i and clause.dep_ in ("conj", "ccomp") and clause.head.i < clause.i:
        clause = clause.head
    own = subtree_indices(according)
    idx = [t.i for t in clause.subtree if t.i not in own]
    if not idx:
        return None
    first, last = idx[0], idx[-1]
    doc = ctx.doc
    # drop "Yet," / "However," / "But" at the start of the clause
    while first < last and (doc[first].is_punct or doc[first].dep_ == "cc" or (
            doc[first].dep_ == "advmod" and doc[first + 1].is_punct)):
        first += 1
    # "According to a report, citing two people familiar with the matter, the deal ...": the
    # report's own attribution is not the claim
    for c in clause.children:
        if c.i in ctx.cue_at and c.i >= first and c.left_edge.i <= first and c.right_edge.i < clause.i:
            first = c.right_edge.i + 1
    while first < last and doc[first].is_punct:
        first += 1
    if first < min(own) and clause.i < min(own):
        last = min(own) - 1  # "X did Z, according to Y ..."
    return draft(ctx, cue, "according-to", *ctx.chars(first, last), speaker)
