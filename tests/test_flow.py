"""The ingest flow under a real Prefect server (started once per session)."""

import shutil

import pandas as pd
import pytest

from flows.ingest import ingest_flow
from newsquotes import load
from newsquotes.cli import main
from newsquotes.storage import Store
from tests.conftest import GUM_RAW, SEED_RAW

pytestmark = pytest.mark.usefixtures("prefect_server")


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(GUM_RAW, folder / "gum")
    shutil.copy(SEED_RAW, folder / SEED_RAW.name)
    return folder


def tables(out) -> dict[str, pd.DataFrame]:
    return {t: load(t, root=out) for t in ("documents", "sentences", "quotes", "rejects")}


def test_corpus_ingests_without_rejects_and_rerun_changes_nothing(raw, tmp_path):
    out = tmp_path / "out"
    first = ingest_flow(raw_dir=str(raw), out_dir=str(out), batch_size=7)
    assert (first.processed, first.rejected) == (25, 0)
    before = tables(out)
    assert sorted(before["documents"]["source"])[:2] == ["000_e5eb417d42e88fd9.txt", "gum/GUM_news_afghan.txt"]
    assert first.sentences == len(before["sentences"]) > 500
    assert before["documents"]["n_quotes"].sum() == len(before["quotes"])

    second = ingest_flow(raw_dir=str(raw), out_dir=str(out), batch_size=7)
    assert (second.processed, second.unchanged, second.snapshot) == (0, 25, None)
    for name, frame in tables(out).items():
        pd.testing.assert_frame_equal(
            frame.sort_values(list(frame.columns[:2])).reset_index(drop=True),
            before[name].sort_values(list(frame.columns[:2])).reset_index(drop=True),
        )


def test_changed_new_and_removed_files(raw, tmp_path):
    out = tmp_path / "out"
    ingest_flow(raw_dir=str(raw), out_dir=str(out))
    seed = raw / SEED_RAW.name
    seed.write_text(seed.read_text().replace("rather strange", "rather odd"))
    (raw / "gum" / "GUM_news_afghan.txt").unlink()
    (raw / "new").mkdir()
    (raw / "new" / "story.txt").write_text("# Rain expected\n\nForecasters said rain would fall on Friday.\n")
    run = ingest_flow(raw_dir=str(raw), out_dir=str(out))
    assert (run.processed, run.pruned) == (2, 0)
    documents = load("documents", root=out)
    assert len(documents) == 26 and documents["source"].is_unique
    sentences = load("sentences", root=out)
    assert sentences["text"].str.contains("rather odd").sum() == 1
    assert not sentences["text"].str.contains("rather strange").any()

    pruned = ingest_flow(raw_dir=str(raw), out_dir=str(out), prune=True)
    assert pruned.pruned == 1
    assert "gum/GUM_news_afghan.txt" not in set(load("documents", root=out)["source"])


def test_cli_summarises_and_exit_status_tells_about_rejects(raw, tmp_path, capsys):
    out = tmp_path / "out"
    (raw / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    status = main(["ingest", str(raw), "--out", str(out), "--batch-size", "10"])
    printed = capsys.readouterr().out
    assert status == 3
    rows = {line.split()[0]: line.split() for line in printed.splitlines()}
    assert rows["processed"][1] == "25" and rows["rejected"][1] == "1"
    assert rows["processed"][4] == "25" and rows["pruned"][4] == "1"  # documents, rejects now held
    rejects = load("rejects", root=out)
    assert list(rejects["source"]) == ["scan.txt"] and "PDF" in rejects.loc[0, "reason"]

    (raw / "scan.txt").write_text("# Fixed\n\nThe file was replaced with real text.\n")
    assert main(["ingest", str(raw), "--out", str(out)]) == 0
    assert load("rejects", root=out).empty
    assert "scan.txt" in set(load("documents", root=out)["source"])


def test_cli_stops_when_another_ingest_holds_the_output(raw, tmp_path, capsys):
    out = tmp_path / "out"
    with Store(out).lock():
        status = main(["ingest", str(raw), "--out", str(out)])
    assert status == 1
    assert "another ingest" in capsys.readouterr().err
    assert not (out / "documents").exists()


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("doc_id", "sentence_index", "quote_index", "source") if c in frame]
    return frame.drop(columns=["ingested_at"], errors="ignore").sort_values(keys).reset_index(drop=True)


@pytest.mark.parametrize("runner", ["processes", "dask"])
def test_parallel_runners_give_the_same_tables_as_threads(raw, tmp_path, runner):
    from flows.runners import make_task_runner

    ingest_flow(raw_dir=str(raw), out_dir=str(tmp_path / "threads"), batch_size=6)
    parallel = ingest_flow.with_options(task_runner=make_task_runner(runner, workers=2))
    summary = parallel(raw_dir=str(raw), out_dir=str(tmp_path / runner), batch_size=6)
    assert summary.processed == 25
    for name in ("documents", "sentences", "quotes"):
        pd.testing.assert_frame_equal(
            _sorted(load(name, root=tmp_path / runner)), _sorted(load(name, root=tmp_path / "threads"))
        )


def test_process_workers_are_gone_before_publishing(raw, tmp_path, monkeypatch):
    """Idle workers would hold their memory through the publish step, on top of its own."""
    import multiprocessing

    from flows.runners import make_task_runner

    alive_at_publish = []
    publish = Store.publish

    def watched(self, *args, **kwargs):
        alive_at_publish.extend(multiprocessing.active_children())
        return publish(self, *args, **kwargs)

    monkeypatch.setattr(Store, "publish", watched)
    run = ingest_flow.with_options(task_runner=make_task_runner("processes", workers=2))
    summary = run(raw_dir=str(raw), out_dir=str(tmp_path / "out"), batch_size=6)
    assert summary.processed == 25 and summary.snapshot is not None
    assert alive_at_publish == []


def test_cli_show_prints_an_ingested_article_and_rejects_unknown_ids(raw, tmp_path, capsys):
    out = tmp_path / "out"
    ingest_flow(raw_dir=str(raw), out_dir=str(out))
    capsys.readouterr()
    assert main(["show", SEED_RAW.name, "--out", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "Lavrov Says U.S. Should Cooperate with Syria Over Islamic State" in shown
    assert "[[" in shown and "Sergei Lavrov" in shown
    assert main(["show", "no-such-article", "--out", str(out)]) == 1
    assert "no-such-article" in capsys.readouterr().err


def test_each_run_publishes_a_report_artifact_with_counts_and_rejects(raw, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, ArtifactFilterFlowRunId

    (raw / "empty.txt").write_bytes(b"")
    state = ingest_flow(raw_dir=str(raw), out_dir=str(tmp_path / "out"), return_state=True)
    run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["newsquotes-ingest-report"]),
                flow_run_id=ArtifactFilterFlowRunId(any_=[run_id]),
            )
        )
    assert len(artifacts) == 1
    report = artifacts[0].data
    assert "| articles processed | 25 |" in report
    assert "| empty.txt | decode | empty file |" in report


def test_bounded_submission_keeps_at_most_the_limit_in_flight_and_yields_every_batch():
    from flows.ingest import _bounded

    submitted, seen = [], []

    class Finished:  # stands in for a Prefect future whose task is done
        def __init__(self, n):
            self.n = n

        def add_done_callback(self, fn):
            fn(self)

        def result(self):
            return self.n

    def submit(n, items):
        submitted.append(items)
        assert len(submitted) - len(seen) <= 3  # never more than the limit submitted and not read
        return Finished(n)

    drawn = []

    def work():  # batches are drawn only when there is room for them
        for n in range(7):
            drawn.append(n)
            assert len(drawn) - len(seen) <= 3
            yield [n]

    for result in _bounded(submit, work(), limit=3):
        seen.append(result)
    assert seen == list(range(7)) and submitted == [[n] for n in range(7)]
