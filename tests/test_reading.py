"""Reading input: ``decode`` turns bytes of any common encoding into the text of the article, and
``read_inputs`` turns paths into texts or into ``InputError``s that say what to fix."""
from __future__ import annotations

import codecs
import io
import json
import os
import socket
import sys
import tracemalloc
from pathlib import Path

import pytest

from claimx import reading
from claimx.reading import Input, InputError, decode, plain_forms, read_document, read_inputs
from claimx.schema import Document
from claimx.writing import document_record

QUOTE = "“Café” said the owner."
PARAGRAPH = ("“The café will stay open,” said the owner, René Dupré. "
             "“We have served espresso here for thirty years.”")


# --- decode --------------------------------------------------------------------------------------


def test_utf8_decodes_as_is():
    assert decode(QUOTE.encode("utf-8")) == QUOTE


def test_utf8_byte_order_mark_is_removed():
    text = decode(codecs.BOM_UTF8 + QUOTE.encode("utf-8"))
    assert text == QUOTE
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
], ids=["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_decode_to_the_text(bom, codec):
    """Their bytes hold NULs, yet the byte-order mark tells them from binary files."""
    data = bom + QUOTE.encode(codec)
    assert b"\x00" in data
    assert decode(data) == QUOTE


def test_a_windows_1252_paragraph_with_curly_quotes_and_accents_decodes_to_the_same_text():
    data = PARAGRAPH.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so detection, not UTF-8, must get it right
    assert decode(data) == PARAGRAPH


def test_latin1_text_decodes_to_the_same_text():
    text = "The café owner said the crème brûlée was sold out."
    assert decode(text.encode("latin-1")) == text


@pytest.mark.parametrize("text, codec", [
    (QUOTE, "cp1252"),
    ("Le café est fermé, a dit le propriétaire à Montréal.", "latin-1"),
    ("São Paulo’s mayor said that the plan would work.", "cp1252"),
    ("The minister said the talks in Besançon were “very productive”.", "cp1252"),
], ids=["cp1252-short-quote", "latin-1-french", "cp1252-sao-paulo", "cp1252-besancon"])
def test_western_european_text_in_cp1252_or_latin1_decodes_to_the_same_text(text, codec):
    assert decode(text.encode(codec)) == text


def test_an_encoding_given_is_used_instead_of_detection():
    data = "café".encode("utf-8")
    assert decode(data) == "café"
    assert decode(data, "latin-1") == "cafÃ©"
    assert decode(QUOTE.encode("cp1252"), encoding="cp1252") == QUOTE


def test_an_unknown_codec_name_is_a_value_error_that_suggests_real_ones():
    with pytest.raises(ValueError, match="unknown encoding 'no-such-codec'") as info:
        decode(b"text", "no-such-codec")
    assert "utf-8" in str(info.value)


def test_bytes_the_given_codec_cannot_decode_are_a_value_error_that_suggests_another_encoding():
    with pytest.raises(ValueError) as info:
        decode("“Café”".encode("cp1252"), "utf-8")
    message = str(info.value)
    assert "not valid utf-8" in message
    assert "--encoding" in message


def test_broken_text_after_a_byte_order_mark_gives_a_message_saying_what_to_do():
    with pytest.raises(ValueError) as info:
        decode(codecs.BOM_UTF16_LE + b"abc")  # an odd number of UTF-16 bytes
    assert "--encoding" in str(info.value)


def test_nul_bytes_are_a_value_error_that_calls_the_file_binary():
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


# --- read_inputs ---------------------------------------------------------------------------------


def test_a_folder_without_txt_files_gives_an_input_error(tmp_path):
    (tmp_path / "notes.md").write_text("“Hi,” she said.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (error,) = read_inputs([str(tmp_path)])
    assert isinstance(error, InputError)
    assert error.source == str(tmp_path)
    assert "*.txt" in error.message


def test_a_folder_reads_every_txt_file_below_it_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_text("C", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()  # a folder, not an article
    (tmp_path / "d.md").write_text("D", encoding="utf-8")
    results = list(read_inputs([str(tmp_path)]))
    assert results == [Input(str(tmp_path / "a.txt"), "A"), Input(str(tmp_path / "b.txt"), "B"),
                       Input(str(tmp_path / "sub" / "c.txt"), "C")]


def test_a_broken_symbolic_link_gives_an_input_error(tmp_path):
    link = tmp_path / "article.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    (error,) = read_inputs([str(link)])
    assert isinstance(error, InputError)
    assert error.source == str(link)
    assert "broken symbolic link" in error.message


def test_a_missing_path_gives_an_input_error_saying_to_check_it(tmp_path):
    missing = tmp_path / "missing.txt"
    (error,) = read_inputs([str(missing)])
    assert isinstance(error, InputError)
    assert "check the path" in error.message
    assert str(error) == f"{missing}: {error.message}"


def test_a_file_name_with_spaces_and_non_ascii_characters_reads_fine(tmp_path):
    path = tmp_path / "Déclaration du maire – été 2024 “final”.txt"
    path.write_bytes(QUOTE.encode("utf-8"))
    assert list(read_inputs([str(path)])) == [Input(str(path), QUOTE)]


def test_a_forced_encoding_applies_to_every_input_and_an_undecodable_one_is_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(QUOTE.encode("cp1252"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x8d\x8f")  # undefined in cp1252
    first, second = read_inputs([str(bad), str(good)], encoding="cp1252")
    assert isinstance(first, InputError) and first.source == str(bad)
    assert "--encoding" in first.message
    assert second == Input(str(good), QUOTE)


def test_dash_reads_the_bytes_of_standard_input(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(codecs.BOM_UTF16_LE + QUOTE.encode("utf-16-le")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert list(read_inputs(["-"])) == [Input("<stdin>", QUOTE)]


def test_utf16_without_a_byte_order_mark_is_recognised_not_called_binary():
    assert decode(PARAGRAPH.encode("utf-16-le")) == PARAGRAPH
    assert decode(PARAGRAPH.encode("utf-16-be")) == PARAGRAPH


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
], ids=["pdf", "docx", "jpeg", "gzip"])
def test_files_mistaken_for_articles_are_named_in_the_message(data, kind):
    with pytest.raises(ValueError, match="binary") as info:
        decode(data)
    assert kind in str(info.value)
    assert "plain text" in str(info.value)


def test_bytes_full_of_control_characters_are_binary_even_without_nul_bytes():
    noise = bytes(range(1, 9)) * 50 + b"some words" + bytes(range(14, 32)) * 20
    with pytest.raises(ValueError, match="binary"):
        decode(noise)


def test_a_forced_encoding_still_refuses_binary_bytes():
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "latin-1")


# --- plain forms ---------------------------------------------------------------------------------


def test_unusual_spaces_and_line_separators_become_plain_ones_one_for_one():
    text = "The\xa0minister\u202fsaid\u2009that\u200b the\u3000talks\u2028had\u2029failed.\rNext."
    plain = plain_forms(text)
    assert plain == "The minister said that  the talks\nhad\nfailed.\nNext."
    assert len(plain) == len(text)


def test_quotation_marks_dashes_and_windows_line_ends_are_left_as_they_are():
    text = "“Yes,” she said — ‘twice’ – and\r\nleft…"
    assert plain_forms(text) is text


def test_a_file_with_no_break_spaces_reads_as_plain_spaces_at_the_same_offsets(tmp_path):
    text = "The minister\xa0said that\xa0the talks had failed.\n"
    path = tmp_path / "nbsp.txt"
    path.write_bytes(text.encode("utf-8"))
    (read,) = read_inputs([str(path)])
    assert read.text == text.replace("\xa0", " ")


# --- web pages -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Bridge to reopen | City Times</title>
<meta property="og:site_name" content="City Times">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="http://cdn.city-times.example/bridge"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge to reopen</h1>
<p>“The bridge will reopen in May,” the mayor said on Tuesday. The café owners had asked for
it for months, and the council’s engineers said the repairs were nearly finished.</p>
<p>The mayor added that the works had cost less than planned, which residents welcomed.</p>
</article>
<div class="cookies">We use cookies to improve your experience. <button>Accept</button></div>
<img src="http://tracker.example/pixel.gif">
<iframe src="http://ads.example/frame"></iframe>
</body></html>
"""


def test_an_html_file_is_read_as_its_article_with_the_page_metadata(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_bytes(PAGE.encode("cp1252"))
    (read,) = read_inputs([str(path)])
    assert isinstance(read, Input)
    assert read.text.startswith("Bridge to reopen\n“The bridge will reopen in May,” the mayor")
    assert "café owners" in read.text and "council’s engineers" in read.text
    for furniture in ("Home", "cookies", "Accept"):
        assert furniture not in read.text
    assert read.metadata == {"site_name": "City Times", "title": "Bridge to reopen",
                             "author": "Ana Ruiz", "date": "2024-05-02",
                             "url": "http://cdn.city-times.example/bridge"}


def test_html_on_standard_input_is_recognised_by_its_content(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    (read,) = read_inputs(["-"])
    assert read.source == "<stdin>"
    assert read.metadata["site_name"] == "City Times"
    assert "“The bridge will reopen in May,”" in read.text


def test_a_txt_file_holding_a_web_page_is_read_as_a_web_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    (read,) = read_inputs([str(path)])
    assert read.metadata is not None and "<p>" not in read.text


def test_plain_text_has_no_metadata_and_text_with_angle_brackets_stays_plain():
    read = read_document("The mayor said <b> tags are <html> fine here.".encode(), "x.txt")
    assert read.metadata is None
    assert read.text == "The mayor said <b> tags are <html> fine here."


def test_an_html_page_without_an_article_or_without_anything_gives_little_or_no_text():
    assert read_document(b"<!DOCTYPE html><html><body></body></html>", "p.html").text == ""
    assert read_document(b"", "p.html", html=True).text == ""
    fragment = read_document("<p>“We will win,” she said.</p>".encode(), "f.html", html=True)
    assert fragment.text == "“We will win,” she said."


def test_the_encoding_a_page_declares_is_used_when_its_bytes_are_not_utf8():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>“Ça va,” he said.</p></body></html>'
    assert "“Ça va,” he said." in read_document(page.encode("cp1252"), "p.html").text


def test_a_record_of_a_web_page_has_its_publisher_and_metadata():
    metadata = {"site_name": "City Times", "title": "Bridge to reopen", "author": None,
                "date": "2024-05-02", "url": None}
    record = document_record(Document("bridge.html", (), "text", metadata))
    assert list(record)[:3] == ["source", "publisher", "metadata"]
    assert record["publisher"] == "City Times"
    assert record["metadata"] == metadata
    assert "publisher" not in document_record(Document("plain.txt", ()))


def test_reading_a_page_fetches_nothing(monkeypatch):
    """Links, images, frames, a canonical address and a text that is only an address: claimx
    reads them all without opening a single connection."""
    def no_network(*args, **kwargs):
        raise AssertionError("claimx tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    read_document(PAGE.encode(), "page.html")
    read_document(b"http://example.com/article", "-")
    read_document(b"http://example.com/article", "url.html", html=True)
    refresh = b'<html><head><meta http-equiv="refresh" content="0; url=http://example.com/"></head></html>'
    read_document(refresh, "refresh.html")


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _claims_without_offsets(claims):
    return [(c.speaker and (c.speaker.name, c.speaker.mention, c.speaker.kind, c.speaker.role),
             c.cue.text, c.cue.lemma, c.cue.stance, c.content.text, c.type,
             c.outlet and c.outlet.name, c.passage, c.hedged, c.confidence, c.rule) for c in claims]


def test_the_reference_article_saved_as_a_web_page_gives_the_claims_of_the_plain_text(nlp):
    (plain,) = read_inputs([str(SAMPLES / "pakistan-afghanistan-talks.txt")])
    (page,) = read_inputs([str(SAMPLES / "pakistan-afghanistan-talks.html")])
    assert page.metadata == {
        "site_name": "The Border Ledger",
        "title": "Peace negotiations between Pakistan and Afghanistan have stalled due to the "
                 "Taliban's \"illogical stance\": Report",
        "author": "Sana Qureshi", "date": "2025-10-27",
        "url": "https://www.borderledger.example/world/pakistan-afghanistan-talks-stalled"}
    for furniture in ("Accept", "cookies", "Share", "Related", "Sign up", "Advertisement", "©"):
        assert furniture not in page.text
    page_claims = nlp(page.text)._.claims
    assert page_claims
    assert _claims_without_offsets(page_claims) == _claims_without_offsets(nlp(plain.text)._.claims)
    for c in page_claims:  # the offsets point into the extracted text
        assert page.text[c.content.start:c.content.end] == c.content.text
        assert page.text[c.cue.start:c.cue.end] == c.cue.text


# --- folders -------------------------------------------------------------------------------------


def test_a_folder_also_reads_web_pages_but_passes_over_hidden_files_and_saved_page_assets(tmp_path):
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b_files").mkdir()  # what a browser saves beside b.html
    (tmp_path / "b_files" / "ad.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.HTM").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("N", encoding="utf-8")
    sources = [r.source for r in read_inputs([str(tmp_path)])]
    assert sources == [str(tmp_path / name) for name in ("a.txt", "b.html", "c.HTM")]


def test_a_broken_symbolic_link_inside_a_folder_is_reported_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("G", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    error, good = read_inputs([str(tmp_path)])
    assert isinstance(error, InputError) and error.source == str(tmp_path / "gone.txt")
    assert "broken symbolic link" in error.message
    assert good == Input(str(tmp_path / "good.txt"), "G")


def test_a_file_name_that_is_not_utf8_is_given_with_escapes(tmp_path):
    name = os.fsdecode(b"caf\xe9 \xff.txt")
    (tmp_path / name).write_bytes(QUOTE.encode("utf-8"))
    (read,) = read_inputs([str(tmp_path)])
    assert read.source == str(tmp_path / "caf\\xe9 \\xff.txt")
    read.source.encode("utf-8")  # writable anywhere


def test_an_input_error_is_one_line_even_for_a_name_with_a_line_break():
    assert str(InputError("two\nlines.txt", "binary")) == "two\\nlines.txt: binary"


def test_dash_given_twice_reads_standard_input_once(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(QUOTE.encode())))
    first, second = read_inputs(["-", "-"])
    assert first == Input("<stdin>", QUOTE)
    assert isinstance(second, InputError) and "more than once" in second.message


# --- size ----------------------------------------------------------------------------------------


def test_an_input_over_the_size_limit_is_refused_without_reading_all_of_it(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 100_000)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The minister said that the plan would work. " * 5000)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, InputError)
    assert "too large" in error.message and "split" in error.message


def test_a_stream_of_zeros_is_refused_after_its_first_bytes():
    endless = io.BufferedReader(io.FileIO("/dev/zero", "rb")) if os.path.exists("/dev/zero") else None
    if endless is None:
        pytest.skip("no /dev/zero here")
    with endless, pytest.raises(ValueError, match="binary"):
        reading._read(endless, reading.MAX_BYTES)


def test_a_50_mb_file_is_read_whole_without_copies_piling_up(tmp_path):
    text = (SAMPLES / "pakistan-afghanistan-talks.txt").read_text(encoding="utf-8")
    data = (text * (50_000_000 // len(text.encode()) + 1)).encode("utf-8")
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        (read,) = read_inputs([str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(read.text) == len(data.decode("utf-8"))
    # the bytes (1), their text (2 bytes a character here: curly quotes), its plain form (2)
    # and that form's pieces before they are joined (2): no more
    assert peak < 8 * len(data)


# --- inputs that used to give nothing without a word (issue 11) ---------------------------------


ARTICLE = [
    "Talks on the new bridge have stalled, officials said on Monday.",
    "“We will not sign a deal that leaves the town without a crossing,” said Mayor Ana Ruiz.",
    "The transport minister told reporters that the money would be found by the spring.",
    "Engineers warned that the old bridge could close within a year.",
]


def _page(before_article: str = "", nesting: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in ARTICLE)
    return ("<!DOCTYPE html><html><head><title>Bridge talks stall</title></head><body>"
            f"{before_article}{nesting}<article>{paragraphs}</article></body></html>")


@pytest.fixture(scope="module")
def flat_page_text():
    return read_document(_page().encode(), "flat.html").text


@pytest.mark.parametrize("tag", ["div", "font"])
@pytest.mark.parametrize("depth", [300, 3000])
def test_a_page_nested_deeper_than_the_parser_goes_is_read_like_a_flat_one(tag, depth, flat_page_text):
    """Unclosed tags nest a page hundreds or thousands of levels deep; libxml2 stops at 256
    levels by default, and at 2,048 even with its limits lifted."""
    deep = read_document(_page(nesting=f"<{tag}>" * depth).encode(), "deep.html")
    assert ARTICLE[1] in flat_page_text
    assert deep.text == flat_page_text
    assert deep.no_text is None


def test_a_page_with_12_mb_of_inline_json_before_its_article_is_read_like_one_without(flat_page_text):
    """Single-page apps inline their state; libxml2 stops at a text node of 10 MB by default."""
    state = json.dumps({"items": [{"id": i, "body": "x" * 100} for i in range(110_000)]})
    assert len(state) > 12_000_000
    blob = f'<script type="application/json" id="__STATE__">{state}</script>'
    assert read_document(_page(before_article=blob).encode(), "app.html").text == flat_page_text


def test_flattening_keeps_every_word_and_bounds_the_nesting():
    from claimx.webpages import FLAT_DEPTH, FLAT_SAME, flatten

    deep = "<body>" + "<div><span>" * 2000 + "<p>“Yes,” she said &amp; left.</p>" + "</span></div>" * 2000
    flat = flatten(deep)
    assert "<p>“Yes,” she said &amp; left.</p>" in flat
    assert flat.count("<div>") == FLAT_SAME and flat.count("<span>") == FLAT_SAME
    assert flat.count("<div>") + flat.count("<span>") <= FLAT_DEPTH
    scripted = flatten("<body>" + "<div>" * 3000 + "<script>if (a < b) go();</script><p>Text.</p>")
    assert "<script>if (a < b) go();</script>" in scripted  # code stays code, however deep


ARTICLE_TEXT = "\n\n".join(ARTICLE * 20)  # about 5,000 characters


def test_a_utf8_article_with_four_bad_bytes_is_read_with_one_replacement_each_and_a_warning(tmp_path):
    data = ARTICLE_TEXT.encode("utf-8")
    middle = data.index(b" ", len(data) // 2)
    path = tmp_path / "scraped.txt"
    path.write_bytes(data[:middle] + b"\xff\xfe\x81\x8d" + data[middle:])
    (read,) = read_inputs([str(path)])
    assert isinstance(read, Input), read
    at = len(data[:middle].decode("utf-8"))
    assert read.text == ARTICLE_TEXT[:at] + "\ufffd" * 4 + ARTICLE_TEXT[at:]
    (warning,) = read.warnings
    assert "4 bytes that are not UTF-8" in warning and f"bytes {middle:,}-{middle + 3:,}" in warning
    assert "--encoding" in warning and "\n" not in warning
    # --encoding still decides when given
    (forced,) = read_inputs([str(path)], encoding="utf-8")
    assert isinstance(forced, InputError) and "not valid utf-8" in forced.message
    (latin,) = read_inputs([str(path)], encoding="latin-1")
    assert isinstance(latin, Input) and latin.warnings == () and "ÿþ" in latin.text


def test_bad_bytes_far_apart_are_each_placed_and_counted():
    data = "“A” b c. ".encode() * 10 + b"\xff" + b"middle " * 5 + b"\xfe" + "“end”".encode()
    text = decode(data)
    assert text.count("\ufffd") == 2 and len(text) == len(data.decode("utf-8", "replace"))
    notes = []
    reading._decode(data, notes=notes)
    first, second = data.index(b"\xff"), data.index(b"\xfe")
    assert notes[0].startswith(f"2 bytes that are not UTF-8 (bytes {first}, {second})")


def test_a_stray_nul_in_a_5000_character_article_is_read_as_one_replacement_character(tmp_path):
    data = ARTICLE_TEXT.encode("utf-8")
    middle = data.index(b" ", len(data) // 2)
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:middle] + b"\x00" + data[middle:])
    (read,) = read_inputs([str(path)])
    assert isinstance(read, Input), read
    at = len(data[:middle].decode("utf-8"))
    assert read.text == ARTICLE_TEXT[:at] + "\ufffd" + ARTICLE_TEXT[at:]
    assert read.warnings == (f"1 NUL character (character {at:,}) read as U+FFFD",)


@pytest.mark.parametrize("data", [
    ARTICLE_TEXT.encode("utf-8").replace(b" ", b"\x00"),  # a NUL for every space
    bytes(4096) + b"said",  # a block of zeros
    b"\x00\x01\x00\x02" * 500 + ARTICLE_TEXT.encode(),  # binary records
], ids=["nul-for-space", "zeros", "records"])
def test_bytes_with_more_than_a_few_nuls_are_still_a_binary_file(data, tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    (read,) = read_inputs([str(path)])
    assert isinstance(read, InputError) and "binary" in read.message


@pytest.mark.parametrize("data, html, cause", [
    (b"", None, "empty"),
    (b" \n\t\xc2\xa0\r\n", None, "blank"),
    (b"<!DOCTYPE html><html><body><form><input name=q></form><img src=logo.png></body></html>", True,
     "a web page in which no article text was found: it holds no text besides menus"),
    (b"<html><body><div id=app></div><script src=app.js></script></body></html>", None,
     "a web page in which no article text was found: its text may be put in by scripts"),
], ids=["empty", "blank", "page-of-a-form", "script-page"])
def test_an_input_that_gives_no_text_says_what_it_was(data, html, cause):
    read = read_document(data, "x", html=html)
    assert read.text.strip() == ""
    assert read.no_text.startswith(cause)


def test_an_input_with_text_has_no_reason_for_having_none():
    assert read_document(ARTICLE[1].encode(), "x.txt").no_text is None
