"""notebooks/explore.ipynb runs top to bottom on a fresh ingest of the seed and the GUM corpus."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbclient
import nbformat
import pytest

from newsquotes import load
from tests.conftest import GUM_RAW, PACKAGE_PATH, SEED_RAW

pytestmark = pytest.mark.usefixtures("prefect_server")

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "explore.ipynb"


def test_committed_notebook_has_no_outputs():
    """Outputs stay out of git: small diffs, and nothing stale that the reader might trust."""
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["source"]


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    from flows.ingest import ingest_flow

    base = tmp_path_factory.mktemp("notebook")
    raw = base / "raw"
    shutil.copytree(GUM_RAW, raw / "gum")
    shutil.copy(SEED_RAW, raw / SEED_RAW.name)
    out = base / "processed"
    summary = ingest_flow(raw_dir=str(raw), out_dir=str(out))
    assert summary.processed == 25 and summary.quotes > 0
    return out


@pytest.fixture(scope="module")
def executed(processed) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    env = dict(os.environ)
    env.update(NEWSQUOTES_ROOT=str(processed), MPLBACKEND="Agg")
    # The kernel starts in notebooks/: it finds the newsquotes this test imports (the installed build,
    # or the repository when it is not installed), and a relative PYTHONPATH is made absolute.
    env["PYTHONPATH"] = os.pathsep.join(
        [PACKAGE_PATH] + [str(Path(p).resolve()) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    )
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute(env=env)  # raises CellExecutionError, with the cell and traceback, if a cell fails
    return notebook


def tagged(notebook, tag: str):
    cells = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag!r} expected"
    return cells[0]


def shown(cell) -> str:
    """Everything a cell printed or displayed, as text."""
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.data.get("text/plain", ""))
            parts.append(output.data.get("text/html", ""))
    return "\n".join(parts)


def test_every_cell_runs_without_error(executed):
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, errors


def test_outputs_show_the_real_tables(executed, processed):
    quotes = load("quotes", root=processed)
    documents = load("documents", root=processed)
    counts = quotes["speaker_name"].value_counts()
    # The quote extractor still changes: accept any of the speakers (articles) tied for first place.
    top_speakers = set(counts.index[counts == counts.iloc[0]])
    top_titles = set(documents.loc[documents["n_quotes"] == documents["n_quotes"].max(), "title"])

    assert f"{len(documents)} documents" in shown(tagged(executed, "load-pandas"))
    assert str(len(quotes)) in shown(tagged(executed, "load-duckdb"))
    for tag in ("top-speakers", "top-speakers-sql"):
        assert any(name in shown(tagged(executed, tag)) for name in top_speakers), tag
    assert any(title[:40] in shown(tagged(executed, "quotes-per-article")) for title in top_titles)
    types = shown(tagged(executed, "quote-types"))
    assert all(t in types for t in ("direct", "mixed", "indirect"))
    assert "body" in shown(tagged(executed, "blocks"))
    context = shown(tagged(executed, "speaker-context"))
    assert any(f"{name}: {counts.iloc[0]} quotes" in context for name in top_speakers)
    assert "[[" in shown(tagged(executed, "show")) and "↳" in shown(tagged(executed, "show"))
    assert "direct" in shown(tagged(executed, "polars")) or "not installed" in shown(tagged(executed, "polars"))
