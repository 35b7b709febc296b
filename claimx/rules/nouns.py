"""Rules for cue nouns: "his claim that ...", "issued a warning that ..."."""
from __future__ import annotations

from typing import Optional

from ..content import claim_span
from ..context import Context
from ..cues import CueMatch
from . import Draft, draft, rule


@rule("noun-clause", "noun")
def noun_with_clause(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """A cue noun with a that-clause; the speaker is its possessor ("his claim"), its "by" or
    "from" phrase, or the subject of the verb it is the object of ("issued a warning")."""
    noun = cue.head
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(
        k.dep_ == "mark" and k.lower_ == "that" for k in c.children)), None)
    if clause is None:
        return None
    speaker = None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i):
            speaker = c if c.dep_ == "poss" else next((k for k in c.children if k.dep_ == "pobj"), None)
            break
    if speaker is None and noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        speaker = ctx.speaker_of(noun.head)
    if speaker is None:
        return None
    return draft(ctx, cue, "noun-clause", *claim_span(ctx, [clause]), speaker)
