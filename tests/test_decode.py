"""decode_bytes: every raw file becomes text or is rejected with a readable reason."""

import codecs
import gzip
import io
import random
import re
import struct
import zipfile
import zlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsquotes.decode import Decoded, UndecodableError, decode_bytes

ARTICLE = 'Lavrov said the U.S. should cooperate with Syria.\n"It is a common enemy," he said.\n'


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


_PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


# --- nothing to ingest -------------------------------------------------------------------


def test_empty_file_is_rejected():
    with pytest.raises(UndecodableError, match="^empty file$"):
        decode_bytes(b"")


def test_bom_only_file_counts_as_empty():
    with pytest.raises(UndecodableError, match="^empty file$"):
        decode_bytes(codecs.BOM_UTF8)


@pytest.mark.parametrize("data", [b" ", b"\n\n\n", b" \t\r\n\r\n  ", "\u00a0\u3000\n".encode()])
def test_whitespace_only_file_is_rejected(data):
    with pytest.raises(UndecodableError, match="^only whitespace$"):
        decode_bytes(data)


def test_file_of_nul_bytes_is_rejected():
    with pytest.raises(UndecodableError, match="^only NUL bytes$"):
        decode_bytes(b"\x00" * 4096)


# --- binary files, whatever their name --------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (_png(), "PNG image"),
        (_PDF, "PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (_docx(), "ZIP archive"),
        (gzip.compress(ARTICLE.encode()), "gzip archive"),
        (b"\x7fELF\x02\x01\x01" + bytes(9), "ELF executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Microsoft Office document"),
    ],
    ids=["png", "pdf", "jpeg", "gif", "docx", "gzip", "elf", "doc"],
)
def test_binary_file_named_txt_is_rejected_naming_its_type(data, kind):
    with pytest.raises(UndecodableError, match=f"^binary file: {re.escape(kind)}"):
        decode_bytes(data)


def test_random_bytes_are_rejected_as_not_text():
    blob = random.Random(0).randbytes(8192)
    with pytest.raises(UndecodableError, match=r"^not text: \d+% control bytes$"):
        decode_bytes(blob)


def test_article_starting_with_a_word_like_a_signature_is_still_text():
    # Short or word-like signatures (MZ, BM, ID3, PAR1) must not reject ordinary articles.
    for start in ("MZ Wallace opens a store.", "BMW recalls cars.", "ID3 is a gene.", "PAR1 is a gene."):
        assert decode_bytes(start.encode()).text == start


# --- encodings ---------------------------------------------------------------------------


def test_plain_utf8_is_returned_untouched():
    text = "Caf\u00e9 \u201cquoted\u201d \u2014 Zo\u00eb, \u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435\n"
    assert decode_bytes(text.encode()) == Decoded(text, "utf-8", ())


def test_cp1252_news_text_gets_the_right_quotes_and_dashes():
    raw = b"\x93We will not give up,\x94 she said \x96 it\x92s Zo\xeb\x85\r\n"
    got = decode_bytes(raw)
    assert got.text == "\u201cWe will not give up,\u201d she said \u2013 it\u2019s Zo\u00eb\u2026\n"
    assert got.encoding == "cp1252"


def test_utf8_text_with_pasted_cp1252_bytes_keeps_its_utf8_and_mends_the_rest():
    raw = "The caf\u00e9\u2019s owner said \u201cyes\u201d \u2014 twice.".encode() + b" Then \x93no\x94."
    got = decode_bytes(raw)
    assert got.text == "The caf\u00e9\u2019s owner said \u201cyes\u201d \u2014 twice. Then \u201cno\u201d."
    assert got.encoding == "utf-8" and any("2 stray bytes" in note for note in got.repaired)


def test_cp1252_text_with_a_stray_undefined_byte_keeps_its_curly_quotes():
    got = decode_bytes(b"\x93Yes,\x94 he said\x81.")
    assert got.text == "\u201cYes,\u201d he said\x81."
    assert got.encoding == "cp1252"
    assert any("undefined in cp1252" in note for note in got.repaired)


def test_bytes_undefined_in_cp1252_without_cp1252_punctuation_are_latin1():
    got = decode_bytes(b"caf\xe9 \x8d\x90")
    assert got.text == "caf\u00e9 \x8d\x90"
    assert got.encoding == "latin-1"


def test_utf8_file_cut_off_mid_character_stays_utf8():
    raw = "Zo\u00eb said \u201c".encode()[:-1]
    got = decode_bytes(raw)
    assert got.text == "Zo\u00eb said "
    assert got.encoding == "utf-8"
    assert got.repaired == ("dropped incomplete UTF-8 character at end of file",)


def test_cp1252_file_ending_in_an_accented_letter_is_not_taken_for_cut_off_utf8():
    got = decode_bytes(b"Le caf\xe9")
    assert (got.text, got.encoding) == ("Le caf\u00e9", "cp1252")


def test_utf8_bom_is_stripped():
    got = decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    assert got.text == ARTICLE
    assert got.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text = ARTICLE + "\u201cZo\u00eb\u201d \u4e2d\u6587\n"
    got = decode_bytes(bom + text.encode(codec))
    assert got.text == text
    assert got.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_from_its_nul_pattern(codec):
    got = decode_bytes(ARTICLE.encode(codec))
    assert got.text == ARTICLE
    assert got.encoding == codec


def test_utf32_with_bom():
    got = decode_bytes(ARTICLE.encode("utf-32"))
    assert (got.text, got.encoding) == (ARTICLE, "utf-32")


def test_truncated_utf16_keeps_the_text_and_notes_the_damage():
    got = decode_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"A")
    assert got.text == ARTICLE + "\ufffd"
    assert got.repaired == ("replaced invalid UTF-16 data with U+FFFD",)


# --- repairs -----------------------------------------------------------------------------


def test_crlf_and_lone_cr_become_lf_and_are_noted():
    got = decode_bytes(b"One.\r\nTwo.\rThree.\r\n")
    assert got.text == "One.\nTwo.\nThree.\n"
    assert got.repaired == ("converted 2 CRLF line endings to LF", "converted 1 lone CR line ending to LF")


def test_stray_nul_bytes_are_removed_and_counted():
    raw = ARTICLE.encode()
    raw = raw[:10] + b"\x00" + raw[10:40] + b"\x00\x00" + raw[40:]
    got = decode_bytes(raw)
    assert got.text == ARTICLE
    assert got.repaired == ("removed 3 NUL bytes",)


def test_trailing_nul_padding_is_removed_not_taken_for_binary():
    got = decode_bytes(ARTICLE.encode() + b"\x00" * 8192)
    assert got.text == ARTICLE
    assert got.repaired == ("removed 8192 trailing NUL bytes",)


def test_form_feed_becomes_newline_and_other_controls_are_removed():
    got = decode_bytes(ARTICLE.encode() + b"\x0cPage 2\x1b[0m\x1a")
    assert got.text == ARTICLE + "\nPage 2[0m"
    assert got.repaired == ("removed 2 control characters", "replaced 1 form feed with newline")


def test_text_is_otherwise_unchanged():
    # No NFC, no quote normalisation, tabs/line separators/DEL/non-breaking spaces kept.
    text = "e\u0301 'a' \"b\" \u201cc\u201d\tcol\u2028x\u00a0y\x7f\n"
    assert decode_bytes(text.encode()).text == text


def test_50_mb_cp1252_file_decodes_whole():
    # Speed is measured in bench/, not here: this checks a large file comes out complete.
    line = "\x93Quoted,\x94 he said \x96 caf\xe9.\r\n".encode("latin-1")
    data = line * (50_000_000 // len(line)) + b"\x00"
    got = decode_bytes(data)
    assert got.encoding == "cp1252" and got.text.startswith("\u201cQuoted,\u201d")
    assert got.text.count("\n") == 50_000_000 // len(line) and "\r" not in got.text


# --- any bytes at all --------------------------------------------------------------------


@settings(max_examples=500)
@given(st.binary(max_size=2000))
@example(b"\xff\xfe")
@example(b"\xff\xfeA")
@example(b"\xff\xfe\x00\x00\x00")
@example(b"\x00\x00\xfe\xff\x00\xd8")
@example(b"\xef\xbb\xbf\xff")
@example(b"\r")
@example(b"\x00A\x00")
@example(b"A\x00\x00\x00")
def test_any_bytes_give_clean_text_or_undecodable_error(data):
    try:
        got = decode_bytes(data)
    except UndecodableError as err:
        assert str(err)
        return
    assert got.text and not got.text.isspace()
    assert "\x00" not in got.text and "\r" not in got.text
    assert not re.search("[\x00-\x08\x0b-\x1f]", got.text)
    got.text.encode("utf-8")  # no lone surrogates: must be storable in Parquet


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t"))


@given(_TEXT)
def test_clean_utf8_text_round_trips_unchanged(text):
    from newsquotes.decode import _binary_kind

    data = text.encode()
    if not text.strip() or text.startswith("\ufeff") or _binary_kind(data):
        return
    assert decode_bytes(data) == Decoded(text, "utf-8", ())
