"""The ``claimx`` command: parses options, calls the library, maps problems to exit codes."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
import warnings
from enum import Enum
from typing import List, Optional

import typer
from rich.console import Console

from . import __version__, cluster
from .batch import Options, Summary, run_batch
from .errors import UsageError
from .outputs import is_folder_target, open_output
from .pipeline import BATCH_SIZE, DEFAULT_MODEL, ModelNotFound, load_pipeline
from .processes import WorkerProcesses, n_processes
from .writing import FORMATS, format_of_file
from .views.cli import register as register_views

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EXTRACT_HELP = """Extract the attributed claims of news articles.

[bold]Examples[/bold]

  claimx extract article.txt                  [dim]# a table on the terminal[/dim]
  claimx extract article.txt -f yaml -o article.claims.yaml
  claimx extract articles/ -f jsonl > claims.jsonl   [dim]# every *.txt below the folder[/dim]
  claimx extract articles/ -n auto -f jsonl -o claims.jsonl --resume
  claimx extract 'articles/**/*.txt' -o results/     [dim]# one file per article[/dim]
  cat article.txt | claimx extract - -f csv

PATH is a file, a folder (every *.txt below it, in sorted order), a quoted glob pattern or - for
standard input. Data goes to standard output (or --output); messages go to standard error.

Exit codes: 0 done; 1 error (nothing extracted); 2 usage error; 3 done, but some inputs were
skipped (each is named on standard error); 130 interrupted (run again with --resume)."""

app = typer.Typer(
    name="claimx",
    help="claimx: who said what in English news, with which cue, and through which outlet.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


#: The choices of ``-f``: the formats of :data:`claimx.writing.FORMATS`.
Format = Enum("Format", {name: name for name in FORMATS}, type=str)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                           help="Show the version and exit."),
) -> None:
    """claimx: who said what in English news, with which cue, and through which outlet."""


@app.command("extract", help=EXTRACT_HELP)
def extract_cli(
    paths: List[str] = typer.Argument(..., metavar="PATH...",
                                      help="Files, folders, glob patterns, or - for stdin."),
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f",
        help="Output format \\[default: table on a terminal, else the --output file's suffix, else yaml]."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE|DIR/",
        help="Write to this file (atomically), or to this folder (an existing one, or a name "
             "ending in /): one file per input, mirroring the input folders."),
    resume: bool = typer.Option(False, "--resume",
                                help="Skip the inputs whose output a stopped run left complete "
                                     "(with -o DIR/, or -f jsonl -o FILE)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Installed spaCy pipeline to use."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0,
                                         help="Leave out claims below this confidence."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the text read to each record."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode inputs with this codec."),
    n_process: str = typer.Option("1", "--n-process", "-n", metavar="N|auto",
                                  help="Processes to parse with; 0 or auto for every core."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Documents per spaCy batch."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: processes on this machine; "
                                  "dask: a Dask cluster (part files in -o DIR/; rerun to resume)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="With "
                                            "--engine dask: the scheduler (tcp://host:8786) "
                                            "\\[default: a cluster of one worker per core here]."),
    np_objects: bool = typer.Option(False, "--np-objects",
                                    help="Also count a cue's noun-phrase object as a claim "
                                         "(\"proposed a 10 percent VAT\"), as attribution-level corpora do."),
    beliefs: bool = typer.Option(False, "--beliefs/--no-beliefs",
                                 help="Count attributed beliefs (\"X believes that ...\") besides speech (default: speech only)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on stderr but errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Show in the table which rule found each claim."),
) -> None:
    err = Console(stderr=True, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))

    def problem(message: str) -> None:
        if not quiet or not message.startswith("warning"):
            err.print(f"claimx: {message}", markup=False, soft_wrap=True)

    try:
        processes = n_processes(n_process)
        out = _open_output(engine, scheduler, fmt, output, paths, resume, problem, verbose)
    except (UsageError, cluster.ClusterError) as exc:  # the second: no Dask for --engine dask
        problem(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR)
    try:
        nlp, run_on = _engine(engine, scheduler, model, np_objects, beliefs)
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
    show_progress = not quiet and err.is_terminal
    progress = _ProgressBar(err) if show_progress else None
    workers = WorkerProcesses()
    try:
        with progress or _Nothing(), _InterruptStopsWorkers(workers, processes > 1 and run_on is run_batch):
            run_on(paths, nlp, out, options, problem,
                   progress.update if progress else lambda s: None, summary, workers)
    except KeyboardInterrupt:
        done = f"interrupted after {summary.documents} of {_of(summary)} inputs"
        if out.resumable:
            problem(f"{done}; what was finished is kept: run the same command with --resume to "
                    f"go on")
        elif output is not None:
            problem(f"{done}; nothing was written to {output} (to be able to resume, write "
                    f"-f jsonl or to a folder, -o DIR/, and give --resume)")
        else:
            problem(done)
        raise typer.Exit(EXIT_INTERRUPTED)
    except (ModelNotFound, cluster.ClusterError) as exc:
        problem(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR)
    except OSError as exc:
        problem(f"error: cannot write {output or 'standard output'}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_ERROR)

    if not quiet and (summary.done > 1 or summary.skipped or summary.resumed or summary.empty):
        problem(_summary_line(summary, time.perf_counter() - started))
    if summary.skipped:
        raise typer.Exit(EXIT_ERROR if summary.documents == 0 and not summary.resumed else EXIT_SKIPPED)


def _engine(engine: Engine, scheduler: Optional[str], model: str, np_objects: bool, beliefs: bool):
    """The pipeline and the function that runs the batch with it (as ``run_batch`` does)."""
    if engine is Engine.dask:  # each worker loads the pipeline
        return cluster.Pipeline(model, np_objects, beliefs), cluster.runner(scheduler)
    return load_pipeline(model, np_objects, beliefs), run_batch


def _open_output(engine: Engine, scheduler: Optional[str], fmt: Optional[Format],
                 output: Optional[str], paths: List[str], resume: bool, problem, verbose: bool):
    """Where the records go. Raises UsageError, or ClusterError."""
    if engine is Engine.dask:  # resumes without --resume
        return cluster.open_parts(fmt and fmt.value, output, paths)
    if scheduler is not None:
        raise UsageError("--scheduler is for --engine dask; give both, or neither")
    fmt = fmt or _format_for(output)
    return open_output(fmt.value, output, paths, sys.stdout, resume, problem, verbose=verbose)



register_views(app)  # show, speakers, outlets, report


def _format_for(output: Optional[str]) -> Format:
    """The format when none is given: a table on a terminal, the one an output file's name
    ends with (``-o claims.jsonl``), else YAML."""
    if output is None:
        return Format.table if sys.stdout.isatty() else Format.yaml
    if is_folder_target(output):
        return Format.yaml
    return Format(format_of_file(output) or "yaml")


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
        self.progress.__enter__()
        self.task = self.progress.add_task("extract", total=None, rate="-", claims=0, left="-:--")
        self.progress.refresh()
        return self

    def __exit__(self, *exc):
        self.progress.__exit__(*exc)

    def update(self, summary: Summary) -> None:
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
    app()
