"""Task runners by name: threads, processes, or a Dask cluster (local or remote)."""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterator

from prefect.settings import PREFECT_API_URL
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("threads", "processes", "dask")


def _set_worker_environment() -> None:
    """Worker processes (and Prefect's temporary API server) inherit this environment, which keeps
    their memory flat batch after batch.

    Arrow's default allocator (mimalloc) keeps the pages a process frees for reuse, so a worker
    that builds and writes batch after batch holds on to its largest batch's memory; the system
    allocator hands them back (two workers over 100,000 articles, median resident memory
    0.59-0.60 GiB against 0.65-0.67 GiB). Arrow reads the choice when a process imports it.

    The system allocator (glibc's) raises its threshold for serving a block from its own heap each
    time a large block is freed, so a batch's large buffers come to live in the heap, and the free
    gaps they leave grow with the number of batches (a worker over 45 batches: 195 -> 203 MiB).
    A fixed threshold, and handing back a heap's free top beyond 128 KiB, keep it flat
    (191 -> 193 MiB). glibc reads these when a process starts; other C libraries ignore them.
    """
    for name, value in (
        ("ARROW_DEFAULT_MEMORY_POOL", "system"),
        ("MALLOC_MMAP_THRESHOLD_", "131072"),
        ("MALLOC_TRIM_THRESHOLD_", "131072"),
    ):
        os.environ.setdefault(name, value)  # (a user's own choice stands)


def _preload() -> None:
    """Import what a batch task needs (Prefect's task engine, pandas, pandera, the library)."""
    for module in ("prefect.task_engine", "flows.ingest"):
        importlib.import_module(module)


def start_workers(runner: TaskRunner) -> None:
    """Start a process pool's workers now, each importing what a batch task needs.

    Prefect's pool starts a worker when a task is first submitted, and a fresh worker spends
    seconds importing; the flow submits its first batch only after planning (hashing every raw
    file, on one core). Started first, the workers import on the other cores while the flow
    plans. Other runners are left as they are.
    """
    executor = getattr(runner, "_executor", None)  # (a private attribute: absent, nothing is started)
    if isinstance(runner, ProcessPoolTaskRunner) and executor is not None:
        # The pool starts one worker per submission until it has max_workers; these calls
        # are plain functions, not Prefect tasks, so no task run appears for them.
        for _ in range(concurrency(runner) or 0):
            executor.submit(_preload)


def stop_workers(runner: TaskRunner) -> None:
    """Stop a process pool's workers once every batch is done.

    Publishing runs in the flow's own process; idle workers would hold their memory (a quarter
    of a GiB each) through it, and the run's peak would be their memory plus the publish's.
    ``cancel_all`` shuts the pool down (there is nothing left to cancel); leaving the flow calls
    it again, which does nothing more. Other runners are left as they are: threads share the
    flow's memory, and a Dask cluster may be shared.
    """
    if isinstance(runner, ProcessPoolTaskRunner):
        runner.cancel_all()


def make_task_runner(kind: str = "threads", workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "processes":
        _set_worker_environment()
        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as err:  # an optional extra: say how to get it
            raise RuntimeError("the dask runner needs: pip install 'newsquotes[dask]'") from err
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        _set_worker_environment()
        # One single-threaded worker process per core: the work is pure Python and holds the GIL.
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers or 2, "threads_per_worker": 1, "processes": True}
        )
    raise ValueError(f"unknown runner {kind!r}; choose one of {', '.join(RUNNERS)}")


def concurrency(runner: TaskRunner) -> int | None:
    """How many tasks the runner runs at once, when it is fixed: Prefect's thread and process
    pools have a set number of workers; a Dask cluster can grow or shrink during a run."""
    return getattr(runner, "_max_workers", None)


@contextlib.contextmanager
def shared_api_server(kind: str) -> Iterator[None]:
    """Give worker processes one Prefect API to report to.

    Without a configured server, Prefect starts a temporary one per process; worker processes
    (processes, dask) would each start their own, which costs seconds per worker. Start one
    here and hand its address to the workers through the environment they inherit.
    """
    if kind == "threads" or PREFECT_API_URL.value() or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=120)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        # Deliver buffered logs and events while the server still listens; after it stops
        # they would be retried against a closed port for minutes.
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=10)
        EventsWorker.drain_all()
        del os.environ["PREFECT_API_URL"]
        server.stop()
