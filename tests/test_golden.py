"""The bundled samples against their golden output, and the offsets of every claim."""
from pathlib import Path

import pytest
import yaml

from claimx.pipeline import parse
from claimx.schema import Document
from claimx.writing import document_record, to_yaml
from helpers import assert_spans_point_into

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def _record(nlp, path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    doc = parse(text, nlp)  # the path of claimx.extract and the command line
    return document_record(Document(f"samples/{path.name}", doc._.claims))


def test_there_are_samples():
    assert SAMPLES, "samples/ should hold at least one article"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_matches_golden_file(nlp, path, request):
    golden = path.with_suffix(".claims.yaml")
    record = _record(nlp, path)
    if request.config.getoption("--update-golden"):
        golden.write_text(to_yaml(record), encoding="utf-8")
    assert golden.exists(), f"no golden file: run pytest --update-golden and review {golden.name}"
    assert yaml.safe_load(to_yaml(record)) == yaml.safe_load(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_span_points_at_its_text(nlp, path):
    text = path.read_text(encoding="utf-8")
    claims = nlp(text)._.claims
    assert claims
    assert_spans_point_into(text, claims)
