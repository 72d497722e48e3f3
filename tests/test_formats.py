"""Input formats: HTML, JSONL, plain text and markdown all reach parse_document as raw layout."""

from __future__ import annotations

import datetime as dt
import json
import socket
import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsquotes.decode import UndecodableError
from newsquotes.formats import SUFFIXES, RawArticle, read_articles, to_raw_layout
from newsquotes.parse import parse_document
from tests.conftest import DATA

FORMATS = DATA / "formats"
VALLEY_FIELDS = {"title": "headline", "text": "body", "date": "published_at", "url": "link", "publisher": "site"}


def read(name: str, fields=None) -> list[RawArticle]:
    return read_articles(name, (FORMATS / name).read_bytes(), fields)


def parsed(article: RawArticle):
    assert article.error is None and article.raw is not None, article.error
    return parse_document(article.raw)


def blocks(doc, *kinds):
    return [doc.text[b.start : b.end] for b in doc.blocks if not kinds or b.kind in kinds]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve a name or open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


# --- HTML ---------------------------------------------------------------------------------------


SEAWALL_BODY = [
    "Port Calder councillors voted 7-4 to fund a new seawall along the Esplanade, ending two years of argument over who pays.",
    "Port Calder will build a new seawall along the length of the Esplanade after councillors voted seven to four on "
    "Monday night to borrow $42 million for the project, ending a dispute that has split the town since the storms of 2021.",
    "The decision came after a five-hour meeting in which more than sixty residents addressed the council, many of them "
    "owners of the shops and cafes that line the waterfront.",
    '"We cannot keep patching the same wall every winter and pretending the sea will be kind to us next year," Mayor '
    "Helen Achterberg told the chamber before the vote.",
    "Councillor Dev Raman, who voted against the plan, said the cost would fall hardest on ratepayers in the town's "
    'inland suburbs. "People in Westfield are being asked to pay for a wall they will never see," he said.',
    "Under the plan adopted on Monday, the council will take out a thirty-year loan and recover the repayments through "
    "a special rate on every property in the district. Waterfront businesses will pay a higher share, set at one and a "
    "half times the standard levy.",
    "Finance director Paulo Mendes said the average household would pay about $74 a year. He told councillors the "
    'borrowing was "affordable, but only just," and warned that any cost overrun would have to be met from other projects.',
    "Engineers will begin detailed design work in May, and construction is expected to start in the autumn of next "
    "year. The old wall, built in 1962, will stay in place until the new one is finished.",
    "Sandra Whitlock, who has run a fish and chip shop on the Esplanade for nineteen years, said she had cried when the "
    'result was announced. "For the first time in three winters I think I\'ll sleep through a storm," she said.',
]


def test_html_news_page_gives_metadata_and_body_without_boilerplate(no_network):
    [article] = read("seawall.html")
    assert article.key is None and article.encoding == "utf-8"
    assert article.content == (FORMATS / "seawall.html").read_bytes()
    doc = parsed(article)

    assert doc.title == "Council backs $42m seawall after five-hour debate"  # no " | The Harbour Ledger"
    assert doc.publisher == "The Harbour Ledger"  # the site name wins over the author
    assert doc.published == dt.date(2023, 3, 14)
    assert doc.url == "https://www.harbourledger.example/news/2023/03/council-backs-seawall"

    assert blocks(doc, "body") == SEAWALL_BODY
    assert blocks(doc, "heading") == ["How the money will be raised", "What happens next"]
    assert blocks(doc, "caption") == [
        "Residents queued outside the town hall on Monday evening to speak at the meeting. Photo: Tom Reyes."
    ]
    by_text = {doc.text[b.start : b.end]: b for b in doc.blocks}
    assert by_text[SEAWALL_BODY[6]].section == "How the money will be raised"
    assert by_text[SEAWALL_BODY[8]].section == "What happens next"
    # The headline is the title only, not repeated as the first block.
    assert blocks(doc).count(doc.title) == 1


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies", "Subscribe", "Advertisement", "Calder Furniture", "home insurance", "Related stories",
        "Storm damage bill", "Share on", "Topics", "Sign up", "inbox", "About time", "Comments",
        "All rights reserved", "Privacy policy", "Local Government Reporter", "Home",
    ],
)
def test_html_boilerplate_is_not_article_text(boilerplate):
    [article] = read("seawall.html")
    assert boilerplate not in parse_document(article.raw).text


def test_html_short_brief_with_json_ld_metadata(no_network):
    [article] = read("ferry-brief.html")
    doc = parsed(article)
    assert doc.title == "Morning ferry cancelled as fog closes the strait"
    assert doc.publisher == "Callum Reid"  # no site name: the author from the JSON-LD
    assert doc.published == dt.date(2022, 11, 2)
    assert doc.url is None  # the page names no canonical link or og:url
    body = blocks(doc, "body")
    assert body[0].startswith("The 6.40am sailing from Kelport was cancelled")
    # The blockquote and the list stay, as paragraphs of their own; the menus do not.
    assert '"Visibility at the harbour mouth was under fifty metres. We will not sail in that," a spokesperson' in body[1]
    assert "the 9.15am sailing, subject to conditions;" in doc.text
    assert "the 11.30am sailing, with extra vehicle space." in doc.text
    for menu in ("Log in", "Ferry updates", "What's on", "Quay Lane"):
        assert menu not in doc.text


def test_html_declared_charset_is_honoured():
    [article] = read("kladka-cp1250.html")
    assert article.encoding == "cp1250"
    doc = parsed(article)
    assert doc.title == "Rada Miasta zatwierdziła budowę kładki nad Wartą"
    assert doc.publisher == "Gazeta Nadrzeczna"
    assert doc.published == dt.date(2021, 6, 9)
    assert "„To będzie najkrótsza droga do szkoły dla setek dzieci z Zawarcia” – powiedziała" in doc.text
    assert "Strona główna" not in doc.text


def test_html_page_without_text_is_an_error_record():
    data = b"<html><head><title>Gallery</title></head><body><div class='gallery'></div></body></html>"
    [article] = read_articles("gallery.html", data)
    assert article.raw is None
    assert article.error == "no article text found in the HTML page"
    assert article.content == data


def test_html_without_main_content_markup_still_gives_its_paragraphs():
    data = (
        b"<html><head><title>Storm warning issued for coast</title></head><body>"
        b"<div>The weather service issued a storm warning for the whole coast on Friday.</div>"
        b'<div>"Stay indoors if you can," the service said.</div></body></html>'
    )
    doc = parsed(read_articles("storm.HTM", data)[0])
    assert doc.title == "Storm warning issued for coast"
    assert blocks(doc, "body") == [
        "The weather service issued a storm warning for the whole coast on Friday.",
        '"Stay indoors if you can," the service said.',
    ]


def test_html_falls_back_to_visible_paragraphs_when_extraction_finds_nothing(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    doc = parsed(read("seawall.html")[0])
    # The metadata still comes from the page, the text from its visible paragraphs and headings.
    assert doc.title == "Council backs $42m seawall after five-hour debate"
    assert doc.publisher == "The Harbour Ledger" and doc.published == dt.date(2023, 3, 14)
    assert SEAWALL_BODY[3] in blocks(doc, "body")
    assert "How the money will be raised" in blocks(doc, "heading")
    assert blocks(doc).count(doc.title) == 1
    for boilerplate in ("Subscribe", "cookies", "home insurance", "Related stories", "Sign up", "About time",
                        "All rights reserved"):
        assert boilerplate not in doc.text


def test_plain_text_saved_as_html_is_read_as_text():
    data = b"Ferry timetable changes\n\nFrom Monday the first sailing leaves at 7am."
    [article] = read_articles("note.html", data)
    assert article.raw == data.decode()
    assert blocks(parse_document(article.raw), "body") == ["From Monday the first sailing leaves at 7am."]


def test_binary_html_file_is_undecodable():
    with pytest.raises(UndecodableError, match="PNG"):
        read_articles("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(200))


# --- JSONL --------------------------------------------------------------------------------------


def test_jsonl_corpus_one_record_per_line_with_bad_lines_reported():
    articles = read("kelport-news.jsonl")
    # Line 4 is blank and skipped; lines 3 (cut off) and 5 (no text) are reported, not fatal.
    assert [a.key for a in articles] == ["L1", "L2", "L3", "L5", "L6"]
    errors = {a.key: a.error for a in articles if a.error}
    assert errors == {
        "L3": "line 3: invalid JSON (Unterminated string starting at column 78)",
        "L5": "line 5: empty text field",
    }
    assert all(a.raw is None for a in articles if a.error)
    assert {a.encoding for a in articles} == {"utf-8"}
    # Each record hashes its own line, so editing one article leaves the others' hashes alone.
    lines = (FORMATS / "kelport-news.jsonl").read_bytes().split(b"\n")
    assert [a.content for a in articles] == [lines[0], lines[1], lines[2], lines[4], lines[5]]

    library, buses, harbour = (parsed(a) for a in articles if not a.error)
    assert library.title == "Library to stay open until midnight during exam season"
    assert library.publisher == "Kelport News"
    assert library.published == dt.date(2019, 4, 8)
    assert library.url == "https://kelport-news.example/2019/04/library-midnight"
    assert len(blocks(library, "body")) == 3
    assert blocks(library, "body")[1].startswith('"Students told us they had nowhere quiet to work')

    # Text with single newlines only: each line is a paragraph. ISO date-time: its date.
    assert buses.published == dt.date(2019, 4, 9)
    assert blocks(buses, "body") == [
        "Bus drivers in Kelport have voted to strike for 48 hours next week in a dispute over shift rosters.",
        "The drivers' union said 87 per cent of members who voted backed the action.",
        '"Nobody wants to leave passengers stranded, but split shifts of fourteen hours are not safe," union organiser '
        "Pete Lomax said.",
        'The bus company said it was "disappointed" and would keep talking.',
    ]
    # An RFC 2822 date, as feeds write it.
    assert harbour.published == dt.date(2019, 4, 12)


def test_jsonl_with_mapped_field_names():
    articles = read("valley-herald.jsonl", VALLEY_FIELDS)
    assert [a.key for a in articles] == ["L1", "L2", "L3"]
    assert {a.encoding for a in articles} == {"utf-8-sig"}  # the BOM is not part of the first record
    assert articles[0].content.startswith(b'{"headline"') and not articles[0].content.endswith(b"\r")
    frost, cafe, road = (parsed(a) for a in articles)

    assert frost.title == "Vineyard owners count the cost of late frost"
    assert frost.publisher == "Valley Herald"
    assert frost.published == dt.date(2021, 5, 17)  # the local date of 2021-05-17T06:00:00+10:00
    assert frost.url == "https://valleyherald.example/rural/late-frost"
    assert blocks(frost, "body")[1] == (
        '"In forty years I have never seen it this bad in May," said winemaker Rosa Ferreira, whose family has farmed '
        "the valley since 1952."
    )
    # A list of paragraphs; a "May 19, 2021" date.
    assert cafe.title == "Café wins national award for its sourdough"
    assert cafe.published == dt.date(2021, 5, 19)
    assert blocks(cafe, "body") == [
        "A small café in Ardley has been named the country's best bakery café.",
        'Owner Tomás Brennan said the win was "a shock, and a lovely one."',
    ]
    # A Unix timestamp; no link.
    assert road.published == dt.date(2021, 5, 25)
    assert road.url is None
    assert blocks(road, "body") == [
        "The road to Miller's Gap will be closed for at least a week after heavy rain caused a landslip on Tuesday "
        "night. Police said no one was hurt."
    ]


def test_jsonl_without_the_mapping_says_which_field_is_missing():
    articles = read("valley-herald.jsonl")
    assert [a.error for a in articles] == [f"line {n}: no text field" for n in (1, 2, 3)]
    articles = read("valley-herald.jsonl", {"text": "content"})
    assert articles[0].error == "line 1: no text field 'content'"


def test_jsonl_mapping_with_an_unknown_field_is_refused():
    with pytest.raises(ValueError, match="unknown field 'body'"):
        read("valley-herald.jsonl", {"body": "text"})


def record(**fields) -> bytes:
    return json.dumps(fields).encode()


def test_jsonl_line_problems_each_get_a_reason():
    data = b"\n".join([
        record(title="Good one", text="A paragraph."),
        b'["an", "array"]',
        record(title="Numbers", text=42),
        record(title="No body"),
        b"",
        b"   ",
        record(title="Null body", text=None),
    ])
    articles = read_articles("mixed.jsonl", data)
    assert [a.error for a in articles] == [
        None,
        "line 2: not a JSON object but an array",
        "line 3: text field is a number, not a string",
        "line 4: no text field",
        "line 7: no text field",
    ]


def test_jsonl_record_without_title_uses_its_first_paragraph():
    data = record(text="Water restrictions lifted\n\nHose bans end on Monday, the water board said.", date="2020-02-03")
    doc = parsed(read_articles("x.jsonl", data)[0])
    assert doc.title == "Water restrictions lifted"
    assert blocks(doc, "body") == ["Hose bans end on Monday, the water board said."]
    assert doc.published == dt.date(2020, 2, 3)


def test_jsonl_unreadable_date_or_url_is_left_out_not_fatal():
    data = record(title="Market day moves", text="The market moves to Thursdays.", date="next Tuesday", url="market/moves")
    doc = parsed(read_articles("x.jsonl", data)[0])
    assert doc.published is None and doc.url is None
    assert blocks(doc, "body") == ["The market moves to Thursdays."]


def test_jsonl_body_that_looks_like_metadata_stays_body():
    data = record(
        title="Flood update",
        text="By noon the river had risen a metre.\n\nMore at https://floods.example/live",
    )
    doc = parsed(read_articles("x.jsonl", data)[0])
    assert doc.publisher is None and doc.url is None
    assert blocks(doc, "body") == ["By noon the river had risen a metre.", "More at https://floods.example/live"]


def test_file_that_is_not_json_lines_is_undecodable():
    pretty = json.dumps({"title": "A", "text": "B"}, indent=2).encode()
    with pytest.raises(UndecodableError, match=r"not JSON Lines: no line holds a JSON object \(line 1: invalid JSON"):
        read_articles("export.jsonl", pretty)
    with pytest.raises(UndecodableError, match="empty file"):
        read_articles("empty.jsonl", b"")


# --- plain text and markdown --------------------------------------------------------------------


def test_markdown_raw_layout_passes_through_unchanged():
    data = (FORMATS / "tram-depot.md").read_bytes()
    [article] = read_articles("tram-depot.md", data)
    assert article == RawArticle(None, data.decode("utf-8"), "utf-8", None, data)
    doc = parse_document(article.raw)
    assert doc.title == "Tram depot fire: investigators point to faulty charger"
    assert doc.publisher == "Riverside Gazette"
    assert doc.published == dt.date(2024, 9, 27)
    assert doc.url == "https://riverside-gazette.example/2024/09/tram-depot-fire-report"
    assert blocks(doc, "heading") == ["Service still disrupted"]
    assert blocks(doc, "caption") == ["Firefighters at the Eastgate depot on the night of the blaze. Image: Riverside Fire Service."]


def test_plain_text_in_windows_1252():
    [article] = read("northgate-pharmacy.txt")
    assert article.encoding == "cp1252" and article.key is None and article.error is None
    doc = parse_document(article.raw)
    assert doc.title == "Pharmacy opens late-night counter in Northgate"
    assert "“People finish late shifts and need their prescriptions." in doc.text
    assert "next to the Café Rosé on the corner" in doc.text
    assert len(blocks(doc, "body")) == 3


def test_suffixes_and_unsupported_files():
    assert SUFFIXES == {".txt", ".md", ".html", ".htm", ".jsonl"}
    assert read_articles("NOTE.TXT", b"Title\n\nBody.")[0].raw == "Title\n\nBody."
    with pytest.raises(ValueError, match="unsupported file type '.pdf'"):
        read_articles("scan.pdf", b"%PDF-1.4")
    with pytest.raises(UndecodableError, match="binary file: PDF"):
        read_articles("scan.txt", b"%PDF-1.4 ...")


# --- to_raw_layout ------------------------------------------------------------------------------


def body_paragraphs(doc):
    return [doc.text[b.start : b.end] for b in doc.blocks if b.kind != "title"]


def test_to_raw_layout_renders_the_layout():
    raw = to_raw_layout(
        "Bridge reopens", "Traffic is moving again.\n\nThe repairs took six weeks.",
        publisher="Riverside Gazette", published=dt.date(2024, 3, 5), url="https://rg.example/bridge",
    )
    assert raw == (
        "# Bridge reopens\n\nBy [Riverside Gazette](#)\n\nMarch 5, 2024\n\nTraffic is moving again.\n\n"
        "The repairs took six weeks.\n\nOriginal url:\n<https://rg.example/bridge>\n"
    )


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"published": "2015-08-10T12:00:00Z"}, {"published": dt.date(2015, 8, 10)}),
        ({"published": "Mon, 10 Aug 2015 14:02"}, {"published": dt.date(2015, 8, 10)}),
        ({"published": dt.datetime(2015, 8, 10, 23, 59)}, {"published": dt.date(2015, 8, 10)}),
        ({"publisher": "Reuters (UK)"}, {"publisher": "Reuters (UK)"}),
        ({"publisher": "  The   Times  "}, {"publisher": "The Times"}),
        ({"url": "www.example.com/a"}, {"url": None}),  # no scheme: cannot be told from body text
        ({}, {"publisher": None, "published": None, "url": None}),
    ],
)
def test_to_raw_layout_metadata_examples(kwargs, expected):
    doc = parse_document(to_raw_layout("Title here", "Body text.", **kwargs))
    assert doc.title == "Title here"
    assert body_paragraphs(doc) == ["Body text."]
    for name, value in expected.items():
        assert getattr(doc, name) == value


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["By Tuesday the clinic had run out of vaccine."],  # not a byline
        ["March 3, 2020", "The date above is a paragraph of its own."],  # not the publication date
        ["Read the full report.", "https://health.example/report.pdf"],  # not the URL footer
        ["Sources said the deal was close.", "Source:", "https://health.example/deal"],
        ["Links below.", "Link: https://health.example/x"],
    ],
)
def test_to_raw_layout_keeps_body_that_looks_like_metadata(paragraphs):
    doc = parse_document(to_raw_layout("Clinic update", "\n\n".join(paragraphs)))
    assert (doc.publisher, doc.published, doc.url) == (None, None, None)
    assert body_paragraphs(doc) == paragraphs


def test_to_raw_layout_long_publisher_is_shortened_not_lost():
    publisher = "Staff reporters " + ", ".join(f"Reporter Number{i}" for i in range(12))
    doc = parse_document(to_raw_layout("Title", "Body.", publisher=publisher))
    assert doc.publisher is not None and doc.publisher.endswith("…") and len(doc.publisher) <= 110
    assert publisher.startswith(doc.publisher[:-1])
    assert body_paragraphs(doc) == ["Body."]


def test_to_raw_layout_refuses_empty_title_and_bad_date():
    with pytest.raises(ValueError, match="empty title"):
        to_raw_layout("  ", "Body.")
    with pytest.raises(ValueError, match="unreadable date"):
        to_raw_layout("Title", "Body.", published="soon")


# Letters that Unicode normalisation (which parse_document applies) would change, e.g. the Ångström sign.
NFC_UNSTABLE = "".join(c for c in map(chr, range(0x3000)) if unicodedata.normalize("NFC", c) != c)
LETTERS = st.characters(categories=("Lu", "Ll", "Lo"), max_codepoint=0x2FFF, exclude_characters=NFC_UNSTABLE)
WORD = st.text(LETTERS | st.sampled_from(string.digits), min_size=1, max_size=8)
PUNCT = st.sampled_from(["", "", "", ",", ";", ":", "'", '"', "!", "?", "%", "$", "&", "/", "’", "”"])
PARAGRAPH = st.builds(
    lambda first, words, end: " ".join([first, *words]) + end,
    st.text(LETTERS, min_size=1, max_size=8),
    st.lists(st.builds(lambda w, p: w + p, WORD, PUNCT), max_size=15),
    st.sampled_from([".", "!", "?", '."', ".”"]),
)
TITLE = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
URL = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}.example/{path}",
    st.sampled_from(["http", "https", "ftp"]),
    st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=20),
    st.text(string.ascii_letters + string.digits + "-_/.~%?=&", max_size=40),
)


@settings(max_examples=200, deadline=None)
@given(
    title=TITLE,
    paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=5),
    publisher=st.none() | st.lists(WORD, min_size=1, max_size=6).map(" ".join),
    published=st.none() | st.dates(),
    url=st.none() | URL,
    single_newlines=st.booleans(),
)
def test_to_raw_layout_round_trips(title, paragraphs, publisher, published, url, single_newlines):
    text = ("\n" if single_newlines else "\n\n").join(paragraphs)
    doc = parse_document(to_raw_layout(title, text, publisher=publisher, published=published, url=url))
    assert doc.title == title
    assert doc.publisher == publisher
    assert doc.published == published
    assert doc.url == url
    assert body_paragraphs(doc) == paragraphs
