"""The rows of ``claimx speakers`` and ``claimx outlets``, sorted, as a terminal table, CSV or
JSON."""
from __future__ import annotations

import csv
import json
from dataclasses import asdict
from typing import IO, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .colours import speaker_colours
from .corpus import UNKNOWN, OutletRow, SpeakerRow

#: What rows can be sorted by; numbers sort largest first, names from A.
SPEAKER_SORTS = ("claims", "articles", "direct", "name", "kind")
OUTLET_SORTS = ("claims", "articles", "speakers", "name")
VIEW_FORMATS = ("table", "csv", "json")


def _sort_key(row, by: str):
    if by == "name":
        return (row.name is None, (row.name or "").lower())
    if by == "kind":
        return (row.kind, -row.claims)
    if by == "direct":
        return (-row.direct_share, -row.claims)
    if by == "speakers":
        return (-len(row.speakers), -row.claims)
    return (-getattr(row, by), -row.claims)


def sort_rows(rows: Sequence, by: str = "claims", reverse: bool = False, top: int = 0) -> list:
    """``rows`` sorted ``by`` one of SPEAKER_SORTS or OUTLET_SORTS (stable: ties keep the
    order of most claims first), reversed on request, the first ``top`` of them (0: all)."""
    ordered = sorted(rows, key=lambda r: _sort_key(r, by), reverse=reverse)
    return ordered[:top] if top else ordered


def speaker_record(row: SpeakerRow) -> dict:
    record = asdict(row)
    record["outlets"], record["variants"] = list(row.outlets), list(row.variants)
    return record


def outlet_record(row: OutletRow) -> dict:
    return {"name": row.name, "claims": row.claims, "articles": row.articles,
            "speakers": [{"name": None if s == UNKNOWN else s, "claims": n} for s, n in row.speakers]}


def _csv_value(value):
    if isinstance(value, list):
        return "; ".join(f"{v['name'] or UNKNOWN} ({v['claims']})" if isinstance(v, dict) else str(v)
                         for v in value)
    return value


def write_rows(rows: Sequence, fmt: str, stream: IO[str], console: Console | None = None) -> None:
    """``rows`` (all SpeakerRow or all OutletRow) to ``stream`` in ``fmt``."""
    speakers = bool(rows) and isinstance(rows[0], SpeakerRow)
    if fmt == "table":
        console = console or Console(file=stream)
        console.print(speakers_table(rows) if speakers or not rows else outlets_table(rows))
        return
    records = [speaker_record(r) if speakers else outlet_record(r) for r in rows]
    if fmt == "json":
        stream.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        columns = list(records[0]) if records else ["name"]
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_value(v) for k, v in r.items()} for r in records)
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(VIEW_FORMATS)}")


def _first(values: Sequence[str], n: int = 3) -> str:
    """The first ``n`` values, and how many more there are (CSV and JSON give them all)."""
    shown = ", ".join(values[:n])
    return shown + (f", +{len(values) - n} more" if len(values) > n else "")


def speakers_table(rows: Sequence[SpeakerRow]) -> Table:
    colours = speaker_colours(r.name for r in rows)
    table = Table(box=None, header_style="bold dim", padding=(0, 1), pad_edge=False, expand=True)
    table.add_column("speaker", ratio=3)
    table.add_column("kind", no_wrap=True)
    table.add_column("claims", justify="right", no_wrap=True)
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("direct", justify="right", no_wrap=True)
    table.add_column("outlets", ratio=2)
    for r in rows:
        who = Text(r.label, style=f"bold {colours[r.name]}")
        if r.role:
            who.append(f"\n{r.role}", style="dim")
        table.add_row(who, r.kind, str(r.claims), str(r.articles),
                      f"{r.direct_share:.0%}", _first(r.outlets))
    return table


def outlets_table(rows: Sequence[OutletRow]) -> Table:
    table = Table(box=None, header_style="bold dim", padding=(0, 1), pad_edge=False, expand=True)
    table.add_column("outlet", ratio=1)
    table.add_column("claims", justify="right", no_wrap=True)
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("speakers cited through it", ratio=3)
    for r in rows:
        cited = _first([f"{name} ({n})" for name, n in r.speakers], 6)
        table.add_row(Text(r.name, style="bold"), str(r.claims), str(r.articles), cited)
    return table
