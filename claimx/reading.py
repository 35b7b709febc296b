"""Reading input: files, folders and standard input, decoded to text whatever their encoding,
web pages reduced to their article, and unusual spaces read as plain ones. What cannot be read
becomes an ``InputError`` that says what to fix."""
from __future__ import annotations

import codecs
import itertools
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

import charset_normalizer

from . import webpages

STDIN = "-"
#: What a folder is searched for.
FOLDER_SUFFIXES = (".txt", ".html", ".htm")
#: Inputs larger than this are skipped: no single article comes near it, while a device or an
#: endless pipe would otherwise fill the memory.
MAX_BYTES = 128 * 2**20
CHUNK = 2**16
STEP = 2**20  # characters: how long texts are worked on

# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

#: NUL bytes above this share of an input make it binary; fewer are strays in a text, each read
#: as U+FFFD: a binary file holds them by the thousand, a saved article one or two by accident.
NUL_SHARE = 0.01
#: Bytes that are not UTF-8, up to this share of an input's bytes, are read as U+FFFD, one for
#: each, when no other encoding fits (an article damaged by a scraper in a few places).
BAD_UTF8_SHARE = 0.01
_ESCAPED = re.compile("[\udc80-\udcff]+")  # the bytes "surrogateescape" could not decode
REPLACEMENT = "\ufffd"

# The single-byte encodings English-language text is saved in, most common first.
WESTERN = ("cp1252", "latin_1", "iso8859_15")

# Files people mistake for articles, by their first bytes: (signature, what it is).
SIGNATURES = (
    (b"%PDF-", "a binary file (a PDF document)"),
    (b"PK\x03\x04", "a binary file (a ZIP archive, or a Word, OpenDocument or EPUB file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a binary file (an old Word or Excel document)"),
    (b"{\\rtf", "an RTF document, not plain text"),
    (b"\x1f\x8b", "a binary file (a gzip archive)"),
    (b"BZh", "a binary file (a bzip2 archive)"),
    (b"\xfd7zXZ\x00", "a binary file (an xz archive)"),
    (b"7z\xbc\xaf\x27\x1c", "a binary file (a 7-Zip archive)"),
    (b"\x89PNG", "a binary file (a PNG image)"),
    (b"\xff\xd8\xff", "a binary file (a JPEG image)"),
    (b"GIF8", "a binary file (a GIF image)"),
    (b"\x7fELF", "a binary file (a program)"),
    (b"SQLite format 3\x00", "a binary file (an SQLite database)"),
)
SAVE_AS_TEXT = "claimx reads text: save the article as plain text or as a web page"

# Characters read as their plain forms, one for one so that offsets stay the same: the spaces
# of web pages and word processors (no-break, thin, zero-width...), which the parser otherwise
# takes for words, and the line breaks that are not "\n".
PLAIN = {**dict.fromkeys("\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                         "\u2009\u200a\u200b\u202f\u205f\u2060\u3000\ufeff", " "),
         **dict.fromkeys("\x0b\x0c\u2028\u2029", "\n")}
_UNPLAIN = re.compile("[" + "".join(PLAIN) + "]")
_LONE_CR = re.compile("\r(?!\n)")
# Control characters no text holds; many of them mean the bytes were not text at all.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


@dataclass(frozen=True)
class Input:
    """The text of one input. ``metadata`` is set for a web page (then ``text`` is the article
    extracted from it): ``site_name``, ``title``, ``author``, ``date``, ``url``."""

    source: str
    text: str
    metadata: Optional[dict] = None
    #: What was read otherwise than as it stands, one line each (bytes that are not UTF-8, a
    #: stray NUL), for the reader to be warned of.
    warnings: tuple = ()
    #: When ``text`` is blank: what the input was, and the likely cause.
    no_text: Optional[str] = None


@dataclass(frozen=True)
class InputError:
    """An input that could not be read: ``message`` says why and how to fix it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{_one_line(self.source)}: {self.message}"


def _one_line(name: str) -> str:
    """A name as it can be printed on one line (a file name may hold a line break)."""
    return _BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def _printable_path(path: Union[str, Path]) -> str:
    """A path as text that can be written anywhere: bytes of a file name that are not UTF-8 are
    shown as escapes (``caf\\xe9.txt``) instead of breaking the output later."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def plain_forms(text: str) -> str:
    """``text`` with no-break, thin and zero-width spaces as plain spaces and line and paragraph
    separators (and lone carriage returns) as line feeds. The result has the same length, so
    every offset into it is an offset into ``text`` too."""
    if _UNPLAIN.search(text) is None and ("\r" not in text or _LONE_CR.search(text) is None):
        return text
    if len(text) <= STEP:
        return _plain(text)
    # a long text a piece at a time, so that no more than one piece's fragments are in memory;
    # a piece never ends between "\r" and "\n"
    cuts = [0]
    while cuts[-1] < len(text):
        cut = min(cuts[-1] + STEP, len(text))
        cuts.append(cut + 1 if text[cut - 1] == "\r" and cut < len(text) else cut)
    return "".join(_plain(text[a:b]) for a, b in zip(cuts, cuts[1:]))


def _plain(text: str) -> str:
    text = _UNPLAIN.sub(lambda m: PLAIN[m.group()], text)
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _binary_kind(head: bytes) -> Optional[str]:
    """What ``head``, the first bytes of an input, says it is when it is not text."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """The codec of BOM-less UTF-16 text: ASCII characters leave a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.7 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.7 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _binary_nuls(nuls: int, length: int) -> bool:
    return nuls > NUL_SHARE * length


def _plural(n: int, what: str) -> str:
    return f"{n:,} {what}" + ("" if n == 1 else "s")


def _places(runs: list, total: int, unit: str) -> str:
    """Where ``runs`` (first ones, as (start, end) pairs; ``total`` in all) are, in ``unit``s."""
    shown = [f"{a:,}" if b - a == 1 else f"{a:,}-{b - 1:,}" for a, b in runs[:3]]
    several = len(runs) > 1 or runs[0][1] - runs[0][0] > 1
    where = f"{unit}{'s' if several else ''} " + ", ".join(shown)
    return where + (f" and {_plural(total - 3, 'more place')}" if total > 3 else "")


def _check_text(text: str, notes: Optional[list] = None) -> str:
    """``text`` with its stray NULs as U+FFFD (noted in ``notes``), or ValueError when so many
    NULs or control characters mean the bytes were never text."""
    nuls = text.count("\x00")
    if _binary_nuls(nuls, len(text)):
        raise ValueError("looks like a binary file (it contains NUL characters); " + SAVE_AS_TEXT)
    sample = text[:CHUNK]
    if _CONTROLS.search(sample) and len(_CONTROLS.findall(sample)) > 0.05 * len(sample):
        raise ValueError("looks like a binary file (it is full of control characters); " + SAVE_AS_TEXT)
    if nuls:
        runs = [m.span() for m in itertools.islice(re.finditer("\x00+", text), 3)]
        runs_in_all = len(re.findall("\x00+", text)) if nuls > 3 else len(runs)
        if notes is not None:
            notes.append(f"{_plural(nuls, 'NUL character')} ({_places(runs, runs_in_all, 'character')}) "
                         f"read as U+FFFD")
        text = text.replace("\x00", REPLACEMENT)
    return text


def _damaged_utf8(data: bytes) -> tuple[str, int, str]:
    """``data`` as UTF-8 with each byte that is not UTF-8 as one U+FFFD, so that the text is as
    long as it would be had those bytes been characters; the number of such bytes; and a note
    of where they are."""
    escaped = data.decode("utf-8", "surrogateescape")  # one lone surrogate per bad byte
    runs = list(_ESCAPED.finditer(escaped))
    bad = sum(len(m.group()) for m in runs)
    spans = []
    for m in runs[:3]:
        at = len(escaped[:m.start()].encode("utf-8", "surrogateescape"))
        spans.append((at, at + len(m.group())))
    note = (f"{_plural(bad, 'byte')} that {'is' if bad == 1 else 'are'} not UTF-8 "
            f"({_places(spans, len(runs), 'byte')}) read as U+FFFD, one for each; if the file is in "
            f"another encoding, give it with --encoding") if runs else ""
    text = _ESCAPED.sub(lambda m: REPLACEMENT * len(m.group()), escaped) if runs else escaped
    return text, bad, note


def _decode(data: bytes, encoding: Optional[str] = None,
            notes: Optional[list] = None) -> tuple[str, bool]:
    """The text of ``data`` and whether its encoding was certain (given, a byte-order mark,
    valid UTF-8) rather than guessed. What was read otherwise than as it stands is noted in
    ``notes``."""
    kind = _binary_kind(data[:64])
    if kind is not None:
        raise ValueError(f"looks like {kind}; {SAVE_AS_TEXT}")
    if encoding:
        if codecs.lookup(encoding).name == "utf-8" if _known(encoding) else False:
            encoding = "utf-8-sig"  # a BOM is not part of the text
        try:
            return _check_text(data.decode(encoding), notes), True
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}; give a Python codec name such as utf-8 or cp1252")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid {encoding} ({exc.reason} at byte {exc.start}); try another --encoding")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), notes), True
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {codec} byte-order mark but is not valid {codec} "
                                 f"({exc.reason}); re-save it as UTF-8 or give --encoding")
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is not None:
            try:
                return _check_text(data.decode(codec), notes), True
            except (UnicodeDecodeError, ValueError):
                pass
        if _binary_nuls(data.count(0), len(data)):
            raise ValueError("looks like a binary file (it contains NUL bytes); " + SAVE_AS_TEXT)
    try:
        return _check_text(data.decode("utf-8"), notes), True
    except UnicodeDecodeError:
        pass
    damaged, bad, note = _damaged_utf8(data)
    # UTF-8 with a few bad bytes: more bytes in well-formed multi-byte characters than bad ones
    # (text in a single-byte encoding has next to none)
    utf8 = len(data) - len(damaged) >= bad
    if not utf8:
        # claimx reads English: among the encodings English text comes in, let the detector choose
        best = charset_normalizer.from_bytes(data, cp_isolation=list(WESTERN)).best()
        if best is not None:
            return _check_text(str(best), notes), False
        if bad > BAD_UTF8_SHARE * len(data):
            _check_text(data[:CHUNK].decode("latin-1"))  # binary, most likely: say so
            raise ValueError("cannot tell its text encoding; give it with --encoding (e.g. cp1252)")
    text = _check_text(damaged, notes)
    if notes is not None:
        notes.insert(0, note)
    return text, False


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data``: ``encoding`` when given, else by its byte-order mark, else UTF-8, else
    the best guess of charset-normalizer. Raises ValueError with a message saying what to do,
    also when the bytes are not text at all (NUL bytes, a PDF, an image...)."""
    return _decode(data, encoding)[0]


def read_document(data: bytes, source: str, encoding: str | None = None,
                  html: bool | None = None) -> Input:
    """The Input that ``data`` holds: decoded, reduced to its article when it is a web page
    (``html`` True, or None to tell by its content), with :func:`plain_forms` applied. Raises
    ValueError with a message saying what to do."""
    notes: list[str] = []
    text, certain = _decode(data, encoding, notes)
    metadata, markup = None, None
    if html or (html is None and webpages.looks_like_html(text)):
        declared = None if certain else webpages.declared_encoding(data)
        if declared and _known(declared):
            try:
                declared_notes: list[str] = []
                text = _check_text(data.decode(declared), declared_notes)
                notes = declared_notes
            except (UnicodeDecodeError, ValueError):
                pass  # the page's declaration is wrong: keep the detected text
        markup = text
        text, metadata = webpages.page_text(markup)
    text = plain_forms(text)
    return Input(source, text, metadata, tuple(notes), _no_text(data, markup, text))


def _no_text(data: bytes, markup: Optional[str], text: str) -> Optional[str]:
    """When ``text``, read from ``data`` (from the web page ``markup``), is blank: what the
    input was, with the likely cause."""
    if text.strip():
        return None
    if not data:
        return "empty (no bytes at all)"
    if markup is not None and markup.strip():
        return webpages.no_text_cause(markup)
    return "blank (nothing but spaces and line breaks)"


def _read(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``, stopping early on what is plainly not text (so
    /dev/zero or a stream of noise is refused at once, not read into memory)."""
    too_large = ValueError(f"too large (over {limit // 2**20} MiB) for one article; split it "
                           "into smaller files")
    try:
        status = os.fstat(stream.fileno())
        regular = stat.S_ISREG(status.st_mode)
    except (OSError, ValueError):  # not a file descriptor (a test's stream)
        regular = False
    if regular and status.st_size > limit:
        raise too_large
    head = stream.read(CHUNK)
    kind = _binary_kind(head[:64])
    if kind is not None:
        raise ValueError(f"looks like {kind}; {SAVE_AS_TEXT}")
    if _binary_nuls(head.count(0), len(head)) and not any(head.startswith(bom) for bom, _ in BOMS) \
            and _utf16_without_bom(head) is None:
        raise ValueError("looks like a binary file (it contains NUL bytes); " + SAVE_AS_TEXT)
    if len(head) < CHUNK:  # all of it
        data = head
    elif regular:  # its size is known: read it whole, in one piece
        stream.seek(0)
        data = stream.read()
    else:  # a pipe or a device: piece by piece, never much more than the limit
        buffer = bytearray(head)
        while len(buffer) <= limit:
            chunk = stream.read(16 * CHUNK)
            if not chunk:
                break
            buffer += chunk
        data = bytes(buffer)
    if len(data) > limit:
        raise too_large
    return data


def _walk(folder: Path) -> Iterator[Union[Path, InputError]]:
    """Every article file below ``folder``, sorted, skipping hidden files and folders and the
    ``NAME_files`` folders browsers save a page's images and scripts in."""
    found: list[Path] = []
    problems: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        name = _printable_path(exc.filename or folder)
        reason = "permission denied; check the folder's permissions" if isinstance(exc, PermissionError) \
            else f"cannot list this folder ({exc.strerror or exc})"
        problems.append(InputError(name, reason))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        pages = {Path(f).stem for f in files if f.lower().endswith(webpages.HTML_SUFFIXES)}
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and not (d.endswith("_files") and d[:-len("_files")] in pages)]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(FOLDER_SUFFIXES):
                continue
            path = Path(root) / name
            if path.is_symlink() and not path.exists():
                problems.append(InputError(_printable_path(path),
                                           "broken symbolic link; point it at an existing file"))
            elif path.is_file():
                found.append(path)
    if not found and not problems:
        yield InputError(_printable_path(folder), "folder holds no *.txt or *.html files; point "
                         "claimx at the articles' folder")
    yield from problems
    yield from sorted(found)


def expand(paths: Iterable[str]) -> Iterator[Union[Path, str, InputError]]:
    """Each path as given, with folders replaced by every ``*.txt``, ``*.html`` and ``*.htm``
    below them, sorted."""
    stdin_seen = False
    for p in paths:
        if p == STDIN:
            if stdin_seen:
                yield InputError("<stdin>", "given more than once; standard input can be read only once")
            else:
                stdin_seen = True
                yield STDIN
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield InputError(_printable_path(p), "broken symbolic link; point it at an existing file")
        else:
            yield InputError(_printable_path(p), "no such file or folder; check the path")


def read_inputs(paths: Iterable[str], encoding: str | None = None) -> Iterator[Union[Input, InputError]]:
    """The Input of every file, folder and ``-`` in ``paths``, in order, or an InputError for
    each that cannot be read. Files named ``*.html``/``*.htm`` are read as web pages, and so is
    any other input that turns out to be HTML."""
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        source = "<stdin>" if item == STDIN else _printable_path(item)
        try:
            if item == STDIN:
                data = _read(sys.stdin.buffer, MAX_BYTES)
            else:
                with open(item, "rb") as f:
                    data = _read(f, MAX_BYTES)
        except ValueError as exc:
            yield InputError(source, str(exc))
            continue
        except PermissionError:
            yield InputError(source, "permission denied; check the file's permissions")
            continue
        except IsADirectoryError:
            yield InputError(source, "is a folder; give the folder itself to read the articles in it")
            continue
        except OSError as exc:
            yield InputError(source, f"cannot read it ({exc.strerror or exc}); check the file")
            continue
        html = True if item != STDIN and item.suffix.lower() in webpages.HTML_SUFFIXES else None
        try:
            yield read_document(data, source, encoding, html)
        except ValueError as exc:
            yield InputError(source, str(exc))
