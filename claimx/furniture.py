"""Page furniture: the cookie banners, buttons, share prompts, newsletter sign-ups, bylines, photo
credits and related links that come along when an article is copied out of a web page. They are
found by line and by sentence with the patterns of ``models/furniture.yaml``; claims that come
from them are no claims.

    furniture = find_furniture(text)
    furniture.holds(start, end)   # the stretch text[start:end] is (mostly) furniture
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import yaml

from .lexicon import data_dir

# Lines longer than this are paragraphs: only sentence patterns are tried on them.
SHORT_LINE = 200
# Sentences longer than this are never only button labels.
SHORT_SENTENCE = 80
# How many lines after a "Related stories" heading can be links.
LINK_LIST_LINES = 15

_LINE = re.compile(r"[^\n]+")
# Where a sentence ends inside a line; abbreviations only make the pieces smaller.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# How a paragraph (not a headline) ends.
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?:;,][\"”’)\]]*\s*$")
# The start a furniture sentence may have: punctuation, but no quotation mark (a quoted banner
# is an article's words).
_LEAD = r"[^\w\"“”‘’'«»„]*"


class Piece(NamedTuple):
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Patterns:
    labels: frozenset  # tuples of lower-case words
    first_words: frozenset  # the words labels start with
    longest_label: int
    lines: tuple  # (kind, compiled pattern), matched against a whole line
    sentences: tuple  # (kind, compiled pattern), matched at the start of a sentence
    any_sentence: re.Pattern  # all of them in one: the one test most sentences get
    inline: re.Pattern
    inline_words: tuple  # an inline match holds one of these (lower case): the cheap first test
    link_lists: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    with open(data_dir() / "furniture.yaml", encoding="utf-8") as f:
        data = yaml.safe_load(f)
    flags = re.IGNORECASE | re.VERBOSE

    def whole(pattern: str) -> str:
        return f"(?:{pattern})"

    labels = frozenset(tuple(_WORD.findall(str(label).lower())) for label in data["labels"])
    sentences = tuple((kind, re.compile(_LEAD + whole(p), flags)) for kind, p in data["sentences"].items())
    return Patterns(
        labels=labels,
        first_words=frozenset(label[0] for label in labels if label),
        longest_label=max(len(label) for label in labels),
        lines=tuple((kind, re.compile(whole(p), flags)) for kind, p in data["lines"].items()),
        sentences=sentences,
        any_sentence=re.compile(_LEAD + whole("|".join(whole(p) for p in data["sentences"].values())),
                                flags),
        inline=re.compile(data["inline"], flags | re.MULTILINE),
        inline_words=tuple(data["inline_words"]),
        link_lists=re.compile(whole(data["link_lists"]), flags),
    )


def _all_labels(text: str, p: Patterns) -> bool:
    """Whether ``text`` is made of button and link labels only (and numbers, punctuation)."""
    lowered = text.lower()
    # most text fails at its first word, which no label starts with: found before all the rest
    first = next((w for w in map(re.Match.group, _WORD.finditer(lowered)) if not w.isdigit()), None)
    if first is None or first not in p.first_words:
        return False
    words = [w for w in _WORD.findall(lowered) if not w.isdigit()]
    i = 0
    while i < len(words):
        for n in range(min(p.longest_label, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in p.labels:
                i += n
                break
        else:
            return False
    return True


def _line_kind(line: str, p: Patterns) -> str | None:
    if _all_labels(line, p):
        return "label"
    for kind, pattern in p.lines:
        if pattern.fullmatch(line):
            return kind
    return None


def _sentences(line: str, offset: int):
    start = 0
    for end in _SENTENCE_END.finditer(line):
        yield offset + start, line[start:end.start()]
        start = end.end()
    if start < len(line):
        yield offset + start, line[start:]


class Furniture:
    """The stretches of a text that are page furniture, sorted and apart."""

    def __init__(self, pieces: list[Piece]):
        self.pieces = pieces
        self._starts = [piece.start for piece in pieces]

    def __iter__(self):
        return iter(self.pieces)

    def __len__(self) -> int:
        return len(self.pieces)

    def covered(self, start: int, end: int) -> int:
        """How many characters of ``text[start:end]`` are furniture."""
        total = 0
        i = max(bisect_right(self._starts, start) - 1, 0)
        for piece in self.pieces[i:]:
            if piece.start >= end:
                break
            total += max(0, min(end, piece.end) - max(start, piece.start))
        return total

    def at(self, index: int) -> bool:
        """Whether the character at ``index`` is furniture."""
        return self.covered(index, index + 1) > 0

    def within(self, start: int, end: int) -> "Furniture":
        """The furniture of ``text[start:end]``, at offsets into it."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        return Furniture([Piece(max(p.start, start) - start, min(p.end, end) - start, p.kind)
                          for p in self.pieces[i:bisect_left(self._starts, end)] if p.end > start])

    def holds(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is mostly furniture (more than half of it)."""
        return end > start and 2 * self.covered(start, end) > end - start


def find_furniture(text: str) -> Furniture:
    """The page furniture in ``text``."""
    p = patterns()
    pieces: list[Piece] = []
    links_left = 0  # lines after a "Related stories" heading that can still be links
    for match in _LINE.finditer(text):
        raw = match.group()
        line = raw.strip()
        if not line:
            continue
        start = match.start() + raw.index(line[0])
        end = start + len(line)
        if len(line) <= SHORT_LINE:
            if links_left and not _ENDS_LIKE_SENTENCE.search(line):
                pieces.append(Piece(start, end, "link"))
                links_left -= 1
                continue
            links_left = 0
            if p.link_lists.fullmatch(line):
                pieces.append(Piece(start, end, "link"))
                links_left = LINK_LIST_LINES
                continue
            kind = _line_kind(line, p)
            if kind is not None:
                pieces.append(Piece(start, end, kind))
                continue
        else:
            links_left = 0
        for at, sentence in _sentences(line, start):
            if p.any_sentence.match(sentence):
                kind = next(kind for kind, pattern in p.sentences if pattern.match(sentence))
                pieces.append(Piece(at, at + len(sentence), kind))
            elif len(sentence) <= SHORT_SENTENCE and _all_labels(sentence, p):
                pieces.append(Piece(at, at + len(sentence), "label"))
        lowered = line.lower()
        if any(word in lowered for word in p.inline_words):
            for credit in p.inline.finditer(line):
                pieces.append(Piece(start + credit.start(), start + credit.end(), "photo"))
    pieces.sort()
    merged: list[Piece] = []
    for piece in pieces:
        if merged and piece.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Piece(last.start, max(last.end, piece.end), last.kind)
        else:
            merged.append(piece)
    return Furniture(merged)
