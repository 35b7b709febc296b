"""claimx: attributed claims (who said what, how, through which outlet) from English news."""
from importlib.metadata import PackageNotFoundError, version

from .pipeline import DEFAULT_MODEL, ExtractionError, extract, load_pipeline
from .schema import Claim, Cue, Document, Outlet, Span, Speaker

try:
    __version__ = version("claimx")
except PackageNotFoundError:  # a source checkout that is not installed
    __version__ = "0.0.0"

__all__ = ["extract", "load_pipeline", "DEFAULT_MODEL", "ExtractionError", "Claim", "Cue", "Document", "Outlet",
           "Span", "Speaker", "__version__"]
