"""Where the records of a batch go: standard output, one file (written atomically, or line by
line and resumable for JSONL) or a folder of one file per input; never onto an input."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Callable, Iterable, Optional

from .errors import UsageError
from .inputs import input_files
from .reading import FOLDER_SUFFIXES, STDIN
from .schema import Document
from .webpages import HTML_SUFFIXES
from .writing import FORMATS, Writer, atomic_output, format_of_file, write_document_file

Problem = Callable[[str], None]

#: The endings an output folder's file names leave out: ``a.txt`` and ``a.html`` both give
#: ``a.claims.yaml`` (other names are kept whole: ``a.md`` gives ``a.md.claims.yaml``).
INPUT_SUFFIXES = tuple(dict.fromkeys(FOLDER_SUFFIXES + HTML_SUFFIXES))


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
                 verbose: bool = False, excel: bool = False):
        super().__init__(fmt)
        self.stream, self.path, self.console, self.verbose = stream, path, console, verbose
        self.excel = excel

    def __enter__(self) -> "StreamOutput":
        if self.path is not None:
            self.stream = open(self.path, "w", encoding="utf-8", newline="")
        self.writer = Writer(self.fmt, self.stream, self.console, self.verbose, self.excel)
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

    def __init__(self, fmt: str, path: Path, excel: bool = False):
        super().__init__(fmt)
        self.path, self.excel = path, excel

    def __enter__(self) -> "FileOutput":
        self._context = atomic_output(self.path)
        self.writer = Writer(self.fmt, self._context.__enter__(), excel=self.excel)
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

    def __init__(self, fmt: str, folder: Path, base: str, resume: bool = False,
                 excel: bool = False):
        super().__init__(fmt)
        self.folder, self.base, self.resume, self.excel = Path(folder), base, resume, excel

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
            if relative.suffix.lower() in INPUT_SUFFIXES:
                relative = relative.with_suffix("")
        return self.folder / relative.with_name(relative.name + ".claims" + FORMATS[self.fmt].suffix)

    def is_done(self, source: str) -> bool:
        return self.resume and source != "<stdin>" and self.target(source).is_file()

    def write(self, document: Document) -> None:
        path = self.target(document.source)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_document_file(document, path, self.fmt, self.excel)


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


def dash_is_standard_output(output: Optional[str]) -> Optional[str]:
    """``-o -`` is standard output, as ``-`` is standard input (not a folder named ``-``)."""
    return None if output == "-" else output


def _folder_of_file_exists(output: str) -> None:
    """Say before anything is read that a file cannot be written into a folder not there."""
    folder = os.path.dirname(output) or "."
    if not os.path.isdir(folder):
        raise UsageError(f"-o {output}: the folder {folder} does not exist; create it first "
                         f"(mkdir -p {folder}) or give another -o")


def is_folder_target(output: str) -> bool:
    """``-o`` names a folder when it is one, ends with a slash (``-o results/``), or is a name
    that is not there yet and has no ending (``-o results``; ``-o results.yaml`` is a file)."""
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return True
    return not os.path.lexists(output) and not os.path.splitext(os.path.basename(output))[1]


def output_format(fmt: Optional[str], output: Optional[str], terminal: bool,
                  default: Optional[str] = None, excel: bool = False) -> str:
    """The format of a run: ``fmt`` (``-f``) when given, else the one an output file's name
    ends with (``-o claims.jsonl``), else ``default`` (a user's own, from the environment), else
    a table on a terminal and YAML elsewhere. ``excel`` asks for CSV. Raises UsageError when the
    output file's ending says another format than ``-f`` (``-o c.json -f csv``)."""
    named = None if output is None or is_folder_target(output) else format_of_file(output)
    if excel:
        if (fmt or "csv") != "csv" or (named or "csv") != "csv":
            raise UsageError(f"--excel writes CSV; drop -f {fmt or named} or --excel")
        fmt = "csv"
    if fmt is not None and named is not None and named != fmt:
        suffix = FORMATS[fmt].suffix
        fix = f"end its name in {suffix}" if suffix else "leave out -o (a table is for the terminal)"
        raise UsageError(f"-o {output} ends like a {named} file but -f {fmt} was given; {fix}, "
                         f"or leave out -f")
    if fmt is not None:
        return fmt
    if named is not None:
        return named
    if default is not None and not (default == "table" and output is not None):
        return default
    return "table" if terminal and output is None else "yaml"


def open_output(fmt: str, output: Optional[str], paths: list[str], stdout: IO[str],
                resume: bool = False, on_problem: Problem = lambda m: None,
                console=None, verbose: bool = False, excel: bool = False) -> Output:
    """The Output that ``-f FMT -o OUTPUT [--resume]`` asks for. Raises UsageError, also for an
    output that would be written onto one of the inputs ``paths`` name, and for an output
    folder where two inputs would get the same file."""
    if output is None:
        if resume:
            raise UsageError("--resume needs --output: a .jsonl file (-f jsonl) or a folder "
                             "(-o DIR/); standard output cannot be resumed")
        return StreamOutput(fmt, stdout, console, verbose=verbose, excel=excel)
    if is_folder_target(output):
        if fmt == "table":
            raise UsageError("a table is for the terminal; give an output folder -f yaml, json, "
                             "jsonl or csv")
        folder = FolderOutput(fmt, Path(output), common_base(paths), resume, excel)
        clash = input_written_over(paths, folder.target)
        if clash:
            raise UsageError(f"-o {output} would write the claims of {clash[0]} over the input "
                             f"{clash[1]}; give an output folder that holds no input")
        shared = inputs_sharing_a_target(paths, folder.target)
        if shared:
            raise UsageError(f"-o {output} would write the claims of both {shared[0]} and "
                             f"{shared[1]} to {shared[2]}; run them into separate folders")
        return folder
    if os.path.exists(output) and not os.path.isfile(output):
        # a device or a pipe (-o /dev/null): nothing to rename over it, nothing to resume
        if resume:
            raise UsageError(f"--resume needs an output file or folder; {output} is neither")
        return StreamOutput(fmt, None, console, path=output, excel=excel)
    _folder_of_file_exists(output)
    clash = input_written_over(paths, lambda source: Path(output))
    if clash:
        raise UsageError(f"-o {output} is the input {clash[1]}; claimx will not write over an "
                         f"input: give --output another name")
    if fmt == "jsonl":
        return JsonlFileOutput(Path(output), resume, on_problem)
    if resume:
        raise UsageError(f"--resume works with -f jsonl or an output folder (-o DIR/); a {fmt} "
                         f"file is written whole at the end, so there is nothing to resume")
    return FileOutput(fmt, Path(output), excel)


def _file_id(path: Path) -> Optional[tuple]:
    try:
        st = os.stat(path)
    except OSError:  # not there (yet)
        return None
    return st.st_dev, st.st_ino


def input_written_over(paths: Iterable[str], target: Callable[[str], Path]) -> Optional[tuple]:
    """``(source, input)`` when the output of ``source`` (``target(source)``) would be written
    over ``input``, one of the input files; else None. Reads no input."""
    files = {}
    for path in input_files(paths):
        files.setdefault(_file_id(path), path)
    files.pop(None, None)
    for source in files.values():
        hit = files.get(_file_id(target(str(source))))
        if hit is not None:
            return source, hit
    return None


def inputs_sharing_a_target(paths: Iterable[str], target: Callable[[str], Path]) -> Optional[tuple]:
    """``(first, second, file)`` when two inputs would be written to one ``file`` (``a.txt`` and
    ``a.html`` both to ``a.claims.yaml``, or standard input and ``stdin.txt``); else None."""
    files = {}  # the same file named twice is one input
    for path in input_files(paths):
        files.setdefault(_file_id(path) or str(path), str(path))
    sources = list(files.values()) + (["<stdin>"] if STDIN in paths else [])
    seen: dict = {}
    for source in sources:
        file = target(source)
        first = seen.setdefault(os.path.normcase(os.path.abspath(file)), source)
        if first != source:
            return first, source, file
    return None
