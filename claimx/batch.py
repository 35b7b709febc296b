"""Running extraction over many inputs: read them, parse them in batches (in one process or
several), yield one Document per input in input order, write each where it goes, and tally what
happened. Nothing here holds more than the batches in flight, whatever the number of inputs.

The other jobs of a batch have their own modules: which inputs (:mod:`claimx.inputs`), how many
processes (:mod:`claimx.processes`), long texts in pieces (:mod:`claimx.pieces`) and where the
records go (:mod:`claimx.outputs`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from spacy.language import Language

from .errors import UsageError
from .inputs import count_inputs, expand_globs
from .outputs import Output, open_output
from .pipeline import BATCH_SIZE, extract_texts
from .processes import WorkerProcesses, available_cores, n_processes
from .reading import Input, InputError, read_inputs
from .schema import Document

Problem = Callable[[str], None]

__all__ = ["Options", "Summary", "UsageError", "available_cores", "extract_documents",
           "n_processes", "open_output", "run_batch"]


@dataclass
class Summary:
    documents: int = 0  # extracted in this run
    claims: int = 0
    skipped: list = field(default_factory=list)  # InputError
    empty: list = field(default_factory=list)  # sources of the inputs that gave no text
    resumed: int = 0  # inputs whose output an earlier run left complete (--resume)
    total: Optional[int] = None  # inputs to do in this run, when counted

    @property
    def done(self) -> int:
        """Inputs dealt with in this run, extracted or skipped."""
        return self.documents + len(self.skipped)


def extract_documents(
    inputs: Iterable[Union[Input, InputError]],
    nlp: Language,
    summary: Summary,
    on_problem: Problem = lambda message: None,
    min_confidence: float = 0.0,
    include_text: bool = False,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    workers: Optional[WorkerProcesses] = None,
) -> Iterator[Document]:
    """One Document per readable input, in input order. Unreadable inputs are reported through
    ``on_problem`` and recorded in ``summary``; so is an input claimx fails on. Neither stops
    the run. Long texts are parsed in pieces and their claims read window by window
    (:func:`claimx.pipeline.extract_texts`). ``workers``, if given, takes note of the worker
    processes started."""

    def texts():
        for item in inputs:
            if isinstance(item, InputError):
                summary.skipped.append(item)
                on_problem(f"skipped {item}")
                continue
            for warning in getattr(item, "warnings", ()):  # what reading had to make of it
                on_problem(f"warning: {item.source}: {warning}")
            if not item.text.strip():  # "no text": the reader says what the input was
                summary.empty.append(item.source)
                on_problem(f"warning: {item.source}: no text: "
                           f"{getattr(item, 'no_text', None) or 'empty'}; its record has no claims")
            yield item.text, item

    for found, failed, item in extract_texts(nlp, texts(), batch_size=batch_size,
                                             n_process=n_process, workers=workers):
        if failed is not None:
            error = InputError(item.source, f"claimx failed on it ({failed}); please report this, "
                                            f"with the file, as a bug")
            summary.skipped.append(error)
            on_problem(f"skipped {error}")
            continue
        claims = tuple(c for c in found if c.confidence >= min_confidence)
        summary.documents += 1
        summary.claims += len(claims)
        yield document_of(item, claims, include_text)


def document_of(item: Input, claims: tuple, include_text: bool = False) -> Document:
    """The Document of ``item`` with its ``claims``. A web page's always carries its text: the
    offsets point into the text extracted from the page, which its user does not have."""
    keep_text = include_text or item.metadata is not None
    return Document(item.source, claims, item.text if keep_text else None, item.metadata)


@dataclass
class Options:
    min_confidence: float = 0.0
    include_text: bool = False
    batch_size: int = BATCH_SIZE
    n_process: int = 1
    encoding: Optional[str] = None


def run_batch(
    paths: Iterable[str],
    nlp: Language,
    output: Output,
    options: Options = Options(),
    on_problem: Problem = lambda message: None,
    on_progress: Callable[[Summary], None] = lambda summary: None,
    summary: Optional[Summary] = None,
    workers: Optional[WorkerProcesses] = None,
) -> Summary:
    """Extract the claims of every input in ``paths`` into ``output``, skipping the inputs
    whose output is already done. An exception (Ctrl-C's KeyboardInterrupt) ends the worker
    processes this run started, and no other, and leaves ``output`` resumable; ``summary``
    (give one to read it after an interrupt) says what was done. ``workers``: give one made
    before the run to :meth:`~claimx.processes.WorkerProcesses.stop` them from a signal
    handler."""
    summary = summary if summary is not None else Summary()
    workers = workers if workers is not None else WorkerProcesses()
    paths = expand_globs(paths)
    with output:
        summary.total = count_inputs(paths, output.is_done)
        on_progress(summary)
        # more processes than inputs would only take longer to start
        n_process = max(1, min(options.n_process, summary.total))

        def todo():
            for item in read_inputs(paths, options.encoding):
                if isinstance(item, Input) and item.source != "<stdin>" and output.is_done(item.source):
                    summary.resumed += 1
                    continue
                yield item

        documents = extract_documents(
            todo(), nlp, summary, on_problem, min_confidence=options.min_confidence,
            include_text=options.include_text, batch_size=options.batch_size,
            n_process=n_process, workers=workers)
        try:
            for document in documents:
                output.write(document)
                on_progress(summary)
        except BaseException:
            workers.stop()  # now, rather than after their batches in flight
            raise
        finally:
            documents.close()  # ends the worker processes now, not when collected
        on_progress(summary)  # the inputs skipped after the last document
    return summary
