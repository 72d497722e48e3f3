"""Invariants that span tables, checked with pandera on joined views of a batch.

Per-table models (schemas/tables.py) cannot see the document text, so the span contract
(``documents.text[start:end]`` equals every span's text) and the foreign keys are checked here.
Every failure is reported with the ``doc_id`` it belongs to, so that a caller can reject the
offending articles and keep the rest of the batch.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from schemas.tables import MODELS

_FAILURE_COLUMNS = ["table", "check", "column", "doc_id", "failure_case"]


class TableValidationError(ValueError):
    """The batch broke the contract; ``failure_cases`` says where, one row per failure."""

    def __init__(self, failure_cases: pd.DataFrame):
        self.failure_cases = failure_cases
        summary = failure_cases.groupby(["table", "check"]).size().to_dict()
        super().__init__(f"{len(failure_cases)} contract violations: {summary}")

    @property
    def doc_ids(self) -> set[str]:
        return set(self.failure_cases["doc_id"].dropna())


def _spans_match(df: pd.DataFrame, text_column: str, start: str, end: str) -> pd.Series:
    """True where the row's text equals the document text at its offsets (or the span is absent)."""
    ok = [
        True if pd.isna(s) else (isinstance(doc, str) and isinstance(t, str) and doc[int(s) : int(e)] == t)
        for doc, t, s, e in zip(df["_doc_text"], df[text_column], df[start], df[end], strict=True)
    ]
    return pd.Series(ok, index=df.index)


def _span_check(table_text: str, start: str, end: str) -> pa.Check:
    return pa.Check(
        lambda df: _spans_match(df, table_text, start, end), name=f"{table_text}_equals_documents_text"
    )


def _exists(df: pd.DataFrame) -> pd.Series:
    return df["_doc_text"].notna()


_DOC_EXISTS = pa.Check(_exists, name="document_exists")

_SENTENCE_VIEW = pa.DataFrameSchema(
    checks=[_DOC_EXISTS, _span_check("text", "start", "end")],
)
_QUOTE_VIEW = pa.DataFrameSchema(
    checks=[
        _DOC_EXISTS,
        _span_check("content", "start", "end"),
        _span_check("speaker", "speaker_start", "speaker_end"),
        _span_check("cue", "cue_start", "cue_end"),
        pa.Check(
            lambda df: df["_first_start"].notna() & df["_last_end"].notna(),
            name="sentences_exist",
        ),
        pa.Check(
            lambda df: (df["_first_start"] <= df["start"]) & (df["end"] <= df["_last_end"]),
            name="inside_its_sentences",
        ),
    ],
)
_DOCUMENT_VIEW = pa.DataFrameSchema(
    checks=[
        pa.Check(
            lambda df: df["n_sentences"] == df["_sentences"],
            name="n_sentences_counts_sentences",
        ),
        pa.Check(
            lambda df: df["n_quotes"] == df["_quotes"],
            name="n_quotes_counts_quotes",
        ),
    ],
)


def _failures(err: SchemaErrors, table: str, doc_ids: pd.Series) -> pd.DataFrame:
    cases = err.failure_cases.copy()
    index = pd.to_numeric(cases["index"], errors="coerce")
    cases["doc_id"] = [doc_ids.get(i) if pd.notna(i) else None for i in index]
    cases["table"] = table
    return cases[_FAILURE_COLUMNS]


def _views(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    documents, sentences, quotes = tables["documents"], tables["sentences"], tables["quotes"]
    doc_text = documents.set_index("doc_id")["text"]
    sentence_view = sentences.assign(_doc_text=sentences["doc_id"].map(doc_text))
    bounds = sentences.set_index(["doc_id", "sentence_index"])
    first = pd.MultiIndex.from_arrays([quotes["doc_id"], quotes["sentence_first"]])
    last = pd.MultiIndex.from_arrays([quotes["doc_id"], quotes["sentence_last"]])
    quote_view = quotes.assign(
        _doc_text=quotes["doc_id"].map(doc_text),
        _first_start=bounds["start"].reindex(first).to_numpy(),
        _last_end=bounds["end"].reindex(last).to_numpy(),
    )
    document_view = documents.assign(
        _sentences=documents["doc_id"].map(sentences["doc_id"].value_counts()).fillna(0),
        _quotes=documents["doc_id"].map(quotes["doc_id"].value_counts()).fillna(0),
    )
    return {"sentences": sentence_view, "quotes": quote_view, "documents": document_view}


_VIEW_SCHEMAS = {"documents": _DOCUMENT_VIEW, "sentences": _SENTENCE_VIEW, "quotes": _QUOTE_VIEW}


def validate_tables(tables: Mapping[str, pd.DataFrame]) -> None:
    """Validate every table and the invariants between them, lazily; raise once with all failures.

    Cross-table checks run only on tables that passed their own models, since a view of a table
    with a missing column or a wrong type would fail for reasons already reported.
    """
    failures = []
    for name, frame in tables.items():
        id_column = "doc_id" if "doc_id" in frame else "source"
        try:
            MODELS[name].validate(frame, lazy=True)
        except SchemaErrors as err:
            failures.append(_failures(err, name, frame[id_column]))
    if not failures and {"documents", "sentences", "quotes"} <= tables.keys():
        for name, view in _views(tables).items():
            try:
                _VIEW_SCHEMAS[name].validate(view, lazy=True)
            except SchemaErrors as err:
                failures.append(_failures(err, name, view["doc_id"]))
    if failures:
        raise TableValidationError(pd.concat(failures, ignore_index=True))
