"""Writing results: the one place where claims become records (YAML, JSON, JSONL, CSV and the
terminal table all start from :func:`document_record`), and atomic output files."""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Iterator, Optional

import yaml

from .schema import Claim, Document

CSV_COLUMNS = (
    "source", "publisher", "speaker", "speaker_mention", "speaker_kind", "role", "cue",
    "cue_lemma", "stance", "type", "content", "outlet", "outlet_mention", "outlet_kind",
    "programme", "passage", "hedged", "confidence", "rule",
    "speaker_start", "speaker_end", "cue_start", "cue_end", "content_start", "content_end",
    "outlet_start", "outlet_end",
)


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("claimx").joinpath("record.schema.json").read_text(encoding="utf-8")


def record_schema() -> dict:
    """The JSON Schema of :func:`document_record`'s records (``claimx/record.schema.json``, the
    one place that lists their fields for users)."""
    return json.loads(_schema_text())


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
            "span": _span(claim.outlet.start, claim.outlet.end),
            "kind": claim.outlet.kind, "programme": claim.outlet.programme},
        "passage": claim.passage,
        "hedged": claim.hedged,
        "confidence": claim.confidence,
        "rule": claim.rule,
    }


def document_record(document: Document) -> dict:
    record = {"source": document.source}
    if document.metadata is not None:  # a web page: its site publishes what it does not attribute
        record["publisher"] = document.publisher
        record["metadata"] = dict(document.metadata)
    if document.text is not None:
        record["text"] = document.text
    record["claims"] = [claim_record(c) for c in document.claims]
    return record


# Where each CSV column is in a claim's record: keys, then an index into a span.
_CSV_PLACES = {
    "speaker_mention": ("speaker", "mention"), "speaker_kind": ("speaker", "kind"),
    "role": ("speaker", "role"), "cue": ("cue", "text"), "cue_lemma": ("cue", "lemma"),
    "stance": ("cue", "stance"), "type": ("type",), "content": ("content", "text"),
    "outlet": ("outlet", "name"), "outlet_mention": ("outlet", "mention"),
    "outlet_kind": ("outlet", "kind"), "programme": ("outlet", "programme"),
    "passage": ("passage",), "hedged": ("hedged",),
    "confidence": ("confidence",), "rule": ("rule",),
    **{f"{field}_{end}": (field, "span", i) for field in ("speaker", "cue", "content", "outlet")
       for i, end in enumerate(("start", "end"))},
}


def _place(record: dict, keys: tuple):
    for key in keys:
        if record is None:
            return None
        record = record[key]
    return record


def csv_rows(document: Document) -> Iterator[dict]:
    """One row per claim: :func:`document_record` flattened, the speaker by its name (or the
    words naming it when it has none), made as it is written (a long text's record is never
    built whole). A document without claims gets one row of its own, with only ``source`` and
    ``publisher``, so that a batch's CSV lists every input read."""
    head = document_record(replace(document, claims=()))
    for claim in map(claim_record, document.claims) if document.claims else [None]:
        row = {"source": head["source"], "publisher": head.get("publisher"),
               "speaker": _place(claim, ("speaker", "name")) or _place(claim, ("speaker", "mention"))}
        row.update((column, _place(claim, keys)) for column, keys in _CSV_PLACES.items())
        yield {column: row[column] for column in CSV_COLUMNS}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml: 10x faster, same text
    pass


_Dumper.add_representer(
    _Pair, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


# Characters YAML reads as line breaks: a string holding one is written double-quoted (escaped).
YAML_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper, data: str):
    style = '"' if any(ch in data for ch in YAML_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def to_yaml(record) -> str:
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


# The record of a document in pieces, byte for byte what dumping :func:`document_record` whole
# gives, but claim by claim: the record of a long text's tens of thousands of claims is never
# built whole (it would take several times the memory of the claims). The claims come last.

def json_pieces(document: Document) -> Iterator[str]:
    """``json.dumps(document_record(document), ensure_ascii=False, indent=2)`` in pieces."""
    head = json.dumps(document_record(replace(document, claims=())), ensure_ascii=False, indent=2)
    if not document.claims:
        yield head
        return
    yield head[:-len("]\n}")] + "\n"  # ..., "claims": [
    for i, claim in enumerate(document.claims):
        # a claim is the claims list's item: two levels in (json escapes every line break)
        text = json.dumps(claim_record(claim), ensure_ascii=False, indent=2)
        yield (",\n    " if i else "    ") + text.replace("\n", "\n    ")
    yield "\n  ]\n}"


def yaml_pieces(document: Document) -> Iterator[str]:
    """``to_yaml(document_record(document))`` in pieces: the list of claims in a mapping is
    written at the mapping's own indentation (``claims:`` then ``- speaker: ...``), as a list
    alone is, so each claim is dumped as a list of one."""
    head = to_yaml(document_record(replace(document, claims=())))
    if not document.claims:
        yield head
        return
    yield head[:-len(" []\n")] + "\n"  # claims:
    for claim in document.claims:
        yield to_yaml([claim_record(claim)])


class Writer:
    """Streams document records to ``stream`` in one format, one document at a time; each format
    is a subclass, registered in FORMATS. ``Writer(fmt, stream)`` gives the one for ``fmt``.
    ``verbose``: the table shows each claim's rule; ``excel``: CSV as spreadsheets read it best
    (a UTF-8 byte-order mark, lines ended by CRLF)."""

    def __new__(cls, fmt: str, stream: IO[str], console=None, verbose: bool = False,
                excel: bool = False):
        if cls is Writer:
            if fmt not in FORMATS:
                raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
            cls = FORMATS[fmt].writer
        return super().__new__(cls)

    def __init__(self, fmt: str, stream: IO[str], console=None, verbose: bool = False,
                 excel: bool = False):
        self.fmt, self.stream, self.count = fmt, stream, 0
        self.console, self.verbose, self.excel = console, verbose, excel

    def write(self, document: Document) -> None:
        self._write(document)
        self.count += 1
        self.stream.flush()

    def _write(self, document: Document) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class _YamlWriter(Writer):
    def _write(self, document: Document) -> None:
        self.stream.write("---\n")
        self.stream.writelines(yaml_pieces(document))


class _JsonWriter(Writer):
    def _write(self, document: Document) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        self.stream.writelines(json_pieces(document))

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        super().close()


class _JsonlWriter(Writer):
    def _write(self, document: Document) -> None:
        # claim by claim, the same line: the record of a long text's tens of thousands of claims
        # is never built whole (it would take several times the memory of the claims)
        head = json.dumps(document_record(replace(document, claims=())), ensure_ascii=False)
        self.stream.write(head[:-len("]}")])  # the claims come last: ..., "claims": []}
        for i, claim in enumerate(document.claims):
            self.stream.write((", " if i else "") + json.dumps(claim_record(claim), ensure_ascii=False))
        self.stream.write("]}\n")


class _CsvWriter(Writer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._csv = csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS,
                                   lineterminator="\r\n" if self.excel else "\n")
        self._header = False

    def _write_header(self) -> None:
        if not self._header:
            if self.excel:
                self.stream.write("\ufeff")  # so that a spreadsheet reads UTF-8, not its locale's
            self._csv.writeheader()
            self._header = True

    def _write(self, document: Document) -> None:
        self._write_header()
        self._csv.writerows(csv_rows(document))

    def close(self) -> None:
        self._write_header()
        super().close()


class _TableWriter(Writer):
    def _write(self, document: Document) -> None:
        from .views.table import print_document
        print_document(document, self.stream, self.console, self.verbose)


@dataclass(frozen=True)
class Format:
    """An output format: its ``-f`` name, the file name ending that asks for it (``-o
    claims.jsonl``) and that the files of an output folder get (None: the terminal only), other
    endings that ask for it, and its Writer."""

    name: str
    suffix: Optional[str]
    writer: type
    aliases: tuple = ()


#: Every output format, by name, in the order ``--help`` lists them.
FORMATS = {f.name: f for f in (
    Format("table", None, _TableWriter),
    Format("yaml", ".yaml", _YamlWriter, (".yml",)),
    Format("json", ".json", _JsonWriter),
    Format("jsonl", ".jsonl", _JsonlWriter),
    Format("csv", ".csv", _CsvWriter),
)}


def format_of_file(path: str) -> Optional[str]:
    """The format a file name asks for by its ending (``claims.jsonl`` -> jsonl), or None."""
    ending = os.path.splitext(path)[1].lower()
    return next((f.name for f in FORMATS.values() if ending and ending in (f.suffix, *f.aliases)), None)


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


def write_document_file(document: Document, path: Path, fmt: str, excel: bool = False) -> None:
    """``document`` alone in the file ``path``, written atomically: a JSON object for ``json``,
    else what :class:`Writer` writes for one document."""
    with atomic_output(path) as f:
        if fmt == "json":
            f.writelines(json_pieces(document))
            f.write("\n")
        else:
            writer = Writer(fmt, f, excel=excel)
            writer.write(document)
            writer.close()
