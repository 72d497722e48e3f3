"""`newsquotes serve` against a real Prefect server: a deployment that a trigger runs."""

import os
import shutil
import subprocess
import time
import uuid

import pytest
from prefect.client.orchestration import get_client
from prefect.deployments import run_deployment

from newsquotes import load
from tests.conftest import CHILD_PYTHON, PACKAGE_PATH, SEED_RAW

pytestmark = pytest.mark.usefixtures("prefect_server")


def _wait_for_deployment(name: str, process: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"serve exited early:\n{process.stdout.read()}")
            try:
                client.read_deployment_by_name(name)
                return
            except Exception:
                time.sleep(0.5)
    raise AssertionError(f"deployment {name} never appeared")


def test_served_deployment_runs_when_triggered_and_writes_tables(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    shutil.copy(SEED_RAW, raw)
    name = f"test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "PYTHONPATH": PACKAGE_PATH, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    serve = subprocess.Popen(
        [*CHILD_PYTHON, "-m", "newsquotes.cli", "serve", str(raw), "--out", str(out),
         "--cron", "0 0 1 1 *", "--name", name],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        _wait_for_deployment(f"newsquotes-ingest/{name}", serve)
        run = run_deployment(f"newsquotes-ingest/{name}", timeout=240)
        assert run.state.is_completed(), run.state
    finally:
        serve.terminate()
        serve.wait(30)
    documents = load("documents", root=out)
    assert list(documents["source"]) == [SEED_RAW.name]
    assert len(load("sentences", root=out)) == documents.loc[0, "n_sentences"] > 10
