"""Property tests over the library (no Prefect): any text goes in, well-formed spans come out.

Issue 6, "Nothing lost, nothing half-written". For arbitrary text and for text assembled from
news-like pieces (quotes, abbreviations, newlines, markdown, unbalanced marks), parsing,
segmentation and quote extraction never raise, and every span they produce is a true slice of
the document text, in order and inside its sentences; the tables pass the pandera contract.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import newsquotes
from newsquotes.parse import parse_document
from newsquotes.pipeline import process_raw, sentences_of
from schemas import validate_tables

# The whole file stays well under ~20 s: few examples each, no deadline (the first call of a
# regex-heavy stage is slow on a loaded machine and must not count as a failure).
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- strategies ----------------------------------------------------------------------------------

PIECES = [
    # quotation marks of every kind, balanced or not
    '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u201e", "\u00ab", "\u00bb", "``", "''",
    '"We will win," ', "\u201cIt is over,\u201d ", "\u2018Maybe\u2019 ", '"Unfinished ',
    # attribution
    "he said", " she said.", "said Mayor Jane Smith.", "according to officials,", "told reporters that ",
    "The minister said that ", "Smith added: ", "they warned",
    # abbreviations, numbers, initials, ellipses
    "Mr. ", "Dr. ", "U.S. ", "Jan. 5 ", "No. 10 ", "3.5 ", "J. R. R. Tolkien ", "e.g. ", "etc. ", "...", "\u2026",
    "Inc. ", "a.m. ", "St. Louis ",
    # sentence ends and separators
    ". ", "? ", "! ", "; ", ": ", " - ", " \u2014 ", "(", ")", "[", "]",
    # newlines and layout
    "\n", "\n\n", "\n\n\n", "\r\n", "\t", "   ", "\u00a0", "\u200b",
    # markdown and scraper leftovers
    "# ", "### **", "**", "*", "_", "[link](#)", "![img](x.png)", "<https://example.com/a>", "By [Wire](#)",
    "- ", "1. ", "Original url:\n", "Image: Reuters.", "(L)",
    # dates and words
    "March 3, 2024", "2015-08-21", "Officials", "the council", "WASHINGTON (AP) \u2014 ", "KABUL, Afghanistan - ",
    "caf\u00e9", "\u00e9t\u00e9", "\U0001f600", "\u0645\u0631\u062d\u0628\u0627",
]

news_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), min_size=0, max_size=60).map("".join)
any_text = st.text(max_size=400)
texts = st.one_of(any_text, news_like)

# Layouts a scraper really produces: title, byline, date, paragraphs (some with quotes), footer.
paragraph = st.lists(st.sampled_from(PIECES[:40]) | st.sampled_from(["The vote", "was close", "today"]),
                     min_size=1, max_size=25).map("".join)
article = st.builds(
    lambda title, byline, date, paragraphs, footer: "\n\n".join(
        [f"# {title}"] + byline + date + paragraphs + footer
    ),
    st.sampled_from(["Mayor Says Budget Is Balanced", "Lavrov Says U.S. Should Act", "\u201cWe Won\u201d", "x"]),
    st.sampled_from([[], ["By [The Daily Example](#)"]]),
    st.sampled_from([[], ["March 3, 2024"], ["Friday, July 21, 2017"]]),
    st.lists(paragraph, max_size=8),
    st.sampled_from([[], ["Original url:\n<https://example.com/x>"]]),
)
long_news = st.lists(st.sampled_from(PIECES), min_size=50, max_size=300).map("".join)
all_texts = st.one_of(texts, article, long_news)

EXAMPLES = [
    "",
    "\n",
    '"',
    "\u201c" * 50,
    '"He said." "She said." "' * 5,
    "# \n\n**\n",
    "# Title\n\n\u201cOpen and never closed, the minister said.\n\nNext paragraph.",
    "# T\n\nMr. Smith said: \u201cYes.\u201d\n\n\u201cAnd more,\u201d he added.",
    "a\u0301\u0301\u0301 said \u201cx\u201d",  # combining marks: NFC changes lengths
    "\ufeff# BOM title\n\nBody.",
]


def _with_examples(test):
    for text in EXAMPLES:
        test = example(text)(test)
    return test


# -- properties ----------------------------------------------------------------------------------


@FAST
@given(all_texts)
@_with_examples
def test_parse_and_segment_never_raise_and_sentences_are_clean_ordered_slices(raw):
    parsed = parse_document(raw)
    text = parsed.text
    for block in parsed.blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert text[block.start : block.end].strip() == text[block.start : block.end]
    sentences = sentences_of(parsed)
    previous_end = 0
    for i, s in enumerate(sentences):
        piece = text[s.start : s.end]
        assert s.index == i
        assert piece and piece == piece.strip(), (s, piece)
        assert s.start >= previous_end, "sentences overlap or go backwards"
        block = parsed.blocks[s.paragraph_index]
        assert block.start <= s.start < s.end <= block.end and block.kind == s.block
        previous_end = s.end
    if text.strip():
        # every non-space character of the text is in some sentence: nothing is dropped
        covered = sum(len(text[s.start : s.end].replace(" ", "")) for s in sentences)
        expected = sum(len(text[b.start : b.end].replace(" ", "")) for b in parsed.blocks)
        assert covered == expected


@FAST
@given(all_texts)
@_with_examples
def test_quotes_lie_inside_the_document_and_their_sentences(raw):
    processed = process_raw(raw)
    text, sentences = processed.parsed.text, processed.sentences
    for q in processed.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert 0 <= q.sentence_first <= q.sentence_last < len(sentences)
        assert sentences[q.sentence_first].start <= q.start and q.end <= sentences[q.sentence_last].end
        for lo, hi in ((q.speaker_start, q.speaker_end), (q.cue_start, q.cue_end)):
            assert (lo is None) == (hi is None)
            if lo is not None:
                assert 0 <= lo < hi <= len(text)
        assert 0.0 <= q.confidence <= 1.0
        assert q.type in ("direct", "mixed", "indirect")
    starts = [q.start for q in processed.quotes]
    assert starts == sorted(starts), "quotes are not in document order"


@FAST
@given(all_texts)
@_with_examples
def test_tables_pass_the_contract_and_every_span_is_its_text(raw):
    assume(raw.strip())
    tables = newsquotes.process_text(raw)
    validate_tables(tables)  # pandera: types, ranges, span == text, quotes inside their sentences
    (doc,) = tables["documents"].itertuples(index=False)
    text = doc.text
    sentences, quotes = tables["sentences"], tables["quotes"]
    assert all(text[s:e] == t for s, e, t in zip(sentences["start"], sentences["end"], sentences["text"]))
    for start, end, column in (("start", "end", "content"), ("speaker_start", "speaker_end", "speaker"),
                               ("cue_start", "cue_end", "cue")):
        for s, e, t in zip(quotes[start], quotes[end], quotes[column]):
            if pd.isna(s):
                assert pd.isna(e) and pd.isna(t)
            else:
                assert text[int(s) : int(e)] == t
    assert doc.n_sentences == len(sentences) and doc.n_quotes == len(quotes)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_to_clean_text_or_a_reason(data):
    from newsquotes.decode import UndecodableError, decode_bytes

    try:
        decoded = decode_bytes(data)
    except UndecodableError as err:
        assert str(err)
        return
    assert decoded.text.strip() and not any(c in decoded.text for c in "\r\x00")
    process_raw(decoded.text)
