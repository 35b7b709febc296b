"""claimx from Python (issue 15): the command line's reading path and options, and result
objects named as the record's fields."""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

import claimx
from helpers import assert_spans_point_into, extract as extract_cli
from claimx.writing import claim_record, document_record

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TXT = ROOT / "samples" / "pakistan-afghanistan-talks.txt"
SAMPLE_HTML = ROOT / "samples" / "pakistan-afghanistan-talks.html"


# --- 2. reading and extracting as the command line does ------------------------------------------


def test_read_gives_a_web_pages_article_text_and_metadata():
    page = claimx.read(SAMPLE_HTML)
    assert page.source == str(SAMPLE_HTML)
    assert "<div" not in page.text and "</p>" not in page.text
    assert page.metadata["site_name"] and set(page.metadata) == {"site_name", "title", "author",
                                                                 "date", "url"}
    assert claimx.read(SAMPLE_HTML.read_bytes()).text == page.text
    assert claimx.read(str(SAMPLE_TXT)).metadata is None


def test_read_decodes_what_the_command_line_decodes(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("“Café prices will rise,” the minister said.".encode("cp1252"))
    assert claimx.read(path).text == "“Café prices will rise,” the minister said."


def test_read_says_what_to_do_with_what_it_cannot_read(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ValueError, match="binary"):
        claimx.read(binary)
    with pytest.raises(ValueError, match="check the path"):
        claimx.read(tmp_path / "missing.txt")
    with pytest.raises(ValueError, match="folder"):
        claimx.read(tmp_path)


def test_extract_file_gives_the_document_the_command_line_writes():
    document = claimx.extract_file(SAMPLE_HTML)
    assert isinstance(document, claimx.Document)
    (record,) = json.loads(extract_cli(SAMPLE_HTML, "-f", "json").stdout)
    assert document_record(document) == record
    assert document.text and document.publisher == record["publisher"]
    assert_spans_point_into(document.text, document.claims)
    assert not any(c.content.text.endswith("</div>") for c in document.claims)


def test_extract_takes_the_command_lines_options():
    text = ("Analysts believe that the deal will hold.\n"
            "Cardin proposed a 10 percent VAT.\n"
            "“We will not back down,” the minister said.\n")
    every = claimx.extract(text)  # speech only, as the command line by default
    assert not any(c.cue.stance == "belief" for c in every)
    assert any(c.cue.stance == "belief" for c in claimx.extract(text, beliefs=True))
    proposal = "She described the scene."  # an object the scorer leaves out alone
    assert len(claimx.extract(proposal, np_objects=True)) > len(claimx.extract(proposal))
    strong = claimx.extract(text, min_confidence=0.9)
    assert strong == tuple(c for c in every if c.confidence >= 0.9) and len(strong) < len(every)


# --- 8. the Python names are the record's names --------------------------------------------------


def test_every_field_of_a_claims_record_is_an_attribute_of_the_claim_with_that_name():
    document = claimx.extract_file(SAMPLE_TXT)
    assert document.claims
    for claim in document.claims:
        record = claim_record(claim)
        for key, value in record.items():
            assert hasattr(claim, key), key
            if isinstance(value, dict):
                part = getattr(claim, key)
                for inner, inner_value in value.items():
                    got = getattr(part, inner)
                    assert (list(got) if inner == "span" else got) == inner_value, (key, inner)
            else:
                assert getattr(claim, key) == value, key
        assert claim.content.span == (claim.content.start, claim.content.end)


def test_every_field_of_a_documents_record_is_an_attribute_of_the_document():
    document = claimx.extract_file(SAMPLE_HTML)
    record = document_record(document)
    for key in record:
        assert hasattr(document, key), key
    assert document.publisher == record["publisher"] and document.metadata == record["metadata"]


def test_the_results_have_no_undocumented_methods():
    for cls in (claimx.Claim, claimx.Span, claimx.Speaker, claimx.Cue, claimx.Outlet, claimx.Document):
        public = {name for name in dir(cls) if not name.startswith("_")}
        assert public <= {f.name for f in fields(cls)} | {"span", "publisher"}, cls


def test_the_version_is_a_string_not_a_function_and_no_helper_leaks():
    assert isinstance(claimx.__version__, str)
    assert not hasattr(claimx, "version") and not hasattr(claimx, "PackageNotFoundError")
