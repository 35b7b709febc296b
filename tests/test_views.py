"""The terminal views: the table grouped by speaker and ``show``, against golden snapshots of the
reference article (regenerated with ``pytest --update-golden``) and by what they promise."""
import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from claimx.schema import Claim, Cue, Document, Outlet, Span, Speaker
from claimx.views.article import article_view, marked_text
from claimx.views.table import document_view, print_document, speaker_groups

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "pakistan-afghanistan-talks.txt"
SGR_COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)")


@pytest.fixture(scope="module")
def sample(nlp):
    text = SAMPLE.read_text(encoding="utf-8")
    return Document(f"samples/{SAMPLE.name}", nlp(text)._.claims, text)


def _recorded(renderable) -> str:
    console = Console(record=True, width=80, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def _golden(request, name: str, text: str) -> None:
    golden = SAMPLE.with_suffix(name)
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file: run pytest --update-golden and review {golden.name}"
    assert text == golden.read_text(encoding="utf-8"), \
        f"{golden.name} differs: if the change is meant, run pytest --update-golden and read the diff"


def test_table_matches_its_snapshot(sample, request):
    _golden(request, ".table.golden", _recorded(document_view(sample)))


def test_show_matches_its_snapshot(sample, request):
    _golden(request, ".show.golden", _recorded(article_view(sample, colour=False)))


# --- the table ---------------------------------------------------------------------------------


def test_table_fits_80_columns_and_cuts_nothing(sample):
    out = _recorded(document_view(sample))
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 80
    assert "…" not in out
    words = out.split()
    flowing = " ".join(words)
    for claim in sample.claims:
        assert claim.cue.text in out  # the cue word whole, on one line
        # the content whole, wrapped: its words in order, with only the table's columns between
        assert all(w in words for w in claim.content.text.split())
    assert "Khawaja Asif" in flowing and "Pakistan’s Defence Minister" in flowing


def test_table_groups_claims_by_speaker_with_role_and_kind(sample):
    groups, colours = speaker_groups(sample)
    numbers = [n for _, claims in groups for n, _ in claims]
    assert sorted(numbers) == list(range(1, len(sample.claims) + 1))
    assert [len(c) for _, c in groups] == sorted((len(c) for _, c in groups), reverse=True)
    out = _recorded(document_view(sample))
    for row, claims in groups:
        heading = [line for line in out.splitlines() if line.startswith(f"■ {row.label} ")]
        assert len(heading) == 1, row.label
        assert f"{len(claims)} claim" in heading[0] and row.kind in heading[0]
        if row.role:
            assert row.role in heading[0]
    trump = next(claims for row, claims in groups if row.name == "Donald Trump")
    assert all(c.speaker.name == "Donald Trump" for _, c in trump)


def test_each_speaker_keeps_one_colour_and_speakers_get_different_ones(sample):
    groups, colours = speaker_groups(sample)
    assert speaker_groups(sample)[1] == colours
    named = [colours[row.name] for row, _ in groups]
    assert len(set(named)) == len(named)


def test_outlet_shown_only_when_a_claim_has_one(sample):
    out = _recorded(document_view(sample))
    assert out.count("via ") == sum(1 for c in sample.claims if c.outlet is not None)
    assert "outlet" not in out.splitlines()[3]  # no column of blanks


def test_table_is_plain_text_when_piped_or_with_no_color(sample, monkeypatch):
    stream = io.StringIO()
    print_document(sample, stream)
    assert "\x1b" not in stream.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = io.StringIO()
    print_document(sample, terminal, Console(file=terminal, force_terminal=True))
    assert not SGR_COLOUR.search(terminal.getvalue())
    monkeypatch.delenv("NO_COLOR")
    coloured = io.StringIO()
    print_document(sample, coloured, Console(file=coloured, force_terminal=True, color_system="256"))
    assert SGR_COLOUR.search(coloured.getvalue())


# --- show --------------------------------------------------------------------------------------


def _unmarked(out: str) -> str:
    text = re.sub(r"\[\d+\]", "", out)
    return " ".join(re.sub("[«»*_⟨⟩]", "", text).split())


def test_show_gives_the_whole_article_with_every_claim_marked(sample):
    out = _recorded(article_view(sample, colour=False))
    body = out.split("─" * 40, 1)[1]
    assert _unmarked(body) == " ".join(sample.text.replace("*", "").replace("_", "").split())
    for n, claim in enumerate(sample.claims, 1):
        assert f"[{n}]«" in body
        assert f"_{claim.cue.text}_" in " ".join(body.split())
    for row, _ in speaker_groups(sample)[0]:
        assert row.label in out.split("─" * 40, 1)[0]  # the legend


def test_show_colours_each_content_in_its_speakers_colour(sample):
    groups, colours = speaker_groups(sample)
    by_number = {n: row.name for row, claims in groups for n, _ in claims}
    text = marked_text(sample, colour=True)
    plain = text.plain
    for n, claim in enumerate(sample.claims, 1):
        start = plain.index(claim.content.text[:40], plain.index(f"[{n}]"))
        styles = [str(s.style) for s in text.spans if s.start <= start < s.end]
        assert any(colours[by_number[n]] in s for s in styles), (n, styles)


def test_show_marks_nest_when_spans_meet():
    text = "Geo News said it rained."
    speaker = Speaker("Geo News", 0, 8, name="Geo News", kind="outlet")
    claim = Claim(Span("it rained", 14, 23), Cue("said", 9, 13, "say"), speaker, "indirect", 0.8,
                  "verb-clause", outlet=Outlet("Geo News", "Geo News", 0, 8))
    out = marked_text(Document("t", (claim,), text), colour=False).plain
    assert out == "*⟨Geo News⟩* _said_ [1]«it rained»."


def test_show_output_has_no_cursor_movement_for_less(sample):
    console = Console(record=True, width=80, file=io.StringIO(), force_terminal=True,
                      color_system="256")
    console.print(article_view(sample))
    out = console.file.getvalue()
    assert SGR_COLOUR.search(out)
    assert not re.search(r"\x1b\[[0-9;]*[A-HJKSTf]|\x1b\[\?", out)  # only SGR (…m) codes


def test_show_writes_colour_into_a_pipe_unless_told_not_to(nlp):
    from typer.testing import CliRunner

    from claimx.cli import app
    env = {"COLUMNS": "80", "NO_COLOR": None, "TERM": "xterm"}
    piped = CliRunner().invoke(app, ["show", str(SAMPLE)], env=env)
    assert piped.exit_code == 0 and SGR_COLOUR.search(piped.stdout)
    assert "«" not in piped.stdout
    for plain in (CliRunner().invoke(app, ["show", str(SAMPLE), "--no-color"], env=env),
                  CliRunner().invoke(app, ["show", str(SAMPLE)], env={**env, "NO_COLOR": "1"})):
        assert plain.exit_code == 0 and "\x1b" not in plain.stdout
        assert "*Khawaja Asif* _cautioned_ that [9]«if the negotiations" in " ".join(plain.stdout.split())
