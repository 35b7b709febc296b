"""``claimx speakers`` and ``claimx outlets``: one row per speaker (name variants merged across
articles) and per outlet, from articles or from claimx's JSONL results without parsing."""
import csv
import io
import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.schema import Claim, Cue, Document, Outlet, Span, Speaker
from claimx.views.corpus import UNKNOWN, name_key, tally
from claimx.views.results import document_from_record, read_results
from claimx.views.sources import sort_rows, write_rows
from claimx.writing import document_record


def claim(name, kind="person", type="indirect", outlet=None, mention=None, role=None):
    mention = mention or name or "he"
    return Claim(Span("it rained", 20, 29), Cue("said", 10, 14, "say"),
                 Speaker(mention, 0, len(mention), name=name, kind=kind, role=role), type, 0.8,
                 "verb-clause", outlet=outlet and Outlet(outlet, outlet, 40, 40 + len(outlet)))


CORPUS = [
    Document("a.txt", (claim("Donald Trump", type="direct", role="President"),
                       claim("Hillary Clinton", outlet="CNN"))),
    Document("b.txt", (claim("Trump", kind="organization", outlet="CNN"),
                       claim("Mr. Trump", type="direct"))),
    Document("c.txt", (claim("Donald J. Trump", outlet="Reuters"), claim("Ivanka Trump"),
                       claim("Hillary Rodham Clinton", type="direct"),
                       claim(None, kind="unknown", mention="he"))),
    Document("d.txt", (claim("the State Department", kind="organization", outlet="Reuters"),
                       claim("the Justice Department", kind="organization"),
                       claim("Washington", kind="place"))),
]


@pytest.mark.parametrize("variant", ["Donald Trump", "Donald J. Trump", "Mr. Trump", "Trump’s",
                                     "President Donald Trump"])
def test_name_variants_share_a_key(variant):
    assert name_key(variant).split()[-1] == "trump"
    assert name_key(variant) in ("donald trump", "trump")


def test_speakers_merges_name_variants_across_articles():
    rows = {r.name: r for r in tally(CORPUS).speakers()}
    trump = rows["Donald Trump"]
    assert trump.claims == 4 and trump.articles == 3
    assert set(trump.variants) == {"Donald Trump", "Trump", "Mr. Trump", "Donald J. Trump"}
    assert trump.kind == "person" and trump.role == "President"
    assert trump.direct_share == 0.5
    assert set(trump.outlets) == {"CNN", "Reuters"}
    assert rows["Hillary Clinton"].claims == 2 and rows["Hillary Clinton"].articles == 2
    assert rows["Ivanka Trump"].claims == 1  # another Trump: not merged


def test_speakers_keeps_different_bodies_and_places_apart():
    rows = {r.name: r for r in tally(CORPUS).speakers()}
    assert rows["the State Department"].claims == 1
    assert rows["the Justice Department"].claims == 1
    assert rows["Washington"].kind == "place" and rows["Washington"].claims == 1
    assert rows[None].claims == 1 and rows[None].label == UNKNOWN  # an unresolved "he"


def test_a_surname_stays_alone_when_no_full_name_dominates():
    docs = [Document("a", (claim("Eric Trump"),)), Document("b", (claim("Ivanka Trump"),)),
            Document("c", (claim("Trump"),))]
    names = {r.name for r in tally(docs).speakers()}
    assert names == {"Eric Trump", "Ivanka Trump", "Trump"}


def test_outlets_counts_claims_articles_and_the_speakers_cited_through_them():
    rows = {r.name: r for r in tally(CORPUS).outlets()}
    assert set(rows) == {"CNN", "Reuters"}
    assert rows["CNN"].claims == 2 and rows["CNN"].articles == 2
    assert dict(rows["CNN"].speakers) == {"Donald Trump": 1, "Hillary Clinton": 1}
    assert rows["Reuters"].claims == 2 and rows["Reuters"].articles == 2
    assert dict(rows["Reuters"].speakers) == {"Donald Trump": 1, "the State Department": 1}


def test_rows_sort_by_any_column():
    rows = tally(CORPUS).speakers()
    assert [r.claims for r in sort_rows(rows)] == sorted((r.claims for r in rows), reverse=True)
    by_name = [r.name for r in sort_rows(rows, "name") if r.name]
    assert by_name == sorted(by_name, key=str.lower)
    assert sort_rows(rows, "claims", reverse=True)[-1].name == "Donald Trump"
    assert len(sort_rows(rows, top=2)) == 2
    shares = [r.direct_share for r in sort_rows(rows, "direct")]
    assert shares == sorted(shares, reverse=True) and shares[0] == 0.5
    outlets = tally(CORPUS).outlets()
    assert [r.name for r in sort_rows(outlets, "name")] == ["CNN", "Reuters"]


def test_rows_as_csv_and_json():
    rows = tally(CORPUS).speakers()
    out = io.StringIO()
    write_rows(rows, "json", out)
    records = json.loads(out.getvalue())
    assert records[0]["name"] == "Donald Trump" and records[0]["claims"] == 4
    assert set(records[0]) >= {"kind", "role", "articles", "outlets", "direct_share", "variants"}
    out = io.StringIO()
    write_rows(tally(CORPUS).outlets(), "csv", out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert table[0]["name"] == "CNN" and table[0]["claims"] == "2"
    assert "Donald Trump (1)" in table[0]["speakers"]


def test_records_read_back_as_the_documents_they_were(nlp):
    text = "“We will not back down,” the minister said. According to Reuters, talks failed."
    document = Document("x.txt", nlp(text)._.claims, text)
    record = json.loads(json.dumps(document_record(document)))
    assert document_from_record(record) == document


def _jsonl(tmp_path, documents):
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(document_record(d)) + "\n" for d in documents), encoding="utf-8")
    return path


@pytest.fixture
def no_spacy(monkeypatch):
    """Fail the test if anything loads a spaCy pipeline."""
    import claimx.pipeline
    import spacy

    def refuse(*args, **kwargs):
        raise AssertionError("a spaCy pipeline was loaded")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr(claimx.pipeline, "load_pipeline", refuse)


def test_speakers_cli_reads_jsonl_results_without_spacy(tmp_path, no_spacy):
    path = _jsonl(tmp_path, CORPUS)
    result = CliRunner().invoke(app, ["speakers", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["name"] == "Donald Trump" and rows[0]["articles"] == 3
    result = CliRunner().invoke(app, ["outlets", str(path), "-f", "csv", "--sort", "name"])
    assert result.exit_code == 0 and result.stdout.splitlines()[1].startswith("CNN,2,2,")
    table = CliRunner().invoke(app, ["speakers", str(path), "--top", "1"], env={"COLUMNS": "80"})
    assert "Donald Trump" in table.stdout and "Hillary" not in table.stdout


def test_speakers_cli_merges_results_and_articles(tmp_path, nlp):
    (tmp_path / "one.txt").write_text("Donald Trump said that the talks had failed.\n", encoding="utf-8")
    path = _jsonl(tmp_path, CORPUS[1:2])
    result = CliRunner().invoke(app, ["speakers", str(tmp_path / "one.txt"), str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["Donald Trump"]["articles"] == 2 and rows["Donald Trump"]["claims"] == 3


def test_a_broken_results_file_is_named_with_the_fix(tmp_path, no_spacy):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source": "a", "claims": []}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["speakers", str(bad)])
    assert result.exit_code == 3
    assert f"{bad} line 2: not JSON" in result.stderr and "claimx extract -f jsonl" in result.stderr
    wrong = tmp_path / "other.json"
    wrong.write_text('{"rows": 3}', encoding="utf-8")
    result = CliRunner().invoke(app, ["outlets", str(wrong)])
    assert result.exit_code == 1 and "not claimx results" in result.stderr


def test_output_is_written_atomically_and_never_over_an_input(tmp_path, no_spacy):
    path = _jsonl(tmp_path, CORPUS)
    out = tmp_path / "speakers.csv"
    result = CliRunner().invoke(app, ["speakers", str(path), "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("name,kind,role")
    before = path.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["speakers", str(path), "-o", str(path)])
    assert result.exit_code == 2 and "one of the inputs" in result.stderr
    assert path.read_text(encoding="utf-8") == before


def test_read_results_streams_documents(tmp_path):
    path = _jsonl(tmp_path, CORPUS)
    assert [d.source for d in read_results(path)] == ["a.txt", "b.txt", "c.txt", "d.txt"]
