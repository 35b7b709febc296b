"""Writing results: the one place where claims become records (YAML, JSON, JSONL, CSV and the
terminal table all start from :func:`document_record`), and atomic output files."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import yaml

from .schema import Claim, Document

FORMATS = ("table", "yaml", "json", "jsonl", "csv")
CSV_COLUMNS = (
    "source", "speaker", "speaker_mention", "speaker_kind", "role", "cue", "cue_lemma", "stance",
    "type", "content", "outlet", "passage", "hedged", "confidence", "rule",
    "speaker_start", "speaker_end", "cue_start", "cue_end", "content_start", "content_end",
    "outlet_start", "outlet_end",
)


class _Pair(list):
    """A [start, end] span, written on one line in YAML."""


def _span(start: int, end: int) -> _Pair:
    return _Pair([start, end])


def claim_record(claim: Claim) -> dict:
    sp = claim.speaker
    return {
        "speaker": None if sp is None else {
            "name": sp.name, "mention": sp.mention, "span": _span(sp.start, sp.end),
            "kind": sp.kind, "role": sp.role},
        "cue": {"text": claim.cue.text, "span": _span(claim.cue.start, claim.cue.end),
                "lemma": claim.cue.lemma, "stance": claim.cue.stance},
        "content": {"text": claim.content.text, "span": _span(claim.content.start, claim.content.end)},
        "type": claim.type,
        "outlet": None if claim.outlet is None else {
            "name": claim.outlet.name, "mention": claim.outlet.mention,
            "span": _span(claim.outlet.start, claim.outlet.end)},
        "passage": claim.passage,
        "hedged": claim.hedged,
        "confidence": claim.confidence,
        "rule": claim.rule,
    }


def document_record(document: Document) -> dict:
    record = {"source": document.source}
    if document.metadata is not None:  # a web page: its site publishes what it does not attribute
        record["publisher"] = document.metadata.get("site_name")
        record["metadata"] = dict(document.metadata)
    if document.text is not None:
        record["text"] = document.text
    record["claims"] = [claim_record(c) for c in document.claims]
    return record


def csv_rows(document: Document) -> Iterator[dict]:
    for c in document.claims:
        sp, out = c.speaker, c.outlet
        yield {
            "source": document.source,
            "speaker": sp and (sp.name or sp.mention), "speaker_mention": sp and sp.mention,
            "speaker_kind": sp and sp.kind, "role": sp and sp.role,
            "cue": c.cue.text, "cue_lemma": c.cue.lemma, "stance": c.cue.stance,
            "type": c.type, "content": c.content.text, "outlet": out and out.name,
            "passage": c.passage, "hedged": c.hedged, "confidence": c.confidence, "rule": c.rule,
            "speaker_start": sp and sp.start, "speaker_end": sp and sp.end,
            "cue_start": c.cue.start, "cue_end": c.cue.end,
            "content_start": c.content.start, "content_end": c.content.end,
            "outlet_start": out and out.start, "outlet_end": out and out.end,
        }


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Pair, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


# Characters YAML reads as line breaks: a string holding one is written double-quoted (escaped).
YAML_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper, data: str):
    style = '"' if any(ch in data for ch in YAML_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def to_yaml(record: dict) -> str:
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class Writer:
    """Streams document records to ``stream`` in one format, one document at a time."""

    def __init__(self, fmt: str, stream: IO[str], console=None, verbose: bool = False):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        self.fmt, self.stream, self.count = fmt, stream, 0
        self._csv = None
        self._console = console
        self._verbose = verbose

    def write(self, document: Document) -> None:
        fmt, out = self.fmt, self.stream
        if fmt == "jsonl":
            out.write(json.dumps(document_record(document), ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write("[\n" if self.count == 0 else ",\n")
            out.write(json.dumps(document_record(document), ensure_ascii=False, indent=2))
        elif fmt == "yaml":
            out.write("---\n" + to_yaml(document_record(document)))
        elif fmt == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
                self._csv.writeheader()
            self._csv.writerows(csv_rows(document))
        else:
            from .display import print_document
            print_document(document, out, self._console, self._verbose)
        self.count += 1
        out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "csv" and self._csv is None:
            csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS, lineterminator="\n").writeheader()
        self.stream.flush()


_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` complete or not at all (temporary file + rename)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o666 & ~_UMASK)  # as open() would make it, not mkstemp's owner-only
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_document_file(document: Document, path: Path, fmt: str) -> None:
    """``document`` alone in the file ``path``, written atomically: a JSON object for ``json``,
    else what :class:`Writer` writes for one document."""
    with atomic_output(path) as f:
        if fmt == "json":
            f.write(json.dumps(document_record(document), ensure_ascii=False, indent=2) + "\n")
        else:
            writer = Writer(fmt, f)
            writer.write(document)
            writer.close()
