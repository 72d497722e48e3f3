"""Small builders shared by tests: tables for hand-made articles, without the quote extractor."""

from __future__ import annotations

import datetime as dt
import re

from newsquotes.model import ProcessedDocument, Quote
from newsquotes.parse import parse_document
from newsquotes.tables import Source, build_tables, sha256_hex

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)

ARTICLE = """# Mayor Says Budget Is Balanced

By [The Daily Example](#)

March 3, 2024

"We balanced the budget," Mayor Jane Smith said on Monday.

Critics were not convinced.
"""


def processed(raw: str = ARTICLE, quotes: bool = True) -> ProcessedDocument:
    """Parse and split an article with the real stages; add one direct quote found by hand."""
    from newsquotes.pipeline import sentences_of

    parsed = parse_document(raw)
    sentences = tuple(sentences_of(parsed))
    found = []
    speaker = re.search(r"Mayor (\w+ \w+)", parsed.text)
    if quotes and speaker and "We balanced the budget," in parsed.text:
        text = parsed.text
        start = text.index("We balanced")
        end = start + len("We balanced the budget,")
        cue = text.index("said", speaker.end())
        sentence = next(s.index for s in sentences if s.start <= start < s.end)
        found.append(
            Quote(
                type="direct", start=start, end=end, sentence_first=sentence, sentence_last=sentence,
                speaker_start=speaker.start(), speaker_end=speaker.end(),
                speaker_name=speaker[1], speaker_kind="name",
                cue_start=cue, cue_end=cue + 4, cue_lemma="say", confidence=0.9,
            )
        )
    return ProcessedDocument(parsed, sentences, tuple(found))


def tables_for(*articles: tuple[str, str]) -> dict:
    """Tables for (source path, raw text) pairs."""
    pairs = [
        (Source(path, sha256_hex(raw.encode()), "utf-8"), processed(raw)) for path, raw in articles
    ]
    return build_tables(pairs, NOW, "test")


def summary_counts(stdout: str) -> dict[str, int]:
    """The counts of the CLI's closing summary: 'processed: 3' or a 'processed   3 | ...' table."""
    counts = {}
    for name in ("processed", "unchanged", "rejected", "pruned", "documents", "sentences", "quotes", "rejects"):
        found = re.search(rf"\b{name}\b:?\s+([\d,]+)", stdout) or re.search(rf"([\d,]+) {name}\b", stdout)
        assert found, f"no count of {name} in the summary:\n{stdout}"
        counts[name] = int(found[1].replace(",", ""))
    return counts
