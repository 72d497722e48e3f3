"""The ingest flow: plan, process batches in parallel tasks, publish one new snapshot.

The flow holds the output folder's lock for the whole run, so two runs never interleave.
Only I/O is retried: processing is deterministic, so a failure there would fail again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsquotes.ingest import (
    DEFAULT_BATCH_SIZE,
    Reject,
    WorkItem,
    batches,
    merge_rejects,
    plan,
    process_batch,
    rejects_frame,
)
from newsquotes.storage import PUBLISHED_TABLES, Store


def _is_io_error(task, task_run, state) -> bool:
    try:
        state.result()
    except OSError:
        return True
    except Exception:
        return False
    return False


@dataclass(frozen=True)
class BatchSummary:
    doc_ids: list[str]
    rejects: list[Reject]
    n_sentences: int
    n_quotes: int


@dataclass(frozen=True)
class RunSummary:
    processed: int
    unchanged: int
    rejected: int
    pruned: int
    documents: int
    sentences: int
    quotes: int
    rejects_total: int
    snapshot: str | None

    def lines(self) -> list[str]:
        return [
            f"articles processed: {self.processed}, unchanged: {self.unchanged}, "
            f"rejected: {self.rejected}, pruned: {self.pruned}",
            f"tables now hold: {self.documents} documents, {self.sentences} sentences, "
            f"{self.quotes} quotes, {self.rejects_total} rejects",
        ]


_IO_RETRIES = {"retries": 2, "retry_delay_seconds": 2, "retry_condition_fn": _is_io_error}


@task(name="process-batch", cache_policy=NO_CACHE, persist_result=False, **_IO_RETRIES)
def process_batch_task(items: list[WorkItem], out_dir: str, run_id: str, batch: str, ingested_at: dt.datetime) -> BatchSummary:
    tables, published, rejects = process_batch(items, ingested_at)
    Store(out_dir).stage(run_id, batch, tables, published)
    return BatchSummary(
        list(tables["documents"]["doc_id"]), rejects, len(tables["sentences"]), len(tables["quotes"])
    )


@task(name="publish", cache_policy=NO_CACHE, persist_result=False, **_IO_RETRIES)
def publish_task(out_dir: str, run_id: str, drop_doc_ids: set[str], rejects) -> str:
    return Store(out_dir).publish(run_id, drop_doc_ids, rejects)


@flow(name="newsquotes-ingest")
def ingest_flow(
    raw_dir: str = "data/raw",
    out_dir: str = "data/processed",
    batch_size: int = DEFAULT_BATCH_SIZE,
    prune: bool = False,
) -> RunSummary:
    logger = get_run_logger()
    store = Store(out_dir)
    run_id = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    now = dt.datetime.now(dt.UTC)
    with store.lock():
        store.discard_abandoned_staging()
        work = plan(raw_dir, store, prune)
        logger.info("%d articles to process, %d unchanged", len(work.todo), work.unchanged)
        futures = [
            process_batch_task.submit(items, out_dir, run_id, f"{n:05d}", now)
            for n, items in enumerate(batches(work.todo, batch_size))
        ]
        results: list[BatchSummary] = [f.result() for f in futures]
        new_rejects = list(work.rejects) + [r for b in results for r in b.rejects]
        replaced = {doc_id for b in results for doc_id in b.doc_ids}
        snapshot = None
        if replaced or new_rejects or work.pruned_doc_ids or work.cleared_rejects:
            rejects = merge_rejects(work.kept_rejects, rejects_frame(new_rejects, now))
            snapshot = publish_task(out_dir, run_id, replaced | work.pruned_doc_ids, rejects)
        else:
            store.discard_staging(run_id)
        counts = {table: store.count(table) for table in PUBLISHED_TABLES}
    summary = RunSummary(
        processed=len(replaced),
        unchanged=work.unchanged,
        rejected=len(new_rejects),
        pruned=len(work.pruned_doc_ids),
        documents=counts["documents"],
        sentences=counts["sentences"],
        quotes=counts["quotes"],
        rejects_total=counts["rejects"],
        snapshot=snapshot,
    )
    for line in summary.lines():
        logger.info(line)
    return summary
