"""Shared fixtures: paths to the test data and one Prefect test server per session."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

import newsquotes

DATA = Path(__file__).parent / "data"
SEED_RAW = DATA / "seed" / "000_e5eb417d42e88fd9.txt"
SEED_GOLD = DATA / "seed" / "gold.json"
GUM_RAW = DATA / "gum-news" / "raw"
GUM_GOLD = DATA / "gum-news" / "gold"

# The tests run the newsquotes they import: the installed build (``--import-mode=append`` in
# pyproject.toml keeps the repository behind site-packages). A child Python given these
# arguments and ``PYTHONPATH=PACKAGE_PATH`` imports the same one: ``-P`` keeps its working
# directory, which ``-m`` would put first, off sys.path.
PACKAGE_PATH = str(Path(newsquotes.__file__).resolve().parents[1])
CHILD_PYTHON = [sys.executable, "-P"]

# Prefect reads its home at import time: keep the suite away from the user's ~/.prefect.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="newsquotes-prefect-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def pytest_terminal_summary(terminalreporter) -> None:
    """Say which build was tested, at the end (``-q``, as in the README's command, drops the
    header): CI's log then shows that the compiled core passed, not only the sources."""
    terminalreporter.write_line(f"tested newsquotes {newsquotes.__version__}, {newsquotes.BUILD}, from {PACKAGE_PATH}")


@pytest.fixture(scope="session")
def prefect_server():
    """A real Prefect API server on loopback, started once for the whole session."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        # Worker processes (process pool, Dask) inherit the environment, not Prefect's settings.
        os.environ["PREFECT_API_URL"] = PREFECT_API_URL.value()
        try:
            yield
        finally:
            del os.environ["PREFECT_API_URL"]


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture
def seed_raw() -> str:
    return SEED_RAW.read_text(encoding="utf-8")
