"""Which inputs a batch names: quoted glob patterns expanded, and the inputs counted for the
progress bar. Reading them is :mod:`claimx.reading`'s job."""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Callable, Iterable

from .reading import STDIN, InputError, expand

_GLOB_CHARS = frozenset("*?[")


def expand_globs(paths: Iterable[str]) -> list[str]:
    """``paths`` with every quoted glob pattern (``'articles/**/*.txt'``, for folders too big
    for the shell's command line) replaced by the paths it matches, sorted. A pattern that
    matches nothing stays, to be reported as missing."""
    out = []
    for p in paths:
        if p != STDIN and _GLOB_CHARS & set(p) and not os.path.exists(p):
            out.extend(sorted(glob.glob(p, recursive=True)) or [p])
        else:
            out.append(p)
    return out


def count_inputs(paths: Iterable[str], done: Callable[[str], bool] = lambda source: False) -> int:
    """How many inputs ``paths`` name (files found in folders included) whose output is not
    ``done`` yet: the total of the progress bar. Only lists folders; reads nothing."""
    return sum(1 for item in expand(paths)
               if isinstance(item, (InputError, str)) or not done(str(item)))


def input_files(paths: Iterable[str]) -> list[Path]:
    """The files ``paths`` name (globs expanded, folders listed), standard input left out."""
    return [item for item in expand(expand_globs(paths)) if isinstance(item, Path)]
