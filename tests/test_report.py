"""``claimx report``: one self-contained page, with every character of an article escaped."""
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.schema import Document
from claimx.views.report import build_report
from claimx.writing import document_record

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "pakistan-afghanistan-talks.txt"
HOSTILE = ("<script>alert('text')</script> The minister said that "
           "<img src=x onerror=alert('img')> had never happened.\n\n"
           "“We will not back down <b>now</b>,” she said.\n")


class _Elements(HTMLParser):
    """Every element of a page, with its attributes, and the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Elements:
    page = _Elements()
    page.feed(html)
    return page


def _report(*args):
    result = CliRunner().invoke(app, ["report", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


def test_an_article_with_markup_appears_as_text(tmp_path, nlp):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    result = _report(article, "-o", out)
    assert result.exit_code == 0, result.output
    page = _parse(out.read_text(encoding="utf-8"))
    tags = [tag for tag, _ in page.elements]
    assert tags.count("script") == 1  # the report's own
    assert "img" not in tags
    assert not any(name.startswith("on") for _, attrs in page.elements for name in attrs)
    text = "".join(page.text)
    assert "<script>alert('text')</script>" in text
    assert "<img src=x onerror=alert('img')>" in text
    assert "<b>now</b>" in text
    claims = [a for t, a in page.elements if "claim-item" in a.get("class", "")]
    assert len(claims) >= 2  # the markup is in claims, highlighted, too


def test_markup_in_claims_and_names_is_escaped_everywhere():
    record = {"source": "<img src=x onerror=alert(1)>.txt", "text": "<i>X</i> said <s>it</s>.",
              "claims": [{"speaker": {"name": "<i>X</i>", "mention": "<i>X</i>", "span": [0, 8],
                                      "kind": "person", "role": "\" onclick=\"alert(2)"},
                          "cue": {"text": "said", "span": [9, 13], "lemma": "say"},
                          "content": {"text": "<s>it</s>", "span": [14, 23]}, "type": "indirect",
                          "outlet": {"name": "<u>Daily</u>", "mention": "<i>X</i>", "span": [0, 8]},
                          "confidence": 0.8, "rule": "verb-clause"}]}
    from claimx.views.results import document_from_record
    page = _parse(build_report([document_from_record(record)]))
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"img", "i", "s", "u"}
    assert not any(name.startswith("on") for _, attrs in page.elements for name in attrs)
    roles = [a["data-role"] for _, a in page.elements if "data-role" in a]
    assert roles and set(roles) == {"\" onclick=\"alert(2)"}  # kept as an attribute's value


def test_the_report_loads_nothing_from_anywhere(nlp):
    text = SAMPLE.read_text(encoding="utf-8")
    html = build_report([Document("samples/a.txt", nlp(text)._.claims, text)])
    page = _parse(html)
    for tag, attrs in page.elements:
        assert "src" not in attrs, tag
        assert tag != "link", attrs
        href = attrs.get("href", "#")
        assert href.startswith("#"), href
    assert "@import" not in html and "url(" not in html
    csp = [a["content"] for t, a in page.elements if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]


def test_report_holds_articles_claims_tables_and_charts(nlp):
    text = SAMPLE.read_text(encoding="utf-8")
    claims = nlp(text)._.claims
    other = "Reuters reported that the talks had failed. Khawaja Asif said that peace would come."
    documents = [Document("samples/a.txt", claims, text), Document("b.txt", nlp(other)._.claims, other)]
    page = _parse(build_report(documents))
    ids = {a.get("id") for _, a in page.elements}
    assert {"claim-list", "filter-speaker", "filter-type", "filter-outlet", "speakers-table",
            "outlets-table", "chart-speakers", "chart-outlets", "a1", "a2"} <= ids
    items = [a for t, a in page.elements if "claim-item" in a.get("class", "")]
    marks = [a for t, a in page.elements if t == "mark"]
    assert len(items) == len(claims) + len(nlp(other)._.claims)
    assert {a["data-claim"] for a in marks} == {a["data-claim"] for a in items}
    asif = [a for a in items if a["data-speaker"] == "Khawaja Asif"]
    assert {a["data-claim"].split("-")[0] for a in asif} == {"a1", "a2"}  # one speaker, two articles


def test_report_from_results_reads_the_text_from_the_record_or_the_article(tmp_path, nlp):
    text = SAMPLE.read_text(encoding="utf-8")
    document = Document(str(SAMPLE), nlp(text)._.claims)
    results = tmp_path / "claims.jsonl"
    results.write_text(json.dumps(document_record(document)) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert _report(results, "-o", out).exit_code == 0
    assert "Khawaja Asif" in "".join(_parse(out.read_text(encoding="utf-8")).text)
    gone = Document(str(tmp_path / "gone.txt"), document.claims)
    results.write_text(json.dumps(document_record(gone)) + "\n", encoding="utf-8")
    result = _report(results, "-o", tmp_path / "s.html")
    assert result.exit_code == 1 and "--include-text" in result.stderr
    assert not (tmp_path / "s.html").exists()


def test_show_and_report_take_a_web_page(nlp):
    page = str(SAMPLE.with_suffix(".html"))
    shown = CliRunner().invoke(app, ["show", page, "--no-color"], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    assert "*Khawaja Asif*" in shown.stdout and "[1]«" in shown.stdout
    report = _report(page)
    assert report.exit_code == 0 and report.stdout.count('<mark class="claim"') >= 10
