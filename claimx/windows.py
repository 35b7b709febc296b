"""Long texts window by window. A text longer than a piece is parsed in pieces
(:mod:`claimx.pieces`); its claims are read over windows of whole paragraphs of about
:data:`WINDOW_CHARACTERS`, one window at a time, each window's Doc let go before the next one is
made, so that the memory a long text takes does not grow with its length. What the claims of a
window need from the text before it travels on in an :class:`Earlier`: what
:class:`claimx.people.People` and the resolver read of it (the people named, with where, their
titles, which were subjects, the genders shown, the organisations named, the claims' spans),
the speakers named so far, the names outlets are told apart from, and how many passages were
numbered; a list entry per name mentioned, not the parse.

A window ends between two pieces (so every token is parsed as in the whole text), at a line
break, outside every quotation (one over several paragraphs stays whole) and not before a
paragraph that opens with a quotation (it may be the speaker's of the paragraph before: the
rule quote-floating); no claim reaches over a line break otherwise. The page furniture is found
over the whole text (a list of links runs over lines), the headline in the first window only.
What a window does not see is the text after it: a name given in full only in a later window
does not complete a surname before it, a title given only after a window's end names no one
before it, and a gender shown only later does not count, as they do over the whole text."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .furniture import Furniture, find_furniture
from .people import Known
from .quotations import find_quotations
from .schema import Claim
from .speakers import SpeakerPhrase

#: The characters of a long text whose claims are read at once: a full batch of pieces (8 of
#: 12,500), as long as the longest text parsed whole, and longer than nearly every news article,
#: so that an article's names stand in the window that reads its claims.
WINDOW_CHARACTERS = 100_000
#: A window grows past :data:`WINDOW_CHARACTERS` to end where it may (after a quotation), up to
#: this many times it; a quotation longer than that is cut.
MAX_GROWTH = 4


def plan_windows(text: str, pieces: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The ``(offset, piece)`` pieces of ``text`` (:func:`claimx.pieces.split_text`) grouped into
    windows, in order: each as long as it can be up to :data:`WINDOW_CHARACTERS` and ending
    where a window may (see the module's docstring), else at the first place past it where one
    may, else at the last piece within ``MAX_GROWTH`` times the size."""
    ends = [offset + len(piece) for offset, piece in pieces]
    may_end = _may_end(text, ends[:-1]) + [True]
    size = WINDOW_CHARACTERS
    windows, first = [], 0
    while first < len(pieces):
        start, best, last, i = pieces[first][0], None, first, first
        while i < len(pieces) and (i == first or ends[i] - start <= MAX_GROWTH * size):
            if best is not None and ends[i] - start > size:
                break
            if may_end[i]:
                best = i
            last, i = i, i + 1
        cut = best if best is not None else last
        windows.append(pieces[first:cut + 1])
        first = cut + 1
    return windows


def _may_end(text: str, ends: list[int]) -> list[bool]:
    """Whether a window may end at each of ``ends``."""
    quotes = find_quotations(text)
    starts, stops = [q.start for q in quotes], [q.end for q in quotes]
    out = []
    for end in ends:
        i = bisect_right(stops, end)  # the first quotation that ends after ``end``
        inside = i < len(quotes) and quotes[i].start < end
        j = bisect_left(starts, end)  # the first quotation from ``end`` on
        opens = j < len(quotes) and not text[end:quotes[j].start].strip()
        out.append(text[end - 1:end] == "\n" and not inside and not opens)
    return out


class _At(NamedTuple):
    """Where the mention of a speaker of an earlier window starts, from the window at hand."""

    start_char: int


@dataclass
class Earlier:
    """What the claims of a window need from the windows before it, at offsets into the text."""

    furniture: Furniture  # the whole text's
    offset: int = 0  # where the window at hand starts
    windows: int = 0  # windows read
    passages: int = 0  # passages numbered
    people: Known = field(default_factory=Known)  # what the resolver read, at offsets into the text
    speakers: dict = field(default_factory=dict)  # (name, kind, role) -> start, in the order last named
    mister: set = field(default_factory=set)  # words written after an honorific (claimx.outlets)
    surnames: set = field(default_factory=set)  # of the people named in full (claimx.outlets)
    _passages_here: int = 0

    @classmethod
    def of(cls, text: str) -> "Earlier":
        return cls(find_furniture(text))

    def furniture_of(self, length: int) -> Furniture:
        """The furniture of the window at hand, ``length`` characters long."""
        return self.furniture.within(self.offset, self.offset + length)

    def known(self) -> Known:
        """The people and organisations named before the window, as
        :class:`claimx.referents.NameResolver` takes them, at offsets from the window's start."""
        return self.people.shifted(-self.offset)

    def speakers_before(self) -> list[SpeakerPhrase]:
        """The speakers named before the window, as the resolver reads them (name, kind, role,
        where), the last of each in the order they were last named."""
        return [SpeakerPhrase(None, _At(start - self.offset), role, kind, name)  # type: ignore[arg-type]
                for (name, kind, role), start in self.speakers.items()]

    def learn(self, resolver, speakers: list[SpeakerPhrase], passages: dict, people: tuple) -> None:
        """Take in what the window at hand gave: what its ``resolver`` read (those before it
        included), the ``speakers`` it named, its ``passages`` and its ``people``
        (:func:`claimx.outlets.know_people`)."""
        at = self.offset
        self.people = resolver.known().shifted(at)
        for s in speakers:
            if s.name:
                key = (s.name, s.kind, s.role)
                self.speakers.pop(key, None)
                self.speakers[key] = s.mention.start_char + at
        self.mister |= people[0]
        self.surnames |= people[1]
        self._passages_here = len(set(passages.values()))

    def finish(self, claims, length: int) -> list[Claim]:
        """The ``claims`` of the window at hand, ``length`` characters long, at offsets into the
        whole text and their passages numbered on from the windows before; then the next
        window is at hand."""
        at, before = self.offset, self.passages
        if at or before:
            claims = [_shift(c, at, before) for c in claims]
        self.passages += self._passages_here
        self._passages_here = 0
        self.offset += length
        self.windows += 1
        return list(claims)


def _shift(claim: Claim, at: int, passages: int) -> Claim:
    def moved(part):
        return None if part is None else replace(part, start=part.start + at, end=part.end + at)

    return replace(claim, content=moved(claim.content), cue=moved(claim.cue),
                   speaker=moved(claim.speaker), outlet=moved(claim.outlet),
                   passage=None if claim.passage is None else claim.passage + passages)
