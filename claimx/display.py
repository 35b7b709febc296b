"""The terminal view of a document's claims (the ``table`` format), with rich."""
from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .schema import Document

TYPE_STYLE = {"direct": "green", "indirect": "cyan", "mixed": "yellow"}


def print_document(document: Document, stream: IO[str], console: Console | None = None,
                   verbose: bool = False) -> None:
    """The claims of ``document`` as a table; ``verbose`` adds the rule that found each."""
    console = console or Console(file=stream, soft_wrap=False)
    n = len(document.claims)
    table = Table(title=f"{document.source}: {n} claim{'s' if n != 1 else ''}", title_justify="left",
                  show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("cue", ratio=1)
    table.add_column("type", no_wrap=True)
    table.add_column("claim", ratio=6)
    table.add_column("outlet", ratio=1)
    table.add_column("conf", justify="right", no_wrap=True)
    for i, c in enumerate(document.claims, 1):
        sp = c.speaker
        who = Text("—", style="dim") if sp is None else Text(sp.name or sp.mention)
        if sp is not None:
            if sp.name and sp.name != sp.mention:
                who.append(f" ({sp.mention})", style="dim")
            if sp.role:
                who.append(f"\n{sp.role}", style="italic dim")
            who.append(f"\n{sp.kind}", style="dim")
        cue = Text(c.cue.text)
        if c.cue.stance != "neutral":
            cue.append(f"\n{c.cue.stance}", style="magenta")
        outlet = Text(c.outlet.name if c.outlet else "")
        if c.hedged:
            outlet.append("\nhedged", style="dim")
        kind = Text(c.type, style=TYPE_STYLE.get(c.type, ""))
        if verbose:
            kind.append(f"\n{c.rule}", style="dim")
        table.add_row(str(i), who, cue, kind,
                      c.content.text, outlet, f"{c.confidence:.2f}")
    console.print(table)
