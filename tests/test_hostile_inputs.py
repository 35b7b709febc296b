"""Hostile inputs, on every input path (a file, a folder, standard input): each gives a clear
one-line message naming the input and the right exit code, and never stops the run.

Exit codes: 0 done (an empty input is done, with a warning); 1 nothing could be read; 3 done,
but some inputs were skipped.
"""
from __future__ import annotations

import builtins
import codecs
import json
import os
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx import reading
from claimx.cli import app

GOOD = "Senator Jane Smith said that the bill would pass next week.\n"
GOOD_CLAIM = "the bill would pass next week"
runner = CliRunner()

# Inputs that are read, and must give the claim of GOOD.
READABLE = {
    "utf-8": GOOD.encode("utf-8"),
    "utf-8 with a byte-order mark": codecs.BOM_UTF8 + GOOD.encode("utf-8"),
    "utf-16 with a byte-order mark": codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"),
    "windows-1252": "“Senator” Jane Smith said that the bill would pass next week.\n".encode("cp1252"),
    "no-break spaces": GOOD.replace(" ", "\xa0").encode("utf-8"),
    "old Mac line ends": "Headline\r\rSenator Jane Smith said that the bill would pass next week.\r".encode(),
    "web page": ("<!DOCTYPE html><html><head><title>Bill</title>"
                 "<meta property='og:site_name' content='Capitol Times'></head><body>"
                 "<nav><a href='/'>Home</a></nav><article><p>" + GOOD + "</p></article>"
                 "<div>We use cookies to improve your experience. <button>Accept</button></div>"
                 "</body></html>").encode("utf-8"),
    "web page nested 3,000 levels deep": ("<html><body>" + "<div>" * 1500 + "<font>" * 1500 +
                                          "<p>" + GOOD + "</p></body></html>").encode("utf-8"),
    "a stray NUL": (GOOD + "\x00" + GOOD).encode(),
    "a few bad bytes": ("“Senator” Jane Smith said that the bill would pass next week.\n"
                        "“Next,” she said.\n").encode().replace(b"Next", b"\xffNe\xfe\xfext"),
}
# What a reader is warned of for each readable input that is not read as it stands.
WARNED = {"a stray NUL": "1 NUL character", "a few bad bytes": "3 bytes that are not UTF-8"}
# Inputs that give no text: a record without claims, and a warning with the likely cause.
EMPTY = {
    "empty": (b"", "empty"),
    "whitespace only": (b" \n\t\r\n\xc2\xa0\n  ", "blank"),
    "web page without text": (b"<!DOCTYPE html><html><head><title></title></head><body></body></html>",
                              "a web page in which no article text was found"),
    "web page built by scripts": (b"<!DOCTYPE html><html><body><div id='app'></div>"
                                  b"<script>render('app')</script></body></html>", "scripts"),
}
# Inputs that are skipped: (bytes, a word the message must hold).
SKIPPED = {
    "binary (PNG)": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    "NUL bytes throughout": (GOOD.encode().replace(b" ", b"\x00"), "binary"),
    "PDF": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "PDF"),
    "Word document": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml", "Word"),
    "random bytes": (random.Random(6).randbytes(5000), "binary"),
    "control characters": (bytes(range(1, 9)) * 40 + b"said" + bytes(range(14, 32)) * 20, "binary"),
    "broken UTF-16": (codecs.BOM_UTF16_LE + b"abc", "--encoding"),
}


def run(*args, input=None):
    result = runner.invoke(app, ["extract", "-f", "json", *map(str, args)], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stderr
    return result


def records(result) -> list[dict]:
    return json.loads(result.stdout)


def lines_naming(result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if name in line]


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good" / "good.txt"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    return path


def _give(how: str, data: bytes, tmp_path: Path, good: Path, name: str = "case.txt"):
    """Run claimx on ``data`` given as a file, in a folder or on standard input, next to the
    good article (as a second input, or in the same folder). Returns the result and the source
    name claimx gives the input."""
    if how == "stdin":
        return run("-", good, input=data), "<stdin>"
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / name
    path.write_bytes(data)
    if how == "file":
        return run(path, good), str(path)
    (folder / "good.txt").write_bytes(good.read_bytes())
    return run(folder), str(path)


PATHS = ["file", "folder", "stdin"]


@pytest.mark.parametrize("how", PATHS)
@pytest.mark.parametrize("case", READABLE)
def test_readable_inputs_give_their_claims(tmp_path, good, how, case):
    name = "case.html" if case.startswith("web page") and how != "stdin" else "case.txt"
    result, source = _give(how, READABLE[case], tmp_path, good, name)
    assert result.exit_code == 0, result.stderr
    warnings = lines_naming(result, source)
    assert [case in WARNED and WARNED[case] in line for line in warnings] == [case in WARNED] * len(warnings)
    assert len(warnings) == (case in WARNED)
    (record,) = [r for r in records(result) if r["source"] == source]
    assert GOOD_CLAIM in [c["content"]["text"] for c in record["claims"]]
    if case == "web page":
        assert record["publisher"] == "Capitol Times"
        assert record["metadata"]["title"] == "Bill"


@pytest.mark.parametrize("how", PATHS)
@pytest.mark.parametrize("case", EMPTY)
def test_inputs_that_give_no_text_keep_a_record_without_claims_and_say_why(tmp_path, good, how, case):
    data, cause = EMPTY[case]
    name = "case.html" if "web page" in case and how != "stdin" else "case.txt"
    result, source = _give(how, data, tmp_path, good, name)
    assert result.exit_code == 0, result.stderr
    by_source = {r["source"]: r for r in records(result)}
    assert by_source[source]["claims"] == []
    assert by_source[str(good) if how != "folder" else str(tmp_path / "articles" / "good.txt")]["claims"]
    (line,) = lines_naming(result, source)
    assert "warning" in line and "no text" in line and cause in line
    assert "1 input gave no text" in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("how", PATHS)
@pytest.mark.parametrize("case", SKIPPED)
def test_unreadable_contents_are_skipped_with_one_line_and_exit_3(tmp_path, good, how, case):
    data, word = SKIPPED[case]
    result, source = _give(how, data, tmp_path, good)
    assert result.exit_code == 3, result.stderr
    assert source not in [r["source"] for r in records(result)]
    assert [GOOD_CLAIM] == [c["content"]["text"] for r in records(result) for c in r["claims"]]
    (line,) = lines_naming(result, source)
    assert word in line and "skipped" in line


@pytest.mark.parametrize("how", PATHS)
def test_a_binary_input_alone_exits_1(tmp_path, how):
    data = SKIPPED["binary (PNG)"][0]
    if how == "stdin":
        result = run("-", input=data)
    else:
        (tmp_path / "photo.txt").write_bytes(data)
        result = run(tmp_path / "photo.txt" if how == "file" else tmp_path)
    assert result.exit_code == 1
    assert records(result) == []
    assert len(lines_naming(result, "binary")) == 1


def test_standard_input_given_twice_is_read_once_and_the_second_is_skipped(good):
    result = run("-", "-", input=GOOD.encode())
    assert result.exit_code == 3
    assert [r["source"] for r in records(result)] == ["<stdin>"]
    assert len(lines_naming(result, "more than once")) == 1


# --- paths: files and folders --------------------------------------------------------------------


@pytest.mark.parametrize("how", ["file", "folder"])
def test_a_broken_symbolic_link_is_skipped(tmp_path, good, how):
    folder = tmp_path / "articles"
    folder.mkdir()
    link = folder / "moved.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    result = run(link, good) if how == "file" else run(folder, good)
    assert result.exit_code == 3
    (line,) = lines_naming(result, str(link))
    assert "broken symbolic link" in line
    assert records(result)[-1]["source"] == str(good)


def test_a_folder_passed_as_a_file_is_read_as_a_folder_and_said_so_when_empty(tmp_path, good):
    odd = tmp_path / "article.txt"
    odd.mkdir()
    result = run(odd, good)
    assert result.exit_code == 3
    (line,) = lines_naming(result, str(odd))
    assert "folder holds no" in line
    (odd / "inside.txt").write_text(GOOD, encoding="utf-8")
    result = run(odd)
    assert result.exit_code == 0
    assert [r["source"] for r in records(result)] == [str(odd / "inside.txt")]


def test_a_folder_named_like_an_article_inside_a_folder_is_searched_not_read(tmp_path):
    (tmp_path / "notes.txt").mkdir()
    (tmp_path / "notes.txt" / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [r["source"] for r in records(result)] == [str(tmp_path / "notes.txt" / "a.txt")]


def _deny(monkeypatch, denied: Path):
    """Make reading ``denied`` fail as a file without read permission does (tests run as root,
    who may read anything)."""
    def guarded_open(file, *args, **kwargs):
        if os.fspath(file) == str(denied):
            raise PermissionError(13, "Permission denied", str(denied))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(reading, "open", guarded_open, raising=False)


@pytest.mark.parametrize("how", ["file", "folder"])
def test_a_file_without_read_permission_is_skipped(tmp_path, good, how, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    secret = folder / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    _deny(monkeypatch, secret)
    result = run(secret, good) if how == "file" else run(folder, good)
    assert result.exit_code == 3
    (line,) = lines_naming(result, str(secret))
    assert "permission denied" in line


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root may read any file, so chmod 000 does not stop it")
def test_a_file_with_mode_000_is_skipped(tmp_path, good):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    try:
        result = run(secret, good)
    finally:
        secret.chmod(0o644)
    assert result.exit_code == 3
    assert "permission denied" in lines_naming(result, str(secret))[0]


def test_a_subfolder_that_cannot_be_listed_is_named_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD, encoding="utf-8")
    scandir = os.scandir

    def guarded_scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    result = run(tmp_path)
    assert result.exit_code == 3
    assert [r["source"] for r in records(result)] == [str(tmp_path / "a.txt")]
    (line,) = lines_naming(result, str(locked))
    assert "permission denied" in line


@pytest.mark.parametrize("how", ["file", "folder"])
@pytest.mark.parametrize("name", ["Déclaration du maire – été 2024 “final”.txt", "two  spaces .txt",
                                  "日本語 ñ ü.txt", "-starts-with-a-dash.txt"])
def test_names_with_spaces_and_any_characters_are_read(tmp_path, how, name):
    folder = tmp_path / "the articles"
    folder.mkdir()
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    result = run("--", path) if how == "file" else run(folder)
    assert result.exit_code == 0, result.stderr
    (record,) = records(result)
    assert record["source"] == str(path)
    assert record["claims"]


@pytest.mark.parametrize("how", ["file", "folder"])
def test_a_name_that_is_not_utf8_is_written_with_escapes(tmp_path, how):
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text(GOOD, encoding="utf-8")
    result = run(path) if how == "file" else run(tmp_path)
    assert result.exit_code == 0, result.stderr
    (record,) = records(result)
    assert record["source"] == str(tmp_path / "caf\\xe9.txt")


@pytest.mark.parametrize("how", ["file", "folder"])
def test_a_name_with_a_line_break_still_gets_a_one_line_message(tmp_path, good, how):
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "photo\nof the day.txt"
    path.write_bytes(SKIPPED["binary (PNG)"][0])
    result = run(path, good) if how == "file" else run(folder, good)
    assert result.exit_code == 3
    (line,) = lines_naming(result, "photo\\nof the day.txt")
    assert "binary" in line


def test_an_input_over_the_size_limit_is_skipped(tmp_path, good, monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 100, encoding="utf-8")
    result = run(big, good)
    assert result.exit_code == 3
    (line,) = lines_naming(result, str(big))
    assert "too large" in line
    result = run("-", good, input=(GOOD * 100).encode())
    assert result.exit_code == 3
    assert "too large" in lines_naming(result, "<stdin>")[0]


# --- all of them at once -------------------------------------------------------------------------


def _hostile_folder(root: Path) -> Path:
    """A folder with every hostile input above, the pages of issue 11 and one good article."""
    folder = root / "archive"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for number, (name, data) in enumerate(READABLE.items()):
        (folder / f"readable-{number}.{'html' if name.startswith('web page') else 'txt'}").write_bytes(data)
    for number, (data, _) in enumerate(EMPTY.values()):
        (folder / f"no-text-{number}.html").write_bytes(data)
    for number, (data, _) in enumerate(SKIPPED.values()):
        (folder / f"skipped-{number}.txt").write_bytes(data)
    state = json.dumps({"state": ["x" * 100] * 120_000})  # 12 MB of an app's inline state
    (folder / "app.html").write_text(f"<html><body><script>window.__STATE__ = {state}</script>"
                                     f"<article><p>{GOOD}</p></article></body></html>", encoding="utf-8")
    return folder


def test_a_folder_of_every_hostile_input_gives_the_good_claims_names_the_rest_and_changes_nothing(tmp_path):
    folder = _hostile_folder(tmp_path)
    before = {p: p.read_bytes() for p in folder.iterdir()}
    result = run(folder)
    assert result.exit_code == 3, result.stderr  # done, but the binary inputs were skipped
    by_source = {r["source"]: r for r in records(result)}
    assert GOOD_CLAIM in [c["content"]["text"] for c in by_source[str(folder / "good.txt")]["claims"]]
    for path in before:
        if path.name.startswith(("readable-", "app")):
            assert GOOD_CLAIM in [c["content"]["text"] for c in by_source[str(path)]["claims"]], path
        elif path.name.startswith("no-text-"):
            assert by_source[str(path)]["claims"] == []
            assert "no text" in lines_naming(result, str(path))[0]
        elif path.name.startswith("skipped-"):
            assert str(path) not in by_source
            assert "skipped" in lines_naming(result, str(path))[0]
    summary = result.stderr.splitlines()[-1]
    assert f"{len(SKIPPED)} skipped" in summary and f"{len(EMPTY)} inputs gave no text" in summary
    assert {p: p.read_bytes() for p in folder.iterdir()} == before  # nothing written, nothing changed
