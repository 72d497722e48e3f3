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


def _span_check(texts: Mapping[str, str], column: str, start: str, end: str) -> pa.Check:
    """True where the row's text equals its document's text at its offsets (or the span is absent).

    Texts are looked up per row in a dict rather than joined on as a column: a join would copy a
    long article once per sentence.
    """

    def spans_match(df: pd.DataFrame) -> pd.Series:
        rows = zip(df["doc_id"].tolist(), df[column].tolist(), df[start].tolist(), df[end].tolist(), strict=True)
        ok = [
            True if pd.isna(s) else (isinstance(t, str) and d in texts and texts[d][int(s) : int(e)] == t)
            for d, t, s, e in rows
        ]
        return pd.Series(ok, index=df.index, dtype=bool)

    return pa.Check(spans_match, name=f"{column}_equals_documents_text")


def _view_schemas(texts: Mapping[str, str]) -> dict[str, pa.DataFrameSchema]:
    exists = pa.Check(lambda df: df["doc_id"].isin(texts.keys()), name="document_exists")
    return {
        "documents": pa.DataFrameSchema(
            checks=[
                pa.Check(lambda df: df["n_sentences"] == df["_sentences"], name="n_sentences_counts_sentences"),
                pa.Check(lambda df: df["n_quotes"] == df["_quotes"], name="n_quotes_counts_quotes"),
            ]
        ),
        "sentences": pa.DataFrameSchema(checks=[exists, _span_check(texts, "text", "start", "end")]),
        "quotes": pa.DataFrameSchema(
            checks=[
                exists,
                _span_check(texts, "content", "start", "end"),
                _span_check(texts, "speaker", "speaker_start", "speaker_end"),
                _span_check(texts, "cue", "cue_start", "cue_end"),
                pa.Check(lambda df: df["_first_start"].notna() & df["_last_end"].notna(), name="sentences_exist"),
                pa.Check(
                    lambda df: (df["_first_start"] <= df["start"]) & (df["end"] <= df["_last_end"]),
                    name="inside_its_sentences",
                ),
            ]
        ),
    }


def _failures(err: SchemaErrors, table: str, doc_ids: pd.Series) -> pd.DataFrame:
    cases = err.failure_cases.copy()
    index = pd.to_numeric(cases["index"], errors="coerce")
    cases["doc_id"] = [doc_ids.get(i) if pd.notna(i) else None for i in index]
    cases["table"] = table
    return cases[_FAILURE_COLUMNS]


def _views(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables with the columns the cross-table checks compare: sentence bounds, row counts."""
    documents, sentences, quotes = tables["documents"], tables["sentences"], tables["quotes"]
    bounds = sentences.set_index(["doc_id", "sentence_index"])
    first = pd.MultiIndex.from_arrays([quotes["doc_id"], quotes["sentence_first"]])
    last = pd.MultiIndex.from_arrays([quotes["doc_id"], quotes["sentence_last"]])
    quote_view = quotes.assign(
        _first_start=bounds["start"].reindex(first).to_numpy(),
        _last_end=bounds["end"].reindex(last).to_numpy(),
    )
    document_view = documents.assign(
        _sentences=documents["doc_id"].map(sentences["doc_id"].value_counts()).fillna(0),
        _quotes=documents["doc_id"].map(quotes["doc_id"].value_counts()).fillna(0),
    )
    return {"sentences": sentences, "quotes": quote_view, "documents": document_view}


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
        documents = tables["documents"]
        schemas = _view_schemas(dict(zip(documents["doc_id"].tolist(), documents["text"].tolist())))
        for name, view in _views(tables).items():
            try:
                schemas[name].validate(view, lazy=True)
            except SchemaErrors as err:
                failures.append(_failures(err, name, view["doc_id"]))
    if failures:
        raise TableValidationError(pd.concat(failures, ignore_index=True))
