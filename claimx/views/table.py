"""The terminal view of a document's claims (the ``table`` format): claims grouped by speaker,
each speaker in its colour, readable in 80 columns. Cues and contents are never cut (they wrap);
a claim's outlet, when it has one, follows its content ("via Geo News") instead of taking a
column that stays blank for most claims. Without a terminal, or with
``NO_COLOR``, rich writes the same layout as plain text."""
from __future__ import annotations

from typing import IO, Optional

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..schema import Claim, Document
from .colours import speaker_colours
from .corpus import UNKNOWN, Corpus

#: Bold sets direct quotes apart where a terminal's green and yellow look alike.
TYPE_STYLE = {"direct": "bold green", "indirect": "cyan", "mixed": "yellow"}
#: The cue column is no wider than this: a longer cue wraps at its spaces ("according to").
CUE_WIDTH = 14


def speaker_groups(document: Document) -> tuple[list, dict]:
    """The document's speakers, most claims first, each with its claims in article order as
    (number, claim); and their colours."""
    corpus = Corpus()
    corpus.add(document)
    order = [row.name for row in corpus.speakers()]
    groups: dict = {name: [] for name in order}
    for n, claim in enumerate(document.claims, 1):
        groups[corpus.label_of(claim)].append((n, claim))
    rows = {row.name: row for row in corpus.speakers()}
    return [(rows[name], groups[name]) for name in order], speaker_colours(order)


def _heading(row, colour: str, n_claims: int) -> Text:
    heading = Text()  # not Text("■ ", style=colour): that would colour the whole line
    heading.append("■ ", style=colour)
    heading.append(row.label, style=f"bold {colour}")
    details = [d for d in (row.role, row.kind if row.name else None) if d]
    details.append(f"{n_claims} claim{'s' if n_claims != 1 else ''}")
    heading.append("  " + " · ".join(details), style="dim")
    return heading


def _width(values, cap: int, floor: int) -> int:
    """The width of a column: its longest value up to ``cap`` (longer values wrap at spaces),
    but never less than a single word of it."""
    words = [len(w) for v in values for w in v.split()]
    return max([floor, min(max((len(v) for v in values), default=0), cap)] + words)


def _columns(document: Document, verbose: bool) -> dict:
    claims = document.claims
    widths = {
        "#": len(str(len(claims))),
        "cue": _width([c.cue.text for c in claims] + [c.cue.stance for c in claims
                                                       if c.cue.stance != "neutral"], CUE_WIDTH, 3),
        "type": max([4, 8] + ([len(c.rule) for c in claims] if verbose else [])),
        "conf": 4,
    }
    return widths


def _group_table(claims: list, widths: dict, header: bool, verbose: bool) -> Table:
    table = Table(box=None, show_header=header, header_style="bold dim", expand=True,
                  padding=(0, 1), pad_edge=False)
    table.add_column("#", justify="right", width=widths["#"] + 1, no_wrap=True)
    table.add_column("cue", width=widths["cue"])
    table.add_column("type", width=widths["type"])
    table.add_column("conf", justify="right", width=widths["conf"], no_wrap=True)
    table.add_column("claim", ratio=1, overflow="fold")
    for n, claim in claims:
        table.add_row(*_cells(n, claim, verbose))
    return table


def _cells(n: int, claim: Claim, verbose: bool) -> list:
    cue = Text(claim.cue.text)
    if claim.cue.stance != "neutral":
        cue.append(f"\n{claim.cue.stance}", style="magenta")
    kind = Text(claim.type, style=TYPE_STYLE.get(claim.type, ""))
    if claim.hedged:
        kind.append("\nhedged", style="dim")
    if verbose:
        kind.append(f"\n{claim.rule}", style="dim")
    content = Text(claim.content.text)
    if claim.outlet is not None:
        content.append("\nvia ", style="dim")
        content.append(claim.outlet.name, style="bold")
    return [Text(str(n), style="dim"), cue, kind,
            Text(f"{claim.confidence:.2f}", style="dim" if claim.confidence < 0.5 else ""), content]


def document_view(document: Document, verbose: bool = False) -> RenderableType:
    """The table of ``document``'s claims; ``verbose`` adds the rule that found each."""
    n = len(document.claims)
    groups, colours = speaker_groups(document)
    speakers = sum(1 for row, _ in groups if row.name is not None)
    title = Text(f"{document.source}:", style="bold")
    title.append(f" {n} claim{'s' if n != 1 else ''}", style="dim")
    if n:
        title.append(f" from {speakers} speaker{'s' if speakers != 1 else ''}", style="dim")
    parts: list = [title]
    widths = _columns(document, verbose)
    for i, (row, claims) in enumerate(groups):
        parts += [Text(""), _heading(row, colours[row.name], len(claims)),
                  _group_table(claims, widths, header=i == 0, verbose=verbose)]
    return Group(*parts)


def print_document(document: Document, stream: IO[str], console: Optional[Console] = None,
                   verbose: bool = False) -> None:
    """Print the table of ``document`` to ``stream`` (or ``console``)."""
    console = console or Console(file=stream, soft_wrap=False)
    console.print(document_view(document, verbose))
    console.print()


__all__ = ["document_view", "print_document", "speaker_groups", "UNKNOWN"]
