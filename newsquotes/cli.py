"""The ``newsquotes`` command.

``newsquotes ingest [RAW_DIR] [--out DIR]`` runs the Prefect ingest flow and ends with a short
summary. Exit status: 0 all ingested, 3 finished but some articles were rejected (see the
rejects table), 1 the run could not be done (for example another ingest holds the output).
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FAILED, EXIT_REJECTS = 0, 1, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsquotes", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="turn raw articles into Parquet tables")
    ingest.add_argument("raw_dir", nargs="?", default="data/raw", help="folder of raw articles (default: data/raw)")
    ingest.add_argument("--out", default="data/processed", help="output folder (default: data/processed)")
    ingest.add_argument("--batch-size", type=int, default=None, help="articles per task (default: 500)")
    ingest.add_argument("--prune", action="store_true", help="drop the rows of articles whose file is gone")
    ingest.add_argument("--runner", choices=("threads", "processes", "dask"), default="threads")
    ingest.add_argument("--workers", type=int, default=None, help="parallel workers (default: one per core)")
    ingest.add_argument("--dask-address", default=None, help="scheduler of an existing Dask cluster, tcp://host:port")
    return parser


def _ingest(args: argparse.Namespace) -> int:
    from flows.ingest import ingest_flow
    from flows.runners import make_task_runner
    from newsquotes.ingest import DEFAULT_BATCH_SIZE
    from newsquotes.storage import OutputLockedError

    runner = make_task_runner(args.runner, args.workers, args.dask_address)
    flow = ingest_flow.with_options(task_runner=runner)
    try:
        summary = flow(
            raw_dir=args.raw_dir,
            out_dir=args.out,
            batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
            prune=args.prune,
        )
    except OutputLockedError as err:
        print(f"newsquotes: {err}", file=sys.stderr)
        return EXIT_FAILED
    for line in summary.lines():
        print(line)
    return EXIT_REJECTS if summary.rejected else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Prefect's usage telemetry cannot reach its host from offline machines and logs errors.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if args.command == "ingest":
        return _ingest(args)
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
