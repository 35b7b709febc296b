"""How likely a claim is right: each draft is scored from its own evidence (the rule that found
it, the cue and its sense, the speaker found and named, the parse around it) by a logistic
regression whose weights are data in ``models/scorer.tsv``, trained on half of an annotated
corpus by ``bench/train_scorer.py`` and checked on the other half. The score is the claim's
``confidence``; a draft scoring below the file's ``threshold`` gives no claim.

A feature is a short string ("rule=verb-np", "cue=say", "object=report"); its weight is read
from the table, and a feature the table does not hold weighs nothing."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from .lexicon import data_dir
from .speakers import subject

MODALS = {"would", "will", "could", "can", "may", "might", "should", "must"}
WH = {"whether", "what", "how", "why", "when", "where", "who", "which", "if"}


@dataclass(frozen=True)
class Scorer:
    weights: dict
    threshold: float

    def probability(self, features, prior: float = 0.5) -> float:
        """The probability that a claim with these features is right; ``prior`` is its rule's
        share right (``models/rules.yaml``), what a rule the table has not seen falls back on."""
        w = self.weights
        z = w.get("bias", 0.0) + w.get("prior", 1.0) * logit(prior) + sum(w.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=None)
def load_scorer() -> Scorer:
    """The weights shipped in ``models/scorer.tsv`` (feature, tab, weight; ``threshold`` too)."""
    weights, threshold = {}, 0.5
    with open(data_dir() / "scorer.tsv", encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, value = line.rstrip("\n").split("\t")
            if name == "threshold":
                threshold = float(value)
            else:
                weights[name] = float(value)
    return Scorer(weights, threshold)


def logit(p: float) -> float:
    p = min(0.99, max(0.01, p))
    return math.log(p / (1 - p))


def features(ctx, d, phrase) -> list[str]:
    """The evidence for draft ``d`` (a :class:`claimx.rules.Draft`) whose speaker is ``phrase``
    (a :class:`claimx.speakers.SpeakerPhrase`, or None). ``claimx.extraction`` adds
    ``inside-claim`` when another claim kept frames it ("X said that Y claimed ...": corpora mark
    the outer claim)."""
    cue, head = d.cue, d.cue.head
    lemma = cue.entry.lemma
    out = [f"rule={d.rule}", f"cue={lemma}", f"rule|cue={d.rule}|{lemma}", f"stance={cue.entry.stance}",
           f"type={d.type}", f"rule|type={d.rule}|{d.type}", f"tag={head.tag_}", f"dep={head.dep_}"]
    if "np" not in cue.entry.frames and d.rule == "verb-np":
        out.append("object-outside-frame")
    kids = list(head.children)
    if any(k.dep_ == "neg" for k in kids):
        out.append("negated")
    if any(k.dep_ == "aux" and k.lower_ in MODALS for k in kids):
        out.append("modal")
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in ("decline", "refuse", "fail"):
        out.append("refused")
    if d.speaker_head is not None and subject(head) is None:
        # the speaker is the subject of the clause the cue hangs on: "went on Twitter to
        # applaud ...", "... and denied the report", "devoted to criticizing ..."
        out += ["borrowed", f"borrowed={head.dep_}", f"rule|borrowed={d.rule}|{head.dep_}"]
    out += _speaker_features(phrase)
    out += _content_features(ctx, d, lemma)
    return out


def _speaker_features(phrase) -> list[str]:
    if phrase is None:
        return ["speaker=none"]
    h = phrase.head
    out = [f"kind={phrase.kind}", f"speaker-pos={h.pos_}", "named" if phrase.name else "unnamed"]
    if h.pos_ in ("NOUN", "PRON"):
        out.append(f"speaker={h.lemma_.lower()}")
    if phrase.kind == "unknown" and h.pos_ == "NOUN":
        out.append("speaker-not-a-source")  # "the second phase revealed ...", "the deal"
    return out


def _content_features(ctx, d, lemma: str) -> list[str]:
    first = ctx.token_at(d.start)
    out = []  # (the claim's length weighs too little on held-out news to keep: 0.001 F1)
    if first < len(ctx.doc):
        w = ctx.doc[first].lower_
        if w in WH:
            out.append(f"opens={w}")
    if d.rule in ("verb-np", "noun-np"):
        obj = _object(ctx, d)
        if obj is not None and d.rule == "noun-np":  # "calls for", "questions about", "criticism of"
            noun = d.cue.head
            out += [f"prep={obj.head.lower_}", f"noun-of={noun.head.lemma_.lower() if noun.dep_ == 'dobj' else noun.dep_}"]
        if obj is not None:
            ol = obj.lemma_.lower()
            det = next((k.lower_ for k in obj.children if k.dep_ in ("det", "poss")), "-")
            out += [f"object={ol}", f"object-det={det}",
                    f"object-pos={obj.pos_}", f"object-ent={obj.ent_type_ or '-'}"]
            if any(k.dep_ in ("acl", "relcl") or (k.dep_ == "prep" and k.lower_ == "that") for k in obj.children):
                out.append("object-clause")
    return out


def _object(ctx, d) -> Optional[Token]:
    first = ctx.token_at(d.start)
    if first >= len(ctx.doc):
        return None
    tok = ctx.doc[first]
    while tok.head.i != tok.i and tok.head.i != d.cue.head.i and d.start <= tok.head.idx < d.end:
        tok = tok.head
    return tok
