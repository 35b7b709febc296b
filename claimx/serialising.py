"""Docs between processes: spaCy sends each Doc back from a worker of ``nlp.pipe(n_process=N)``
as bytes, and packs three parts of it with msgpack.

srsly looks its msgpack encoders and decoders up in a catalogue registry on every call, and
every look-up scans the package metadata for entry points and copies catalogue's whole registry
(spaCy's thousands of functions): about 2 ms, three times per Doc on each side, which the main
process pays for every article of a batch while it could be writing records. The look-up is
kept here until something is registered again (entry points are read once, at the first).
"""
from __future__ import annotations

import catalogue
import srsly


def cache_msgpack_registries() -> None:
    """Make srsly's look-ups of its msgpack encoders and decoders answer from a cache."""
    for registry in (srsly.msgpack_encoders, srsly.msgpack_decoders):
        if getattr(registry, "_claimx_cached", False):
            continue
        registry.get_all = _Cached(registry.get_all)
        registry._claimx_cached = True


class _Cached:
    """``get_all`` of a registry, again only when catalogue's registry has grown or shrunk."""

    def __init__(self, get_all):
        self.get_all = get_all
        self.size, self.found = -1, {}

    def __call__(self) -> dict:
        size = len(catalogue.REGISTRY)
        if size != self.size:
            self.found, self.size = self.get_all(), size
        return dict(self.found)
