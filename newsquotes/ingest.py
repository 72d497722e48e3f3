"""The steps of an ingest run, as plain functions a flow (or a notebook) can call.

``plan`` compares the raw folder with the published tables and decides what to do;
``process_batch`` turns a batch of raw files into validated table rows and reject records, and
``stage_batch`` does the same part by part, writing each part where ``Store.publish`` finds it;
the Prefect flow in ``flows/`` maps batches over workers and publishes through ``Store``.
Every raw file ends up either in the tables or in a reject record that says why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import traceback
from itertools import islice
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from newsquotes import __version__
from newsquotes.decode import UndecodableError
from newsquotes.formats import SUFFIXES, RawArticle, read_articles
from newsquotes.model import ProcessedDocument
from newsquotes.pipeline import process_raw
from newsquotes.storage import Store
from newsquotes.tables import (
    Source,
    TableBuilder,
    concat_tables,
    empty_table,
    sha256_hex,
    typed_frame,
)
from schemas import TableValidationError, validate_tables

PIPELINE_VERSION = __version__
# Prefect spends about 0.4 s of a worker's CPU on each task run (rebuilding its settings and run
# context, opening API clients); at 1,000 articles, about 3 s of work, that is a tenth of it, and
# a few batches still keep every worker busy on a corpus of a few thousand articles.
DEFAULT_BATCH_SIZE = 1000
# Characters of article text a task turns into tables at a time (about 250 benchmark articles).
# A part's tables, their validation and their Parquet writing are what rises in a worker's
# memory while it works; made a part at a time, the rise no longer grows with the batch (or with
# one JSONL file of thousands of articles): in one process, over 40 parts of 250 articles, the
# peak was 273-280 MiB, against 309-322 MiB over 30 batches of 1,000 made whole.
PART_CHARS = 1_000_000
_DETAIL_LIMIT = 4000  # characters of error detail kept per reject
_RECORD = re.compile(r"^(?P<file>.+)#L\d+$")  # "corpus.jsonl#L12": line 12 of a JSONL file
_NO_DOC_IDS: frozenset[str] = frozenset()  # shared: an empty frozenset() is a new object each time


def file_of(source: str) -> str:
    """The raw file a table row came from: a JSONL record's source names its line too."""
    record = _RECORD.match(source)
    return record["file"] if record else source


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One raw file to process; it may hold several articles (JSONL)."""

    source: str  # path relative to the raw folder, with forward slashes
    path: str  # absolute path, as the workers will open it
    content_sha256: str
    old_doc_ids: frozenset[str] = _NO_DOC_IDS  # the file's rows now published, replaced if it ingests


@dataclass(frozen=True, slots=True)
class Reject:
    source: str
    content_sha256: str | None
    stage: str
    reason: str
    detail: str | None = None


@dataclass
class Plan:
    """What a run has to do, decided before any article is processed."""

    todo: list[WorkItem] = field(default_factory=list)
    unchanged: int = 0
    pruned_doc_ids: set[str] = field(default_factory=set)
    rejects: list[Reject] = field(default_factory=list)  # files that could not even be read
    kept_rejects: pd.DataFrame = field(default_factory=lambda: empty_table("rejects"))
    cleared_rejects: int = 0  # earlier rejects that no longer stand (file changed or pruned)


def discover(raw_dir: str | os.PathLike) -> Iterator[Path]:
    """Every file below ``raw_dir``, recursively, in a stable order.

    Hidden files and folders (``.git``, ``.DS_Store``) are skipped; symlinked folders are
    followed once, so a symlink loop cannot make the walk run forever. Files of formats we
    cannot read are yielded too: the plan rejects them, so none is dropped silently.
    """
    for folder, name in _walk(os.fspath(raw_dir)):
        yield Path(folder) / name


def _walk(root: str) -> Iterator[tuple[str, str]]:
    """``discover`` as (folder, name) strings, for the plan: building and slicing a Path per
    file took half of its time (0.59 against 0.31 s of CPU per 10,000 files)."""
    seen: set[tuple[int, int]] = set()
    for folder, subfolders, files in os.walk(root, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError:
            subfolders[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            subfolders[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield folder, name


@dataclass(slots=True)
class _Published:
    """What the tables hold now for one raw file, in as little memory as the plan's question
    needs: the index has an entry per published file (for 100,000 files, the plan's process
    grew by 110 MiB, against 166 MiB with sets of ids and of (hash, version) pairs).

    ``current_sha256`` is the hash every row of the file was made from, if they all were made
    from one and by this pipeline version (the file is unchanged if it still has that hash);
    None otherwise, and then the file is processed again.
    """

    current_sha256: str | None
    doc_ids: list[str]

    def add(self, digest: str | None, version: str, doc_id: str | None) -> None:
        if self.current_sha256 != digest or version != PIPELINE_VERSION:
            self.current_sha256 = None
        if doc_id is not None:
            self.doc_ids.append(doc_id)


def _published_by_file(store: Store) -> dict[str, _Published]:
    """The published index, read a Parquet file at a time (a whole table as one frame would
    hold every row's values twice over)."""
    by_file: dict[str, _Published] = {}

    def note(source: str, digest: str | None, version: str, doc_id: str | None) -> None:
        file = file_of(source)
        entry = by_file.get(file)
        if entry is None:
            current = digest if version == PIPELINE_VERSION else None
            by_file[file] = _Published(current, [] if doc_id is None else [doc_id])
        else:
            entry.add(digest, version, doc_id)

    for path in store.files("documents"):
        columns = pq.read_table(path, columns=["source", "content_sha256", "pipeline_version", "doc_id"]).columns
        for row in zip(*(column.to_pylist() for column in columns)):
            note(*row)
    rejects = store.read("rejects", ["source", "content_sha256"])
    for source, digest in rejects.itertuples(index=False):
        # A reject stands until its file changes, whatever version of newsquotes wrote it.
        note(source, digest, PIPELINE_VERSION, None)
    return by_file


def _suffix(name: str) -> str:
    """The suffix as ``Path.suffix`` gives it ("" for "notes." and ".txt"), without a Path."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _unreadable(path: str, name: str, source: str) -> Reject | None:
    """A reject for a path that must not be opened as an article, else None."""
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        # The tables store text; show the raw bytes of the name so the user can find the file.
        shown = source.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return Reject(shown, None, "read", "file name is not valid UTF-8; rename the file")
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return Reject(source, None, "read", f"cannot read file: {err.strerror or err}")
    if not stat.S_ISREG(mode):
        # Reading a FIFO or a device would block or never end.
        return Reject(source, None, "read", "not a regular file (a pipe, device or socket)")
    suffix = _suffix(name)
    if suffix.lower() not in SUFFIXES:
        return Reject(source, None, "read", f"unsupported file type {suffix or '(none)'!r}; "
                      f"newsquotes reads {', '.join(sorted(SUFFIXES))}")
    return None


def _hash_file(path: str) -> str:
    with open(path, "rb") as handle:
        return sha256_hex(handle.read())


def plan(
    raw_dir: str | os.PathLike, store: Store, prune: bool = False, on_work: Callable[[], None] | None = None
) -> Plan:
    """Hash every raw file and compare with the published state.

    A file is processed when it is new, changed, or was ingested by another pipeline version;
    a rejected file is tried again only when it changed. Missing files keep their rows unless
    ``prune`` is set. ``on_work`` is called once, when the first file to process is found, so
    that a caller can get its workers ready while the rest is hashed.
    """
    result = Plan()
    result.todo = list(plan_items(raw_dir, store, result, prune, on_work))
    return result


def plan_items(
    raw_dir: str | os.PathLike,
    store: Store,
    result: Plan,
    prune: bool = False,
    on_work: Callable[[], None] | None = None,
) -> Iterator[WorkItem]:
    """``plan`` one file at a time: yields each file to process as soon as it is hashed, and
    fills in ``result`` as it goes (counts and read rejects during the walk; pruning and the
    rejects that still stand once it is over). ``result.todo`` is left empty.

    It keeps the published index in memory, not the raw folder: a caller that processes the
    files as they come holds only those in flight, however many the folder has.
    """
    root = str(Path(raw_dir).resolve())
    prefix = os.path.join(root, "")  # a source is the path after it (fcntl in storage: POSIX only)
    published = _published_by_file(store)
    old_rejects = store.read("rejects")
    standing = set(zip(old_rejects["source"], old_rejects["stage"], old_rejects["reason"]))
    rejected_files = {file_of(source) for source in old_rejects["source"]}
    # Files whose earlier rejects no longer stand (processed again, or unreadable in a new way).
    cleared = set()
    for folder, name in _walk(root):
        path = os.path.join(folder, name)
        source = path[len(prefix) :]
        # Taken out of the index as the walk finds it: what is left at the end has gone.
        now = published.pop(source, None)
        problem = _unreadable(path, name, source)
        if problem is None:
            try:
                digest = _hash_file(path)
            except OSError as err:
                problem = Reject(source, None, "read", f"cannot read file: {err.strerror or err}")
        if problem is not None:
            # The same unreadable file as last time is no news: its reject stands as it is.
            if (problem.source, problem.stage, problem.reason) in standing:
                result.unchanged += 1
            else:
                result.rejects.append(problem)
                if problem.source in rejected_files:
                    cleared.add(problem.source)
            continue
        if now is not None and now.current_sha256 == digest:
            result.unchanged += 1
            continue
        if source in rejected_files:
            cleared.add(source)
        if on_work is not None:
            on_work()
            on_work = None
        yield WorkItem(source, path, digest, frozenset(now.doc_ids) if now else _NO_DOC_IDS)
    gone = published
    if prune:
        result.pruned_doc_ids = {doc_id for entry in gone.values() for doc_id in entry.doc_ids}
        cleared |= gone.keys() & rejected_files
    keep = [file_of(source) not in cleared for source in old_rejects["source"]]
    result.kept_rejects = old_rejects.loc[keep].reset_index(drop=True)
    result.cleared_rejects = len(old_rejects) - len(result.kept_rejects)


def batches(items: Iterable[WorkItem], size: int = DEFAULT_BATCH_SIZE) -> Iterator[list[WorkItem]]:
    """The items in lists of ``size``, taken from ``items`` only as each list is asked for."""
    size, items = max(1, int(size)), iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _error_detail(err: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(err), err)).strip()[:_DETAIL_LIMIT]


Outcome = tuple[Source, ProcessedDocument] | Reject


def _load(item: WorkItem, fields: Mapping[str, str] | None = None) -> Iterator[Outcome]:
    """Read, decode and process the articles of one file; every failure becomes a reject.
    Articles are processed as they are asked for, so a JSONL file of many records is not
    held processed all at once."""
    try:
        data = Path(item.path).read_bytes()
    except OSError as err:
        yield Reject(item.source, item.content_sha256, "read", f"cannot read file: {err.strerror or err}")
        return
    digest = sha256_hex(data)  # the file may have changed since the plan; record what was read
    try:
        articles = read_articles(item.source, data, fields)
    except UndecodableError as err:
        yield Reject(item.source, digest, "decode", str(err))
        return
    except Exception as err:  # a format library failing on one odd file must not fail the batch
        yield Reject(item.source, digest, "decode", "could not read the file's format", _error_detail(err))
        return
    for article in articles:
        yield _process(item, digest, article)


def _process(item: WorkItem, digest: str, article: RawArticle) -> Outcome:
    source = item.source if article.key is None else f"{item.source}#{article.key}"
    if article.raw is None:
        return Reject(source, digest, "parse", article.error or "unusable record")
    try:
        processed = process_raw(article.raw)
    except Exception as err:  # a bug on one article must not fail its batch
        return Reject(source, digest, "extract", "processing failed", _error_detail(err))
    if not processed.parsed.text.strip():
        return Reject(source, digest, "parse", "no article text")
    # Every article of a file carries the file's hash: that is what the next plan compares.
    return Source(source, digest, article.encoding), processed


@dataclass
class BatchOutput:
    tables: dict[str, pd.DataFrame]
    published: pd.Series  # publication date by doc_id, which decides each row's partition
    rejects: list[Reject]
    replaced_doc_ids: set[str]  # rows of re-ingested files that the new rows supersede


def process_batch(
    items: Sequence[WorkItem], ingested_at: dt.datetime, fields: Mapping[str, str] | None = None
) -> BatchOutput:
    """Process a batch of files into validated tables, all in one part (see ``process_parts``)."""
    return next(process_parts(items, ingested_at, fields, part_chars=None))


def process_parts(
    items: Sequence[WorkItem],
    ingested_at: dt.datetime,
    fields: Mapping[str, str] | None = None,
    part_chars: int | None = PART_CHARS,
) -> Iterator[BatchOutput]:
    """Process a batch of files into validated tables, a part at a time; what breaks the
    contract becomes a reject.

    A part is closed once its articles hold ``part_chars`` characters of text (never, if None),
    so the batch's rows are never all in memory; the last part may be empty. Each article goes
    into its part's tables as soon as it is processed.

    A re-ingested file's old rows are replaced once at least one of its new articles is written
    (passes the contract); a file that now fails as a whole, to read, to process or to validate,
    keeps its old rows next to its rejects, so a bad copy loses nothing. The parts' rejects and
    replaced ids together are the batch's.
    """
    builder, chars = TableBuilder(ingested_at, PIPELINE_VERSION), 0
    rejects: list[Reject] = []
    ended: list[WorkItem] = []  # re-ingested files whose last article went into this part
    written: set[str] = set()  # files of the batch with an article in a part's tables so far
    for item in items:
        for outcome in _load(item, fields):
            if isinstance(outcome, Reject):
                rejects.append(outcome)
                continue
            builder.add(*outcome)
            chars += len(outcome[1].parsed.text)
            if part_chars is not None and chars >= part_chars:
                yield _part_output(builder, rejects, ended, written)
                builder, chars, rejects, ended = TableBuilder(ingested_at, PIPELINE_VERSION), 0, [], []
        if item.old_doc_ids:
            ended.append(item)
    yield _part_output(builder, rejects, ended, written)


def _part_output(builder: TableBuilder, rejects: list[Reject], ended: list[WorkItem], written: set[str]) -> BatchOutput:
    """Validate a part's tables; ``written`` gains the files they hold, and the part replaces
    the old rows of the files in ``ended`` that have new rows written, in this part or before."""
    unstorable = [
        Reject(source, digest, "validate", "output broke the table contract", detail)
        for source, digest, detail in builder.drop_unstorable()
    ]
    tables, invalid = _validated(builder.frames())
    written.update(file_of(source) for source in tables["documents"]["source"])
    replaced = {doc_id for item in ended if item.source in written for doc_id in item.old_doc_ids}
    published = tables["documents"].set_index("doc_id")["published"]
    # (a file's new rows need no dropping of their own: the plan gave it every doc_id it had)
    return BatchOutput(tables, published, rejects + unstorable + invalid, replaced)


@dataclass(frozen=True)
class BatchSummary:
    """What a staged batch did, for the run's totals; its rows are on disk."""

    files: int  # raw files the batch handled
    ingested: int  # articles it wrote
    replaced_doc_ids: set[str]  # published rows its output supersedes
    rejects: list[Reject]


def stage_batch(
    items: Sequence[WorkItem],
    store: Store,
    run_id: str,
    batch: str,
    ingested_at: dt.datetime,
    fields: Mapping[str, str] | None = None,
    part_chars: int | None = PART_CHARS,
) -> BatchSummary:
    """Process a batch and stage its tables for ``Store.publish``, part by part: a worker holds
    one part's rows at a time. Run again (a retry), it writes the same files over."""
    ingested, replaced, rejects = 0, set(), []
    for part, output in enumerate(process_parts(items, ingested_at, fields, part_chars)):
        store.stage(run_id, f"{batch}-{part:03d}", output.tables, output.published)
        ingested += len(output.tables["documents"])
        replaced |= output.replaced_doc_ids
        rejects += output.rejects
        del output  # let the part go before the next one is made
    return BatchSummary(len(items), ingested, replaced, rejects)


def _validated(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[Reject]]:
    """The tables without the articles whose rows break the contract, and a reject for each."""
    try:
        validate_tables(tables)
        return tables, []
    except TableValidationError as err:
        failures = err.failure_cases
    bad_ids = set(failures["doc_id"].dropna())
    if failures["doc_id"].isna().any():
        # A failure that names no article (a whole column wrong): validate one by one.
        bad_ids = {doc_id for doc_id, alone in _per_article(tables) if not _valid(alone)}
    documents = tables["documents"]
    rejects = [
        Reject(
            source,
            digest,
            "validate",
            "output broke the table contract",
            failures[failures["doc_id"] == doc_id].to_string(index=False)[:_DETAIL_LIMIT],
        )
        for doc_id, source, digest in zip(documents["doc_id"], documents["source"], documents["content_sha256"])
        if doc_id in bad_ids
    ]
    tables = {name: frame[~frame["doc_id"].isin(bad_ids)].reset_index(drop=True) for name, frame in tables.items()}
    validate_tables(tables)  # the remaining articles passed before; this guards that claim
    return tables, rejects


def _per_article(tables: dict[str, pd.DataFrame]) -> Iterator[tuple[str, dict[str, pd.DataFrame]]]:
    """Each article's rows of the three tables, as tables of their own, typed again from their
    values: a column-wide failure caused by one article then stays with that article."""
    groups = {name: dict(iter(frame.groupby("doc_id", sort=False))) for name, frame in tables.items()}
    for doc_id in tables["documents"]["doc_id"]:
        yield doc_id, {
            name: typed_frame(name, found[doc_id].to_dict("records") if doc_id in found else [])
            for name, found in groups.items()
        }


def _valid(tables: dict[str, pd.DataFrame]) -> bool:
    try:
        validate_tables(tables)
        return True
    except TableValidationError:
        return False


def rejects_frame(rejects: Sequence[Reject], rejected_at: dt.datetime) -> pd.DataFrame:
    rows = [
        {
            "source": r.source,
            "content_sha256": r.content_sha256,
            "stage": r.stage,
            "reason": r.reason,
            "detail": r.detail,
            "rejected_at": pd.Timestamp(rejected_at).tz_convert("UTC"),
            "pipeline_version": PIPELINE_VERSION,
        }
        for r in rejects
    ]
    return typed_frame("rejects", rows)


def merge_rejects(kept: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """The rejects table after a run: earlier rejects still standing, then this run's."""
    kept = kept[~kept["source"].isin(set(new["source"]))]
    return concat_tables([kept, new], "rejects").drop_duplicates("source", keep="last").reset_index(drop=True)
