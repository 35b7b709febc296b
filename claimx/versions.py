"""The versions a bug report needs (``claimx --version``), read without loading spaCy's
pipeline."""
from __future__ import annotations

import json
import os
import platform
from importlib import metadata
from pathlib import Path

from . import __version__


def pipeline_version(model: str) -> str:
    """``NAME VERSION`` of the spaCy pipeline ``model`` (a package or a folder), read from its
    package metadata or meta.json, without loading it."""
    try:
        if os.path.isdir(model):
            meta = json.loads((Path(model) / "meta.json").read_text(encoding="utf-8"))
        else:
            package = metadata.distribution(model)
            meta = json.loads(Path(package.locate_file(f"{model}/meta.json")).read_text(encoding="utf-8"))
            meta.setdefault("version", package.version)
    except (metadata.PackageNotFoundError, OSError, ValueError):
        return f"{model} (not installed)"
    built_from = f"{meta.get('lang')}_{meta.get('name')}"
    same = built_from == model or "lang" not in meta
    return f"{model} {meta.get('version', '?')}" + ("" if same else f" ({built_from})")


def version_text(model: str) -> str:
    """What a bug report needs: the versions of claimx, spaCy, the pipeline ``model`` and
    Python."""
    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = "not installed"
    return (f"claimx {__version__}\nspaCy {spacy_version}\npipeline {pipeline_version(model)}\n"
            f"Python {platform.python_version()}")
