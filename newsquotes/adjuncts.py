"""Adjuncts of a report: the time expressions and prepositional phrases that wire copy puts
around a cue verb ("said on Tuesday night", "said in a statement", "told reporters on Capitol
Hill", "The White House in a statement said"). They read tokens (``speakers.Tok``) from an
index forward and never look further than a few tokens, so callers stay linear."""

from __future__ import annotations

from typing import Final

from collections.abc import Sequence

from newsquotes import cues

_PREPOSITIONS: Final = cues.LISTENER_PREPOSITIONS | {"of"}
# Words that start a clause of their own: a phrase that meets one is no adjunct noun phrase.
_CLAUSE_WORDS: Final = frozenset({"that", "which", "who", "is", "are", "was", "were", "has", "have",
                                  "had", "will", "would", "can", "could", "should", "may", "might",
                                  "must", "shall", "does", "did", "do", "be", "been"}) | cues.SUBJECT_PRONOUNS
_NP_TOKENS: Final = 6  # an adjunct's noun phrase is short: "a news conference at the White House"


def time_end(toks: Sequence, k: int) -> int | None:
    """The end of a time expression at ``k`` ("Tuesday night", "last week", "earlier this
    month", "Oct. 5", "yesterday"), or None."""
    j = k
    while j < len(toks) and j - k < 2 and toks[j].low in cues.TIME_MODIFIERS:
        j += 1
    if j == len(toks):
        return None
    word = toks[j].text
    if word in cues.DATE_WORDS or word in cues.MONTH_ABBREVIATIONS:
        j += 1
        if j < len(toks) and toks[j].text == "." and word in cues.MONTH_ABBREVIATIONS:
            j += 1
        if j < len(toks) and (toks[j].text.isdigit() or toks[j].low in cues.TIME_NOUNS):
            j += 1  # "Oct. 5", "Tuesday night"
        return j
    if toks[j].low in cues.TIME_NOUNS and (j > k or toks[j].low in ("today", "yesterday", "tonight")):
        return j + 1  # a bare "week" needs its "last"
    return None


def _noun_phrase_end(toks: Sequence, k: int) -> int | None:
    """The end of the short noun phrase at ``k`` that a preposition governs ("a statement",
    "Capitol Hill", "2019"): it stops at the next preposition, at punctuation, at a second
    determiner ("on Tuesday the bill ..." starts a clause) or at a clause word."""
    timed = time_end(toks, k)
    if timed is not None:
        return timed
    j = k
    if j < len(toks) and toks[j].low in cues.DETERMINERS:
        j += 1
    while j < len(toks) and j - k < _NP_TOKENS:
        tok = toks[j]
        if (not tok.text[0].isalnum() or tok.low in _PREPOSITIONS or tok.low in cues.DETERMINERS
                or tok.low in _CLAUSE_WORDS):
            break
        j += 1
    return j if j > k and toks[j - 1].low not in cues.DETERMINERS else None


def adjunct_end(toks: Sequence, k: int) -> int | None:
    """The end of one adjunct at ``k``: a time expression or a prepositional phrase."""
    if k >= len(toks):
        return None
    if toks[k].low in _PREPOSITIONS:
        if toks[k].low == "to" and _verb_after_to(toks, k + 1):
            return None  # "vowed on Saturday to remain in the race": the verb's complement
        return _noun_phrase_end(toks, k + 1)
    return time_end(toks, k)


def _verb_after_to(toks: Sequence, j: int) -> bool:
    """Is the word at ``j``, after "to", a verb ("to remain") rather than the start of a noun
    phrase ("to reporters", "to the press", "to Congress", "to 200 supporters")? A plain
    lowercase word that is no determiner and no people, listener or medium noun."""
    if j >= len(toks):
        return False
    word, low = toks[j].text, toks[j].low
    return word[0].islower() and word.isalpha() and not (
        low in cues.DETERMINERS or low in cues.MEDIUM_NOUNS or low in cues.LISTENER_WORDS
        or low in cues.PERSON_NOUNS or low[:-1] in cues.PERSON_NOUNS  # (a plural: "reporters")
    )


def adjuncts_end(toks: Sequence, k: int) -> int:
    """The end of the run of adjuncts from ``k``, commas between them included
    ("in a statement on Tuesday", "Tuesday, in an interview with CNN"); ``k`` if none."""
    while True:
        j = k + 1 if k > 0 and k < len(toks) and toks[k].text == "," else k
        end = adjunct_end(toks, j)
        if end is None:
            return k
        k = end


_SETTING_TEXTS: Final = cues.DATE_WORDS | cues.MONTH_ABBREVIATIONS
_SETTING_LOWS: Final = cues.TIME_NOUNS | cues.MEDIUM_NOUNS


def may_hold_setting(toks: Sequence) -> bool:
    """Could the tokens hold an adjunct of time or medium? Each one has a day, a month, or a
    time or medium noun: a cheap test before looking for one at every position (a loop: a
    generator would cost more than the test)."""
    for t in toks:
        if t.text in _SETTING_TEXTS or t.low in _SETTING_LOWS:
            return True
    return False


def is_setting(toks: Sequence, k: int) -> bool:
    """Does an adjunct at ``k`` give the time or the medium of a report ("on Tuesday", "last
    week", "in a statement", "on Twitter")? Those, unlike "of the council" or "in Beijing", do
    not belong to a noun before them."""
    if time_end(toks, k) is not None:
        return True
    if k >= len(toks) or toks[k].low not in _PREPOSITIONS:
        return False
    end = _noun_phrase_end(toks, k + 1)
    return end is not None and (time_end(toks, k + 1) is not None or toks[end - 1].low in cues.MEDIUM_NOUNS)
