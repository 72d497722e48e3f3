"""The ``newsquotes`` command.

- ``newsquotes ingest [RAW_DIR] [--out DIR]`` runs the Prefect ingest flow and ends with a summary.
  Exit status: 0 all ingested, 3 finished but some files were rejected (see the rejects table),
  1 the run could not be done (for example another ingest holds the output).
- ``newsquotes serve --cron "0 * * * *" [RAW_DIR]`` serves the ingest flow as a scheduled deployment.
- ``newsquotes show DOC_ID`` prints an article with its quotes highlighted and attributed.
- ``newsquotes --version`` tells the version and the build: compiled core (mypyc) or pure Python.
"""

from __future__ import annotations

import argparse
import os
import sys

from newsquotes import BUILD, __version__

EXIT_OK, EXIT_FAILED, EXIT_REJECTS = 0, 1, 3


def _add_ingest_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("raw_dir", nargs="?", default="data/raw", help="folder of raw articles (default: data/raw)")
    command.add_argument("--out", default="data/processed", help="output folder (default: data/processed)")
    command.add_argument("--batch-size", type=int, default=None, help="articles per task (default: 1000)")
    command.add_argument("--prune", action="store_true", help="drop the rows of articles whose file is gone")
    command.add_argument("--field", action="append", default=[], metavar="OURS=THEIRS",
                         help="JSONL field name mapping, e.g. --field text=body (fields: title, text, date, url, publisher)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsquotes", description="News articles in, quote tables out.")
    parser.add_argument("--version", action="version", version=f"newsquotes {__version__}, {BUILD}")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="turn raw articles into Parquet tables")
    _add_ingest_options(ingest)
    ingest.add_argument("--runner", choices=("threads", "processes", "dask"), default="processes",
                        help="where batches run (default: processes, one per core)")
    ingest.add_argument("--workers", type=int, default=None, help="parallel workers (default: one per core)")
    ingest.add_argument("--dask-address", default=None, help="scheduler of an existing Dask cluster, tcp://host:port")
    serve = commands.add_parser("serve", help="run the ingest flow on a schedule (needs a Prefect server)")
    _add_ingest_options(serve)
    serve.add_argument("--cron", required=True, help='schedule, e.g. "0 6 * * *" for 06:00 daily')
    serve.add_argument("--name", default="scheduled", help="deployment name (default: scheduled)")
    show = commands.add_parser("show", help="print an article with its quotes highlighted")
    show.add_argument("doc_id", help="a doc_id, a unique prefix of one, or a source path")
    show.add_argument("--out", default="data/processed", help="tables folder (default: data/processed)")
    return parser


def _fields(pairs: list[str]) -> dict[str, str] | None:
    mapping = dict(pair.split("=", 1) for pair in pairs if "=" in pair)
    if len(mapping) != len(pairs):
        raise SystemExit("newsquotes: --field takes OURS=THEIRS, e.g. --field text=body")
    return mapping or None


def _ingest(args: argparse.Namespace) -> int:
    from flows.ingest import ingest_flow
    from flows.runners import make_task_runner, shared_api_server
    from newsquotes.ingest import DEFAULT_BATCH_SIZE
    from newsquotes.storage import OutputLockedError

    runner = make_task_runner(args.runner, args.workers, args.dask_address)
    flow = ingest_flow.with_options(task_runner=runner)
    try:
        with shared_api_server(args.runner):
            summary = flow(
                raw_dir=args.raw_dir,
                out_dir=args.out,
                batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
                prune=args.prune,
                show_progress=sys.stderr.isatty(),
                fields=_fields(args.field),
            )
    except OutputLockedError as err:
        print(f"newsquotes: {err}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as err:  # a full disk, a lost mount: nothing was published, say so plainly
        print(f"newsquotes: the run stopped: {err}. The published tables in {args.out} are unchanged; "
              "run again once the problem is fixed.", file=sys.stderr)
        return EXIT_FAILED
    print(summary.table())
    if summary.rejected:
        print(f"{summary.rejected} file(s) rejected: see the rejects table in {args.out}", file=sys.stderr)
    return EXIT_REJECTS if summary.rejected else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from flows.serve import serve_ingest
    from newsquotes.ingest import DEFAULT_BATCH_SIZE

    serve_ingest(
        args.raw_dir, args.out, args.cron, args.name, args.batch_size or DEFAULT_BATCH_SIZE, args.prune,
        _fields(args.field),
    )
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from newsquotes.show import show

    try:
        print(show(args.doc_id, root=args.out))
    except KeyError as err:
        print(f"newsquotes: {err.args[0]}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Prefect's usage telemetry cannot reach its host from offline machines and logs errors.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    return {"ingest": _ingest, "serve": _serve, "show": _show}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
