"""Running extraction over many inputs: read, parse in batches, yield one Document per input,
and tally what happened."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Union

from spacy.language import Language

from .reading import Input, InputError
from .schema import Document


@dataclass
class Summary:
    documents: int = 0
    claims: int = 0
    skipped: list = field(default_factory=list)  # InputError
    empty: list = field(default_factory=list)  # sources


def extract_documents(
    inputs: Iterable[Union[Input, InputError]],
    nlp: Language,
    summary: Summary,
    on_problem: Callable[[str], None] = lambda message: None,
    min_confidence: float = 0.0,
    include_text: bool = False,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Document]:
    """One Document per readable input, in input order. Unreadable inputs are reported through
    ``on_problem`` and recorded in ``summary``; they never stop the run."""
    max_length = nlp.max_length

    def readable():
        for item in inputs:
            if isinstance(item, InputError):
                summary.skipped.append(item)
                on_problem(f"skipped {item}")
            elif len(item.text) > max_length:
                error = InputError(item.source, f"too long ({len(item.text):,} characters, the "
                                   f"limit is {max_length:,}); split it into smaller files")
                summary.skipped.append(error)
                on_problem(f"skipped {error}")
            else:
                if not item.text.strip():
                    summary.empty.append(item.source)
                    on_problem(f"warning: {item.source}: empty; no claims")
                yield item.text, item

    for doc, item in nlp.pipe(readable(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        claims = tuple(c for c in doc._.claims if c.confidence >= min_confidence)
        summary.documents += 1
        summary.claims += len(claims)
        yield Document(item.source, claims, item.text if include_text else None)
