"""The results claimx produces, as frozen dataclasses.

Every offset is a character offset into the text claimx read, and ``text[start:end]`` equals the
field's text. The attributes are named as the record's fields (``claim.cue.span`` is the record's
``cue.span``); serialisation lives in one place, :mod:`claimx.writing`, and the record's JSON
Schema in ``claimx/record.schema.json``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

#: The claim types: quoted word for word, reported in the reporter's words, or both.
CLAIM_TYPES = ("direct", "indirect", "mixed")
#: What kind of source a speaker is.
SPEAKER_KINDS = ("person", "organization", "place", "group", "anonymous", "outlet", "unknown")
#: What kind of news outlet carries a claim (as in ``models/outlets.tsv``).
OUTLET_KINDS = ("agency", "newspaper", "broadcaster", "website", "magazine", "programme")


class _Spanned:
    """``span``: the ``(start, end)`` pair the record writes."""

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(frozen=True)
class Span(_Spanned):
    """A stretch of the text: ``text == document_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker(_Spanned):
    """Who makes the claim: the words used (``mention``) and who they refer to (``name``)."""

    mention: str
    start: int
    end: int
    name: Optional[str] = None
    kind: str = "unknown"
    role: Optional[str] = None


@dataclass(frozen=True)
class Cue(_Spanned):
    """The words that attribute the claim ("said", "according to") with their lexicon entry."""

    text: str
    start: int
    end: int
    lemma: str
    stance: str = "neutral"


@dataclass(frozen=True)
class Outlet(_Spanned):
    """The news outlet that carries the claim: its ``name`` as the outlet gazetteer spells it, and
    the words of the text that name it (``mention``, at ``start:end``). ``kind`` is one of
    :data:`OUTLET_KINDS` (None when the text does not say); ``programme`` is the programme the claim
    was made on ("NBC's Meet the Press": outlet NBC News, programme Meet the Press)."""

    name: str
    mention: str
    start: int
    end: int
    kind: Optional[str] = None
    programme: Optional[str] = None


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

    @property
    def publisher(self) -> Optional[str]:
        """The site that publishes a web page (its ``site_name``); None for plain text."""
        return None if self.metadata is None else self.metadata.get("site_name")
