"""Rules for quotations that no cue rule took: the attribution next to them ("“...,” said X",
"X said: “...”", "“...” – Commissioner X", "From the minister: “...”"), or the quoted passage
they continue ("“A,” she said. “B.”") or follow in the next paragraph.

Each rule reads the quotation, the drafts found so far and the cues already used."""
from __future__ import annotations

import heapq
from typing import Optional

from ..context import TRIM, Context
from ..cues import PUNCTUATION, CueMatch
from ..lexicon import CueEntry
from ..quotations import MARK_CHARS, Quotation, is_mark
from ..speakers import name_phrase
from . import Draft, rule

DASHES = ("—", "–", "-", "--")


def adjacent_cue(ctx: Context, q: Quotation) -> Optional[CueMatch]:
    """The cue of the attribution after the quotation, else of the one before it."""
    return ctx.memo(("adjacent", q), lambda: ctx.cue_after(q) or ctx.cue_before(q))


def _attributed_by(ctx: Context, cue: CueMatch, name: str, q: Quotation) -> Draft:
    speaker = ctx.speaker_of(cue.head)
    if speaker is not None and ctx.in_quote[speaker.i]:
        speaker = None
    return Draft(cue, name, q.start, q.end, speaker, "direct")


@rule("quote-trailing-cue", "quotation")
def quotation_then_cue(ctx: Context, q: Quotation, drafts, used) -> Optional[Draft]:
    """"“...,” said Steve Moody, a small-business owner."."""
    cue = adjacent_cue(ctx, q)
    if cue is None or cue.head.i in used or cue.head.idx <= q.start:
        return None
    return _attributed_by(ctx, cue, "quote-trailing-cue", q)


@rule("quote-leading-cue", "quotation")
def cue_then_quotation(ctx: Context, q: Quotation, drafts, used) -> Optional[Draft]:
    """"She said: “...”"."""
    cue = adjacent_cue(ctx, q)
    if cue is None or cue.head.i in used or cue.head.idx > q.start:
        return None
    return _attributed_by(ctx, cue, "quote-leading-cue", q)


@rule("quote-manner", "quotation")
def unusual_cue(ctx: Context, q: Quotation, drafts, used) -> Optional[Draft]:
    """"“Not again,” she harrumphed.": a quotation of speech followed by a person and a verb the
    lexicon does not hold (or the verb and the person), and nothing else in its sentence."""
    doc, i = ctx.doc, ctx.token_at(q.end)
    inner_end = ctx.text[q.start:q.end].rstrip(MARK_CHARS)[-1:]
    if adjacent_cue(ctx, q) is not None or inner_end not in ",?!—–" or i + 2 >= len(doc):
        return None
    a, b, end = doc[i], doc[i + 1], doc[i + 2]
    verb, speaker = (b, a) if a.pos_ in ("PRON", "PROPN") else (a, b)
    if verb.tag_ not in ("VBD", "VBZ") or end.text not in (".", ",") or verb.i in ctx.cue_at \
            or not _a_person(ctx, speaker) or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    cue = CueMatch(verb, (verb,), CueEntry(verb.lemma_.lower(), "verb", "neutral", frozenset({"clause"}), False))
    return Draft(cue, "quote-manner", q.start, q.end, speaker, "direct")


def _a_person(ctx: Context, tok) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she")
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"


@rule("quote-dash", "quotation")
def dash_attribution(ctx: Context, q: Quotation, drafts, used) -> Optional[Draft]:
    """"“...” – Commissioner Jane Doe": a dash and a name, with no cue word."""
    doc = ctx.doc
    after = ctx.token_at(q.end)
    if adjacent_cue(ctx, q) is not None or after >= len(doc) or doc[after].text not in DASHES:
        return None
    last = after + 1
    while last < len(doc) and doc[last].text not in (".", ",", ";") and "\n" not in doc[last].text:
        last += 1
    head = name_phrase(ctx, after + 1, last - 1)
    if head is None:
        return None
    return Draft(CueMatch(doc[after], (doc[after],), PUNCTUATION), "quote-dash", q.start, q.end, head, "direct")


@rule("quote-colon", "quotation")
def colon_attribution(ctx: Context, q: Quotation, drafts, used) -> Optional[Draft]:
    """"From the minister: “...”": a name and a colon, with no cue word."""
    doc = ctx.doc
    before = ctx.token_at(q.start) - 1
    if adjacent_cue(ctx, q) is not None or before <= 0 or doc[before].text != ":":
        return None
    first = before - 1
    while first > 0 and doc[first - 1].text not in (".", "\n", ";") and "\n" not in doc[first - 1].text \
            and not is_mark(doc[first - 1].text):
        first -= 1
    if doc[first].lower_ == "from":
        first += 1
    head = name_phrase(ctx, first, before - 1)
    if head is None:
        return None
    return Draft(CueMatch(doc[before], (doc[before],), PUNCTUATION), "quote-colon", q.start, q.end, head, "direct")


@rule("quote-continued", "quotation")
def next_fragment(ctx: Context, q: Quotation, drafts, used) -> Optional[Draft]:
    """The next fragment of a quoted passage: "“A,” X said. “B.”", "X said: “A.” “B.”"."""
    prev = _previous_quote_claim(ctx, drafts, q)
    if prev is None or q.words(ctx.text) < 3:
        return None
    gap = ctx.text[prev.end:q.start]
    if "\n" in gap or not _continues(ctx, prev, q, gap):
        return None
    return Draft(prev.cue, "quote-continued", q.start, q.end, prev.speaker_head, "direct",
                 follows=prev, continued=True)


@rule("quote-floating", "quotation")
def next_paragraph(ctx: Context, q: Quotation, drafts, used) -> Optional[Draft]:
    """A quotation opening the paragraph after an attributed one, with no attribution of its own."""
    prev = _previous_quote_claim(ctx, drafts, q)
    if prev is None or q.words(ctx.text) < 3:
        return None
    gap = ctx.text[prev.end:q.start]
    if "\n" not in gap or gap.count("\n") > 2 or not _opens_paragraph(ctx, q) \
            or not _paragraph_ends_soon_after(ctx, prev):
        return None
    return Draft(prev.cue, "quote-floating", q.start, q.end, prev.speaker_head, "direct", follows=prev)


def _continues(ctx: Context, prev: Draft, q: Quotation, gap: str) -> bool:
    """Whether ``q`` is the next fragment of the passage ``prev`` quotes: only its attribution
    ("“A,” X said. “B.”") or nothing ("X said: “A.” “B.”") stands between them."""
    if not gap.strip(TRIM + MARK_CHARS):
        return True
    cue = prev.cue.head
    if not prev.end <= cue.idx < q.start:
        return False
    after_attribution = ctx.text[max(cue.sent.end_char, prev.end):q.start]
    return q.start < cue.sent.end_char or not after_attribution.strip(TRIM + MARK_CHARS)


def _previous_quote_claim(ctx: Context, drafts, q: Quotation) -> Optional[Draft]:
    """The quoting claim that ends last before ``q`` (the first such in ``drafts``), when no
    other quotation stands between them (but for one in its attribution: "said on “Meet the
    Press”")."""
    best = ctx.memo(("quoting claims", id(drafts)), _QuotingClaims).last_before(drafts, q.start)
    if best is None:
        return None
    sent = best.cue.head.sent
    if any(not sent.start_char <= o.start < sent.end_char for o in ctx.quotes_between(best.end, q.start)):
        return None
    return best


class _QuotingClaims:
    """The direct and mixed drafts by where they end, for quotations asked about in text order
    while ``drafts`` only grows: each draft is looked at once, however long the article."""

    def __init__(self):
        self.seen = 0  # drafts read so far
        self.ending: list = []  # heap of (end, position in drafts, draft) not yet before a quotation
        self.best: Optional[tuple] = None  # (end, position, draft): the last ending so far

    def last_before(self, drafts, start: int) -> Optional[Draft]:
        for i in range(self.seen, len(drafts)):
            if drafts[i].type in ("direct", "mixed"):
                heapq.heappush(self.ending, (drafts[i].end, i, drafts[i]))
        self.seen = len(drafts)
        while self.ending and self.ending[0][0] <= start:
            end, i, d = heapq.heappop(self.ending)
            if self.best is None or end > self.best[0] or (end == self.best[0] and i < self.best[1]):
                self.best = (end, i, d)
        return None if self.best is None else self.best[2]


def _opens_paragraph(ctx: Context, q: Quotation) -> bool:
    line_start = ctx.text.rfind("\n", 0, q.start) + 1
    return not ctx.text[line_start:q.start].strip()


def _paragraph_ends_soon_after(ctx: Context, prev: Draft) -> bool:
    line_end = ctx.text.find("\n", prev.end)
    tail = ctx.text[prev.end:line_end if line_end >= 0 else len(ctx.text)]
    return len(tail) < 80
