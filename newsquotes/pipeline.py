"""One article through every stage: parse, split into sentences, extract quotes."""

from __future__ import annotations

from newsquotes.model import ParsedDocument, ProcessedDocument, Sentence
from newsquotes.parse import parse_document
from newsquotes.quotes import extract_quotes
from newsquotes.sentences import split_sentences

# Headlines and headings are one sentence each even without final punctuation or with an
# inner period ("Lavrov Says U.S. Should …"), so they are never split.
_UNSPLIT_BLOCKS = frozenset({"title", "heading"})


def sentences_of(parsed: ParsedDocument) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph_index, block in enumerate(parsed.blocks):
        if block.kind in _UNSPLIT_BLOCKS:
            spans = [(block.start, block.end)]
        else:
            spans = split_sentences(parsed.text, block.start, block.end)
        for start, end in spans:
            sentences.append(
                Sentence(len(sentences), paragraph_index, block.kind, start, end, block.section)
            )
    return sentences


def process_raw(raw: str) -> ProcessedDocument:
    """Parse, split and extract one raw article (already decoded to text)."""
    parsed = parse_document(raw)
    sentences = sentences_of(parsed)
    quotes = extract_quotes(parsed.text, sentences)
    return ProcessedDocument(parsed, tuple(sentences), tuple(quotes))
