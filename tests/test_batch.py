"""Batches: many inputs, several processes, a bad file in the middle, output folders, Ctrl-C
and --resume, long articles, and the progress display kept off standard output.

Most run in-process (typer's CliRunner, or the library's ``run_batch``); Ctrl-C and the progress
bar on a terminal need a real process. None depends on timing: an interruption is made to
happen at a known point (a named pipe the run blocks on, or a callback that raises)."""
from __future__ import annotations

import errno
import io
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from spacy.tokens import Doc

import claimx
from helpers import extract, python_env
import claimx.pipeline
from claimx.batch import Options, Summary, extract_documents, run_batch
from claimx.errors import UsageError
from claimx.outputs import JsonlFileOutput, open_output
from claimx.pieces import split_text
from claimx.processes import WorkerProcesses, available_cores, n_processes
from claimx.reading import Input, InputError
from claimx.schema import Document
from claimx.writing import document_record

ARTICLES = {
    "a.txt": "“We will not raise taxes,” the governor said on Monday.\n",
    "b.txt": "Senator Jane Smith said that the bill would pass.\n",
    "d.txt": "The opposition leader denied the claims, calling the budget “a disaster for families.”\n",
    "sub/e.txt": "“The bridge will reopen in May,” the mayor said.\n",
    "sub/f.txt": "Police said the road was closed. “Nobody was hurt,” a spokesman added.\n",
}
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"



@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "articles"
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def corpus_with_bad_file(corpus) -> Path:
    (corpus / "c.txt").write_bytes(BINARY)  # sorts between b.txt and d.txt
    return corpus


def sources(folder: Path, names) -> list[str]:
    return [str(folder / name) for name in names]


def jsonl_records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --- a bad file in the middle --------------------------------------------------------------------


def test_a_bad_file_in_the_middle_is_reported_and_the_rest_finishes(corpus_with_bad_file):
    corpus = corpus_with_bad_file
    result = extract(corpus, "-f", "jsonl")
    assert result.exit_code == 3  # done, but some inputs were skipped
    records = jsonl_records(result.stdout)
    assert [r["source"] for r in records] == sources(corpus, sorted(ARTICLES))
    assert all(r["claims"] for r in records)
    bad = [line for line in result.stderr.splitlines() if "c.txt" in line]
    assert len(bad) == 1 and "binary" in bad[0]
    summary = result.stderr.splitlines()[-1]
    assert "5 articles" in summary and "1 skipped" in summary and "claims" in summary


def test_a_bad_file_goes_into_the_summary_of_the_library_run(corpus_with_bad_file, nlp):
    out = open_output("jsonl", None, [str(corpus_with_bad_file)], stdout=io.StringIO())
    summary = run_batch([str(corpus_with_bad_file)], nlp, out)
    assert summary.documents == 5 and summary.total == 6
    assert [e.source for e in summary.skipped] == [str(corpus_with_bad_file / "c.txt")]


def _fail_on_jane_smith(monkeypatch):
    real = claimx.pipeline.extract_claims

    def flaky(doc, lexicon, *options):
        if "Jane Smith" in doc.text:
            raise RuntimeError("boom")
        return real(doc, lexicon, *options)

    monkeypatch.setattr(claimx.pipeline, "extract_claims", flaky)


def test_a_document_claimx_fails_on_is_skipped_with_the_cause_and_the_batch_goes_on(
        corpus, nlp, monkeypatch):
    _fail_on_jane_smith(monkeypatch)
    handler = nlp.default_error_handler
    summary, problems = Summary(), []
    inputs = [Input(str(corpus / n), t) for n, t in sorted(ARTICLES.items())]
    documents = list(extract_documents(inputs, nlp, summary, problems.append, batch_size=2))
    assert [d.source for d in documents] == [i.source for i in inputs if "Jane" not in i.text]
    (skipped,) = summary.skipped
    assert skipped.source.endswith("b.txt") and "(RuntimeError: boom)" in skipped.message
    assert any("b.txt" in p and "bug" in p for p in problems)
    assert nlp.default_error_handler is handler  # the shared pipeline is left as it was


def test_a_failure_in_a_worker_process_comes_back_with_its_cause(corpus, monkeypatch):
    _fail_on_jane_smith(monkeypatch)  # the workers are forked from this process: they fail too
    result = extract(corpus, "-f", "jsonl", "-n", "2", "--batch-size", "1")
    assert result.exit_code == 3
    assert [r["source"] for r in jsonl_records(result.stdout)] == \
        sources(corpus, [n for n in sorted(ARTICLES) if n != "b.txt"])
    (line,) = [line for line in result.stderr.splitlines() if "b.txt" in line]
    assert "claimx failed on it (RuntimeError: boom)" in line and "as a bug" in line


def test_the_component_keeps_the_failure_on_the_doc(nlp, monkeypatch):
    _fail_on_jane_smith(monkeypatch)
    doc = nlp(ARTICLES["b.txt"])
    assert doc._.claims == () and doc._.claimx_error == "RuntimeError: boom"
    with pytest.raises(claimx.pipeline.ExtractionError, match="RuntimeError: boom"):
        claimx.extract(ARTICLES["b.txt"])
    assert nlp(ARTICLES["a.txt"])._.claimx_error is None


# --- JSONL, order, quiet -------------------------------------------------------------------------


def test_jsonl_is_valid_line_by_line_in_input_order(corpus):
    result = extract(corpus, "-f", "jsonl", "--batch-size", "2")
    assert result.exit_code == 0
    lines = result.stdout.split("\n")
    assert lines[-1] == ""  # ends with a line break
    records = [json.loads(line) for line in lines[:-1]]
    assert all(isinstance(r, dict) and set(r) >= {"source", "claims"} for r in records)
    assert [r["source"] for r in records] == sources(corpus, sorted(ARTICLES))
    assert result.stderr.splitlines()[-1].startswith("claimx: 5 articles, ")


def test_quiet_batch_says_nothing_on_stderr(corpus):
    result = extract(corpus, "-f", "jsonl", "-q")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == len(ARTICLES)


def test_quoted_glob_patterns_are_expanded(corpus):
    result = extract(str(corpus / "**" / "*.txt"), "-f", "jsonl")
    assert result.exit_code == 0
    assert sorted(r["source"] for r in jsonl_records(result.stdout)) == sources(corpus, sorted(ARTICLES))


# --- several processes ---------------------------------------------------------------------------


def test_two_processes_give_exactly_the_output_of_one_and_both_do_work(
        corpus_with_bad_file, tmp_path, monkeypatch):
    log = tmp_path / "pids"
    real = claimx.pipeline.extract_claims

    def noting_the_process(doc, *args):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(doc, *args)

    monkeypatch.setattr(claimx.pipeline, "extract_claims", noting_the_process)
    one = extract(corpus_with_bad_file, "-f", "jsonl", "-n", "1", "--batch-size", "1")
    assert set(log.read_text().split()) == {str(os.getpid())}
    log.unlink()
    two = extract(corpus_with_bad_file, "-f", "jsonl", "-n", "2", "--batch-size", "1")
    pids = log.read_text().split()
    assert len(pids) == len(ARTICLES)  # one extraction per document, none in this process
    assert len(set(pids)) == 2 and str(os.getpid()) not in pids
    assert one.exit_code == two.exit_code == 3
    assert two.stdout == one.stdout
    assert len(jsonl_records(two.stdout)) == len(ARTICLES)


def test_the_workers_send_back_the_claims_and_not_the_parse(corpus, tmp_path, monkeypatch):
    log = tmp_path / "sizes"
    real = claimx.pipeline._claims_of

    def noting_what_is_sent(doc):
        claims = real(doc)
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {len(doc.to_bytes())} {len(claims.to_bytes())}\n")
        return claims

    monkeypatch.setattr(claimx.pipeline, "_claims_of", noting_what_is_sent)
    result = extract(corpus, "-f", "jsonl", "-n", "2", "--batch-size", "1")
    assert result.exit_code == 0 and len(jsonl_records(result.stdout)) == len(ARTICLES)
    rows = [line.split() for line in log.read_text().splitlines()]
    assert len(rows) == len(ARTICLES) and str(os.getpid()) not in {pid for pid, _, _ in rows}
    assert all(int(sent) * 4 < int(parse) for _, parse, sent in rows)


def test_a_claims_only_doc_holds_the_claims_of_the_whole_doc_and_no_tokens(nlp):
    text = ARTICLES["sub/f.txt"]
    (doc,) = nlp.pipe([text], component_cfg={"claimx": {"claims_only": True}})
    assert len(doc) == 0 and doc._.claims and doc._.claims == nlp(text)._.claims
    assert doc._.claimx_error is None


def test_claims_survive_the_trip_through_doc_to_bytes(nlp):
    doc = nlp(ARTICLES["sub/f.txt"])
    assert doc._.claims
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert tuple(back._.claims) == doc._.claims


@pytest.mark.parametrize("value, expected", [("1", 1), ("2", 2), ("auto", None), ("0", None), ("AUTO", None)])
def test_n_process_takes_a_number_or_auto(value, expected):
    assert n_processes(value) == (expected or available_cores())


@pytest.mark.parametrize("value", ["-1", "two", ""])
def test_a_bad_n_process_is_a_usage_error(corpus, value):
    with pytest.raises(UsageError):
        n_processes(value)
    result = extract(corpus, "-n", value)
    assert result.exit_code == 2 and "--n-process" in result.stderr


# --- output folders ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv", "jsonl"])
def test_an_output_folder_gets_one_file_per_input_mirroring_the_input_tree(corpus, tmp_path, fmt):
    out = tmp_path / "results"
    result = extract(corpus, "-f", fmt, "-o", f"{out}/")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    suffix = {"yaml": ".yaml", "json": ".json", "csv": ".csv", "jsonl": ".jsonl"}[fmt]
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == sorted(name[:-4] + ".claims" + suffix for name in ARTICLES)
    if fmt in ("yaml", "json"):
        stream = json.loads(extract(corpus, "-f", "json").stdout)
        for record in stream:
            name = Path(record["source"]).relative_to(corpus).with_suffix("").as_posix()
            text = (out / (name + ".claims" + suffix)).read_text(encoding="utf-8")
            assert (yaml.safe_load(text) if fmt == "yaml" else json.loads(text)) == record


def test_resume_with_an_output_folder_skips_inputs_whose_file_exists(corpus, tmp_path):
    out = tmp_path / "results"
    (out / "sub").mkdir(parents=True)
    (out / "sub" / "e.claims.yaml").write_text("kept: true\n", encoding="utf-8")
    result = extract(corpus, "-o", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert (out / "sub" / "e.claims.yaml").read_text(encoding="utf-8") == "kept: true\n"
    assert len(list(out.rglob("*.claims.yaml"))) == len(ARTICLES)
    assert "1 already done" in result.stderr
    again = extract(corpus, "-o", out)  # without --resume, everything is done again
    assert (out / "sub" / "e.claims.yaml").read_text(encoding="utf-8") != "kept: true\n"
    assert again.exit_code == 0


def test_resume_needs_an_output_that_can_be_resumed(corpus, tmp_path):
    assert extract(corpus, "--resume").exit_code == 2
    result = extract(corpus, "-f", "json", "-o", tmp_path / "all.json", "--resume")
    assert result.exit_code == 2 and "jsonl" in result.stderr
    assert not (tmp_path / "all.json").exists()


def test_a_table_cannot_go_to_an_output_folder(corpus, tmp_path):
    result = extract(corpus, "-f", "table", "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 2 and "table" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not os.path.exists(os.devnull) or os.name != "posix", reason="needs /dev/null")
def test_an_output_device_is_written_to_not_replaced(corpus):
    """``-o /dev/null`` must not rename a file over the device (as root, it could)."""
    before = os.stat(os.devnull)
    result = extract(corpus, "-f", "jsonl", "-o", os.devnull)
    assert result.exit_code == 0, result.stderr
    after = os.stat(os.devnull)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert not os.path.exists(os.devnull + ".part")
    assert extract(corpus, "-f", "jsonl", "-o", os.devnull, "--resume").exit_code == 2


def test_the_format_follows_the_output_file_name(corpus, tmp_path):
    result = extract(corpus, "-o", tmp_path / "claims.jsonl")
    assert result.exit_code == 0
    lines = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ARTICLES) and all(json.loads(line)["claims"] for line in lines)


# --- interrupted, then resumed -------------------------------------------------------------------


class Interrupt:
    """An ``on_progress`` callback that presses Ctrl-C once ``after`` documents are written."""

    def __init__(self, after: int):
        self.after = after

    def __call__(self, summary: Summary) -> None:
        if summary.documents >= self.after:
            raise KeyboardInterrupt


def test_an_interrupted_jsonl_batch_resumed_ends_with_one_complete_record_per_input(
        corpus_with_bad_file, tmp_path, nlp):
    corpus, target = corpus_with_bad_file, tmp_path / "claims.jsonl"
    part = tmp_path / "claims.jsonl.part"
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], nlp, JsonlFileOutput(target), on_progress=Interrupt(after=2))
    assert not target.exists()  # the output file appears only when complete
    assert len(jsonl_records(part.read_text(encoding="utf-8"))) == 2
    with open(part, "a", encoding="utf-8") as f:  # and a crash cut the next record short
        f.write('{"source": "' + str(corpus / "d.txt") + '", "claims": [{"spea')

    result = extract(corpus, "-o", target, "--resume")
    assert result.exit_code == 3  # c.txt is still binary
    assert not part.exists()
    records = jsonl_records(target.read_text(encoding="utf-8"))
    assert [r["source"] for r in records] == sources(corpus, sorted(ARTICLES))
    assert records == jsonl_records(extract(corpus, "-f", "jsonl").stdout)
    assert "2 already done" in result.stderr


def test_an_interrupted_folder_batch_resumed_writes_every_file_once(corpus, tmp_path, nlp):
    out = tmp_path / "results"
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], nlp, open_output("yaml", f"{out}/", [str(corpus)], sys.stdout),
                  on_progress=Interrupt(after=3))
    assert len(list(out.rglob("*.claims.yaml"))) == 3
    result = extract(corpus, "-o", f"{out}/", "--resume")
    assert result.exit_code == 0
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert len(files) == len(ARTICLES)  # no temporary files left
    assert all(yaml.safe_load(p.read_text(encoding="utf-8"))["source"] for p in files)


def test_without_resume_a_left_part_file_is_started_afresh(corpus, tmp_path):
    target = tmp_path / "claims.jsonl"
    Path(str(target) + ".part").write_text('{"source": "old", "claims": []}\n', encoding="utf-8")
    result = extract(corpus, "-o", target)
    assert result.exit_code == 0
    assert "--resume" in result.stderr
    assert [r["source"] for r in jsonl_records(target.read_text(encoding="utf-8"))] == \
        sources(corpus, sorted(ARTICLES))


def _open_when_read(fifo: Path, child: subprocess.Popen) -> int:
    """Open ``fifo`` for writing once ``child`` has opened it for reading (until then, a
    non-blocking open fails with ENXIO); fail if the child ends first."""
    deadline = time.monotonic() + 300
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
        if child.poll() is not None:
            pytest.fail(f"claimx ended before reading the pipe: {child.stderr.read().decode()}")
        if time.monotonic() > deadline:
            pytest.fail("claimx never opened the pipe")
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("processes", ["1", "2"])
def test_ctrl_c_stops_cleanly_says_how_to_resume_and_resume_finishes(corpus, tmp_path, processes):
    """The run blocks reading a named pipe; Ctrl-C then comes at a known point."""
    names = sorted(ARTICLES)
    fifo = tmp_path / "zz-pipe.txt"
    os.mkfifo(fifo)
    target = tmp_path / "claims.jsonl"
    args = [str(corpus / n) for n in names[:2]] + [str(fifo)] + [str(corpus / n) for n in names[2:]]
    command = [sys.executable, "-m", "claimx", "extract", *args, "-f", "jsonl", "-o", str(target),
               "-n", processes, "--batch-size", "1"]
    child = subprocess.Popen(command, stderr=subprocess.PIPE, cwd=tmp_path, env=python_env())
    try:
        writer = _open_when_read(fifo, child)  # the run now waits for the pipe's first bytes
        child.send_signal(signal.SIGINT)
        stderr = child.stderr.read().decode("utf-8", "replace")
        assert child.wait(timeout=120) == 130
    finally:
        if child.poll() is None:
            child.kill()
        child.stderr.close()
    os.close(writer)
    assert "Traceback" not in stderr
    assert "interrupted" in stderr and "--resume" in stderr
    assert not target.exists()

    fifo.unlink()
    fifo.write_text("“The pipe is fixed,” the plumber said.\n", encoding="utf-8")
    done = subprocess.run(command + ["--resume"], capture_output=True, text=True, cwd=tmp_path,
                          env=python_env(), timeout=300)
    assert done.returncode == 0, done.stderr
    records = jsonl_records(target.read_text(encoding="utf-8"))
    assert sorted(r["source"] for r in records) == sorted(args)
    assert all(r["claims"] for r in records)


# --- the progress display ------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_progress_bar_goes_to_a_terminal_on_stderr_and_never_into_stdout(corpus):
    """stderr is a terminal, stdout a pipe: the progress bar shows on the one, and the other
    holds nothing but the JSON lines."""
    import pty

    leader, follower = pty.openpty()
    env = python_env()
    env.update(COLUMNS="120", TERM="xterm")
    child = subprocess.Popen([sys.executable, "-m", "claimx", "extract", str(corpus), "-f", "jsonl",
                              "--batch-size", "1"],
                             stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    terminal = b""
    try:
        while True:  # read the terminal as the child writes it, so it never blocks
            ready, _, _ = select.select([leader], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            terminal += chunk
        stdout = child.stdout.read().decode("utf-8")
        assert child.wait(timeout=120) == 0
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        os.close(leader)
    shown = terminal.decode("utf-8", "replace")
    assert "extracting" in shown and "articles/s" in shown  # the progress bar
    assert "5 articles" in shown  # the summary line
    assert "extracting" not in stdout and "\x1b" not in stdout
    records = jsonl_records(stdout)
    assert [r["source"] for r in records] == sources(corpus, sorted(ARTICLES))


def test_no_progress_bar_when_stderr_is_not_a_terminal(corpus):
    result = extract(corpus, "-f", "jsonl")
    assert "extracting" not in result.stderr and "\x1b" not in result.stderr


# --- long articles -------------------------------------------------------------------------------


PARAGRAPHS = [
    "“We will not raise taxes,” the governor said on Monday.",
    "Senator Jane Smith said that the bill would pass.",
    "“The bridge will reopen in May,” the mayor said. “It is safe,” she added.",
    "Police said the road was closed.",
]


def test_split_text_cuts_between_paragraphs_into_pieces_under_the_limit():
    text = "\n\n".join(PARAGRAPHS) + "\n"
    pieces = split_text(text, 120)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 120 for _, piece in pieces)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert all(piece.endswith("\n") for _, piece in pieces)
    assert len(split_text(text, len(text))) == 1


def test_split_text_cuts_a_paragraph_longer_than_the_limit_between_sentences_or_words():
    text = "One sentence here. Another one there. " * 5 + "x" * 50
    pieces = split_text(text, 40)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 40 for _, piece in pieces)
    assert pieces[0][1] == "One sentence here. Another one there. "


def test_an_article_longer_than_max_length_is_parsed_in_pieces_with_offsets_into_the_whole(nlp):
    text = "\n\n".join(PARAGRAPHS) + "\n"
    whole = nlp(text)._.claims
    saved = nlp.max_length
    nlp.max_length = 130  # claimx splits; spaCy itself would refuse the text
    try:
        summary = Summary()
        (document,) = extract_documents([Input("long.txt", text)], nlp, summary)
    finally:
        nlp.max_length = saved
    assert summary.documents == 1 and not summary.skipped
    assert len(document.claims) == len(whole) >= 4
    for claim in document.claims:
        assert text[claim.content.start:claim.content.end] == claim.content.text
        assert text[claim.cue.start:claim.cue.end] == claim.cue.text
        if claim.speaker is not None:
            assert text[claim.speaker.start:claim.speaker.end] == claim.speaker.mention
    assert [(c.content.text, c.content.start) for c in document.claims] == \
        [(c.content.text, c.content.start) for c in whole]
    passages = [c.passage for c in document.claims if c.passage is not None]
    assert passages == [c.passage for c in whole if c.passage is not None]


SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


@pytest.fixture
def short_pieces(nlp):
    """The shared pipeline, cutting texts into pieces of at most 2,000 characters."""
    saved = nlp.max_length
    nlp.max_length = 2_000
    yield nlp
    nlp.max_length = saved


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_text_parsed_in_pieces_gives_the_claims_of_the_whole(nlp, path):
    """Names, passage numbers, quotations over paragraphs and the headline are read over the
    joined pieces, so the claims are those of the text parsed at once."""
    text = path.read_text(encoding="utf-8")
    whole = nlp(text)._.claims
    saved = nlp.max_length
    nlp.max_length = 2_000
    try:
        doc = claimx.pipeline.parse(text, nlp)
        (document,) = extract_documents([Input("long.txt", text)], nlp, Summary())
    finally:
        nlp.max_length = saved
    assert len(text) > 2 * 2_000
    assert doc.text == text and doc._.claims == whole == document.claims


def test_a_name_given_in_the_first_piece_resolves_a_surname_in_a_later_one(short_pieces):
    filler = "\n\n".join(["The weather was mild and the streets were quiet that week."] * 60)
    text = f"Senator Jane Smith said that the bill would pass.\n\n{filler}\n\nSmith said that the vote was close.\n"
    claims = claimx.pipeline.parse(text, short_pieces)._.claims
    last = claims[-1]
    assert last.content.text == "the vote was close" and last.content.start > 2_000
    assert last.speaker.mention == "Smith" and last.speaker.name == "Jane Smith"


def test_the_pieces_of_a_long_text_skip_the_claimx_component(short_pieces, monkeypatch):
    texts = []
    real = claimx.pipeline.extract_claims
    monkeypatch.setattr(claimx.pipeline, "extract_claims",
                        lambda doc, *args: texts.append(doc.text) or real(doc, *args))
    text = SAMPLES[0].read_text(encoding="utf-8")
    claimx.pipeline.parse(text, short_pieces)
    assert texts == [text]  # once, over the whole


def test_a_text_over_a_million_characters_gives_the_same_claims_from_python_and_the_cli(tmp_path):
    """spaCy refuses ``nlp(text)`` past 1,000,000 characters (E088); claimx does not, and reads
    the names over the whole text: the senator of the first line is the Smith of the last."""
    filler = "The weather was mild that week, and the streets of the old town were quiet.\n\n"
    text = ("Senator Jane Smith said that the bill would pass.\n\n" + filler * 17_000
            + "Smith said that the vote was close.\n")
    assert len(text) > 1_300_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    claims = claimx.extract(text)
    assert [(c.content.text, c.speaker.name) for c in claims] == \
        [("the bill would pass", "Jane Smith"), ("the vote was close", "Jane Smith")]
    assert claims[-1].content.start > 1_300_000
    result = extract(path, "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl_records(result.stdout)
    assert record == json.loads(json.dumps(document_record(Document(str(path), claims)),
                                           ensure_ascii=False))


# --- what the reader sends along -----------------------------------------------------------------


def test_input_metadata_goes_through_to_the_document(nlp):
    if "metadata" not in Document.__dataclass_fields__:
        pytest.skip("schema.Document has no metadata yet")
    meta = {"site_name": "Example News", "title": "T", "author": None, "date": None, "url": None}
    summary = Summary()
    (document,) = extract_documents([Input("page.html", PARAGRAPHS[1], meta)], nlp, summary)
    assert document.metadata == meta


def test_unreadable_inputs_are_skipped_in_order(nlp):
    summary, problems = Summary(), []
    inputs = [Input("a", PARAGRAPHS[0]), InputError("b", "no such file"), Input("c", PARAGRAPHS[1])]
    documents = list(extract_documents(inputs, nlp, summary, problems.append))
    assert [d.source for d in documents] == ["a", "c"]
    assert problems == ["skipped b: no such file"]
    assert summary.documents == 2 and summary.claims == sum(len(d.claims) for d in documents)


def test_options_reach_the_records(corpus, nlp):
    def records(options):
        stream = io.StringIO()
        run_batch([str(corpus)], nlp, open_output("jsonl", None, [str(corpus)], stream), options)
        return jsonl_records(stream.getvalue())

    plain = records(Options())
    assert all("text" not in r for r in plain) and any(c["confidence"] < 0.85 for r in plain for c in r["claims"])
    strict = records(Options(min_confidence=0.85, include_text=True))
    assert [r["text"] for r in strict] == [ARTICLES[n] for n in sorted(ARTICLES)]
    assert [r["claims"] for r in strict] == \
        [[c for c in r["claims"] if c["confidence"] >= 0.85] for r in plain]


# --- an embedding program ------------------------------------------------------------------------


def _sleep() -> None:
    time.sleep(300)


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs signals")
def test_ctrl_c_in_a_program_that_embeds_claimx_leaves_the_programs_own_processes_alone(corpus, nlp):
    import multiprocessing

    own = multiprocessing.Process(target=_sleep, daemon=True)
    own.start()
    workers = WorkerProcesses()

    def ctrl_c(summary):
        if summary.documents >= 1:
            os.kill(os.getpid(), signal.SIGINT)  # Python's own handler: KeyboardInterrupt

    out = open_output("jsonl", None, [str(corpus)], io.StringIO())
    try:
        with pytest.raises(KeyboardInterrupt), pytest.warns(UserWarning, match="W127"):
            run_batch([str(corpus)], nlp, out, Options(n_process=2, batch_size=1),
                      on_progress=ctrl_c, workers=workers)
        assert own.is_alive()
        assert len(set(workers.pids)) == 2 and own.pid not in workers.pids
        assert [p.pid for p in multiprocessing.active_children()] == [own.pid]  # ours are gone
    finally:
        own.terminate()
        own.join()


def test_the_pieces_of_a_long_text_in_a_full_batch_hold_no_more_than_the_longest_text_parsed_whole():
    from claimx.pieces import MIN_PIECE_CHARACTERS, piece_size
    assert piece_size(100_000, 8) == 12_500
    assert piece_size(100_000, 1) == 100_000
    assert piece_size(100_000, 1000) == MIN_PIECE_CHARACTERS  # not cut into crumbs
    assert piece_size(130, 8) == 130  # never longer than the longest text parsed whole
