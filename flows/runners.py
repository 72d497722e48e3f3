"""Task runners by name: threads, processes, or a Dask cluster (local or remote)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from prefect.settings import PREFECT_API_URL
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("threads", "processes", "dask")


def make_task_runner(kind: str = "threads", workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "processes":
        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as err:  # an optional extra: say how to get it
            raise RuntimeError("the dask runner needs: pip install 'newsquotes[dask]'") from err
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        # One single-threaded worker process per core: the work is pure Python and holds the GIL.
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers or 2, "threads_per_worker": 1, "processes": True}
        )
    raise ValueError(f"unknown runner {kind!r}; choose one of {', '.join(RUNNERS)}")


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
