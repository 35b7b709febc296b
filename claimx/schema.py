"""The results claimx produces, as frozen dataclasses.

Every offset is a character offset into the text claimx read, and ``text[start:end]`` equals the
field's text. Serialisation lives in one place, :mod:`claimx.writing`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

#: The claim types: quoted word for word, reported in the reporter's words, or both.
CLAIM_TYPES = ("direct", "indirect", "mixed")
#: What kind of source a speaker is.
SPEAKER_KINDS = ("person", "organization", "place", "group", "anonymous", "outlet", "unknown")


@dataclass(frozen=True)
class Span:
    """A stretch of the text: ``text == document_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """Who makes the claim: the words used (``mention``) and who they refer to (``name``)."""

    mention: str
    start: int
    end: int
    name: Optional[str] = None
    kind: str = "unknown"
    role: Optional[str] = None


@dataclass(frozen=True)
class Cue:
    """The words that attribute the claim ("said", "according to") with their lexicon entry."""

    text: str
    start: int
    end: int
    lemma: str
    stance: str = "neutral"


@dataclass(frozen=True)
class Outlet:
    """The news outlet that carries the claim: its ``name`` as the outlet gazetteer spells it, and
    the words of the text that name it (``mention``, at ``start:end``)."""

    name: str
    mention: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One attributed claim."""

    content: Span
    cue: Cue
    speaker: Optional[Speaker]
    type: str
    confidence: float
    rule: str
    outlet: Optional[Outlet] = None
    passage: Optional[int] = None
    hedged: bool = False


@dataclass(frozen=True)
class Document:
    """The claims of one input, with where it came from. ``metadata`` is what a web page says
    about itself (``site_name``, ``title``, ``author``, ``date``, ``url``); None for plain text."""

    source: str
    claims: tuple = field(default_factory=tuple)
    text: Optional[str] = None
    metadata: Optional[dict] = None
