"""Tests for newsquotes.sentences.split_sentences.

The expected splits below are written by hand from AP/Reuters conventions (invented news
sentences, not taken from the gold corpus), one group per rule family; then the offsets
contract, hostile inputs, and an accuracy floor on the GUM news gold corpus.
"""

from __future__ import annotations

import glob
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsquotes.evaluation import PRF, _nonspace_boundaries, boundary_prf
from newsquotes.sentences import split_sentences

GOLD = Path(__file__).parent / "data" / "gum-news" / "gold"


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def check(expected: list[str]) -> None:
    assert sents(" ".join(expected)) == expected


# --- abbreviations and initials ---------------------------------------------------------

ABBREVIATIONS = [
    ["U.S. Secretary of State John Kerry arrived in Moscow on Tuesday.", "He met Russian officials."],
    ["Gov. Jerry Brown signed the bill.", "Sen. Dianne Feinstein praised it."],
    ["Rep. Nancy Pelosi, D-Calif., and Sen. Mitch McConnell, R-Ky., met Friday."],
    ["The hearing is set for Jan. 15 at 10 a.m. in federal court."],
    ["The fire broke out at 3 a.m.", "No one was hurt, police said."],
    ["The fire broke out at 3 a.m. Sunday, police said."],
    ["L. Ron Hubbard founded the Church of Scientology in 1954.", "It is based in Los Angeles."],
    ["John F. Kennedy was elected in 1960.", "He was 43."],
    ["The prime minister left No. 10 Downing St. on foot.", "Reporters followed him."],
    ["He grew up in St. Louis and studied at Mt. Holyoke."],
    ["Dr. Martin Luther King Jr. was killed in 1968.", "His death shocked the nation."],
    ["Gen. David Petraeus met Lt. Col. Ann Smith and Sgt. Maj. Tom Jones."],
    ["The company was founded in Springfield, Ill.", "It moved to Chicago in 1990."],
    ["Shares of Acme Corp. fell 4 percent.", "The drop followed the report."],
    ["The deal was announced by Apple Inc.", "The company did not give a price."],
    ["Apple Inc. Chief Executive Tim Cook spoke first."],
    ["The troops were sent by the U.S.", "The Pentagon confirmed the move on Monday."],
    ["The U.S. Navy and the U.N. Security Council were informed."],
    ["She earned a Ph.D. in chemistry.", "She later taught at Oxford."],
    ["Smith vs. The State of Texas is still pending."],
    ["Mr. and Mrs. Smith arrived at 5 p.m.", "They left at 9 p.m. on Sunday."],
    ["The team arrived in Washington D.C. after several delays."],
    ["The vote is scheduled for Sept. 30, the ministry said."],
    ["It was the firm's worst year, e.g. in Asia and Europe, since 2009."],
    ["Mrs. May told parliament she would resign.", "Her party was divided."],
    ["U.S. First Lady Melania Trump visited the hospital."],
    ["Class A shares rose, and so did Class B.", "The agency said more gains were possible."],
    # a plural people noun and a lower-case word start a sentence; in a title-case line they go on
    ["The company moved its headquarters to the U.S.", "Critics said the move was about taxes."],
    ["The meeting ended at 5 p.m.", "Officials expect talks to resume on Monday."],
    ["U.N. Officials Say Talks Have Failed Again"],
    ["He met U.S. Senators Warren and Markey on Monday."],
]


@pytest.mark.parametrize("expected", ABBREVIATIONS, ids=lambda e: e[0][:40])
def test_abbreviations_and_initials(expected):
    check(expected)


# --- numbers, decimals, ellipses, URLs, e-mail addresses --------------------------------

NUMBERS = [
    ["Sales rose 3.5 percent to $1.2 billion in the quarter.", "Analysts had expected 2.9 percent."],
    ["The vote was 52-48.", "The bill now goes to the House."],
    ["He was born in 1950.", "300 people attended his funeral."],
    ["Inflation hit 7.1 percent, the highest since 1982.", "Prices of food rose 0.5 percent."],
    ["Prices rose again...", "Economists were surprised."],
    ["Prices rose again …", "Economists were surprised."],
    ["He said he was not sure … what happened next."],
    ["The minister said ... the talks would resume."],
    ["Details are at www.example.com/news/2015.html and on the ministry's site."],
    ["Visit www.example.com.", "The site has a list of shelters."],
    ["Readers can write to letters@example.org.", "Letters may be edited."],
    ["See https://example.org/report?id=3.5&lang=en for the full report."],
    ["Temperatures reached 41.5 C (106.7 F) in Madrid.", "Officials urged people to stay inside."],
    ["The score was 2-1 at halftime and 3.1 seconds remained."],
]


@pytest.mark.parametrize("expected", NUMBERS, ids=lambda e: e[0][:40])
def test_numbers_ellipses_urls_emails(expected):
    check(expected)


def test_standalone_ellipsis_joins_the_next_sentence():
    text = 'He wrote: "The church lied to us. ... The next day he was arrested."'
    assert sents(text) == ['He wrote: "The church lied to us.', '... The next day he was arrested."']
    assert sents("... And then the lights went out.") == ["... And then the lights went out."]


# --- quotations -------------------------------------------------------------------------

QUOTES = [
    ['"We are very happy," she said.', '"This is a great day for our country."'],
    ['"Are you serious?" he asked.', '"I can\'t believe it!" she replied.'],
    ['He called the plan "dead on arrival."', "Others disagreed."],
    ["He called the plan “dead on arrival.”", "Others disagreed."],
    ["She asked, “Why now?”", "Nobody answered."],
    ['"It\'s over."', "That was all he said."],
    ['"We came to win.', "We did not win.", 'But we will be back," the coach said.'],
    ["The sign read 'Closed.'", "Nobody knew why."],
    ['"We love the U.S."', "Smith said the trip had been a success."],
]


@pytest.mark.parametrize("expected", QUOTES, ids=lambda e: e[0][:40])
def test_quotations(expected):
    check(expected)


def test_attribution_after_quoted_question_stays():
    assert sents('"What do you expect?" Smith said. "They lied."') == [
        '"What do you expect?" Smith said.',
        '"They lied."',
    ]
    assert sents('"Who knows?" Nobody answered him.') == ['"Who knows?"', "Nobody answered him."]


def test_attribution_with_an_apposition_after_quoted_question_stays():
    assert sents('"What is he hiding?" Robby Mook, Mrs. Clinton\'s campaign manager, asked on a call. "Nothing."') == [
        '"What is he hiding?" Robby Mook, Mrs. Clinton\'s campaign manager, asked on a call.',
        '"Nothing."',
    ]
    # near miss: an answer with its own attribution is a sentence of its own
    assert sents('"Is it over?" Yes, he said, it is.') == ['"Is it over?"', "Yes, he said, it is."]


@pytest.mark.parametrize(
    "attribution",
    ["Smith, the club's captain, asked.", "Ortiz, Mr. Trump's lawyer, asked reporters.", "Jones, 45, said on Monday."],
)
def test_a_one_word_name_with_an_apposition_after_a_quoted_question_stays(attribution):
    assert sents(f'"Why now?" {attribution} "Nobody knows."') == [f'"Why now?" {attribution}', '"Nobody knows."']


def test_an_answer_before_an_apposition_like_clause_is_a_sentence_of_its_own():
    assert sents('"Is it over?" Yes, the game is over, said the coach.') == [
        '"Is it over?"',
        "Yes, the game is over, said the coach.",
    ]


def test_space_lost_in_scraping():
    assert sents("The attack killed at least 12 people.The toll could rise.") == [
        "The attack killed at least 12 people.",
        "The toll could rise.",
    ]
    # Domains, e-mails and abbreviations keep their inner periods.
    for text in ["Read more at NYTimes.com today.", "Mail jane.Doe@example.org now.",
                 "The U.S.Army said so.", "He uses ASP.NET daily."]:
        assert sents(text) == [text]


def test_question_inside_quote_continues_lowercase():
    assert sents('"Why should we pay?" asked one resident. "We never voted for it."') == [
        '"Why should we pay?" asked one resident.',
        '"We never voted for it."',
    ]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = 'He said: "The system is broken. It must be fixed. The vote is on Monday.'
    assert sents(text) == [
        'He said: "The system is broken.',
        "It must be fixed.",
        "The vote is on Monday.",
    ]


@pytest.mark.parametrize(
    "expected",
    [
        # A quotation built into its sentence (after the verb or "that", no comma) ends with it.
        ['Police said "the fire is contained. Residents may return," adding roads stay shut.'],
        ['The mayor wrote that "the city will rebuild. We always do."', "Critics disagreed."],
        ['The sign on the door reads "Closed. Come back later."', "Nobody knew why."],
        ['The minister says "prices will rise. Then the state will have to act" (in Italian).'],
        # Set off by a comma or colon, it is a run of the speaker's own sentences.
        ['The mayor said, "The city will rebuild.', 'We always do."'],
        ['The mayor said: "The city will rebuild.', 'We always do."'],
        # A fragment that closes before the next sentence does not hold it back.
        ['He said "no."', "She left the room."],
    ],
    ids=lambda e: e[0][:40],
)
def test_integrated_quotations(expected):
    check(expected)


def test_integrated_quotation_needs_its_closing_mark():
    # Unclosed, or the next mark opens another quotation: nothing is held back.
    assert sents('He said "We will win. They lost. The vote is Monday.') == [
        'He said "We will win.', "They lost.", "The vote is Monday."
    ]
    assert sents('He said "We won. It is the "best" day. Fans cheered.') == [
        'He said "We won.', 'It is the "best" day.', "Fans cheered."
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A pull quote: one quotation, then a verbless attribution line.
        ('"We will rebuild. We always do." Maria Lopez, 54, a shop owner',
         ['"We will rebuild. We always do." Maria Lopez, 54, a shop owner']),
        ('"We will rebuild. We always do." — Maria Lopez, mayor of Riverton',
         ['"We will rebuild. We always do." — Maria Lopez, mayor of Riverton']),
        # With a speech verb, or as a sentence of its own, it is running text.
        ('"We will rebuild. We always do." Maria Lopez said',
         ['"We will rebuild.', 'We always do."', "Maria Lopez said"]),
        ('"We will rebuild. We always do." Maria Lopez, 54, a shop owner, was defiant.',
         ['"We will rebuild.', 'We always do."', "Maria Lopez, 54, a shop owner, was defiant."]),
        ('"We will rebuild. We always do." Then the crowd went home',
         ['"We will rebuild.', 'We always do."', "Then the crowd went home"]),
    ],
)
def test_pull_quotes(text, expected):
    assert sents(text) == expected


def test_misdirected_closing_quote():
    text = "He was “disappointed with the decision.“ However, the agency will keep its staff."
    assert sents(text) == [
        "He was “disappointed with the decision.“",
        "However, the agency will keep its staff.",
    ]


# --- news furniture ---------------------------------------------------------------------

def test_headline_without_period_is_one_sentence():
    assert sents("Lavrov Says U.S. Should Cooperate with Syria Over Islamic State") == [
        "Lavrov Says U.S. Should Cooperate with Syria Over Islamic State"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KABUL, Afghanistan - A suicide bomber killed 12 people on Tuesday.",
         ["KABUL, Afghanistan -", "A suicide bomber killed 12 people on Tuesday."]),
        ("WASHINGTON (AP) — The Senate passed the bill Thursday. It now goes to the House.",
         ["WASHINGTON (AP) —", "The Senate passed the bill Thursday.", "It now goes to the House."]),
        ("Springfield, Ill., United States – Voters went to the polls on Monday.",
         ["Springfield, Ill., United States –", "Voters went to the polls on Monday."]),
        ("Thursday, May 7, 2015 On Tuesday, the government announced a new flag.",
         ["Thursday, May 7, 2015", "On Tuesday, the government announced a new flag."]),
    ],
)
def test_datelines_and_date_lines(text, expected):
    assert sents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Smith and Jones - both former ministers - will lead the talks.",
        "The talks - the first since 2014 - ended without a deal.",
        "Obama, Clinton and Biden - all Democrats - backed the bill.",
    ],
)
def test_dashes_inside_sentences_are_not_datelines(text):
    assert sents(text) == [text]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fans dressed as Black Widow at the convention Image: Jane Doe.",
         ["Fans dressed as Black Widow at the convention", "Image: Jane Doe."]),
        ("The new stadium in Doha. Photo: Reuters.", ["The new stadium in Doha.", "Photo: Reuters."]),
        ("The ceremony was held in Washington D.C. Image: U.S. Navy.",
         ["The ceremony was held in Washington D.C.", "Image: U.S. Navy."]),
        ("Image: Wikimedia Commons.", ["Image: Wikimedia Commons."]),
    ],
)
def test_photo_credits_after_captions(text, expected):
    assert sents(text) == expected


def test_bullets_and_line_breaks():
    assert sents("Key points • Turnout was 64 percent • The ruling party lost 12 seats") == [
        "Key points", "• Turnout was 64 percent", "• The ruling party lost 12 seats"
    ]
    assert sents("Results\nManchester United 2 Chelsea 1\nArsenal 0 Liverpool 3") == [
        "Results", "Manchester United 2 Chelsea 1", "Arsenal 0 Liverpool 3"
    ]
    # A hard-wrapped line of prose is not a boundary.
    wrapped = ("The minister said on Tuesday that the government would review the\n"
               "policy, and that Parliament would vote on the changes\nin the spring.")
    assert sents(wrapped) == [wrapped]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A caption or headline that lost its line break before the body.
        ("Flood victims wait for aid in Dhaka on Monday The water has risen for days.",
         ["Flood victims wait for aid in Dhaka on Monday", "The water has risen for days."]),
        ("Maria Lopez outside her shop in Riverton In the end, the storm spared the town.",
         ["Maria Lopez outside her shop in Riverton", "In the end, the storm spared the town."]),
        ("Councillor Wilson Ng of the DAB At least 40 seats changed hands on Sunday.",
         ["Councillor Wilson Ng of the DAB", "At least 40 seats changed hands on Sunday."]),
    ],
)
def test_caption_glued_to_body(text, expected):
    assert sents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Glenn Miller's In the Mood topped the charts in 1939.",  # a title after a possessive
        "Brando starred in On the Waterfront in 1954.",  # a title after a preposition
        'The band played "Lost In the Night" twice.',  # a quoted title
        "Man Dies In The Fire at Riverton Mill",  # start case: the next word is capitalised too
        "Officials met in The Hague on Tuesday.",
        "Lawmaker Wilson Or was re-elected, and Mr An said the talks would go on.",
        "Vitamin A in the diet matters, and Class A shares rose.",
        "Guests can Check-In the night before.",
    ],
)
def test_capitalised_in_the_without_a_boundary(text):
    assert sents(text) == [text]


def test_list_marker_at_paragraph_start():
    assert sents("1. The first point is clear.") == ["1. The first point is clear."]
    assert sents("a) Voters must register by Friday.") == ["a) Voters must register by Friday."]


# --- brackets and parentheses -----------------------------------------------------------

BRACKETS = [
    ["The report (published Tuesday) found no evidence.", "(Officials disputed it.)",
     "The debate continues."],
    ["Sen. Ted Cruz (R-Texas) objected.", "The vote was delayed."],
    ["The agency (the U.S. Environmental Protection Agency) declined to comment."],
    ["The contract (worth $2.5 million) was signed [in March] by both sides."],
    ['He said the law was "unfair [to] families."', "The court will rule in June."],
    ["Emissions fell [...]", "Ozone levels rose in most cities."],
]


@pytest.mark.parametrize("expected", BRACKETS, ids=lambda e: e[0][:40])
def test_brackets(expected):
    check(expected)


def test_abbreviation_closing_a_bracket_does_not_end_a_sentence():
    assert sents("The Navy (U.S.) Fleet Forces Command said so.") == [
        "The Navy (U.S.) Fleet Forces Command said so."
    ]


# --- offsets contract -------------------------------------------------------------------

def assert_contract(text: str, spans, lo: int = 0, hi: int | None = None) -> None:
    hi = len(text) if hi is None else hi
    prev = lo
    for s, e in spans:
        assert prev <= s < e <= hi
        piece = text[s:e]
        assert piece == piece.strip() and piece
        prev = e
    # Every non-space character of the window is in some span.
    covered = sum(e - s for s, e in spans)
    assert covered >= sum(1 for ch in text[lo:hi] if not ch.isspace())
    assert "".join("".join(text[s:e].split()) for s, e in spans) == "".join(text[lo:hi].split())


def test_offsets_and_window():
    text = "Title line. First sentence here. Second one?  Third!  "
    spans = split_sentences(text)
    assert_contract(text, spans)
    assert [text[s:e] for s, e in spans] == ["Title line.", "First sentence here.", "Second one?", "Third!"]
    lo, hi = text.index("First"), text.index("Third") - 1
    window = split_sentences(text, lo, hi)
    assert_contract(text, window, lo, hi)
    assert [text[s:e] for s, e in window] == ["First sentence here.", "Second one?"]
    # The window behaves exactly like the paragraph cut out on its own, shifted.
    assert window == [(s + lo, e + lo) for s, e in split_sentences(text[lo:hi])]


@pytest.mark.parametrize("text", ["", " ", "   \t ", "\n"])
def test_empty_and_blank(text):
    assert split_sentences(text) == []


def test_empty_window():
    assert split_sentences("Hello there. Bye.", 5, 5) == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aB .?!…\"'“”()[]\n\tU.S1-:•")), max_size=80),
    st.data(),
)
def test_contract_on_random_text(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    spans = split_sentences(text, lo, hi)
    assert_contract(text, spans, lo, hi)
    assert spans == [(s + lo, e + lo) for s, e in split_sentences(text[lo:hi])]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(['said', 'that', '"', '“', '”', 'In', 'the', 'The', 'Quat',
                              'Yes.', 'No!', '.', ' ', '  ', '-', '—', 'Smith', 'Image:', '\n']),
             max_size=30).map("".join),
    st.data(),
)
def test_contract_on_random_words(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    spans = split_sentences(text, lo, hi)
    assert_contract(text, spans, lo, hi)
    assert spans == [(s + lo, e + lo) for s, e in split_sentences(text[lo:hi])]


# --- hostile inputs (must finish; no timing asserts) ------------------------------------

N = 200_000
HOSTILE = {
    "no punctuation": ("the minister said officials would meet again " * (N // 45))[:N],
    "one run of periods": "." * N,
    "spaced periods": ". " * (N // 2),
    "initials": "A. " * (N // 3),
    "one run of quotes": '"' * N,
    "quotes after a period": 'Yes."' + '"' * N + " Next.",
    "quotes and spaces": '" ' * (N // 2),
    "whitespace": " " * N + "x",
    "no whitespace": "a.b?c!d" * (N // 7),
    "brackets": "(" * N,
    "abbreviations": "the U.S. Inc. Gov. No. 5 a.m. " * (N // 30),
    "dashes": "KABUL, " * (N // 7) + "- The end.",
    "short lines": "Results\n" * (N // 8),
    "long lines": ("x" * 99 + "\n") * (N // 100),
    "ellipses": "... " * (N // 4),
    "integrated quote": 'he said "' + "Yes. No. " * (N // 9) + 'End."',
    "short integrated quotes": 'he said "a" ' * (N // 12),
    "glued starts": "word In the " * (N // 12),
    "pull quote": '"' + "Yes. " * (N // 5) + 'End." Jane Doe',
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_inputs_finish(kind):
    text = HOSTILE[kind]
    spans = split_sentences(text)
    assert_contract(text, spans)
    if kind in ("no punctuation", "one run of periods", "one run of quotes", "whitespace",
                "no whitespace", "brackets", "integrated quote", "pull quote"):
        assert len(spans) == 1


# --- accuracy on the GUM news gold corpus -----------------------------------------------

def test_gold_corpus_accuracy_floor():
    total, exact, paragraphs = PRF(0, 0, 0), 0, 0
    for path in sorted(glob.glob(str(GOLD / "*.json"))):
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        for para in doc["paragraphs"]:
            gold = para["sentences"]
            predicted = sents(" ".join(gold))
            total = total + boundary_prf(predicted, gold)
            exact += _nonspace_boundaries(predicted) == _nonspace_boundaries(gold)
            paragraphs += 1
    assert paragraphs == 345
    # Measured: P 0.990, R 0.976, F1 0.983, 337 exact; the best open peer reaches F1 0.954, 316.
    assert total.f1 >= 0.98
    assert total.precision >= 0.985
    assert exact >= 335
