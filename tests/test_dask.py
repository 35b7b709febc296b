"""The Dask engine (``claimx extract ... --engine dask``): the same records as a local batch, one
JSONL part file per partition and a manifest, a rerun that redoes only what is missing, and a
run that survives a worker killed under it.

The cluster is a LocalCluster of two single-threaded worker processes started here, on the
loopback interface, with no dashboard; the runs reach it by its address, as ``--scheduler``
would reach a real one."""
from __future__ import annotations

import json
import logging
import math
import os
import signal
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")  # the claimx[dask] extra (in [test] too)

from helpers import extract  # noqa: E402
from claimx.batch import Options, Summary, available_cores  # noqa: E402
from claimx.cluster import (LOCAL, MANIFEST, Pipeline, PartsFolder, connect,  # noqa: E402
                            files_per_partition, run_on_dask)

ARTICLES = {
    "a.txt": "“We will not raise taxes,” the governor said on Monday.\n",
    "b.txt": "Senator Jane Smith said that the bill would pass.\n",
    "d.txt": "The opposition leader denied the claims, calling the budget “a disaster for families.”\n",
    "sub/e.txt": "“The bridge will reopen in May,” the mayor said.\n",
    "sub/f.txt": "Police said the road was closed. “Nobody was hurt,” a spokesman added.\n",
    "sub/g.html": "<html><head><title>Vote</title></head><body><article><p>The minister said "
                  "that the vote would be held in June, according to Reuters.</p></article></body></html>\n",
}
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", **LOCAL,
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)
        yield client


@pytest.fixture
def scheduler(client) -> str:
    return client.scheduler.address


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "articles"
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def records_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def parts_of(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.jsonl"))


def records_in(folder: Path) -> list[dict]:
    return [r for part in parts_of(folder) for r in records_of(part.read_text(encoding="utf-8"))]


def run(corpus, out, scheduler, per_partition=1, **kwargs) -> Summary:
    return run_on_dask([str(corpus)], Pipeline(), PartsFolder(out), Options(),
                       scheduler=scheduler, per_partition=per_partition, **kwargs)


# --- the same records as a local batch --------------------------------------------------------


def test_the_dask_run_gives_the_local_runs_records_file_for_file(corpus, tmp_path, scheduler):
    local = extract(corpus, "-f", "jsonl", "-n", "2")
    out = tmp_path / "parts"
    result = extract(corpus, "--engine", "dask", "--scheduler", scheduler, "-o", out)
    assert local.exit_code == result.exit_code == 0, result.stderr
    assert result.stdout == ""
    expected = records_of(local.stdout)
    assert len(expected) == len(ARTICLES) and all(r["claims"] for r in expected)
    # part files in their order are the local output in its order: input order
    assert records_in(out) == expected
    per_partition = files_per_partition(len(ARTICLES), threads=2)
    assert len(parts_of(out)) == math.ceil(len(ARTICLES) / per_partition) > 1
    assert result.stderr.splitlines()[-1].startswith(f"claimx: {len(ARTICLES)} articles, ")


def test_the_manifest_records_inputs_outputs_and_failures(corpus, tmp_path, scheduler):
    (corpus / "c.txt").write_bytes(BINARY)  # sorts between b.txt and d.txt
    out = tmp_path / "parts"
    result = extract(corpus, "--engine", "dask", "--scheduler", scheduler, "-o", out)
    assert result.exit_code == 3  # done, but an input was skipped: as a local batch
    bad = [line for line in result.stderr.splitlines() if "c.txt" in line]
    assert len(bad) == 1 and "binary" in bad[0]
    assert len(records_in(out)) == len(ARTICLES)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    partitions = manifest["partitions"]
    assert [f for p in partitions for f in p["inputs"]] == sorted(
        str(p) for p in corpus.rglob("*") if p.is_file())
    assert [p["part"] for p in partitions] == [p.name for p in parts_of(out)]
    (failed,) = [p for p in partitions if p["status"] != "done"]
    assert failed["status"] == "failed" and failed["inputs"] == [str(corpus / "c.txt")]
    assert failed["failures"][0]["source"] == str(corpus / "c.txt")
    assert sum(p["documents"] for p in partitions) == len(ARTICLES)


def test_each_worker_loads_the_pipeline_once(corpus, tmp_path, client, scheduler):
    run(corpus, tmp_path / "one", scheduler)
    first = client.run(lambda: [id(nlp) for nlp in sys.modules["claimx.cluster"]._pipelines.values()])
    run(corpus, tmp_path / "two", scheduler)
    again = client.run(lambda: [id(nlp) for nlp in sys.modules["claimx.cluster"]._pipelines.values()])
    assert len(first) == 2 and all(len(loaded) == 1 for loaded in first.values())
    assert again == first


def test_progress_goes_up_to_the_total(corpus, tmp_path, scheduler):
    seen = []
    summary = run(corpus, tmp_path / "parts", scheduler, on_progress=lambda s: seen.append((s.done, s.total)))
    assert seen[0] == (0, len(ARTICLES)) and seen[-1] == (len(ARTICLES), len(ARTICLES))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert summary.documents == len(ARTICLES) and summary.claims > 0


# --- resuming ---------------------------------------------------------------------------------


def test_a_rerun_after_deleting_one_part_file_redoes_only_that_part(corpus, tmp_path, scheduler):
    out = tmp_path / "parts"
    run(corpus, out, scheduler)
    parts = parts_of(out)
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in parts}
    lost = parts[2]
    lost.unlink()
    again = run(corpus, out, scheduler)
    assert (again.documents, again.resumed, again.total) == (1, len(ARTICLES) - 1, 1)
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in parts_of(out)}
    assert after.pop(lost.name)[2] == before.pop(lost.name)[2]  # the same records again
    assert after == before  # the other part files were not touched


def test_the_same_command_again_does_nothing_when_all_is_done(corpus, tmp_path, scheduler):
    out = tmp_path / "parts"
    args = (corpus, "--engine", "dask", "--scheduler", scheduler, "-o", out)
    extract(*args)
    again = extract(*args)
    assert again.exit_code == 0
    assert f"0 articles, 0 claims, 0 skipped, {len(ARTICLES)} already done" in again.stderr


def test_other_options_start_afresh(corpus, tmp_path, scheduler):
    out = tmp_path / "parts"
    problems = []
    run(corpus, out, scheduler)
    again = run_on_dask([str(corpus)], Pipeline(), PartsFolder(out), Options(min_confidence=0.9),
                        problems.append, scheduler=scheduler, per_partition=1)
    assert again.documents == len(ARTICLES) and again.resumed == 0
    assert any("other inputs or options" in p for p in problems)
    assert all(c["confidence"] >= 0.9 for r in records_in(out) for c in r["claims"])


# --- a worker lost --------------------------------------------------------------------------


def test_a_worker_killed_during_the_run_loses_no_record(corpus, tmp_path, client, scheduler):
    for n in range(6):  # more partitions, so that both workers are busy when one is killed
        (corpus / f"more-{n}.txt").write_text(f"“Case {n} is closed,” the judge said.\n", encoding="utf-8")
    expected = records_of(extract(corpus, "-f", "jsonl").stdout)
    pids = client.run(os.getpid)
    victim = next(iter(pids.values()))
    killed = []

    def kill_once(summary: Summary) -> None:
        if summary.documents >= 1 and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(summary.documents)

    out = tmp_path / "parts"
    summary = run(corpus, out, scheduler, on_progress=kill_once)
    assert killed and killed[0] < len(expected)  # killed while partitions were still to do
    assert summary.documents == len(expected) and not summary.skipped
    assert records_in(out) == expected
    assert restarted(client, victim)


def restarted(client, victim: int, timeout: float = 120) -> bool:
    """Whether the nanny of the worker process ``victim`` started a new one in its place."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = client.run(os.getpid, on_error="ignore")
        if len(pids) == 2 and victim not in pids.values():
            return True
        time.sleep(0.5)
    return False


# --- the cluster, the extra, and what the engine cannot do ----------------------------------


def test_without_an_address_a_local_cluster_of_one_worker_per_core_runs():
    with connect() as client:
        assert list(client.nthreads().values()) == [1] * available_cores()


def test_n_sets_the_worker_processes_of_the_cluster_started_here(corpus, tmp_path, monkeypatch):
    import claimx.cluster
    real, workers = claimx.cluster.connect, []

    @contextmanager
    def connect_and_count(*args, **kwargs):
        with real(*args, **kwargs) as client:
            workers.append(list(client.nthreads().values()))
            yield client

    monkeypatch.setattr(claimx.cluster, "connect", connect_and_count)
    result = extract(corpus, "--engine", "dask", "-n", "1", "-o", tmp_path / "parts")
    assert result.exit_code == 0, result.stderr
    assert workers == [[1]]  # one worker process of one thread, where the default is one per core
    assert records_in(tmp_path / "parts") == records_of(extract(corpus, "-f", "jsonl").stdout)


def test_n_with_a_scheduler_is_refused_saying_how_to_start_the_workers(corpus, tmp_path):
    result = extract(corpus, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "-n", "2",
                     "-o", tmp_path / "parts")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "-n" in result.stderr and "dask worker tcp://127.0.0.1:8786 --nworkers N" in result.stderr
    assert not (tmp_path / "parts").exists()


def test_a_model_the_workers_do_not_have_is_one_error(corpus, tmp_path, scheduler):
    result = extract(corpus, "--engine", "dask", "--scheduler", scheduler, "-o", tmp_path / "p",
                     "-m", "no_such_model")
    assert result.exit_code == 1
    assert "no_such_model" in result.stderr and "installed" in result.stderr
    assert not parts_of(tmp_path / "p")


def test_without_dask_installed_engine_dask_says_how_to_install_it(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = extract(corpus, "--engine", "dask", "-o", tmp_path / "parts")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "pip install 'claimx[dask]'" in result.stderr
    assert not (tmp_path / "parts").exists()


@pytest.mark.parametrize("args, says", [
    (["-o", "{out}", "-f", "csv"], "-f csv"),
    ([], "-o DIR/"),
    (["-o", "{file}"], "is a file"),
    (["-o", "{out}", "-", ], "standard input"),
    (["-o", "{out}", "--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"], "--engine dask"),
])
def test_what_the_engine_cannot_do_is_a_usage_error(corpus, tmp_path, args, says):
    (tmp_path / "file").write_text("", encoding="utf-8")
    args = [a.format(out=tmp_path / "out", file=tmp_path / "file") for a in args]
    result = extract(corpus, "--engine", "dask", *args)
    assert result.exit_code == 2 and says in result.stderr
    assert not (tmp_path / "out").exists()
