"""``claimx show``: the article itself in the terminal, every claim's content in its speaker's
colour, the speaker's words and the cue marked, outlets marked, and a legend.

Only SGR codes (colours, bold, underline) are written, never cursor movement, so the output
reads in ``less -R``. Without colour (``NO_COLOR``, ``--no-color``) the marks are characters:
«content», *speaker*, _cue_ and ⟨outlet⟩, each content led by its number in the table."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.text import Text

from ..schema import Document
from .table import speaker_groups

SPEAKER_STYLE, CUE_STYLE, OUTLET_STYLE = "bold underline", "bold underline", "bold reverse"
NUMBER_STYLE = "dim"
#: Kinds of span, outermost first: later ones are styled over earlier ones.
KINDS = ("content", "speaker", "cue", "outlet")
#: The marks used without colour: (before, after) each kind of span.
PLAIN_MARKS = {"content": ("«", "»"), "speaker": ("*", "*"), "cue": ("_", "_"),
               "outlet": ("⟨", "⟩")}


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # content, speaker, cue, outlet
    style: str
    number: Optional[int] = None  # the claim's number, on its content


def _marks(document: Document, colours: dict, labels: dict) -> list[_Mark]:
    marks = []
    for n, claim in enumerate(document.claims, 1):
        colour = colours[labels[n]]
        marks.append(_Mark(claim.content.start, claim.content.end, "content", colour, n))
        marks.append(_Mark(claim.cue.start, claim.cue.end, "cue", CUE_STYLE))
        if claim.speaker is not None:
            marks.append(_Mark(claim.speaker.start, claim.speaker.end, "speaker",
                               f"{SPEAKER_STYLE} {colour}"))
        if claim.outlet is not None:
            marks.append(_Mark(claim.outlet.start, claim.outlet.end, "outlet", OUTLET_STYLE))
    # one mark per span and kind (a speaker of several claims is marked once)
    unique = {(m.start, m.end, m.kind): m for m in marks if m.end > m.start}
    return list(unique.values())


def marked_text(document: Document, colour: bool = True) -> Text:
    """The article's text with its claims marked: in colour, or with plain marks."""
    text = document.text or ""
    groups, colours = speaker_groups(document)
    labels = {n: row.name for row, claims in groups for n, _ in claims}
    marks = _marks(document, colours, labels)
    # Insertions (claim numbers, plain marks) go in at their offsets: opening marks of longer
    # spans first so that marks nest; closing marks of shorter spans first.
    inserts: list[tuple[int, int, tuple, str, str]] = []
    for m in marks:
        before, after = PLAIN_MARKS[m.kind] if not colour else ("", "")
        if m.number is not None:
            before = f"[{m.number}]" + before
        rank = KINDS.index(m.kind)
        if before:
            inserts.append((m.start, 1, (m.start - m.end, rank), before,
                            NUMBER_STYLE if m.number else ""))
        if after:
            inserts.append((m.end, 0, (m.end - m.start, -rank), after, ""))
    inserts.sort(key=lambda i: (i[0], i[1], i[2]))
    out = Text()
    position = 0
    for offset, _, _, mark, style in inserts:
        out.append(text[position:offset])
        position = offset
        out.append(mark, style=style or None)
    out.append(text[position:])
    if colour:
        for m in sorted(marks, key=lambda m: KINDS.index(m.kind)):
            out.stylize(m.style, _moved(m.start, inserts, opening=True),
                        _moved(m.end, inserts, opening=False))
    return out


def _moved(offset: int, inserts: list, opening: bool = True) -> int:
    """Where ``offset`` of the text is in the output: after every insertion made before it
    (and, for the start of a span, after the insertions made at it)."""
    added = 0
    for at, _, _, mark, _ in inserts:
        if at < offset or (at == offset and opening):
            added += len(mark)
    return offset + added


def legend(document: Document, colour: bool = True) -> RenderableType:
    """Each speaker in its colour with the numbers of its claims (a name is never broken across
    lines), then what the marks mean."""
    groups, colours = speaker_groups(document)
    entries = []
    for row, claims in groups:
        entry = Text()
        entry.append("■ " if colour else "", style=colours[row.name])
        entry.append(row.label, style=f"bold {colours[row.name]}")
        entry.append(f" ({', '.join(str(n) for n, _ in claims)})", style="dim")
        entries.append(entry)
    key = Text()
    if colour:
        for i, (name, style) in enumerate((("speaker", SPEAKER_STYLE), ("cue", CUE_STYLE),
                                           ("outlet", OUTLET_STYLE))):
            key.append(" · " if i else "")
            key.append(name, style=style)
        key.append(" · claim text in its speaker's colour · [n] the claim's number in the table",
                   style="dim")
    else:
        key.append("«claim» *speaker* _cue_ ⟨outlet⟩ · [n] the claim's number in the table")
    return Group(Columns(entries, padding=(0, 2)), key)


def article_view(document: Document, colour: bool = True) -> RenderableType:
    """The article of ``document`` (which needs its text) with its claims marked, under a title
    and a legend."""
    n = len(document.claims)
    title = Text(document.source, style="bold")
    if document.metadata and document.metadata.get("title"):
        title.append(f"  {document.metadata['title']}", style="italic")
    title.append(f"  {n} claim{'s' if n != 1 else ''}", style="dim")
    rule = Text("─" * 40, style="dim")
    return Group(title, legend(document, colour), rule, marked_text(document, colour))
