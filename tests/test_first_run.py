"""A new user's first runs, as the README leads them: the sample, then what goes wrong (an empty
file, a binary file, a missing path, a folder with one bad file among good ones, ``-o`` onto
the input or into a folder that is not there, standard input, a mistyped option). Each problem
is one line on standard error that names the file (or the option) and the fix; the exit code
says something failed; nothing is lost and no input changes."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import extract
from claimx.cli import app

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "pakistan-afghanistan-talks.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def lines(result) -> list[str]:
    return result.stderr.splitlines()


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Path:
    """A folder as a new user has one: the sample, an empty file, an image saved as .txt."""
    shutil.copy(SAMPLE, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "mixed").mkdir()
    for name in ("a.txt", "c.txt"):
        shutil.copy(SAMPLE, tmp_path / "mixed" / name)
    (tmp_path / "mixed" / "b.txt").write_bytes(PNG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def contents(folder: Path) -> dict:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("args, code, names, fix", [
    (["empty.txt", "-f", "jsonl"], 0, "empty.txt", "no text"),
    (["image.txt", "-f", "jsonl"], 1, "image.txt", "save the article as plain text"),
    (["missing.txt", "-f", "jsonl"], 1, "missing.txt", "check the path"),
    (["good.txt", "-o", "good.txt"], 2, "good.txt", "give --output another name"),
    (["good.txt", "-o", "nowhere/claims.json"], 2, "nowhere", "mkdir -p nowhere"),
])
def test_each_problem_is_one_line_that_names_the_file_and_the_fix(desk, args, code, names, fix):
    before = contents(desk)
    result = extract(*args)
    assert result.exit_code == code, result.stderr
    problems = [line for line in lines(result) if not re.match(r"claimx: \d+ articles?, ", line)]
    assert len(problems) == 1 and problems[0].startswith("claimx: ")
    assert names in problems[0] and fix in problems[0]
    assert contents(desk) == before


def test_a_folder_with_one_bad_file_keeps_the_good_ones_and_says_which_was_skipped(desk):
    before = contents(desk)
    result = extract("mixed", "-o", "claims.jsonl")
    assert result.exit_code == 3
    skipped = [line for line in lines(result) if "skipped" in line and "mixed/b.txt" in line]
    assert len(skipped) == 1 and "plain text" in skipped[0]
    records = [json.loads(line) for line in (desk / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == ["mixed/a.txt", "mixed/c.txt"]
    assert all(len(r["claims"]) > 10 for r in records)
    after = contents(desk)
    assert after.pop(desk / "claims.jsonl") and after == before


def test_dash_as_output_is_standard_output_not_a_folder_named_dash(desk):
    result = extract("good.txt", "-o", "-", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["source"] == "good.txt"
    assert not (desk / "-").exists()
    shown = CliRunner().invoke(app, ["speakers", "good.txt", "-o", "-", "-f", "json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout) and not (desk / "-").exists()


def test_standard_input_is_read_and_named_stdin(desk):
    result = extract("-", "-f", "jsonl", input=SAMPLE.read_bytes())
    assert result.exit_code == 0 and json.loads(result.stdout)["source"] == "<stdin>"
    empty = extract("-", "-f", "jsonl", input=b"")
    assert empty.exit_code == 0 and "<stdin>: no text" in empty.stderr


def test_a_view_into_a_folder_that_is_not_there_is_refused_before_reading(desk):
    result = CliRunner().invoke(app, ["speakers", "good.txt", "-o", "nowhere/speakers.csv"])
    assert result.exit_code == 2 and len(lines(result)) == 1
    assert "nowhere" in result.stderr and "mkdir -p nowhere" in result.stderr


@pytest.mark.parametrize("args, says", [
    (["extract"], "Missing argument 'PATH'"),
    (["extract", "good.txt", "-f", "xml"], "'xml' is not a format; use one of"),
    (["extract", "good.txt", "--bogus"], "No such option: --bogus"),
    (["speakers", "good.txt", "--sort", "size"], "'size' is not one of 'claims'"),
    (["nosuch"], "No such command 'nosuch'"),
])
def test_a_usage_error_is_one_line_that_points_to_the_help(desk, args, says):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert len(lines(result)) == 1, result.stderr
    line = lines(result)[0]
    assert line.startswith("claimx: error: ") and says in line and line.endswith(" -h)")
    assert "Value error" not in line
