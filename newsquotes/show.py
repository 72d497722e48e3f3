"""``newsquotes show DOC_ID``: one article, sentence by sentence, with its quotes marked and attributed.

Meant for checking the extractor's results by eye::

    Lavrov Says U.S. Should Cooperate with Syria Over Islamic State
    The Moscow Times · 2015-08-10 · https://www.themoscowtimes.com/…
    doc c0dd8db7c25a5298 · 000_e5eb417d42e88fd9.txt · 19 sentences · 10 quotes (3 direct, 4 mixed, 3 indirect)

    ── body ──
      7  "[[Assad was a fully legitimate partner … terrorism,]]" {the foreign minister} <said>, …
         ↳ #3 direct · speaker: "the foreign minister" → Sergei Lavrov (role) · cue: said · confidence 0.85

Without colour, ``[[…]]`` marks a quote's content, ``{…}`` its speaker as written and ``<…>`` the cue
verb; the marks add characters but never remove or move any, so ``[[…]]`` holds exactly the
``content`` column (a quote that runs over several sentences is closed at each sentence's end and
opened again at the next). With colour (ANSI), direct, mixed and indirect quotes have their own
colours, the speaker is bold and underlined and the cue is bold magenta.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

import pandas as pd

# Plain-text marks: (open, close) per role.
MARKS = {"quote": ("[[", "]]"), "speaker": ("{", "}"), "cue": ("<", ">")}

_RESET = "\x1b[0m"
_TYPE_COLOURS = {"direct": "32", "mixed": "33", "indirect": "36"}  # green, yellow, cyan
_SPEAKER_STYLE = "1;4"  # bold, underlined
_CUE_STYLE = "1;35"  # bold magenta
_DIM, _BOLD = "2", "1"

MIN_PREFIX = 4  # shorter doc_id prefixes match too much to be meant


class DocumentNotFound(KeyError):
    """No document (or more than one) matches the id, prefix or source path given."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    role: str  # quote, speaker or cue
    quote_type: str | None = None


def _paint(text: str, codes: str, color: bool) -> str:
    return f"\x1b[{codes}m{text}{_RESET}" if color and codes else text


def _is_missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


# -- finding the article ---------------------------------------------------------------------------
def find_doc_id(documents: pd.DataFrame, key: str) -> str:
    """The doc_id that ``key`` names: a doc_id, a unique doc_id prefix or a source path.

    A source path may be given as stored (``gum/GUM_news_afghan.txt``), with the raw folder in front
    (``data/raw/gum/GUM_news_afghan.txt``) or, when only one article has that file name, as the
    name alone (``GUM_news_afghan.txt``).
    """
    key = str(key).strip()
    ids = documents["doc_id"].astype(str)
    sources = documents["source"].astype(str)
    rules = [
        lambda: ids == key,
        lambda: sources == key,
        lambda: sources.map(lambda s: _path_ends_with(key, s)),  # data/raw/<source>, /abs/…/<source>
        lambda: sources.map(lambda s: _path_ends_with(s, key)),  # the file name alone
    ]
    if len(key) >= MIN_PREFIX:
        rules.append(lambda: ids.str.startswith(key))
    for rule in rules if key else []:
        hits = documents.loc[rule().astype(bool).to_numpy()]
        if len(hits) == 1:
            return str(hits["doc_id"].iloc[0])
        if len(hits) > 1:
            listing = "\n".join(
                f"  {d}  {s}" for d, s in list(zip(hits["doc_id"], hits["source"], strict=True))[:10]
            )
            raise DocumentNotFound(f"{key!r} matches {len(hits)} articles; give more of the id:\n{listing}")
    raise DocumentNotFound(
        f"no article with doc_id, doc_id prefix or source {key!r} among {len(documents)} articles. "
        "Find ids with `newsquotes.load('documents', root=...)[['doc_id', 'source', 'title']]`, or "
        "`duckdb -c \"SELECT doc_id, source, title FROM read_parquet('data/processed/documents/**/*.parquet')\"`; "
        "a source path (as in data/raw) or a doc_id prefix of at least "
        f"{MIN_PREFIX} characters works too."
    )


def _path_ends_with(path: str, tail: str) -> bool:
    """``path`` ends with the whole path components of ``tail`` (``a/b/c.txt`` ends with ``b/c.txt``)."""
    path, tail = _clean_path(path), _clean_path(tail)
    return bool(tail) and (path == tail or path.endswith("/" + tail))


def _clean_path(path: str) -> str:
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


# -- marking spans in a sentence -------------------------------------------------------------------
def _marked_plain(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """text[start:end] with each span's marks inserted, spans clipped to the sentence."""
    opens: dict[int, list[_Span]] = {}
    closes: dict[int, list[_Span]] = {}
    for span in spans:
        a, b = max(span.start, start), min(span.end, end)
        if a < b:
            opens.setdefault(a, []).append(span)
            closes.setdefault(b, []).append(span)
    out: list[str] = []
    for pos in range(start, end + 1):
        # Inner spans close before outer ones, outer spans open before inner ones.
        for span in sorted(closes.get(pos, ()), key=lambda s: -s.start):
            out.append(MARKS[span.role][1])
        for span in sorted(opens.get(pos, ()), key=lambda s: -s.end):
            out.append(MARKS[span.role][0])
        if pos < end:
            out.append(text[pos])
    return "".join(out)


def _marked_color(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """text[start:end] with ANSI styles: the innermost quote's colour, speaker and cue styles on top."""
    cuts = {start, end}
    for span in spans:
        cuts.update(p for p in (span.start, span.end) if start < p < end)
    bounds = sorted(cuts)
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [s for s in spans if s.start <= a and b <= s.end]
        codes: list[str] = []
        quotes = [s for s in active if s.role == "quote"]
        if quotes:
            innermost = max(quotes, key=lambda s: (s.start, -s.end))
            codes.append(_TYPE_COLOURS.get(innermost.quote_type or "", "37"))
        if any(s.role == "speaker" for s in active):
            codes.append(_SPEAKER_STYLE)
        if any(s.role == "cue" for s in active):
            codes.append(_CUE_STYLE)
        out.append(_paint(text[a:b], ";".join(codes), color=True))
    return "".join(out)


# -- the attribution lines ------------------------------------------------------------------------
def _attribution(quote: pd.Series, color: bool) -> str:
    qtype = str(quote["type"])
    first, last = int(quote["sentence_first"]), int(quote["sentence_last"])
    head = f"#{int(quote['quote_index'])} " + _paint(qtype, _TYPE_COLOURS.get(qtype, ""), color)
    if first != last:
        head += f" (sentences {first}–{last})"
    # A mention as written, then the person or organisation it was resolved to.
    speaker, name, kind = quote.get("speaker"), quote.get("speaker_name"), quote.get("speaker_kind")
    if _is_missing(speaker) and _is_missing(name):
        who = "speaker: none found"
    else:
        who = "speaker: " + (f'"{speaker}"' if not _is_missing(speaker) else "(not in the text)")
        if not _is_missing(name):
            who += f" → {_paint(str(name), _BOLD, color)}"
        if not _is_missing(kind):
            who += f" ({kind})"
    cue = quote.get("cue")
    how = "cue: none" if _is_missing(cue) else f"cue: {cue}"
    confidence = f"confidence {float(quote['confidence']):.2f}"
    return "     ↳ " + " · ".join([head, who, how, confidence])


# -- the article ------------------------------------------------------------------------------------
def render_article(
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    doc_id: str,
    color: bool = False,
) -> str:
    """One article as text: header, numbered sentences with quotes marked, an attribution line per quote.

    ``doc_id`` may also be a unique doc_id prefix or the article's ``source`` path; an unknown one
    raises ``DocumentNotFound`` (a ``KeyError``) that says how to find ids.
    """
    doc_id = find_doc_id(documents, doc_id)
    doc = documents.loc[documents["doc_id"] == doc_id].iloc[0]
    sents = sentences.loc[sentences["doc_id"] == doc_id].sort_values("sentence_index")
    quotes = quotes.loc[quotes["doc_id"] == doc_id].sort_values(["start", "quote_index"])
    text = str(doc["text"]) if "text" in doc.index and not _is_missing(doc["text"]) else None

    lines = [_paint(str(doc["title"]), _BOLD, color)]
    meta = [
        str(doc[c]) for c in ("publisher", "published", "url") if c in doc.index and not _is_missing(doc[c])
    ]
    if meta:
        lines.append(" · ".join(meta))
    counts = quotes["type"].value_counts()
    by_type = ", ".join(f"{counts[t]} {t}" for t in ("direct", "mixed", "indirect") if t in counts)
    summary = f"doc {doc_id} · {doc['source']} · {len(sents)} sentences · {len(quotes)} quotes"
    lines.append(_paint(summary + (f" ({by_type})" if by_type else ""), _DIM, color))

    spans = _spans(quotes)
    placed: set[int] = set()
    last_quote_sentence = quotes.groupby("sentence_last")  # attribution lines after a quote's last sentence
    heading_of: tuple[object, object] | None = None
    paragraph = None
    width = len(str(len(sents) - 1)) if len(sents) else 1
    for s in sents.itertuples(index=False):
        where = (s.block, None if _is_missing(s.section) else s.section)
        if where != heading_of:
            label = f"── {s.block}" + (f" · {where[1]}" if where[1] else "") + " ──"
            lines += ["", _paint(label, _DIM, color)]
            heading_of, paragraph = where, s.paragraph_index
        elif s.paragraph_index != paragraph:
            lines.append("")
            paragraph = s.paragraph_index
        start, end = int(s.start), int(s.end)
        source_text, offset = (text, 0) if text is not None else (str(s.text), start)
        local = [_Span(sp.start - offset, sp.end - offset, sp.role, sp.quote_type) for sp in spans]
        body = (_marked_color if color else _marked_plain)(source_text, start - offset, end - offset, local)
        lines.append(f"  {int(s.sentence_index):>{width}}  {body}")
        if int(s.sentence_index) in last_quote_sentence.groups:
            for _, quote in last_quote_sentence.get_group(int(s.sentence_index)).iterrows():
                lines.append(_attribution(quote, color))
                placed.add(int(quote["quote_index"]))

    unplaced = quotes.loc[~quotes["quote_index"].isin(placed)]
    if len(unplaced):  # a quote whose sentence is missing from the sentences table still gets shown
        lines += ["", _paint("── quotes outside the sentences above ──", _DIM, color)]
        for _, quote in unplaced.iterrows():
            lines.append(f'     "{quote["content"]}"')
            lines.append(_attribution(quote, color))
    if quotes.empty:
        lines += ["", "(no quotes found in this article)"]
    return "\n".join(lines) + "\n"


def _spans(quotes: pd.DataFrame) -> list[_Span]:
    spans: list[_Span] = []
    for q in quotes.itertuples(index=False):
        spans.append(_Span(int(q.start), int(q.end), "quote", str(q.type)))
        for role, a, b in (("speaker", q.speaker_start, q.speaker_end), ("cue", q.cue_start, q.cue_end)):
            if not _is_missing(a) and not _is_missing(b):
                spans.append(_Span(int(a), int(b), role))
    # The same speaker or cue is often shared by several quotes: mark it once.
    return list(dict.fromkeys(spans))


def _use_color(color: bool | None) -> bool:
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def show(doc_id: str, root: str = "data/processed", color: bool | None = None) -> str:
    """Load the published tables under ``root`` and render one article (``color=None``: if stdout is a terminal)."""
    import newsquotes

    documents = newsquotes.load("documents", root=root)
    if documents.empty:
        raise DocumentNotFound(f"no articles under {root}; run `newsquotes ingest` first, or pass the right root")
    doc_id = find_doc_id(documents, doc_id)
    sentences = newsquotes.load("sentences", root=root)
    quotes = newsquotes.load("quotes", root=root)
    return render_article(documents, sentences, quotes, doc_id, color=_use_color(color))
