"""The ``claimx`` command: parses options, calls the library, maps problems to exit codes."""
from __future__ import annotations

import codecs
import json
import os
import signal
import sys
import threading
import time
import warnings
from enum import Enum
from typing import Annotated, List, Optional

import typer
from rich.console import Console

from . import cluster
from .batch import Options, Summary, run_batch
from .errors import UsageError
from .helptext import Command, Group
from .outputs import dash_is_standard_output, open_output, output_format
from .pipeline import BATCH_SIZE, DEFAULT_MODEL, ModelNotFound, load_pipeline
from .processes import WorkerProcesses, n_processes
from .reading import FOLDER_SUFFIXES
from .versions import version_text
from .views.cli import register as register_views
from .writing import FORMATS, record_schema

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

#: The defaults a user can set, read once (by click, when the options are parsed).
ENV_FORMAT, ENV_MODEL, ENV_MIN_CONFIDENCE = "CLAIMX_FORMAT", "CLAIMX_MODEL", "CLAIMX_MIN_CONFIDENCE"
ENV_N_PROCESS, ENV_BATCH_SIZE = "CLAIMX_N_PROCESS", "CLAIMX_BATCH_SIZE"

FOLDER_FILES = ", ".join(f"*{suffix}" for suffix in FOLDER_SUFFIXES)

EXTRACT_HELP = f"""Extract the attributed claims of news articles.

\b
Examples:
  claimx extract article.txt             # a table on the terminal
  claimx extract article.txt -o claims.yaml
  claimx extract articles/ -f jsonl > claims.jsonl
  claimx extract articles/ -n auto -o claims.jsonl --resume
  claimx extract 'articles/**/*.txt' -o results/
  claimx extract articles/ --excel -o claims.csv
  cat article.txt | claimx extract - -f csv

PATH is a file, a folder (every {FOLDER_FILES} below it, sorted), a quoted glob pattern or - for
standard input. Data goes to standard output (or --output); messages go to standard error.

\b
Exit codes:
  0    done
  1    error: nothing extracted
  2    usage error
  3    done, but some inputs were skipped (each named on standard error)
  130  interrupted: run the same command with --resume to go on"""

class Engine(str, Enum):
    local = "local"
    dask = "dask"


app = typer.Typer(
    name="claimx",
    cls=Group,
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _check_format(value: Optional[str]) -> Optional[str]:
    if value is not None and value not in FORMATS:
        raise typer.BadParameter(f"{value!r} is not a format; use one of {', '.join(FORMATS)}")
    return value


def _check_encoding(value: Optional[str]) -> Optional[str]:
    if value is not None:
        try:
            known = codecs.lookup(value)._is_text_encoding
        except LookupError:
            known = False
        if not known:
            raise typer.BadParameter(f"{value!r} is not a text encoding Python knows; give a "
                                     f"codec name such as utf-8, utf-16, cp1252 or latin-1")
    return value


# The options, defined once, for every command that takes them.
FormatOption = Annotated[Optional[str], typer.Option(
    "--format", "-f", metavar="FORMAT", callback=_check_format, envvar=ENV_FORMAT, show_envvar=True,
    help=f"{', '.join(FORMATS)}. [default: the -o file's ending, else {ENV_FORMAT}, else table on "
         f"a terminal, else yaml]")]
OutputOption = Annotated[Optional[str], typer.Option(
    "--output", "-o", metavar="FILE|DIR/", callback=dash_is_standard_output,
    help="Write to FILE (atomically); or to the folder DIR (one that exists, a name ending in /, "
         "or a new name without an ending): one file per input, mirroring the input folders. "
         "-: standard output.")]
ModelOption = Annotated[str, typer.Option(
    "--model", "-m", metavar="NAME", envvar=ENV_MODEL, show_envvar=True,
    help="An installed spaCy pipeline with a parser.")]
MinConfidenceOption = Annotated[float, typer.Option(
    "--min-confidence", metavar="X", min=0.0, max=1.0, envvar=ENV_MIN_CONFIDENCE, show_envvar=True,
    help="Leave out claims whose confidence is below X (0 to 1).")]
EncodingOption = Annotated[Optional[str], typer.Option(
    "--encoding", metavar="CODEC", callback=_check_encoding,
    help="Decode every input with CODEC (utf-8, cp1252...). [default: detected]")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on stderr but errors.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v",
                                             help="Show in the table which rule found each claim.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(version_text(os.environ.get(ENV_MODEL) or DEFAULT_MODEL))
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version, is_eager=True,
        help="Print the versions of claimx, spaCy, the pipeline and Python, and exit."),
) -> None:
    """claimx: who said what in English news, with which cue, and through which outlet.

    \b
    Examples:
      claimx extract article.txt             # a table on the terminal
      claimx extract articles/ -o claims.jsonl
      claimx extract --help                  # every option, with examples
      claimx schema                          # the JSON Schema of the records
    """


@app.command("extract", help=EXTRACT_HELP, cls=Command)
def extract_cli(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., metavar="PATH", show_default=False),
    fmt: FormatOption = None,
    output: OutputOption = None,
    resume: bool = typer.Option(False, "--resume",
                                help="Skip the inputs a stopped run finished (with -o DIR/ or a "
                                     ".jsonl -o FILE)."),
    model: ModelOption = DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    include_text: bool = typer.Option(False, "--include-text",
                                      help="Add the text read to each record (a web page's has "
                                           "it always)."),
    encoding: EncodingOption = None,
    n_process: str = typer.Option("1", "--n-process", "-n", metavar="N|auto", envvar=ENV_N_PROCESS,
                                  show_envvar=True,
                                  help="Parse in N processes; 0 or auto: one per core. With "
                                       "--engine dask: the worker processes of the cluster "
                                       "started here (when not given: one per core)."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", metavar="N", min=1,
                                   envvar=ENV_BATCH_SIZE, show_envvar=True,
                                   help="Documents per spaCy batch."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: processes on this machine; "
                                  "dask: a Dask cluster (part files in -o DIR/; rerun to resume)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="With "
                                            "--engine dask: the scheduler (tcp://host:8786). "
                                            "[default: a cluster of one worker per core here]"),
    np_objects: bool = typer.Option(False, "--np-objects",
                                    help="Keep every noun-phrase object of a cue as a claim "
                                         "(\"proposed a 10 percent VAT\"), whatever its score."),
    beliefs: bool = typer.Option(False, "--beliefs/--no-beliefs", show_default=False,
                                 help="Also count attributed beliefs (\"X believes that ...\"). "
                                      "[default: speech only]"),
    excel: bool = typer.Option(False, "--excel",
                               help="CSV for spreadsheets: a UTF-8 byte-order mark and CRLF line "
                                    "ends (implies -f csv)."),
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    err = Console(stderr=True, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))

    def problem(message: str) -> None:
        if not quiet or not message.startswith("warning"):
            err.print(f"claimx: {message}", markup=False, soft_wrap=True)

    try:
        processes = n_processes(n_process)
        workers_here = _dask_workers(ctx, scheduler, processes) if engine is Engine.dask else None
        out = _open_output(ctx, engine, scheduler, fmt, output, paths, resume, problem, verbose,
                           excel)
    except (UsageError, cluster.ClusterError) as exc:  # the second: no Dask for --engine dask
        problem(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR)
    try:
        nlp, run_on = _engine(engine, scheduler, model, np_objects, beliefs, workers_here)
    except ModelNotFound as exc:
        problem(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR)
    except KeyboardInterrupt:
        problem("interrupted while loading the spaCy pipeline; nothing was done")
        raise typer.Exit(EXIT_INTERRUPTED)

    options = Options(min_confidence=min_confidence, include_text=include_text,
                      batch_size=batch_size, n_process=processes, encoding=encoding)
    summary = Summary()
    started = time.perf_counter()
    # the bar shares the terminal with nothing else: not with a table printed there
    show_progress = not quiet and err.is_terminal and not (output is None and sys.stdout.isatty())
    progress = _ProgressBar(err) if show_progress else None
    workers = WorkerProcesses()
    try:
        with progress or _Nothing(), _InterruptStopsWorkers(workers, processes > 1 and run_on is run_batch):
            run_on(paths, nlp, out, options, problem,
                   progress.update if progress else lambda s: None, summary, workers)
    except KeyboardInterrupt:
        problem(_interrupted(summary, out.resumable, output))
        raise typer.Exit(EXIT_INTERRUPTED)
    except (ModelNotFound, cluster.ClusterError) as exc:
        problem(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR)
    except OSError as exc:
        problem(f"error: cannot write {output or 'standard output'}: {exc.strerror or exc}; "
                f"check that the folder exists and can be written, and that the disk has room")
        raise typer.Exit(EXIT_ERROR)

    if not quiet and (summary.done > 1 or summary.skipped or summary.resumed or summary.empty):
        problem(_summary_line(summary, time.perf_counter() - started))
    if summary.skipped:
        raise typer.Exit(EXIT_ERROR if summary.documents == 0 and not summary.resumed else EXIT_SKIPPED)


def _engine(engine: Engine, scheduler: Optional[str], model: str, np_objects: bool, beliefs: bool,
            workers_here: Optional[int] = None):
    """The pipeline and the function that runs the batch with it (as ``run_batch`` does)."""
    if engine is Engine.dask:  # each worker loads the pipeline
        return cluster.Pipeline(model, np_objects, beliefs), cluster.runner(scheduler, workers_here)
    return load_pipeline(model, np_objects, beliefs), run_batch


def _dask_workers(ctx, scheduler: Optional[str], processes: int) -> Optional[int]:
    """``-n`` with ``--engine dask``: the worker processes of the cluster started on this
    machine (None: one per core). A cluster given by ``--scheduler`` has the workers it was
    started with, so ``-n`` on the command line is refused there (CLAIMX_N_PROCESS, a default
    for this machine, is not read)."""
    source = getattr(ctx.get_parameter_source("n_process"), "name", None)
    if scheduler is None:
        return processes if source in ("COMMANDLINE", "ENVIRONMENT") else None
    if source == "COMMANDLINE":
        raise UsageError(f"-n sets the processes of this machine; the cluster at {scheduler} has "
                         f"the workers it was started with (`dask worker {scheduler} --nworkers N "
                         f"--nthreads 1`): leave out -n")
    return None


def _open_output(ctx, engine: Engine, scheduler: Optional[str], fmt: Optional[str],
                 output: Optional[str], paths: List[str], resume: bool, problem, verbose: bool,
                 excel: bool):
    """Where the records go. Raises UsageError, or ClusterError."""
    if engine is Engine.dask:  # resumes without --resume
        return cluster.open_parts(fmt, output, paths)
    if scheduler is not None:
        raise UsageError("--scheduler is for --engine dask; give both, or neither")
    return open_output(_format(ctx, fmt, output, excel), output, paths, sys.stdout, resume,
                       problem, verbose=verbose, excel=excel)



register_views(app)  # show, speakers, outlets, report


@app.command("schema", cls=Command, short_help="Print the JSON Schema of the records.")
def schema_cli() -> None:
    """Print the JSON Schema of the records claimx writes (YAML, JSON and JSONL).

    \b
    Example:
      claimx schema > claimx.schema.json
    """
    typer.echo(json.dumps(record_schema(), indent=2, ensure_ascii=False))


def _format(ctx: typer.Context, fmt: Optional[str], output: Optional[str], excel: bool) -> str:
    """The format of the run (see :func:`claimx.outputs.output_format`): ``-f`` given on the
    command line wins over an ``-o`` file's ending, which wins over CLAIMX_FORMAT."""
    # typer has its own click: its ParameterSource is known by name
    from_env = getattr(ctx.get_parameter_source("fmt"), "name", None) == "ENVIRONMENT"
    return output_format(None if from_env else fmt, output, sys.stdout.isatty(),
                         default=fmt if from_env else None, excel=excel)


def _interrupted(summary: Summary, resumable: bool, output: Optional[str]) -> str:
    done = f"interrupted after {summary.documents} of {_of(summary)} inputs"
    if resumable:
        return f"{done}; what was finished is kept: run the same command with --resume to go on"
    if output is not None:
        return (f"{done}; nothing was written to {output} (to be able to resume, write -f jsonl "
                f"or to a folder, -o DIR/, and give --resume)")
    return done


# While a run with worker processes is on, the processes this one forks (spaCy's workers) leave
# Ctrl-C to it (it ends them) rather than each print a traceback, and end at SIGTERM.
_children_leave_ctrl_c_to_main = False


def _after_fork_in_child() -> None:
    if _children_leave_ctrl_c_to_main:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class _InterruptStopsWorkers:
    """While active (with worker processes, in the main thread), Ctrl-C or SIGTERM ends the
    run's worker processes at once, then raises KeyboardInterrupt."""

    def __init__(self, workers: WorkerProcesses, active: bool):
        self.workers = workers
        self.active = active and threading.current_thread() is threading.main_thread()
        self.saved: dict = {}

    def _stop(self, signum, frame):
        self.workers.stop()
        raise KeyboardInterrupt

    def __enter__(self):
        global _children_leave_ctrl_c_to_main
        if self.active:
            self._warnings = warnings.catch_warnings()
            self._warnings.__enter__()
            # spaCy's W127 says a worker did not finish: after Ctrl-C, we ended it
            warnings.filterwarnings("ignore", message=r"\[W127\]")
            _children_leave_ctrl_c_to_main = True
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.saved[sig] = signal.signal(sig, self._stop)
        return self

    def __exit__(self, *exc) -> None:
        global _children_leave_ctrl_c_to_main
        if self.active:
            _children_leave_ctrl_c_to_main = False
            for sig, handler in self.saved.items():
                signal.signal(sig, handler)
            self._warnings.__exit__(*exc)


def _of(summary: Summary) -> str:
    return "?" if summary.total is None else f"{summary.total:,}"


def _summary_line(summary: Summary, seconds: float) -> str:
    articles = "article" if summary.documents == 1 else "articles"
    line = f"{summary.documents:,} {articles}, {summary.claims:,} claims, {len(summary.skipped):,} skipped"
    if summary.empty:
        line += f", {len(summary.empty):,} input{'' if len(summary.empty) == 1 else 's'} gave no text"
    if summary.resumed:
        line += f", {summary.resumed:,} already done"
    rate = summary.documents / seconds if seconds > 0 else 0.0
    return f"{line}, {seconds:.1f}s ({rate:.1f} articles/s)"


class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


class _ProgressBar:
    """Articles done, articles per second, claims found and the time left, on standard error
    only: rich's live display is kept from standard output, where the data goes."""

    def __init__(self, console: Console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
        # no refresh thread (the worker processes are forked while this display is up); the
        # rate is the run's average, as articles come back from spaCy a batch at a time
        self.progress = Progress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s, {task.fields[claims]} claims, "
                       "{task.fields[left]} left"),
            console=console, transient=True, auto_refresh=False,
            redirect_stdout=False, redirect_stderr=False)
        self.started = self.shown = time.monotonic()
        self.task = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.task is not None:
            self.progress.__exit__(*exc)

    def update(self, summary: Summary) -> None:
        if self.task is None:
            # shown once the inputs are counted, and only for more than one: a single article
            # is done before a bar could say anything
            if summary.total is None or summary.total < 2:
                return
            self.progress.__enter__()
            self.task = self.progress.add_task("extract", total=summary.total, rate="-",
                                               claims=0, left="-:--")
            self.shown = 0.0
        now = time.monotonic()
        rate = summary.done / (now - self.started) if summary.done and now > self.started else 0.0
        left = "-:--"
        if rate and summary.total is not None:
            seconds = int(max(summary.total - summary.done, 0) / rate)
            left = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        self.progress.update(self.task, total=summary.total, completed=summary.done,
                             claims=f"{summary.claims:,}", rate=f"{rate:.1f}" if rate else "-",
                             left=left)
        if now - self.shown >= 0.1 or summary.done == summary.total:
            self.shown = now
            self.progress.refresh()


def run() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `claimx ... | head` ends quietly
    app(prog_name="claimx")  # also as python -m claimx
