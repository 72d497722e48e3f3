"""``newsquotes show``: an article's sentences with its quotes marked at the right places and attributed."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import newsquotes
from newsquotes.show import MARKS, DocumentNotFound, find_doc_id, render_article, show
from newsquotes.storage import Store
from newsquotes.tables import concat_tables, empty_table
from tests.conftest import GUM_RAW, SEED_RAW

SENTENCE_LINE = re.compile(r"^  +(\d+)  (.*)$")
ANSI = re.compile(r"\x1b\[([0-9;]*)m")
TYPE_COLOURS = {"32": "direct", "33": "mixed", "36": "indirect"}


@pytest.fixture(scope="module")
def seed() -> dict[str, pd.DataFrame]:
    return newsquotes.process_text(SEED_RAW.read_text(encoding="utf-8"), source=SEED_RAW.name)


@pytest.fixture(scope="module")
def corpus(seed) -> dict[str, pd.DataFrame]:
    """The seed and the GUM articles, built without Prefect."""
    parts = [seed] + [
        newsquotes.process_text(path.read_text(encoding="utf-8"), source=f"gum/{path.name}")
        for path in sorted(GUM_RAW.glob("*.txt"))
    ]
    return {name: concat_tables([p[name] for p in parts], name) for name in ("documents", "sentences", "quotes")}


def render(tables: dict[str, pd.DataFrame], key: str, color: bool = False) -> str:
    return render_article(tables["documents"], tables["sentences"], tables["quotes"], key, color=color)


def sentence_lines(rendered: str) -> dict[int, str]:
    return {int(m[1]): m[2] for line in rendered.splitlines() if (m := SENTENCE_LINE.match(line))}


def parse_plain(line: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The sentence without marks, and each role's marked spans as offsets into it."""
    tokens = sorted(((mark, role, side) for role, pair in MARKS.items() for side, mark in enumerate(pair)),
                    key=lambda t: -len(t[0]))
    text, spans, stacks = [], {role: [] for role in MARKS}, {role: [] for role in MARKS}
    i = 0
    while i < len(line):
        for mark, role, side in tokens:
            if line.startswith(mark, i):
                if side == 0:
                    stacks[role].append(len(text))
                else:
                    spans[role].append((stacks[role].pop(), len(text)))
                i += len(mark)
                break
        else:
            text.append(line[i])
            i += 1
    assert not any(stacks.values()), f"unclosed marks in {line!r}"
    return "".join(text), spans


def parse_color(line: str) -> tuple[str, list[tuple[str, set[str]]]]:
    """The sentence without escape codes, and each character with its active SGR codes."""
    text, styles, active = [], [], set()
    pos = 0
    for m in [*ANSI.finditer(line), None]:
        chunk = line[pos : m.start() if m else len(line)]
        text.append(chunk)
        styles += [(c, set(active)) for c in chunk]
        if m:
            active = set() if m[1] in ("", "0") else set(m[1].split(";"))
            pos = m.end()
    return "".join(text), styles


def doc_of(tables, doc_id) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    doc = tables["documents"].set_index("doc_id").loc[doc_id]
    sentences = tables["sentences"].query("doc_id == @doc_id").set_index("sentence_index")
    quotes = tables["quotes"].query("doc_id == @doc_id")
    return doc, sentences, quotes


def test_seed_renders_header_every_sentence_and_marks_at_quote_offsets(seed):
    doc_id = seed["documents"].loc[0, "doc_id"]
    out = render(seed, doc_id)
    lines = out.splitlines()
    assert lines[0] == "Lavrov Says U.S. Should Cooperate with Syria Over Islamic State"
    assert lines[1].startswith("The Moscow Times · 2015-08-10 · https://www.themoscowtimes.com/")
    assert doc_id in lines[2] and SEED_RAW.name in lines[2]
    assert "── body · Proposed Coalition ──" in lines

    doc, sentences, quotes = doc_of(seed, doc_id)
    rendered = sentence_lines(out)
    assert sorted(rendered) == list(sentences.index)
    marked: dict[str, set[tuple[int, int]]] = {"quote": set(), "speaker": set(), "cue": set()}
    for index, line in rendered.items():
        plain, spans = parse_plain(line)
        start = int(sentences.loc[index, "start"])
        assert plain == sentences.loc[index, "text"] == doc["text"][start : start + len(plain)]
        for role, found in spans.items():
            marked[role] |= {(start + a, start + b) for a, b in found}
    for q in quotes.itertuples():
        assert (q.start, q.end) in marked["quote"]
        assert doc["text"][q.start : q.end] == q.content
        if pd.notna(q.speaker_start):
            assert (q.speaker_start, q.speaker_end) in marked["speaker"]
        if pd.notna(q.cue_start):
            assert (q.cue_start, q.cue_end) in marked["cue"]
    # Nothing is marked that is not a quote, speaker or cue of the table.
    assert marked["quote"] == set(zip(quotes["start"], quotes["end"], strict=True))
    assert marked["speaker"] == set(zip(quotes["speaker_start"].dropna(), quotes["speaker_end"].dropna(), strict=True))


def test_text_between_quote_marks_is_the_quote_content(seed):
    out = render(seed, seed["documents"].loc[0, "doc_id"])
    between = re.findall(r"\[\[(.*?)\]\]", out)
    inner = [re.sub(r"[{}<>]", "", b) for b in between]  # a speaker or cue may stand inside a quote
    assert sorted(inner) == sorted(seed["quotes"]["content"])
    assert '"[[Assad was a fully legitimate partner' in out
    assert "{the foreign minister} <said>" in out


def test_every_quote_is_attributed_after_its_last_sentence(corpus):
    for doc_id in corpus["documents"]["doc_id"]:
        out = render(corpus, doc_id)
        _, _, quotes = doc_of(corpus, doc_id)
        lines = out.splitlines()
        attributions = [line for line in lines if line.lstrip().startswith("↳ ")]
        assert len(attributions) == len(quotes)
        current = None
        for line in lines:
            if m := SENTENCE_LINE.match(line):
                current = int(m[1])
            elif line.lstrip().startswith("↳ #"):
                index = int(re.match(r"\s*↳ #(\d+) ", line)[1])
                q = quotes.set_index("quote_index").loc[index]
                assert current == q["sentence_last"]
                assert f"↳ #{index} {q['type']}" in line
                if pd.notna(q["speaker"]):
                    assert f'speaker: "{q["speaker"]}"' in line
                if pd.notna(q["speaker_name"]):
                    assert f"→ {q['speaker_name']} ({q['speaker_kind']})" in line
                assert (f"cue: {q['cue']}" if pd.notna(q["cue"]) else "cue: none") in line
                assert f"confidence {q['confidence']:.2f}" in line


def test_seed_attribution_line_reads_as_documented(seed):
    out = render(seed, seed["documents"].loc[0, "doc_id"])
    assert re.search(
        r'\n     ↳ #\d+ direct · speaker: "the foreign minister" → Sergei Lavrov \(role\) · cue: said · confidence 0\.\d\d\n',
        out,
    )


def test_colour_marks_every_corpus_quote_at_its_offsets_in_its_type_colour(corpus):
    """ANSI codes cannot be confused with article text, so every article of the corpus is checked."""
    for doc_id in corpus["documents"]["doc_id"]:
        out = render(corpus, doc_id, color=True)
        doc, sentences, quotes = doc_of(corpus, doc_id)
        coloured: dict[int, set[str]] = {}  # document offset -> quote colours
        underlined, cued = set(), set()
        rendered = sentence_lines(out)
        assert sorted(rendered) == list(sentences.index)
        for index, line in rendered.items():
            plain, styles = parse_color(line)
            start = int(sentences.loc[index, "start"])
            assert plain == sentences.loc[index, "text"]
            for offset, (_, codes) in enumerate(styles, start):
                coloured[offset] = {TYPE_COLOURS[c] for c in codes if c in TYPE_COLOURS}
                if "4" in codes:
                    underlined.add(offset)
                if "35" in codes:
                    cued.add(offset)
        in_sentences = set(coloured)
        for q in quotes.itertuples():
            inside = set(range(q.start, q.end)) & in_sentences
            assert inside, f"quote {q.quote_index} of {doc_id} is outside every sentence"
            # The innermost quote's colour wins; a quote holding another shows its own colour elsewhere.
            assert any(q.type in coloured[o] for o in inside), (doc_id, q.quote_index)
            if pd.notna(q.speaker_start):
                assert set(range(q.speaker_start, q.speaker_end)) & in_sentences <= underlined
            if pd.notna(q.cue_start):
                assert set(range(q.cue_start, q.cue_end)) & in_sentences <= cued
        quoted = {o for q in quotes.itertuples() for o in range(q.start, q.end)}
        assert {o for o, c in coloured.items() if c} == quoted & in_sentences


def test_plain_marks_hold_exact_content_across_the_corpus(corpus):
    """Where the article text has no mark characters, the marks parse back to the quote offsets.

    (Text such as "crop yields [...]" at a quote's end reads as "[...]]]" and cannot be parsed back
    by machine; the colour test covers those articles.)
    """
    checked = 0
    for doc_id, text in zip(corpus["documents"]["doc_id"], corpus["documents"]["text"], strict=True):
        if re.search(r"[\[\]{}<>]", text):
            continue
        doc, sentences, quotes = doc_of(corpus, doc_id)
        pieces: dict[int, list[tuple[int, int]]] = {}
        for index, line in sentence_lines(render(corpus, doc_id)).items():
            plain, spans = parse_plain(line)
            start = int(sentences.loc[index, "start"])
            assert plain == sentences.loc[index, "text"]
            for a, b in spans["quote"]:
                pieces.setdefault(start + a, []).append((start + a, start + b))
        for q in quotes.itertuples():
            # A quote over several sentences is closed and opened again at each sentence break.
            covered = [
                (a, b)
                for s in sentences.loc[q.sentence_first : q.sentence_last].itertuples()
                for a, b in pieces.get(max(q.start, s.start), [])
                if b == min(q.end, s.end)
            ]
            assert "".join(text[a:b] for a, b in covered) == "".join(
                text[max(q.start, s.start) : min(q.end, s.end)]
                for s in sentences.loc[q.sentence_first : q.sentence_last].itertuples()
            )
            assert covered, (doc_id, q.quote_index)
        checked += 1
    assert checked >= 5


def test_multi_sentence_quote_is_reopened_and_says_which_sentences(corpus):
    quotes = corpus["quotes"]
    long = quotes[quotes["sentence_first"] < quotes["sentence_last"]].iloc[0]
    out = render(corpus, long["doc_id"])
    first, last = long["sentence_first"], long["sentence_last"]
    assert f"↳ #{long['quote_index']} {long['type']} (sentences {first}–{last})" in out
    lines = sentence_lines(out)
    assert lines[int(long["sentence_first"])].rstrip('"').endswith("]]")
    assert "[[" in lines[int(long["sentence_last"])][:3]


def test_lookup_by_prefix_and_by_source(corpus, seed):
    documents = corpus["documents"]
    doc_id = seed["documents"].loc[0, "doc_id"]
    expected = render(corpus, doc_id)
    assert render(corpus, doc_id[:6]) == expected
    assert render(corpus, SEED_RAW.name) == expected
    assert render(corpus, f"data/raw/{SEED_RAW.name}") == expected
    assert render(corpus, str(SEED_RAW)) == expected  # an absolute path ending in the source
    gum = documents.loc[documents["source"] == "gum/GUM_news_afghan.txt", "doc_id"].item()
    assert find_doc_id(documents, "gum/GUM_news_afghan.txt") == gum
    assert find_doc_id(documents, "./gum/GUM_news_afghan.txt") == gum
    assert find_doc_id(documents, "GUM_news_afghan.txt") == gum  # the file name alone, when unique


def test_unknown_short_or_ambiguous_ids_raise_key_error_that_says_how_to_find_ids(corpus):
    documents = corpus["documents"]
    with pytest.raises(KeyError) as err:
        render(corpus, "no-such-article")
    message = str(err.value)
    assert isinstance(err.value, DocumentNotFound)
    assert "no-such-article" in message and "doc_id" in message and "newsquotes.load('documents'" in message
    with pytest.raises(KeyError):
        find_doc_id(documents, documents.loc[0, "doc_id"][:2])  # too short to be meant
    with pytest.raises(KeyError):
        find_doc_id(documents, "")
    twins = pd.concat([documents.iloc[[0]]] * 2, ignore_index=True)
    twins.loc[0, "doc_id"], twins.loc[1, "doc_id"] = "abcd1111", "abcd2222"
    twins.loc[1, "source"] = "other.txt"
    with pytest.raises(KeyError, match="matches 2 articles") as err:
        find_doc_id(twins, "abcd")
    assert "abcd1111" in str(err.value) and "abcd2222" in str(err.value)


def test_article_without_quotes_says_so(seed):
    doc_id = seed["documents"].loc[0, "doc_id"]
    out = render_article(seed["documents"], seed["sentences"], empty_table("quotes"), doc_id)
    assert "(no quotes found in this article)" in out and "↳" not in out
    assert "[[" not in out and "{" not in out


def test_show_loads_the_published_tables(tmp_path, seed, monkeypatch):
    root = tmp_path / "processed"
    store = Store(root)
    store.stage("r1", "b0", seed, seed["documents"].set_index("doc_id")["published"])
    store.publish("r1", set(), empty_table("rejects"))
    doc_id = seed["documents"].loc[0, "doc_id"]
    assert show(doc_id[:8], root=str(root), color=False) == render(seed, doc_id)
    assert "\x1b[" in show(doc_id, root=str(root), color=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in show(SEED_RAW.name, root=str(root))  # auto: no colour when asked for none
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" not in show(doc_id, root=str(root))  # auto: pytest's stdout is not a terminal
    with pytest.raises(KeyError, match="ingest"):
        show(doc_id, root=str(tmp_path / "nothing-here"))
