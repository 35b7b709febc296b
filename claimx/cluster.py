"""Running a batch on a Dask cluster (``claimx extract ... --engine dask``).

The inputs are cut into partitions of files. Each partition is one Dask task: a worker reads its
files and extracts them with the same code as a local batch (``read_inputs``, then
``extract_documents`` over ``nlp.pipe``), with a spaCy pipeline it loads once per process. The
records come back to this process, which writes each partition's JSONL part file atomically
(``DIR/part-00003.jsonl``) and records in ``DIR/manifest.json`` the inputs, the outputs and the
failures. Running the same command again redoes only the partitions that are not done. A
worker that is lost takes no finished partition with it: Dask runs its task again elsewhere.

dask.distributed is optional (``pip install 'claimx[dask]'``), imported when a run starts."""
from __future__ import annotations

import io
import json
import logging
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from . import __version__
from .batch import Options, Problem, Summary, extract_documents
from .errors import UsageError
from .inputs import expand_globs
from .processes import available_cores
from .pipeline import DEFAULT_MODEL, ModelNotFound, load_pipeline
from .reading import STDIN, InputError, expand, read_inputs
from .writing import Writer, atomic_output

INSTALL = "pip install 'claimx[dask]'"
MANIFEST = "manifest.json"
#: The most files in one partition: enough to keep a worker busy for seconds (a news article
#: takes about 0.15 s), few enough that a lost partition costs little to redo.
MAX_FILES_PER_PARTITION = 64
#: Partitions per worker thread, at least, so that a slow one does not leave the others idle.
PARTITIONS_PER_THREAD = 4


class ClusterError(Exception):
    """The Dask engine cannot run: not installed, or the scheduler cannot be reached."""


def import_distributed():
    """The dask.distributed module, or ClusterError saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(f"--engine dask needs Dask, which is not installed: {INSTALL}") from exc
    return distributed


@dataclass(frozen=True)
class Pipeline:
    """The spaCy pipeline each worker loads (``claimx.load_pipeline`` with these arguments)."""

    model: str = DEFAULT_MODEL
    np_objects: bool = False
    beliefs: bool = False  # speech only, as claimx.load_pipeline


# ------------------------------------------------------------------------- on a worker


# One pipeline per worker process, loaded by the first task that needs it. The lock also keeps
# two task threads of one worker (dask worker --nthreads 2) from running one pipeline at once:
# extract_documents sets the pipeline's error handler for the length of a run.
_pipelines: dict = {}
_lock = threading.Lock()


def _pipeline(spec: Pipeline):
    if spec not in _pipelines:
        _pipelines[spec] = load_pipeline(spec.model, spec.np_objects, spec.beliefs)
    return _pipelines[spec]


def warm_up(spec: Pipeline) -> Optional[str]:
    """Load the pipeline on this worker; None, or why it cannot be loaded."""
    try:
        with _lock:
            _pipeline(spec)
    except ModelNotFound as exc:
        return str(exc)
    return None


@dataclass
class PartResult:
    """What a worker sends back for one partition: its JSONL records, the tally, and the
    messages a local batch would have printed, in order."""

    records: str
    summary: Summary
    problems: list = field(default_factory=list)


def extract_partition(files: list, spec: Pipeline, options: Options) -> PartResult:
    """Extract the claims of ``files`` as a local batch would (one process)."""
    summary, problems = Summary(), []
    records = io.StringIO()
    writer = Writer("jsonl", records)
    with _lock:
        nlp = _pipeline(spec)
        for document in extract_documents(
                read_inputs(files, options.encoding), nlp, summary, problems.append,
                min_confidence=options.min_confidence, include_text=options.include_text,
                batch_size=options.batch_size, n_process=1):
            writer.write(document)
    return PartResult(records.getvalue(), summary, problems)


# ---------------------------------------------------------------------- the output folder


class PartsFolder:
    """``-o DIR/`` for the Dask engine: ``part-NNNNN.jsonl`` files, one per partition, and
    ``manifest.json``. Every file in it is written atomically."""

    resumable = True  # always: a rerun of the same command goes on where the last one stopped

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.manifest_path = self.folder / MANIFEST

    def read_manifest(self, on_problem: Problem) -> Optional[dict]:
        try:
            with open(self.manifest_path, encoding="utf-8") as f:
                manifest = json.load(f)
            if isinstance(manifest, dict) and isinstance(manifest.get("partitions"), list):
                return manifest
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            pass
        on_problem(f"warning: {self.manifest_path} is not a claimx manifest; starting afresh")
        return None

    def write_manifest(self, manifest: dict) -> None:
        with atomic_output(self.manifest_path) as f:
            json.dump(manifest, f, indent=1)  # ASCII: file names that are not UTF-8 survive
            f.write("\n")

    def write_part(self, name: str, records: str) -> None:
        with atomic_output(self.folder / name) as f:
            f.write(records)

    def has(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def remove(self, name: str) -> None:
        try:
            (self.folder / name).unlink()
        except FileNotFoundError:
            pass


def open_parts(fmt: Optional[str], output: Optional[str], paths: list) -> PartsFolder:
    """The output of ``--engine dask -o DIR``. Raises UsageError for what the engine cannot
    do, and ClusterError when Dask is not installed."""
    if fmt not in (None, "jsonl"):
        raise UsageError(f"--engine dask writes JSONL part files; leave out -f {fmt} or give -f jsonl")
    if output is None:
        raise UsageError("--engine dask writes its results to a folder: give -o DIR/")
    if os.path.exists(output) and not os.path.isdir(output):
        raise UsageError(f"--engine dask writes its results to a folder, and {output} is a "
                         f"file: give -o DIR/")
    if STDIN in paths:
        raise UsageError("--engine dask reads files, not standard input: save it to a file first")
    import_distributed()
    return PartsFolder(Path(output))


# ------------------------------------------------------------------------------- the plan


def files_per_partition(files: int, threads: int) -> int:
    """Partitions of at most MAX_FILES_PER_PARTITION files, and PARTITIONS_PER_THREAD of them
    for each worker thread where there are few files."""
    return max(1, min(MAX_FILES_PER_PARTITION, math.ceil(files / (PARTITIONS_PER_THREAD * max(1, threads)))))


def _settings(spec: Pipeline, options: Options) -> dict:
    """What the records depend on besides the inputs: a manifest written with other settings
    does not describe this run."""
    return {**asdict(spec), "min_confidence": options.min_confidence,
            "include_text": options.include_text, "encoding": options.encoding}


def plan(files: list, settings: dict, per_partition: int, old: Optional[dict],
         folder: PartsFolder, on_problem: Problem) -> dict:
    """The manifest of this run: the old one when it was written for the same inputs and
    settings (its finished partitions stay done while their part files are there), else a new
    one, with every part file of the old one removed."""
    if old is not None:
        old_files = [f for p in old["partitions"] for f in p.get("inputs", ())]
        if old_files == files and old.get("settings") == settings:
            for p in old["partitions"]:
                if p.get("status") == "done" and not folder.has(p["part"]):
                    p["status"] = "missing"
            return old
        on_problem(f"warning: {folder.manifest_path} was written for other inputs or options; "
                   f"starting afresh")
        for p in old["partitions"]:
            folder.remove(str(p.get("part", "")))
    count = math.ceil(len(files) / per_partition)
    width = max(5, len(str(count - 1)))
    partitions = [{"part": f"part-{i:0{width}d}.jsonl", "inputs": files[at:at + per_partition],
                   "status": "todo"}
                  for i, at in enumerate(range(0, len(files), per_partition))]
    return {"claimx": __version__, "settings": settings, "partitions": partitions}


# ------------------------------------------------------------------------------- the run


#: A local cluster without a dashboard, its scheduler's HTTP server (health checks) on a free
#: loopback port rather than on 8787, which another cluster may hold.
LOCAL = {"dashboard_address": None, "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"}}
#: Dask samples the stacks of running tasks every 10 ms for its dashboard's profile, which no
#: one looks at here and which takes the GIL from spaCy's thread.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
#: How long to wait for a scheduler given with --scheduler to have a worker.
WORKER_TIMEOUT = 60


@contextmanager
def connect(scheduler: Optional[str] = None, spec: Optional[Pipeline] = None,
            workers: Optional[int] = None) -> Iterator:
    """A Dask client: of the scheduler at ``scheduler`` (``tcp://host:8786``), or of a local
    cluster of ``workers`` single-threaded worker processes (default: one per core), which
    ends with the run. A local cluster gets the pipeline ``spec`` loaded before its workers
    are forked (where processes can be forked), so that they share it as spaCy's own worker
    processes do, instead of each loading it anew (10 to 20 s on a busy 2-core machine)."""
    distributed = import_distributed()
    if not scheduler:
        import dask

        fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
        if fork and spec is not None:
            with _lock:
                _pipeline(spec)
        config = {**WORKER_CONFIG, **({"distributed.worker.multiprocessing-method": "fork"} if fork else {})}
        with dask.config.set(config), _workers_ignore_ctrl_c(), \
                distributed.LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1,
                                         processes=True, host="127.0.0.1", **LOCAL,
                                         silence_logs=logging.CRITICAL) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the "
                           f"address, and that `dask scheduler` runs there") from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError as exc:
            raise ClusterError(f"the Dask scheduler at {scheduler} has no worker; start some "
                               f"with `dask worker {scheduler} --nthreads 1`") from exc
        yield client


_forking_workers = False


def _after_fork_in_child() -> None:
    # Ctrl-C is for this process to handle (it ends the cluster, and so its workers), not for
    # each worker to print a traceback of.
    if _forking_workers:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    global _forking_workers
    _forking_workers = True
    try:
        yield
    finally:
        _forking_workers = False


def _warm_up(client, spec: Pipeline, on_problem: Problem) -> None:
    """Load the pipeline on every worker now (workers that join later load it with their first
    task), so that a model missing on the cluster is one error, not one per partition."""
    # a worker that cannot be reached (it is dying) is left to the scheduler, as in a task
    errors = {worker: error for worker, error in client.run(warm_up, spec, on_error="return").items()
              if not isinstance(error, BaseException)}
    failed = {worker: error for worker, error in errors.items() if error is not None}
    if failed and len(failed) == len(errors):
        raise ModelNotFound(f"on the Dask workers: {next(iter(failed.values()))}")
    for worker, error in failed.items():
        on_problem(f"warning: Dask worker {worker}: {error}; its partitions will fail")


def _files(paths: Iterable[str]) -> tuple[list, list]:
    """The files that ``paths`` name (folders listed, glob patterns expanded), as text for the
    manifest (names that are not UTF-8 kept as surrogate escapes), and the paths that name
    nothing readable (InputError)."""
    files, unreadable = [], []
    for item in expand(expand_globs(paths)):
        (unreadable if isinstance(item, InputError) else files).append(
            item if isinstance(item, InputError) else os.fsdecode(item))
    return files, unreadable


def run_on_dask(
    paths: Iterable[str],
    spec: Pipeline,
    output: PartsFolder,
    options: Options = Options(),
    on_problem: Problem = lambda message: None,
    on_progress: Callable[[Summary], None] = lambda summary: None,
    summary: Optional[Summary] = None,
    scheduler: Optional[str] = None, workers: Optional[int] = None,
    per_partition: Optional[int] = None,
) -> Summary:
    """Extract the claims of every input in ``paths`` on a Dask cluster into ``output``, as
    :func:`claimx.batch.run_batch` does on this machine; the partitions an earlier run of the
    same inputs and settings finished are kept; ``workers``: see :func:`connect`. Raises
    ClusterError, or ModelNotFound when the workers do not have the model."""
    summary = summary if summary is not None else Summary()
    files, unreadable = _files(paths)
    with connect(scheduler, spec, workers) as client:
        threads = sum(client.nthreads().values())
        _warm_up(client, spec, on_problem)
        output.folder.mkdir(parents=True, exist_ok=True)
        manifest = plan(files, _settings(spec, options),
                        per_partition or files_per_partition(len(files), threads),
                        output.read_manifest(on_problem), output, on_problem)
        manifest["unreadable"] = [asdict(e) for e in unreadable]
        partitions = manifest["partitions"]
        todo = [i for i, p in enumerate(partitions) if p["status"] != "done"]
        summary.resumed = sum(len(p["inputs"]) for p in partitions if p["status"] == "done")
        summary.total = sum(len(partitions[i]["inputs"]) for i in todo) + len(unreadable)
        for error in unreadable:
            summary.skipped.append(error)
            on_problem(f"skipped {error}")
        on_progress(summary)
        saver = _Saver(output, manifest)
        try:
            for i, result, error in _results(client, partitions, todo, spec, options):
                _record(partitions[i], result, error, output, summary, on_problem)
                on_progress(summary)
                saver.save_now_and_then()
        finally:
            saver.save()
    return summary


def _results(client, partitions: list, todo: list, spec: Pipeline, options: Options):
    """``(index, PartResult, None)`` or ``(index, None, error)`` for each partition in
    ``todo``, as they finish. Only a few partitions per worker thread are handed to the
    scheduler at a time, so that a million inputs never sit in its memory at once."""
    distributed = import_distributed()
    waiting, in_flight = iter(todo), {}
    finished = distributed.as_completed()

    def submit(count: int) -> None:
        for i in [i for _, i in zip(range(count), waiting)]:
            future = client.submit(extract_partition, partitions[i]["inputs"], spec, options,
                                   pure=False)
            in_flight[future.key] = (i, future)
            finished.add(future)

    def room() -> int:  # workers may join or leave during the run
        return 2 * max(1, sum(client.nthreads().values())) - len(in_flight)

    submit(room())
    try:
        for future in finished:
            i, _ = in_flight.pop(future.key)
            try:
                yield i, future.result(), None
            except Exception as exc:  # the task failed, or its workers died again and again
                yield i, None, f"{type(exc).__name__}: {exc}"
            future.release()
            submit(room())
    finally:
        if in_flight:  # stopped early (Ctrl-C): the cluster need not finish them
            client.cancel([future for _, future in in_flight.values()])


def _record(entry: dict, result: Optional[PartResult], error: Optional[str],
            output: PartsFolder, summary: Summary, on_problem: Problem) -> None:
    """Write a finished partition's part file, report its problems and count it in the manifest
    entry ``entry`` and in ``summary``. A partition with an input that was skipped is written
    but counts as failed, so that a rerun tries that input again, as --resume does."""
    if result is None:
        entry.update(status="failed", error=error, failures=[])
        inputs = [os.fsencode(f).decode("utf-8", "backslashreplace") for f in entry["inputs"]]
        reason = f"its partition failed on the cluster ({error}); run the same command again to redo it"
        summary.skipped.extend(InputError(source, reason) for source in inputs)
        first = inputs[0] if len(inputs) == 1 else f"{len(inputs)} inputs, {inputs[0]} to {inputs[-1]}"
        on_problem(f"skipped {first}: {reason}")
        return
    output.write_part(entry["part"], result.records)
    for message in result.problems:
        on_problem(message)
    done = result.summary
    summary.documents += done.documents
    summary.claims += done.claims
    summary.skipped.extend(done.skipped)
    summary.empty.extend(done.empty)
    entry.update(status="failed" if done.skipped else "done", error=None,
                 documents=done.documents, claims=done.claims,
                 failures=[asdict(e) for e in done.skipped])


class _Saver:
    """Writes the manifest (it lists every input) now and then, and at the end: a part file
    written after the last save is redone by a rerun, never taken as done unrecorded."""

    def __init__(self, output: PartsFolder, manifest: dict, interval: float = 2.0):
        self.output, self.manifest, self.interval = output, manifest, interval
        self.saved = time.monotonic()
        self.save()

    def save(self) -> None:
        started = time.monotonic()
        self.output.write_manifest(self.manifest)
        # a big manifest takes long to write: write it less often, never more than 1/10 of the time
        self.interval = max(self.interval, 10 * (time.monotonic() - started))
        self.saved = time.monotonic()

    def save_now_and_then(self) -> None:
        if time.monotonic() - self.saved >= self.interval:
            self.save()


def runner(scheduler: Optional[str], workers_here: Optional[int] = None) -> Callable[..., Summary]:
    """:func:`run_on_dask`, called as :func:`claimx.batch.run_batch` is."""
    def run(paths, spec, output, options, on_problem, on_progress, summary, workers=None):
        return run_on_dask(paths, spec, output, options, on_problem, on_progress, summary,
                           scheduler=scheduler, workers=workers_here)
    return run  # ``workers`` are a local batch's processes: the cluster's are Dask's to end
