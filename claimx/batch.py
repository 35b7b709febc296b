"""Running extraction over many inputs: read them, parse them in batches (in one process or
several), yield one Document per input in input order, write each where it goes, and tally what
happened. Nothing here holds more than the batches in flight, whatever the number of inputs."""
from __future__ import annotations

import gc
import glob
import json
import multiprocessing
import multiprocessing.queues
import os
import signal
import threading
import warnings
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional, Union

from spacy.language import Language

from .reading import STDIN, Input, InputError, expand, read_inputs
from .schema import Document
from .writing import Writer, atomic_output, write_document_file

Problem = Callable[[str], None]
#: File name endings of the per-input files written into an output folder.
SUFFIXES = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl", "csv": ".csv"}
_GLOB_CHARS = frozenset("*?[")


class UsageError(ValueError):
    """Options that do not go together; the message says what to give instead."""


@dataclass
class Summary:
    documents: int = 0  # extracted in this run
    claims: int = 0
    skipped: list = field(default_factory=list)  # InputError
    empty: list = field(default_factory=list)  # sources of the inputs that gave no text
    resumed: int = 0  # inputs whose output an earlier run left complete (--resume)
    total: Optional[int] = None  # inputs to do in this run, when counted

    @property
    def done(self) -> int:
        """Inputs dealt with in this run, extracted or skipped."""
        return self.documents + len(self.skipped)


# --------------------------------------------------------------------------------- inputs


def expand_globs(paths: Iterable[str]) -> list[str]:
    """``paths`` with every quoted glob pattern (``'articles/**/*.txt'``, for folders too big
    for the shell's command line) replaced by the paths it matches, sorted. A pattern that
    matches nothing stays, to be reported as missing."""
    out = []
    for p in paths:
        if p != STDIN and _GLOB_CHARS & set(p) and not os.path.exists(p):
            out.extend(sorted(glob.glob(p, recursive=True)) or [p])
        else:
            out.append(p)
    return out


def count_inputs(paths: Iterable[str], done: Callable[[str], bool] = lambda source: False) -> int:
    """How many inputs ``paths`` name (files found in folders included) whose output is not
    ``done`` yet: the total of the progress bar. Only lists folders; reads nothing."""
    return sum(1 for item in expand(paths)
               if isinstance(item, (InputError, str)) or not done(str(item)))


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def n_processes(value: Union[str, int]) -> int:
    """The number of processes ``--n-process`` asks for: a number, or 0 or ``auto`` for every
    core. Raises UsageError for anything else."""
    text = str(value).strip().lower()
    if text in ("auto", "0"):
        return available_cores()
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 1:
        raise UsageError(f"--n-process takes a number of processes, or 0 or auto for every core "
                         f"(this machine has {available_cores()}), not {value!r}")
    return n


# ------------------------------------------------------------------------- long articles


# Where a long text may be cut, best first: between paragraphs, between lines, after a
# sentence, between words; a piece ends with the break that ends it.
_CUTS = ("\n\n", "\n", ". ", " ")


#: The longest text parsed in one piece; a longer one is cut between paragraphs.
PIECE_CHARACTERS = 100_000


def split_text(text: str, max_length: int) -> list[tuple[int, str]]:
    """``text`` in pieces of at most ``max_length`` characters, cut at paragraph boundaries
    where it can be (at line, sentence or word boundaries where a paragraph alone is too long),
    as ``(offset, piece)`` pairs with ``text[offset:offset + len(piece)] == piece``."""
    if max_length < 1:
        raise ValueError("max_length must be positive")
    pieces, start = [], 0
    while len(text) - start > max_length:
        window_end = start + max_length
        cut = -1
        for mark in _CUTS:
            at = text.rfind(mark, start, window_end)
            if at > start:
                cut = at + len(mark)
                break
        if cut <= start or cut > window_end:
            cut = window_end  # one "word" longer than the limit
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


# ---------------------------------------------------------------------------- extraction


_HAS_METADATA = "metadata" in {f.name for f in fields(Document)}


@dataclass
class _Pending:
    """An input in flight: the claims of its pieces gathered so far."""

    item: Input
    pieces: int
    claims: list = field(default_factory=list)
    received: int = 0
    passages: int = 0  # passage numbers used by the pieces so far


class _FailureLog(dict):
    """spaCy's error handler while a batch runs: notes the error of a Doc a component failed on
    (by its input's number) instead of ending the run. A class, so that it can be pickled to
    worker processes that are spawned rather than forked."""

    def __call__(self, name, proc, docs, exc) -> None:
        for doc in docs:
            context = getattr(doc, "_context", None)
            if context is not None:
                self[context[0]] = f"{type(exc).__name__} in {name}: {exc}"

    def reason(self, seq: int) -> str:
        return self.pop(seq, "an error in a worker process; run with -n 1 to see it")


def extract_documents(
    inputs: Iterable[Union[Input, InputError]],
    nlp: Language,
    summary: Summary,
    on_problem: Problem = lambda message: None,
    min_confidence: float = 0.0,
    include_text: bool = False,
    batch_size: int = 8,
    n_process: int = 1,
) -> Iterator[Document]:
    """One Document per readable input, in input order. Unreadable inputs are reported through
    ``on_problem`` and recorded in ``summary``; so is an input claimx fails on. Neither stops
    the run. Texts longer than ``nlp.max_length`` (or PIECE_CHARACTERS) are parsed in pieces cut between paragraphs,
    and their claims' offsets still point into the whole text."""
    pending: dict[int, _Pending] = {}
    failures = _FailureLog()
    # spaCy needs about 1 GB per 100,000 characters it parses at once: longer texts go in pieces
    max_length = min(nlp.max_length, PIECE_CHARACTERS)

    def texts():
        for seq, item in enumerate(inputs):
            if isinstance(item, InputError):
                summary.skipped.append(item)
                on_problem(f"skipped {item}")
                continue
            for warning in getattr(item, "warnings", ()):  # what reading had to make of it
                on_problem(f"warning: {item.source}: {warning}")
            if not item.text.strip():  # "no text": the reader says what the input was
                summary.empty.append(item.source)
                on_problem(f"warning: {item.source}: no text: "
                           f"{getattr(item, 'no_text', None) or 'empty'}; its record has no claims")
            pieces = split_text(item.text, max_length) if len(item.text) > max_length else [(0, item.text)]
            pending[seq] = _Pending(item, len(pieces))
            for offset, piece in pieces:
                yield piece, (seq, offset)

    def fail(seq: int, reason: str) -> None:
        entry = pending.pop(seq)
        error = InputError(entry.item.source, f"claimx failed on it ({reason}); please report "
                                              f"this, with the file, as a bug")
        summary.skipped.append(error)
        on_problem(f"skipped {error}")

    def finish(seq: int) -> Document:
        entry = pending.pop(seq)
        claims = tuple(c for c in entry.claims if c.confidence >= min_confidence)
        summary.documents += 1
        summary.claims += len(claims)
        item = entry.item
        extra = {"metadata": item.metadata} if _HAS_METADATA and getattr(item, "metadata", None) else {}
        return Document(item.source, claims, item.text if include_text else None, **extra)

    # A component that raises drops its Doc rather than end the run; the Docs that do come back
    # carry their input's number, so what is missing is known.
    handler = nlp.default_error_handler
    nlp.default_error_handler = failures
    try:
        for doc, (seq, offset) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size,
                                          n_process=n_process):
            for earlier in [s for s in pending if s < seq]:
                fail(earlier, failures.reason(earlier))
            entry = pending.get(seq)
            if entry is None:  # an earlier piece of this input failed
                continue
            claims = doc._.claims
            if offset or entry.pieces > 1:
                shift = entry.passages
                claims = [c.shifted(offset, shift) for c in claims]
                entry.passages = max([shift] + [c.passage for c in claims if c.passage is not None])
            entry.claims.extend(claims)
            entry.received += 1
            if entry.received == entry.pieces:
                yield finish(seq)
        for seq in list(pending):
            fail(seq, failures.reason(seq))
    finally:
        nlp.default_error_handler = handler


# ------------------------------------------------------------------------------- outputs


class Output:
    """Where the records of a batch go. Used as a context manager: leaving it normally makes the
    output final; leaving it on an exception (Ctrl-C) keeps whatever can be resumed."""

    #: Whether a run that stops part way can be resumed with --resume.
    resumable = False

    def __init__(self, fmt: str):
        self.fmt = fmt

    def is_done(self, source: str) -> bool:
        """Whether an earlier run left the output of ``source`` complete (with --resume)."""
        return False

    def write(self, document: Document) -> None:
        raise NotImplementedError

    def __enter__(self) -> "Output":
        return self

    def __exit__(self, *exc) -> None:
        pass


class StreamOutput(Output):
    """Every record to one stream (standard output, or a device such as /dev/null), as it
    comes."""

    def __init__(self, fmt: str, stream: IO[str], console=None, path: Optional[str] = None,
                 verbose: bool = False):
        super().__init__(fmt)
        self.stream, self.path, self.console, self.verbose = stream, path, console, verbose

    def __enter__(self) -> "StreamOutput":
        if self.path is not None:
            self.stream = open(self.path, "w", encoding="utf-8", newline="")
        self.writer = Writer(self.fmt, self.stream, self.console, self.verbose)
        return self

    def write(self, document: Document) -> None:
        self.writer.write(document)

    def __exit__(self, kind, *exc) -> None:
        try:
            if kind is None or issubclass(kind, KeyboardInterrupt):
                self.writer.close()  # what was done is well-formed (a JSON list closed)
        finally:
            if self.path is not None:
                self.stream.close()


class FileOutput(Output):
    """Every record to one file that appears complete at the end, or not at all."""

    def __init__(self, fmt: str, path: Path):
        super().__init__(fmt)
        self.path = path

    def __enter__(self) -> "FileOutput":
        self._context = atomic_output(self.path)
        self.writer = Writer(self.fmt, self._context.__enter__())
        return self

    def write(self, document: Document) -> None:
        self.writer.write(document)

    def __exit__(self, kind, value, tb) -> None:
        if kind is None:
            self.writer.close()
        self._context.__exit__(kind, value, tb)


class JsonlFileOutput(Output):
    """One JSON line per record to ``FILE``, by way of ``FILE.part``: each line is flushed as it
    is written, and the part file becomes ``FILE`` when the run ends. A run that stops part way
    leaves the part file, which ``--resume`` goes on with (a line cut off by a crash is
    dropped), so ``FILE`` itself is only ever complete."""

    resumable = True

    def __init__(self, path: Path, resume: bool = False, on_problem: Problem = lambda m: None):
        super().__init__("jsonl")
        self.path, self.resume, self.on_problem = Path(path), resume, on_problem
        self.part = self.path.with_name(self.path.name + ".part")
        self.finished: set = set()
        self._stream: Optional[IO[str]] = None

    def is_done(self, source: str) -> bool:
        return source in self.finished

    def __enter__(self) -> "JsonlFileOutput":
        if self.resume and self.part.exists():
            self._keep_complete_lines(self.part)
        elif self.resume and self.path.exists():
            self._keep_complete_lines(self.path, copy_to=self.part)
        else:
            if self.part.exists():
                self.on_problem(f"warning: {self.part} was left by a run that stopped part way; "
                                f"starting afresh (give --resume to go on with it instead)")
            self.part.write_bytes(b"")
        self._stream = open(self.part, "a", encoding="utf-8", newline="")
        return self

    def _keep_complete_lines(self, path: Path, copy_to: Optional[Path] = None) -> None:
        """Read the records ``path`` holds; cut off what follows the last complete one."""
        good = 0
        with open(path, "rb") as f:
            for line in f:
                try:
                    record = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    record = None
                if not isinstance(record, dict) or not isinstance(record.get("source"), str):
                    break
                self.finished.add(record["source"])
                good += len(line)
        if copy_to is None:
            os.truncate(path, good)
        else:
            with open(path, "rb") as src, open(copy_to, "wb") as dst:
                dst.write(src.read(good))
        if not self.finished and path.stat().st_size:
            self.on_problem(f"warning: {path} holds no complete record; starting afresh")

    def write(self, document: Document) -> None:
        writer = Writer("jsonl", self._stream)
        writer.write(document)  # one line, flushed

    def __exit__(self, kind, value, tb) -> None:
        stream, self._stream = self._stream, None
        if kind is None:
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
            os.replace(self.part, self.path)
        else:
            stream.close()


class FolderOutput(Output):
    """One file per input below ``folder``, mirroring the inputs' folders below ``base``
    (``articles/2024/a.txt`` -> ``FOLDER/2024/a.claims.yaml``), each written atomically."""

    resumable = True

    def __init__(self, fmt: str, folder: Path, base: str, resume: bool = False):
        super().__init__(fmt)
        self.folder, self.base, self.resume = Path(folder), base, resume

    def target(self, source: str) -> Path:
        if source == "<stdin>":
            relative = Path("stdin")
        else:
            path = os.path.abspath(source)
            try:
                relative = Path(os.path.relpath(path, self.base))
            except ValueError:  # another drive (Windows)
                relative = Path(Path(path).name)
            if relative.parts and relative.parts[0] == os.pardir:
                relative = Path(Path(path).name)
            if relative.suffix.lower() == ".txt":
                relative = relative.with_suffix("")
        return self.folder / relative.with_name(relative.name + ".claims" + SUFFIXES[self.fmt])

    def is_done(self, source: str) -> bool:
        return self.resume and source != "<stdin>" and self.target(source).is_file()

    def write(self, document: Document) -> None:
        path = self.target(document.source)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_document_file(document, path, self.fmt)


def common_base(paths: Iterable[str]) -> str:
    """The folder the output tree mirrors: the deepest one holding every input given."""
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)))
               for p in paths if p != STDIN]
    if not folders:
        return os.getcwd()
    try:
        return os.path.commonpath(folders)
    except ValueError:  # several drives (Windows)
        return os.getcwd()


def is_folder_target(output: str) -> bool:
    """``-o`` names a folder when it is one, or ends with a slash (``-o results/``)."""
    return os.path.isdir(output) or output.endswith(("/", os.sep))


def open_output(fmt: str, output: Optional[str], paths: list[str], stdout: IO[str],
                resume: bool = False, on_problem: Problem = lambda m: None,
                console=None, verbose: bool = False) -> Output:
    """The Output that ``-f FMT -o OUTPUT [--resume]`` asks for. Raises UsageError."""
    if output is None:
        if resume:
            raise UsageError("--resume needs --output: a .jsonl file (-f jsonl) or a folder "
                             "(-o DIR/); standard output cannot be resumed")
        return StreamOutput(fmt, stdout, console, verbose=verbose)
    if is_folder_target(output):
        if fmt == "table":
            raise UsageError("a table is for the terminal; give an output folder -f yaml, json, "
                             "jsonl or csv")
        return FolderOutput(fmt, Path(output), common_base(paths), resume)
    if os.path.exists(output) and not os.path.isfile(output):
        # a device or a pipe (-o /dev/null): nothing to rename over it, nothing to resume
        if resume:
            raise UsageError(f"--resume needs an output file or folder; {output} is neither")
        return StreamOutput(fmt, None, console, path=output)
    if fmt == "jsonl":
        return JsonlFileOutput(Path(output), resume, on_problem)
    if resume:
        raise UsageError(f"--resume works with -f jsonl or an output folder (-o DIR/); a {fmt} "
                         f"file is written whole at the end, so there is nothing to resume")
    return FileOutput(fmt, Path(output))


# ----------------------------------------------------------------------------- the run


@dataclass
class Options:
    min_confidence: float = 0.0
    include_text: bool = False
    batch_size: int = 8
    n_process: int = 1
    encoding: Optional[str] = None


def run_batch(
    paths: Iterable[str],
    nlp: Language,
    output: Output,
    options: Options = Options(),
    on_problem: Problem = lambda message: None,
    on_progress: Callable[[Summary], None] = lambda summary: None,
    summary: Optional[Summary] = None,
) -> Summary:
    """Extract the claims of every input in ``paths`` into ``output``, skipping the inputs
    whose output is already done. Ctrl-C (KeyboardInterrupt) stops the worker processes and
    leaves ``output`` resumable; ``summary`` (give one to read it after an interrupt) says what
    was done."""
    summary = summary if summary is not None else Summary()
    paths = expand_globs(paths)
    with output:
        summary.total = count_inputs(paths, output.is_done)
        on_progress(summary)
        # more processes than inputs would only take longer to start
        n_process = max(1, min(options.n_process, summary.total))

        def todo():
            for item in read_inputs(paths, options.encoding):
                if isinstance(item, Input) and item.source != "<stdin>" and output.is_done(item.source):
                    summary.resumed += 1
                    continue
                yield item

        documents = extract_documents(
            todo(), nlp, summary, on_problem, min_confidence=options.min_confidence,
            include_text=options.include_text, batch_size=options.batch_size, n_process=n_process)
        with _workers_stop_on_interrupt(n_process > 1):
            try:
                for document in documents:
                    output.write(document)
                    on_progress(summary)
            finally:
                documents.close()  # ends the worker processes now, not when collected
        on_progress(summary)  # the inputs skipped after the last document
    return summary


# ------------------------------------------------------------------ worker processes


_ignore_sigint_in_children = False


def _after_fork_in_child() -> None:
    # spaCy's worker processes are forked from this one: Ctrl-C is for the main process to
    # handle (it ends them), not for each worker to print a traceback of.
    if _ignore_sigint_in_children:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class _workers_stop_on_interrupt:
    """While active (and when there are worker processes), workers ignore Ctrl-C, and Ctrl-C or
    SIGTERM in the main process ends the workers at once and raises KeyboardInterrupt."""

    def __init__(self, active: bool):
        self.active = active and threading.current_thread() is threading.main_thread()
        self.saved: dict = {}

    def _stop(self, signum, frame):
        # The queues spaCy feeds the workers from hold batches no one will read once the workers
        # are gone; without this, exiting would wait for them to be delivered, forever.
        for obj in gc.get_objects():
            if isinstance(obj, multiprocessing.queues.Queue):
                obj.cancel_join_thread()
        for child in multiprocessing.active_children():
            child.terminate()
        raise KeyboardInterrupt

    def __enter__(self):
        global _ignore_sigint_in_children
        if self.active:
            self._warnings = warnings.catch_warnings()
            self._warnings.__enter__()
            # spaCy's W127 says a worker did not finish: after Ctrl-C, we ended it
            warnings.filterwarnings("ignore", message=r"\[W127\]")
            _ignore_sigint_in_children = True
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.saved[sig] = signal.signal(sig, self._stop)
        return self

    def __exit__(self, *exc) -> None:
        global _ignore_sigint_in_children
        if self.active:
            _ignore_sigint_in_children = False
            for sig, handler in self.saved.items():
                signal.signal(sig, handler)
            self._warnings.__exit__(*exc)
