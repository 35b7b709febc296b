"""Whether a claim is reported at one remove: "reportedly", "is said to", "media reports
suggest". The words are data in ``models/speakers.yaml`` (``hedges``, ``hearsay``)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .lexicon import Lexicon


def is_hedged(cue_head: Token, speaker_head: Optional[Token], lexicon: Lexicon) -> bool:
    if any(c.lower_ in lexicon.hedges for c in cue_head.children):
        return True
    if cue_head.lower_ == "said" and any(c.dep_ == "auxpass" for c in cue_head.children):
        return True  # "is said to"
    if speaker_head is not None and speaker_head.tag_ == "NNS" and \
            speaker_head.lemma_.lower() in lexicon.hearsay and \
            not any(c.dep_ in ("det", "poss") for c in speaker_head.children):
        return True  # "media reports suggest", "reports say"
    return False
