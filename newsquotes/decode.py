"""Turn the bytes of a raw article file into text, or a short reason why not.

``decode_bytes`` is the only way raw bytes become text: every file either comes out as
``Decoded`` (text plus the encoding used and notes on what was repaired) or raises
``UndecodableError`` with a user-facing reason, so one bad file never crashes a run.

Everything here is linear and done by C-level calls (``bytes.count``, ``str.replace``,
``re.subn``, codecs), so a 50 MB file takes well under a second.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "UndecodableError", "decode_bytes"]


class UndecodableError(ValueError):
    """Raised with a short, user-facing reason (e.g. 'binary file: PNG image', 'empty file',
    'not text: 37% control bytes')."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # what was used: 'utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'cp1252', 'latin-1', ...
    repaired: tuple[str, ...] = ()  # notes on what was changed, e.g. ('removed 3 NUL bytes',)


# Above this share of control characters a file is binary, not text with a few stray bytes.
# Real text has ~0%; random or compressed bytes have 28/256 ≈ 11%.
_MAX_CONTROL_SHARE = 0.05
# A declared (BOM) or evident UTF-16/32 file may have a damaged tail; more than this share of
# undecodable sequences means it was not that encoding (or not text) after all.
_MAX_INVALID_SHARE = 0.01

# C0 controls other than \t \n \f \r (form feed and CR are turned into newlines instead).
# DEL and C1 controls (U+0080-U+009F) are deliberately left alone: the brief says C0 only.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\f\r")

# cp1252 leaves five bytes undefined; decode those as Latin-1 (U+0081 etc.) instead of
# failing, as browsers do (WHATWG "windows-1252"). One C-level charmap table does both.
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"
_CP1252_OR_LATIN1 = "".join(
    chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in range(256)
)
_C1_BYTES = bytes(range(0x80, 0xA0))


def _invalid_as_cp1252(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode-error handler: bytes that are not UTF-8 are read as cp1252 (or Latin-1)."""
    bad = err.object[err.start:err.end]  # type: ignore[index]
    return codecs.charmap_decode(bad, "strict", _CP1252_OR_LATIN1)[0], err.end


# (typeshed types a handler for any UnicodeError; this one is only given decoding errors)
codecs.register_error("newsquotes-cp1252", _invalid_as_cp1252)  # type: ignore[arg-type]

# Known file signatures, checked before any decoding. Two-letter or plain-word signatures
# that could begin an article (MZ, BM, ID3, ...) are left to the control-byte check.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx, xlsx, odt and epub are ZIPs)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc, .xls, .ppt)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"7z\xbc\xaf'\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg audio/video"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}


def _binary_kind(data: bytes) -> str | None:
    """Name the file type if ``data`` starts with a known binary signature."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if _BZIP2.match(data):
        return "bzip2 archive"
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data.startswith(b"PAR1") and data.endswith(b"PAR1"):
        return "Parquet file"
    return None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' if the NUL pattern makes it evident, else None.

    ASCII-heavy UTF-16 has a NUL in nearly every high byte and almost none in the low
    bytes; 8-bit text has (nearly) no NULs at all.
    """
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd >= 0.3 and nul_even <= 0.02:
        return "utf-16-le"
    if nul_even >= 0.3 and nul_odd <= 0.02:
        return "utf-16-be"
    return None


def _decode_wide(data: bytes, codec: str, notes: list[str]) -> str:
    """Decode a file whose encoding is declared by a BOM or evident from its bytes.

    A few bad sequences (typically a truncated last character) become U+FFFD and are noted;
    many mean the guess was wrong or the file is not text.
    """
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, "replace")
    bad = text.count("\ufffd")
    name = "UTF-8" if codec.startswith("utf-8") else codec[:6].upper()
    # One bad sequence is usually a truncated last character; beyond that, judge by share.
    tolerated = max(1, int(_MAX_INVALID_SHARE * len(text))) if len(text) > 1 else 0
    if bad > tolerated:
        raise UndecodableError(f"not text: invalid {name} data")
    notes.append(f"replaced invalid {name} data with U+FFFD")
    return text


def _decode_8bit(data: bytes, notes: list[str]) -> tuple[str, str]:
    """Strict UTF-8, else cp1252 (with Latin-1 for its five undefined bytes); a UTF-8 file
    with a few stray cp1252 bytes keeps its UTF-8 and reads only those bytes as cp1252."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        # A UTF-8 file cut off mid-character is still UTF-8: don't turn it all into cp1252
        # mojibake. Only when earlier multibyte characters prove it, though: a cp1252 file
        # may just end in "café" (E9), which also looks like a cut-off UTF-8 character.
        head = data[: err.start]
        if err.reason == "unexpected end of data" and err.end == len(data) and not head.isascii():
            notes.append("dropped incomplete UTF-8 character at end of file")
            return head.decode("utf-8"), "utf-8"
    # Text pasted together from two sources: UTF-8 characters that decode (a cp1252 file
    # almost never holds a valid UTF-8 sequence) outnumber the bytes that do not.
    valid = len(data.decode("utf-8", "ignore").encode("utf-8"))  # bytes in valid UTF-8 sequences
    proven = valid - len(data.decode("ascii", "ignore"))  # ... of them, in multibyte characters
    stray = len(data) - valid
    if proven > stray:
        notes.append(f"read {_plural(stray, 'stray byte')} that {'is' if stray == 1 else 'are'} not UTF-8 as cp1252")
        return data.decode("utf-8", "newsquotes-cp1252"), "utf-8"
    text = codecs.charmap_decode(data, "strict", _CP1252_OR_LATIN1)[0]
    undefined = sum(data.count(b) for b in _CP1252_UNDEFINED)
    if not undefined:
        return text, "cp1252"
    # Bytes undefined in cp1252: if the file also uses cp1252's own 0x80-0x9F characters
    # (curly quotes, dashes) it is cp1252 with a few stray bytes, otherwise call it Latin-1.
    c1 = len(data) - len(data.translate(None, _C1_BYTES))
    if c1 > undefined:
        notes.append(f"kept {_plural(undefined, 'byte')} undefined in cp1252 as Latin-1")
        return text, "cp1252"
    return text, "latin-1"


def _decode(data: bytes, notes: list[str]) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _decode_wide(data, "utf-8-sig", notes), "utf-8-sig"
    # FF FE 00 00 is also a UTF-16 LE BOM followed by U+0000, so UTF-32 must decode cleanly.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            pass
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_wide(data, "utf-16", notes), "utf-16"
    codec = _utf16_without_bom(data)
    if codec:
        return _decode_wide(data, codec, notes), codec
    return _decode_8bit(data, notes)


def _clean(text: str, notes: list[str]) -> str:
    """Reject binary-looking text; remove control characters and normalise line endings."""
    n = len(text)
    text = text.rstrip("\x00")  # zero padding at the end of a file is common, not binary
    if n and not text:
        raise UndecodableError("only NUL bytes")
    if len(text) < n:
        notes.append(f"removed {_plural(n - len(text), 'trailing NUL byte')}")

    # Count controls on the UTF-8 form, where bytes.translate does it at C speed (a C0
    # control is always a single byte there); re.subn would crawl over binary input.
    encoded = text.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    if controls:
        share = controls / len(text)
        if share > _MAX_CONTROL_SHARE:
            raise UndecodableError(f"not text: {share:.0%} control bytes")
        nul = text.count("\x00")
        if nul:  # the common case, and str.replace is much faster than a regex
            text = text.replace("\x00", "")
            notes.append(f"removed {_plural(nul, 'NUL byte')}")
        if controls > nul:
            text = _CONTROL.sub("", text)
            notes.append(f"removed {_plural(controls - nul, 'control character')}")

    if "\r" in text:
        crlf = text.count("\r\n")
        if crlf:
            text = text.replace("\r\n", "\n")
            notes.append(f"converted {_plural(crlf, 'CRLF line ending')} to LF")
        cr = text.count("\r")
        if cr:
            text = text.replace("\r", "\n")
            notes.append(f"converted {_plural(cr, 'lone CR line ending')} to LF")
    if "\f" in text:
        ff = text.count("\f")
        text = text.replace("\f", "\n")
        notes.append(f"replaced {_plural(ff, 'form feed')} with newline")
    return text


def decode_bytes(data: bytes) -> Decoded:
    """Decode a raw file's bytes to text, or raise ``UndecodableError`` saying why not.

    The text has no NUL, CR or other C0 control characters except tab and newline, and is
    otherwise exactly as decoded (no Unicode normalisation, no quote changes).
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_bytes needs bytes, not {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise UndecodableError("empty file")
    kind = _binary_kind(data)
    if kind:
        raise UndecodableError(f"binary file: {kind}")
    notes: list[str] = []
    text, encoding = _decode(data, notes)
    text = _clean(text, notes)
    if not text:  # e.g. nothing but a BOM
        raise UndecodableError("empty file")
    if text.isspace():
        raise UndecodableError("only whitespace")
    return Decoded(text, encoding, tuple(notes))
