"""Build the documents, sentences and quotes tables from processed articles.

Columns and types follow the pandera models in ``schemas/``; ``empty_table`` and the column
order come from them, so a table built here always has the published layout.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from itertools import compress
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
    return _frame_of_columns(name, {column: [row[column] for row in rows] for column in column_kinds(name)})


def _frame_of_columns(name: str, columns: dict[str, list]) -> pd.DataFrame:
    """``typed_frame`` from one list of values per column. It empties ``columns``: each list is
    let go as soon as its column is made, so a batch's rows are not held twice."""
    kinds = column_kinds(name)
    length = len(next(iter(columns.values()))) if columns else 0
    return pd.DataFrame(
        {column: pd.Series(columns.pop(column), dtype=_PANDAS_DTYPES[kind]) for column, kind in kinds.items()},
        index=pd.RangeIndex(length),
    )


def empty_table(name: str) -> pd.DataFrame:
    return typed_frame(name, [])


class TableBuilder:
    """The three tables of a batch, filled one article at a time.

    Rows are kept as one list of values per column, not one dict per row: a batch of 1,000
    articles has about 34,000 sentence rows, and their dicts made most of a worker's memory peak.
    Nothing of an article is kept once it is added, except the values of its rows.
    """

    def __init__(self, ingested_at: dt.datetime, pipeline_version: str):
        self._ingested_at = pd.Timestamp(ingested_at).tz_convert("UTC")
        self._version = pipeline_version
        self._columns = {name: {column: [] for column in column_kinds(name)} for name in TABLES}

    def add(self, source: Source, doc: ProcessedDocument) -> None:
        doc_id, text, parsed = source.doc_id, doc.parsed.text, doc.parsed
        _append(self._columns["documents"], {
            "doc_id": doc_id,
            "source": source.path,
            "content_sha256": source.content_sha256,
            "title": parsed.title,
            "publisher": parsed.publisher,
            "published": parsed.published,
            "url": parsed.url,
            "text": text,
            "encoding": source.encoding,
            "n_sentences": len(doc.sentences),
            "n_quotes": len(doc.quotes),
            "ingested_at": self._ingested_at,
            "pipeline_version": self._version,
        })
        sentences = self._columns["sentences"]
        n = len(doc.sentences)
        sentences["doc_id"].extend([doc_id] * n)
        for s in doc.sentences:
            sentences["sentence_index"].append(s.index)
            sentences["paragraph_index"].append(s.paragraph_index)
            sentences["block"].append(s.block)
            sentences["section"].append(s.section)
            sentences["start"].append(s.start)
            sentences["end"].append(s.end)
            sentences["text"].append(text[s.start : s.end])
        quotes = self._columns["quotes"]
        for i, q in enumerate(doc.quotes):
            _append(quotes, _quote_row(doc_id, text, i, q))

    def drop_unstorable(self) -> list[tuple[str, str, str]]:
        """Take out the articles that have a value of a type its column cannot store, and say
        which: (source, content_sha256, what is wrong) for each.

        Made into a frame (or written to Parquet) with the rest of the part, such a value would
        fail the whole part, and a bug on one article must cost that article only. Each column
        is checked over the whole part at once: a set of its value types, made in C.
        """
        bad: dict[str, str] = {}
        for name, columns in self._columns.items():
            for column, kind in column_kinds(name).items():
                storable, values = _STORABLE[kind], columns[column]
                if set(map(type, values)).issubset(storable):
                    continue  # (subclasses of the storable types go on to the test below)
                for doc_id, value in zip(columns["doc_id"], values):
                    if not isinstance(value, storable) and doc_id not in bad:
                        bad[doc_id] = f"{name}.{column}: {value!r} ({type(value).__name__}) cannot be stored as {kind}"
        if not bad:
            return []
        documents = self._columns["documents"]
        dropped = [
            (source, digest, bad[doc_id])
            for doc_id, source, digest in zip(documents["doc_id"], documents["source"], documents["content_sha256"])
            if doc_id in bad
        ]
        for columns in self._columns.values():
            keep = [doc_id not in bad for doc_id in columns["doc_id"]]
            for column, values in columns.items():
                columns[column] = list(compress(values, keep))
        return dropped

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables of the articles added; the builder is empty afterwards."""
        return {name: _frame_of_columns(name, self._columns.pop(name)) for name in TABLES}


# The Python types each kind of column can be made from (None where the column may be null:
# pandera then judges the nulls). A value of another type fails the frame or its Parquet write.
_STORABLE: dict[str, tuple[type, ...]] = {
    "str": (str, type(None)),
    "int": (int,),
    "Int64": (int, type(None)),
    "float": (float, int),
    "date": (dt.date, type(None)),
    "timestamp": (pd.Timestamp,),
}


def _append(columns: dict[str, list], row: dict) -> None:
    for column, values in columns.items():
        values.append(row[column])


def build_tables(
    articles: Iterable[tuple[Source, ProcessedDocument]],
    ingested_at: dt.datetime,
    pipeline_version: str,
) -> dict[str, pd.DataFrame]:
    builder = TableBuilder(ingested_at, pipeline_version)
    for source, doc in articles:
        builder.add(source, doc)
    return builder.frames()


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
        "confidence": q.confidence,
    }


def concat_tables(parts: Sequence[pd.DataFrame], name: str) -> pd.DataFrame:
    """Concatenate frames of one table, keeping the model's dtypes even when all are empty."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return empty_table(name)
    return pd.concat(frames, ignore_index=True)
