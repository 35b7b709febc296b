"""Long texts window by window: the claims of a text longer than a piece are read over windows of
whole paragraphs, one at a time, with what the text before each window named carried on, and
they are the claims of the whole text read at once. None of these measures time or memory."""
from __future__ import annotations

import gc
import weakref
from dataclasses import replace

import pytest

import claimx.extraction
import claimx.pipeline
from claimx import windows
from claimx.batch import Summary, extract_documents
from claimx.pieces import split_text
from claimx.reading import Input

FILLER = "The weather was mild and the streets of the old town were quiet that week."
PARAGRAPHS = [
    "Peace talks resume in Doha after a week of delay",  # a first line, not an attributed headline
    "Foreign Minister Ishaq Dar said on Monday that the talks would resume in Doha.",
    FILLER,
    "“We are ready to talk,” Dar said. “We have always been ready.”",
    FILLER,
    "Talks have stalled over the Taliban's stance on militants: Dar",  # a headline only first
    FILLER,
    "The minister said that the border would stay open.",
    FILLER,
    "Asked about the delay, he said that nobody was to blame.",
    FILLER,
    "“The crossing will reopen,” Dar told reporters. “Trade must go on.”",
    FILLER,
    "The Pakistani Foreign Office said on Tuesday that the visit was off.",
    FILLER,
    "It said that the talks would go on.",
    FILLER,
    "Senator Jane Smith said that the bill would pass.",
    FILLER,
    "Defence Secretary Liam Fox said that the plan was sound.",
    FILLER,
    "Fox said that the budget was tight.",  # the person, not the outlet: he was named in full
    FILLER,
    "Smith said that the vote would be close.",
    "Related stories",  # a list of links: page furniture, whichever window it runs into
    "Officials said that the border crossing would reopen in the spring, diplomats say",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"


@pytest.fixture
def small_windows(nlp, monkeypatch):
    """The shared pipeline, cutting texts into pieces of at most 90 characters (a paragraph of
    TEXT each), read in windows of at most 100 where a window may end (mostly a paragraph)."""
    monkeypatch.setattr(windows, "WINDOW_CHARACTERS", 100)
    saved = nlp.max_length
    nlp.max_length = 90
    yield nlp
    nlp.max_length = saved


@pytest.fixture
def every_candidate(monkeypatch):
    """Every candidate kept, whatever its score: the headline's too (scored low in news)."""
    scorer = claimx.extraction.load_scorer()
    monkeypatch.setattr(claimx.extraction, "load_scorer", lambda: replace(scorer, threshold=0.0))


def test_a_long_text_read_window_by_window_gives_the_claims_of_the_whole_text(small_windows, monkeypatch):
    seen, alive = [], []
    real = claimx.pipeline.extract_claims

    def extract_claims(doc, *args):
        gc.collect()
        alive.append(sum(ref() is not None for ref in seen))  # the windows before, still held
        seen.append(weakref.ref(doc))
        return real(doc, *args)

    monkeypatch.setattr(claimx.pipeline, "extract_claims", extract_claims)
    ((claims, error, _),) = claimx.pipeline.extract_texts(small_windows, [(TEXT, None)])
    window_texts = len(seen)
    monkeypatch.setattr(claimx.pipeline, "extract_claims", real)
    whole = claimx.pipeline.parse(TEXT, small_windows)  # the same pieces, joined into one Doc

    assert error is None and window_texts >= 10
    assert alive == [0] * window_texts  # one window's Doc at a time
    assert claims == whole._.claims
    by_content = {c.content.text: c for c in claims}
    # names, titles and pronouns resolved from windows before
    assert by_content["the border would stay open"].speaker.name == "Ishaq Dar"
    assert by_content["nobody was to blame"].speaker.name == "Ishaq Dar"
    assert by_content["the vote would be close"].speaker.name == "Jane Smith"
    assert by_content["the talks would go on"].speaker.name == "The Pakistani Foreign Office"
    assert by_content["the vote would be close"].content.start == TEXT.index("the vote would")
    # passages numbered on over the windows
    assert by_content["“We have always been ready.”"].passage == 1
    assert by_content["“Trade must go on.”"].passage == 2


def test_the_candidates_the_scorer_drops_are_those_of_the_whole_text_too(small_windows, every_candidate):
    ((claims, error, _),) = claimx.pipeline.extract_texts(small_windows, [(TEXT, None)])
    whole = claimx.pipeline.parse(TEXT, small_windows)._.claims
    assert error is None and claims == whole
    assert [c.content.text for c in claims if c.rule == "headline"] == []  # not on the first line
    text = "Talks have stalled over the Taliban's stance on militants: Dar\n\n" + TEXT
    ((claims, _, _),) = claimx.pipeline.extract_texts(small_windows, [(text, None)])
    assert [c.content.text for c in claims if c.rule == "headline"] == \
        ["Talks have stalled over the Taliban's stance on militants"]
    assert claims == claimx.pipeline.parse(text, small_windows)._.claims


def test_the_batch_and_the_library_read_a_long_text_window_by_window(small_windows, monkeypatch):
    calls = []
    real = claimx.pipeline.extract_claims
    monkeypatch.setattr(claimx.pipeline, "extract_claims",
                        lambda doc, *args: calls.append(len(doc.text)) or real(doc, *args))
    (document,) = extract_documents([Input("long.txt", TEXT)], small_windows, Summary())
    assert len(calls) >= 4 and max(calls) < len(TEXT) and sum(calls) == len(TEXT)
    monkeypatch.setattr(claimx.pipeline, "extract_claims", real)
    assert document.claims == claimx.pipeline.parse(TEXT, small_windows)._.claims


def test_windows_end_at_a_line_break_outside_quotations(monkeypatch):
    monkeypatch.setattr(windows, "WINDOW_CHARACTERS", 120)
    text = ("A first paragraph that says very little at all.\n\n"
            "“A quotation that runs on,\n\n“over two paragraphs,” she said.\n\n"
            "A paragraph before a quotation.\n\n“Quoted,” he said.\n\n"
            "A last paragraph that says nothing more.\n")
    pieces = split_text(text, 40)
    planned = windows.plan_windows(text, pieces)
    assert [p for window in planned for p in window] == pieces
    ends = [window[-1][0] + len(window[-1][1]) for window in planned]
    assert len(planned) >= 2 and ends[-1] == len(text)
    quote = (text.index("“A quotation"), text.index("she said"))
    for end in ends[:-1]:
        assert text[end - 1] == "\n"
        assert not quote[0] < end <= quote[1]
        assert not text[end:].lstrip().startswith("“")


def test_a_window_holds_a_long_quotation_whole_up_to_four_times_its_size(monkeypatch):
    monkeypatch.setattr(windows, "WINDOW_CHARACTERS", 50)
    quoted = "“" + "\n\n“".join(["The quotation goes on and on"] * 4) + ".”"
    text = f"Before it.\n\n{quoted} she said.\n\nAfter it.\n"
    planned = windows.plan_windows(text, split_text(text, 40))
    ends = [window[-1][0] + len(window[-1][1]) for window in planned]
    assert text.index("she said") < ends[0] <= 4 * 50 + 40  # the quotation in one window


PEOPLE = [
    "Rivals meet in Ohio",
    "Ann Lee met voters in Columbus on Monday.",
    FILLER,
    "Tom Hart said that the race was open.",
    FILLER,
    "Ted Cruz, the Texas senator, spoke next.",
    FILLER,
    "The Labor Department released its report on Friday.",
    FILLER,
    "She said that the deal was fair.",  # Ann Lee: Tom Hart, named since, is a man
    FILLER,
    "The senator said that the vote would be close.",  # Ted Cruz, given the title in apposition
    FILLER,
    "The department said that wages rose.",  # the Labor Department, named but never quoted
]


def test_what_the_article_says_of_its_people_and_organisations_reaches_later_windows(small_windows):
    text = "\n\n".join(PEOPLE) + "\n"
    ((claims, error, _),) = claimx.pipeline.extract_texts(small_windows, [(text, None)])
    assert error is None and claims == claimx.pipeline.parse(text, small_windows)._.claims
    by_content = {c.content.text: c.speaker.name for c in claims}
    assert by_content["the deal was fair"] == "Ann Lee"  # her gender and subject carried
    assert by_content["the vote would be close"] == "Ted Cruz"  # the titles given carried
    assert by_content["wages rose"] == "Labor Department"  # the organisations named carried
