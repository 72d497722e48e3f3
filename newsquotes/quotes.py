"""Quotation extraction: direct, mixed and indirect quotes with cue and speaker.

The extractor works in three linear passes over the article:

1. **Marks.** One scan of the quotation marks of each paragraph pairs them by parity, so an
   unbalanced mark costs one wrong span, never a blow-up. A paragraph that ends inside a
   quote continues into the next one if that paragraph opens with a mark (news convention)
   or its first mark can only be a closing one (a paragraph break inside the marks).
2. **Direct quotes.** A marked span is direct when the rest of its clause is only
   attribution: empty, "X said", "said X", "X told reporters:" or "according to X". A span
   with content around it is a fragment that belongs to a mixed quote; a short fragment that
   nobody is said to have said is a scare quote, title or nickname and is dropped. A span
   that fills its sentences with no attribution is a floating quote: its speaker comes from
   the quote or attribution just before it (or, failing that, right after it).
3. **Reported speech.** Every remaining speech cue with a speaker gives an indirect quote
   whose content is the reported clause ("X said (that) ...", "..., X said.",
   "according to X, ...", a headline "Lavrov Says U.S. Should ..."); if the clause carries a
   quoted fragment it is a mixed quote.

Speakers are found and resolved by ``newsquotes.speakers``.
"""

from __future__ import annotations

from typing import Final

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from newsquotes import cues
from newsquotes.adjuncts import adjunct_end, adjuncts_end, is_setting
from newsquotes.model import Quote, QuoteType, Sentence
from newsquotes.speakers import (
    _CENTRAL_DETERMINERS, _MORE, _STOP_LOWER, Mention, SpeakerResolver, Tok, _classify, _is_person_noun, _runs,
    _unpossessed, clause_subject, person_core,
    introduces_author, introduces_name, new_speaker_clause, people_postmodifier,
    relative_participle, speaker_after, speaker_before, subject_with_verb,
    tokenize, tokenize_head,
)

__all__ = ["extract_quotes", "quotation_spans"]

_DOUBLE_MARKS: Final = "\"“”„«»"
_DOUBLE: Final = re.compile("[" + _DOUBLE_MARKS + "]")
# An opening single mark (``_single_openers``) follows the start of the text, a space, an
# opening bracket or a dash.
_BEFORE_SINGLE_OPEN: Final = "([—–-"
_WORD: Final = re.compile(r"\w+")
_COLON_QUOTE: Final = re.compile(r":\s*[\"“]")
# A name of up to four capitalised words and a colon opening a headline or a paragraph
_SPEAKER_COLON: Final = re.compile(r"((?:[A-Z][\w'’.\-]*[^\S\n]+){0,3}[A-Z][\w'’.\-]*):[^\S\n]+(?=\S)")


def _phrase_pattern(phrases) -> str:
    """Multi-word cues as one alternation grouped by first letter: a class of the first
    letters, the word boundary checked behind it, then each group's rest. The engine jumps
    between the few letters that can start a phrase (a plain leading ``\\b`` makes it try
    every position). Within a group the longer phrase is tried first, as in a plain
    longest-first alternation."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        groups.setdefault(phrase[0].lower(), []).append(phrase)
    firsts = "".join(sorted(groups))
    return "[" + re.escape(firsts) + r"](?<=\b.)(?:" + "|".join(
        "(?<=" + re.escape(first) + ")(?:" + "|".join(re.escape(p[1:]) for p in group) + ")"
        for first, group in sorted(groups.items())
    ) + r")\b"


_PHRASE_CUE: Final = re.compile(_phrase_pattern(cues.PHRASE_CUES), re.IGNORECASE)
_CLOSE_FOLLOW: Final = set(" \t\n,.;:!?)]}—–-…'’")
_OPEN_PRECEDE: Final = set(" \t\n([{—–-/")
_BE: Final = cues.BE_FORMS | {"get", "got"}  # "got told": a passive with "get" too
_LISTENER_VERBS: Final = frozenset({"tell", "inform", "assure", "warn", "remind", "caution", "promise", "ask"})
_WINDOW: Final = 400  # attribution never needs more context than this many characters
_COMPLEMENT_HEAD: Final = 16  # tokens read first by ``_complement_start``
_TAIL_WORDS: Final = 20  # the most tokens between a closing mark's punctuation and the cue after it
_TAIL_HEAD: Final = 24  # tokens read first by ``_tail_attribution``
_AUX: Final = cues.FINITE_AUXILIARIES | {"shall", "be", "been"}
# Verbs that nearly always take a reported clause; the others must show one ("that" or a verb).
_STRONG: Final = frozenset({"say", "tell", "claim", "state", "add", "explain", "insist", "argue", "assert",
                            "warn", "write", "allege", "contend", "believe", "reason", "testify", "reply",
                            "respond", "declare", "comment", "stress", "emphasize", "emphasise", "assure",
                            "inform", "reiterate", "conclude", "complain", "boast"})


@dataclass(slots=True)
class _Span:
    """A stretch of text between quotation marks (content offsets exclude the marks)."""

    open: int | None  # position of the opening mark, None when continued from the paragraph before
    close: int | None  # position of the closing mark, None when the paragraph ends inside it
    start: int
    end: int
    para: int
    continued: bool = False
    role: str = "?"  # direct | fragment | scare
    speaker: Mention | None = None
    cue: tuple[int, int] | None = None
    how: str = ""  # how the attribution was found, for the confidence


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    lemma: str
    plural: bool = False
    used: bool = False


@dataclass(slots=True)
class _Item:
    type: QuoteType
    start: int
    end: int
    speaker: Mention | None
    cue: tuple[int, int] | None
    how: str
    span: _Span | None = None
    fragments: list[_Span] = field(default_factory=list)


# --- Pass 1: quotation marks --------------------------------------------------------------


def _looks_closing(text: str, i: int, hi: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and (after in _CLOSE_FOLLOW or after.isspace())


def _paragraphs(sentences: Sequence[Sentence]) -> tuple[list[tuple[int, int, str]], list[list[int]]]:
    """The paragraphs in order: their spans with the kind of their first sentence, and the
    indices of their sentences."""
    paras: dict[int, list] = {}  # paragraph index -> [start, end, kind, sentence indices]
    for si, s in enumerate(sentences):
        para = paras.get(s.paragraph_index)
        if para is None:
            paras[s.paragraph_index] = [s.start, s.end, s.block, [si]]
        else:
            if s.start < para[0]:
                para[0] = s.start
            if s.end > para[1]:
                para[1] = s.end
            para[3].append(si)
    order = sorted(paras)
    return [(paras[k][0], paras[k][1], paras[k][2]) for k in order], [paras[k][3] for k in order]


def _find_spans(text: str, paras: list[tuple[int, int, str]]) -> list[_Span]:
    spans: list[_Span] = []
    carry: _Span | None = None  # a quote still open at the end of the last body paragraph
    if not paras:
        return spans
    # one scan for the marks of all paragraphs (a call per paragraph costs more than it finds)
    lo, hi = paras[0][0], paras[-1][1]
    all_marks = _positions(text, _DOUBLE_MARKS, lo, hi)
    all_singles = _single_openers(text, lo, hi)
    for pi, (ps, pe, kind) in enumerate(paras):
        i = bisect_left(all_marks, ps)
        marks = all_marks[i:bisect_left(all_marks, pe, i)]
        open_at: int | None = None
        continued = False
        if carry is not None and kind != "caption":
            first = len(text[ps:pe]) - len(text[ps:pe].lstrip())
            if marks and marks[0] == ps + first:
                open_at, marks, continued = marks[0], marks[1:], True
            elif marks and _looks_closing(text, marks[0], pe):
                open_at, continued = ps - 1, True
            carry = None
        local: list[_Span] = []
        for m in marks:
            if open_at is None:
                if text[m] == "”" and _looks_closing(text, m, pe) and not (m + 1 < pe and text[m + 1].isalnum()):
                    continue  # a stray closing curly mark
                open_at = m
            else:
                local.append(_make_span(text, open_at, m, pi, continued, ps, pe))
                open_at, continued = None, False
        if open_at is not None:
            span = _make_span(text, open_at, None, pi, continued, ps, pe)
            local.append(span)
            if kind != "caption" and _continues(text, paras, pi):
                carry = span
        if local:
            spans.extend(s for s in local if s.end > s.start)
        if all_singles:
            # (a single mark that ends the paragraph opens nothing: the word after it is not its own)
            i = bisect_left(all_singles, ps)
            singles = all_singles[i:bisect_left(all_singles, pe - 1, i)]
            if singles:
                spans.extend(_single_spans(text, singles, pe, local))
    spans.sort(key=lambda s: s.start)
    return spans


def _positions(text: str, chars: str, lo: int, hi: int) -> list[int]:
    """The positions in ``[lo, hi)`` of any of ``chars``, in order: what a regex class finds,
    but ``str.find`` skips to each character at C speed, several times faster than the
    regex engine tests a class at every position."""
    found = []
    find = text.find
    for char in chars:
        i = find(char, lo, hi)
        while i >= 0:
            found.append(i)
            i = find(char, i + 1, hi)
    found.sort()
    return found


def _first_double_mark(text: str, lo: int, hi: int) -> int:
    """The position of the first double mark in ``[lo, hi)``, or -1 (as ``_positions``, by
    ``str.find``)."""
    first = -1
    for char in _DOUBLE_MARKS:
        i = text.find(char, lo, hi)
        if i >= 0:
            first = hi = i  # a later mark character need only be looked for before it
    return first


def _single_openers(text: str, lo: int, hi: int) -> list[int]:
    """The opening single marks in ``[lo, hi)``: a ' or ‘ at the start of the text or after
    whitespace, an opening bracket or a dash, with a word character (as the regex ``\\w``:
    alphanumeric or "_") right after it, before ``hi``."""
    openers = []
    for i in _positions(text, "'‘", lo, hi):
        if i + 1 < hi and (i == 0 or text[i - 1] in _BEFORE_SINGLE_OPEN or text[i - 1].isspace()) and (
            text[i + 1].isalnum() or text[i + 1] == "_"
        ):
            openers.append(i)
    return openers


def _make_span(text: str, open_at: int, close: int | None, para: int, continued: bool,
               ps: int, pe: int) -> _Span:
    start = open_at + 1 if open_at >= ps else ps
    end = close if close is not None else pe
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Span(open_at if open_at >= ps else None, close, start, end, para, continued)


def _continues(text: str, paras: list[tuple[int, int, str]], pi: int) -> bool:
    """Does the quote left open at the end of paragraph ``pi`` go on in the next body one?"""
    for k in range(pi + 1, len(paras)):  # by index: a slice would copy the rest of the list
        ps, pe, kind = paras[k]
        if kind == "caption":
            continue
        if kind != "body":
            return False
        stripped = text[ps:pe].lstrip()
        if stripped[:1] in "\"“„«":
            return True
        first = _first_double_mark(text, ps, pe)
        return first >= 0 and _looks_closing(text, first, pe)
    return False


def _single_spans(text: str, openers: list[int], pe: int, doubles: list[_Span]) -> list[_Span]:
    """Quotes in single marks ('...' or ‘...’) outside double ones, from the paragraph's
    ``openers`` (from ``_single_openers``, in order; the paragraph ends at ``pe``), each
    closed by the next mark that is not an apostrophe inside a word."""
    out = []
    pos = 0
    limit = pe
    for i in openers:
        if i < pos or any(s.start - 1 <= i < s.end + 1 for s in doubles):
            continue
        j = i + 1
        hi = min(pe, i + 600)
        close = None
        while j < hi:
            c = text[j]
            if c in "\"“”":
                break
            if c in "'’" and not (j + 1 < limit and text[j + 1].isalnum()) and not text[j - 1].isspace():
                close = j
                break
            j += 1
        if close is None:
            continue
        out.append(_Span(i, close, i + 1, close, -1))
        pos = close + 1
    return out


# --- Cues ---------------------------------------------------------------------------------


def _trie_pattern(words) -> str:
    """A regex alternation factored by common prefixes, so the engine tests each position
    against a handful of first letters instead of hundreds of words."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


_CUE_TRIE: Final = _trie_pattern(
    {w for form in cues.CUE_LEMMA for w in (form, form.capitalize())} | set(cues.DOCUMENT_CUE_LEMMA) | set(cues.PLATFORM_CUE_LEMMA)
)
_CUE_WORD: Final = re.compile(r"\b" + _CUE_TRIE + r"\b")
# Both cue patterns in one scan of a whole document (``_cue_hits``): at a non-word character,
# a phrase cue after it (group 1, in a lookahead, so that the words inside it are still
# scanned) and a cue word after it (group 2 or 3). The pattern starts with a character
# class, so the engine skips in C to the next non-word character instead of trying both
# patterns at every position. (The non-word character is found as one outside the ASCII word
# characters, a range test, and then checked to be ``\W``: the same characters, found faster
# than by the Unicode class test at every character.)
_CUES_AFTER: Final = re.compile(
    r"[^0-9A-Za-z_](?<=\W)(?:(?=(?i:(" + _PHRASE_CUE.pattern.replace(r"(?<=\b.)", "", 1) + r")))(" + _CUE_TRIE + r"\b)?"
    r"|(" + _CUE_TRIE + r"\b))"
)


def _cue_hits(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """``(start, end, text)`` of every match of ``_PHRASE_CUE`` and of ``_CUE_WORD`` in
    ``text``, exactly as their own ``finditer`` scans give them, from one scan.

    A match of either starts at a word boundary, so (bar position 0, matched on its own)
    right after a non-word character; each non-word character is tried once, since a
    ``_CUES_AFTER`` match consumes it and at most a cue word. Cue words never overlap; phrases
    may (a phrase word can start another phrase), and ``finditer`` resumes after a match,
    so a phrase that starts inside the previous one is left out."""
    phrases: list[tuple[int, int, str]] = []
    words: list[tuple[int, int, str]] = []
    first = _PHRASE_CUE.match(text)
    if first is not None:
        phrases.append((first.start(), first.end(), first.group()))
    first = _CUE_WORD.match(text)
    if first is not None:
        words.append((first.start(), first.end(), first.group()))
    last = phrases[0][1] if phrases else 0
    for m in _CUES_AFTER.finditer(text):
        start = m.start(1)
        if start >= last:  # (-1 when no phrase)
            last = m.end(1)
            phrases.append((start, last, m.group(1)))
        g = m.lastindex
        assert g is not None  # (group 1 is in a lookahead that always matches, else group 3 matched)
        if g != 1:
            words.append((m.start(g), m.end(g), m.group(g)))
    return phrases, words


# A word that is a cue only before a quotation, right before an opening mark (the scan is
# anchored at the mark, so it runs once per quotation, not once per word).
_QUOTATION_CUE: Final = re.compile(r"\b(" + _trie_pattern(cues.QUOTATION_CUE_LEMMA) + r")[,:]?[^\S\n]*$")
# A verb of judgement, its object and "as" right before an opening mark ('dismissed the
# remarks as "ridiculous"'); the object is a few words.
_AS_QUOTATION_CUE: Final = re.compile(
    r"\b(" + _trie_pattern(cues.AS_QUOTATION_CUE_LEMMA) + r")[^\S\n]+(?:[\w'’.\-]+[^\S\n]+){1,6}as[^\S\n]*$"
)
# After "according to": the source, a comma, a name and "believes" ("According to ABC News,
# Basya also believes ..."): the view is one stated to the source, a report of the name's.
_STATED_BELIEF: Final = re.compile(
    r"[^,;:.\n]{1,80},[^\S\n]*(?:[A-Z][\w'’.\-]*[^\S\n]+){1,3}(?:also[^\S\n]+|still[^\S\n]+)?(believes|believed)\b"
)
# The same words as finite verbs after a quotation, with a pronoun, a name or a short noun phrase as
# subject ('"...," she notes', '"...," Smith vows', '"...," the club posted on X'): there, no noun
# reading fits (the phrase must still be a speaker, a person or a body, to attribute the quote).
_AFTER_QUOTATION_CUE: Final = re.compile(
    r",?[^\S\n]+(?:he|she|they|we|I|[A-Z][\w'’.\-]*(?:[^\S\n]+[A-Z][\w'’.\-]*){0,2}"
    r"|(?:the|a|an|its|his|her|their)(?:[^\S\n]+[\w'’\-]+){1,3})[^\S\n]+("
    + _trie_pattern({f for f in cues.QUOTATION_CUE_LEMMA if f.endswith(("s", "ed")) and not f.startswith("believ")})
    + r")\b"
)
# A naming participle after a comma, with its object between it and the quoted words
# (', calling the case "a total scam"'): elsewhere "calling" is no cue ("calling on voters").
_NAMING_PARTICIPLE: Final = re.compile(r",[^\S\n]+(calling)[^\S\n]+(?:[\w'’-]+[^\S\n]+){1,4}$")
# "posted" + "on", a platform's capitalised name, a few words of time, and "that".
_ON_PLATFORM_THAT: Final = re.compile(r"[^\S\n]+on[^\S\n]+(?:[A-Z][\w.'’-]*[^\S\n]+){1,3}(?:[\w,]+[^\S\n]+){0,3}?that\b")
_POSSESSIVE_END: Final = ("'s", "’s", "'", "’")
_PREPOSITIONS: Final = cues.LISTENER_PREPOSITIONS | {"of", "into", "under"}
_LAST_WORD: Final = re.compile(r"\b(\w+)\W*$")
_NONSPACE: Final = re.compile(r"\S")
_NOUN_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "its", "their"})


_TWO_WORD_CHARS: Final = re.compile(r"\w\w")
# Quoted words: a pair of marks around at least one word. The first run holds no word
# character and the second no mark, so the engine never backtracks between them.
_QUOTED_WORDS: Final = re.compile(r"[\"“][^\"“”\n\w]*\w[^\"“”\n]*[\"”]")
# What may follow a closing mark (``_Extractor._tail``): a note in brackets, left out of the
# tail; a second clause; a dash before a bare name.
_TAIL_NOTE: Final = re.compile(r"\(\([^()]{0,20}\)\)|\[[^\[\]]{0,20}\]")
_TAIL_NEXT_CLAUSE: Final = re.compile(r"\s*[,;]\s*(but|and|while|whereas|although|though|yet)\s")
_TAIL_DASH: Final = re.compile(r"\s*[—–-]+\s*")
_COMMA_PARTICIPLE: Final = re.compile(r"\s*,\s*\w+ing\b")
_WITH_PHRASE_END: Final = re.compile(r",\s*with\s+[^,]{1,60}$")  # ", with the i reporting" before a cue


class _Hits:
    """All matches of a cue pattern in the whole document, found in one scan, and handed out
    sentence by sentence.

    A scan limited to ``[lo, hi)`` gives the same matches as the document scan unless a
    document match crosses ``lo`` or ``hi``, or ``hi`` cuts a word (the limited scan then
    sees a word end there). Only such a sentence, rare outside hostile input, is scanned
    again on its own, so the result is always what a per-sentence scan would give."""

    __slots__ = ("text", "pattern", "hits", "starts")

    def __init__(self, pattern: re.Pattern, text: str, hits: list[tuple[int, int, str]] | None = None):
        """``hits``, if given, are the pattern's matches in the document, found elsewhere."""
        self.text = text
        self.pattern = pattern
        if hits is None:
            hits = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        self.hits = hits
        self.starts = [h[0] for h in self.hits]

    def within(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        text, hits = self.text, self.hits
        i = bisect_left(self.starts, lo)
        j = bisect_left(self.starts, hi, i)
        if (i > 0 and hits[i - 1][1] > lo) or (j > i and hits[j - 1][1] > hi) or (
            0 < hi < len(text) and _TWO_WORD_CHARS.match(text, hi - 1)
        ):
            return [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text, lo, hi)]
        return hits[i:j]


def _find_cues(text: str, lo: int, hi: int, headline: bool, inside, before_quotation,
               phrases: list[tuple[int, int, str]], words: list[tuple[int, int, str]]) -> list[_Cue]:
    """The usable speech cues among the phrase and word matches of one sentence ``[lo, hi)``
    (``before_quotation(pos)``: is the word at ``pos`` a cue found before a quotation?)."""
    found: list[_Cue] = []
    for start, end, group in phrases:
        if not inside(start):
            found.append(_Cue(start, end, cues.PHRASE_CUES[" ".join(group.lower().split())]))
    taken = [(c.start, c.end) for c in found]
    phrase_cues = len(found)
    t = 0
    for pos, end, word in words:
        low = word.lower()
        lemma = cues.WORD_CUE_LEMMA.get(low)
        if lemma is None:
            continue
        if taken:
            while t < len(taken) and taken[t][1] <= pos:
                t += 1
            if t < len(taken) and taken[t][0] <= pos:
                continue
        if inside(pos):
            continue
        if word[0].isupper() and not headline and _NONSPACE.search(text, lo, pos):
            continue  # "Says" inside a name or the title of a work
        # the three words before the cue (punctuation between them and the cue is ignored,
        # a word followed by punctuation is not a modifier of the cue)
        window = text[max(lo, pos - 40):pos]
        prev = window.lower().split()[-3:]
        if prev and not prev[-1][-1:].isalnum():
            prev = prev[:-1] + ["."]  # '..., "' stands between: no adjacent word
        if prev and prev[-1] == "to":
            continue  # infinitive: "declined to say", "agreeing to work"
        if prev and prev[-1] != "." and _negated(prev):
            continue  # (not across punctuation: '"I have no idea," said X' is no negated cue)
        if prev and (prev[-1] in _BE or len(prev) > 1 and prev[-1].endswith("ly") and prev[-2] in _BE) and not low.endswith("ing"):
            continue  # passive: "was told to", "is said to", "was initially denied"
        if prev and prev[-1] in _NOUN_DETERMINERS:
            continue  # a noun: "the report", "a claim"
        if prev and low.endswith("s") and prev[-1].endswith(_POSSESSIVE_END):
            continue  # a noun after a possessive: "Mr. Trump's remarks" ("he's said" goes on)
        if low in cues.DOCUMENT_CUE_LEMMA and not (prev and prev[-1] in cues.DOCUMENTS) and not before_quotation(pos):
            continue  # "the states that ...": a verb only after a document ("the report states")
        if low in cues.PLATFORM_CUE_LEMMA and not _ON_PLATFORM_THAT.match(text, end, hi) and not before_quotation(pos):
            continue  # "posted a loss": a verb of speech only before a platform and "that"
        found.append(_Cue(pos, end, lemma, plural=low == lemma))
    if phrase_cues and len(found) > phrase_cues:  # (the words come in order, after the phrases)
        found.sort(key=lambda c: c.start)
    return found


def _negated(prev: list[str]) -> bool:
    """Is one of the last two of the words before a cue a negator ("did not say")?"""
    for p in prev[-2:]:
        if p in cues.NEGATORS or p.endswith("n't"):
            return True
    return False


# --- Pass 2: direct quotes ----------------------------------------------------------------


class _Extractor:
    def __init__(self, text: str, sentences: Sequence[Sentence]):
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.paras, self._para_sentences = _paragraphs(sentences)
        self.resolver = SpeakerResolver(text, sentences)
        self.spans = _find_spans(text, self.paras)
        self._span_starts = [s.open if s.open is not None else s.start for s in self.spans]
        self.cues_by_sentence: dict[int, list[_Cue]] = {}
        self._speakers_before: dict[tuple[int, int, bool], Mention | None] = {}
        # one scan of the document per cue pattern; sentences take their share by bisection
        phrases, words = _cue_hits(text)
        self._phrase_hits = _Hits(_PHRASE_CUE, text, phrases)
        self._word_hits = _Hits(_CUE_WORD, text, words)
        self._quotation_hits = self._quotation_cue_hits()
        self._quotation_starts = [h[0] for h in self._quotation_hits]
        self._cue_starts: dict[int, list[int]] = {}
        self._loud = self._loud_sentences(phrases + words + self._quotation_hits)
        self._loud_set = set(self._loud)

    # helpers
    def sent(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def inside(self, pos: int) -> bool:
        k = bisect_right(self._span_starts, pos) - 1
        if k < 0:
            return False
        s = self.spans[k]
        lo = s.open if s.open is not None else s.start
        hi = s.close if s.close is not None else s.end
        return lo <= pos <= hi

    def _speaker_before(self, lo: int, hi: int, plural_verb: bool = False) -> Mention | None:
        """``speaker_before`` in the article, memoised: the passes for direct quotes and for
        reported speech often ask for the speaker of the same cue in the same window."""
        key = (lo, hi, plural_verb)
        memo = self._speakers_before
        if key not in memo:
            memo[key] = speaker_before(self.text, lo, hi, plural_verb)
        return memo[key]

    def _quotation_cue_hits(self) -> list[tuple[int, int, str]]:
        """Words that are cues only right before a quotation ('The USDA notes, "..."', or with
        an object and "as": 'dismissed the remarks as "ridiculous"'), where a subject stands
        before them, or right after one and its subject ('"...," she notes'). The noun reading
        has none ("the field notes,"), only an owner ("Smith's notes:") or a compound in a
        prepositional phrase ("writing in a blog post: "..."": a subject follows no preposition).
        Also "believes" after "According to X, NAME": a view stated to the source."""
        text = self.text
        hits = []
        for span in self.spans:
            if span.close is not None:
                after = _AFTER_QUOTATION_CUE.match(text, span.close + 1, span.close + 60)
                if after is not None:
                    hits.append((after.start(1), after.end(1), after.group(1)))
            if span.open is None:
                continue
            m = _QUOTATION_CUE.search(text, max(0, span.open - 24), span.open) or _AS_QUOTATION_CUE.search(
                text, max(0, span.open - 80), span.open
            )
            if m is None:
                m = _NAMING_PARTICIPLE.search(text, max(0, span.open - 60), span.open)
                if m is not None:  # its subject is that of the clause before the comma
                    hits.append((m.start(1), m.end(1), m.group(1)))
                continue
            pos = m.start(1)
            s0 = self.sentences[self.sent(pos)].start
            if text[max(s0, pos - 8):pos].rstrip().endswith(_POSSESSIVE_END):  # (bounded: linear time)
                continue
            subject = self._speaker_before(s0, pos)
            if subject is not None and not _after_preposition(text, s0, subject.start):
                hits.append((pos, m.end(1), m.group(1)))
        for start, end, phrase in self._phrase_hits.hits:
            if phrase[:1] in "Aa" and phrase.lower() == "according to":
                belief = _STATED_BELIEF.match(text, end, end + 160)
                if belief is not None:  # "According to ABC News, Basya also believes ..."
                    hits.append((belief.start(1), belief.end(1), belief.group(1)))
        return sorted(set(hits))  # (a word between two quotations may be found after one and before the other)

    def _before_quotation(self, pos: int) -> bool:
        k = bisect_left(self._quotation_starts, pos)
        return k < len(self._quotation_starts) and self._quotation_starts[k] == pos

    def _sentence_word_hits(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The cue words of the sentence ``[lo, hi)``, with those found before quotations."""
        words = self._word_hits.within(lo, hi)
        if self._quotation_hits:
            i = bisect_left(self._quotation_starts, lo)
            j = bisect_left(self._quotation_starts, hi, i)
            if i < j:  # (a set: "states" may be found by both scans)
                words = sorted(set(words + self._quotation_hits[i:j]))
        return words

    def _loud_sentences(self, hits: list[tuple[int, int, str]]) -> list[int]:
        """The sentences that may hold a cue, in order: a match of the document scans (``hits``)
        starts in the sentence or reaches into it, or its end cuts a word. In the others (most)
        ``_Hits.within`` finds no match and ``_sentence_word_hits`` no quotation cue, so
        ``cues_in`` need not look."""
        every = sorted(hits)
        starts = [h[0] for h in every]
        reach = [0]  # reach[k]: the farthest end of the first k matches
        for h in every:
            reach.append(max(reach[-1], h[1]))
        text = self.text
        loud = []
        for si, s in enumerate(self.sentences):
            k = bisect_left(starts, s.start)
            if (k < len(starts) and starts[k] < s.end) or reach[k] > s.start or (
                0 < s.end < len(text) and _TWO_WORD_CHARS.match(text, s.end - 1)
            ):
                loud.append(si)
        return loud

    def cues_in(self, si: int) -> list[_Cue]:
        found = self.cues_by_sentence.get(si)
        if found is None:
            s = self.sentences[si]
            if si not in self._loud_set:
                found = []
            else:
                found = _find_cues(
                    self.text, s.start, s.end, s.block in ("title", "heading"), self.inside, self._before_quotation,
                    self._phrase_hits.within(s.start, s.end), self._sentence_word_hits(s.start, s.end),
                )
            self.cues_by_sentence[si] = found
        return found

    def cues_between(self, si: int, lo: int, hi: int, limit: int = 50) -> list[_Cue]:
        """Cues of sentence ``si`` that start in [lo, hi), found by bisection (a sentence may
        hold thousands of cues in hostile input; no caller needs more than ``limit``)."""
        found = self.cues_in(si)
        if si not in self._cue_starts:
            self._cue_starts[si] = [c.start for c in found]
        starts = self._cue_starts[si]
        k = bisect_right(starts, lo - 1)
        out: list[_Cue] = []
        while k < len(found) and found[k].start < hi and len(out) < limit:
            out.append(found[k])
            k += 1
        return out

    def cues_before(self, si: int, hi: int, limit: int = 50) -> list[_Cue]:
        """The last ``limit`` cues of sentence ``si`` that start before ``hi``."""
        found = self.cues_in(si)
        if si not in self._cue_starts:
            self._cue_starts[si] = [c.start for c in found]
        k = bisect_right(self._cue_starts[si], hi - 1)
        return found[max(0, k - limit):k]

    # attribution around a span
    def _tail(self, span: _Span) -> tuple[str, Mention | None, _Cue | None]:
        text = self.text
        if span.close is None:
            return "empty", None, None
        a = span.close + 1
        si = self.sent(span.close)
        b = min(self.sentences[si].end, a + _WINDOW)
        nxt = self._next_open(a)
        if nxt is not None and nxt < b:
            b = nxt
        body = text[a:b]
        # (the notes start with "((" or "[": the substitution only runs when one may be there)
        stripped = (_TAIL_NOTE.sub("", body) if "((" in body or "[" in body else body).strip(" ,.;:!?—–-")
        if not stripped:
            # a segmenter may cut after ?" / !": take a lower-case next sentence as the tail
            if si + 1 < len(self.sentences) and self.sentences[si + 1].paragraph_index == self.sentences[si].paragraph_index:
                ns = self.sentences[si + 1]
                first = text[ns.start:ns.start + 1]
                if first.islower():
                    return self._tail_attribution(ns.start, ns.end, si + 1)
            return "empty", None, None
        if _TAIL_NEXT_CLAUSE.match(body) or body.lstrip()[:1] == ";":
            return "empty", None, None  # the quote's clause is over; another one follows
        if _participle_adjunct(text, body, a):
            return "empty", None, None  # '"...", highlighting the ...': an adjunct of the attribution
        dash = _TAIL_DASH.match(body)
        if dash:
            rest = tokenize(text, a + dash.end(), b)
            if rest and len(rest) <= 5:
                m = _classify(text, rest)
                if m is not None and m.kind == "name":
                    return "attr", m, None
            return "other", None, None
        return self._tail_attribution(a, b, si)

    def _tail_attribution(self, a: int, b: int, si: int) -> tuple[str, Mention | None, _Cue | None]:
        text = self.text
        # the rules read the punctuation after the mark and at most ``_TAIL_WORDS`` + 1 tokens
        # after it (more words before the cue are too many): the whole window only if the
        # first tokens do not reach that far
        toks = tokenize_head(text, a, b, _TAIL_HEAD)
        k = _leading_punctuation(toks)
        if len(toks) == _TAIL_HEAD and k + _TAIL_WORDS + 1 > len(toks):
            toks = tokenize(text, a, b)
            k = _leading_punctuation(toks)
        if k == len(toks):
            return "empty", None, None
        cands = [c for c in self.cues_between(si, toks[k].start, b, 5) if not c.used]
        if not cands:
            return "other", None, None
        cue = cands[0]
        pre = [t for t in toks[k:] if t.end <= cue.start]
        if len(pre) > _TAIL_WORDS:
            return "other", None, None
        if not pre or cue.lemma in cues.SPEAKER_AFTER_PHRASES:
            m = speaker_after(text, cue.end, b)
            if m is None:
                return "other", None, None
            after = text[m.end:b].strip()
            if pre and cue.lemma in cues.SPEAKER_AFTER_PHRASES:
                return "other", None, None
            if after and after[0] not in ",.;:!?(" and not after.startswith(("to ", "in ", "on ", "at ")):
                # '"...," said the post by an unknown author on pigmy.'
                if not _only_adjuncts(text, tokenize_head(text, m.end, b, _COMPLEMENT_HEAD), b):
                    return "other", None, None
            return "attr", m, cue
        m = self._speaker_before(toks[k].start, cue.start, cue.plural)
        if m is None:
            return "other", None, None
        lead_words = [t for t in pre if t.start < m.start and t.text not in ",;:" and t.low not in ("and", "but", "as")]
        if lead_words and not introduces_author(lead_words) and not (
            m.kind == "name" and introduces_name(text, [t for t in pre if t.start < m.start])
        ):  # (not '"...," a statement from the company said', '"...," the chairman, David Shafer, said')
            return "other", None, None
        return "attr", m, cue

    def _next_open(self, pos: int) -> int | None:
        k = bisect_right(self._span_starts, pos)
        return self._span_starts[k] if k < len(self._span_starts) else None

    def _lead(self, span: _Span, prev_close: int | None) -> tuple[str, Mention | None, _Cue | None]:
        text = self.text
        if span.open is None:
            return "empty", None, None
        si = self.sent(span.open)
        a = self.sentences[si].start
        if prev_close is not None and prev_close >= a:
            a = prev_close + 1
        a = max(a, span.open - _WINDOW)
        body = text[a:span.open]
        colon = body.rstrip().endswith(":")
        if colon:
            # "X defended the plan: "..."" / "... thought out": "...": the sentence's own
            # attribution introduces the quote
            s0 = self.sentences[si].start
            for c in reversed(self.cues_between(si, s0, span.open, 10)):  # nearest first
                if c.end > span.open:
                    continue
                if c.lemma in cues.SPEAKER_AFTER_PHRASES or not text[s0:c.start].strip():
                    m = speaker_after(text, c.end, span.open)  # "According to X:", "Said Trump:"
                else:
                    m = self._speaker_before_cue(si, s0, c)
                if m is not None:
                    return "colon", m, c
            m = _first_name_mention(text, s0, span.open)
            return ("colon", m, None) if m else ("other", None, None)
        if not body.strip(" ,;:—–-"):
            return "empty", None, None
        cands = [c for c in self.cues_before(si, span.open, 3) if a <= c.start and c.end <= span.open]
        if not cands:
            return "other", None, None
        cue = cands[-1]
        residue = tokenize(text, cue.end, span.open)
        if cue.lemma in cues.SPEAKER_AFTER_PHRASES:
            m = speaker_after(text, cue.end, span.open)
            if m is None:
                return "other", None, None
            # "according to X, "..."": only the speaker may stand between cue and mark
            rest = [t for t in residue if t.start >= m.end and t.text not in ",:" and t.low not in ("qc", "sc")]
            if rest and not colon:
                return "other", None, None
            return "attr", m, cue
        s0 = self.sentences[si].start
        if _participle_after_comma(text, s0, cue):
            m = self._hanging_subject(si, s0, cue)  # 'X admitted it, writing "...'
        else:
            m = self._speaker_before(a, cue.start, cue.plural)
            if m is None:
                m = speaker_after(text, cue.end, span.open)
                if m is not None:
                    residue = [t for t in residue if t.start >= m.end]
                    if not text[m.end:span.open].strip() and text[self.sentences[si].start:cue.start].strip():
                        # '... and said the president "looks forward to it"': no comma or colon
                        # after the noun, so it is the subject of the quoted words, not a speaker
                        return "fragment", m, cue
            if m is None and text[cue.start:cue.end].lower().endswith("ing"):
                m = self._first_report_subject(si, s0, cue)  # 'X defended it whilst writing "...'
            if m is None:
                m = self._joined_subject(si, s0, cue, span.open)  # 'She said ..., and added that "..."'
        if not _residue_ok(residue, cue, colon):
            return ("fragment", m, cue)
        return ("colon" if colon else "attr"), m, cue

    def _between_words(self, a: int, b: int) -> str:
        """Words between a cue and a colon-introduced quote, minus a short listener."""
        words = _WORD.findall(self.text[a:b])
        return " ".join(words) if len(words) > 3 else ""

    def analyse_spans(self) -> None:
        prev_close: int | None = None
        prev_para = -2
        prev_direct = False
        for span in self.spans:
            content = self.text[span.start:span.end]
            # (the rules count words up to _TITLE_WORDS + 1: past that, no title and speech enough)
            words = [m.group() for m in islice(_WORD.finditer(content), _TITLE_WORDS + 1)]
            lead = self._lead(span, prev_close if prev_para == span.para else None)
            tail = self._tail(span)
            after_quote = prev_direct and prev_para == span.para
            prev_close, prev_para, prev_direct = span.close, span.para, False
            if lead[0] in ("empty", "attr", "colon") and tail[0] in ("empty", "attr"):
                if tail[0] == "attr" and lead[0] != "attr":
                    kind, m, cue = tail
                elif lead[0] in ("attr", "colon"):
                    kind, m, cue = lead
                else:
                    kind, m, cue = "float", None, None
                if kind == "float" and not _sentence_like(content, words, after_quote):
                    span.role = "scare"
                    continue
                if kind != "float" and _title_like(words) and (
                    len(words) <= 3 and not content.rstrip().endswith((".", "!", "?", ","))
                    or _after_possessive(self.text, span.open)
                ):
                    span.role = "scare"  # a name, or a show's title: 'on CNN's "New Day."'
                    continue
                span.role = "direct"
                prev_direct = True
                span.speaker = m
                span.how = kind if kind != "attr" else ("tail" if tail[0] == "attr" and lead[0] != "attr" else "lead")
                if cue is not None:
                    # a clause verb before a colon may also report a clause of its own:
                    # 'told Sky News any process "must be well thought out": "..."'
                    # (a colon quote has its opening mark: ``_lead`` found the cue before it)
                    intro_clause = kind == "colon" and span.open is not None and cue.lemma in cues.CLAUSE_VERBS and bool(
                        self._between_words(cue.end, span.open)
                    )
                    cue.used = not intro_clause
                    span.cue = (cue.start, cue.end)
                continue
            if not words or _title_like(words) and not self._named_by_cue(span):
                span.role = "scare"
            else:
                span.role = "fragment"  # ('called the law "Jim Crow 2.0"': a name given, in Title Case)

    def _named_by_cue(self, span: _Span) -> bool:
        """Does a naming verb shortly before the span give it as a name ('called it "Jim Crow
        2.0"', 'dubbed the plan "Operation Warp Speed"'), with its object between? (With none,
        the verb is a participle: 'a user labelled "Anonymous"'.)"""
        if span.open is None:
            return False
        found = self.cues_before(self.sent(span.open), span.open, 1)
        return bool(found) and found[0].lemma in _NAMING_VERBS and span.open - found[0].end <= 60 and (
            _WORD.search(self.text, found[0].end, span.open) is not None
            and not _CLAUSE_PUNCT.search(self.text, found[0].end, span.open)
        )

    # --- pass 3: reported speech ---------------------------------------------------------
    def reported(self) -> list[_Item]:
        items: list[_Item] = []
        fragments = [s for s in self.spans if s.role == "fragment"]
        frag_starts = [s.start for s in fragments]
        claimed: set[int] = set()
        for si in self._loud:  # (the other sentences hold no cue)
            sent = self.sentences[si]
            if sent.block == "caption":
                continue
            sent_cues = [c for c in self.cues_in(si) if not c.used]
            covered_until = -1
            for cue in sent_cues:
                if cue.start < covered_until and not _coordinated(self.text, sent.start, cue.start):
                    continue
                item = self._reported_item(si, cue)
                if item is None:
                    continue
                k = bisect_right(frag_starts, item.start - 1)
                while k < len(fragments) and fragments[k].start < item.end:
                    f = fragments[k]
                    if id(f) not in claimed and f.start >= item.start:
                        if f.end > item.end + 1:
                            # the fragment runs on past the sentence break: so does the clause
                            last = self.sentences[self.sent(f.close if f.close is not None else f.end)]
                            item.end = max(item.end, _trim_end(self.text, last.start, last.end))
                            while item.end > f.end and self.text[item.end - 1] in " .,;:":
                                if self.text[item.end - 1] == "." and self.inside(item.end - 1):
                                    break
                                item.end -= 1
                        item.fragments.append(f)
                        claimed.add(id(f))
                    k += 1
                if item.fragments:
                    item.type = "mixed"
                elif not self._reports_unquoted(cue, item):
                    continue
                cue.used = True
                items.append(item)
                covered_until = max(covered_until, item.end)
        return items

    def _reports_unquoted(self, cue: _Cue, item: _Item) -> bool:
        """Does ``cue`` report its item with no quoted words in it? Verbs of a clause and
        "according to" do; "accuse" does when a charge follows its object."""
        if cue.lemma in cues.CLAUSE_VERBS or cue.lemma in ("according to", "in the words of"):
            return True
        return cue.lemma == "accuse" and _charge_after_object(self.text, item.start, item.end)

    def _relative_clause_after(self, m: Mention, rest: list[Tok]) -> bool:
        """Do the tokens ``rest`` right after ``m`` open a reduced relative clause after a
        document ("an indictment unsealed Wednesday") or a phrase that qualifies people
        ("officials briefed on the case", "people familiar with the talks")?"""
        toks = tokenize(self.text, m.start, m.end)
        k = len(toks)
        toks += rest[:2]
        if m.kind == "organization":
            return relative_participle(toks, k)
        return m.kind == "role" and people_postmodifier(toks, k)

    def _reported_item(self, si: int, cue: _Cue) -> _Item | None:
        text = self.text
        sent = self.sentences[si]
        s0, s1 = sent.start, _trim_end(text, sent.start, sent.end)
        if cue.lemma in cues.SPEAKER_AFTER_PHRASES:
            m = speaker_after(text, cue.end, s1)
            if m is None:
                return None
            before = text[max(s0, cue.start - 300):cue.start].strip(" ,")  # bounded: linear time
            if _WORD.search(before) and not _only_adverbial(before):
                if self._relays_report(si, cue):
                    return None  # '"...," the coach said, according to a transcript': the coach's report
                # "..., according to X." -> the clause before
                return self._clause_item(s0, cue.start, m, cue, "according")
            # "According to X, [quoting Y,] the clause"
            after = m.end
            rest = tokenize(text, after, min(s1, after + _WINDOW))
            k = 0
            while k < len(rest) and rest[k].text in ",;:":
                k += 1
            if k < len(rest) and (
                rest[k].low in cues.CUE_LEMMA and rest[k].low.endswith("ing")
                or k == 0 and self._relative_clause_after(m, rest)
            ):
                # "quoting Y,", "unsealed Wednesday," or "briefed on the case,": the clause starts
                # after the comma
                comma = next((t for t in rest[k:] if t.text == ","), None)
                if comma is None:
                    return None
                after = comma.end
                if rest[k].low == "quoting":  # the quoted source is the speaker; X relays it
                    m = speaker_after(text, rest[k].end, comma.start) or m
            elif k < len(rest) and rest[k].text[0].isupper() and text[m.end:rest[k].start].strip() == ",":
                # apposition after a role: "the coach, Alireza Mehraban, in their first ..."
                pass
            if self._has_own_report(si, m, s1):
                return None  # "According to the Herald, Professor Burrows said ...": his report
            return self._clause_item(after, s1, m, cue, "according")
        if _participle_after_comma(text, s0, cue):
            m = self._hanging_subject(si, s0, cue)
            return self._reported_clause(si, cue, m, cue.end, s1, True) if m is not None else None
        if text.endswith("ing", cue.start, cue.end) and not text[s0:cue.start].strip():
            return self._opening_participle(cue, s1)
        m = self._speaker_before(s0, cue.start, cue.plural)
        inverted = False
        if m is not None and "," not in m.text and text[m.end:cue.start].strip() == ",":
            # no comma parts a simple subject from its verb: in "Officials, said Mauer, must ...",
            # an aside, the speaker comes after the cue, and the officials belong to the report
            # (a subject with commas of its own may end with one: "The US, its allies and the
            # groups they back, say ...")
            aside = speaker_after(text, cue.end, s1)
            if aside is not None and text[aside.end:s1].lstrip().startswith(","):
                m, inverted = aside, True
        if m is None:
            m = self._joined_subject(si, s0, cue, s1)
        if m is None:
            m = speaker_after(text, cue.end, s1)
            inverted = m is not None
        if m is None and text[cue.start:cue.end].lower().endswith("ing"):
            m = self._first_report_subject(si, s0, cue)  # "X defended the record whilst promising ..."
        if m is None:
            return None
        attr_start = min(m.start, cue.start)
        attr_end = max(m.end, cue.end)
        # bounded windows, so that a sentence with thousands of cues stays linear
        before = text[max(s0, attr_start - 300):attr_start]
        if _WORD.search(before) and before.rstrip().rstrip("\"”’").rstrip().endswith(",") and not _only_adverbial(before.rstrip(" ,")):
            after = self._adjuncts_after(cue, attr_end, s1)
            after_text = text[after:min(s1, attr_end + 300)]
            # ("CLAUSE, critics said, but the senator defended it": the contrast is the writer's)
            contrast = _contrast_break(text, after, s1)
            if (not _WORD.search(after_text) or _COMMA_PARTICIPLE.match(after_text) or contrast == after
                    or _joined_new_speaker(text, after, s1) or _joined_verb(text, after, s1)
                    or inverted and _describes_speaker(text, after, s1)):
                return self._clause_item(self._quote_start(s0), attr_start, m, cue, "trailing")
            if after_text.lstrip().startswith(","):
                return self._clause_item(s0, contrast, m, cue, "parenthetical")
        if inverted:
            return None
        return self._reported_clause(si, cue, m, attr_end, s1)

    def _joined_subject(self, si: int, s0: int, cue: _Cue, s1: int) -> Mention | None:
        """The speaker of a cue joined by "and", "but" or ";" to a clause before it (the
        sentence starts at ``s0``, the cue's words end by ``s1``): the earlier report's speaker
        ("X tweeted to Y and said ..."), or else the subject of the clause the cue is joined to
        ("The mayor thanked volunteers and said ..."); None if the cue is not so joined."""
        joined = _coordination(self.text, s0, cue.start)
        if joined is None:
            return None
        m = self._first_report_subject(si, s0, cue)
        if m is None and not self._passive_tell(cue, s1):
            m = self._hanging_subject(si, s0, cue, joined)
        return m

    def _passive_tell(self, cue: _Cue, s1: int) -> bool:
        """Is ``cue`` a "tell"-type verb with no listener after it? Told that way it is passive,
        and its subject is the listener: "I was hauled in and told that ..."."""
        if cue.lemma not in _LISTENER_VERBS:
            return False
        return _listener_end(tokenize_head(self.text, cue.end, min(s1, cue.end + _WINDOW), 6)) == 0

    def _opening_participle(self, cue: _Cue, s1: int) -> _Item | None:
        """"Saying the plan would fail, Trump lashed out ...": a participle cue that opens the
        sentence reports the clause up to the comma before the main clause, and the main
        clause's subject is the speaker. The comma is the first of a few that is followed by
        a subject and its verb ("Saying that, if elected, he would ..." skips "if elected"),
        before any colon or semicolon, which no participle's clause holds."""
        text = self.text
        stop = _COLON_OR_SEMICOLON.search(text, cue.end, s1)
        if stop is not None:
            s1 = stop.start()
        for comma in islice(_COMMA.finditer(text, cue.end, s1), _OPENING_COMMAS):
            m = subject_with_verb(text, comma.end(), s1)
            if m is not None:
                start = self._complement_start(cue, cue.end, comma.start(), True)
                return self._clause_item(start, comma.start(), m, cue, "clause") if start is not None else None
        return None

    def _reported_clause(self, si: int, cue: _Cue, m: Mention, attr_end: int, s1: int,
                         participle: bool = False) -> _Item | None:
        """The clause reported by ``cue`` after its attribution, which ends at ``attr_end``."""
        start = self._complement_start(cue, attr_end, s1, participle)
        if start is None:
            return None
        text = self.text
        end = _clause_end(text, start, s1, self.cues_between(si, start, s1, 20))
        if cue.lemma in _NAMING_VERBS:
            end = _name_end(text, start, end)
        if _RELATIVE_SUBJECT.search(text, max(0, cue.start - 30), cue.start):
            # "Trump, who said taxes would fall, now says ...": the relative clause ends at its comma
            comma = _RELATIVE_END.search(text, start, end)
            if comma is not None:
                end = comma.end(1)
            if _QUOTED_TITLE.fullmatch(text, start, end) and _title_like(_WORD.findall(text, start, end)):
                return None  # "who wrote "The Art of the Deal,"": a work's title, not a report
        return self._clause_item(start, end, m, cue, "clause")

    def _adjuncts_after(self, cue: _Cue, attr_end: int, s1: int) -> int:
        """Where the attribution ending at ``attr_end`` really ends: past a listener and
        adjuncts ("said on Tuesday", "told reporters on Capitol Hill", "said in a statement"),
        so that "CLAUSE, X said in a statement." still reads as a trailing attribution. The
        adjuncts may be set off by a comma ("CLAUSE, X said, on Tuesday.")."""
        toks = tokenize_head(self.text, attr_end, min(s1, attr_end + _WINDOW), _COMPLEMENT_HEAD)
        k = _listener_end(toks) if cue.end == attr_end and cue.lemma in _LISTENER_VERBS else 0
        if k == 0 and toks and toks[0].text == ",":
            k = adjuncts_end(toks, 1) if adjunct_end(toks, 1) is not None else 0
        else:
            k = adjuncts_end(toks, k)
        return toks[k - 1].end if k else attr_end

    def _has_own_report(self, si: int, m: Mention, s1: int) -> bool:
        """After "According to <m>, ..." does the sentence go on with a report of its own, whose
        speaker is ``m`` or comes after it ("According to ABC News, Basya said ...",
        "According to the Herald, Professor Burrows, the panel's chairman, said ...")?"""
        nxt = self.cues_between(si, m.end, s1, 1)
        if not nxt or nxt[0].lemma not in cues.CLAUSE_VERBS:
            return False
        inner = self._speaker_before(m.start, nxt[0].start, nxt[0].plural)
        return inner is not None and inner.start >= m.start

    def _relays_report(self, si: int, cue: _Cue) -> bool:
        """Does a trailing "according to" (``cue``) follow a report with its own speaker and
        verb ('"We are ready," the coach said, according to a transcript', "Costs will rise,
        officials said, according to Reuters")? Then it names the medium that relays the
        report, an optional item, and the report keeps its speaker. The report's cue is one
        already taken by a quote or an item: a cue that reports nothing ("The company
        announced layoffs, according to a filing") leaves the clause to "according to"."""
        return any(c.used for c in self.cues_before(si, cue.start, 3))

    def _speaker_before_cue(self, si: int, s0: int, cue: _Cue) -> Mention | None:
        """The speaker written before ``cue`` in sentence ``si`` (which starts at ``s0``); for a
        participle after a comma, or a cue joined by "and"/"but", the subject of the clause it
        hangs on."""
        if _participle_after_comma(self.text, s0, cue):
            return self._hanging_subject(si, s0, cue)
        m = self._speaker_before(s0, cue.start, cue.plural)
        return m if m is not None else self._joined_subject(si, s0, cue, self.sentences[si].end)

    def _hanging_subject(self, si: int, s0: int, cue: _Cue, hi: int | None = None) -> Mention | None:
        """The speaker of a participle cue after a comma (", saying ..."), or of a cue joined to
        a clause by "and" or "but" (the clause ends at ``hi``): the subject of the clause it
        hangs on, which is the speaker of an earlier report in that clause ("X said on Tuesday,
        adding ...") or else the clause's own subject ("Trump lashed out at the media, saying
        ...", "The mayor thanked volunteers and said ..."). The noun phrase right before the
        comma or the "and" ends the clause: an object or an adjunct, not the speaker. The
        clause starts at the sentence start or after a break (", but", ";"); a subject more
        than ``_SUBJECT_REACH`` characters back is too far to be trusted."""
        text = self.text
        hi = cue.start if hi is None else hi
        reach = max(s0, cue.start - _SUBJECT_REACH)
        lo = s0
        for brk in _CLAUSE_BREAK.finditer(text, reach, hi):
            lo = brk.end()  # "Critics said ..., but the senator defended it, saying ..."
        m = self._first_report_subject(si, lo, cue)
        if m is None and lo >= reach:
            m = clause_subject(text, lo, hi)
        return m

    def _first_report_subject(self, si: int, s0: int, cue: _Cue) -> Mention | None:
        """The speaker of an earlier cue of the sentence, for a cue that continues its report
        (a cue before ``s0``, where the window starts, gives none)."""
        for c in self.cues_before(si, cue.start, 3):
            m = self._speaker_before(s0, c.start, c.plural)
            if m is None and c.start >= s0:
                # '"...," said Ms. Sanders, adding that ...': the inverted speaker, right
                # before the comma of the cue that goes on
                m = speaker_after(self.text, c.end, cue.start)
                if m is not None and self.text[m.end:cue.start].strip() != ",":
                    m = None
            if m is not None:
                return m
        return None

    def _quote_start(self, s0: int) -> int:
        """If a sentence starts inside quotation marks (a segmenter split inside the quote),
        the clause starts at the sentence that opens the marks."""
        k = bisect_right(self._span_starts, s0) - 1
        if k >= 0 and self.inside(s0):
            span = self.spans[k]
            if span.open is not None and span.open < s0:
                return self.sentences[self.sent(span.open)].start
        return s0

    def _complement_start(self, cue: _Cue, pos: int, s1: int, participle: bool = False) -> int | None:
        """Where the reported clause begins after the cue: past a listener ("told reporters"),
        adjuncts ("on Sunday", "in a statement") and the complementiser "that". A
        ``participle`` after a comma must show its clause, as the weaker verbs do: ", adding
        the words ... to the name" reports nothing."""
        text = self.text
        hi = min(s1, pos + _WINDOW)
        # the rules read a dozen tokens or so: the whole window only if they go further
        toks = tokenize_head(text, pos, hi, _COMPLEMENT_HEAD)
        if len(toks) == _COMPLEMENT_HEAD:
            found = self._complement_from(cue, toks, True, participle)
            if found is not _MORE:
                return found
            toks = tokenize(text, pos, hi)
        return self._complement_from(cue, toks, False, participle)

    def _complement_from(self, cue: _Cue, toks: list[Tok], truncated: bool, participle: bool = False):
        """``_complement_start`` on the tokens of its window; if ``truncated`` (``toks`` may be
        only the window's first tokens), ``_MORE`` when the rules would look at or past the
        last given token."""
        if not toks:
            return None
        k = 0
        that = next((i for i, t in enumerate(toks[:10]) if t.low == "that"), None)
        # (a "that" inside quotation marks belongs to the quote: 'said it was "damning that ...';
        # not after a quoted name: 'told NBC's "Meet the Press" that ...')
        if that is not None and (
            self.inside(toks[that].start) or any(t.text == ";" or t.low in cues.CUE_LEMMA for t in toks[:that])
        ):
            that = None
        if that is not None:
            k = that + 1
        else:
            if cue.lemma in _LISTENER_VERBS:
                k = _listener_end(toks)
                if _listener_is_subject(toks, k):
                    k = 0  # "warned Republicans knew about it": the clause starts at its subject
                if _topic_after_listener(toks, k, cue.lemma):
                    return None  # "told the senator's aides about it": a mention of a speech act
            if k < len(toks) and toks[k].text == ",":
                k += 1
                if _attribution_only(toks, k):
                    return None  # "... whether Trump will testify, his lawyers said.": theirs
            if is_setting(toks, k):
                k = adjuncts_end(toks, k)  # "said on Tuesday the bill would fail", "told CNN last week ..."
            if k < len(toks) and toks[k].low in cues.LISTENER_PREPOSITIONS:
                return None
        while k < len(toks) and toks[k].text in ",:":
            k += 1
        if truncated and k + 10 >= len(toks):
            return _MORE
        if k >= len(toks):
            return None
        if that is not None and toks[k].low in ("as", "if", "when", "while", "because", "since", "although"):
            return toks[k].start  # "said that, as the parents came from India, they ...": a clause
        if toks[k].low in ("to", "for", "of", "about", "with", "by", "and", "or", "but", "as", "so") or toks[k].low in _AUX:
            return None  # a request, an object or a verb phrase, not a reported clause
        if that is None and not (k and toks[k - 1].text == ":") and _plain_object(cue, toks, k):
            return None  # "said goodbye to his family", "added two goals": an object
        if that is None and toks[k].low.endswith("ing") and not toks[k].cap and not _gerund_subject(toks, k):
            return None  # "admitted lying to investigators": an object, not a reported clause
        if cue.lemma in cues.CLAUSE_VERBS and (participle or cue.lemma not in _STRONG) and k == 0:
            # "announced the start of ...": weaker verbs need "that" or a finite verb early on
            # (or, after a participle, a subject pronoun: ", saying he supports the plan"); a
            # capitalised word in "-ed" is a name ("confirmed the report to The Associated Press"),
            # and a verb after a relative pronoun is that of a clause inside the object
            # ("conceded a penalty which the referee awarded")
            if not _finite_verb_before_relative(toks, k) and not (participle and toks[k].low in _CLAUSE_PRONOUNS):
                return None
        return toks[k].start

    def _clause_item(self, a: int, b: int, m: Mention, cue: _Cue, how: str) -> _Item | None:
        text = self.text
        while a < b and text[a] in " ,:;":
            a += 1
        if a < b and text[a:a + 5].lower() == "that ":
            a += 5
        while a < b and text[a] in " ,":
            a += 1
        while b > a and text[b - 1] in " ,;:.!?—–-":
            if text[b - 1] in ".!?" and self.inside(b - 1):
                break
            b -= 1
        window = min(b, a + 300)  # (bounded: linear time on hostile text)
        words = [m.group() for m in islice(_WORD.finditer(text, a, window), 3)]  # (fewer: all of them)
        if len(words) < 3 and not _QUOTED_WORDS.search(text, a, window) and not _subject_and_past(words):
            # too short to report anything, unless it carries quoted words ('called it "reckless"')
            # or is a subject and its verb ('said sales rose')
            return None
        return _Item("indirect", a, b, m, (cue.start, cue.end), how)

    # --- assembling ----------------------------------------------------------------------
    def run(self) -> list[Quote]:
        self.analyse_spans()
        items = self.reported()
        for span in self.spans:
            if span.role == "direct":
                items.append(_Item("direct", span.start, span.end, span.speaker, span.cue, span.how, span))
        blocks = self.blockquotes() + self.speaker_colons()
        if blocks:
            spans = sorted((b.start, b.end) for b in blocks)
            starts = [a for a, _ in spans]
            def inside_block(it: _Item) -> bool:
                k = bisect_right(starts, it.start) - 1
                return k >= 0 and it.start < spans[k][1]
            items = [it for it in items if not inside_block(it)] + blocks
        items.sort(key=lambda it: (it.start, it.type != "direct"))
        quotes: list[Quote] = []
        last: tuple[_Item, Mention | None, object] | None = None
        for item in items:
            how = item.how
            cue = item.cue
            m = item.speaker
            if item.type == "direct" and item.how in ("float", "colon") and (m is None or item.how == "float"):
                m2, cue2, how2 = self._floating(item, last)
                if m2 is not None:
                    m, how = m2, how2
                    if cue is None:
                        cue = cue2
            m = self.resolver.refine(m)
            # (a direct quote's span holds only the speaker's words; another's may hold narrative)
            resolved = self.resolver.resolve(m, (item.start, item.end) if item.type == "direct" else None)
            if m is not None and m.kind != "pronoun":
                self.resolver.remember(m.start, resolved, m)
            elif m is not None:
                self.resolver.remember(item.start, resolved, m)
            kind = m.kind if m is not None else None
            name = resolved.name
            quotes.append(self._quote(item, m, cue, kind, name, how))
            if m is not None:
                last = (item, m, cue)
        return quotes

    # --- blockquotes without marks -------------------------------------------------------
    def blockquotes(self) -> list[_Item]:
        """Quotations set off as paragraphs of their own, with no quotation marks:

        - a pull-quote that ends with the bare name of its speaker ("... was suppressive.
          Valeska Paris", also "... Program. Charles Bolden, NASA Administrator"), and the same
          text repeated at the start of a later paragraph (a layout artefact);
        - a paragraph introduced by a colon at the end of the paragraph before, whose last
          sentence has a speech cue ("the Church denied these allegations:"): its sentences up
          to the first one with an attribution of its own.
        """
        text = self.text
        out: list[_Item] = []
        pulls: list[tuple[str, Mention | None]] = []
        prev_body: list[int] | None = None
        for sis in self._para_sentences:
            first, last = self.sentences[sis[0]], self.sentences[sis[-1]]
            if first.block != "body":
                if first.block != "caption":
                    prev_body = None
                continue
            ps, pe = first.start, _trim_end(text, last.start, last.end)
            marked = _first_double_mark(text, ps, pe) >= 0
            if not marked and pe - ps < 2000:
                item = self._pull_quote(ps, pe)
                if item is not None:
                    out.append(item)
                    pulls.append((text[item.start:item.end], item.speaker))
                    prev_body = sis
                    continue
                for body, m in pulls:
                    if len(body) > 40 and text.startswith(body, ps):
                        out.append(_Item("direct", ps, ps + len(body), m, None, "repeat"))
                        break
                else:
                    if prev_body is not None:
                        item = self._colon_block(prev_body, sis)
                        if item is not None:
                            out.append(item)
            prev_body = sis
        return out

    def speaker_colons(self) -> list[_Item]:
        """Headlines and paragraphs opened by a speaker's name and a colon, with no quotation
        marks: "Pelosi: House will vote next week" (a headline's paraphrase, indirect) and
        "Schumer: Today's decision is a blow." (a transcript's or a list of reactions' own
        words, direct, to the paragraph's end). The name must be a person's: two words or
        more, or a surname the article gives in full ("Note:", "WASHINGTON:" are none)."""
        text = self.text
        out: list[_Item] = []
        for sis in self._para_sentences:
            first, last = self.sentences[sis[0]], self.sentences[sis[-1]]
            if first.block == "caption":
                continue
            opening = _SPEAKER_COLON.match(text, first.start, first.end)
            if opening is None:
                continue
            start, end = opening.end(), _trim_end(text, last.start, last.end)
            if _first_double_mark(text, start, end) >= 0:
                continue  # quoted words: the quotation pass attributes them
            if text[start].isdigit() or len(_WORD.findall(text, start, min(end, start + 60))) < 3:
                continue  # "Clinton: 48 percent": a poll's figures, not words
            speaker = self._colon_speaker(opening.start(1), opening.end(1))
            if speaker is None:
                continue
            if text[start] in "'‘" and text[end - 1] in "'’" and end - start > 2:
                # "Trump: 'We Will Build the Wall'": single marks quote the words themselves
                out.append(_Item("direct", start + 1, end - 1, speaker, None, "colon"))
                continue
            kind: QuoteType = "indirect" if first.block in ("title", "heading") else "direct"
            out.append(_Item(kind, start, end, speaker, None, "colon"))
        return out

    def _colon_speaker(self, a: int, b: int) -> Mention | None:
        m = _classify(self.text, tokenize(self.text, a, b))
        if m is None or m.kind != "name":
            return None
        core = (m.core or m.text).split()
        return m if len(core) > 1 or self.resolver.lookup(core[0]) is not None else None

    def _pull_quote(self, ps: int, pe: int) -> _Item | None:
        """"<sentences>. Firstname Lastname[, role]" with no verb after the name."""
        text = self.text
        tail_start = max(ps, pe - 120)
        cut = max(text.rfind(". ", tail_start, pe), text.rfind("? ", tail_start, pe), text.rfind("! ", tail_start, pe))
        if cut <= ps or self.sentences[self.sent(cut + 2)].start != cut + 2:
            return None  # the name must stand as a sentence of its own, not follow "Gov. "
        name_part = text[cut + 2:pe]
        head = name_part.split(",")[0].strip()
        words = head.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return None
        if "," in name_part and len(name_part.split(",", 1)[1].split()) > 6:
            return None
        toks = tokenize(text, cut + 2, cut + 2 + len(name_part.split(",")[0].rstrip()))
        if len(person_core(toks)) != len([t for t in toks if t.text != "."]):
            return None
        m = _classify(text, toks)
        if m is None or m.kind != "name" or len(_WORD.findall(text[ps:cut])) < 6:
            return None
        return _Item("direct", ps, cut + 1, m, None, "pull")

    def _colon_block(self, prev: list[int], sis: list[int]) -> _Item | None:
        text = self.text
        ps = self.sentences[prev[-1]]
        intro = text[ps.start:ps.end].rstrip()
        if not intro.endswith(":"):
            return None
        cands = self.cues_before(prev[-1], ps.end, 5)
        m = c = None
        for c in reversed(cands):
            m = self._speaker_before_cue(prev[-1], ps.start, c)
            if m is not None:
                break
        if m is None or c is None:
            return None
        end = None
        for si in sis:
            if self.cues_in(si):
                break
            end = self.sentences[si]
        if end is None:
            return None
        start = self.sentences[sis[0]].start
        c.used = True
        return _Item("direct", start, _trim_end(text, end.start, end.end), m, (c.start, c.end), "colon")

    def _floating(self, item: _Item, last) -> tuple[Mention | None, tuple[int, int] | None, str]:
        """Speaker of a quote with no attribution of its own."""
        text = self.text
        si = self.sent(item.start)
        span = item.span
        if span is not None and span.continued and last is not None:
            return last[1], None, "continued"
        # the sentence before, when it introduces the quote ("Rathbun stated," / "...:")
        prev = si - 1
        while prev >= 0 and self.sentences[prev].block == "caption":
            prev -= 1
        if prev >= 0 and self.sentences[prev].block == "body":
            ps = self.sentences[prev]
            intro = text[ps.start:ps.end].rstrip()
            free = [c for c in self.cues_before(prev, ps.end, 10) if not c.used or intro.endswith((":", ","))]
            if intro.endswith((":", ",")) and free:
                c = free[-1]
                m = self._speaker_before_cue(prev, ps.start, c) or speaker_after(text, c.end, ps.end)
                if m is not None:
                    return m, (c.start, c.end), "intro"
            if last is not None and self.sent(last[0].start) >= prev - 1:
                return last[1], None, "previous"
            for c in free:
                if c.lemma in ("issue statement",) or not c.used:
                    m = self._speaker_before_cue(prev, ps.start, c)
                    if m is not None and m.kind != "pronoun":
                        return m, (c.start, c.end), "intro"
        if last is not None and self.sent(last[0].start) >= si - 2:
            return last[1], None, "previous"
        # the sentence after: ""...." Rathbun asserted that ..."
        nxt = self.sent(item.end - 1) + 1
        if nxt < len(self.sentences) and self.sentences[nxt].paragraph_index == self.sentences[si].paragraph_index:
            ns = self.sentences[nxt]
            for c in self.cues_between(nxt, ns.start, ns.start + 200, 3):
                m = self._speaker_before_cue(nxt, ns.start, c)
                if m is not None and m.start - ns.start < 40:
                    return m, None, "next"
        return None, None, "none"

    def _quote(self, item: _Item, m: Mention | None, cue, kind, name, how) -> Quote:
        text = self.text
        lemma = cues.lemma_of(text[cue[0]:cue[1]]) if cue else None
        return Quote(
            type=item.type,
            start=item.start,
            end=item.end,
            sentence_first=self.sent(item.start),
            sentence_last=self.sent(max(item.start, item.end - 1)),
            speaker_start=m.start if m else None,
            speaker_end=m.end if m else None,
            speaker_name=name,
            speaker_kind=kind,
            cue_start=cue[0] if cue else None,
            cue_end=cue[1] if cue else None,
            cue_lemma=lemma,
            confidence=_confidence(item.type, how, kind, name),
        )


# --- small rules --------------------------------------------------------------------------


def _leading_punctuation(toks: list[Tok]) -> int:
    """The number of punctuation tokens that open ``toks`` (", said X", "— (X)")."""
    k = 0
    while k < len(toks) and toks[k].text in ",;:—–-(":
        k += 1
    return k


# Words that may stand alone between a cue and the quotation it introduces.
_RESIDUE_WORDS: Final = frozenset({"and", "but", "then", "later", "also", "again", "further", "adding", "continuing"})


def _residue_ok(residue: list[Tok], cue: _Cue, colon: bool) -> bool:
    """Is what stands between a cue and the opening mark only a listener or an adjunct
    ("told the press,", "said in a statement:", "told GB News:")?"""
    words = [t for t in residue if t.text not in ",:;—–-"]
    if all(t.low in _RESIDUE_WORDS or t.low.endswith("ly") and not t.cap for t in words):
        return True  # '", it added; and, later, "...', 'said only, "...', 'said angrily: "...
    if colon and len(words) <= 12:
        return True
    if cue.lemma not in cues.CLAUSE_VERBS and cue.lemma != "continue":
        return False
    if len(words) > 8:
        return False
    if words[-1].low == "that" and all(t.low != "that" for t in words[:-1]):
        return True
    if any(t.low in ("that", "which", "who", "is", "are", "was", "were", "will", "would") for t in words):
        return False
    if is_setting(words, 0) and adjuncts_end(words, 0) == len(words):
        return True  # 'writing in a blog post "...', 'said on Tuesday "...'
    if residue[-1].text not in ",:" and not (len(words) == 1 and words[0].low == "that"):
        return False
    first = words[0].low
    return first in cues.LISTENER_PREPOSITIONS or words[0].cap or first in (
        "the", "reporters", "journalists", "him", "her", "them", "us", "me", "a", "an", "his", "their"
    )


_PARTICIPLE: Final = re.compile(r"\s*,\s*([a-z]{3,}ing)\b")


# Pronouns that can only be a subject: after a participle they start its clause ("it" and
# "you" may be its object: ", adding it to the list").
_CLAUSE_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i"})
# The farthest a participle cue's clause may start before it, in characters (as far as
# ``speaker_before`` reads).
_SUBJECT_REACH: Final = 400
# A break before a new clause with a subject of its own, inside a sentence.
_CLAUSE_BREAK: Final = re.compile(r";|,\s*(?:but|while|whereas|although|though|yet)\s")


def _participle_after_comma(text: str, s0: int, cue: _Cue) -> bool:
    """Is the cue an -ing form right after a comma (", saying ...")? It then hangs on the
    clause before the comma (a participle with no comma, "a letter saying ...", belongs to
    the noun before it, which is the speaker). The comma may sit inside a closing mark right
    after it ('called it "a spree," arguing ...'); one before an opening mark does not count."""
    return text.endswith("ing", cue.start, cue.end) and text[max(s0, cue.start - 3):cue.start].rstrip().endswith(
        (",", ',"', ",”")
    )


def _gerund_subject(toks: list[Tok], k: int) -> bool:
    """Does the -ing word at ``toks[k]`` open the subject of a reported clause ("said spending
    would rise", "said closing arguments would be limited"), rather than an object ("denied
    knowing that ...", "admitted lying to investigators")?"""
    for tok in toks[k + 1:k + 4]:
        if tok.low in cues.FINITE_AUXILIARIES:
            return True
        if not tok.text.isalpha() or tok.cap or tok.low in _STOP_LOWER or tok.low.endswith("ing"):
            return False
    return False


_CHARGE_TOKENS: Final = 12  # "accused the state's largest utility, Acme Power, of": the object is short


def _charge_after_object(text: str, start: int, end: int) -> bool:
    """Does the object of "accuse" at ``start`` go on with "of" and the charge ("Republicans
    accused Democrats of ignoring the crisis")? The charge is the speaker's claim, so the
    item reports it, object included; "accused the agency." alone reports nothing."""
    toks = tokenize_head(text, start, end, _CHARGE_TOKENS)
    return bool(toks) and toks[0].text[0].isalnum() and any(
        t.low == "of" and 0 < i < len(toks) - 1 for i, t in enumerate(toks)
    )


_ATTRIBUTION_TOKENS: Final = 8  # "his lawyers said", "a spokeswoman for the company said"


def _attribution_only(toks: list[Tok], k: int) -> bool:
    """Are the tokens from ``k`` only a short subject and a cue word ending the sentence ("his
    lawyers said.")? After a comma, they are the attribution of the clause before it."""
    for j in range(k + 1, min(len(toks), k + _ATTRIBUTION_TOKENS)):
        if toks[j].low in cues.CUE_LEMMA and not toks[j].cap:
            return all(not t.text[0].isalnum() for t in toks[j + 1:])
    return False


_RELATIVE_PRONOUNS: Final = frozenset({"which", "who", "whom", "whose"})


# What "say" takes as a plain object, reporting no clause ("said goodbye to his family", "said
# thanks"); "add" takes a count as one (``cues.QUANTIFIERS``: "added two goals", "added 200,000 jobs").
_SAID_OBJECTS: Final = frozenset("goodbye good-bye hello farewell grace thanks sorry amen".split())


def _plain_object(cue: _Cue, toks: list[Tok], k: int) -> bool:
    """Does the cue take a plain object at ``toks[k]`` rather than report a clause: a greeting
    or thanks, "yes" or "no" on their own or before "to" ("said no to the offer"; but "said
    no one was hurt" reports), or after "add" a count that no finite verb follows ("added two
    goals"; but "added two people had died")?"""
    word = toks[k].low
    if word in _SAID_OBJECTS:
        return True
    if word in ("yes", "no"):
        return k + 1 == len(toks) or toks[k + 1].low == "to" or not toks[k + 1].text[0].isalnum()
    return cue.lemma == "add" and (word[0].isdigit() or word in cues.QUANTIFIERS) and not _finite_verb_before_relative(toks, k)


def _finite_verb_before_relative(toks: list[Tok], k: int) -> bool:
    """Is there a finite verb among the ten tokens from ``k`` (not the first of them), before
    any relative pronoun: the verb of a clause the cue reports?"""
    for i, t in enumerate(toks[k:k + 10]):
        if t.low in _RELATIVE_PRONOUNS:
            return False
        if t.low in _AUX or not t.cap and t.low.endswith("ed") and i > 0:
            return True
    return False


def _listener_end(toks: list[Tok]) -> int:
    """The end of the listener that opens the tokens after a "tell"-type verb ("reporters",
    "the Senate", "CNN"); 0 if there is none."""
    j = 0
    if j + 1 < len(toks) and toks[j].low == "the" and (toks[j + 1].cap or toks[j + 1].low in cues.LISTENER_WORDS):
        j += 1
    while j < len(toks) and j < 4 and (toks[j].cap or toks[j].low in cues.LISTENER_WORDS):
        j += 1
    return j or _noun_listener_end(toks)


def _listener_is_subject(toks: list[Tok], k: int) -> bool:
    """Is the capitalised "listener" that ends at ``k`` the subject of the reported clause,
    its finite verb right after it ("warned Republicans knew about it", "warned the Senate
    would block it")? A true listener is followed by the clause's own subject ("told
    Republicans the bill would fail")."""
    return 0 < k < len(toks) and toks[k - 1].cap and _finite_verb(toks[k])


def _topic_after_listener(toks: list[Tok], k: int, lemma: str) -> bool:
    """Do the tokens after a "tell"-type verb hold only a listener and "about" with a topic
    ("told the senator's aides about it", "told voters about the plan"), or, after the verbs
    of ``_OF_TOPIC_VERBS``, "of" with a topic ("informed the board of the decision")? The
    listener may end at ``k`` (what ``_listener_end`` found) or be a determiner and a few
    words; the verb then only mentions a speech act, and the preposition is no reported
    clause. "about" before a number is an approximation opening the clause ("told the panel
    about 200 people ..."). A determiner after a found listener, or a finite verb, opens a
    clause instead ("told the panel the agency knew about it")."""
    j = k
    if k == 0 and toks and toks[0].low in _LISTENER_DETERMINERS:
        j += 1
    words = j
    while j < len(toks) and j - words < _NOUN_LISTENER_WORDS and _plain_word(toks[j]) and not _finite_verb(toks[j]):
        j += 1
    if not (0 < j < len(toks) - 1 and toks[j - 1].low not in _LISTENER_DETERMINERS):
        return False
    if toks[j].low == "of":
        return lemma in _OF_TOPIC_VERBS and _clause_after_of_phrase(toks, j + 1) is None
    return toks[j].low == "about" and not toks[j + 1].text[0].isdigit()


# Verbs whose listener may be followed by "of" and the topic ("warned the public of the
# dangers", "assured voters of his support"); "tell" takes "about" only.
_OF_TOPIC_VERBS: Final = frozenset({"inform", "warn", "assure"})


def _clause_after_of_phrase(toks: list[Tok], j: int) -> int | None:
    """Where a clause starts after the short noun phrase that opens at ``j``, after an "of",
    or None. With a clause, the "of" phrase is part of the listener ("warned members of
    Congress the bill would fail"), not the topic."""
    if j < len(toks) and toks[j].low in _LISTENER_DETERMINERS:
        j += 1
    end = j + _NOUN_LISTENER_WORDS
    while j < len(toks) and j < end and (toks[j].cap or _plain_word(toks[j])) and not _finite_verb(toks[j]):
        if _subject_and_verb(toks, j + 1):
            return j + 1
        j += 1
    return None


# Determiners that open a common-noun listener ("told the senator", "warned his staff"); "her"
# is a listener on its own.
_LISTENER_DETERMINERS: Final = _CENTRAL_DETERMINERS - {"her"}
_NOUN_LISTENER_WORDS: Final = 3  # "the committee members", "the senator's aides"


def _plain_word(tok: Tok) -> bool:
    """A lowercase word that may be a noun of a short phrase: no determiner, pronoun,
    auxiliary, preposition or complementiser."""
    low = tok.low
    return (not tok.cap and tok.text.replace("'", "").isalpha() and low not in cues.DETERMINERS
            and low not in cues.SUBJECT_PRONOUNS and low not in _AUX and low not in _PREPOSITIONS
            and low not in ("that", "and", "or", "but", "about", "as", "if"))


# Common irregular past tenses, which the "-ed" test misses ("told the board the economy grew").
_IRREGULAR_PAST: Final = frozenset({
    "grew", "knew", "fell", "went", "made", "took", "said", "saw", "came", "gave", "found",
    "thought", "began", "rose", "won", "lost", "ran", "paid", "kept", "left", "met", "sent",
    "spent", "sold", "stood", "told", "wrote", "got", "held", "brought", "became", "felt",
})


def _past_form(low: str) -> bool:
    return low in _IRREGULAR_PAST or low.endswith("ed")


def _subject_and_past(words: list[str]) -> bool:
    """Are two words a lower-case subject and its past-tense verb ("sales rose", "prices
    fell", "costs increased"), a whole reported clause?"""
    return len(words) == 2 and words[0].isalpha() and words[0].islower() and words[0] not in _STOP_LOWER and (
        words[1].islower() and _past_form(words[1])
    )


def _finite_verb(tok: Tok) -> bool:
    low = tok.low
    return not tok.cap and (low in _AUX or _past_form(low) or low.endswith("n't"))


def _subject_and_verb(toks: list[Tok], k: int) -> bool:
    """Do the tokens from ``k`` open a clause: a pronoun or a determiner with a noun or two,
    then a finite verb ("the vote would be delayed", "it was over")?"""
    if k >= len(toks):
        return False
    if toks[k].low in _CLAUSE_PRONOUNS or toks[k].low == "it":
        return k + 1 < len(toks) and (_finite_verb(toks[k + 1]) or toks[k + 1].low.endswith("s"))
    if toks[k].low not in _LISTENER_DETERMINERS:
        return False
    j = k + 1
    while j < len(toks) and j <= k + 2 and _plain_word(toks[j]):
        if j + 1 < len(toks) and _finite_verb(toks[j + 1]):
            return True
        j += 1
    return False


def _noun_listener_end(toks: list[Tok]) -> int:
    """The end of a common-noun listener after a "tell"-type verb, when a clause without
    "that" follows it ("told the senator the vote would be delayed", "told supporters the
    election was stolen", "told members of Congress the bill would pass"): the object is up
    to three words, after a determiner or not, perhaps with an "of" phrase, and the clause a
    subject with a finite verb. Without that clause the words are the object or the content
    itself ("warned the move would fail", "warned prices would rise", "told the senator's
    aides about it"); 0 then."""
    j = 1 if toks and toks[0].low in _LISTENER_DETERMINERS else 0
    first = j
    while j < len(toks) and j - first < _NOUN_LISTENER_WORDS and _plain_word(toks[j]):
        j += 1
    if j == first:
        return 0
    if j < len(toks) and toks[j].low == "of":
        clause = _clause_after_of_phrase(toks, j + 1)
        if clause is not None:
            return clause
    return j if _subject_and_verb(toks, j) else 0


def _only_adjuncts(text: str, toks: list[Tok], hi: int) -> bool:
    """Do the tokens start with adjuncts that run to ``hi`` or to a punctuation mark?"""
    k = adjuncts_end(toks, 0)
    return k > 0 and text[toks[k - 1].end:hi].lstrip()[:1] in ("", ",", ".", ";", ":", "!", "?", "(")


def _participle_adjunct(text: str, body: str, a: int) -> bool:
    """Does the text ``body`` after a closing mark at ``a - 1`` open a participial adjunct
    (', highlighting the risk'), rather than an attribution (', according to ...')? A
    participle that is a cue form (', citing the polls', ', adding that ...') hangs on the
    clause before the quotation as well: it may report something new, but it does not
    attribute the quotation."""
    m = _PARTICIPLE.match(body)
    return m is not None and not _PHRASE_CUE.match(text, a + m.start(1))


def _after_preposition(text: str, s0: int, pos: int) -> bool:
    """Is the word before ``pos`` (within the sentence from ``s0``) a preposition?"""
    last = _LAST_WORD.search(text, max(s0, pos - 20), pos)
    return last is not None and last.group(1).lower() in _PREPOSITIONS


def _sentence_like(content: str, words: list[str], after_quote: bool = False) -> bool:
    """Does a quote with no attribution of its own read as speech? ``after_quote``: it follows a
    direct quote in the same paragraph, so a short sentence will do ("Farmers are hurting.")."""
    if after_quote and content.rstrip()[-1:] in ".!?":
        # (title case is no sign of a name here: "Believe me."; one capitalised word will do: "Never.")
        return len(words) >= 2 or content[:1].isupper()
    if len(words) < 4 or _title_like(words):
        return False
    return content[:1].isupper() or content[:1] in "[…." or content.rstrip()[-1:] in ".!?,"


def _after_possessive(text: str, mark: int | None) -> bool:
    """Does a possessive stand right before the opening mark at ``mark`` ('CNN's "New Day"')?"""
    return mark is not None and text[max(0, mark - 4):mark].rstrip().endswith(_POSSESSIVE_END[:2])


_TITLE_WORDS: Final = 8  # the most words of a title


def _title_like(words: list[str]) -> bool:
    """Title Case text ("Better Idea of Afghan Girls", "Robogee"): a name, not speech."""
    long = [w for w in words if len(w) > 3 or w[0].isupper()]
    return bool(long) and all(w[0].isupper() or w[0].isdigit() for w in long) and len(words) <= _TITLE_WORDS


def _first_name_mention(text: str, lo: int, hi: int) -> Mention | None:
    toks = tokenize(text, lo, hi)
    for run in _runs(toks):
        if person_core(run):
            return _classify(text, run)
    return None


def _only_adverbial(before: str) -> bool:
    """A sentence opener such as "On Wednesday" or "In a statement" (no clause of its own)."""
    words = before.split()
    return len(words) <= 6 and words[0].lower() in (
        "on", "in", "at", "after", "before", "during", "speaking", "writing", "meanwhile",
        "however", "but", "and", "also", "later", "earlier", "separately", "today", "yesterday",
        "discussing", "citing", "asked", "when", "by", "for", "as",
    ) if words else True


# Finite forms of verbs that report a clause, past ("said", "told") and present ("says",
# "say"): after a bare "and" and before a clause they are a second report. A participle
# ("arrested and charged with") is told apart by what follows it (``_NOT_A_CLAUSE``), a
# plain form after "to" or a modal by what comes before (``_INFINITIVE_BEFORE``).
_FINITE_CUES: Final = frozenset(
    f for f, lemma in cues.CUE_LEMMA.items()
    if lemma in cues.CLAUSE_VERBS and " " not in f and not f.endswith("ing")
)
_COORDINATION: Final = re.compile(r"(,\s*(and|but)|;)\s*(\w+ly\s+)?(also\s+)?$")
_BARE_COORDINATION: Final = re.compile(r"\s(and|but)\s+(\w+ly\s+)?(also\s+)?$")
_NOT_A_CLAUSE: Final = re.compile(r"\w+\s+(?:to|with|by|of|for|as|in|on|at)\b", re.IGNORECASE)
# "would review the plan and say whether ...": the plain form shares the first verb's "to"
# or modal, it is no report of its own
_INFINITIVE_BEFORE: Final = re.compile(
    r"\b(?:to|will|would|can|could|should|may|might|must|shall)\s+(?:\S+\s+){1,6}(?:and|but)\s+(?:\w+ly\s+)?(?:also\s+)?$",
    re.IGNORECASE,
)


def _coordination(text: str, s0: int, pos: int) -> int | None:
    """Where the words that join a second report by the same speaker to the first start:
    ", and said it was ...", "; told ...", or a bare "and" before a finite cue ("tweeted to
    Mohamed and said ...", "claimed the plan failed and say ..."); None if the cue at ``pos``
    is not so joined."""
    lo = max(s0, pos - 12)
    before = text[lo:pos].lower()
    m = _COORDINATION.search(before)
    if m is None:
        if not _second_report_verb(text, s0, pos):
            return None
        m = _BARE_COORDINATION.search(before)
    return lo + m.start() if m else None


def _second_report_verb(text: str, s0: int, pos: int) -> bool:
    """Is the cue at ``pos`` a finite verb that can start a second report after a bare "and"?"""
    word = _WORD.match(text, pos)
    form = word.group().lower() if word else None
    if form not in _FINITE_CUES or _NOT_A_CLAUSE.match(text, pos):
        return False
    plain = form == cues.CUE_LEMMA[form]
    return not plain or _INFINITIVE_BEFORE.search(text, max(s0, pos - 80), pos) is None


def _coordinated(text: str, s0: int, pos: int) -> bool:
    return _coordination(text, s0, pos) is not None


# "but" or "and" and a verb of saying no more, with no subject: the speaker's next act after the
# report ("said the president supports reforms but did not elaborate"); "but would not pass"
# goes on with the reported clause.
_REFUSAL: Final = re.compile(
    r",?\s+(?:but|and)\s+(?:(?:did|would|could)\s+not|didn't|wouldn't|couldn't|declined\s+to|refused\s+to)\s+"
    r"(?:elaborate|say|comment|specify|provide|give|offer|discuss|disclose|answer|respond|identify|name|explain|detail)\b"
)


def _clause_end(text: str, start: int, s1: int, sent_cues: list[_Cue]) -> int:
    """The reported clause ends at the sentence end, before a coordinated second report
    (", and told the police ...", ", with the i reporting ...") or a participle cue after a
    comma (", adding that ..."), or before a colon that opens a direct quote."""
    s1 = min(s1, start + 3000)  # no reported clause is longer; keeps hostile input linear
    colon = _COLON_QUOTE.search(text, start, s1)
    if colon:
        s1 = colon.start()
    s1 = _contrast_break(text, start, s1)
    refusal = _REFUSAL.search(text, start, s1)
    if refusal is not None:
        s1 = refusal.start()  # "..., but did not elaborate": the speaker's next act
    for c in sent_cues:
        if start < c.start < s1:
            w = _WITH_PHRASE_END.search(text[max(start, c.start - 70):c.start])
            if w:
                return max(start, c.start - 70) + w.start()
    for c in sent_cues:
        if start < c.start < s1:
            joined = _coordination(text, start, c.start)
            if joined is not None:
                return joined
            if _participle_after_comma(text, start, c):
                return c.start  # ", adding that ...", ", citing the polls": the speaker's next act
            if _trailing_source(text, c, s1):
                return c.start  # ", according to a transcript.": the writer's source of the report
            # (before a colon, "the senator said:" introduces the quote after it)
            outer = _trailing_attribution(text, start, c, s1) if colon is None else None
            if outer is not None:
                return outer  # ", the senator said.": the outer report, of which this clause is part
    return s1


# ", who" (and an auxiliary or adverbs) right before a cue: the speaker is named before a
# relative clause ("Trump, who has long argued that ...")
_RELATIVE_SUBJECT: Final = re.compile(r",\s*who\s+(?:(?:has|had|have|also|long|once|later|\w+ly)\s+){0,2}$")
# the comma that closes a relative clause, after the closing mark of a quotation if one ends there
_RELATIVE_END: Final = re.compile(r"(,[\"”]?)")
_QUOTED_TITLE: Final = re.compile(r"[\"“][^\"“”]+[\"”]")


# Verbs that report a name given to something: what they report is the object and the name.
_NAMING_VERBS: Final = frozenset({"call", "label", "dub"})
# A closing mark, then "and" and a word: the next act of the speaker if the word is a verb
_AND_AFTER_MARK: Final = re.compile(r"[\"”]\s+and\s+(?:\w+ly\s+)?([a-z]+)\b")


def _name_end(text: str, start: int, end: int) -> int:
    """Where the report of a naming verb ends: after the quoted name when a verb follows it
    ('called the case a "witch hunt" and accused prosecutors of ...'); ``end`` otherwise
    ('called it "unfair" and "reckless"', 'called it "bold" and overdue')."""
    m = _AND_AFTER_MARK.search(text, start, min(end, start + 300))  # (bounded: linear time)
    if m is not None and (m.group(1) in _FINITE_CUES or _past_form(m.group(1)) or m.group(1).endswith("ing")):
        return m.start() + 1
    return end


def _trailing_source(text: str, c: _Cue, s1: int) -> bool:
    """Is ``c`` an "according to" after a comma that ends the sentence with its source
    ("He said costs would rise, according to a transcript [obtained by CNN].")? It names
    the medium that relays the report, not part of what was said. A comma after the source
    ("the plan, according to experts, would fail") sets it inside the report."""
    if c.lemma not in cues.SPEAKER_AFTER_PHRASES or not text[max(0, c.start - 3):c.start].rstrip().endswith(","):
        return False
    m = speaker_after(text, c.end, s1)
    return m is not None and _CLAUSE_PUNCT.search(text, m.end, s1) is None


_CLAUSE_PUNCT: Final = re.compile("[,;:]")
_ATTRIBUTION_CHARS: Final = 80  # a trailing speaker is a short phrase: "the senator", "Sen. John Smith"


def _trailing_attribution(text: str, start: int, c: _Cue, s1: int) -> int | None:
    """Where a trailing attribution starts (its comma) when ``c`` is a verb of a clause that,
    with its speaker, ends the sentence after a comma ("Republicans accused Democrats of lying,
    the senator said.", "..., said the senator on Tuesday."): the report began at the sentence
    start is the senator's, and the clause reported by an earlier cue ends before it; None
    otherwise. Only adjuncts may follow the attribution; anything else ("..., the senator
    said, would fail") makes it a parenthesis inside the clause."""
    if c.lemma not in cues.CLAUSE_VERBS:
        return None
    comma = text.rfind(",", max(start, c.start - _ATTRIBUTION_CHARS), c.start)
    if comma < 0:
        return None
    if text[comma + 1:c.start].strip():
        m = speaker_before(text, comma + 1, c.start, c.plural)  # ", the senator said"
        if m is None or text[comma + 1:m.start].strip() or _CLAUSE_PUNCT.search(text, m.end, c.start):
            return None
        tail = c.end
    else:
        m = speaker_after(text, c.end, s1)  # ", said the senator[, a Democrat from Ohio]"
        if m is None:
            return None
        if _describes_speaker(text, m.end, s1):
            return comma
        tail = m.end
    toks = tokenize_head(text, tail, s1, _COMPLEMENT_HEAD)
    k = adjuncts_end(toks, 0)
    return comma if all(t.text in ".!?" for t in toks[k:]) and len(toks) < _COMPLEMENT_HEAD else None


_COMMA: Final = re.compile(",")
_COLON_OR_SEMICOLON: Final = re.compile("[:;]")
_OPENING_COMMAS: Final = 4  # commas tried after a sentence-opening participle cue

# ", but", ", while", ", whereas" before a clause that may be the writer's own; the comma may
# close a quotation ('called it "reckless," while ...'), which then ends with it.
_CONTRAST: Final = re.compile(r",([\"”’]?)\s*(?:but|while|whereas)\s+")
_CONTRASTS_TRIED: Final = 4  # (bounded: a hostile clause may hold thousands)


# ", and" or ", or" right after a trailing attribution, before a clause of its own.
_JOINED: Final = re.compile(r"\s*,\s*(?:and|or)\s+")


def _joined_new_speaker(text: str, pos: int, s1: int) -> bool:
    """Does the attribution that ends at ``pos`` go on with ", and" and a clause whose subject
    names someone else ("The plan will fail, the senator said, and the governor agreed")? That
    clause is the writer's, so the attribution trails the report before it. A pronoun or a
    thing as subject ("..., and it will cost billions") may go on with the report."""
    m = _JOINED.match(text, pos, s1)
    return m is not None and new_speaker_clause(text, m.end(), s1)


# ", and" right after a trailing attribution, then a verb without a subject (and the next two
# words, to tell "and urged a new vote" from "and renewed talks would ...").
_JOINED_VERB: Final = re.compile(
    r"\s*,\s*and\s+(?:\w+ly\s+)?(?:also\s+|then\s+)?([a-z]+)\b(?:\s+([a-z']+))?(?:\s+([a-z']+))?"
)


def _joined_verb(text: str, pos: int, s1: int) -> bool:
    """Does the attribution that ends at ``pos`` go on with ", and" and a verb that shares its
    subject ("The vote was unfair, the senator said, and urged a new one", "..., she said, and
    added that ...")? That verb is the speaker's next act, not part of the report, so the
    attribution trails the clause before it (a cue there, "added", reports on its own)."""
    m = _JOINED_VERB.match(text, pos, s1)
    if m is None:
        return False
    verb = m.group(1)
    return verb in _FINITE_CUES or verb.endswith("ed") and m.group(2) not in _AUX and m.group(3) not in _AUX


_NOUN_PREPOSITIONS: Final = cues.LISTENER_PREPOSITIONS | {"of"}
_APPOSITION_TOKENS: Final = 16  # an apposition and its adjuncts: ", a senior aide to the governor, on Tuesday"


def _describes_speaker(text: str, pos: int, s1: int) -> bool:
    """After an inverted attribution ("CLAUSE, said Ann Lee"), is the rest of the sentence
    from ``pos`` only an apposition or relative clause about the speaker and adjuncts (", a
    senior aide, on Tuesday", ", who chairs the panel")? Then the attribution trails the
    report. The apposition is a determiner's noun phrase headed by a people noun, with no verb
    (", would bring ..." goes on with a clause the attribution interrupts)."""
    toks = tokenize_head(text, pos, min(s1, pos + _WINDOW), _APPOSITION_TOKENS)
    if len(toks) < 2 or toks[0].text != ",":
        return False
    if toks[1].low == "who":
        return True
    if toks[1].low not in ("a", "an", "the") or len(toks) == _APPOSITION_TOKENS:
        return False
    n = len(toks) - (toks[-1].text in ".!?")
    k = next((i for i in range(2, n) if toks[i].text == ","), n)
    if any(t.low in _AUX or t.low in cues.SUBJECT_PRONOUNS for t in toks[2:k]):
        return False
    # the head ends the phrase or comes before its first preposition ("a senior aide to ...")
    head = next((i for i in range(2, k) if toks[i].low in _NOUN_PREPOSITIONS), k) - 1
    return head > 1 and _is_person_noun(_unpossessed(toks[head].low)) and adjuncts_end(toks, k) == n


def _contrast_break(text: str, start: int, s1: int) -> int:
    """Where a reported clause in ``[start, s1)`` ends before a contrast with a new person or
    body as subject ("Critics said the bill would raise costs, but the senator defended it");
    ``s1`` if it has none. A contrast of things ("..., but imports fell") or one that goes on
    with the speaker ("..., but it could still pass") stays in the report."""
    for m in islice(_CONTRAST.finditer(text, start, s1), _CONTRASTS_TRIED):
        if new_speaker_clause(text, m.end(), s1):
            return m.end(1) if m.group(1) else m.start()
    return s1


def _trim_end(text: str, s0: int, s1: int) -> int:
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    return s1


# The base of ``_confidence`` by quote type and by how the speaker was found.
_CONFIDENCE_BASE: Final = {
    ("direct", "lead"): 0.9, ("direct", "tail"): 0.9, ("direct", "colon"): 0.8,
    ("direct", "intro"): 0.75, ("direct", "continued"): 0.85, ("direct", "previous"): 0.85,
    ("direct", "next"): 0.5, ("direct", "pull"): 0.8, ("direct", "repeat"): 0.7, ("direct", "none"): 0.15, ("direct", "float"): 0.15,
    ("mixed", "clause"): 0.85, ("mixed", "trailing"): 0.8, ("mixed", "parenthetical"): 0.8,
    ("mixed", "according"): 0.7, ("indirect", "clause"): 0.85, ("indirect", "trailing"): 0.6,
    ("indirect", "parenthetical"): 0.55, ("indirect", "according"): 0.7,
}


def _confidence(qtype: str, how: str, kind: str | None, name: str | None) -> float:
    """Estimated probability that type, content and speaker are right, from the evidence
    used. The table is calibrated on the gold data (see bench/quotes.py)."""
    base = _CONFIDENCE_BASE.get((qtype, how), 0.5)
    if kind == "pronoun":
        base -= 0.1
    if kind in ("role", "organization"):
        base -= 0.15
    if name is None:
        base *= 0.5
    return round(max(0.05, min(0.95, base)), 2)


def extract_quotes(text: str, sentences: Sequence[Sentence]) -> list[Quote]:
    """All direct, mixed and indirect quotes of an article, in document order."""
    if not sentences or not text:
        return []
    return _Extractor(text, sentences).run()


def quotation_spans(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """The marked stretches of direct and mixed quotes, GUM style: each quoted fragment of a
    mixed quote on its own, and a direct quote joined with its continuation paragraphs.
    Offsets include the marks where there are any."""
    out: list[list[int]] = []
    for q in quotes:
        if q.type == "direct":
            lo = q.start - 1 if q.start > 0 and _DOUBLE.match(text, q.start - 1) or q.start > 0 and text[q.start - 1] in "'‘" else q.start
            hi = q.end + 1 if q.end < len(text) and text[q.end] in "\"“”„«»'’" else q.end
            if out and q.cue_start is None and _joins(text, out[-1][1], lo):
                out[-1][1] = hi
            else:
                out.append([lo, hi])
        elif q.type == "mixed":
            for s in _find_spans(text, [(q.start, q.end, "body")]):
                if s.close is not None and len(_WORD.findall(text[s.start:s.end])) and not _title_like(_WORD.findall(text[s.start:s.end])):
                    out.append([s.start - 1, s.close + 1])
    return [(a, b) for a, b in out]


def _joins(text: str, prev_end: int, start: int) -> bool:
    """Is ``start`` the continuation of a quote left open at ``prev_end`` (paragraph break
    inside the marks)?"""
    gap = text[prev_end:start]
    return "\n\n" in gap and not re.search(r"[\"“”]", text[prev_end - 1:prev_end]) and len(gap) < 400
