"""The ``claimx`` command: parses options, calls the library, maps problems to exit codes."""
from __future__ import annotations

import os
import signal
import sys
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from . import __version__
from .batch import Summary, extract_documents
from .pipeline import DEFAULT_MODEL, ModelNotFound, load_pipeline
from .reading import read_inputs
from .writing import Writer, atomic_output

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3

EXTRACT_HELP = """Extract the attributed claims of news articles.

[bold]Examples[/bold]

  claimx extract article.txt                  [dim]# a table on the terminal[/dim]
  claimx extract article.txt -f yaml -o article.claims.yaml
  claimx extract articles/ -f jsonl > claims.jsonl   [dim]# every *.txt below the folder[/dim]
  cat article.txt | claimx extract - -f csv

PATH is a file, a folder (every *.txt below it, in sorted order) or - for standard input.
Data goes to standard output (or --output); messages go to standard error.

Exit codes: 0 done; 1 error (nothing extracted); 2 usage error; 3 done, but some inputs were
skipped (each is named on standard error)."""

app = typer.Typer(
    name="claimx",
    help="claimx: who said what in English news, with which cue, and through which outlet.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    table = "table"
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


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
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, folders, or - for stdin."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="Output format \\[default: table on a terminal, else yaml]."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Installed spaCy pipeline to use."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0,
                                         help="Leave out claims below this confidence."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the text read to each record."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Decode inputs with this codec."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per spaCy batch."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on stderr but errors."),
) -> None:
    err = Console(stderr=True, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))

    def problem(message: str) -> None:
        if not quiet or not message.startswith("warning"):
            err.print(f"claimx: {message}", markup=False, soft_wrap=True)

    if fmt is None:
        fmt = Format.table if output is None and sys.stdout.isatty() else Format.yaml
    if output is not None and output.is_dir():
        problem(f"error: --output {output} is a folder; give a file name")
        raise typer.Exit(EXIT_USAGE)
    try:
        nlp = load_pipeline(model)
    except ModelNotFound as exc:
        problem(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR)

    summary = Summary()
    started = time.perf_counter()
    documents = extract_documents(read_inputs(paths, encoding), nlp, summary, problem,
                                  min_confidence=min_confidence, include_text=include_text,
                                  batch_size=batch_size)
    try:
        if output is None:
            _write(documents, Writer(fmt.value, sys.stdout))
        else:
            with atomic_output(output) as f:
                _write(documents, Writer(fmt.value, f))
    except KeyboardInterrupt:
        problem("interrupted; nothing was written to --output" if output else "interrupted")
        raise typer.Exit(130)
    except OSError as exc:
        problem(f"error: cannot write {output or 'standard output'}: {exc.strerror or exc}")
        raise typer.Exit(EXIT_ERROR)

    if not quiet and (summary.documents > 1 or summary.skipped):
        took = time.perf_counter() - started
        problem(f"{summary.documents} documents, {summary.claims} claims, "
                f"{len(summary.skipped)} skipped, {took:.1f}s")
    if summary.skipped:
        raise typer.Exit(EXIT_ERROR if summary.documents == 0 else EXIT_SKIPPED)


def _write(documents, writer: Writer) -> None:
    for document in documents:
        writer.write(document)
    writer.close()


def run() -> None:
    """Console-script entry point."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `claimx ... | head` ends quietly
    app()
