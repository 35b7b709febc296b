"""The view commands (``show``, ``speakers``, ``outlets``, ``report``): they parse options, get
documents from :mod:`claimx.views.results` and hand them to the views. ``register(app)`` adds
them to the ``claimx`` command."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer
from rich.console import Console

from ..outputs import dash_is_standard_output
from ..pipeline import DEFAULT_MODEL

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
PATHS_HELP = "Articles (.txt, .html), folders of articles, or claimx results (.jsonl, .json, .yaml)."


class ViewFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class SpeakerSort(str, Enum):
    claims = "claims"
    articles = "articles"
    direct = "direct"
    name = "name"
    kind = "kind"


class OutletSort(str, Enum):
    claims = "claims"
    articles = "articles"
    speakers = "speakers"
    name = "name"


class _Run:
    """What every view command shares: messages on standard error, the loader, the exit code."""

    def __init__(self, model: str, encoding: Optional[str], min_confidence: float,
                 need_text: bool = False):
        from .results import Loader

        self.err = Console(stderr=True, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))
        self.model = model
        self.loader = Loader(self._nlp, self.problem, encoding, need_text, min_confidence)

    def problem(self, message: str) -> None:
        self.err.print(f"claimx: {message}", markup=False, soft_wrap=True)

    def _nlp(self):
        from ..pipeline import ModelNotFound, load_pipeline
        try:
            return load_pipeline(self.model)
        except ModelNotFound as exc:
            self.problem(f"error: {exc}")
            raise typer.Exit(EXIT_ERROR)

    def documents(self, paths: List[str]):
        from ..inputs import expand_globs
        return self.loader(expand_globs(paths))

    def finish(self) -> None:
        if self.loader.documents == 0:
            self.problem("error: nothing could be read; check the paths")
            raise typer.Exit(EXIT_ERROR)
        if self.loader.skipped:
            raise typer.Exit(EXIT_SKIPPED)


def _check_output(output: Optional[str], paths: List[str], problem: Callable[[str], None]) -> None:
    """Never write over an input."""
    if output is None:
        return
    target = Path(output).resolve()
    if any(p != "-" and Path(p).resolve() == target for p in paths):
        problem(f"error: --output {output} is one of the inputs; write the result elsewhere")
        raise typer.Exit(EXIT_USAGE)
    if Path(output).is_dir():
        problem(f"error: --output {output} is a folder; give a file name")
        raise typer.Exit(EXIT_USAGE)
    if not Path(output).parent.is_dir():
        problem(f"error: --output {output}: the folder {Path(output).parent} does not exist; "
                f"create it first (mkdir -p {Path(output).parent}) or give another -o")
        raise typer.Exit(EXIT_USAGE)


def _write(output: Optional[str], write: Callable, problem: Callable[[str], None]) -> None:
    """``write(stream)`` to standard output, or to the file ``output`` atomically."""
    from ..writing import atomic_output
    if output is None:
        write(sys.stdout)
        return
    try:
        with atomic_output(Path(output)) as f:
            write(f)
    except OSError as exc:
        problem(f"error: cannot write {output}: {exc.strerror or exc}; check the folder exists "
                f"and can be written")
        raise typer.Exit(EXIT_ERROR)


def _format(fmt: Optional[ViewFormat], output: Optional[str]) -> str:
    if fmt is not None:
        return fmt.value
    suffix = Path(output).suffix.lower() if output else ""
    return {".csv": "csv", ".json": "json"}.get(suffix, "table")


def _show_console(colour: Optional[bool]) -> Console:
    """Colour unless NO_COLOR, TERM=dumb or --no-color: also into a pipe, for ``less -R``."""
    if colour is None:
        colour = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    if not colour:
        return Console(no_color=True, highlight=False, soft_wrap=False)
    if sys.stdout.isatty():
        return Console(highlight=False)
    system = "truecolor" if os.environ.get("COLORTERM") in ("truecolor", "24bit") else "256"
    return Console(force_terminal=True, color_system=system, highlight=False)


MODEL_OPTION = typer.Option(DEFAULT_MODEL, "--model", "-m", metavar="NAME",
                            help="spaCy pipeline for articles (results need none).")
ENCODING_OPTION = typer.Option(None, "--encoding", metavar="CODEC",
                               help="Decode articles with this codec. [default: detected]")
CONFIDENCE_OPTION = typer.Option(0.0, "--min-confidence", metavar="X", min=0.0, max=1.0,
                                 help="Leave out claims whose confidence is below X (0 to 1).")
PATHS_ARGUMENT = typer.Argument(..., metavar="PATH...", help=PATHS_HELP)
OUTPUT_OPTION = typer.Option(None, "--output", "-o", metavar="FILE",
                             callback=dash_is_standard_output,
                             help="Write to this file (atomically) instead of standard output.")


def show_cli(
    paths: List[str] = typer.Argument(..., metavar="ARTICLE...",
                                      help="Articles (.txt, .html, - for stdin) or claimx results "
                                           "with their text."),
    colour: Optional[bool] = typer.Option(None, "--color/--no-color",
                                          help="Colours even into a pipe (the default unless "
                                               "NO_COLOR is set), or marks made of characters."),
    model: str = MODEL_OPTION, encoding: Optional[str] = ENCODING_OPTION,
    min_confidence: float = CONFIDENCE_OPTION,
) -> None:
    """Show an article with its claims highlighted in their speakers' colours.

    \b
    Examples:
      claimx show article.txt | less -R
      claimx show page.html --no-color
    """
    from .article import article_view

    run = _Run(model, encoding, min_confidence, need_text=True)
    console = _show_console(colour)
    plain = console.no_color
    for document in run.documents(paths):
        console.print(article_view(document, colour=not plain))
        console.print()
    run.finish()


def _corpus_command(paths, fmt, output, model, encoding, min_confidence, rows_of) -> None:
    from .corpus import Corpus
    from .sources import write_rows

    run = _Run(model, encoding, min_confidence)
    _check_output(output, paths, run.problem)
    corpus = Corpus()
    for document in run.documents(paths):
        corpus.add(document)
    if run.loader.documents:
        rows = rows_of(corpus)
        _write(output, lambda f: write_rows(
            rows, _format(fmt, output), f,
            None if output is None else Console(file=f, width=100, no_color=True)), run.problem)
    run.finish()


# The options the two tables share, defined once.
VIEW_FORMAT_OPTION = typer.Option(None, "--format", "-f", metavar="FORMAT",
                                  help="table, csv or json. [default: the -o file's ending, "
                                       "else table]")
REVERSE_OPTION = typer.Option(False, "--reverse", help="Reverse the order.")
TOP_OPTION = typer.Option(0, "--top", metavar="N", min=0, help="Only the first N rows (0: all).")


def speakers_cli(
    paths: List[str] = PATHS_ARGUMENT,
    fmt: Optional[ViewFormat] = VIEW_FORMAT_OPTION,
    sort: SpeakerSort = typer.Option(SpeakerSort.claims, "--sort", "-s", metavar="KEY",
                                     help="Sort the rows by claims, articles, direct (the share "
                                          "of direct quotes), name or kind."),
    reverse: bool = REVERSE_OPTION,
    top: int = TOP_OPTION,
    output: Optional[str] = OUTPUT_OPTION,
    model: str = MODEL_OPTION, encoding: Optional[str] = ENCODING_OPTION,
    min_confidence: float = CONFIDENCE_OPTION,
) -> None:
    """Who is quoted across articles: one row per speaker, name variants merged.

    \b
    Examples:
      claimx speakers claims.jsonl                 # results: no parsing
      claimx speakers articles/ --sort articles --top 20
      claimx speakers claims.jsonl -o speakers.csv
    """
    from .sources import sort_rows
    _corpus_command(paths, fmt, output, model, encoding, min_confidence,
                    lambda c: sort_rows(c.speakers(), sort.value, reverse, top))


def outlets_cli(
    paths: List[str] = PATHS_ARGUMENT,
    fmt: Optional[ViewFormat] = VIEW_FORMAT_OPTION,
    sort: OutletSort = typer.Option(OutletSort.claims, "--sort", "-s", metavar="KEY",
                                    help="Sort the rows by claims, articles, speakers or name."),
    reverse: bool = REVERSE_OPTION,
    top: int = TOP_OPTION,
    output: Optional[str] = OUTPUT_OPTION,
    model: str = MODEL_OPTION, encoding: Optional[str] = ENCODING_OPTION,
    min_confidence: float = CONFIDENCE_OPTION,
) -> None:
    """Which outlets carry the claims: one row per outlet, with the speakers cited through it.

    \b
    Examples:
      claimx outlets claims.jsonl
      claimx outlets articles/ -f json
    """
    from .sources import sort_rows
    _corpus_command(paths, fmt, output, model, encoding, min_confidence,
                    lambda c: sort_rows(c.outlets(), sort.value, reverse, top))


def report_cli(
    paths: List[str] = PATHS_ARGUMENT,
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
                                         callback=dash_is_standard_output,
                                         help="The HTML file to write (atomically). [default: "
                                              "standard output]"),
    title: str = typer.Option("claimx report", "--title", metavar="TITLE",
                              help="The report's title."),
    model: str = MODEL_OPTION, encoding: Optional[str] = ENCODING_OPTION,
    min_confidence: float = CONFIDENCE_OPTION,
) -> None:
    """Write one self-contained HTML page: articles highlighted, claims filterable, speakers,
    outlets and charts. It loads nothing from the network.

    Results need each article's text: the record's own (claimx extract --include-text), or the
    article read again from its source path.

    \b
    Examples:
      claimx report articles/ -o report.html
      claimx report claims.jsonl -o report.html
    """
    from .report import build_report

    run = _Run(model, encoding, min_confidence, need_text=True)
    _check_output(output, paths, run.problem)
    documents = list(run.documents(paths))
    if documents:
        html = build_report(documents, title)
        _write(output, lambda f: f.write(html), run.problem)
    run.finish()


def register(app: typer.Typer) -> None:
    """Add the view commands to ``app``."""
    from ..helptext import Command
    # the short help: what ``claimx --help`` lists, whole at 80 columns
    app.command("show", cls=Command, short_help="An article, its claims in their speakers' colours.")(show_cli)
    app.command("speakers", cls=Command, short_help="Who is quoted across articles.")(speakers_cli)
    app.command("outlets", cls=Command, short_help="Which outlets carry the claims.")(outlets_cli)
    app.command("report", cls=Command, short_help="One HTML page to share: articles, claims, "
                                                  "speakers, outlets.")(report_cli)
