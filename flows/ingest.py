"""The ingest flow: plan, process batches in parallel tasks, publish one new snapshot.

The flow holds the output folder's lock for the whole run, so two runs never interleave.
Only I/O is retried: processing is deterministic, so a failure there would fail again.
"""

from __future__ import annotations

import datetime as dt
import errno
import queue
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner

from flows.report import progress_bar, run_report
from flows.runners import concurrency, start_workers, stop_workers

from newsquotes.ingest import (
    DEFAULT_BATCH_SIZE,
    BatchSummary,
    Plan,
    WorkItem,
    batches,
    merge_rejects,
    plan_items,
    rejects_frame,
    stage_batch,
)
from newsquotes.storage import PUBLISHED_TABLES, Store

# Batches submitted and not yet finished, per worker: enough that a worker finds the next batch
# queued when it finishes one, few enough that the flow (and Prefect's API) hold the work items,
# futures and results of a handful of batches, not of all of them.
_IN_FLIGHT_PER_WORKER = 2
# A Dask cluster does not say how many workers it has (it may grow during a run): enough batches
# for a large cluster, and still a bound on what the flow holds.
_IN_FLIGHT_UNKNOWN = 64


# I/O errors that a retry seconds later cannot cure: a full disk, a quota, a read-only mount.
_LASTING = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def _is_io_error(task, task_run, state) -> bool:
    """Retry a task only for a passing I/O error: processing is deterministic."""
    try:
        state.result()
    except OSError as err:
        return err.errno not in _LASTING
    except Exception:
        return False
    return False


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

    def table(self) -> str:
        """The summary as a small table for the terminal."""
        rows = [
            ("processed", self.processed, "documents", self.documents),
            ("unchanged", self.unchanged, "sentences", self.sentences),
            ("rejected", self.rejected, "quotes", self.quotes),
            ("pruned", self.pruned, "rejects", self.rejects_total),
        ]
        lines = [f"{'articles':<10} {'this run':>9}  |  {'tables now':<10} {'rows':>9}"]
        lines += [f"{a:<10} {b:>9,}  |  {c:<10} {d:>9,}" for a, b, c, d in rows]
        return "\n".join(lines)


_IO_RETRIES = {"retries": 2, "retry_delay_seconds": 2, "retry_condition_fn": _is_io_error}


@task(name="process-batch", cache_policy=NO_CACHE, persist_result=False, **_IO_RETRIES)
def process_batch_task(
    items: list[WorkItem], out_dir: str, run_id: str, batch: str, ingested_at: dt.datetime, fields: dict | None
) -> BatchSummary:
    return stage_batch(items, Store(out_dir), run_id, batch, ingested_at, fields)


@task(name="publish", cache_policy=NO_CACHE, persist_result=False, **_IO_RETRIES)
def publish_task(out_dir: str, run_id: str, drop_doc_ids: set[str], rejects) -> str:
    return Store(out_dir).publish(run_id, drop_doc_ids, rejects)


def _in_flight_limit(runner: TaskRunner) -> int:
    workers = concurrency(runner)
    return workers * _IN_FLIGHT_PER_WORKER if workers else _IN_FLIGHT_UNKNOWN


def _bounded(
    submit: Callable[[int, list[WorkItem]], PrefectFuture], work: Iterable[list[WorkItem]], limit: int
) -> Iterator[BatchSummary]:
    """Each batch's summary as it finishes, with at most ``limit`` batches submitted and not yet
    finished.

    Batches are drawn from ``work`` only when there is room for them (the plan hashes files as
    they are drawn) and a finished future is dropped once read, so nothing of a batch stays in
    memory after it is done.
    """
    finished: queue.SimpleQueue[PrefectFuture] = queue.SimpleQueue()
    work = iter(work)
    submitted = in_flight = 0
    while True:
        while in_flight < limit:
            items = next(work, None)
            if items is None:
                break
            submit(submitted, items).add_done_callback(finished.put)
            submitted += 1
            in_flight += 1
        if not in_flight:
            return
        in_flight -= 1
        yield finished.get().result()


@flow(name="newsquotes-ingest")
def ingest_flow(
    raw_dir: str = "data/raw",
    out_dir: str = "data/processed",
    batch_size: int = DEFAULT_BATCH_SIZE,
    prune: bool = False,
    show_progress: bool = False,
    fields: dict[str, str] | None = None,
) -> RunSummary:
    logger = get_run_logger()
    store = Store(out_dir)
    run_id = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    now = dt.datetime.now(dt.UTC)
    runner = FlowRunContext.get().task_runner
    with store.lock():
        store.discard_abandoned_staging()
        # Files are hashed as batches are drawn, so the flow holds the batches in flight, not the
        # raw folder; the workers start up (once there is work) while the rest is hashed.
        work = Plan()
        items = plan_items(raw_dir, store, work, prune, on_work=lambda: start_workers(runner))
        planned = 0

        def submit(n: int, items: list[WorkItem]) -> PrefectFuture:
            nonlocal planned
            planned += len(items)
            return process_batch_task.submit(items, out_dir, run_id, f"{n:05d}", now, fields)

        # Each batch's summary is folded into these totals and dropped as it finishes.
        batch_rejects, replaced, ingested, files = [], set(), 0, 0
        with progress_bar(enabled=show_progress) as show:
            for done in _bounded(submit, batches(items, batch_size), _in_flight_limit(runner)):
                batch_rejects += done.rejects
                replaced |= done.replaced_doc_ids
                ingested += done.ingested
                files += done.files
                show(files, planned)
        stop_workers(runner)
        logger.info("%d files processed, %d unchanged", files, work.unchanged)
        new_rejects = work.rejects + batch_rejects
        snapshot = None
        if ingested or replaced or new_rejects or work.pruned_doc_ids or work.cleared_rejects:
            rejects = merge_rejects(work.kept_rejects, rejects_frame(new_rejects, now))
            replaced |= work.pruned_doc_ids
            snapshot = publish_task(out_dir, run_id, replaced, rejects)
        else:
            store.discard_staging(run_id)
        counts = {table: store.count(table) for table in PUBLISHED_TABLES}
    summary = RunSummary(
        processed=ingested,
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
    create_markdown_artifact(
        key="newsquotes-ingest-report", markdown=run_report(summary, new_rejects), description="newsquotes ingest run"
    )
    return summary
