"""What a Python program calls: ``claimx.read`` (a file as the command line reads it),
``claimx.extract`` (the claims of a text) and ``claimx.extract_file`` (both), with the command
line's options."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Union

from .batch import document_of
from .pipeline import DEFAULT_MODEL, ExtractionError, extract_texts, load_pipeline
from .reading import Input, InputError, read_document, read_inputs
from .schema import Document


def read(path_or_bytes: Union[str, os.PathLike, bytes], encoding: str | None = None) -> Input:
    """The text claimx reads from a file (or from ``bytes``), as the command line reads it:
    decoded whatever its encoding, a web page reduced to its article (then ``metadata`` holds
    what the page says about itself), unusual spaces read as plain ones. Returns an Input with
    ``source``, ``text`` and ``metadata``. Raises ValueError, saying what to do, for what cannot
    be read (a binary file, an unknown encoding, a folder...)."""
    if isinstance(path_or_bytes, (bytes, bytearray)):
        return read_document(bytes(path_or_bytes), "<bytes>", encoding)
    path = os.fspath(path_or_bytes)
    if Path(path).is_dir():
        raise ValueError(f"{path}: is a folder; give one file (the command line reads folders)")
    (item,) = read_inputs([path], encoding)
    if isinstance(item, InputError):
        raise ValueError(str(item))
    return item


def extract(text: str, model: str = DEFAULT_MODEL, *, beliefs: bool = False,
            np_objects: bool = False, min_confidence: float = 0.0) -> tuple:
    """The claims in ``text``, of any length, as the command line finds them with the same
    options (``--model``, ``--no-beliefs``, ``--np-objects``, ``--min-confidence``):
    ``claimx.extract("“We will win,” she said.")``. Raises ExtractionError if claimx fails on
    it (a bug: please report it)."""
    ((claims, error, _),) = extract_texts(load_pipeline(model, np_objects, beliefs), [(text, None)])
    if error is not None:
        raise ExtractionError(f"claimx failed on the text ({error}); please report this, with "
                              f"the text, as a bug")
    return tuple(c for c in claims if c.confidence >= min_confidence)


def extract_file(path: Union[str, os.PathLike], model: str = DEFAULT_MODEL, *,
                 beliefs: bool = False, np_objects: bool = False, min_confidence: float = 0.0,
                 include_text: bool = False, encoding: str | None = None) -> Document:
    """The Document of one file, as ``claimx extract FILE`` writes it: :func:`read`, then
    :func:`extract`. A web page's Document carries its text (the offsets point into it), and
    any Document does with ``include_text``."""
    item = read(path, encoding)
    claims = extract(item.text, model, beliefs=beliefs, np_objects=np_objects,
                     min_confidence=min_confidence)
    return document_of(item, claims, include_text)
