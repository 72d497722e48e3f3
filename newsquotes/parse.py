"""Parse a raw article into metadata and normalised text blocks.

The raw layout (see README): ``# Title``, an optional ``By [Publisher](#)`` byline, an optional
date line, paragraphs separated by blank lines, ``### **Heading**`` headings, and an optional
``Original url:`` footer. A file that does not follow it still parses: its first line is the
title and the rest is body. The output text holds the title, headings, captions and body
paragraphs, one block per paragraph, separated by blank lines, with markdown removed and
whitespace inside a paragraph collapsed, so every later offset points into clean prose.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from newsquotes.model import Block, BlockKind, ParsedDocument
from newsquotes.sentences import split_sentences

PARAGRAPH_SEPARATOR = "\n\n"

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
# Zero-width characters and soft hyphens: invisible to a reader, they would split words.
# A regex removes them much faster than str.translate, which walks every character.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Markdown that scrapers leave in article text.
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+)>")
_STRONG = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MARKUP = re.compile(r"[*_\[<\\]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!\"'])")

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
BYLINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)
URL_LABEL = re.compile(r"^(?:original\s+url|source\s+url|url|source|link)\s*:\s*(\S*)$", re.IGNORECASE)
BARE_URL = re.compile(r"^<?((?:https?|ftp)://\S+?)>?$")

# A caption ends with a media credit ("Image: NASA.") or names people by position ("(L)").
_CREDIT = re.compile(
    r"(?:^|\s)(?:Image|Images|Photo|Photos|Photograph|Picture|Video|Audio|Credit|"
    r"Photo credit|Illustration|Graphic|Map|File photo)\s*:\s*\S[^.!?]{0,100}[.!?]?$"
)
_POSITION_MARK = re.compile(
    r"\((?:\d(?:st|nd|rd|th)\s)?(?:L|R|C|l|r|c|left|right|centre|center|front|back|top|bottom|rear)\)"
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+"
_DATE_FORMS = [
    re.compile(rf"^(?:{_WEEKDAY})?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"^(?:{_WEEKDAY})?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
]
_DATE_PREFIX = re.compile(r"^(?:published|posted|updated|date)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_TRAILING_TIME = re.compile(r"^(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}.*|T\d{2}:\d{2}.*|\s*)$", re.IGNORECASE)


def parse_date(line: str) -> dt.date | None:
    """The date of a date line such as 'August 10, 2015', 'Mon, 10 Aug 2015 14:02' or '2015-08-10'.

    Only a line that is a date (with an optional weekday, prefix or time) counts, so that a body
    sentence starting with a date is never mistaken for the publication date.
    """
    line = _DATE_PREFIX.sub("", line.strip())
    for form in _DATE_FORMS:
        match = form.match(line)
        if not match or not _TRAILING_TIME.match(line[match.end():]):
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
        try:
            return dt.date(int(match["year"]), number, int(match["day"])) if number else None
        except ValueError:
            return None
    return None


def strip_markdown(text: str) -> str:
    """Remove inline markdown, keeping the words a reader sees."""
    if not _MARKUP.search(text):  # most paragraphs carry none: skip the five substitutions
        return text
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub("", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


def normalise_space(text: str) -> str:
    # (the same as replacing each run of whitespace with a space and stripping, both splitting
    # on str.isspace, at less than half the cost of a regex substitution per space)
    return " ".join(text.split())


@dataclass(slots=True)
class _Paragraph:
    kind: BlockKind
    text: str


def _clean(raw: str) -> str:
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", raw))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _raw_paragraphs(text: str) -> list[str]:
    """Blank-line separated chunks; list items and headings get a chunk of their own."""
    chunks: list[str] = []
    for chunk in _BLANK_LINES.split(text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        current: list[str] = []
        for line in lines:
            if _HEADING.match(line.strip()) or _LIST_ITEM.match(line):
                if current:
                    chunks.append(" ".join(current))
                chunks.append(line.strip())
                current = []
            else:
                current.append(line.strip())
        if current:
            chunks.append(" ".join(current))
    return chunks


_LONGEST_TITLE_WORDS = 25  # headlines are shorter; a lead paragraph is often longer


def _is_prose(line: str) -> bool:
    """Is a first line a paragraph rather than a title: it ends a sentence, and it is longer than
    a headline or holds more than one sentence ("The mayor said ... . "We did it," she added.")?"""
    line = line.strip()
    if not line.rstrip("\"'”’)").endswith((".", "!", "?")):
        return False
    return len(line.split()) > _LONGEST_TITLE_WORDS or len(split_sentences(line)) > 1


def _ends_mid_sentence(text: str) -> bool:
    return bool(text) and (text[-1].isalnum() or text[-1] in ",;")


def _starts_lowercase(text: str) -> bool:
    return bool(text) and text[0].islower()


def _repair_cuts(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Join a body paragraph a scraper cut in the middle of a sentence with its continuation.

    A paragraph that stops without final punctuation and a next one that starts in lower case
    are one sentence broken in two ("… Lavrov recounted two" / "meetings with …").
    """
    repaired: list[_Paragraph] = []
    for paragraph in paragraphs:
        previous = repaired[-1] if repaired else None
        if (
            previous is not None
            and previous.kind == paragraph.kind == "body"
            and _ends_mid_sentence(previous.text)
            and _starts_lowercase(paragraph.text)
        ):
            previous.text = f"{previous.text} {paragraph.text}"
        else:
            repaired.append(paragraph)
    return repaired


def _is_caption(text: str) -> bool:
    # (each pattern needs its literal ":" or "(": most paragraphs have neither and skip the scans)
    return bool(":" in text and _CREDIT.search(text) or "(" in text and _POSITION_MARK.search(text))


def _take_url_footer(chunks: list[str]) -> tuple[list[str], str | None]:
    """Remove a trailing 'Original url: <…>' footer (label and link may be one or two paragraphs)."""
    for i in range(len(chunks) - 1, max(len(chunks) - 4, -1), -1):
        label = URL_LABEL.match(chunks[i])
        if not label:
            continue
        rest = [label[1]] if label[1] else []
        rest += chunks[i + 1 :]
        link = BARE_URL.match(rest[0].strip()) if len(rest) == 1 else None
        if link:
            return chunks[:i], link[1]
    if chunks:
        link = BARE_URL.match(chunks[-1].strip())
        if link:
            return chunks[:-1], link[1]
    return chunks, None


def parse_document(raw: str) -> ParsedDocument:
    """Parse one raw article; never raises on text (empty text gives an empty title)."""
    # The title is the first line, whether or not the file follows the layout, unless that line
    # is a paragraph of prose (a text given without a title).
    first, _, rest = _clean(raw).lstrip().partition("\n")
    if not first.strip():
        return ParsedDocument(title="", text="", blocks=())
    heading = _HEADING.match(first.strip())
    if not heading and _is_prose(first):
        first, rest = "", f"{first}\n\n{rest}"
    chunks = _raw_paragraphs(rest)
    follows_layout = bool(heading and len(heading[1]) == 1)
    title = normalise_space(strip_markdown(heading[2] if heading else first))
    if not title.strip("#"):  # "# " alone: a title line left empty, not a title "#"
        follows_layout, title = first.strip() == "#", ""

    publisher = published = url = None
    if follows_layout:
        chunks, url = _take_url_footer(chunks)
        # Byline and date stand right under the title, before any body text.
        while chunks:
            byline = BYLINE.match(chunks[0])
            if byline and publisher is None and len(byline[1]) < 120:
                publisher = normalise_space(strip_markdown(byline[1])) or None
            elif published is None and (date := parse_date(chunks[0])):
                published = date
            else:
                break
            chunks.pop(0)

    paragraphs: list[_Paragraph] = []
    for chunk in chunks:
        heading = _HEADING.match(chunk)
        text = normalise_space(strip_markdown(heading[2] if heading else _LIST_ITEM.sub("", chunk)))
        if not text:
            continue
        kind: BlockKind = "heading" if heading else ("caption" if _is_caption(text) else "body")
        paragraphs.append(_Paragraph(kind, text))

    return _assemble(title, _repair_cuts(paragraphs), publisher, published, url)


def _assemble(
    title: str,
    paragraphs: list[_Paragraph],
    publisher: str | None,
    published: dt.date | None,
    url: str | None,
) -> ParsedDocument:
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    section: str | None = None
    for paragraph in [_Paragraph("title", title), *paragraphs]:
        if not paragraph.text:
            continue
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        if paragraph.kind == "heading":
            section = paragraph.text
        in_section = section if paragraph.kind in ("body", "caption") else None
        blocks.append(Block(paragraph.kind, offset, offset + len(paragraph.text), in_section))
        parts.append(paragraph.text)
        offset += len(paragraph.text)
    return ParsedDocument(
        title=title,
        text=PARAGRAPH_SEPARATOR.join(parts),
        blocks=tuple(blocks),
        publisher=publisher,
        published=published,
        url=url,
    )
