"""Where views get their documents: claimx's results read back (JSONL, JSON or YAML records, as
:mod:`claimx.writing` writes them), or articles extracted with the library. Results are read,
never re-parsed: the spaCy pipeline is loaded only when a path is an article."""
from __future__ import annotations

import json
from itertools import chain
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..reading import Input, InputError, read_inputs
from ..schema import Claim, Cue, Document, Outlet, Span, Speaker

#: Files read as claimx results rather than as articles.
RESULT_SUFFIXES = (".jsonl", ".json", ".yaml", ".yml")
Problem = Callable[[str], None]
NOT_RESULTS = "not claimx results; give the output of claimx extract -f jsonl (or json, yaml)"


class ResultsError(ValueError):
    """A results file that cannot be read; the message names it and says what to give instead."""


def is_results(path: str) -> bool:
    return Path(path).suffix.lower() in RESULT_SUFFIXES and Path(path).is_file()


def _span_of(field: dict) -> tuple[int, int]:
    start, end = field["span"]
    return int(start), int(end)


def claim_from_record(record: dict) -> Claim:
    """The :class:`Claim` that :func:`claimx.writing.claim_record` wrote as ``record``."""
    sp, cue, content, out = (record.get("speaker"), record["cue"], record["content"],
                             record.get("outlet"))
    speaker = None if sp is None else Speaker(
        sp["mention"], *_span_of(sp), name=sp.get("name"), kind=sp.get("kind") or "unknown",
        role=sp.get("role"))
    outlet = None if out is None else Outlet(out["name"], out.get("mention") or out["name"],
                                             *_span_of(out))
    return Claim(
        content=Span(content["text"], *_span_of(content)),
        cue=Cue(cue["text"], *_span_of(cue), lemma=cue.get("lemma") or cue["text"],
                stance=cue.get("stance") or "neutral"),
        speaker=speaker, type=record.get("type") or "indirect",
        confidence=float(record.get("confidence") or 0.0), rule=record.get("rule") or "",
        outlet=outlet, passage=record.get("passage"), hedged=bool(record.get("hedged")))


def document_from_record(record: dict) -> Document:
    """The :class:`Document` that :func:`claimx.writing.document_record` wrote as ``record``
    (``id`` stands in for ``source`` in evaluation runs)."""
    if not isinstance(record, dict) or not isinstance(record.get("claims"), list):
        raise ValueError("a record needs a list of claims")
    source = record.get("source") or record.get("id") or "<unnamed>"
    return Document(str(source), tuple(claim_from_record(c) for c in record["claims"]),
                    record.get("text"), record.get("metadata"))


def _records(path: Path) -> Iterator[tuple[str, object]]:
    """(where, record) for each record in a results file: a JSON line, a JSON list or object,
    or a YAML document."""
    suffix = path.suffix.lower()
    with open(path, encoding="utf-8") as f:
        if suffix == ".jsonl":
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        yield f"{path} line {n}", json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ResultsError(f"{path} line {n}: not JSON ({exc.msg}); {NOT_RESULTS}")
        elif suffix == ".json":
            try:
                data = json.load(f)
            except json.JSONDecodeError as exc:
                raise ResultsError(f"{path}: not JSON ({exc.msg}, line {exc.lineno}); {NOT_RESULTS}")
            for n, record in enumerate(data if isinstance(data, list) else [data], 1):
                yield f"{path} record {n}", record
        else:
            import yaml
            try:
                for n, record in enumerate(yaml.safe_load_all(f), 1):
                    if record is not None:
                        yield f"{path} document {n}", record
            except yaml.YAMLError as exc:
                raise ResultsError(f"{path}: not YAML ({str(exc).splitlines()[0]}); {NOT_RESULTS}")


def read_results(path: Path) -> Iterator[Document]:
    """The documents of a claimx results file, one record at a time. Raises ResultsError (with
    the file, the line and the fix) on what is not a claimx record."""
    try:
        for where, record in _records(path):
            try:
                yield document_from_record(record)
            except (KeyError, TypeError, ValueError) as exc:
                raise ResultsError(f"{where}: {NOT_RESULTS} ({_reason(exc)})")
    except UnicodeDecodeError:
        raise ResultsError(f"{path}: not UTF-8 text; {NOT_RESULTS}")
    except OSError as exc:
        raise ResultsError(f"{path}: cannot read it ({exc.strerror or exc}); check the file")


def _reason(exc: Exception) -> str:
    return f"no field {exc}" if isinstance(exc, KeyError) else str(exc)


def with_text(document: Document, encoding: Optional[str] = None) -> Document:
    """``document`` with its text: the record's own, else the article at its ``source`` read
    again (the offsets point into the text claimx read, which reading gives again). Raises
    ResultsError when neither is there."""
    if document.text is not None:
        return document
    for item in read_inputs([document.source], encoding):
        if isinstance(item, Input):
            return Document(document.source, document.claims, item.text,
                            document.metadata or item.metadata)
        raise ResultsError(f"{document.source}: the record has no text and the article cannot be "
                           f"read ({item.message}); extract it again with --include-text")
    raise ResultsError(f"{document.source}: the record has no text; extract with --include-text")


class Loader:
    """Documents from paths that are articles, folders of articles, or claimx results. Problems
    (a file that cannot be read) go to ``on_problem`` and are counted in ``skipped``; the rest
    goes on. The spaCy pipeline is loaded, by ``load_nlp``, only for the first article."""

    def __init__(self, load_nlp: Callable[[], object], on_problem: Problem = lambda m: None,
                 encoding: Optional[str] = None, need_text: bool = False,
                 min_confidence: float = 0.0):
        self.load_nlp, self.on_problem = load_nlp, on_problem
        self.encoding, self.need_text = encoding, need_text
        self.min_confidence = min_confidence
        self.skipped = 0
        self.documents = 0

    def __call__(self, paths: Iterable[str]) -> Iterator[Document]:
        for document in self._documents(paths):
            if self.min_confidence:
                document = replace(document, claims=tuple(
                    c for c in document.claims if c.confidence >= self.min_confidence))
            yield document

    def _documents(self, paths: Iterable[str]) -> Iterator[Document]:
        articles: list[str] = []
        for path in paths:
            if is_results(path):
                yield from self._articles(articles)
                articles = []
                yield from self._results(Path(path))
            else:
                articles.append(path)
        yield from self._articles(articles)

    def _problem(self, message: str) -> None:
        self.skipped += 1
        self.on_problem(f"skipped {message}")

    def _results(self, path: Path) -> Iterator[Document]:
        try:
            for document in read_results(path):
                if self.need_text:
                    document = with_text(document, self.encoding)
                self.documents += 1
                yield document
        except ResultsError as exc:
            self._problem(str(exc))

    def _articles(self, paths: list[str]) -> Iterator[Document]:
        if not paths:
            return
        from ..batch import Summary, extract_documents

        summary = Summary()
        inputs = (i for i in read_inputs(paths, self.encoding) if self._readable(i))
        first = next(inputs, None)
        if first is None:  # nothing readable: no pipeline to load
            return
        for document in extract_documents(chain([first], inputs), self.load_nlp(), summary,
                                          self.on_problem, include_text=True):
            self.documents += 1
            yield document
        self.skipped += len(summary.skipped)

    def _readable(self, item) -> bool:
        if isinstance(item, InputError):
            self._problem(str(item))
            return False
        return True
