"""Build the documents, sentences and quotes tables from processed articles.

Columns and types follow the pandera models in ``schemas/``; ``empty_table`` and the column
order come from them, so a table built here always has the published layout.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from newsquotes.model import ProcessedDocument
from schemas.tables import MODELS

TABLES = ("documents", "sentences", "quotes")


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from: its path relative to the raw folder, hash and decoding."""

    path: str
    content_sha256: str
    encoding: str = "utf-8"

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.path)


def doc_id_for(source: str) -> str:
    """A stable id per source path, so a re-ingested article replaces its own rows."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache  # models never change at run time; asked for on every frame built
def column_kinds(name: str) -> dict[str, str]:
    """Each column of a table's model mapped to one of: str, int, Int64, float, date, timestamp."""
    kinds = {}
    for column, spec in MODELS[name].to_schema().columns.items():
        dtype = str(spec.dtype)
        if dtype.startswith(("str", "object")):
            kinds[column] = "str"
        elif dtype.startswith("datetime64"):
            kinds[column] = "timestamp"
        elif dtype in ("date", "Int64", "int64", "float64"):
            kinds[column] = {"int64": "int", "float64": "float"}.get(dtype, dtype)
        else:
            raise TypeError(f"{name}.{column}: no storage type for {dtype}")
    return kinds


_PANDAS_DTYPES = {
    "str": str,  # pandas' default string dtype: object on pandas 2, str on pandas 3
    "int": "int64",
    "Int64": "Int64",
    "float": "float64",
    "date": "object",  # datetime.date values, stored as Parquet date32
    "timestamp": "datetime64[us, UTC]",
}


def typed_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A frame with the model's columns, in order, each with the model's dtype."""
    columns = {
        column: pd.Series([row[column] for row in rows], dtype=_PANDAS_DTYPES[kind])
        for column, kind in column_kinds(name).items()
    }
    return pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))


def empty_table(name: str) -> pd.DataFrame:
    return typed_frame(name, [])


def build_tables(
    articles: Iterable[tuple[Source, ProcessedDocument]],
    ingested_at: dt.datetime,
    pipeline_version: str,
) -> dict[str, pd.DataFrame]:
    documents: list[dict] = []
    sentences: list[dict] = []
    quotes: list[dict] = []
    for source, doc in articles:
        doc_id, text = source.doc_id, doc.parsed.text
        documents.append(
            {
                "doc_id": doc_id,
                "source": source.path,
                "content_sha256": source.content_sha256,
                "title": doc.parsed.title,
                "publisher": doc.parsed.publisher,
                "published": doc.parsed.published,
                "url": doc.parsed.url,
                "text": text,
                "encoding": source.encoding,
                "n_sentences": len(doc.sentences),
                "n_quotes": len(doc.quotes),
                "ingested_at": pd.Timestamp(ingested_at).tz_convert("UTC"),
                "pipeline_version": pipeline_version,
            }
        )
        sentences.extend(
            {
                "doc_id": doc_id,
                "sentence_index": s.index,
                "paragraph_index": s.paragraph_index,
                "block": s.block,
                "section": s.section,
                "start": s.start,
                "end": s.end,
                "text": text[s.start : s.end],
            }
            for s in doc.sentences
        )
        quotes.extend(_quote_row(doc_id, text, i, q) for i, q in enumerate(doc.quotes))
    return {
        "documents": typed_frame("documents", documents),
        "sentences": typed_frame("sentences", sentences),
        "quotes": typed_frame("quotes", quotes),
    }


def _span_text(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None or end is None else text[start:end]


def _quote_row(doc_id: str, text: str, index: int, q) -> dict:
    return {
        "doc_id": doc_id,
        "quote_index": index,
        "type": q.type,
        "content": text[q.start : q.end],
        "start": q.start,
        "end": q.end,
        "sentence_first": q.sentence_first,
        "sentence_last": q.sentence_last,
        "speaker": _span_text(text, q.speaker_start, q.speaker_end),
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "speaker_name": q.speaker_name,
        "speaker_kind": q.speaker_kind,
        "cue": _span_text(text, q.cue_start, q.cue_end),
        "cue_lemma": q.cue_lemma,
        "cue_start": q.cue_start,
        "cue_end": q.cue_end,
        "confidence": float(q.confidence),
    }


def concat_tables(parts: Sequence[pd.DataFrame], name: str) -> pd.DataFrame:
    """Concatenate frames of one table, keeping the model's dtypes even when all are empty."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return empty_table(name)
    return pd.concat(frames, ignore_index=True)
