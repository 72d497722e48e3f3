"""What a person sees of a run: a progress bar while it works, a report when it is done."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence

from newsquotes.ingest import Reject

_REPORT_REJECTS = 50  # rejects listed in full in the report; the table holds them all


@contextlib.contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None]]:
    """A terminal progress bar over files: ``show(done, planned)``, the total growing as the
    plan finds files to process; a no-op when disabled."""
    if not enabled:
        yield lambda done, planned: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        transient=True,
    ) as bar:
        job = bar.add_task("files", total=None)
        yield lambda done, planned: bar.update(job, completed=done, total=planned)


def _cell(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def run_report(summary, rejects: Sequence[Reject]) -> str:
    """A markdown report of one run: counts, then every reject of this run with its reason."""
    lines = [
        "# newsquotes ingest",
        "",
        "| | this run | tables now |",
        "|---|---:|---:|",
        f"| articles processed | {summary.processed} | {summary.documents} documents |",
        f"| unchanged | {summary.unchanged} | {summary.sentences} sentences |",
        f"| rejected | {summary.rejected} | {summary.quotes} quotes |",
        f"| pruned | {summary.pruned} | {summary.rejects_total} rejects |",
        "",
        f"Snapshot: `{summary.snapshot or 'unchanged'}`",
    ]
    if rejects:
        lines += ["", "## Rejects", "", "| source | stage | reason | detail |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(r.source)} | {r.stage} | {_cell(r.reason)} | {_cell(r.detail)} |"
            for r in rejects[:_REPORT_REJECTS]
        ]
        if len(rejects) > _REPORT_REJECTS:
            lines.append(f"\n…and {len(rejects) - _REPORT_REJECTS} more in the rejects table.")
    return "\n".join(lines)
