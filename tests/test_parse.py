import datetime as dt

import pytest

from newsquotes.parse import parse_date, parse_document, strip_markdown
from tests.conftest import GUM_RAW


def blocks(doc):
    return [(b.kind, doc.text[b.start : b.end], b.section) for b in doc.blocks]


def test_seed_metadata_matches_gold(seed_raw, seed_gold):
    doc = parse_document(seed_raw)
    expected = seed_gold["document"]
    assert doc.title == expected["title"]
    assert doc.publisher == expected["publisher"]
    assert doc.published.isoformat() == expected["published"]
    assert doc.url == expected["url"]


def test_metadata_lines_and_footer_are_not_article_text(seed_raw):
    doc = parse_document(seed_raw)
    assert "Original url" not in doc.text
    assert "By The Moscow Times" not in doc.text and "August 10, 2015" not in doc.text
    assert "**" not in doc.text and "](#)" not in doc.text


def test_scraper_cut_paragraph_is_joined(seed_raw):
    doc = parse_document(seed_raw)
    texts = [text for _, text, _ in blocks(doc)]
    assert any("Lavrov recounted two meetings with U.S. Secretary of State" in t for t in texts)


def test_heading_starts_a_section_for_the_body_below(seed_raw):
    doc = parse_document(seed_raw)
    kinds = blocks(doc)
    heading = kinds.index(("heading", "Proposed Coalition", None))
    assert all(section is None for _, _, section in kinds[:heading])
    assert all(section == "Proposed Coalition" for _, _, section in kinds[heading + 1 :])


def test_blocks_are_separated_and_offsets_point_into_text(seed_raw):
    doc = parse_document(seed_raw)
    assert doc.blocks[0].kind == "title" and doc.text.startswith(doc.title)
    for before, after in zip(doc.blocks, doc.blocks[1:]):
        assert doc.text[before.end : after.start] == "\n\n"
    assert doc.blocks[-1].end == len(doc.text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Indonesia's Foreign Minister Retno Marsudi (L) and Sergey Lavrov (R) speak before a dinner.",
        "Crowds gather outside the court on Monday. Image: Jane Doe.",
        "Rescue workers search the rubble. Photo: Reuters",
        "US President Barack Obama tweet to student Ahmed Mohamed Image: Twitter / Barack Obama.",
    ],
)
def test_captions_are_recognised(paragraph):
    doc = parse_document(f"# Title\n\n{paragraph}\n\nA body paragraph follows here.\n")
    assert [b.kind for b in doc.blocks] == ["title", "caption", "body"]


def test_body_paragraph_mentioning_an_image_is_not_a_caption():
    doc = parse_document("# T\n\nThe image of the president was shown on television, officials said.\n")
    assert doc.blocks[1].kind == "body"


def test_file_without_the_layout_keeps_first_line_as_title_and_rest_as_body():
    doc = parse_document("Storm hits coast\nThousands lost power on Tuesday.\n\nSchools were closed.")
    assert doc.title == "Storm hits coast"
    assert doc.publisher is None and doc.published is None and doc.url is None
    assert [b.kind for b in doc.blocks] == ["title", "body", "body"]


@pytest.mark.parametrize("first", [
    'The mayor said the budget was balanced. "We did it," she added.',
    "Senate Democrats on Thursday blocked a Republican border bill, setting up a fight over spending "
    "that could drag on into next month and leave several agencies without money.",
])
def test_a_first_line_of_prose_is_body_not_a_title(first):
    # a text given without a title (a notebook string, a record without a headline)
    doc = parse_document(first + "\n\nA second paragraph.")
    assert doc.title == ""
    assert [b.kind for b in doc.blocks] == ["body", "body"] and doc.text.startswith(first)


@pytest.mark.parametrize("first", ["Is the budget balanced?", "Mayor Says Budget Is Balanced", "Storm hits coast."])
def test_a_headline_stays_the_title_even_with_final_punctuation(first):
    doc = parse_document(first + "\n\nThe council met on Monday.")
    assert doc.title == first and doc.blocks[0].kind == "title"


def test_body_sentence_starting_with_a_date_is_not_the_publication_date():
    doc = parse_document("# T\n\nJanuary 5, 2020 was the day the dam broke, officials said.\n")
    assert doc.published is None
    assert "dam broke" in doc.text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("August 10, 2015", dt.date(2015, 8, 10)),
        ("Aug. 5, 2015", dt.date(2015, 8, 5)),
        ("Friday, July 21, 2017", dt.date(2017, 7, 21)),
        ("10 August 2015", dt.date(2015, 8, 10)),
        ("2015-08-10T14:02:00Z", dt.date(2015, 8, 10)),
        ("Published: Sept. 3, 2019 at 10:15 a.m.", dt.date(2019, 9, 3)),
        ("February 30, 2015", None),
        ("August 10, 2015 was a hot day.", None),
        ("Smarch 3, 2020", None),
    ],
)
def test_date_lines(line, expected):
    assert parse_date(line) == expected


def test_markdown_is_removed_but_words_and_urls_stay():
    assert strip_markdown("**Bold** and [a link](https://x.org) and <https://y.org/a_b>") == (
        "Bold and a link and https://y.org/a_b"
    )
    assert strip_markdown("5 * 3 = 15 and *emphasis* here") == "5 * 3 = 15 and emphasis here"


def test_list_items_become_their_own_paragraphs():
    doc = parse_document("# Results\n\nThe winners:\n- Sweden 1 Korea 0\n- Belgium 3 Panama 0\n")
    assert [t for _, t, _ in blocks(doc)][1:] == ["The winners:", "Sweden 1 Korea 0", "Belgium 3 Panama 0"]


def test_whitespace_and_invisible_characters_are_normalised():
    doc = parse_document("# A\u00a0title\r\n\r\nSome   text\u200b with\ttabs\r\nand a wrapped line.\r\n")
    assert doc.title == "A title"
    assert doc.text.split("\n\n")[1] == "Some text with tabs and a wrapped line."


def test_empty_and_blank_input_give_an_empty_document():
    for raw in ("", "   \n\n  \t"):
        doc = parse_document(raw)
        assert doc.text == "" and doc.blocks == ()


def test_every_gum_article_parses_with_metadata():
    for path in sorted(GUM_RAW.glob("*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"))
        assert doc.title and doc.publisher == "Wikinews", path.name
        assert doc.published is not None and doc.url.startswith("https://en.wikinews.org/"), path.name
        assert sum(b.kind == "body" for b in doc.blocks) >= 2, path.name


def test_empty_title_line_gives_an_empty_title_not_a_hash():
    doc = parse_document("# \n\nBy Jane Doe\n\nMay 3, 2024\n\nThe council met on Monday.")
    assert doc.title == "" and doc.publisher == "Jane Doe" and doc.published == dt.date(2024, 5, 3)
    assert doc.text == "The council met on Monday." and [b.kind for b in doc.blocks] == ["body"]
