"""The tables' columns, types and per-table invariants: the single source of truth.

Column names are a contract that outside tools read; change them only with a new SCHEMA_VERSION.
Nullable integer columns use pandas' "Int64" so that a missing offset stays missing instead of
turning the column into floats.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

SCHEMA_VERSION = "1"

BLOCKS = ["title", "heading", "caption", "body"]
QUOTE_TYPES = ["direct", "mixed", "indirect"]
SPEAKER_KINDS = ["name", "pronoun", "role", "organization"]
REJECT_STAGES = ["read", "decode", "parse", "segment", "extract", "validate"]

UtcTimestamp = pd.DatetimeTZDtype(unit="us", tz="UTC")


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True  # no column outside the contract slips into the published tables
        ordered = True
        coerce = False


class DocumentsModel(_Strict):
    doc_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    source: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    title: Series[str]
    publisher: Series[str] = pa.Field(nullable=True)
    published: Series[pandas_engine.Date] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    text: Series[str]
    encoding: Series[str]
    n_sentences: Series[int] = pa.Field(ge=0)
    n_quotes: Series[int] = pa.Field(ge=0)
    ingested_at: Series[UtcTimestamp]  # type: ignore[valid-type]
    pipeline_version: Series[str]


class SentencesModel(_Strict):
    doc_id: Series[str]
    sentence_index: Series[int] = pa.Field(ge=0)
    paragraph_index: Series[int] = pa.Field(ge=0)
    block: Series[str] = pa.Field(isin=BLOCKS)
    section: Series[str] = pa.Field(nullable=True)
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=0)
    text: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        unique = ["doc_id", "sentence_index"]

    @pa.dataframe_check(error="a sentence must be a non-empty span: start < end")
    def span_not_empty(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]


class QuotesModel(_Strict):
    doc_id: Series[str]
    quote_index: Series[int] = pa.Field(ge=0)
    type: Series[str] = pa.Field(isin=QUOTE_TYPES)
    content: Series[str] = pa.Field(str_length={"min_value": 1})
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=0)
    sentence_first: Series[int] = pa.Field(ge=0)
    sentence_last: Series[int] = pa.Field(ge=0)
    speaker: Series[str] = pa.Field(nullable=True)
    speaker_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    speaker_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    speaker_name: Series[str] = pa.Field(nullable=True)
    speaker_kind: Series[str] = pa.Field(nullable=True, isin=SPEAKER_KINDS)
    cue: Series[str] = pa.Field(nullable=True)
    cue_lemma: Series[str] = pa.Field(nullable=True)
    cue_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    cue_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0)

    class Config:
        unique = ["doc_id", "quote_index"]

    @pa.dataframe_check(error="a quote must be a non-empty span: start < end")
    def span_not_empty(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]

    @pa.dataframe_check(error="sentence_first must not come after sentence_last")
    def sentences_in_order(cls, df: pd.DataFrame) -> Series[bool]:
        return df["sentence_first"] <= df["sentence_last"]

    @pa.dataframe_check(error="speaker, speaker_start and speaker_end are set together")
    def speaker_complete(cls, df: pd.DataFrame) -> Series[bool]:
        present = df[["speaker", "speaker_start", "speaker_end"]].notna()
        return present.all(axis=1) | ~present.any(axis=1)

    @pa.dataframe_check(error="cue, cue_lemma, cue_start and cue_end are set together")
    def cue_complete(cls, df: pd.DataFrame) -> Series[bool]:
        present = df[["cue", "cue_lemma", "cue_start", "cue_end"]].notna()
        return present.all(axis=1) | ~present.any(axis=1)


class RejectsModel(_Strict):
    source: Series[str] = pa.Field(unique=True)
    content_sha256: Series[str] = pa.Field(nullable=True, str_matches=r"^[0-9a-f]{64}$")
    stage: Series[str] = pa.Field(isin=REJECT_STAGES)
    reason: Series[str]
    detail: Series[str] = pa.Field(nullable=True)
    rejected_at: Series[UtcTimestamp]  # type: ignore[valid-type]
    pipeline_version: Series[str]


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "documents": DocumentsModel,
    "sentences": SentencesModel,
    "quotes": QuotesModel,
    "rejects": RejectsModel,
}
