"""What every rule reads of one parsed document, worked out once: the token offsets, the
quotations and which tokens they hold, the cues, the page furniture, and the speaker each cue
points at."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Optional

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .columns import doc_text
from .cues import CueMatch, find_cues, negated
from .furniture import Furniture, find_furniture
from .lexicon import Lexicon
from .quotations import MARK_CHARS, Quotation, find_quotations, is_mark
from .speakers import find_speaker

TRIM = " \t\n,;:—–-"
# What a quotation of speech ends with, inside its marks or straight after them.
SPEECH_END = set(",.?!…—–-:;")
# How far from a quotation its attribution may stand, in tokens.
QUOTE_WINDOW_AFTER = 40
QUOTE_WINDOW_BEFORE = 14


class Context:
    """One parsed document as the rules see it. ``np_objects``: a cue's noun-phrase object is a
    claim; ``beliefs``: cues of belief ("believes that") count. A negated cue ("did not say
    whether") states nothing and is not a cue. ``furniture``, ``text``: the document's, when the
    caller has them already."""

    def __init__(self, doc: Doc, lexicon: Lexicon, np_objects: bool = False, beliefs: bool = True,
                 furniture: Optional[Furniture] = None, text: Optional[str] = None):
        if furniture is not None:  # a window's share of the whole text's (claimx.windows)
            self.furniture = furniture
        self.doc = doc
        self.text = doc_text(doc) if text is None else text  # Doc.text builds every Token
        self.lexicon = lexicon
        self.np_objects = np_objects
        self.quotes = find_quotations(self.text)  # in text order, none inside another
        self._quote_starts = [q.start for q in self.quotes]
        self._quote_ends = [q.end for q in self.quotes]
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.in_quote = self._mark_quoted()
        self.cues = [c for c in find_cues(doc, lexicon, lambda i: self.in_quote[i])
                     if (beliefs or not c.entry.cognition or self._expressed(c)) and not negated(c)]
        self.cue_at = {c.head.i: c for c in self.cues}
        self._memo: dict = {}

    def _expressed(self, cue: CueMatch) -> bool:
        """A belief put into words is speech: "expressed confidence that", "voiced hope that"."""
        verb = self.lexicon.verbs.get(cue.head.head.lemma_.lower()) if cue.kind == "noun" else None
        return verb is not None and not verb.cognition and cue.head.dep_ == "dobj"

    def _mark_quoted(self) -> list:
        inside = [False] * len(self.doc)
        for q in self.quotes:
            for i in range(self.token_at(q.start), len(self.doc)):
                if self.starts[i] >= q.end:
                    break
                if self.starts[i] > q.start:
                    inside[i] = True
        return inside

    @cached_property
    def furniture(self) -> Furniture:
        """Cookie banners, share prompts, bylines...: no claim stands in them."""
        return find_furniture(self.text)

    def memo(self, key, compute):
        """``compute()``, worked out once per document for ``key``: what several rules ask of
        the same cue."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def speaker_of(self, verb: Token) -> Optional[Token]:
        """The head of the phrase naming who speaks through ``verb`` (see speakers.find_speaker)."""
        return self.memo(("speaker", verb.i), lambda: find_speaker(self, verb))

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first..last`` (inclusive), trimmed of a leading "that",
        spaces, punctuation and a trailing conjunction."""
        doc = self.doc
        while first <= last and (doc[first].dep_ in ("mark",) and doc[first].lower_ == "that" and first < last
                                 or doc[first].is_space or doc[first].text in TRIM):
            first += 1
        while last >= first and (doc[last].is_space or doc[last].text in TRIM or doc[last].text == "."
                                 or doc[last].dep_ == "cc"):
            last -= 1
        if last < first:
            return 0, 0
        return doc[first].idx, doc[last].idx + len(doc[last].text)

    # ------------------------------------------------------------------ quotations
    # Looked up by bisection: a long article holds thousands of quotations and of claims.
    def quotes_within(self, start: int, end: int) -> list[Quotation]:
        """The quotations that overlap ``text[start:end]``, in text order."""
        out = []
        for i in range(bisect_right(self._quote_ends, start), len(self.quotes)):
            q = self.quotes[i]
            if q.start >= end:
                break
            out.append(q)
        return out

    def quote_starting_at(self, start: int) -> Optional[Quotation]:
        i = bisect_left(self._quote_starts, start)
        return self.quotes[i] if i < len(self.quotes) and self.quotes[i].start == start else None

    def last_quote_ending_by(self, end: int) -> Optional[Quotation]:
        i = bisect_right(self._quote_ends, end)
        return self.quotes[i - 1] if i else None

    def quotes_between(self, start: int, end: int) -> list[Quotation]:
        """The quotations that lie wholly inside ``text[start:end]``."""
        out = []
        for i in range(bisect_left(self._quote_starts, start), len(self.quotes)):
            q = self.quotes[i]
            if q.start >= end:
                break
            if q.end <= end:
                out.append(q)
        return out

    def is_title(self, q: Quotation) -> bool:
        """A quoted title rather than quoted speech: “The Old Man and the Sea”, “Meet the Press”."""
        words = self.text[q.start:q.end].strip(MARK_CHARS + " ,.").split()
        capitalised = sum(w[:1].isupper() for w in words)
        return len(words) >= 2 and capitalised >= 0.6 * len(words) and words[0][:1].isupper()

    def type_of(self, start: int, end: int) -> str:
        """direct: only quoted words; mixed: reported words with a quoted fragment; else indirect."""
        inside = self.quotes_within(start, end)
        if not inside:
            return "indirect"
        rest = self.text[start:end]
        for q in inside:
            if q.start >= start and q.end <= end:
                rest = rest.replace(self.text[q.start:q.end], " ")
        return "direct" if not rest.strip(TRIM + ".!?" + MARK_CHARS) else "mixed"

    def snap_to_quotes(self, start: int, end: int) -> tuple[int, int]:
        """Extend a span so that a quotation it cuts into is taken whole."""
        for i in range(bisect_right(self._quote_ends, start), len(self.quotes)):
            q = self.quotes[i]
            if q.start >= end:
                break  # taking a quotation in never reaches the next one
            inner = self.text[max(q.start + 1, start):min(q.end - 1, end)]
            if inner.strip(TRIM + MARK_CHARS):
                start, end = min(start, q.start), max(end, q.end)
        return start, end

    def following_quote(self, end: int) -> Optional[Quotation]:
        """A quotation that goes on straight after ``end`` in the same sentence
        ("argued that ..., “because ...”")."""
        i = bisect_left(self._quote_starts, end)
        if i == len(self.quotes):
            return None
        q = self.quotes[i]
        gap = self.text[end:q.start]
        return q if gap.strip(" ,:;—–") == "" and "\n" not in gap else None

    def cue_after(self, q: Quotation) -> Optional[CueMatch]:
        """The cue of an attribution that follows the quotation in its sentence
        ("“...,” said Steve Moody, a small-business owner.")."""
        i = self.token_at(q.end)
        # speech ends in punctuation, inside the marks or just after: “...,” said X / “...”, X said
        inner_end = self.text[q.start:q.end].rstrip(MARK_CHARS)[-1:]
        if inner_end not in SPEECH_END and self.text[q.end:q.end + 1] not in SPEECH_END:
            return None
        for j in range(i, min(i + QUOTE_WINDOW_AFTER, len(self.doc))):
            tok = self.doc[j]
            if "\n" in tok.text or self.in_quote[j] or is_mark(tok.text):
                return None
            cue = self.cue_at.get(j)
            if cue is not None and cue.kind == "verb" and "clause" in cue.entry.frames:
                return cue
            if tok.text in ".;?!" and j > i:
                return None
        return None

    def cue_before(self, q: Quotation) -> Optional[CueMatch]:
        """The cue of an attribution that leads into the quotation ("X said: “...”")."""
        i = self.token_at(q.start) - 1
        # "X said: “...”", "X said, “...”"; a bare "read “The Old Man and the Sea”" is a title
        if i < 0 or self.doc[i].text not in (":", ",", "—"):
            return None
        for j in range(i, max(i - QUOTE_WINDOW_BEFORE, -1), -1):
            tok = self.doc[j]
            if "\n" in tok.text or self.in_quote[j] or tok.text == "." or is_mark(tok.text):
                return None
            cue = self.cue_at.get(j)
            if cue is not None and cue.kind == "verb" and "clause" in cue.entry.frames:
                return cue
        return None
