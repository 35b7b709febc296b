"""Every format writes a document claim by claim (a 6 MB article has 22,000 claims): YAML and
JSON byte for byte what dumping the whole record gives, CSV a row a claim, and none of them
builds the whole record, or the whole text of it, in memory. Built without a model: the
documents are made of claims written by hand, with the strings that make writers choose
another style (line breaks, quotes, YAML's own line breaks, long words, leading dashes)."""
import csv
import gc
import io
import json
import tracemalloc

import pytest

from claimx.schema import Claim, Cue, Document, Outlet, Span, Speaker
from claimx.writing import (CSV_COLUMNS, Writer, document_record, json_pieces, to_yaml,
                            write_document_file, yaml_pieces)

AWKWARD = [
    "plain words", "", "- a leading dash", "key: value # not a comment", "'single' and \"double\"",
    "a line\nbreak and a\r\ncarriage return", "YAML's own breaks: \x85 \u2028 \u2029",
    "“curly” — dashes – and ‘quotes’", "x" * 240, "word " * 60, "tab\there", "@at & *star !bang",
    "null", "true", "3.14", "[not a list]", "{not: a map}", " leading and trailing space ",
]


def claims(count: int) -> tuple:
    made = []
    for i in range(count):
        words = AWKWARD[i % len(AWKWARD)]
        speaker = None if i % 7 == 3 else Speaker(mention=AWKWARD[(i + 3) % len(AWKWARD)] or "he",
                                                  start=i, end=i + 2, name=None if i % 2 else "Jane Doe",
                                                  kind="person", role="minister" if i % 3 else None)
        outlet = Outlet("Reuters", "Reuters", i, i + 7, "agency") if i % 5 == 0 else None
        made.append(Claim(content=Span(words, i, i + len(words)),
                          cue=Cue("said", i, i + 4, "say", "neutral"), speaker=speaker,
                          type=("direct", "indirect", "mixed")[i % 3], confidence=round(i % 97 / 97, 2),
                          rule="verb-clause", outlet=outlet, passage=i // 2 if i % 4 == 0 else None,
                          hedged=i % 11 == 0))
    return tuple(made)


DOCUMENTS = [
    Document("a.txt", claims(800)),
    Document("page.html", claims(300), text="The text.\n" * 50,
             metadata={"site_name": "Dawn", "title": "Talks", "author": None, "date": "2024-01-02",
                       "url": "https://example.org/a"}),
    Document("empty.txt", ()),
    Document("one.txt", claims(1)),
]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.source)
def test_json_is_byte_for_byte_json_dumps_of_the_whole_record(document):
    whole = json.dumps(document_record(document), ensure_ascii=False, indent=2)
    assert "".join(json_pieces(document)) == whole


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.source)
def test_yaml_is_byte_for_byte_the_dump_of_the_whole_record(document):
    assert "".join(yaml_pieces(document)) == to_yaml(document_record(document))


def test_a_json_stream_of_documents_and_a_folders_json_file_are_as_before(tmp_path):
    out = io.StringIO()
    writer = Writer("json", out)
    for document in DOCUMENTS:
        writer.write(document)
    writer.close()
    records = [document_record(d) for d in DOCUMENTS]
    dumps = [json.dumps(r, ensure_ascii=False, indent=2) for r in records]
    assert out.getvalue() == "[\n" + ",\n".join(dumps) + "\n]\n"
    assert json.loads(out.getvalue()) == json.loads(json.dumps(records))
    write_document_file(DOCUMENTS[1], tmp_path / "page.claims.json", "json")
    assert (tmp_path / "page.claims.json").read_text(encoding="utf-8") == dumps[1] + "\n"


def test_csv_has_a_row_for_each_claim_of_the_whole_record():
    out = io.StringIO()
    writer = Writer("csv", out)
    for document in DOCUMENTS:
        writer.write(document)
    writer.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    expected = [(d.source, c["content"]["text"], str(c["content"]["span"][0]),
                 ((c["speaker"] or {}).get("name") or (c["speaker"] or {}).get("mention") or ""))
                for d in DOCUMENTS for c in document_record(d)["claims"] or [None] if c]
    got = [(r["source"], r["content"], r["content_start"], r["speaker"]) for r in rows if r["cue"]]
    assert got == expected
    assert [r["source"] for r in rows if not r["cue"]] == ["empty.txt"]
    assert list(rows[0]) == list(CSV_COLUMNS)


class _Sink:
    """A stream that keeps nothing but the number of characters written to it. Each write frees
    the garbage made since the last one: json's indenting encoder leaves a reference cycle per
    call, which the collector frees whenever it happens to run, so without this the peak would
    count a varying number of dead claims."""

    def __init__(self):
        self.size = 0

    def write(self, text: str) -> int:
        gc.collect(0)
        self.size += len(text)
        return len(text)

    def writelines(self, pieces) -> None:
        for piece in pieces:
            self.write(piece)

    def flush(self) -> None:
        pass


def _peak_and_size(fmt: str, count: int) -> tuple[int, int]:
    """The most memory writing a document of ``count`` claims took, and what it wrote."""
    document, sink = Document("long.txt", claims(count)), _Sink()
    writer = Writer(fmt, sink)
    writer.write(Document("first.txt", claims(1)))  # what a writer makes once (csv's buffer)
    gc.collect()
    gc.disable()  # only the sink's collections, so that what is measured is what is held
    tracemalloc.start()
    try:
        writer.write(document)
        return tracemalloc.get_traced_memory()[1], sink.size
    finally:
        tracemalloc.stop()
        gc.enable()


@pytest.mark.parametrize("fmt", ["json", "yaml", "csv", "jsonl"])
def test_writing_a_document_of_many_claims_holds_one_claim_at_a_time(fmt):
    count = 100 if fmt == "yaml" else 300  # PyYAML takes 3 ms a claim, more when traced
    few, _ = _peak_and_size(fmt, count)
    many, size = _peak_and_size(fmt, 5 * count)
    # the whole record, or the whole text of it, would grow with the claims (five times here)
    assert many < 1.5 * few and many < size / 4, (fmt, few, many, size)
