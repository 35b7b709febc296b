"""Reading input: ``decode`` turns bytes of any common encoding into the text of the article, and
``read_inputs`` turns paths into texts or into ``InputError``s that say what to fix."""
from __future__ import annotations

import codecs
import io
import sys

import pytest

from claimx.reading import Input, InputError, decode, read_inputs

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
