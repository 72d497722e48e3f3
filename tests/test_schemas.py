import pytest

from newsquotes.tables import empty_table
from schemas import MODELS, TableValidationError, validate_tables
from tests.helpers import ARTICLE, tables_for


@pytest.fixture
def tables():
    return tables_for(("a.txt", ARTICLE), ("b/c.txt", ARTICLE.replace("Monday", "Tuesday")))


def failing_checks(tables) -> set[str]:
    with pytest.raises(TableValidationError) as caught:
        validate_tables(tables)
    return set(caught.value.failure_cases["check"].astype(str))


def test_built_tables_pass_every_check(tables):
    validate_tables(tables)
    assert len(tables["documents"]) == 2 and len(tables["quotes"]) == 2


def test_empty_tables_are_valid():
    validate_tables({name: empty_table(name) for name in ("documents", "sentences", "quotes")})


def test_sentence_text_must_equal_the_document_span(tables):
    tables["sentences"].loc[1, "text"] = "Something else entirely."
    assert "text_equals_documents_text" in failing_checks(tables)


def test_quote_offsets_must_match_its_content(tables):
    tables["quotes"].loc[0, "start"] += 1
    assert "content_equals_documents_text" in failing_checks(tables)


def test_speaker_span_must_match_the_speaker(tables):
    tables["quotes"].loc[0, "speaker"] = "Somebody"
    assert "speaker_equals_documents_text" in failing_checks(tables)


def test_duplicate_sentence_keys_fail(tables):
    tables["sentences"].loc[2, "sentence_index"] = tables["sentences"].loc[1, "sentence_index"]
    assert any("unique" in c or "duplicate" in c for c in failing_checks(tables))


def test_orphan_rows_fail(tables):
    tables["documents"] = tables["documents"].iloc[:1].assign(n_sentences=lambda d: d["n_sentences"])
    assert "document_exists" in failing_checks(tables)


def test_quote_must_point_to_existing_sentences(tables):
    tables["quotes"].loc[0, ["sentence_first", "sentence_last"]] = [0, 99]
    assert "sentences_exist" in failing_checks(tables)


def test_counts_in_documents_must_match(tables):
    tables["documents"].loc[0, "n_quotes"] = 5
    assert "n_quotes_counts_quotes" in failing_checks(tables)


def test_unknown_block_and_quote_type_fail(tables):
    tables["sentences"].loc[0, "block"] = "footer"
    tables["quotes"].loc[0, "type"] = "rumour"
    assert {"isin(['title', 'heading', 'caption', 'body'])", "isin(['direct', 'mixed', 'indirect'])"} <= failing_checks(tables)


def test_failures_name_the_offending_article(tables):
    tables["sentences"].loc[tables["sentences"]["doc_id"] == tables["documents"].loc[1, "doc_id"], "text"] = "x"
    with pytest.raises(TableValidationError) as caught:
        validate_tables(tables)
    assert caught.value.doc_ids == {tables["documents"].loc[1, "doc_id"]}


def test_confidence_outside_unit_interval_fails(tables):
    tables["quotes"].loc[0, "confidence"] = 1.5
    assert failing_checks(tables)


def test_a_column_outside_the_contract_fails(tables):
    tables["documents"]["extra"] = 1
    assert "column_in_schema" in failing_checks(tables)


def test_every_model_has_the_issue_contract_columns():
    contract = {
        "documents": "doc_id source content_sha256 title publisher published url text n_sentences n_quotes ingested_at pipeline_version",
        "sentences": "doc_id sentence_index paragraph_index block section start end text",
        "quotes": "doc_id quote_index type content start end sentence_first sentence_last speaker speaker_start speaker_end speaker_name speaker_kind cue cue_lemma cue_start cue_end confidence",
    }
    for table, columns in contract.items():
        assert set(columns.split()) <= set(MODELS[table].to_schema().columns), table
