"""Rules for cue nouns: "expressed confidence that ...", "his claim that ...", "issued a warning
that ..."."""
from __future__ import annotations

from typing import Optional

from ..content import claim_span
from ..context import Context
from ..cues import CueMatch
from . import Draft, draft, rule


def denies(ctx: Context, noun) -> bool:
    """Whether a noun cue is the object of a cue of denial ("dismissed reports that ..."): the
    claim is then the verb's, the reports it dismisses; after any other verb ("expressed
    confidence that ...") it is the noun's."""
    verb = ctx.cue_at.get(noun.head.i) if noun.dep_ == "dobj" else None
    return verb is not None and verb.entry.stance == "denial"


@rule("noun-expressed", "noun")
def expressed(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"expressed confidence that ...", "voiced hope that ...": a belief or stance put into
    words by the subject of a speech verb."""
    noun = cue.head
    verb = ctx.lexicon.verbs.get(noun.head.lemma_.lower()) if noun.dep_ == "dobj" else None
    clause = that_clause(noun)
    if verb is None or verb.cognition or verb.stance == "denial" or clause is None \
            or any(c.dep_ == "poss" for c in noun.children):
        return None
    speaker = ctx.speaker_of(noun.head)
    return None if speaker is None else draft(ctx, cue, "noun-expressed", *claim_span(ctx, [clause]), speaker)


def that_clause(noun):
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(
        k.dep_ == "mark" and k.lower_ == "that" for k in c.children)), None)


@rule("noun-clause", "noun")
def noun_with_clause(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """A cue noun with a that-clause; the speaker is its possessor ("his claim"), its "by" or
    "from" phrase, or the subject of the verb it is the object of ("issued a warning")."""
    noun = cue.head
    clause = that_clause(noun)
    if clause is None:
        return None
    speaker = None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i):
            speaker = c if c.dep_ == "poss" else next((k for k in c.children if k.dep_ == "pobj"), None)
            break
    if speaker is None and denies(ctx, noun):
        return Draft(cue, "noun-clause", 0, 0, None)  # "dismissed reports that ...": the verb's claim
    if speaker is None and noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        speaker = ctx.speaker_of(noun.head)
    if speaker is None:
        return None
    return draft(ctx, cue, "noun-clause", *claim_span(ctx, [clause]), speaker)


#: Prepositions after a cue noun whose object is what the speaker said or stands for:
#: "questions about his health", "calls for regime change", "criticism of the deal", "attacks on
#: the press", "comments on the ruling".
TOPIC_PREPS = {"about", "on", "over", "for", "against", "of"}


@rule("noun-np", "noun")
def stated_topic(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"raised questions about his health", "Obama's calls for regime change": a cue noun (frame
    ``np``) whose prepositional object states the speaker's position, a candidate the scorer
    weighs. The speaker is the noun's possessor, its "by" or "from" phrase, or the subject of
    the verb it is the object of."""
    noun = cue.head
    if "np" not in cue.entry.frames:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in TOPIC_PREPS), None)
    topic = None if prep is None else next((k for k in prep.children if k.dep_ in ("pobj", "pcomp")), None)
    if topic is None:
        return None
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        agent = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        speaker = None if agent is None else next((k for k in agent.children if k.dep_ == "pobj"), None)
    if speaker is None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        speaker = ctx.speaker_of(noun.head)
    if speaker is None:
        return None
    return draft(ctx, cue, "noun-np", *claim_span(ctx, [topic]), speaker)
