"""Properties that hold for any input: random Unicode text, random quotation marks among news
words, and random bytes go through reading and extraction without an exception, and every span
of every claim is the text at its offsets.

Each extraction test runs ``EXAMPLES`` examples (set CLAIMX_EXAMPLES for more); on CI the
examples are derandomised so that a run is repeatable.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.furniture import find_furniture
from claimx.reading import Input, InputError, plain_forms, read_document, read_inputs
from helpers import assert_spans_point_into

EXAMPLES = int(os.environ.get("CLAIMX_EXAMPLES", "1000"))
SETTINGS = dict(deadline=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "``", "''", "＂", "″"]
WORDS = ["the", "minister", "said", "that", "Jane", "Smith", "told", "Reuters", "according",
         "to", "officials", "warned", "denied", "claimed", "he", "she", "they", "we", "will",
         "not", "back", "down", "talks", "failed", "Geo", "News", "reported", "added", "Mr.",
         "asked", "sources", "cookies", "Accept", "By", "Photo:", "Read", "more:", "Share"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", ": ", " — ", " – ", "\xa0", "\u200b",
              "\r\n", "\r", "\t", "\u2029", "…", "? ", "! ", ";", "(", ")"]

# Any character but lone surrogates, which no decoder claimx uses lets through (and which
# spaCy's string store cannot take).
characters = st.characters(exclude_categories=["Cs"])
unicode_text = st.text(characters, max_size=120)
# News-like text with quotation marks anywhere: what the quotation and attribution rules see.
quoted_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTE_MARKS),
                                 st.sampled_from(SEPARATORS), characters),
                       max_size=60).map("".join)
random_bytes = st.one_of(
    st.binary(max_size=300),
    # bytes that pass for text: encoded news-like text with random bytes spliced in
    st.tuples(quoted_text, st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1"]),
              st.binary(max_size=8), st.integers(0, 400)).map(
        lambda t: (lambda b: b[:t[3]] + t[2] + b[t[3]:])(t[0].encode(t[1], "replace"))),
)

# Web pages as scrapers save them: tags opened and never closed (sometimes thousands deep),
# stray end tags, entities, scripts, comments and a declared charset, around news-like text.
TAGS = ["div", "font", "span", "p", "b", "article", "section", "table", "td", "li", "a", "br",
        "script", "style", "title", "meta charset=utf-8", "meta charset=latin-1", "nav", "form"]
markup = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t.split()[0]}>"),
    st.tuples(st.sampled_from(TAGS), st.sampled_from([2, 300, 2100])).map(lambda t: f"<{t[0]}>" * t[1]),
    st.sampled_from(["&amp;", "&nbsp;", "&#8220;", "&bogus;", "&#xD800;", "<!-- c -->", "<!DOCTYPE html>",
                     "<![CDATA[x]]>", "<?php x ?>", "<", ">", "&", "\x00", "<p class='x\""]),
    quoted_text,
)
html_pages = st.lists(markup, max_size=12).map(lambda parts: "<html><body>" + "".join(parts))
html_bytes = st.tuples(html_pages, st.sampled_from(["utf-8", "cp1252", "utf-16"])).map(
    lambda t: t[0].encode(t[1], "replace"))
READER_EXAMPLES = int(os.environ.get("CLAIMX_READER_EXAMPLES", "100"))


def _extract(nlp, text: str):
    return nlp(text)._.claims


def test_a_person_entity_of_whitespace_does_not_crash(nlp):
    assert_spans_point_into("‚\r\n„", nlp("‚\r\n„")._.claims)


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=unicode_text)
def test_any_unicode_text_gives_claims_whose_spans_are_the_text_at_their_offsets(nlp, text):
    assert_spans_point_into(text, _extract(nlp, text))


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=quoted_text)
def test_any_quotation_marks_among_news_words_give_spans_that_are_the_text_at_their_offsets(nlp, text):
    assert_spans_point_into(text, _extract(nlp, text))


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(data=random_bytes, html=st.sampled_from([None, True]))
def test_any_bytes_are_read_or_refused_with_a_message_and_never_crash_extraction(nlp, data, html):
    try:
        read = read_document(data, "random.bin", html=html)
    except ValueError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return
    assert isinstance(read.text, str)
    assert_spans_point_into(read.text, _extract(nlp, read.text))


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=st.one_of(unicode_text, quoted_text))
def test_plain_forms_keep_the_length_and_change_only_spaces_and_line_breaks(text):
    plain = plain_forms(text)
    assert len(plain) == len(text)
    for before, after in zip(text, plain):
        assert after == before or (after == " " and before.isspace() or before in "\u200b\u2060\ufeff"
                                   or after == "\n" and before in "\r\x0b\x0c\u2028\u2029")


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(text=st.one_of(unicode_text, quoted_text))
def test_furniture_is_sorted_apart_and_inside_the_text(text):
    pieces = list(find_furniture(text))
    for piece in pieces:
        assert 0 <= piece.start < piece.end <= len(text)
    for first, second in zip(pieces, pieces[1:]):
        assert first.end < second.start


@pytest.mark.parametrize("text", [
    "“Quote without an end, she said.\n\n“Another,” he said.",
    "”Closing first,“ he said.",
    "''Two apostrophes,'' the mayor said ``and backticks''.",
    "\u200b“We will win,”\u00a0she\u202fsaid.",
    "She said:\r“Yes.”\r",
    "“" * 50 + " said " + "”" * 50,
])
def test_edge_cases_of_quotation_marks(nlp, text):
    assert_spans_point_into(text, _extract(nlp, text))


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@settings(max_examples=READER_EXAMPLES, **SETTINGS)
@given(data=st.one_of(random_bytes, html_bytes), suffix=st.sampled_from([".txt", ".html"]))
def test_the_reader_gives_every_file_a_record_or_a_named_skip(folder, data, suffix):
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    (read,) = read_inputs([str(path)])
    assert read.source == str(path)
    if isinstance(read, InputError):
        assert read.message and "\n" not in str(read)
        return
    assert isinstance(read, Input) and isinstance(read.text, str)
    assert all(warning and "\n" not in warning for warning in read.warnings)
    assert (read.no_text is None) == bool(read.text.strip())  # no text is always said, and why
