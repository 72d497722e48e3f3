import multiprocessing

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from newsquotes.storage import OutputLockedError, Store
from newsquotes.tables import empty_table
from tests.helpers import ARTICLE, tables_for

SECOND = ARTICLE.replace("March 3, 2024", "April 9, 2023").replace("Jane Smith", "Ann Lee")


def publish(store: Store, run: str, tables: dict, drop: set[str] = frozenset()) -> str:
    published = tables["documents"].set_index("doc_id")["published"]
    store.stage(run, "b0", tables, published)
    return store.publish(run, set(drop), empty_table("rejects"))


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "processed")


def test_published_tables_read_back_equal(store):
    tables = tables_for(("a.txt", ARTICLE), ("b.txt", SECOND))
    publish(store, "r1", tables)
    for name in ("documents", "sentences", "quotes"):
        back = store.read(name).sort_values(list(tables[name].columns[:2])).reset_index(drop=True)
        expected = tables[name].sort_values(list(tables[name].columns[:2])).reset_index(drop=True)
        pd.testing.assert_frame_equal(back, expected, check_dtype=False)


def test_tables_are_readable_by_pandas_duckdb_and_polars(store):
    publish(store, "r1", tables_for(("a.txt", ARTICLE), ("b.txt", SECOND)))
    root = store.root
    assert len(pd.read_parquet(root / "sentences")) == store.count("sentences")
    assert duckdb.sql(f"select count(*) from read_parquet('{root}/quotes/**/*.parquet')").fetchall()[0][0] == 2
    frame = pl.read_parquet(f"{root}/documents/**/*.parquet")
    assert frame.schema["published"] == pl.Date and frame.height == 2


def test_empty_table_is_still_readable(store):
    tables = tables_for(("a.txt", "# Only a title\n\nNo quotes in this text at all."))
    publish(store, "r1", tables)
    assert store.count("quotes") == 0
    assert list(pd.read_parquet(store.root / "quotes").columns) == list(empty_table("quotes").columns)
    assert duckdb.sql(f"select count(*) from read_parquet('{store.root}/quotes/**/*.parquet')").fetchall()[0][0] == 0


def test_partitions_are_months_of_publication(store):
    publish(store, "r1", tables_for(("a.txt", ARTICLE), ("b.txt", SECOND), ("c.txt", "Headline\n\nBody text.")))
    months = sorted(p.parent.name for p in store.files("documents"))
    assert months == ["2023-04", "2024-03", "undated"]
    march = pd.read_parquet(store.root / "documents" / "2024-03")
    assert list(march["source"]) == ["a.txt"]


def test_schema_version_is_in_the_parquet_metadata(store):
    publish(store, "r1", tables_for(("a.txt", ARTICLE)))
    metadata = pq.read_schema(store.files("quotes")[0]).metadata
    assert metadata[b"newsquotes.schema_version"] == b"1"
    assert metadata[b"newsquotes.table"] == b"quotes"


def test_republishing_an_article_replaces_its_rows(store):
    first = tables_for(("a.txt", ARTICLE), ("b.txt", SECOND))
    publish(store, "r1", first)
    changed = tables_for(("a.txt", ARTICLE.replace("Critics were not convinced.", "Critics agreed. Few did.")))
    doc_id = changed["documents"].loc[0, "doc_id"]
    publish(store, "r2", changed, drop={doc_id})
    documents = store.read("documents")
    assert sorted(documents["source"]) == ["a.txt", "b.txt"]
    sentences = store.read("sentences")
    assert (sentences["doc_id"] == doc_id).sum() == len(changed["sentences"])
    assert "Few did." in set(sentences["text"])


def test_dropping_without_replacement_removes_rows_everywhere(store):
    tables = tables_for(("a.txt", ARTICLE), ("b.txt", SECOND))
    publish(store, "r1", tables)
    gone = tables["documents"].loc[1, "doc_id"]
    store.publish("r2", {gone}, empty_table("rejects"))
    for name in ("documents", "sentences", "quotes"):
        assert gone not in set(store.read(name)["doc_id"])


def test_a_reader_holding_the_old_snapshot_keeps_a_complete_table(store):
    publish(store, "r1", tables_for(("a.txt", ARTICLE)))
    old_folder = store.table_dir("sentences")
    before = pd.read_parquet(old_folder)
    publish(store, "r2", tables_for(("b.txt", SECOND)))
    pd.testing.assert_frame_equal(pd.read_parquet(old_folder), before)
    assert store.table_dir("sentences") != old_folder


def test_old_snapshots_are_cleaned_up(store):
    for n in range(4):
        publish(store, f"r{n}", tables_for((f"{n}.txt", ARTICLE)))
    assert len(list((store.root / ".snapshots").iterdir())) == 2
    assert store.count("documents") == 4


def _hold_lock(root, ready, release):
    with Store(root).lock():
        ready.set()
        release.wait(30)


def test_a_second_writer_is_stopped_with_a_clear_message(store):
    ready, release = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold_lock, args=(store.root, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(OutputLockedError, match="another ingest") as caught:
            with store.lock():
                pass
        assert f"pid {holder.pid}" in str(caught.value)
    finally:
        release.set()
        holder.join(30)
    with store.lock():  # free again once the first run is over
        pass


def test_a_real_folder_in_place_of_a_table_link_is_not_clobbered(store):
    (store.root / "documents").mkdir(parents=True)
    (store.root / "documents" / "mine.txt").write_text("keep me")
    with pytest.raises(RuntimeError, match="real folder"):
        publish(store, "r1", tables_for(("a.txt", ARTICLE)))
    assert (store.root / "documents" / "mine.txt").read_text() == "keep me"


def test_many_small_appends_are_compacted(store):
    for n in range(20):
        publish(store, f"r{n:02d}", tables_for((f"{n}.txt", ARTICLE)))
    files = [p for p in store.files("documents") if p.parent.name == "2024-03"]
    assert len(files) <= 17
    assert store.count("documents") == 20 and store.read("documents")["source"].is_unique


def test_compaction_keeps_every_row_and_type(store, tmp_path):
    articles = [(f"{n}.txt", ARTICLE if n % 2 else SECOND) for n in range(36)]  # 18 in each of two months
    for n, article in enumerate(articles):
        publish(store, f"r{n:02d}", tables_for(article))
    assert all(any("compacted" in p.name for p in store.files(t)) for t in ("documents", "sentences", "quotes"))
    at_once = Store(tmp_path / "at-once")
    publish(at_once, "r", tables_for(*articles))
    for name in ("documents", "sentences", "quotes"):
        keys = list(store.read(name).columns[:2])
        pd.testing.assert_frame_equal(
            store.read(name).sort_values(keys).reset_index(drop=True),
            at_once.read(name).sort_values(keys).reset_index(drop=True),
        )
