"""newsquotes: news articles in, analytic tables of sentences and quotes with speakers out.

In a notebook::

    import newsquotes
    tables = newsquotes.process_text(open("article.txt").read())   # no Prefect, no files
    quotes = newsquotes.load("quotes", root="data/processed")       # the published table
"""

from __future__ import annotations

__version__ = "0.1.0"

import datetime as _dt

import pandas as _pd

TABLE_NAMES = ("documents", "sentences", "quotes", "rejects")


def load(table: str, root: str = "data/processed", columns: list[str] | None = None) -> _pd.DataFrame:
    """A published table (documents, sentences, quotes or rejects) as a pandas DataFrame."""
    from newsquotes.storage import Store

    if table not in TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLE_NAMES)}")
    return Store(root).read(table, columns)


def process_text(text: str, source: str = "<text>") -> dict[str, _pd.DataFrame]:
    """The documents, sentences and quotes tables for one article given as a string."""
    from newsquotes.pipeline import process_raw
    from newsquotes.tables import Source, build_tables, sha256_hex

    processed = process_raw(text)
    origin = Source(source, sha256_hex(text.encode("utf-8")), "str")
    return build_tables([(origin, processed)], _dt.datetime.now(_dt.UTC), __version__)
