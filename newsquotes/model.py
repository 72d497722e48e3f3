"""Typed records passed between the pipeline stages.

Every span is a ``[start, end)`` pair of character offsets into ``ParsedDocument.text``,
the normalised article text, so ``text[start:end]`` is always the span's text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["title", "heading", "caption", "body"]
QuoteType = Literal["direct", "mixed", "indirect"]
SpeakerKind = Literal["name", "pronoun", "role", "organization"]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the normalised text: the title, a heading, a caption or body text."""

    kind: BlockKind
    start: int
    end: int
    section: str | None = None  # the heading this block stands under, if any


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """An article after parsing: metadata plus the normalised text cut into blocks."""

    title: str
    text: str
    blocks: tuple[Block, ...]
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # 0-based, document order
    paragraph_index: int  # index of the block it belongs to
    block: BlockKind
    start: int
    end: int
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation with its attribution; offsets point into the document text."""

    type: QuoteType
    start: int  # the content span: inside the marks for a direct quote, the reported clause otherwise
    end: int
    sentence_first: int
    sentence_last: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None  # canonical person or organisation, resolved within the article
    speaker_kind: SpeakerKind | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_lemma: str | None = None
    confidence: float = 0.5  # estimated probability that type, span and speaker are right


@dataclass(frozen=True, slots=True)
class ProcessedDocument:
    """An article through every stage: parsed, split into sentences, quotes extracted."""

    parsed: ParsedDocument
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
