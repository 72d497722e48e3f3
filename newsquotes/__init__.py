"""newsquotes: news articles in, analytic tables of sentences and quotes with speakers out.

In a notebook::

    import newsquotes
    tables = newsquotes.process_text(open("article.txt").read())   # no Prefect, no files
    quotes = newsquotes.load("quotes", root="data/processed")       # the published table
"""

from __future__ import annotations

__version__ = "0.1.0"

import datetime as _dt
import importlib.machinery as _machinery
import importlib.util as _importlib_util

import pandas as _pd

TABLE_NAMES = ("documents", "sentences", "quotes", "rejects")


def _core_is_compiled() -> bool:
    """Is the quote extractor a C extension (a regular install compiles it with mypyc, see
    setup.py), rather than the Python source? Found without importing it."""
    spec = _importlib_util.find_spec("newsquotes.quotes")
    return spec is not None and (spec.origin or "").endswith(tuple(_machinery.EXTENSION_SUFFIXES))


compiled = _core_is_compiled()
BUILD = "compiled core (mypyc)" if compiled else "pure Python"  # as `newsquotes --version` shows it


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
