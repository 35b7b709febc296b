"""The rule for a headline attributed after a colon: "Talks have stalled over the Taliban's
stance: Report"."""
from __future__ import annotations

from typing import Optional

from ..context import Context
from ..cues import PUNCTUATION, CueMatch
from . import Draft, rule


@rule("headline", "document")
def headline(ctx: Context) -> Optional[Draft]:
    """The first line, when it ends with a colon and one to four capitalised words."""
    doc, text = ctx.doc, ctx.text
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = text.rfind(":", 0, line_end)
    if colon <= 0:
        return None
    ci = ctx.token_at(colon)
    if ci >= len(doc) or doc[ci].idx != colon:
        return None
    last = ctx.token_at(line_end) - 1
    while last > ci and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    # one to four capitalised words after the colon name the source
    if not 1 <= last - ci <= 4 or not all(t.text[:1].isupper() for t in doc[ci + 1:last + 1]):
        return None
    speaker = doc[ci + 1:last + 1].root
    if speaker.lemma_.lower() in ctx.lexicon.hearsay:
        speaker = None  # "...: Report" says a report has it, not who
    start, end = ctx.chars(0, ci - 1)
    if end - start < 20:
        return None
    cue = CueMatch(doc[ci], (doc[ci],), PUNCTUATION)
    return Draft(cue, "headline", start, end, speaker, ctx.type_of(start, end))
