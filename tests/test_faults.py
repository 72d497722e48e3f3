"""Faults while writing: a killed process, a full disk, two ingests at once.

Issue 6, "Nothing lost, nothing half-written": no fault may damage what was already published,
and the next run must end with the same tables a clean run gives. The ingests here run as
real ``newsquotes ingest`` processes (reporting to the session's Prefect test server), so they
can be killed, can fill a real disk and can race for the lock.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pandas as pd
import pytest

from flows.ingest import ingest_flow
from newsquotes import load
from newsquotes.storage import SNAPSHOTS, STAGING, Store
from tests.conftest import CHILD_PYTHON, GUM_RAW, PACKAGE_PATH, SEED_RAW
from tests.helpers import summary_counts

pytestmark = pytest.mark.usefixtures("prefect_server")

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("documents", "sentences", "quotes", "rejects")
VOLATILE = {"ingested_at", "rejected_at"}  # differ between any two runs by design
ORIGINALS = sorted(GUM_RAW.glob("*.txt")) + [SEED_RAW]


# -- corpus and table helpers --------------------------------------------------------------------


def write_corpus(folder: Path, copies: int, tag: str = "") -> None:
    """Every test article ``copies`` times, each copy a distinct article (an added paragraph)."""
    for k in range(copies):
        for original in ORIGINALS:
            text = original.read_text(encoding="utf-8")
            head, sep, footer = text.rpartition("\nOriginal url:")
            if not sep:
                head, footer = text, ""
            extra = f"\n\nUpdate {tag}{k}: officials said on Friday that the figures would be revised.\n"
            path = folder / f"copy{k:02d}" / f"{tag}{original.name}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(head + extra + (sep + footer if sep else ""), encoding="utf-8")


def snapshot_of(out: Path) -> dict[str, pd.DataFrame]:
    """The published tables, sorted, without per-run timestamps: equal when the rows are equal."""
    result = {}
    for table in TABLES:
        frame = load(table, root=str(out))
        frame = frame.drop(columns=[c for c in frame.columns if c in VOLATILE])
        keys = [c for c in ("source", "doc_id", "sentence_index", "quote_index") if c in frame]
        keys = keys[:1] if table in ("documents", "rejects") else ["doc_id", keys[-1]]
        result[table] = frame.sort_values(keys).reset_index(drop=True)
    return result


def same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> bool:
    try:
        for table in TABLES:
            pd.testing.assert_frame_equal(a[table], b[table], check_dtype=False)
    except AssertionError:
        return False
    return True


def assert_consistent(out: Path) -> None:
    """What a reader sees: every table readable by pandas through its link, spans inside their text."""
    for table in TABLES:
        link = out / table
        assert link.is_symlink() and link.resolve().is_dir(), f"{table} link is broken"
        pd.read_parquet(link)  # the documented way to read a table; must not raise
    documents = load("documents", root=str(out)).set_index("doc_id")["text"]
    for table, text_column in (("sentences", "text"), ("quotes", "content")):
        rows = load(table, root=str(out))
        assert rows["doc_id"].isin(documents.index).all(), f"{table} rows without their document"
        bad = [
            doc_id
            for doc_id, s, e, t in zip(rows["doc_id"], rows["start"], rows["end"], rows[text_column])
            if documents[doc_id][s:e] != t
        ]
        assert not bad, f"{table}: spans that do not match documents.text in {sorted(set(bad))[:5]}"


def cli_env() -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PYTHONPATH": PACKAGE_PATH, "PREFECT_API_URL": PREFECT_API_URL.value()}


def start_ingest(raw: Path, out: Path, log: Path, *extra: str) -> subprocess.Popen:
    command = [*CHILD_PYTHON, "-m", "newsquotes.cli", "ingest", str(raw), "--out", str(out), *extra]
    with open(log.with_suffix(".out"), "w") as stdout, open(log.with_suffix(".err"), "w") as stderr:
        # A session of its own, so that a kill takes the ingest with its worker processes.
        return subprocess.Popen(
            command, env=cli_env(), stdout=stdout, stderr=stderr, cwd=ROOT, start_new_session=True,
            preexec_fn=_limit_memory,
        )


def _limit_memory() -> None:
    """In the child: a memory bug raises MemoryError there instead of waking the OOM killer."""
    limit = 8 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def kill(proc: subprocess.Popen) -> int:
    """SIGKILL the ingest and its workers (its process group, which it leads), as a crash would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    return proc.wait()


def run_ingest(raw: Path, out: Path, log: Path, *extra: str, timeout: float = 600) -> tuple[int, str, str]:
    proc = start_ingest(raw, out, log, *extra)
    status = proc.wait(timeout=timeout)
    return status, log.with_suffix(".out").read_text(), log.with_suffix(".err").read_text()


def wait_for(proc: subprocess.Popen, condition, timeout: float = 600) -> bool:
    """Poll (every ~1 ms) until ``condition()`` or the process ends; True if the condition held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if condition():
                return True
        if proc.poll() is not None:
            return False
        time.sleep(0.001)
    raise TimeoutError("ingest neither reached the kill point nor finished")


def new_snapshots(out: Path, known: set[str]) -> list[Path]:
    folder = out / SNAPSHOTS
    return [p for p in folder.iterdir() if p.name not in known] if folder.is_dir() else []


# -- SIGKILL -------------------------------------------------------------------------------------


def _staged_a_batch(out: Path, known: set[str]):
    return lambda: any((out / STAGING).rglob("*.parquet"))


def _snapshot_started(out: Path, known: set[str]):
    return lambda: bool(new_snapshots(out, known))


def _snapshot_written(out: Path, known: set[str]):
    # rejects is the last table written, right before the links are switched
    return lambda: any((p / "rejects").is_dir() for p in new_snapshots(out, known))


def _compacting_or_linking(out: Path, known: set[str]):
    return lambda: any(any(p.rglob("*.parquet")) for p in new_snapshots(out, known))


KILL_POINTS = {
    "while processing (a batch is staged)": _staged_a_batch,
    "as the new snapshot folder appears": _snapshot_started,
    "once the new snapshot holds files": _compacting_or_linking,
    "right before the links are switched": _snapshot_written,
}


def test_sigkill_at_any_moment_leaves_old_tables_and_next_run_completes(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, copies=1)
    ingest_flow(raw_dir=str(raw), out_dir=str(out), batch_size=5)
    before = snapshot_of(out)
    assert len(before["documents"]) == len(ORIGINALS)

    # The next run changes some articles (rewrites of published files), adds many, rejects one.
    for original in ORIGINALS[:5]:
        path = raw / "copy00" / original.name
        path.write_text(path.read_text(encoding="utf-8").replace(" the ", " the the ", 1), encoding="utf-8")
    write_corpus(raw, copies=2, tag="new-")
    (raw / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    clean_out = tmp_path / "clean"
    # The clean run's tables, made by the same CLI the killed runs use.
    assert run_ingest(raw, clean_out, tmp_path / "clean", "--batch-size", "5")[0] == 3
    expected = snapshot_of(clean_out)
    assert len(expected["documents"]) == 3 * len(ORIGINALS) and len(expected["rejects"]) == 1

    published = tmp_path / "published"
    shutil.copytree(out, published, symlinks=True)
    outcomes = {}
    for n, (point, condition) in enumerate(KILL_POINTS.items()):
        shutil.rmtree(out)
        shutil.copytree(published, out, symlinks=True)  # every attempt starts from the first run's tables
        known = {p.name for p in (out / SNAPSHOTS).iterdir()}
        proc = start_ingest(raw, out, tmp_path / f"killed-{n}", "--batch-size", "5")
        try:
            reached = wait_for(proc, condition(out, known))
        finally:
            status = kill(proc)
        after = snapshot_of(out)
        # Whatever moment the kill hit, the tables are the old ones or (if it finished) the new ones.
        if same_tables(after, before):
            outcomes[point] = "killed: previous tables intact"
        elif same_tables(after, expected):
            outcomes[point] = "finished before the kill: new tables"
        else:
            pytest.fail(f"kill {point}: tables are neither the previous nor the new ones")
        assert_consistent(out)
        assert reached or status == 0, f"{point}: ingest ended with {status} before the kill point"

    print("SIGKILL outcomes:", outcomes)
    # The first kill point comes seconds before publishing: it must have left the old tables.
    assert outcomes["while processing (a batch is staged)"] == "killed: previous tables intact", outcomes

    # After the last kill, the next run cleans up and ends with a clean run's tables.
    status, stdout, stderr = run_ingest(raw, out, tmp_path / "resume", "--batch-size", "5")
    assert status == 3, stderr[-2000:]  # 3: scan.txt is rejected
    assert same_tables(snapshot_of(out), expected)
    assert_consistent(out)
    assert not (out / STAGING).exists() or not any((out / STAGING).iterdir())
    live = {(out / t).resolve().parent for t in TABLES}
    assert len(live) == 1 and not list(next(iter(live)).rglob(".*.tmp"))
    status, stdout, _ = run_ingest(raw, out, tmp_path / "again", "--batch-size", "5")
    assert summary_counts(stdout)["processed"] == 0


class _CrashAt:
    """Stands in for the ``os`` or ``shutil`` module inside newsquotes.storage: counts every call
    that changes the file system and 'kills the process' (SystemExit) at call number ``at``."""

    MUTATIONS = {"replace", "rename", "symlink", "link", "unlink", "remove", "rmdir", "mkdir", "makedirs",
                 "sync", "fsync", "rmtree", "copy2", "copyfile", "move"}

    def __init__(self, module, counter: list[int], at: int | None):
        self._module, self._counter, self._at = module, counter, at

    def __getattr__(self, name):
        real = getattr(self._module, name)
        if name not in self.MUTATIONS:
            return real

        def call(*args, **kwargs):
            if self._counter[0] == self._at:
                raise SystemExit(f"killed at file system call {self._at} ({name})")
            self._counter[0] += 1
            return real(*args, **kwargs)

        return call


@pytest.fixture(scope="module")
def recorded_publish(tmp_path_factory):
    """A real flow's publish, recorded: the output before it, the staged rows and its arguments."""
    base = tmp_path_factory.mktemp("publish")
    raw, out = base / "raw", base / "out"
    write_corpus(raw, copies=1)
    for path in sorted(raw.rglob("*.txt"))[8:]:
        path.unlink()
    ingest_flow(raw_dir=str(raw), out_dir=str(out), batch_size=3)
    for path in sorted(raw.rglob("*.txt"))[:3]:  # changed articles: same doc_id, new text and offsets
        path.write_text("# Rewritten\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    (raw / "copy00" / "new.txt").write_text("# New Story\n\nMarch 3, 2024\n\nThe mayor said the vote was close.\n")
    (raw / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    calls = []
    real_publish = Store.publish

    def recording(self, *args):
        shutil.copytree(self.root, base / "before-publish", symlinks=True)  # published + staged
        calls.append(args)
        return real_publish(self, *args)

    published = snapshot_of(out)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Store, "publish", recording)
        ingest_flow(raw_dir=str(raw), out_dir=str(out), batch_size=3)
    (args,) = calls
    (base / "before-publish").rename(base / "staged-copy")
    return base, args, published, snapshot_of(out)


def _replay(base: Path, args, out: Path, crash_at: int | None) -> int:
    """Replay the recorded publish on a fresh copy, crashing at file system call ``crash_at``."""
    import newsquotes.storage as storage

    shutil.copytree(base / "staged-copy", out, symlinks=True)
    counter = [0]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(storage, "os", _CrashAt(os, counter, crash_at))
        mp.setattr(storage, "shutil", _CrashAt(shutil, counter, crash_at))
        with contextlib.suppress(SystemExit):
            Store(out).publish(*args)
    return counter[0]


def test_crash_at_every_file_system_step_of_publish(recorded_publish, tmp_path):
    """SIGKILL cannot aim at a microsecond window, so the crash is placed exactly: at each file
    system call of a real publish in turn. Readers must see the previous tables or the new ones,
    never a mix, and whatever is left must not stop the next publish."""
    base, args, before, expected = recorded_publish
    total = _replay(base, args, tmp_path / "uncrashed", crash_at=None)
    assert same_tables(snapshot_of(tmp_path / "uncrashed"), expected)
    assert total > 10  # staged files linked, rewritten files renamed into place, the switch, clean-up
    seen = []
    for k in range(total):
        out = tmp_path / f"crash-{k:03d}"
        _replay(base, args, out, crash_at=k)
        after = snapshot_of(out)
        state = "previous" if same_tables(after, before) else "new" if same_tables(after, expected) else None
        assert state, f"crash at file system call {k}: tables are neither the previous nor the new ones"
        assert_consistent(out)
        seen.append(state)
        if state == "previous":  # the next publish of the same rows must work over the leftovers
            store = Store(out)
            staged = store.staging_dir(args[0])
            if staged.is_dir():
                store.publish(*args)
                assert same_tables(snapshot_of(out), expected), f"publish after a crash at call {k}"
                assert len(list((out / SNAPSHOTS).iterdir())) == 2, "only the current and previous snapshots"
        shutil.rmtree(out)
    print(f"{total} file system calls in publish; crash outcomes:", {s: seen.count(s) for s in set(seen)})
    # Once the tables switch they stay switched: previous ... previous, new ... new.
    assert seen == sorted(seen, key=["previous", "new"].index) and seen[0] == "previous" and "new" in seen


# -- full disk -----------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs for the output, unmounted afterwards."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill up (needs root and mount rights): {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _incompressible_article(title: str, n_bytes: int, seed: int) -> str:
    """Random words, so zstd cannot shrink them much and they really take disk.

    No sentence punctuation: an article with thousands of sentences would hit the validation
    memory bug (see test_bad_input.test_50_mb_article_is_ingested) before the disk fills.
    """
    import random

    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words, size = [], 0
    while size < n_bytes:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(2, 9)))
        words.append(word)
        size += len(word) + 1
    return f"# {title}\n\nMarch 3, 2024\n\n{' '.join(words)}\n"


def test_full_disk_fails_clearly_and_keeps_the_published_tables(tmp_path, small_disk):
    raw, out = tmp_path / "raw", small_disk / "out"
    write_corpus(raw, copies=1)
    status, stdout, stderr = run_ingest(raw, out, tmp_path / "first")
    assert status == 0, stderr[-2000:]
    before = snapshot_of(out)

    # A second delivery that cannot fit: ~3 MB of text to store twice (documents and sentences).
    for k in range(3):
        (raw / "big" / f"report-{k}.txt").parent.mkdir(exist_ok=True)
        (raw / "big" / f"report-{k}.txt").write_text(_incompressible_article(f"Report {k}", 1_000_000, k))
    status, stdout, stderr = run_ingest(raw, out, tmp_path / "full")
    # A plain message that names the cause and says the tables are safe, exit status 1.
    assert status == 1
    message = [line for line in stderr.splitlines() if line.startswith("newsquotes:")]
    assert len(message) == 1 and "No space left on device" in message[0] and "unchanged" in message[0], stderr[-3000:]
    assert "processed" not in stdout
    assert same_tables(snapshot_of(out), before)  # the published tables are untouched
    assert_consistent(out)

    # Space comes back (the big files are moved elsewhere): the next run works on the same disk.
    shutil.rmtree(raw / "big")
    (raw / "late.txt").write_text("# Late Story\n\nThe council said on Monday it would meet again.\n")
    status, stdout, stderr = run_ingest(raw, out, tmp_path / "after")
    assert status == 0, stderr[-2000:]
    assert summary_counts(stdout)["processed"] == 1
    after = snapshot_of(out)
    assert set(after["documents"]["source"]) == set(before["documents"]["source"]) | {"late.txt"}
    assert_consistent(out)


def _remount(disk: Path, size: int) -> None:
    subprocess.run(["mount", "-o", f"remount,size={size}", str(disk)], check=True, capture_output=True)


def _used(disk: Path) -> int:
    info = os.statvfs(disk)
    return (info.f_blocks - info.f_bfree) * info.f_frsize


def test_disk_full_while_publishing_keeps_the_published_tables(tmp_path, small_disk):
    """The staged rows fit, but rewriting a published file without a changed article does not."""
    raw, out = tmp_path / "raw", small_disk / "out"
    _remount(small_disk, 32 * 1024**2)
    raw.mkdir()
    # Same month and, together under PART_CHARS, one part of the batch: both land in the same
    # files, so changing the small one rewrites the big one.
    (raw / "big.txt").write_text(_incompressible_article("Big Report", 900_000, 1))
    (raw / "small.txt").write_text("# Small Story\n\nMarch 3, 2024\n\nThe council said it would meet again.\n")
    status, _, stderr = run_ingest(raw, out, tmp_path / "first")
    assert status == 0, stderr[-2000:]
    before = snapshot_of(out)
    live = (out / "documents").resolve().parent
    used = _used(small_disk)
    _remount(small_disk, used + used // 4)  # room for the staged rows, not for a rewritten big file

    (raw / "small.txt").write_text("# Small Story\n\nMarch 3, 2024\n\nThe council said it would meet on Friday.\n")
    status, stdout, stderr = run_ingest(raw, out, tmp_path / "full")
    assert status == 1 and "No space left on device" in stderr
    assert re.search(r"publish.*No space left on device", stderr)  # the publish task failed, not staging
    assert (out / "documents").resolve().parent == live
    assert same_tables(snapshot_of(out), before)
    assert_consistent(out)

    _remount(small_disk, 64 * 1024**2)  # the disk is grown: the next run finishes the job
    status, stdout, stderr = run_ingest(raw, out, tmp_path / "after")
    assert status == 0, stderr[-2000:]
    after = snapshot_of(out)
    assert "meet on Friday" in after["documents"].set_index("source").loc["small.txt", "text"]
    assert after["documents"].set_index("source").loc["big.txt", "text"] == before["documents"].set_index(
        "source"
    ).loc["big.txt", "text"]
    assert_consistent(out)


def test_failed_publish_does_not_cost_readers_the_previous_snapshot(tmp_path, monkeypatch):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, copies=1)
    originals = ORIGINALS[:4]
    for path in list(raw.rglob("*.txt")):
        if path.name not in {o.name for o in originals}:
            path.unlink()
    ingest_flow(raw_dir=str(raw), out_dir=str(out))
    first = (out / "documents").resolve().parent
    (raw / "copy00" / "new.txt").write_text("# New Story\n\nThe council said it would meet again.\n")

    def crash(self, snapshot):
        raise SystemExit("killed before switching the link")

    monkeypatch.setattr(Store, "_switch_current", crash)
    with pytest.raises(BaseException):
        ingest_flow(raw_dir=str(raw), out_dir=str(out))
    monkeypatch.undo()
    half_built = [p for p in (out / SNAPSHOTS).iterdir() if p != first]
    assert len(half_built) == 1

    (raw / "copy00" / "newer.txt").write_text("# Newer Story\n\nThe mayor said the vote was close.\n")
    ingest_flow(raw_dir=str(raw), out_dir=str(out))
    second = (out / "documents").resolve().parent
    assert second != first
    assert first.is_dir(), "the previous published snapshot was deleted"
    assert not half_built[0].exists(), "the half-built snapshot was kept instead"


def test_output_written_by_the_previous_layout_is_not_lost(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, copies=1)
    for path in sorted(raw.rglob("*.txt"))[4:]:
        path.unlink()
    ingest_flow(raw_dir=str(raw), out_dir=str(out))
    # Rewrite the links as newsquotes 0.1.0 before the one-link switch left them.
    snapshot = os.readlink(out / "current")
    for table in TABLES:
        (out / table).unlink()
        os.symlink(os.path.join(snapshot, table), out / table)
    (out / "current").unlink()
    before = snapshot_of(out)
    for n in range(3):
        (raw / f"new-{n}.txt").write_text(f"# Story {n}\n\nThe mayor said the vote was close.\n")
        ingest_flow(raw_dir=str(raw), out_dir=str(out))
        documents = load("documents", root=str(out))
        assert set(before["documents"]["source"]) | {f"new-{k}.txt" for k in range(n + 1)} == set(
            documents["source"]
        ), f"after run {n + 1}"


# -- two ingests at once -------------------------------------------------------------------------


def _outcome(status: int, stdout: str, stderr: str) -> str:
    if status == 1 and "another ingest" in stderr:
        return "locked out"
    if status == 0 and summary_counts(stdout)["processed"] == 0:
        return "nothing to do"
    if status == 0:
        return "ingested"
    return f"status {status}: {stderr[-1500:]}"


@pytest.mark.parametrize("stagger", ["simultaneous", "second starts while the first holds the lock"])
def test_two_ingests_at_once_never_interleave(tmp_path, stagger):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, copies=2)
    first = start_ingest(raw, out, tmp_path / "first", "--batch-size", "5")
    if stagger != "simultaneous":
        # Deterministic overlap: pause the first run (SIGSTOP) once it is writing, so it surely
        # holds the lock while the second one starts, then let it go on.
        assert wait_for(first, lambda: any((out / STAGING).rglob("*.parquet"))), "first run ended early"
        os.killpg(first.pid, signal.SIGSTOP)
    second = start_ingest(raw, out, tmp_path / "second", "--batch-size", "5")
    try:
        second_status = second.wait(timeout=600)
    finally:
        if stagger != "simultaneous":
            os.killpg(first.pid, signal.SIGCONT)
    results = [
        _outcome(status, (tmp_path / f"{n}.out").read_text(), (tmp_path / f"{n}.err").read_text())
        for status, n in ((first.wait(timeout=600), "first"), (second_status, "second"))
    ]
    assert sorted(results) in (["ingested", "locked out"], ["ingested", "nothing to do"]), results
    if stagger != "simultaneous":
        assert results == ["ingested", "locked out"]
        assert str(out) in (tmp_path / "second.err").read_text()  # the message names the folder
    assert_consistent(out)
    assert len(list((out / SNAPSHOTS).iterdir())) == 1  # one publish, no half-made snapshot beside it
    # The tables equal a single run's (same code, run now, so edits to the tree cannot differ).
    status, _, stderr = run_ingest(raw, tmp_path / "reference", tmp_path / "reference", "--batch-size", "5")
    assert status == 0, stderr[-2000:]
    assert same_tables(snapshot_of(out), snapshot_of(tmp_path / "reference"))


def test_lock_is_released_when_the_holder_is_killed(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, copies=1)
    holder = start_ingest(raw, out, tmp_path / "holder", "--batch-size", "2")
    assert wait_for(holder, lambda: any((out / STAGING).rglob("*.parquet")))
    kill(holder)
    # The lock file still names the dead holder, but the kernel dropped its lock.
    assert "pid" in (out / ".lock").read_text()
    status, stdout, stderr = run_ingest(raw, out, tmp_path / "next")
    assert status == 0, stderr[-2000:]
    assert summary_counts(stdout)["processed"] == len(ORIGINALS)
    assert not list((out / STAGING).glob("*/")) or not any((out / STAGING).rglob("*.parquet"))


