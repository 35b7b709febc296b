"""Reading input: files, folders and standard input, decoded to text whatever their encoding."""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union

import charset_normalizer

STDIN = "-"
# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


# The single-byte encodings English-language text is saved in, most common first.
WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


@dataclass(frozen=True)
class Input:
    source: str
    text: str


@dataclass(frozen=True)
class InputError:
    """An input that could not be read: ``message`` says why and how to fix it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data``: ``encoding`` when given, else by its byte-order mark, else UTF-8, else
    the best guess of charset-normalizer. Raises ValueError with a message saying what to do."""
    if encoding:
        if codecs.lookup(encoding).name == "utf-8" if _known(encoding) else False:
            encoding = "utf-8-sig"  # a BOM is not part of the text
        try:
            return data.decode(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}; give a Python codec name such as utf-8 or cp1252")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid {encoding} ({exc.reason} at byte {exc.start}); try another --encoding")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {codec} byte-order mark but is not valid {codec} "
                                 f"({exc.reason}); re-save it as UTF-8 or give --encoding")
    if b"\x00" in data:
        raise ValueError("looks like a binary file (it contains NUL bytes); claimx reads text: "
                         "save the article as plain text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # claimx reads English: among the encodings English text comes in, let the detector choose
    best = charset_normalizer.from_bytes(data, cp_isolation=list(WESTERN)).best()
    if best is None:
        raise ValueError("cannot tell its text encoding; give it with --encoding (e.g. cp1252)")
    return str(best)


def expand(paths: Iterable[str]) -> Iterator[Union[Path, str, InputError]]:
    """Each path as given, with folders replaced by every ``*.txt`` below them, sorted."""
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*.txt") if f.is_file())
            if not found:
                yield InputError(p, "folder holds no *.txt files; point claimx at the articles' folder")
            yield from found
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield InputError(p, "broken symbolic link; point it at an existing file")
        else:
            yield InputError(p, "no such file or folder; check the path")


def read_inputs(paths: Iterable[str], encoding: str | None = None) -> Iterator[Union[Input, InputError]]:
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        source = "<stdin>" if item == STDIN else str(item)
        try:
            data = sys.stdin.buffer.read() if item == STDIN else Path(item).read_bytes()
        except PermissionError:
            yield InputError(source, "permission denied; check the file's permissions")
            continue
        except OSError as exc:
            yield InputError(source, f"cannot read it ({exc.strerror or exc}); check the file")
            continue
        try:
            yield Input(source, decode(data, encoding))
        except ValueError as exc:
            yield InputError(source, str(exc))
