"""The acceptance test of the whole library: the seed article against its expected output."""

import pandas as pd
import pytest

import newsquotes


def norm(text) -> str:
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def tables(request):
    from tests.conftest import SEED_RAW

    return newsquotes.process_text(SEED_RAW.read_text(encoding="utf-8"), source=SEED_RAW.name)


def test_document_fields(tables, seed_gold):
    document = tables["documents"].iloc[0]
    expected = seed_gold["document"]
    assert document["title"] == expected["title"]
    assert document["publisher"] == expected["publisher"]
    assert str(document["published"]) == expected["published"]
    assert document["url"] == expected["url"]


def test_sentences_with_blocks_and_sections(tables, seed_gold):
    got = [
        (norm(row.text), row.block, None if pd.isna(row.section) else row.section)
        for row in tables["sentences"].itertuples()
    ]
    expected = [(norm(s["text"]), s["block"], s.get("section")) for s in seed_gold["sentences"]]
    assert got == expected


def test_every_required_quote_is_found_with_type_content_and_speaker(tables, seed_gold):
    quotes = tables["quotes"]
    found = {
        (row.type, norm(row.content), row.speaker, row.speaker_name, row.sentence_first)
        for row in quotes.itertuples()
    }
    for quote in seed_gold["quotes"]:
        if quote.get("optional"):
            continue
        key = (quote["type"], norm(quote["content"]), quote["speaker"], quote["speaker_name"], quote["sentence"])
        assert key in found, quote


def test_no_quote_beyond_the_expected_ones(tables, seed_gold):
    expected = {norm(q["content"]) for q in seed_gold["quotes"]}
    assert {norm(c) for c in tables["quotes"]["content"]} <= expected
