"""End-to-end ingest benchmark: a full run and a no-change re-run over N distinct articles.

    python bench/ingest.py --articles 10000 [--runner processes --workers 2] [--keep DIR] [--per-process]

Builds N articles from the GUM gold corpus and the seed (each varied: its own date, so months
spread over partitions, and its own reference line, so every hash differs), laid out one folder
per day as news archives usually are. Runs ``newsquotes ingest`` as a user would, in a child
process, sampling the resident memory of the whole process tree (flow, workers, Prefect's
server) every 0.2 s, then runs it again on the unchanged folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests/data/gum-news/raw").glob("*.txt")) + [ROOT / "data/raw/000_e5eb417d42e88fd9.txt"]


def build_corpus(folder: Path, n: int) -> int:
    """Write n distinct articles below folder; return their total size in bytes."""
    bases = [path.read_text(encoding="utf-8") for path in SOURCES]
    start = dt.date(2015, 1, 1)
    total = 0
    for i in range(n):
        day = start + dt.timedelta(days=i % 1460)  # four years of daily folders
        base = bases[i % len(bases)]
        text = _redate(base, day) + f"\nThis is archive item number {i} of the benchmark.\n"
        path = folder / f"{day:%Y/%m/%d}" / f"article-{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def _redate(raw: str, day: dt.date) -> str:
    """Put the article's own publication date on its date line (the first line that is a date)."""
    from newsquotes.parse import parse_date

    lines = raw.split("\n")
    for k, line in enumerate(lines[:12]):
        if parse_date(line):
            lines[k] = f"{day:%B} {day.day}, {day.year}"
            break
    return "\n".join(lines)


def _role(proc: psutil.Process, root: psutil.Process) -> str:
    """Which part of a run a process is, to tell where memory goes."""
    if proc.pid == root.pid:
        return "flow"
    command = " ".join(proc.cmdline())
    if "uvicorn" in command:
        return "api server"
    if "multiprocessing" in command or "distributed" in command:
        return "workers"
    return "other"


class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled in a thread.

    ``roles`` keeps each role's peak and when it was reached, in seconds from the start (the flow,
    Prefect's API server, the workers summed), so a growth of the total can be traced to the
    process that holds it and to the phase of the run; ``at_peak`` is what each role held when
    the total peaked, and ``peak_at`` when that was. ``worker_peaks`` keeps each worker process's
    own peak: the workers' sum peaks higher in a longer run if only because their peaks are more
    likely to coincide, while a worker that grows shows it in its own peak. ``cpu_seconds`` sums the
    CPU time each role used (as last sampled), to tell where a run's time goes.
    """

    def __init__(self, pid: int, every: float = 0.2):
        self.root, self.every, self.peak = psutil.Process(pid), every, 0
        self.roles: dict[str, tuple[int, float]] = {}
        self.at_peak: dict[str, int] = {}
        self.peak_at = 0.0
        self.worker_peaks: dict[int, int] = {}
        self._cpu: dict[int, tuple[str, float]] = {}
        self._started = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                by_role: dict[str, int] = {}
                for proc in procs:
                    try:
                        role, rss = _role(proc, self.root), proc.memory_info().rss
                        by_role[role] = by_role.get(role, 0) + rss
                        times = proc.cpu_times()
                        self._cpu[proc.pid] = (role, times.user + times.system)
                        if role == "workers":
                            self.worker_peaks[proc.pid] = max(rss, self.worker_peaks.get(proc.pid, 0))
                    except psutil.Error:
                        pass
                now = time.perf_counter() - self._started
                if sum(by_role.values()) > self.peak:
                    self.peak, self.at_peak, self.peak_at = sum(by_role.values()), by_role, now
                for role, rss in by_role.items():
                    if rss > self.roles.get(role, (0, 0.0))[0]:
                        self.roles[role] = (rss, now)
            except psutil.Error:
                pass
            self._stop.wait(self.every)

    @property
    def cpu_seconds(self) -> dict[str, float]:
        by_role: dict[str, float] = {}
        for role, seconds in self._cpu.values():
            by_role[role] = by_role.get(role, 0.0) + seconds
        return by_role

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_ingest(raw: Path, out: Path, args) -> tuple[float, TreeMemory, str]:
    command = [sys.executable, "-m", "newsquotes.cli", "ingest", str(raw), "--out", str(out),
               "--runner", args.runner, "--batch-size", str(args.batch_size)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"}
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)
    with TreeMemory(proc.pid) as memory:
        output, _ = proc.communicate()
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{output[-3000:]}")
    summary = "\n".join(line for line in output.splitlines() if line.startswith(("articles ", "processed ", "unchanged ", "rejected ", "pruned ")))
    return elapsed, memory, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runner", default="processes", choices=("threads", "processes", "dask"))
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--keep", type=Path, default=None,
                        help="build the corpus here and keep it; a later run with the same --articles reuses it")
    parser.add_argument("--per-process", action="store_true",
                        help="also print the peak memory of the flow, the API server and the workers")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="newsquotes-bench-"))
    raw, out = work / "raw", work / "processed"
    shutil.rmtree(out, ignore_errors=True)
    built = work / "corpus.txt"  # "articles bytes" of the corpus in raw/, written once it is complete
    if args.keep and built.exists() and built.read_text().split()[0] == str(args.articles):
        size = int(built.read_text().split()[1])
    else:
        built.unlink(missing_ok=True)
        shutil.rmtree(raw, ignore_errors=True)
        size = build_corpus(raw, args.articles)
        built.write_text(f"{args.articles} {size}\n")
    cores = args.workers if args.runner != "threads" else 1
    print(f"corpus: {args.articles} articles, {size / 1e6:.1f} MB raw text, runner {args.runner}, "
          f"{args.workers} workers, batch {args.batch_size}, {os.cpu_count()} cores")
    for label in ("full ingest", "no-change re-run"):
        elapsed, memory, summary = run_ingest(raw, out, args)
        print(f"{label:17s} {elapsed:8.1f} s  {args.articles / elapsed:8.0f} articles/s  "
              f"{size / 1e6 / elapsed:6.2f} MB/s  ({size / 1e6 / elapsed / cores:.2f} MB/s per core)  "
              f"peak memory {memory.peak / 2**30:.2f} GiB ({memory.peak / 2**20:,.0f} MiB)")
        if args.per_process:
            print(f"   at the peak ({memory.peak_at:.0f} s): " + ", ".join(
                f"{role} {rss / 2**20:,.0f} MiB" for role, rss in sorted(memory.at_peak.items())))
            print("   peak by process: " + ", ".join(
                f"{role} {rss / 2**30:.2f} GiB at {at:.0f} s" for role, (rss, at) in sorted(memory.roles.items())))
            if memory.worker_peaks:  # (threads: the flow's own process does the work)
                print("   each worker's own peak: " + ", ".join(
                    f"{rss / 2**20:,.0f} MiB" for rss in sorted(memory.worker_peaks.values(), reverse=True)))
            print(f"   CPU time, of {elapsed * os.cpu_count():.0f} core-seconds: " + ", ".join(
                f"{role} {seconds:.0f} s" for role, seconds in sorted(memory.cpu_seconds.items())))
        print("   " + summary.replace("\n", "\n   "))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
