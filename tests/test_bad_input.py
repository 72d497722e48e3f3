"""Hostile raw input through the real flow: every file ends up in the tables or in a reject.

Issue 6, "Nothing lost, nothing half-written". One flow run (a module fixture) ingests a raw
folder holding many bad files next to good ones; the tests then assert file by file. Files
that need a run of their own (they crash or hang the run today, or are very large) have their
own tests below.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import io
import json
import os
import random
import resource
import shutil
import subprocess
import threading
from pathlib import Path

import pandas as pd
import pytest

import flows.ingest
import newsquotes.ingest
from newsquotes import load, process_text
from newsquotes.cli import main
from newsquotes.model import Quote
from newsquotes.storage import Store
from tests.conftest import CHILD_PYTHON, PACKAGE_PATH
from tests.helpers import summary_counts

pytestmark = pytest.mark.usefixtures("prefect_server")

TABLES = ("documents", "sentences", "quotes", "rejects")


def article(title: str, *paragraphs: str, date: str = "March 3, 2024") -> str:
    body = "\n\n".join(paragraphs)
    return f"# {title}\n\nBy [The Daily Example](#)\n\n{date}\n\n{body}\n\nOriginal url:\n<https://example.com/{len(body)}>\n"


GOOD = {
    "good/budget.txt": article(
        "Mayor Says Budget Is Balanced",
        '"We balanced the budget," Mayor Jane Smith said on Monday.',
        "Critics were not convinced. Council member Tom Lee said the numbers did not add up.",
    ),
    "good/storm.md": article(
        "Storm Closes Schools",
        "Schools across the county closed on Friday as a storm moved in.",
        '"Safety comes first," said Superintendent Ana Ruiz. She added that classes would resume on Monday.',
    ),
    "good/trade.txt": article(
        "Trade Talks Resume",
        "Negotiators met in Geneva on Tuesday, according to officials.",
        "The minister told reporters that a deal was \u201cwithin reach\u201d but gave no date.",
    ),
}

# Decoded text of the articles that have to survive an odd encoding with the right characters.
CP1252_TEXT = article(
    "Minister Rejects Criticism",
    "\u201cWe will not back down,\u201d the minister said at the caf\u00e9 \u2013 a na\u00efve move, critics said.",
    "\u2018It\u2019s over,\u2019 one aide whispered.",
)
UTF16_TEXT = article(
    "Ministre r\u00e9pond aux critiques",
    "\u201cNous ne reculerons pas,\u201d a dit le ministre \u00e0 Gen\u00e8ve. Caf\u00e9 cr\u00e8me.",
)
LINES_TEXT = article(
    "Line Endings Test",
    "First paragraph, first line.\nFirst paragraph, second line.",
    '"A second paragraph," the reporter said.',
)

MARKER_CRASH = "SABOTAGE-CRASH"  # process_raw raises on this article
MARKER_CONTRACT = "SABOTAGE-CONTRACT"  # process_raw returns a quote outside its sentence


def _hostile_files() -> dict[str, bytes]:
    rng = random.Random(6)
    unbalanced = " ".join(
        rng.choice(['"', "\u201c", "\u201d", "\u2018", "'", "He said", "she said.", "word", "\u201cYes"])
        for _ in range(12_000)
    )
    words = "the committee met again on tuesday to discuss budget plans for the coming year and beyond"
    nul_article = article("Nul Bytes In The Middle", *["Officials said the vote was close." for _ in range(40)])
    return {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n   \r\n\n\f ",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4000),
        "scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + rng.randbytes(4000),
        "noise.txt": rng.randbytes(8000),  # no signature at all: must be judged by its bytes
        "only-nuls.txt": b"\x00" * 512,
        "only-markup.txt": b"**\n\n[](#)\n\n__\n",
        "cp1252.txt": CP1252_TEXT.encode("cp1252"),
        "utf16-bom.txt": codecs.BOM_UTF16_LE + UTF16_TEXT.encode("utf-16-le"),
        "utf16-be-bom.txt": codecs.BOM_UTF16_BE + UTF16_TEXT.encode("utf-16-be"),
        "utf16-no-bom.txt": UTF16_TEXT.encode("utf-16-le"),
        "utf8-bom.txt": codecs.BOM_UTF8 + UTF16_TEXT.encode("utf-8"),
        "crlf.txt": LINES_TEXT.replace("\n", "\r\n").encode(),
        "lone-cr.txt": LINES_TEXT.replace("\n", "\r").encode(),
        "nul-bytes.txt": nul_article.replace("vote", "vo\x00te").encode(),
        "long-paragraph.txt": ("# One Long Paragraph\n\n" + " ".join([words] * 11_500) + "\n").encode(),
        "unbalanced-quotes.txt": ("# Unbalanced Marks\n\n" + unbalanced + "\n").encode(),
        "vanishing.txt": article("Gone Before Processing", "This file is deleted after the plan.").encode(),
        "crash.txt": article("Extractor Bug", f"{MARKER_CRASH} The minister said it was fine.").encode(),
        "contract.txt": article(
            "Broken Contract", f"{MARKER_CONTRACT} First sentence here.", "Second sentence there."
        ).encode(),
        "dir.txt/inner.txt": article("Inside A Folder Named .txt", "Folders named like files are folders.").encode(),
        "feed.jsonl": "\n".join(
            [
                json.dumps({"title": "Feed Item", "text": "The mayor said the budget was balanced."}),
                "{not json",
                json.dumps({"title": "No Text"}),
                "[1, 2]",
                json.dumps({"title": "Numeric Text", "text": 42}),
                "",
            ]
        ).encode(),
        "photo.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000),
        "blank.html": b"<!doctype html><html><head><title>x</title></head><body></body></html>",
        **{name: text.encode() for name, text in GOOD.items()},
    }


# source -> (stage, words the reason must contain); everything else must be a document.
EXPECTED_REJECTS = {
    "empty.txt": ("decode", "empty"),
    "whitespace.txt": ("decode", "whitespace"),
    "image.txt": ("decode", "PNG"),
    "scan.txt": ("decode", "PDF"),
    "noise.txt": ("decode", "not text"),
    "only-nuls.txt": ("decode", "NUL"),
    "only-markup.txt": ("parse", "no article text"),
    "vanishing.txt": ("read", "No such file"),
    "crash.txt": ("extract", "processing failed"),
    "contract.txt": ("validate", "contract"),
    "dangling.txt": ("read", "No such file"),
    "self-loop.txt": ("read", "symbolic links"),
    "feed.jsonl#L2": ("parse", "invalid JSON"),
    "feed.jsonl#L3": ("parse", "no text field"),
    "feed.jsonl#L4": ("parse", "not a JSON object"),
    "feed.jsonl#L5": ("parse", "not a string"),
    "photo.html": ("decode", "PNG"),
    "blank.html": ("parse", "no article text"),
}
EXPECTED_ENCODINGS = {
    "cp1252.txt": "cp1252",
    "utf16-bom.txt": "utf-16",
    "utf16-be-bom.txt": "utf-16",
    "utf16-no-bom.txt": "utf-16-le",
    "utf8-bom.txt": "utf-8-sig",
    "crlf.txt": "utf-8",
    "lone-cr.txt": "utf-8",
    "nul-bytes.txt": "utf-8",
    "long-paragraph.txt": "utf-8",
    "unbalanced-quotes.txt": "utf-8",
    "dir.txt/inner.txt": "utf-8",
    "feed.jsonl#L1": "utf-8",
    **{name: "utf-8" for name in GOOD},
}


def _sabotaged(real):
    """process_raw with two planted faults: one article raises, one breaks the table contract."""

    def process_raw(raw: str):
        if MARKER_CRASH in raw:
            raise RuntimeError("planted extractor bug")
        processed = real(raw)
        if MARKER_CONTRACT in raw:
            first, last = processed.sentences[1], processed.sentences[-1]
            stray = Quote("direct", first.start, first.end, last.index, last.index, confidence=0.5)
            processed = dataclasses.replace(processed, quotes=(*processed.quotes, stray))
        return processed

    return process_raw


def _deleting_after_plan(real, victim: Path):
    def plan_items(*args, **kwargs):
        for item in real(*args, **kwargs):
            if item.path == str(victim.resolve()):
                victim.unlink()  # the file was hashed by the plan; the worker will not find it
            yield item

    return plan_items


@dataclasses.dataclass
class Run:
    raw: Path
    out: Path
    status: int
    stdout: str
    stderr: str
    tables: dict[str, pd.DataFrame]


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {t: load(t, root=str(out)) for t in TABLES}


def _cli(raw: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["ingest", str(raw), "--out", str(out), *extra])
    return status, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Run:
    base = tmp_path_factory.mktemp("hostile")
    raw, out = base / "raw", base / "out"
    for name, data in _hostile_files().items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    os.symlink("missing-target.txt", raw / "dangling.txt")
    os.symlink("self-loop.txt", raw / "self-loop.txt")
    os.symlink(".", raw / "loop")  # a folder loop: raw/loop/loop/... must not be walked
    os.symlink("..", raw / "good" / "up")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(newsquotes.ingest, "process_raw", _sabotaged(newsquotes.ingest.process_raw))
        mp.setattr(flows.ingest, "plan_items", _deleting_after_plan(flows.ingest.plan_items, raw / "vanishing.txt"))
        status, stdout, stderr = _cli(raw, out, "--batch-size", "4", "--runner", "threads")
    return Run(raw, out, status, stdout, stderr, _tables(out))


def test_every_file_is_either_a_document_or_a_reject(hostile):
    documents, rejects = hostile.tables["documents"], hostile.tables["rejects"]
    assert set(documents["source"]).isdisjoint(rejects["source"])
    assert documents["source"].is_unique and rejects["source"].is_unique
    assert set(rejects["source"]) == set(EXPECTED_REJECTS)
    assert set(documents["source"]) == set(EXPECTED_ENCODINGS)


@pytest.mark.parametrize("source", sorted(EXPECTED_REJECTS))
def test_reject_says_where_and_why(hostile, source):
    row = hostile.tables["rejects"].set_index("source").loc[source]
    stage, words = EXPECTED_REJECTS[source]
    assert row["stage"] == stage
    assert words in row["reason"]
    if stage == "read" and source != "vanishing.txt":
        assert pd.isna(row["content_sha256"])  # nothing could be read, so nothing was hashed
    else:
        assert len(row["content_sha256"]) == 64
    if stage in ("extract", "validate"):
        assert {"extract": "planted extractor bug", "validate": "inside_its_sentences"}[stage] in row["detail"]


@pytest.mark.parametrize("source", sorted(EXPECTED_ENCODINGS))
def test_document_records_its_encoding_and_clean_text(hostile, source):
    documents = hostile.tables["documents"].set_index("source")
    row = documents.loc[source]
    assert row["encoding"] == EXPECTED_ENCODINGS[source]
    text = row["text"]
    assert text.strip() and not any(c in text for c in "\r\x00\ufeff")
    n = (hostile.tables["sentences"]["doc_id"] == row["doc_id"]).sum()
    assert row["n_sentences"] == n >= 1


def test_odd_encodings_decode_to_the_right_characters(hostile):
    documents = hostile.tables["documents"].set_index("source")["text"]
    assert documents["cp1252.txt"] == process_text(CP1252_TEXT)["documents"].loc[0, "text"]
    assert "\u201cWe will not back down,\u201d" in documents["cp1252.txt"]
    assert "caf\u00e9 \u2013 a na\u00efve" in documents["cp1252.txt"]
    expected = process_text(UTF16_TEXT)["documents"].loc[0, "text"]
    for source in ("utf16-bom.txt", "utf16-be-bom.txt", "utf16-no-bom.txt", "utf8-bom.txt"):
        assert documents[source] == expected, source
    assert "Gen\u00e8ve" in expected


def test_line_endings_give_the_same_article_as_lf(hostile):
    documents = hostile.tables["documents"].set_index("source")["text"]
    expected = process_text(LINES_TEXT)["documents"].loc[0, "text"]
    assert documents["crlf.txt"] == documents["lone-cr.txt"] == expected
    assert "First paragraph, first line. First paragraph, second line." in expected


def test_nul_bytes_are_removed_not_fatal(hostile):
    text = hostile.tables["documents"].set_index("source").loc["nul-bytes.txt", "text"]
    assert "vote was close" in text and "\x00" not in text


def test_long_paragraph_and_unbalanced_marks_are_ingested_with_valid_spans(hostile):
    documents = hostile.tables["documents"].set_index("source")
    sentences, quotes = hostile.tables["sentences"], hostile.tables["quotes"]
    for source in ("long-paragraph.txt", "unbalanced-quotes.txt"):
        doc = documents.loc[source]
        own = sentences[sentences["doc_id"] == doc["doc_id"]]
        assert all(doc["text"][s:e] == t for s, e, t in zip(own["start"], own["end"], own["text"]))
        found = quotes[quotes["doc_id"] == doc["doc_id"]]
        assert all(doc["text"][s:e] == t for s, e, t in zip(found["start"], found["end"], found["content"]))
        assert doc["n_quotes"] == len(found)
    assert len(documents.loc["long-paragraph.txt", "text"]) > 1_000_000


def test_symlink_loops_are_walked_once(hostile):
    sources = list(hostile.tables["documents"]["source"]) + list(hostile.tables["rejects"]["source"])
    assert not [s for s in sources if s.startswith("loop/") or "/up/" in s]


def test_summary_counts_match_the_tables_and_exit_status_is_3(hostile):
    t = hostile.tables
    assert hostile.status == 3, hostile.stderr
    assert summary_counts(hostile.stdout) == {
        "processed": len(t["documents"]),
        "unchanged": 0,
        "rejected": len(t["rejects"]),
        "pruned": 0,
        "documents": len(t["documents"]),
        "sentences": len(t["sentences"]),
        "quotes": len(t["quotes"]),
        "rejects": len(t["rejects"]),
    }
    assert t["documents"]["n_quotes"].sum() == len(t["quotes"])
    assert t["documents"]["n_sentences"].sum() == len(t["sentences"])


def test_rerun_changes_nothing_and_fixing_a_file_clears_its_reject(hostile, tmp_path):
    # Work on a copy so the other tests keep seeing the first run's tables.
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(hostile.raw, raw, symlinks=True)
    shutil.copytree(hostile.out, out, symlinks=True)
    status, stdout, _ = _cli(raw, out)
    after = _tables(out)
    # Nothing changed, so nothing is new: the unreadable links' rejects stand as they were.
    counts = summary_counts(stdout)
    assert (counts["processed"], counts["rejected"], status) == (0, 0, 0)
    for name in ("documents", "sentences", "quotes"):
        pd.testing.assert_frame_equal(_sorted(after[name]), _sorted(hostile.tables[name]))
    assert set(after["rejects"]["source"]) == set(EXPECTED_REJECTS)

    (raw / "empty.txt").write_text(GOOD["good/budget.txt"].replace("Monday", "Tuesday"))
    (raw / "dangling.txt").unlink()
    status, stdout, _ = _cli(raw, out)
    assert (summary_counts(stdout)["processed"], status) == (1, 0)  # self-loop.txt's reject stands
    fixed = _tables(out)
    assert "empty.txt" in set(fixed["documents"]["source"])
    # A file that disappeared keeps its reject until --prune, like a document keeps its rows.
    assert set(fixed["rejects"]["source"]) == set(EXPECTED_REJECTS) - {"empty.txt"}


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("doc_id", "sentence_index", "quote_index") if c in frame]
    return frame.sort_values(keys).reset_index(drop=True)


# -- files that need a run of their own ---------------------------------------------------------


def test_file_name_that_is_not_utf8(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "good.txt").write_text(GOOD["good/budget.txt"])
    # A cp1252 name from an unzipped Windows archive: bytes that are not UTF-8.
    with open(os.path.join(os.fsencode(raw), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD["good/storm.md"].encode())
    status, stdout, stderr = _cli(raw, out)
    tables = _tables(out)
    assert list(tables["documents"]["source"]) == ["good.txt"]
    # Rejected under a name that shows its bytes, with a reason the user can act on.
    assert tables["rejects"][["source", "stage"]].values.tolist() == [["caf\\xe9.txt", "read"]]
    assert "not valid UTF-8" in tables["rejects"].loc[0, "reason"]
    assert status == 3


def test_fifo_named_txt_does_not_hang_the_plan(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(GOOD["good/budget.txt"])
    os.mkfifo(raw / "pipe.txt")
    result: dict = {}
    worker = threading.Thread(target=lambda: result.setdefault("plan", newsquotes.ingest.plan(raw, Store(tmp_path / "out"))))
    worker.start()
    worker.join(timeout=10)  # planning two files takes milliseconds; 10 s means it is blocked
    hung = worker.is_alive()
    if hung:  # release the reader: open the write end and close it, so it sees end of file
        os.close(os.open(raw / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK))
        worker.join()
    assert not hung, "plan() blocked reading a FIFO"
    plan = result["plan"]
    assert [w.source for w in plan.todo] == ["good.txt"]
    assert [(r.source, r.stage) for r in plan.rejects] == [("pipe.txt", "read")]
    assert "not a regular file" in plan.rejects[0].reason


def _limit_memory():  # runs in the child: a bug that needs too much memory raises MemoryError
    limit = 8 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_50_mb_article_is_ingested(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "small.txt").write_text(GOOD["good/budget.txt"])
    paragraph = (
        "The committee met again on Tuesday to discuss the budget for the coming year. "
        "\u201cWe are making progress,\u201d the chair said after the meeting. "
        "Members of the opposition said they would study the proposal before voting. "
    ) * 20
    n = 50 * 1024**2 // (len(paragraph) + 2) + 1
    (raw / "huge.txt").write_text("# A Very Long Report\n\n" + "\n\n".join([paragraph] * n) + "\n")
    assert (raw / "huge.txt").stat().st_size > 50 * 1024**2
    # In a child process with a memory limit, so the bug cannot take the test session down with it.
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PYTHONPATH": PACKAGE_PATH, "PREFECT_API_URL": PREFECT_API_URL.value()}
    run = subprocess.run(
        [*CHILD_PYTHON, "-m", "newsquotes.cli", "ingest", str(raw), "--out", str(out)],
        env=env, capture_output=True, text=True, preexec_fn=_limit_memory, timeout=1800,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    documents = load("documents", root=str(out)).set_index("source")
    assert set(documents.index) == {"small.txt", "huge.txt"}
    assert len(documents.loc["huge.txt", "text"]) > 50_000_000
    assert documents.loc["huge.txt", "encoding"] == "utf-8"
