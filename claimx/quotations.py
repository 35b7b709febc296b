"""Finding quotations: the spans of text between quotation marks.

Works on characters, not tokens, so it sees every mark whatever the tokenizer does. Follows the
news conventions: curly or straight double marks, single marks only inside double ones (a lone
’ is usually an apostrophe), and a quotation that runs over several paragraphs reopens at the
start of each one and closes only at its end. An unbalanced mark never swallows more than its
own paragraph.
"""
from __future__ import annotations

import re
from typing import NamedTuple

OPENING = ("“", "„", "«", "``")
CLOSING = ("”", "»")
# Marks that open or close by position: the straight mark, and the two apostrophes some
# newsrooms (and LaTeX-style exports) use for it.
STRAIGHT = ('"', "''")
MARKS = re.compile(r"''|``|[“”„«»\"]")
PARAGRAPH = re.compile(r"[^\n]+")
#: Every character that makes up a quotation mark, for trimming.
MARK_CHARS = "“”„«»\"'`‘’"


def is_mark(token_text: str) -> bool:
    return MARKS.fullmatch(token_text) is not None


class Quotation(NamedTuple):
    """A quotation, marks included: ``text[start:end]`` begins and ends with a mark."""

    start: int
    end: int

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def find_quotations(text: str) -> list[Quotation]:
    quotes: list[Quotation] = []
    carried = None  # the opening of a quotation still open at the end of the previous paragraph
    for para in PARAGRAPH.finditer(text):
        body = para.group()
        lead = len(body) - len(body.lstrip())
        opened = None
        first = True
        for mark in MARKS.finditer(body):
            ch, pos = mark.group(), para.start() + mark.start()
            if first and carried is not None:
                first = False
                if mark.start() == lead and (ch in OPENING or ch in STRAIGHT):
                    opened = carried  # the paragraph reopens the quotation: it goes on
                    carried = None
                    continue
            first = False
            if opened is None:
                if ch in OPENING or ch in STRAIGHT:
                    opened = pos
            elif ch in CLOSING or ch in STRAIGHT:
                quotes.append(Quotation(opened, pos + len(ch)))
                opened = None
            elif ch in OPENING:
                opened = pos  # the earlier opening was never closed: drop it
        carried = opened
    return quotes
