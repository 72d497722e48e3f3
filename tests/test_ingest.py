import dataclasses
import datetime as dt
import os

import pandas as pd
import pytest

from newsquotes import ingest
from newsquotes.ingest import WorkItem, discover, plan, process_batch
from newsquotes.storage import Store
from newsquotes.tables import empty_table, sha256_hex
from tests.helpers import ARTICLE

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def item(path) -> WorkItem:
    return WorkItem(path.name, str(path), sha256_hex(path.read_bytes()))


def test_discovery_is_recursive_sorted_and_skips_hidden_files(tmp_path):
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / "2024" / "05" / "b.txt").write_text("B")
    (tmp_path / "a.md").write_text("A")
    (tmp_path / ".hidden.txt").write_text("H")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("X")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.md", "notes.pdf", "2024/05/b.txt"]


def test_unsupported_files_are_rejected_once_not_skipped(tmp_path):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE)
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4")
    work = plan(raw, store)
    assert [w.source for w in work.todo] == ["a.txt"]
    assert [(r.source, r.stage) for r in work.rejects] == [("scan.pdf", "read")]
    assert "unsupported file type '.pdf'" in work.rejects[0].reason
    store.publish("r1", set(), ingest.rejects_frame(work.rejects, NOW))
    again = plan(raw, store)  # the same reject stands: nothing new to do or to publish
    assert again.rejects == [] and again.unchanged == 1 and len(again.kept_rejects) == 1


def test_discovery_survives_a_symlink_loop(tmp_path):
    (tmp_path / "day").mkdir()
    (tmp_path / "day" / "a.txt").write_text("A")
    os.symlink(tmp_path, tmp_path / "day" / "loop")
    found = [p.name for p in discover(tmp_path)]
    assert found == ["a.txt"]


def test_plan_keeps_relative_paths_and_finds_everything_new(tmp_path):
    (tmp_path / "raw" / "src").mkdir(parents=True)
    (tmp_path / "raw" / "src" / "a.txt").write_text(ARTICLE)
    work = plan(tmp_path / "raw", Store(tmp_path / "out"))
    assert [w.source for w in work.todo] == ["src/a.txt"] and work.unchanged == 0


def test_a_good_and_a_binary_file_in_one_batch(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "photo.txt"
    good.write_text(ARTICLE)
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    output = process_batch([item(good), item(bad)], NOW)
    tables, rejects = output.tables, output.rejects
    assert list(tables["documents"]["source"]) == ["good.txt"]
    assert [(r.source, r.stage) for r in rejects] == [("photo.txt", "decode")]
    assert "PNG" in rejects[0].reason


def test_a_file_that_vanished_becomes_a_read_reject(tmp_path):
    gone = WorkItem("gone.txt", str(tmp_path / "gone.txt"), "0" * 64)
    output = process_batch([gone], NOW)
    rejects = output.rejects
    assert output.tables["documents"].empty
    assert rejects[0].stage == "read" and "No such file" in rejects[0].reason


def test_an_extractor_crash_on_one_article_rejects_only_that_article(tmp_path, monkeypatch):
    real = ingest.process_raw

    def fragile(text):
        if "poison" in text:
            raise RuntimeError("boom")
        return real(text)

    monkeypatch.setattr(ingest, "process_raw", fragile)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + "\npoison\n")
    output = process_batch([item(tmp_path / "a.txt"), item(tmp_path / "b.txt")], NOW)
    rejects = output.rejects
    assert list(output.tables["documents"]["source"]) == ["a.txt"]
    assert rejects[0].stage == "extract" and "RuntimeError: boom" in rejects[0].detail


def test_output_that_breaks_the_contract_rejects_only_that_article(tmp_path, monkeypatch):
    real = ingest.process_raw

    def empty_sentence(text):
        doc = real(text)
        if "broken" not in text:
            return doc
        sentences = tuple(s.__class__(s.index, s.paragraph_index, s.block, s.start, s.start, s.section) for s in doc.sentences[:1])
        return doc.__class__(doc.parsed, sentences + doc.sentences[1:], doc.quotes)

    monkeypatch.setattr(ingest, "process_raw", empty_sentence)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Critics", "broken critics"))
    output = process_batch([item(tmp_path / "a.txt"), item(tmp_path / "b.txt")], NOW)
    rejects = output.rejects
    assert list(output.tables["documents"]["source"]) == ["a.txt"]
    assert rejects[0].stage == "validate" and "start < end" in rejects[0].detail


@pytest.mark.parametrize(
    "breakage, column",
    [
        ("a sentence without a start", "sentences.start"),
        ("a confidence in words", "quotes.confidence"),
        ("a date as text", "documents.published"),
    ],
)
def test_a_value_its_column_cannot_store_rejects_only_that_article(tmp_path, monkeypatch, breakage, column):
    """Such a value used to fail the frame (or the Parquet write) of the whole part, and so the run."""
    import dataclasses

    real = ingest.process_raw

    def broken(text):
        doc = real(text)
        if "broken" not in text:
            return doc
        if breakage == "a sentence without a start":
            return dataclasses.replace(doc, sentences=(dataclasses.replace(doc.sentences[0], start=None), *doc.sentences[1:]))
        if breakage == "a confidence in words":
            return dataclasses.replace(doc, quotes=(dataclasses.replace(doc.quotes[0], confidence="high"), *doc.quotes[1:]))
        return dataclasses.replace(doc, parsed=dataclasses.replace(doc.parsed, published="last Tuesday"))

    monkeypatch.setattr(ingest, "process_raw", broken)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Critics", "broken critics"))
    store = Store(tmp_path / "out")
    summary = ingest.stage_batch([item(tmp_path / "a.txt"), item(tmp_path / "b.txt")], store, "run", "00000", NOW)
    store.publish("run", set(), ingest.rejects_frame(summary.rejects, NOW))
    assert list(store.read("documents")["source"]) == ["a.txt"]
    assert len(store.read("quotes")) > 0
    [reject] = summary.rejects
    assert (reject.source, reject.stage) == ("b.txt", "validate") and reject.detail.startswith(column)


def test_a_changed_file_whose_new_article_breaks_the_contract_keeps_its_old_rows(tmp_path, monkeypatch):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE)
    first = ingest.stage_batch(plan(raw, store).todo, store, "r1", "00000", NOW)
    store.publish("r1", first.replaced_doc_ids, empty_table("rejects"))
    before = store.read("documents")

    real = ingest.process_raw

    def without_sentences(text):  # no sentences: the article breaks the contract
        doc = real(text)
        return dataclasses.replace(doc, sentences=()) if "broken" in text else doc

    monkeypatch.setattr(ingest, "process_raw", without_sentences)
    (raw / "a.txt").write_text(ARTICLE.replace("Critics", "broken critics"))
    second = ingest.stage_batch(plan(raw, store).todo, store, "r2", "00000", NOW)
    [reject] = second.rejects
    assert reject.stage == "validate" and second.replaced_doc_ids == set()
    store.publish("r2", second.replaced_doc_ids, ingest.rejects_frame(second.rejects, NOW))
    pd.testing.assert_frame_equal(store.read("documents"), before)  # the bad copy lost nothing
    assert list(store.read("rejects")["source"]) == ["a.txt"]


def test_plan_skips_unchanged_and_rejected_files_until_they_change(tmp_path):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE)
    (raw / "bad.txt").write_bytes(b"")
    output = process_batch(plan(raw, store).todo, NOW)
    store.stage("r1", "b0", output.tables, output.published)
    store.publish("r1", set(), ingest.rejects_frame(output.rejects, NOW))
    again = plan(raw, store)
    assert again.todo == [] and again.unchanged == 2 and len(again.kept_rejects) == 1
    (raw / "bad.txt").write_text(ARTICLE)
    fixed = plan(raw, store)
    assert [w.source for w in fixed.todo] == ["bad.txt"] and fixed.cleared_rejects == 1


@pytest.mark.parametrize("prune", [False, True])
def test_a_missing_file_keeps_its_rows_unless_pruned(tmp_path, prune):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE)
    output = process_batch(plan(raw, store).todo, NOW)
    store.stage("r1", "b0", output.tables, output.published)
    store.publish("r1", set(), empty_table("rejects"))
    (raw / "a.txt").unlink()
    work = plan(raw, store, prune=prune)
    assert work.todo == []
    assert bool(work.pruned_doc_ids) is prune


def test_jsonl_records_are_articles_with_line_sources_and_bad_lines_rejected(tmp_path):
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text(
        '{"headline": "Dam opens", "body": "The dam opened on Monday, officials said.", "date": "2024-05-02"}\n'
        "{not json}\n"
        '{"headline": "Bridge closes", "body": "The bridge closed on Friday.", "date": "2024-05-03"}\n'
    )
    output = process_batch([item(corpus)], NOW, fields={"title": "headline", "text": "body"})
    documents = output.tables["documents"]
    assert list(documents["source"]) == ["feed.jsonl#L1", "feed.jsonl#L3"]
    assert list(documents["title"]) == ["Dam opens", "Bridge closes"]
    assert [str(d) for d in documents["published"]] == ["2024-05-02", "2024-05-03"]
    assert [(r.source, r.stage) for r in output.rejects] == [("feed.jsonl#L2", "parse")]
    assert "invalid JSON" in output.rejects[0].reason


def test_a_changed_jsonl_file_replaces_all_its_records(tmp_path):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    feed = raw / "feed.jsonl"
    feed.write_text('{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n')
    first = process_batch(plan(raw, store).todo, NOW)
    store.stage("r1", "b0", first.tables, first.published)
    store.publish("r1", first.replaced_doc_ids, empty_table("rejects"))
    feed.write_text('{"title": "A", "text": "One, revised."}\n')
    work = plan(raw, store)
    assert len(work.todo) == 1 and len(work.todo[0].old_doc_ids) == 2
    second = process_batch(work.todo, NOW)
    store.stage("r2", "b0", second.tables, second.published)
    store.publish("r2", second.replaced_doc_ids, empty_table("rejects"))
    assert list(store.read("documents")["source"]) == ["feed.jsonl#L1"]
    assert plan(raw, store).todo == []


def test_html_article_is_ingested_with_its_metadata(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Port strike ends</title><meta property='og:site_name' content='Harbour News'>"
        "<meta property='article:published_time' content='2024-03-04'></head><body><article>"
        "<h1>Port strike ends</h1><p>Dock workers returned on Monday after a week-long strike.</p>"
        "<p>\"We are glad it is over,\" union leader Maria Costa said.</p></article></body></html>"
    )
    documents = process_batch([item(page)], NOW).tables["documents"]
    assert documents.loc[0, "title"] == "Port strike ends"
    assert documents.loc[0, "publisher"] == "Harbour News"
    assert "Dock workers returned" in documents.loc[0, "text"]


def test_plan_calls_on_work_once_and_only_when_there_is_work(tmp_path):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    for name in ("a.txt", "b.txt", "notes.pdf"):
        (raw / name).write_text(ARTICLE)
    calls = []
    work = plan(raw, store, on_work=lambda: calls.append(len(calls)))
    assert calls == [0] and [w.source for w in work.todo] == ["a.txt", "b.txt"]
    assert list(work.kept_rejects.columns) == list(empty_table("rejects").columns)  # none kept, all columns
    output = process_batch(work.todo, NOW)
    store.stage("r1", "b0", output.tables, output.published)
    store.publish("r1", set(), ingest.rejects_frame(work.rejects, NOW))
    calls.clear()
    assert plan(raw, store, on_work=lambda: calls.append(1)).todo == [] and calls == []


def test_plan_items_hashes_a_file_only_when_it_is_drawn(tmp_path, monkeypatch):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    for n in range(5):
        (raw / f"{n}.txt").write_text(ARTICLE.replace("Monday", f"day {n}"))
    hashed = []
    real = ingest._hash_file
    monkeypatch.setattr(ingest, "_hash_file", lambda path: hashed.append(path) or real(path))
    work = ingest.Plan()
    first = next(ingest.batches(ingest.plan_items(raw, store, work), 2))
    assert [item.source for item in first] == ["0.txt", "1.txt"] and len(hashed) == 2
    assert plan(raw, store).todo and work.todo == []  # the stream leaves result.todo to the caller


def test_a_failure_naming_no_article_rejects_only_the_article_that_causes_it(tmp_path, monkeypatch):
    # Some contract failures (a column-wide one) name no row; the batch is then validated article
    # by article, and only the one that fails alone is rejected.
    real = ingest.validate_tables

    def column_wide_failure(tables):
        real(tables)
        if tables["documents"]["text"].str.contains("broken").any():
            cases = pd.DataFrame({"table": ["documents"], "check": ["planted"], "column": ["text"],
                                  "doc_id": [None], "failure_case": ["x"]})
            raise ingest.TableValidationError(cases)

    monkeypatch.setattr(ingest, "validate_tables", column_wide_failure)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Critics", "broken critics"))
    output = process_batch([item(tmp_path / "a.txt"), item(tmp_path / "b.txt")], NOW)
    assert list(output.tables["documents"]["source"]) == ["a.txt"]
    assert set(output.tables["sentences"]["doc_id"]) == set(output.tables["documents"]["doc_id"])
    assert [(r.source, r.stage) for r in output.rejects] == [("b.txt", "validate")]


def _jsonl_feed(path, n: int) -> None:
    path.write_text("".join(
        f'{{"title": "Story {k}", "text": "The mayor said on day {k} that the bridge would reopen."}}\n'
        for k in range(n)
    ))


def test_parts_hold_a_bounded_share_of_a_batch_and_add_up_to_it(tmp_path):
    # One JSONL file of 30 articles is a single item: its parts must split it, not wait for its end.
    _jsonl_feed(tmp_path / "feed.jsonl", 30)
    (tmp_path / "a.txt").write_text(ARTICLE)
    items = [item(tmp_path / "feed.jsonl"), item(tmp_path / "a.txt")]
    whole = process_batch(items, NOW)
    size = len(whole.tables["documents"]["text"][0])
    parts = list(ingest.process_parts(items, NOW, part_chars=5 * size))
    assert len(parts) >= 6
    assert all(len(p.tables["documents"]) <= 5 for p in parts[:-1])
    for table, frame in whole.tables.items():
        joined = pd.concat([p.tables[table] for p in parts], ignore_index=True)
        pd.testing.assert_frame_equal(joined, frame)


def test_a_staged_batch_publishes_the_same_tables_in_parts_and_whole(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _jsonl_feed(raw / "feed.jsonl", 12)
    (raw / "a.txt").write_text(ARTICLE)
    (raw / "bad.txt").write_bytes(b"")
    published = {}
    for name, part_chars in (("parts", 100), ("whole", None)):
        store = Store(tmp_path / name)
        summary = ingest.stage_batch(plan(raw, store).todo, store, "r1", "00000", NOW, part_chars=part_chars)
        assert (summary.files, summary.ingested) == (3, 13)
        assert [(r.source, r.stage) for r in summary.rejects] == [("bad.txt", "decode")]
        store.publish("r1", summary.replaced_doc_ids, ingest.rejects_frame(summary.rejects, NOW))
        published[name] = {table: store.read(table) for table in ("documents", "sentences", "quotes")}
    for table, frame in published["whole"].items():
        key = ["doc_id"] + [c for c in ("sentence_index", "quote_index") if c in frame]
        in_parts = published["parts"][table].sort_values(key, ignore_index=True)
        pd.testing.assert_frame_equal(in_parts, frame.sort_values(key, ignore_index=True))


def test_a_changed_file_split_over_parts_replaces_its_old_rows_once(tmp_path):
    raw, store = tmp_path / "raw", Store(tmp_path / "out")
    raw.mkdir()
    _jsonl_feed(raw / "feed.jsonl", 6)
    first = ingest.stage_batch(plan(raw, store).todo, store, "r1", "00000", NOW, part_chars=100)
    store.publish("r1", first.replaced_doc_ids, empty_table("rejects"))
    _jsonl_feed(raw / "feed.jsonl", 4)  # two records fewer: their rows must go
    work = plan(raw, store)
    second = ingest.stage_batch(work.todo, store, "r2", "00000", NOW, part_chars=100)
    assert second.replaced_doc_ids == work.todo[0].old_doc_ids and len(second.replaced_doc_ids) == 6
    store.publish("r2", second.replaced_doc_ids, empty_table("rejects"))
    assert sorted(store.read("documents")["source"]) == [f"feed.jsonl#L{k}" for k in range(1, 5)]
