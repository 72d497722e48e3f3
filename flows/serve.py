"""Serve the ingest flow as a Prefect deployment on a schedule (needs a running Prefect server)."""

from __future__ import annotations

from pathlib import Path

from prefect.deployments.runner import EntrypointType

from flows.ingest import ingest_flow
from newsquotes.ingest import DEFAULT_BATCH_SIZE

DEPLOYMENT = "scheduled"


def serve_ingest(
    raw_dir: str,
    out_dir: str,
    cron: str,
    name: str = DEPLOYMENT,
    batch_size: int = DEFAULT_BATCH_SIZE,
    prune: bool = False,
    fields: dict[str, str] | None = None,
) -> None:
    """Block, running the ingest flow on every tick of ``cron`` and whenever it is triggered.

    Folders are made absolute, so runs do not depend on where the worker process starts.
    """
    ingest_flow.serve(
        name=name,
        cron=cron,
        parameters={
            "raw_dir": str(Path(raw_dir).resolve()),
            "out_dir": str(Path(out_dir).resolve()),
            "batch_size": batch_size,
            "prune": prune,
            "fields": fields,
        },
        description=f"newsquotes ingest of {raw_dir} into {out_dir}",
        # Runs import the flow from the installed package, not from a file path.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
