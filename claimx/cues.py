"""Finding cues: the reporting verbs, nouns and phrases ("said", "his claim that",
"according to") that attribute a claim, looked up in the cue lexicon."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from .columns import tokens_with, word_hashes
from .lexicon import CueEntry, Lexicon, _yaml

# Dependents that can complete a multiword cue: "point out", "call for", "make (it) clear".
PARTICLE_DEPS = {"prt", "prep", "acomp", "oprd", "ccomp", "dobj"}
ACCORDING = CueEntry("according to", "phrase", "neutral", frozenset({"clause"}), False)
# Punctuation that attributes a quotation or a headline: "“...” – Commissioner X",
# "From the minister: “...”", "Talks have stalled: Report".
PUNCTUATION = CueEntry("punctuation", "punct", "neutral", frozenset({"clause"}), False)


@dataclass(frozen=True)
class CueMatch:
    head: Token  # the verb or noun the claim hangs on ("according" for "according to")
    tokens: tuple  # every token of the cue, in order
    entry: CueEntry

    @property
    def kind(self) -> str:
        return self.entry.pos


def find_cues(doc: Doc, lexicon: Lexicon, inside_quote) -> list[CueMatch]:
    """Every cue in ``doc`` outside a quotation (``inside_quote(i)`` tells for a token index)."""
    cues = []
    for i in _candidates(doc, lexicon):
        tok = doc[i]
        if inside_quote(i):
            continue
        lower = tok.lower_
        if lower == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
            if to is not None:
                cues.append(CueMatch(tok, (tok, to), ACCORDING))
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            particles = [c for c in tok.children if c.dep_ in PARTICLE_DEPS and c.i > tok.i]
            entry = lexicon.verb(lemma, [p.lower_ for p in particles])
            if entry is None or _not_a_report(tok):
                continue
            extra = tuple(p for p in particles if f"{lemma} {p.lower_}" == entry.lemma)
            if " " in entry.lemma and not extra:
                continue
            cues.append(CueMatch(tok, tuple(sorted((tok, *extra), key=lambda t: t.i)), entry))
        elif tok.pos_ == "NOUN":
            entry = lexicon.nouns.get(lemma)
            if entry is not None:
                cues.append(CueMatch(tok, (tok,), entry))
    return cues


def _candidates(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Indices of the tokens whose lemma or form could start a cue: one vectorised look-up, so
    that the rest of the document is never read token by token."""
    return tokens_with(doc, [LEMMA, LOWER], _cue_hashes(lexicon))


def _cue_hashes(lexicon: Lexicon):
    """The hashes of every word that can start a cue, as a Doc stores them."""
    key = id(lexicon)
    if _HASHES.get(key) is None:
        words = {"according"}
        for lemma in (*lexicon.verbs, *lexicon.nouns):
            first = lemma.split()[0]
            words |= {first, first.capitalize()}
        _HASHES[key] = word_hashes(frozenset(words))
    return _HASHES[key]


_HASHES: dict = {}


@functools.lru_cache(maxsize=1)
def _unstating_heads() -> frozenset:
    """Verbs whose infinitive cue states nothing (``models/unstated.yaml``): refusals ("declined
    to say") and intentions ("want to show")."""
    data = _yaml("unstated.yaml")
    return frozenset(data["refusals"]) | frozenset(data["intentions"])


def negated(cue: CueMatch) -> bool:
    """A cue that states nothing: "did not say whether ...", "would not confirm", "declined to
    say", "never said"; and one only meant: "wants to show what ..."."""
    head = cue.head
    if any(c.dep_ == "neg" for c in head.children):
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in _unstating_heads()


def _not_a_report(verb: Token) -> bool:
    """A verb form that cannot attribute: an imperative or headline stub ("Report"), or a bare
    participle modifying a noun ("the points agreed upon", "a stance described as ...")."""
    deps = {c.dep_ for c in verb.children}
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and not deps & {"nsubj", "nsubjpass", "aux"}:
        return True
    if verb.tag_ == "VBN" and not deps & {"aux", "auxpass", "agent"} and verb.dep_ in ("acl", "amod", "conj"):
        return True
    if verb.dep_ in ("amod", "compound"):
        return True  # "admitting privileges", "a reported case"
    return False
