"""Read every supported input format as raw-layout text, so one parser handles them all.

``read_articles`` turns one file's bytes into ``RawArticle`` records whose ``raw`` text is in
the raw layout that ``newsquotes.parse.parse_document`` reads (see README):

- ``.txt`` / ``.md``: one article, the decoded text unchanged.
- ``.html`` / ``.htm``: one article; trafilatura finds the main text and the metadata (title,
  site name or author, publication date, canonical URL). Paragraphs stay paragraphs, headings
  become ``### **…**`` and figure captions are kept as paragraphs of their own.
- ``.jsonl``: one JSON object per line with ``title``, ``text``, ``date``, ``url`` and
  ``publisher`` fields (other names through ``fields``); a bad line becomes a record with an
  ``error`` and the other lines still come through.

``to_raw_layout`` renders fields in the raw layout: ``parse_document(to_raw_layout(...))`` gives
back the same title, publisher, date, URL and paragraphs.

Nothing here touches the network: HTML is parsed into a tree here and only that tree is handed
to trafilatura (its string input path would download a string that looks like a URL).
"""

from __future__ import annotations

import codecs
import copy
import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from newsquotes.decode import Decoded, UndecodableError, decode_bytes
from newsquotes.parse import BARE_URL, BYLINE, URL_LABEL, normalise_space, parse_date

__all__ = [
    "FIELDS",
    "SUFFIXES",
    "RawArticle",
    "read_articles",
    "to_raw_layout",
]

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl"})

# Our JSONL field names; ``fields`` maps some of them to the corpus' own names.
FIELDS = ("title", "text", "date", "url", "publisher")


@dataclass(frozen=True, slots=True)
class RawArticle:
    key: str | None  # None for a one-article file; for JSONL the 1-based line number as "L12"
    raw: str | None  # raw-layout text for parse_document; None if this record is unusable
    encoding: str  # how the bytes were decoded
    error: str | None = None  # for an unusable record: a short user-facing reason
    content: bytes = b""  # the record's own bytes (the whole file, or the JSONL line)


def read_articles(filename: str, data: bytes, fields: Mapping[str, str] | None = None) -> list[RawArticle]:
    """All articles in one file; raises UndecodableError when the file as a whole is unusable.

    The format comes from the file name's suffix (one of ``SUFFIXES``); ``fields`` is used for
    JSONL only and maps our field names (``FIELDS``) to the corpus' names, e.g.
    ``{"text": "body", "date": "published_at"}``.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"unsupported file type {suffix or '(no suffix)'!r}: expected one of {sorted(SUFFIXES)}")
    names = _field_names(fields)
    data = bytes(data)
    if suffix == ".jsonl":
        return _read_jsonl(data, names)
    if suffix in (".html", ".htm"):
        return [_read_html(data)]
    decoded = decode_bytes(data)
    return [RawArticle(None, decoded.text, decoded.encoding, content=data)]


# --- the raw layout ---------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# A byline longer than this is not taken as one by parse_document (it allows < 120 characters
# inside "By …", and the link markup takes 5 of them).
_MAX_PUBLISHER = 110
_URL = re.compile(r"^(?:https?|ftp)://\S+$", re.IGNORECASE)
# Removed by parse_document's strip_markdown; put in front of a paragraph that would otherwise
# be read as a byline, a date line or the URL footer.
_NEUTRAL = "****"


def to_raw_layout(
    title: str,
    text: str,
    *,
    publisher: str | None = None,
    published: dt.date | str | None = None,
    url: str | None = None,
) -> str:
    """Render fields in the raw layout (the inverse of parse_document's metadata handling).

    ``text`` holds the paragraphs, separated by blank lines (or by single newlines when it has
    no blank line at all); markdown in it (``### heading``, links) is read as in any raw file.
    ``published`` is a date or a string in a form ``parse_date`` accepts (ISO dates and times
    included). A URL without ``http(s)://`` or ``ftp://`` cannot be told from body text and is
    left out; a publisher longer than 110 characters is shortened at a word boundary.
    Raises ValueError for an empty title or an unreadable date.
    """
    date = _as_date(published) if published not in (None, "") else None
    if published not in (None, "") and date is None:
        raise ValueError(f"unreadable date {published!r}")
    return _render(title, [("body", p) for p in split_paragraphs(text)], publisher, date, url)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain article text: blank-line separated, or one per line if no blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def _render(
    title: str,
    blocks: Sequence[tuple[str, str]],
    publisher: str | None,
    published: dt.date | None,
    url: str | None,
) -> str:
    """The raw layout of a title, ("body" | "heading", text) blocks and metadata."""
    title = normalise_space(title)
    if not title:
        raise ValueError("empty title")
    lines = [f"# {title}"]
    publisher = _shorten(normalise_space(publisher or ""), _MAX_PUBLISHER)
    if publisher:
        # The link form of the layout, unless brackets in the name would break the link.
        lines.append(f"By {publisher}" if re.search(r"[\[\]()]", publisher) else f"By [{publisher}](#)")
    if published is not None:
        lines.append(f"{_MONTH_NAMES[published.month - 1]} {published.day}, {published.year:04d}")
    url = (url or "").strip()
    url = url if _URL.match(url) else None

    paragraphs: list[str] = []
    for kind, block in blocks:
        block = block.strip()
        if not block:
            continue
        if kind == "heading":
            paragraphs.append(f"### **{normalise_space(block)}**")
            continue
        if not paragraphs and (BYLINE.match(normalise_space(block)) or parse_date(normalise_space(block))):
            block = _NEUTRAL + block  # not a byline or date line, whatever it looks like
        paragraphs.append(block)
    if paragraphs and url is None and _looks_like_url_footer(paragraphs[-1]):
        paragraphs[-1] = _NEUTRAL + paragraphs[-1]
    lines.extend(paragraphs)
    if url:
        lines.append(f"Original url:\n<{url}>")
    return "\n\n".join(lines) + "\n"


def _looks_like_url_footer(paragraph: str) -> bool:
    line = normalise_space(paragraph)
    label = URL_LABEL.match(line)
    return bool(BARE_URL.match(line) or (label and BARE_URL.match(label[1])))


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return f"{cut}…"


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _as_date(value: Any) -> dt.date | None:
    """A publication date from a date, an ISO date or date-time, a parse_date form, or a Unix
    timestamp (seconds, or milliseconds for values past 10^11)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) >= 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _ISO_DATE.match(value):
        # the date as written, not converted to UTC: "2015-08-10T23:30:00-05:00" is August 10
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            pass
    return parse_date(value)


# --- JSONL ------------------------------------------------------------------------------------


def _field_names(fields: Mapping[str, str] | None) -> dict[str, str]:
    names = {name: name for name in FIELDS}
    for ours, theirs in (fields or {}).items():
        if ours not in names:
            raise ValueError(f"unknown field {ours!r} in the field mapping: expected one of {', '.join(FIELDS)}")
        if not isinstance(theirs, str) or not theirs:
            raise ValueError(f"field mapping for {ours!r} must be a non-empty string")
        names[ours] = theirs
    return names


def _read_jsonl(data: bytes, names: Mapping[str, str]) -> list[RawArticle]:
    decoded = decode_bytes(data)
    records: list[RawArticle] = []
    objects, first_error = 0, None
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        record, is_object = _jsonl_record(number, line, names, decoded.encoding)
        records.append(record)
        objects += is_object
        if not is_object and first_error is None:
            first_error = record.error
    if not objects:
        # Not a JSON Lines file at all (e.g. one pretty-printed JSON document): one reason, not
        # one per line.
        raise UndecodableError(f"not JSON Lines: no line holds a JSON object ({first_error})")
    return records


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
               float: "a number", type(None): "null"}


def _jsonl_record(number: int, line: str, names: Mapping[str, str], encoding: str) -> tuple[RawArticle, bool]:
    """The record of one line, and whether the line holds a JSON object."""
    key, content = f"L{number}", line.encode("utf-8", "surrogatepass")

    def failed(reason: str, is_object: bool = True) -> tuple[RawArticle, bool]:
        return RawArticle(key, None, encoding, f"line {number}: {reason}", content), is_object

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return failed(f"invalid JSON ({err.msg.removesuffix(' at')} at column {err.colno})", False)
    except RecursionError:
        return failed("invalid JSON (nested too deeply)", False)
    if not isinstance(obj, dict):
        return failed(f"not a JSON object but {_JSON_TYPES.get(type(obj), 'a value')}", False)

    def name_of(field: str) -> str:
        their = names[field]
        return "text field" if their == field else f"text field {their!r}"

    if names["text"] not in obj or obj[names["text"]] is None:
        return failed(f"no {name_of('text')}")
    value = obj[names["text"]]
    if isinstance(value, list) and all(isinstance(p, str) for p in value):
        paragraphs = [p.strip() for p in value if p.strip()]  # a list of paragraphs
    elif isinstance(value, str):
        paragraphs = split_paragraphs(value)
    else:
        return failed(f"{name_of('text')} is {_JSON_TYPES.get(type(value), 'a value')}, not a string")
    if not paragraphs:
        return failed(f"empty {name_of('text')}")

    title = _string(obj.get(names["title"]))
    if not title:
        # No title: like a raw file without the layout, the first paragraph stands as title.
        title, paragraphs = paragraphs[0], paragraphs[1:]
    raw = _render(
        title,
        [("body", p) for p in paragraphs],
        publisher=_string(obj.get(names["publisher"])),
        published=_as_date(obj.get(names["date"])),
        url=_string(obj.get(names["url"])),
    )
    return RawArticle(key, raw, encoding, None, content), True


def _string(value: Any) -> str | None:
    """A metadata value as text: strings and numbers; a list of strings (e.g. authors) joined."""
    if isinstance(value, str):
        return normalise_space(value) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return normalise_space(", ".join(v for v in value if v.strip())) or None
    return None


# --- HTML -------------------------------------------------------------------------------------

_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|!doctype|!--)[\s>/]", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Codecs decode_bytes' 8-bit fallback already stands for (WHATWG reads Latin-1 as cp1252 too).
_WESTERN = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii"})


def _decode_html(data: bytes) -> Decoded:
    """decode_bytes, except that a page which is not UTF-8 and declares another charset in a
    <meta> tag (in its first 1024 bytes, as browsers look) is read in that charset."""
    decoded = decode_bytes(data)
    if decoded.encoding not in ("cp1252", "latin-1"):
        return decoded  # a BOM, UTF-8 or UTF-16/32: the bytes say what they are
    declared = _CHARSET.search(data[:1024])
    if not declared:
        return decoded
    try:
        codec = codecs.lookup(declared[1].decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return decoded
    if codec.name in _WESTERN or codec.name.startswith("utf"):
        return decoded
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError:
        return decoded
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), codec.name, decoded.repaired)


def _trafilatura():
    import trafilatura  # imported on first use: it takes about a second
    from trafilatura.settings import use_config

    global _TRAFILATURA
    if _TRAFILATURA is None:
        config = use_config()
        # Below this much text trafilatura swaps its extraction for a dump of the whole page
        # (menus included, one paragraph): a short news item is better served by the extraction.
        config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "1"
        _TRAFILATURA = (trafilatura, config)
    return _TRAFILATURA


_TRAFILATURA: tuple[Any, Any] | None = None


def _read_html(data: bytes) -> RawArticle:
    decoded = _decode_html(data)

    def failed(reason: str) -> RawArticle:
        return RawArticle(None, None, decoded.encoding, reason, data)

    if not _TAG.search(decoded.text):
        # Plain text saved under an .html name: read it as a raw file.
        return RawArticle(None, decoded.text, decoded.encoding, None, data)

    trafilatura, config = _trafilatura()
    tree = trafilatura.load_html(decoded.text)
    if tree is None:
        return failed("not an HTML page")
    _captions_as_paragraphs(tree)
    document = trafilatura.bare_extraction(
        copy.deepcopy(tree),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        config=config,
    )
    blocks = _body_blocks(document.body) if document is not None and document.body is not None else []
    if document is None:
        document = trafilatura.extract_metadata(copy.deepcopy(tree))
    title = normalise_space(getattr(document, "title", None) or "")
    if not any(kind == "body" for kind, _ in blocks):
        blocks = _visible_paragraphs(tree)  # fall back to the page's visible paragraphs
    # The headline often also opens the body.
    while blocks and blocks[0][0] == "heading" and blocks[0][1].casefold() == title.casefold():
        blocks.pop(0)
    if not blocks:
        return failed("no article text found in the HTML page")
    if not title:
        title = blocks.pop(0)[1]
    date = None
    if getattr(document, "date", None):
        date = _as_date(document.date)
    raw = _render(
        title,
        blocks,
        publisher=getattr(document, "sitename", None) or getattr(document, "author", None),
        published=date,
        url=getattr(document, "url", None),
    )
    return RawArticle(None, raw, decoded.encoding, None, data)


def _captions_as_paragraphs(tree: Any) -> None:
    """Replace each <figure> that has a caption by a paragraph holding the caption.

    trafilatura drops figures whole, captions included; the raw layout keeps captions (they
    end with a credit such as "Photo: Tom Reyes.", which is how parse_document knows them).
    """
    for figure in list(tree.iter("figure")):
        caption = figure.find(".//figcaption")
        text = normalise_space(caption.text_content()) if caption is not None else ""
        parent = figure.getparent()
        if not text or parent is None:
            continue
        paragraph = figure.makeelement("p", {})
        paragraph.text = text
        paragraph.tail = figure.tail
        parent.replace(figure, paragraph)


# trafilatura's output elements that hold other blocks, not text of their own.
_CONTAINERS = frozenset({"list", "quote", "div", "table", "row", "body", "section", "article"})


def _body_blocks(body: Any) -> list[tuple[str, str]]:
    """("heading" | "body", text) blocks of trafilatura's XML body, in document order."""
    blocks: list[tuple[str, str]] = []

    def text_of(element: Any) -> str:
        return normalise_space("".join(element.itertext()))

    def walk(element: Any) -> None:
        if element.text and element.text.strip():
            blocks.append(("body", normalise_space(element.text)))
        for child in element:
            if not isinstance(child.tag, str) or child.tag == "graphic":
                pass
            elif child.tag == "head":
                if text := text_of(child):
                    blocks.append(("heading", text))
            elif child.tag in _CONTAINERS or any(
                isinstance(c.tag, str) and c.tag in _CONTAINERS | {"p", "head"} for c in child
            ):
                walk(child)
            elif text := text_of(child):
                blocks.append(("body", text))
            if child.tail and child.tail.strip():
                blocks.append(("body", normalise_space(child.tail)))

    walk(body)
    return blocks


_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                   "button", "select", "svg", "iframe", "head")
_TEXT_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td", "dd")


# class or id of page furniture, dropped by the fallback
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:ads?|advert\w*|banner|comments?|consent|cookies?|newsletter|promo|related|share|social|"
    r"sidebar|subscribe|breadcrumbs?|menu|nav)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _visible_paragraphs(tree: Any) -> list[tuple[str, str]]:
    """The page's visible text blocks, for a page where trafilatura finds no main text.

    Cruder than trafilatura: it drops invisible and navigation elements and those whose class
    or id names page furniture (ads, cookie banners, comments, ...), and keeps the rest.
    """
    tree = copy.deepcopy(tree)
    furniture = [
        element for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in ("html", "body", "main", "article")
        and (element.tag in _INVISIBLE_TAGS or _FURNITURE.search(f"{element.get('class', '')} {element.get('id', '')}"))
    ]
    for element in furniture:
        if element.getparent() is not None:
            element.drop_tree()
    blocks: list[tuple[str, str]] = []
    for element in tree.iter(*_TEXT_TAGS):
        if any(isinstance(c.tag, str) and c.tag in _TEXT_TAGS for c in element.iterdescendants()):
            continue  # its inner blocks come on their own
        text = normalise_space(element.text_content())
        if text:
            kind = "heading" if element.tag[0] == "h" and element.tag[1:].isdigit() else "body"
            blocks.append((kind, text))
    return blocks
