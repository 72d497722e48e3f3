"""Task runners by name: threads, processes, or a Dask cluster (local or remote)."""

from __future__ import annotations

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
