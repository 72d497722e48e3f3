"""The steps of an ingest run, as plain functions a flow (or a notebook) can call.

``plan`` compares the raw folder with the published tables and decides what to do;
``process_batch`` turns a batch of raw files into validated table rows and reject records;
the Prefect flow in ``flows/`` maps batches over workers and publishes through ``Store``.
Every raw file ends up either in the tables or in a reject record that says why.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsquotes import __version__
from newsquotes.decode import UndecodableError, decode_bytes
from newsquotes.model import ProcessedDocument
from newsquotes.pipeline import process_raw
from newsquotes.storage import Store
from newsquotes.tables import (
    Source,
    build_tables,
    concat_tables,
    doc_id_for,
    empty_table,
    sha256_hex,
    typed_frame,
)
from schemas import TableValidationError, validate_tables

PIPELINE_VERSION = __version__
RAW_SUFFIXES = frozenset({".txt", ".md"})
DEFAULT_BATCH_SIZE = 500
_DETAIL_LIMIT = 4000  # characters of error detail kept per reject


@dataclass(frozen=True, slots=True)
class WorkItem:
    source: str  # path relative to the raw folder, with forward slashes
    path: str  # absolute path, as the workers will open it
    content_sha256: str


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
    """Every raw article below ``raw_dir``, recursively, in a stable order.

    Hidden files and folders are skipped; symlinked folders are followed once, so a symlink
    loop cannot make the walk run forever.
    """
    root = Path(raw_dir)
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
            if not name.startswith(".") and Path(name).suffix.lower() in RAW_SUFFIXES:
                yield Path(folder) / name


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def plan(raw_dir: str | os.PathLike, store: Store, prune: bool = False) -> Plan:
    """Hash every raw file and compare with the published state.

    A file is processed when it is new, changed, or was ingested by another pipeline version;
    a rejected file is tried again only when it changed. Missing files keep their rows unless
    ``prune`` is set.
    """
    root = Path(raw_dir).resolve()
    known = store.read("documents", ["doc_id", "source", "content_sha256", "pipeline_version"])
    known_by_source = {
        s: (h, v) for s, h, v in zip(known["source"], known["content_sha256"], known["pipeline_version"])
    }
    old_rejects = store.read("rejects")
    rejected = dict(zip(old_rejects["source"], old_rejects["content_sha256"]))
    result = Plan()
    present, still_rejected = set(), set()
    for path in discover(root):
        source = _relative(path, root)
        present.add(source)
        try:
            digest = sha256_hex(path.read_bytes())
        except OSError as err:
            result.rejects.append(Reject(source, None, "read", f"cannot read file: {err.strerror or err}"))
            continue
        if known_by_source.get(source) == (digest, PIPELINE_VERSION):
            result.unchanged += 1
        elif source in rejected and rejected[source] == digest:
            still_rejected.add(source)
            result.unchanged += 1
        else:
            result.todo.append(WorkItem(source, str(path), digest))
    if prune:
        result.pruned_doc_ids = {doc_id_for(s) for s in known_by_source if s not in present}
    keep = old_rejects["source"].isin(still_rejected if prune else still_rejected | (set(rejected) - present))
    result.kept_rejects = old_rejects[keep].reset_index(drop=True)
    result.cleared_rejects = len(old_rejects) - len(result.kept_rejects)
    return result


def batches(items: Sequence[WorkItem], size: int = DEFAULT_BATCH_SIZE) -> list[list[WorkItem]]:
    size = max(1, int(size))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _error_detail(err: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(err), err)).strip()[:_DETAIL_LIMIT]


def _load(item: WorkItem) -> tuple[Source, ProcessedDocument] | Reject:
    """Read, decode and process one article, turning any failure into a reject record."""
    try:
        data = Path(item.path).read_bytes()
    except OSError as err:
        return Reject(item.source, item.content_sha256, "read", f"cannot read file: {err.strerror or err}")
    digest = sha256_hex(data)  # the file may have changed since the plan; record what was read
    try:
        decoded = decode_bytes(data)
    except UndecodableError as err:
        return Reject(item.source, digest, "decode", str(err))
    try:
        processed = process_raw(decoded.text)
    except Exception as err:  # a bug on one article must not fail its batch
        return Reject(item.source, digest, "extract", "processing failed", _error_detail(err))
    if not processed.parsed.text.strip():
        return Reject(item.source, digest, "parse", "no article text")
    return Source(item.source, digest, decoded.encoding), processed


def process_batch(
    items: Sequence[WorkItem], ingested_at: dt.datetime
) -> tuple[dict[str, pd.DataFrame], pd.Series, list[Reject]]:
    """Process a batch into validated tables; articles that break the contract become rejects.

    Returns the tables, each document's publication date by doc_id (for partitioning), and the
    rejects.
    """
    loaded, rejects = [], []
    for item in items:
        outcome = _load(item)
        (rejects if isinstance(outcome, Reject) else loaded).append(outcome)
    tables, invalid = _validated_tables(loaded, ingested_at)
    rejects.extend(invalid)
    published = tables["documents"].set_index("doc_id")["published"]
    return tables, published, rejects


def _validated_tables(loaded, ingested_at) -> tuple[dict[str, pd.DataFrame], list[Reject]]:
    tables = build_tables(loaded, ingested_at, PIPELINE_VERSION)
    try:
        validate_tables(tables)
        return tables, []
    except TableValidationError as err:
        failures = err.failure_cases
    bad_ids = set(failures["doc_id"].dropna())
    if failures["doc_id"].isna().any():
        # A failure that names no article (a whole column wrong): validate one by one.
        bad_ids = {src.doc_id for src, doc in loaded if not _valid_alone(src, doc, ingested_at)}
    rejects = [
        Reject(
            src.path,
            src.content_sha256,
            "validate",
            "output broke the table contract",
            failures[failures["doc_id"] == src.doc_id].to_string(index=False)[:_DETAIL_LIMIT],
        )
        for src, _ in loaded
        if src.doc_id in bad_ids
    ]
    good = [(src, doc) for src, doc in loaded if src.doc_id not in bad_ids]
    tables = build_tables(good, ingested_at, PIPELINE_VERSION)
    validate_tables(tables)  # the remaining articles passed before; this guards that claim
    return tables, rejects


def _valid_alone(source: Source, doc: ProcessedDocument, ingested_at: dt.datetime) -> bool:
    try:
        validate_tables(build_tables([(source, doc)], ingested_at, PIPELINE_VERSION))
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
