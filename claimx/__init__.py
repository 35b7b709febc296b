"""claimx: attributed claims (who said what, how, through which outlet) from English news.

The public names are those README's "From Python" documents (``tests/test_docs.py`` keeps them
the same)."""
from importlib import metadata as _metadata

from .library import extract, extract_file, read
from .pipeline import DEFAULT_MODEL, ExtractionError, load_pipeline
from .schema import Claim, Cue, Document, Outlet, Span, Speaker

try:
    __version__ = _metadata.version("claimx")
except _metadata.PackageNotFoundError:  # a source checkout that is not installed
    __version__ = "0.0.0"

__all__ = ["read", "extract", "extract_file", "load_pipeline", "DEFAULT_MODEL", "ExtractionError",
           "Claim", "Cue", "Document", "Outlet", "Span", "Speaker"]
