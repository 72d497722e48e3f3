"""Speaker mentions and their resolution within one article.

Two jobs, both rule-based and linear in the article length:

1. *Find the mention* next to a cue verb: the noun phrase right before it ("Russian Foreign
   Minister Sergei Lavrov said", "the Russian ministry said", "he said") or right after it
   ("said KCNA", "according to the Sydney Morning Herald"). Titles before a name belong to the
   mention; appositions after it ("Khaled Al-Maeena, editor at large ..., said") do not.
2. *Resolve it* to a canonical source (``speaker_name``): a surname to the fullest name the
   article uses ("Lavrov" -> "Sergei Lavrov"), a pronoun to the right earlier person or body,
   a role noun ("the foreign minister") to the person introduced with that role, and an
   organisation to its name without "the" (acronyms to their spelled-out form).

Everything works on a flat token list made by one regex, so no pattern here can backtrack
over more than one token.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from typing import Final, NamedTuple

from newsquotes import cues
from newsquotes.adjuncts import adjunct_end, adjuncts_end, is_setting, may_hold_setting
from newsquotes.model import Sentence

# A word (with inner apostrophes, hyphens and dots: "al-Assad", "U.S", "Russia's") or a
# single punctuation character. The inner class cannot end a token, so matching is linear.
_TOKEN: Final = re.compile(r"\w(?:[\w'’.\-]*\w)?|[^\w\s]")
_ACRONYM_DEF: Final = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,9})\)")

_STOP_LOWER: Final = frozenset(
    """in on at with by from after before during about over under into through against between
    among within without across toward towards upon that which who whom whose where when while
    because if as than is are was were be been being has have had do does did will would can
    could should may might must not no nor or but so yet also this these those there here it
    he she they we i you him her them us me his its our their my your what how why whether
    said says say told tells according whilst""".split()
)
_CONNECTORS: Final = frozenset({"of", "for", "to", "the", "and", "&", "at"})
_DOTTED_PLACES: Final = frozenset({"U.S", "U.K", "U.N", "E.U", "U.S.A", "U.A.E", "D.C"})
_POSTNOMINALS: Final = frozenset({"qc", "sc", "kc", "mp", "mep", "md", "phd", "jr", "sr", "ii", "iii",
                                  "obe", "mbe", "cbe", "esq", "inc", "ltd", "corp", "co", "plc", "llc",
                                  "bros", "cos"})
# Documents that speak for an author named after them ("the post by an unknown author said").
_DOCUMENTS: Final = cues.DOCUMENTS
# Nouns that speak for the owner named before them ("Cornyn's statement added"): documents, and
# the channels and agents that speak for a person.
_DOCUMENT_NOUNS: Final = _DOCUMENTS | {"website", "account", "spokesman", "spokeswoman", "spokesperson", "office",
                                       "lawyer", "lawyers", "campaign"}
_MALE_WORDS: Final = frozenset({"mr", "sir", "king", "prince", "father", "brother", "lord", "spokesman",
                                "chairman", "congressman", "councilman", "businessman", "husband",
                                "son", "man", "boy", "actor", "pope", "rabbi", "imam", "uncle"})
_FEMALE_WORDS: Final = frozenset({"ms", "mrs", "miss", "queen", "princess", "sister", "lady", "dame",
                                  "spokeswoman", "chairwoman", "congresswoman", "councilwoman",
                                  "businesswoman", "wife", "daughter", "woman", "girl", "actress",
                                  "mother", "aunt", "madam"})


# "he", "He", "his", "His", "him", "himself", "Himself" (not "Him"), and "she", "her", "hers",
# "herself" in either case, as whole words. A pattern that opens with a character class lets
# the engine skip to the next "h" or "s" instead of trying a match at every position: the
# lookbehind after that letter stands for the word boundary before it (no word character
# before the letter), and the ones inside pick the words that go with the letter's case.
_HE: Final = re.compile(r"[Hh](?<!\w.)(?:e|is|imself|(?<=h)im)\b")
_SHE: Final = re.compile(r"[SsHh](?<!\w.)(?:(?<=[Ss])he|(?<=[Hh])er(?:s|self)?)\b")


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    cap: bool


_new_tok = tuple.__new__


# ``_TOKEN`` with the whitespace before it: every character is either whitespace or part of a
# token, so ``findall`` gives the tokens with their offsets (by adding up lengths) without a
# match object per token. (``str.lstrip`` strips the characters ``\s`` matches, and no
# token starts with one.)
_SPACE_TOKEN: Final = re.compile(r"\s*(?:" + _TOKEN.pattern + ")")


def _tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    e = lo
    for chunk in _SPACE_TOKEN.findall(text, lo, hi):
        e += len(chunk)
        word = chunk.lstrip()
        append(_new_tok(Tok, (e - len(word), e, word, word.lower(),
                              word[0].isupper() or ("-" in word and _particle_name(word)))))  # _capitalised
    return out


def _capitalised(word: str) -> bool:
    """Does the token start a name: a capital, or a particle name ("al-Assad")?"""
    return word[:1].isupper() or "-" in word and _particle_name(word)


def tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    """Tokens of ``text[lo:hi]`` (words with inner apostrophes, hyphens and dots, and single
    punctuation characters)."""
    return _tokenize(text, lo, hi)


def tokenize_head(text: str, lo: int, hi: int, n: int) -> list[Tok]:
    """The first ``n`` tokens of ``tokenize(text, lo, hi)`` (all of them if there are fewer),
    for rules that read only the start of a long window: the scan stops early."""
    # No token holds a space, so the tokens of a stretch of the window that ends at a space
    # are the window's own. The window is read a stretch at a time, of about
    # ``_HEAD_CHARS`` characters for each token still missing, by ``_tokenize`` (cheaper per
    # token than a match each); a stretch with no space (a very long word) is matched token
    # by token, up to the last one needed.
    out: list[Tok] = []
    start = lo
    while len(out) < n:
        stop = start + (n - len(out)) * _HEAD_CHARS
        if stop >= hi:
            out += _tokenize(text, start, hi)
            break
        cut = text.rfind(" ", start, stop)
        if cut <= start:
            out += _tokenize_matches(text, start, hi, n - len(out))
            break
        out += _tokenize(text, start, cut)
        start = cut
    del out[n:]
    return out


_HEAD_CHARS: Final = 6  # characters per token (news has about 6 with the space, punctuation apart)


def _tokenize_matches(text: str, lo: int, hi: int, n: int) -> list[Tok]:
    """The first ``n`` tokens of ``tokenize(text, lo, hi)``, one match at a time."""
    out: list[Tok] = []
    append = out.append
    for m in islice(_TOKEN.finditer(text, lo, hi), n):
        word = m.group()
        s, e = m.span()
        append(_new_tok(Tok, (s, e, word, word.lower(),
                              word[0].isupper() or ("-" in word and _particle_name(word)))))
    return out


def _particle_name(word: str) -> bool:
    """"al-Amr", "bin-Salman", "el-Sisi": a name although it starts in lower case."""
    head, _, rest = word.partition("-")
    return bool(rest) and rest[:1].isupper() and head in cues.NAME_PARTICLES


def make_tok(start: int, end: int, word: str) -> Tok:
    return Tok(start, end, word, word.lower(), _capitalised(word))


# Candidate names for the article registry: capitalised words joined by spaces, with at most
# one or two small connectors between them ("Ministry of Defence", "Bashar al-Assad"). Each
# repetition must consume a capitalised word, so the pattern cannot backtrack quadratically.
# (The capital comes first and the lookbehind checks the character before it, so the engine
# jumps from capital to capital instead of testing the lookbehind at every position.)
_NAME_RUN: Final = re.compile(
    r"[A-Z](?<![\w'’.\-].)[\w'’.\-]*(?:\s(?:(?:of the|of|for|to the|to|al|bin|ibn|de|del|da|di|du|van|von|der|la|le|el)\s)?[A-Z][\w'’.\-]*)*"
)
_LOWER_TITLES: Final = cues.TITLES | cues.PERSON_NOUNS
# The first 11 tokens of an apposition after a name and its comma, up to a punctuation mark
# that ends it: ``_TOKEN`` repeated, its punctuation alternative without ",.;:()". Each
# repetition consumes a token, and the greedy match tokenizes as ``_TOKEN`` does.
_APPOSITION: Final = re.compile(r"(?:\s*(?:\w(?:[\w'’.\-]*\w)?|[^\w\s,.;:()])){0,11}")


# Lowercase titles written before a name ("team member Rodaba Noori", "coach Nabil Maaloul").
# A capitalised word before them qualifies the role ("Republican nominee Donald Trump").
_LOWER_PREFIX: Final = re.compile(r"(?:[A-Z][\w\-]*\s)?(?:[a-z][\w\-]*\s){1,3}$")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name | pronoun | role | organization
    core: str | None = None  # kind "name": the person's name without titles; "role": the head noun phrase
    group: bool = False


# --- Word classes -------------------------------------------------------------------------


def _unpossessed(low: str) -> str:
    return low[:-2] if low.endswith(("'s", "’s")) else low


def _singular(low: str) -> str:
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


def _noun_forms(nouns: frozenset[str], extra: frozenset[str] = frozenset()) -> frozenset[str]:
    """Every lowercase word whose singular (by ``_singular``) is one of ``nouns``, plus
    ``extra``: the nouns themselves and their plurals in -s and -ies, kept only where
    ``_singular`` really maps them back. Word-class tests are then one set lookup, made
    tens of thousands of times per megabyte."""
    candidates = set(nouns) | {n + "s" for n in nouns} | {n[:-1] + "ies" for n in nouns if n.endswith("y")}
    return frozenset(w for w in candidates if w in nouns or _singular(w) in nouns) | extra


_PERSON_NOUN_FORMS: Final = _noun_forms(cues.PERSON_NOUNS, cues.TITLES)
_ORG_NOUN_FORMS: Final = _noun_forms(cues.ORG_NOUNS | _DOCUMENTS)  # a document speaks like a body: "the memo said"


def _is_person_noun(low: str) -> bool:
    return low in _PERSON_NOUN_FORMS or "-" in low and low.endswith(_AGE_NOUN_ENDINGS)


# "the 25-year-old", "a five-month-old": an age stands for a person, as head or modifier
_AGE_NOUN_ENDINGS: Final = ("-year-old", "-year-olds", "-month-old", "-month-olds")


def _in_phrase(tok: Tok) -> bool:
    """Can the token be a word of a noun phrase: a word, or an age ("the 25-year-old's mother")?"""
    return tok.text[0].isalpha() or _unpossessed(tok.low).endswith(_AGE_NOUN_ENDINGS)


def _is_org_noun(low: str) -> bool:
    return low in _ORG_NOUN_FORMS


def _possessive(tok: Tok) -> bool:
    return tok.text.endswith(("'s", "’s")) or tok.text in ("'", "’")


_ORG_OR_PLACE_WORDS: Final = cues.ORG_NAME_WORDS | cues.PLACES | _DOTTED_PLACES  # U.S, U.K


def _org_or_place(tok: Tok) -> bool:
    word = tok.text
    base = word[:-2] if word.endswith(("'s", "’s")) else word
    return (
        base in _ORG_OR_PLACE_WORDS
        or (base.isupper() and len(base) > 1 and base.isalpha())  # KCNA, WHO
        or "." in base and len(base) > 1 and not base.replace(".", "").isalpha()
    )


_NATIONALITY: Final = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch)")


def _nationality(word: str) -> bool:
    return word[:1].isupper() and _NATIONALITY.fullmatch(word) is not None


def _compound_adjective(word: str) -> bool:
    """Is the capitalised word a compound adjective ("Moscow-based", "Kremlin-backed",
    "Scientology-critic"): a name joined to a lowercase word, which no name ends in?"""
    return word[:1].isupper() and word.rpartition("-")[2][:1].islower()


class _WordMemo(dict):
    """The answers of a test of single words, each made once (a corpus repeats its names).
    Looked up as ``memo[word]``, a dictionary access; words too long to be worth keeping (rare
    in news; hostile text may hold 100 KB ones) are tested every time, and the memo starts
    afresh when it holds ``_MEMO_WORDS`` of them."""

    def __init__(self, test: Callable[[str], object]):
        super().__init__()
        self.test = test

    def __missing__(self, word: str):
        answer = self.test(word)
        if len(word) <= _MEMO_WORD_CHARS:
            if len(self) >= _MEMO_WORDS:
                self.clear()
            self[word] = answer
        return answer


_MEMO_WORDS: Final = 8192
_MEMO_WORD_CHARS: Final = 40


# "says", "tells", "warns": verb forms that no name contains
_THIRD_PERSON_CUES: Final = frozenset(f for f, lemma in cues.CUE_LEMMA.items() if f != lemma and f.endswith("s") and " " not in f)


def _cuts_alone_test(word: str) -> bool | None:
    """Does ``person_core`` start the name after ``word`` whatever its neighbours (True: a title,
    lowercase role noun, possessive, or an organisation or place word that no neighbour can keep
    in a name), never (False: none of those, nor a connector, "." or nationality), or does that
    depend on its neighbours (None)? Most words of a run are decided alone, and the test reads
    only the word, so it is made once per word."""
    tok = make_tok(0, len(word), word)
    low = tok.low
    if low in _CONNECTORS or word == ".":
        return None
    if low in cues.TITLES or not tok.cap and low in _PERSON_NOUN_FORMS or _possessive(tok):
        return True
    if _org_or_place(tok):
        # (a place ending the run, a publication word after a first name, and initials before a
        # surname stay in the name)
        return None if word in cues.PLACES or word in cues.PUBLICATION_WORDS or _acronym(word) and len(word) == 2 else True
    return None if _nationality(word) else False  # (a nationality before a title is cut)


_cuts_alone = _WordMemo(_cuts_alone_test)


def _with_initials_dotted(toks: Sequence[Tok]) -> list[Tok]:
    """The tokens without their full stops, except the stop right after an initial, which is
    kept with it as the name is written ("Donald J. Trump", not "Donald J Trump")."""
    out: list[Tok] = []
    for t in toks:
        if t.text != ".":
            out.append(t)
        elif out and out[-1].end == t.start and _initial(out[-1].text):  # "J", "K.C"
            out[-1] = make_tok(out[-1].start, t.end, out[-1].text + ".")
    return out


def person_core(run: Sequence[Tok]) -> list[Tok]:
    """The personal name inside a run of capitalised words and titles, or [] if there is none.

    "Russian Foreign Minister Sergei Lavrov" -> Sergei Lavrov; "United States Hamdullah Mohib"
    -> Hamdullah Mohib; "Civil Defense Authority" -> [] (an organisation).
    """
    start = 0
    org_object = False  # the word after "University of" belongs to the organisation's name
    for i, tok in enumerate(run):
        if org_object:
            org_object = False
            if i + 2 < len(run):
                start = i + 1
                continue
        cuts = _cuts_alone[tok.text]
        if cuts is not None:  # (the test below would give the same)
            if cuts:
                start = i + 1
            continue
        low = tok.low
        if low in ("of", "for") and 0 < i < len(run) - 1 and (
            run[i - 1].low in cues.TITLES or _org_word(run[i - 1])
        ):
            org_object = True  # "University of Ohio Dayton Farah Qadri", "Minister of Defence X"
        # (pure tests, cheapest first)
        if (
            low in cues.TITLES
            or (low in _CONNECTORS and i + 1 < len(run))
            or not tok.cap and low in _PERSON_NOUN_FORMS
            or tok.text == "." and not (i > 0 and _initial(run[i - 1].text))
            or _possessive(tok)
            or (_org_or_place(tok) and (i + 1 < len(run) or tok.text not in cues.PLACES)
                and not (tok.text in cues.PUBLICATION_WORDS and _publication_surname(run, i))
                and not _initials_before_surname(run, i))
            or (i + 1 < len(run) and run[i + 1].low in cues.TITLES and _nationality(tok.text))
        ):
            start = i + 1
    core = _with_initials_dotted(run[start:])
    if not core:
        if start < len(run) or not _possessive(run[-1]) or run[-1].text in ("'", "’"):
            return []
        # "Prime Minister Rishi Sunak's effort": the owner's name is the core
        last = run[-1]
        head = [t for t in run[:-1] if t.cap and not _org_or_place(t) and t.low not in cues.TITLES][-2:]
        core = head + [make_tok(last.start, last.end - 2, last.text[:-2])]
        if _org_or_place(core[-1]) or core[-1].low in cues.TITLES:
            return []
    elif len(core) == 1:
        if core[0].text in cues.PLACES and all(_org_or_place(t) for t in run if t.text != "."):
            return []  # "South Korea", "New Zealand": a place, not a person named Korea
    elif len(core) >= 3 and 0 < start and (
        _org_or_place(run[start - 1]) or start >= 3 and run[start - 2].low in ("of", "for")
    ) and (
        _name_gender(core[0].text) is None and core[0].low not in cues.NAME_PARTICLES
    ):
        # "University of Texas Arlington Amneh Jafari": a place word glued to the name
        core = core[1:]
    while core and (core[0].low in cues.NAME_PARTICLES or core[0].text in cues.NON_NAME_CAPS):
        core = core[1:]
    if core and core[-1].text in cues.PUBLICATION_WORDS and _publication(run, core[-1]):
        return []  # "PC World", "The Daily Ledger": a publication
    if len(core) == 1 and _singular(core[0].low) != core[0].low and (
        core[0].low in _PERSON_NOUN_FORMS or len(run) == 1 and core[0].low in _ORG_NOUN_FORMS
    ):
        return []  # "Officials", "Experts", "Unions" opening a sentence: people or bodies, not a name
    if not core or len(core) > 4:
        return []
    if len(core) == 1 and (core[0].text.isupper() and len(core[0].text) > 1):
        return []  # an acronym: KCNA, WHO
    for t in core:
        if _unfit_in_name[t.text]:
            return []
    return core


def _unfit_in_name_test(word: str) -> bool:
    """Does ``word`` keep ``person_core`` from finding a name in a core that holds it: a verb of a
    title-case headline ("Mayor Says Budget Is Balanced"), a lowercase word that is no name
    particle, a sentence opener or a number?"""
    low = word.lower()
    return (
        low in _THIRD_PERSON_CUES
        or not (_capitalised(word) or low in cues.NAME_PARTICLES)
        or word in cues.NON_NAME_CAPS
        or word.isdigit()
    )


_unfit_in_name = _WordMemo(_unfit_in_name_test)


def _initials_before_surname(run: Sequence[Tok], i: int) -> bool:
    """Is ``run[i]`` a pair of initials written without dots before the surname that ends the
    run ("JD Vance", "TJ Rivers")? Two capitals that are no known body or place ("UN", "EU")
    and come right before a last word that is no title, body or place are a first name."""
    word, last = run[i].text, run[-1]
    return i == len(run) - 2 and len(word) == 2 and word.isupper() and word.isalpha() and (
        word not in _ORG_OR_PLACE_WORDS and last.cap and last.low not in cues.TITLES and not _org_or_place(last)
    )


def _publication(run: Sequence[Tok], last: Tok) -> bool:
    """Does the run name a publication with ``last``, a publication word that ends it ("World",
    "Ledger")? So it does after an acronym or another publication word ("PC World", "Daily
    Ledger"), or in a run that opens with "The" and has no title ("The Springfield Ledger",
    not "The Rev. John Post")."""
    if last is not run[-1]:
        return False
    before = run[-2] if len(run) > 1 else None
    if before is not None and (_acronym(before.text) or before.text in cues.PUBLICATION_WORDS):
        return True
    return run[0].low == "the" and not any(t.low in cues.TITLES for t in run)


def _publication_surname(run: Sequence[Tok], i: int) -> bool:
    """Is the publication word ending the run at ``i`` a surname after a first name, with
    nothing but titles before them ("Joe Post", "Sen. Ann Herald"; not "Jordan Times")?"""
    first = run[i - 1] if i > 0 else None
    return (
        i == len(run) - 1 and first is not None
        and _name_gender(first.text) is not None and first.text not in cues.PLACES
        and all(t.low in cues.TITLES or t.low == "the" or t.text == "." for t in run[:i - 1])
    )


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


# Plain name words ("Maria", "Lopez"): capitalised letters that are no title, connector,
# particle, place or organisation word, sentence opener or headline verb. ``person_core``
# keeps such words in the name whatever their neighbours, so the analysis of the commonest
# name runs, made of them alone, is known without tokenising the run (see ``_plain_analysis``).
_PLAIN_WORD: Final = re.compile(r"[A-Z][a-z]+")
_NOT_PLAIN_LOW: Final = cues.TITLES | _CONNECTORS | cues.NAME_PARTICLES | _THIRD_PERSON_CUES
_NOT_PLAIN: Final = _ORG_OR_PLACE_WORDS | cues.NON_NAME_CAPS


def _plain_word_test(word: str) -> bool:
    return _PLAIN_WORD.fullmatch(word) is not None and word not in _NOT_PLAIN and word.lower() not in _NOT_PLAIN_LOW


_plain_word = _WordMemo(_plain_word_test)
# The shape of the windows ``_plain_analysis`` answers: a capitalised word that may be a
# sentence opener, one to four capitalised words, and a dot or a possessive
_PLAIN_SHAPE: Final = re.compile(r"(?:([A-Z][a-z]*) )?([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})(\.|['’]s)?")


# ``SpeakerResolver._analyse_run``'s answer: for each name found in a window, (several words?
# or None for an organisation, the name words, start and end relative to the window, roles)
_NamesInWindow = list[tuple[bool | None, tuple[str, ...], int, int, tuple[str, ...]]]


def _plain_analysis(window: str) -> _NamesInWindow | None:
    """``SpeakerResolver._analyse_run``'s answer for a window of one to four plain words, maybe
    after a sentence opener and before a dot or a possessive ("Maria Lopez", "The Ontario
    Ghostbusters", "Mark Zuckerberg.", "Bruce Wayne's"), or None for any other window.

    Such a window is one run (the opener and the dot stay out of it), and ``person_core``
    keeps all its words; a possessive makes the owner's last three words the name, the
    words before it roles. A lone word is no name if it is a plural people or body noun
    ("Officials", "Unions"); a run that ends in two publication words ("Weekly Standard.")
    may be a publication, and is left to the full analysis."""
    m = _PLAIN_SHAPE.fullmatch(window)
    if m is None:
        return None
    opener, name, tail = m.groups()
    start, end = m.span(2)  # of the name words
    if opener is not None and opener not in cues.NON_NAME_CAPS:
        name = window[:end]  # (the first word is one of them)
        start = 0
    words = name.split(" ")
    if len(words) > 4:
        return None
    for word in words:
        if not _plain_word[word]:
            return None
    if len(words) == 1:
        low = words[0].lower()
        if _singular(low) != low and (low in _PERSON_NOUN_FORMS or low in _ORG_NOUN_FORMS):
            return []
        return [(False, (name,), start, end, ())]
    if tail is not None and tail != ".":  # a possessive
        roles = tuple([word.lower() for word in words[:-3]])
        for word in words[:-3]:
            start += len(word) + 1
        words = words[-3:]
        return [(len(words) > 1, tuple(words), start, end, roles)]
    if (start or tail) and words[-1] in cues.PUBLICATION_WORDS and words[-2] in cues.PUBLICATION_WORDS:
        # (the bare run keeps the name: "Weekly Standard" alone has always been read as one)
        return None
    return [(True, tuple(words), start, end, ())]


def _initial(word: str) -> bool:
    """"K", "K.C", "J.R": initials of a first name, not an abbreviated title."""
    return len(word) == 1 and word.isupper() or "." in word and all(len(p) == 1 for p in word.split("."))


def _runs(toks: Sequence[Tok]) -> list[list[Tok]]:
    """Split a noun phrase into runs of capitalised words, titles and name particles."""
    runs: list[list[Tok]] = []
    current: list[Tok] = []
    for i, tok in enumerate(toks):
        if tok.cap or tok.text == "." and current and (  # a "." glued to a title or an initial
            current[-1].low in cues.TITLES or len(current[-1].text) == 1 or "." in current[-1].text
        ) or tok.low in cues.NAME_PARTICLES and current or (
            tok.low in _PERSON_NOUN_FORMS and i + 1 < len(toks) and toks[i + 1].cap  # (titles included)
        ):
            current.append(tok)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


# --- Finding the mention next to a cue -----------------------------------------------------


_LEADING_CONNECTORS: Final = _CONNECTORS - {"the"}  # dropped from the start of a phrase
_BODY_LINKS: Final = _CONNECTORS | {"on"}  # the lower-case words of a body's name ("Council on ...")


def _classify(text: str, toks: list[Tok]) -> Mention | None:
    """Turn the tokens of a noun phrase into a mention with its kind, or None."""
    while toks and (toks[0].low in _LEADING_CONNECTORS or toks[0].text in ",;:"):
        toks = toks[1:]
    while toks and (toks[-1].low in _CONNECTORS or toks[-1].text in ",;:("):
        toks = toks[:-1]
    if not toks:
        return None
    head = toks[-1]
    counted = _count_length([t.low for t in toks[:4]]) if len(toks) > 2 and "of" in (toks[1].low, toks[2].low) else 0
    if counted:  # "Thousands of protesters", "One of the officials": the group is the speaker's head
        group = _classify(text, toks[counted:])
        a = toks[0].start
        if group is not None and group.kind in ("role", "organization"):
            return Mention(a, head.end, text[a:head.end], group.kind, group.core or group.text)
        if group is not None and group.kind == "name" and not head.cap and _is_person_noun(head.low):
            # "One of Smith's lawyers": people of a named owner, not the owner; the group is named
            # as written, as for "Several of Smith's aides"
            g = toks[counted].start
            return Mention(a, head.end, text[a:head.end], "role", text[g:head.end])
    for p in range(1, len(toks) - 1):
        author = _author_at(toks, p)
        if author:  # "a statement from the company": the company speaks through it
            return _author_body(text, _classify(text, toks[author:]))
        if _modifier_at(toks, p):  # "Officials in Beijing": the noun before the modifier heads the phrase
            a = toks[0].start
            kind = "role" if _is_person_noun(toks[p - 1].low) else "organization"
            return Mention(a, head.end, text[a:head.end], kind, text[a:toks[p - 1].end])
    if len(toks) == 1 and head.low in cues.SUBJECT_PRONOUNS:
        return Mention(head.start, head.end, head.text, "pronoun")
    if head.text in cues.PUBLICATION_WORDS and _publication(toks, head) and all(t.cap or t.low in _CONNECTORS for t in toks):
        # "The Globe and Mail": a publication's name may hold an "and" that splits its runs
        return Mention(toks[0].start, head.end, text[toks[0].start:head.end], "organization")
    owner = _document_owner(text, toks)
    if owner is not None:
        return owner
    if _named_body(toks):
        return _body_or_its_officer(text, toks)
    if _possessive_name(toks):  # "Moody's said", "a report by McDonald's": the company itself
        return Mention(toks[0].start, head.end, text[toks[0].start:head.end], "organization")
    modifier: tuple[list[Tok], list[Tok]] | None = None  # (name, run) of "Trump" in "Trump campaign ..."
    for run in _runs(toks):
        core = person_core(run)
        if len(core) == 1 and (_nationality(core[0].text) or _compound_adjective(core[0].text)) and run[-1] is not toks[-1]:
            core = []  # "the Russian ministry", "the Moscow-based newspaper Novaya Gazeta"
        if not core:
            continue
        if modifier is not None:
            # "Trump campaign spokeswoman Karoline Leavitt": the person is the one named after
            # the role, when only nouns stand between ("Rathbun the Scientology ..." keeps Rathbun)
            between = [t for t in toks if modifier[1][-1].end <= t.start < run[0].start]
            if run[0].cap or not all(t.text.isalpha() and not t.cap and t.low not in _CONNECTORS for t in between):
                core = modifier[0]
            return _name_mention(text, toks, core)
        after = next((t for t in toks if t.start >= run[-1].end), None)
        if after is not None and not after.cap and after.low not in ("for", "of", "at", "from", "with", "in", "and"):
            if not head.cap:
                continue  # a name modifying a common noun: "the Kremlin press office"
            if after.text.isalpha():
                modifier = core, run  # the speaker unless a role and a name follow
                continue
        return _name_mention(text, toks, core)
    if modifier is not None:
        return _name_mention(text, toks, modifier[0])
    start, end = toks[0].start, head.end
    phrase = text[start:end]
    if _is_person_noun(head.low) and (not head.cap or len(toks) == 1) or _compound_title(toks, len(toks) - 1):
        return Mention(start, end, phrase, "role")  # "the spokeswoman", "Officials", "the chief of staff"
    if _agent_of_body(toks):
        return Mention(start, end, phrase, "role")  # "a spokesman for the ministry", "the head of the agency"
    if head.cap or head.text[0].isdigit():
        named = _named_after_noun(toks)
        if named is not None:
            # "North Korea's main news agency Korean Central News Agency": the name is the body
            return Mention(toks[named].start, end, text[toks[named].start:end], "organization")
        return Mention(start, end, phrase, "organization")
    if _is_org_noun(head.low):
        return Mention(start, end, phrase, "organization")
    return None


def _named_after_noun(toks: Sequence[Tok]) -> int | None:
    """Where the capitalised name that ends the phrase starts, when a lowercase body noun stands
    right before it ("the state news agency KCNA", "its parent company Alphabet Inc"); None
    if there is none."""
    k = len(toks)
    while k > 0 and toks[k - 1].cap:
        k -= 1
    return k if 0 < k < len(toks) and _is_org_noun(toks[k - 1].low) and not toks[k - 1].cap else None


def _name_mention(text: str, toks: Sequence[Tok], core: Sequence[Tok]) -> Mention:
    """A phrase naming a person ``core``: conjoined people are kept whole ("Smith and Jones"),
    other words after the name (a prepositional phrase) are left out."""
    end = core[-1].end
    rest = [t for t in toks if t.start >= end]
    group = any(t.low == "and" for t in rest) and any(t.cap for t in rest)
    if group:
        end = toks[-1].end
    start = toks[0].start
    return Mention(start, end, text[start:end], "name", " ".join(t.text for t in core), group)


def _possessive_name(toks: Sequence[Tok]) -> bool:
    """Is the phrase a capitalised name ending in "'s" with no noun after it ("Moody's",
    "McDonald's", "Trader Joe's")? An owner always has what it owns after it ("Smith's aide"),
    so a phrase that ends at the "'s" is a company named after its founder's shop, the name
    itself and no owner."""
    head = toks[-1]
    return head.text.endswith(("'s", "’s")) and len(head.text) > 3 and all(t.cap for t in toks)


def _agent_of_body(toks: Sequence[Tok]) -> bool:
    """Is the phrase a person noun with a few modifiers, then "for" or "of" and the body it
    works for ("a spokesman for the ministry", "the head of the agency", "a senior official
    of the company")? The person heads it, so it is a role, though it ends with a body. A
    capitalised title is left alone ("Minister of Education"), and a person named after the
    preposition ("the spokeswoman for Smith") is found before this is asked."""
    words = _undetermined(toks)
    p = next((i for i, t in enumerate(words[:_SUBJECT_MODIFIERS + 1]) if t.low in ("for", "of")), 0)
    return bool(p) and all(not t.cap and t.text[0].isalpha() for t in words[:p]) and _is_person_noun(words[p - 1].low)


_OWNED_MODIFIERS: Final = 3  # words between an owner and its document: "the agency's latest annual report"


def _document_owner(text: str, toks: Sequence[Tok]) -> Mention | None:
    """The owner named before the document or agent noun that heads the phrase, who speaks
    through it; None if there is none, or the owner is no speaker ("the plan's report").
    A document's owner is any speaker, and a few modifiers may stand between them ("Cornyn's
    statement", "PC World's recent analysis", "the agency's latest annual report"). An agent
    or channel speaks only for a person named right before it ("Cornyn's spokesman"): "the
    sheriff's office" is a body of its own, and "Trump's former lawyer" speaks for himself."""
    head = toks[-1]
    if len(toks) < 2 or head.low not in _DOCUMENT_NOUNS:
        return None
    if head.low not in _DOCUMENTS:
        owner = toks[0]
        if len(toks) == 2 and _possessive(owner) and owner.cap and owner.text not in ("'", "’"):
            core = person_core([make_tok(owner.start, owner.end - 2, owner.text[:-2])])
            if core:
                return Mention(owner.start, owner.end - 2, owner.text[:-2], "name", core[0].text)
        return None
    p = len(toks) - 2  # the possessive, before the modifiers
    while p > 0 and len(toks) - 2 - p < _OWNED_MODIFIERS and _owned_modifier(toks[p]):
        p -= 1
    if not _possessive(toks[p]):
        return None
    last = toks[p]
    owner_toks = list(toks[:p])
    if last.text not in ("'", "’"):  # "Cornyn's", not "the senators' letter"
        owner_toks.append(make_tok(last.start, last.end - 2, last.text[:-2]))
    return _classify(text, owner_toks) if owner_toks else None


def _owned_modifier(tok: Tok) -> bool:
    """A word between an owner and its document ("latest", "annual", "own")."""
    return not tok.cap and tok.text[0].isalpha() and not _possessive(tok)


def _named_body(toks: Sequence[Tok]) -> bool:
    """Is the phrase a body's name written with connectors, headed by an organisation word
    before "of", "for", "to" or "on" ("the Centers for Disease Control and Prevention",
    "Bureau of Labor Statistics", "Committee to Protect Journalists", "Council on Foreign
    Relations") or after an "and" ("Food and Drug Administration", also when an officer's
    title and name follow)? Its capitalised words then name no person ("Disease Control")."""
    words = [t for t in _undetermined(toks) if t.text != "."]  # "U.S. Department of Agriculture"
    if not words or not words[0].cap:
        return False
    links = {t.low for t in words if not t.cap}
    if not links or not links <= _BODY_LINKS:
        return False
    first_link = next(i for i, t in enumerate(words) if not t.cap)
    if words[first_link].low == "on":
        return first_link + 1 < len(words) and _body_on_topic(words[first_link - 1], words[first_link + 1])
    if words[first_link].low in ("of", "for", "to"):
        return _org_word(words[first_link - 1])
    return links <= {"and", "&"} and (_org_word(words[-1]) or _body_before_title(words, first_link))


def _body_before_title(words: Sequence[Tok], link: int) -> bool:
    """Is a title after the "and" at ``link`` preceded by two or more capitalised words that
    end with an organisation word ("Immigration and Customs Enforcement Director Matt
    Albence")? Then the words before the title name the officer's body. A single word there
    is too often a second party's: "Schumer and House Speaker Nancy Pelosi" is a group."""
    title = next((k for k in range(link + 1, len(words)) if words[k].low in cues.TITLES), None)
    return title is not None and title - link > 2 and _org_word(words[title - 1])


def _body_or_its_officer(text: str, toks: Sequence[Tok]) -> Mention:
    """The mention of a body named with connectors, or of the person named after it with a
    title ("Centers for Disease Control and Prevention Director Robert Redfield")."""
    words = _undetermined(toks)
    core = person_core(words)
    before = [t for t in words if core and t.end <= core[0].start and t.text != "."]
    start = toks[0].start
    # the name follows a title or a word glued to the body's name, not a connector, and holds
    # no organisation word: "and Prevention", "of Labor Statistics", "Petroleum Exporting
    # Countries" are the body's own words
    if before and before[-1].low not in _CONNECTORS and not any(_org_word(t) for t in core) and (
        len(core) > 1 or _singular(before[-1].low) in cues.PERSON_NOUNS
    ):
        end = core[-1].end
        return Mention(start, end, text[start:end], "name", " ".join(t.text for t in core))
    end = toks[-1].end
    return Mention(start, end, text[start:end], "organization")


def _undetermined(toks: Sequence[Tok]) -> Sequence[Tok]:
    return toks[1:] if toks and toks[0].low in cues.DETERMINERS else toks


def _body_on_topic(body: Tok, topic: Tok) -> bool:
    """Is "on" between these words inside a body's name ("Council on Foreign Relations",
    "Committee on Oversight")? An organisation word before it and a capitalised topic after
    it, which is no date ("the Senate on Tuesday said": a time, not a topic)."""
    return body.cap and _org_word(body) and topic.cap and topic.text not in cues.DATE_WORDS


# Articles, possessives and demonstratives, which open a noun phrase; and the determiners that
# may follow them inside it ("the most senior officials", "his two lawyers", "the other members").
_CENTRAL_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                                         "these", "those"})
_POSTDETERMINERS: Final = frozenset({"one", "many", "several", "two", "three", "four", "five", "other", "most"})


def _np_backward(toks: Sequence[Tok], e: int) -> int | None:
    """Index where the noun phrase ending at toks[e] starts, walking left."""
    j = e
    modifiers = 0
    while j >= 0:
        tok = toks[j]
        low = tok.low
        if tok.cap:
            if low in cues.DETERMINERS:
                return j
            if tok.text in cues.NON_NAME_CAPS and not _inside_name(toks, j, e):
                if j < e:
                    return j + 1
                if tok.text not in ("His", "Her", "Their", "Its"):
                    return None
        elif tok.text in (".",) and j > 0 and (
            toks[j - 1].low in cues.TITLES or len(toks[j - 1].text) == 1 or "." in toks[j - 1].text
        ) and j < e:
            pass
        elif tok.text in ("'", "’") and j > 0 and toks[j - 1].cap and j < e:
            pass  # "Thomas' sister"
        elif low in cues.DETERMINERS:
            if low in _POSTDETERMINERS and j > 0 and toks[j - 1].low in _CENTRAL_DETERMINERS:
                j -= 1
                continue  # "the most senior officials", "his two lawyers": the article opens the phrase
            if j >= 2 and toks[j - 1].low in ("of", "to", "for", "at") and (
                toks[j - 2].cap or toks[j - 2].low in cues.TITLES or _is_person_noun(toks[j - 2].low)
            ) and j < e:
                j -= 1
                continue  # "CEO of the Refugee Council Enver Solomon", "a lawyer for the family"
            return j
        elif (low in _CONNECTORS or low in cues.NAME_PARTICLES) and j < e and j > 0 and (
            toks[j - 1].cap or toks[j - 1].low in cues.TITLES or toks[j - 1].low in _CONNECTORS
        ) and (low not in ("and", "&") or toks[j + 1].cap):
            pass
        elif low == "on" and j < e and j > 0 and _body_on_topic(toks[j - 1], toks[j + 1]):
            pass
        elif low == "and" and not _joins_roles(toks, j, e):
            return j + 1 if j < e else None  # "prices rose sharply and analysts said"
        elif _in_phrase(tok) and low not in _STOP_LOWER and (low not in cues.CUE_LEMMA or _cue_participle_modifier(toks, j, e)) and (
            _is_person_noun(low) or _is_org_noun(low) or (j < e and modifiers < 3) or j == e and _compound_title(toks, e)
        ):
            if not (_is_person_noun(low) or _is_org_noun(low)):
                modifiers += 1
        else:
            return j + 1 if j < e else None
        j -= 1
    return 0


# Capitalised prepositions that stand inside an organisation's name, between two of its words
# ("Doctors Without Borders", "Mothers Against Drunk Driving"); none opens a sentence's subject
# right after a capitalised word.
_NAME_PREPOSITIONS: Final = frozenset({"without", "against"})


def _inside_name(toks: Sequence[Tok], j: int, e: int) -> bool:
    return toks[j].low in _NAME_PREPOSITIONS and 0 < j < e and toks[j - 1].cap and toks[j + 1].cap and (
        toks[j - 1].text not in cues.NON_NAME_CAPS
    )


def _joins_roles(toks: Sequence[Tok], j: int, e: int) -> bool:
    """Does the "and" at ``toks[j]`` join two roles of one person ("academic and professor Marc
    Lamont Hill")? Any other lowercase "and" ends the phrase: in "prices rose sharply and
    analysts said", the analysts speak."""
    return 0 < j < e and all(
        toks[k].low in cues.TITLES or _is_person_noun(toks[k].low) for k in (j - 1, j + 1)
    )


def _cue_participle_modifier(toks: Sequence[Tok], j: int, e: int) -> bool:
    """Is the cue form ``toks[j]`` a participle that modifies a noun after it (up to ``toks[e]``),
    right after an article or possessive ("the accused man", "an alleged victim", "his
    confirmed nominee")? It belongs to the mention, which a verb would end."""
    return 0 < j < e and toks[j].low.endswith("ed") and toks[j - 1].low in _CENTRAL_DETERMINERS


def _compound_title(toks: Sequence[Tok], e: int) -> bool:
    """Does ``toks[e]`` end a role written as a people noun, "of" and a bare noun ("the chief
    of staff", "the director of communications", "the head of security")? The bare noun is no
    speaker of its own, so the whole phrase is a role."""
    tok = toks[e]
    return e >= 2 and toks[e - 1].low == "of" and not tok.cap and tok.text.isalpha() and (
        tok.low not in _STOP_LOWER and tok.low not in cues.DETERMINERS
    ) and not toks[e - 2].cap and _is_person_noun(toks[e - 2].low)


def _count_length(lows: Sequence[str]) -> int:
    """The number of words that count a group at the start of the lowercase words ("many of",
    "a number of", "thousands of") when the group follows them, or 0."""
    if len(lows) > 2 and lows[1] == "of" and lows[0] in cues.QUANTIFIERS:
        return 2
    if len(lows) > 3 and lows[2] == "of" and lows[0] in ("a", "the") and lows[1] in cues.QUANTITY_NOUNS:
        return 3
    return 0


def _count_before(toks: Sequence[Tok], first: int) -> int:
    """Where the words that count the group starting at ``toks[first]`` start ("[many of] the
    residents", "[a number of] experts"), or ``first`` if none do."""
    if first >= 2 and toks[first - 1].low == "of":
        for c in (first - 3, first - 2):
            if c >= 0 and _count_length([t.low for t in toks[c:first + 1]]) == first - c:
                return c
    return first


def _skip_adverbs(toks: list[Tok], i: int) -> int:
    """The last token at or before ``i`` that is no adverb ("Lavrov also said")."""
    while i >= 0 and not toks[i].cap and (
        toks[i].low in cues.ADVERBS or (toks[i].low.endswith("ly") and len(toks[i].text) > 4
                                        and not _is_person_noun(toks[i].low))  # "the family said"
    ):
        i -= 1
    return i


def _skip_setting(toks: list[Tok], i: int) -> int:
    """The last token before the adjuncts of time or medium that end at ``i`` ("The White House
    on Tuesday said", "Lopez in an interview with CNN said"); ``i`` if there are none. Other
    phrases ("The Council on Foreign Relations") belong to the subject and stay."""
    first = max(1, i - _SETTING_TOKENS)
    if not may_hold_setting(toks[first:i + 1]):
        return i
    head = toks if i + 1 == len(toks) else toks[:i + 1]  # the adjuncts must end right at ``i``
    for j in range(first, i + 1):  # earliest start first: the longest run
        if is_setting(head, j) and adjuncts_end(head, j) == i + 1:
            return j - 1
    return i


_GROUP_PRONOUNS: Final = frozenset({"them", "us"})  # counted in "one of them", "some of us"
_RELATIVE_PRONOUNS: Final = frozenset({"who", "that", "which"})
_RELATIVE_TOKENS: Final = 8  # the longest relative clause stepped over between a subject's head and its cue
# Words that follow a verb, not a noun: an object, "not", or a particle or preposition that
# seldom qualifies a noun ("who spoke on condition of anonymity", "who voted against it").
_OBJECT_STARTS: Final = cues.DETERMINERS | {"him", "her", "them", "us", "it", "me", "not", "to", "on", "for",
                                            "about", "against", "into", "out", "up", "off"}


def _opens_verb_phrase(toks: Sequence[Tok], v: int, i: int) -> bool:
    """Is ``toks[v]`` the verb of a relative clause that ends at ``toks[i]``, rather than the
    subject of an object relative ("the man who [police] said": police speak)? An auxiliary,
    a past form ("that [expanded] Medicaid", "that [flooded]") or a plain word with an object
    after it ("who [oversee] the program") is a verb; a noun or a lone word is not."""
    tok = toks[v]
    if tok.low in cues.FINITE_AUXILIARIES:
        return True
    if tok.cap or not tok.text.isalpha() or tok.low in _STOP_LOWER or tok.low in cues.QUANTIFIERS:
        return False
    after = toks[v + 1] if v < i else None
    if after is not None and after.low in _CENTRAL_DETERMINERS:
        return True  # no noun takes an article after it, so even "review" is a verb in "who review the"
    if _is_person_noun(tok.low) or _is_org_noun(tok.low):
        return False
    return tok.low.endswith("ed") or after is not None and (
        after.low in _OBJECT_STARTS or after.text[0].isdigit() or after.cap and after.text not in cues.DATE_WORDS
    )


def _relative_clause_start(toks: Sequence[Tok], i: int, reported: str | None = None) -> int | None:
    """Where a subject relative clause that ends at ``toks[i]`` starts, after the noun it
    qualifies ("Officials [who oversee the program] said", "Residents of the towns [that
    flooded] said"), or None. The clause is no part of the speaker, whose head is that noun.
    ``reported``, the text from the cue on, when ``toks[i]`` ends right before the cue."""
    for r in range(i - 1, max(0, i - _RELATIVE_TOKENS), -1):
        tok = toks[r]
        if not tok.text[0].isalnum():
            return None
        if tok.low in _RELATIVE_PRONOUNS:
            noun = toks[r - 1]
            if not noun.text.isalpha() or noun.low in _STOP_LOWER or noun.low in cues.CUE_LEMMA:
                return None  # "warned that ...", "so that ...": no noun to qualify
            v = _skip_adverbs_forward(toks, r + 1, i)
            if v <= i and (_opens_verb_phrase(toks, v, i) or reported is not None and _verb_and_bare_object(
                toks, r, v, i, reported
            )):
                return r
            return None
    return None


_OBJECT_RELATIVE_VERB: Final = re.compile(r"\w+\s+(\w+)")  # the cue word and the word after it


def _verb_and_bare_object(toks: Sequence[Tok], r: int, v: int, i: int, reported: str) -> bool:
    """Is the relative clause at ``toks[r]`` a verb and a bare noun ("Groups that [represent
    farmers] said", "Residents who [lost homes] said")? Its head is a people or organisation
    noun, and the cue is followed by a clause of its own: in an object relative the same words
    are a modifier and the subject of the cue, whose reported verb follows it with no subject
    ("the man who local police said [fired] the shots", "said [was] armed"). The head's phrase
    opens the clause: after a verb ("told reporters that local officials said") "that" is a
    complementiser. ``reported`` is the text from the cue on."""
    head, verb, obj = toks[r - 1], toks[v], toks[i]
    if v + 1 != i or not (_is_person_noun(head.low) or _is_org_noun(head.low)):
        return False
    start = _np_backward(toks, r - 1)
    if start is None or start > 0 and toks[start - 1].text[0].isalnum() and toks[start - 1].low not in ("and", "but"):
        return False
    if not all(t.text.isalpha() and not t.cap and t.low not in _STOP_LOWER and t.low not in cues.ADVERBS
               for t in (verb, obj)) or _is_person_noun(verb.low) or _is_org_noun(verb.low):
        return False
    after = _OBJECT_RELATIVE_VERB.match(reported)
    return after is None or not (after.group(1) in cues.FINITE_AUXILIARIES or after.group(1).endswith("ed"))


def _skip_adverbs_forward(toks: Sequence[Tok], v: int, i: int) -> int:
    """The first token at or after ``v`` (up to ``i``) that is no adverb ("who [also] run")."""
    while v < i and not toks[v].cap and toks[v].low in cues.ADVERBS and toks[v].low not in cues.FINITE_AUXILIARIES:
        v += 1
    return v


def _skip_parenthesis(toks: Sequence[Tok], i: int) -> int:
    """The token before a short parenthesis that ends at ``i``, or ``i``: a parenthesis between
    the speaker and the verb, "Sen. Ted Cruz (R-Texas) said", "the World Health Organization
    (WHO) said"."""
    if i > 1 and toks[i].text == ")":
        j = i - 1
        while j > 0 and i - j <= _PAREN_TOKENS and toks[j].text not in "()":
            j -= 1
        if toks[j].text == "(" and j > 0:
            return j - 1
    return i


def speaker_before(text: str, lo: int, hi: int, plural_verb: bool = False) -> Mention | None:
    """The speaker mention that ends right before a cue at ``hi`` (window starts at ``lo``)."""
    toks = tokenize(text, max(lo, hi - 400), hi)
    i = _skip_adverbs(toks, len(toks) - 1)
    if i > 1 and toks[i].text == "." and toks[i - 1].low in _POSTNOMINALS and toks[i - 2].cap:
        i -= 1  # "Robert F. Kennedy Jr. said", "Apple Inc. said": the name ends at its suffix
    # "Officials who oversee the program said": the officials speak. The clause is looked for
    # before the setting too, as it may end in one ("who spoke on condition of anonymity").
    relative = _relative_clause_start(toks, i, text[hi:hi + 40]) if i > 2 else None
    if relative is None:
        setting = _skip_setting(toks, i)
        if setting != i:  # (else the clause was looked for at ``i`` already, with more leeway)
            i = _skip_adverbs(toks, setting)
            relative = _relative_clause_start(toks, i) if i > 2 else None
    if relative is not None:
        i = relative - 1
        head = _np_backward(toks, i)
        if head is not None and head > 1 and toks[head - 1].text == "," and toks[head].low in ("the", "a", "an"):
            # "Sen. Mark Warner, the Virginia Democrat who chairs the committee, said": the
            # relative clause ends an apposition; the speaker is named before its comma
            return speaker_before(text, lo, toks[head - 1].start, plural_verb)
    if i > 1 and relative_participle(toks, i):
        # "A report released Tuesday said": the document speaks; but in "a memo released Friday
        # by the county said", where "Friday by the county" passed for a setting, its author
        author = _relative_author_at(toks, i)
        if author:
            return _author_body(text, _speaker_after(text, toks[author:], False))
        i -= 1
    if i > 1 and toks[i].low == "as":
        # "Interfax quoted Foreign Minister Sergei Lavrov as saying": the quoted person speaks
        start = _np_backward(toks, i - 1)
        if start is not None and start > 0 and toks[start - 1].low in ("quoted", "cited"):
            return _classify(text, toks[start:i])
        # "Lavrov was quoted [by Interfax] as saying": the subject of the passive speaks
        verb = start - 2 if start is not None and start > 1 and toks[start - 1].low == "by" else i - 1
        if verb > 1 and toks[verb].low in ("quoted", "cited") and toks[verb - 1].low in cues.BE_FORMS:
            subject = _np_backward(toks, verb - 2)
            if subject is not None:
                return _classify(text, toks[subject:verb - 1])
    i = _skip_parenthesis(toks, i)
    if i < 0:
        return None
    tok = toks[i]
    if tok.low in cues.SUBJECT_PRONOUNS and i > 0 and toks[i - 1].low in ("the", "a"):
        # "the i reporting": a title that looks like a pronoun (newspaper, album, brand)
        a = toks[i - 1].start
        return Mention(a, tok.end, text[a:tok.end], "organization")
    if tok.low in cues.SUBJECT_PRONOUNS:
        return Mention(tok.start, tok.end, tok.text, "pronoun")
    if tok.low in _GROUP_PRONOUNS:
        count = _count_before(toks, i)
        if count < i:  # "One of them said", "many of us": a counted pronoun; the group is "them"
            a = toks[count].start
            return Mention(a, tok.end, text[a:tok.end], "pronoun", tok.low)
    if tok.low == "who" and i > 0 and toks[i - 1].text == ",":
        return speaker_before(text, lo, toks[i - 1].start)
    # (only a plural verb reads them: its subject may be a list "X, Y and Z")
    commas = [k for k in range(i) if toks[k].text == ","] if plural_verb else []
    first: int | None  # where the subject phrase starts, as each rule below finds it (None: nowhere)
    if plural_verb and commas and tok.text != "," and any(t.low == "and" for t in toks[commas[0]:i]):
        first = 0
        if toks[first].low in cues.DETERMINERS or toks[first].cap and toks[first].text not in cues.NON_NAME_CAPS:
            conj = _classify(text, toks[first:commas[0]])
            if conj is not None and conj.kind != "pronoun":
                a, b = toks[first].start, toks[i].end
                return Mention(a, b, text[a:b], conj.kind, conj.core, True)
    named_apposition: Sequence[Tok] | None = None  # the first capitalised apposition skipped
    if tok.text == ",":
        if plural_verb and commas:
            first = next((k for k in range(i) if toks[k].text not in ",;:"), None)
            if first is not None and (toks[first].cap or toks[first].low in cues.DETERMINERS):
                conj = _classify(text, toks[first:commas[0]])
                if conj is not None:
                    a, b = toks[first].start, toks[i - 1].end
                    return Mention(a, b, text[a:b], conj.kind, conj.core, True)
        end = i - 1
        for _ in range(2):  # skip up to two appositions: "X, 45, a teacher, said"
            prev = next((k for k in range(end, -1, -1) if toks[k].text in ",;:()"), None)
            if prev is None or toks[prev].text != ",":
                break
            appos = toks[prev + 1:end + 1]
            if not appos or prev == 0:
                break
            if not _is_apposition(appos) and not (
                # "..., curator at the University of Arkansas, Fayetteville, said": a one-word
                # place after a capitalised name qualifies that name, not the speaker
                len(appos) == 1 and appos[0].cap and toks[prev - 1].cap
                and any(t.text == "," for t in toks[:prev - 1]) and _name_gender(appos[0].text) is None
            ):
                break
            if named_apposition is None and appos[0].cap:
                named_apposition = appos
            end = prev - 1
        # "Rep. Jim Jordan (R-Ohio), the chairman of the committee, said"
        i = _skip_parenthesis(toks, end)
        if i < 0:
            return None
    start = _np_backward(toks, i)
    if start is None:
        start = _modifier_object(toks, i)
    topic = _topic_preposition(toks, start, i)
    if topic is not None:
        # "The report on Foreign Aid said": the document speaks, not its topic (unless the
        # document is itself the object of a modifier: "officials familiar with the report on")
        document = _np_backward(toks, topic - 1)
        if document is not None and not (document > 0 and toks[document - 1].low in _OBJECT_PREPOSITIONS) and (
            not _author_of(toks, topic) or _classify(text, toks[topic + 1:i + 1]) is None
        ):
            return _classify(text, toks[document:topic])
    if start is None:
        return _apposed_name(text, named_apposition)
    np_toks = toks[start:i + 1]
    if start >= 2 and toks[start - 1].low == "and" and i - start < 8:
        # "Both the school district and the police department have asserted ..."
        first = _np_backward(toks, start - 2)
        plural = plural_verb or any(t.low in ("have", "are", "were") for t in toks[i + 1:])
        # (not after a preposition: "prices rose in March and analysts have said")
        if first is not None and (plural or first > 0 and toks[first - 1].low == "both") and not (
            first > 0 and toks[first - 1].low in _STOP_LOWER
        ):
            if first > 0 and toks[first - 1].low == "both":
                first -= 1
            conj = _classify(text, toks[first:start - 1])
            if conj is not None and conj.kind != "pronoun" and start - 1 - first < 10:
                a, b = toks[first].start, toks[i].end
                return Mention(a, b, text[a:b], conj.kind, conj.core, True)
    # "Officials in Beijing said", "a person familiar with the talks said": the people noun
    # before the modifier is the speaker's head, not the modifier's object.
    first = start
    for length in (1, 2):
        k = start - length
        if _modifier_at(toks, k) == length:
            first = _np_backward(toks, k - 1)
            if first is None:
                first = start
            break
    np_toks = toks[_count_before(toks, first):i + 1]
    # "A leaked letter seen by Sky News": step over a reduced relative clause, unless it names
    # the document's author ("a statement issued by the ministry", "released Tuesday by").
    if start >= 2 and toks[start - 1].low == "by":
        p = _skip_setting(toks, start - 2)
        if re.search(r"(?:ed|en|seen)$", toks[p].low) and not _relative_author_at(toks, p):
            alt = _np_backward(toks, p - 1) if p >= 1 else None
            if alt is not None:
                np_toks = toks[alt:p]
    found = _classify(text, np_toks)
    if not _full_name(found):
        return _apposed_name(text, named_apposition) or found
    return found


def _apposed_name(text: str, apposition: Sequence[Tok] | None) -> Mention | None:
    """The person named in full in an apposition to a role, which is then the speaker ("the
    committee's top Democrat, Rep. Jamie Raskin of Maryland, said"); None if it names none."""
    named = _classify(text, list(apposition)) if apposition is not None else None
    return named if _full_name(named) else None


def _full_name(mention: Mention | None) -> bool:
    """Is the mention a person named by more than one word ("Jamie Raskin")?"""
    return mention is not None and mention.kind == "name" and " " in (mention.core or "")


# Prepositions after a document that name its topic, addressee or target ("the report on
# Foreign Aid", "a letter to the editor", "an analysis of its own traffic", "the lawsuit
# against the city"); "of" may also name its author ("the report of the Senate committee"),
# so there the object speaks if it can, except after a charging paper, whose "of" names the
# accused ("the indictment of Smith"), or a paper that examines what its "of" names.
_TOPIC_PREPOSITIONS: Final = frozenset({"on", "about", "to", "into", "over", "regarding", "concerning", "of",
                                        "against"})
_CHARGING_DOCUMENTS: Final = frozenset({"indictment", "subpoena", "warrant"})
# Documents whose "of" names what they examine ("a review of the program", "an audit of the agency")
_EXAMINING_DOCUMENTS: Final = frozenset({"review", "audit", "assessment", "study", "survey", "poll", "analysis", "summary"})
_TOPIC_TOKENS: Final = 8  # the longest topic stepped over between a document and its cue
_OBJECT_PREPOSITIONS: Final = cues.LISTENER_PREPOSITIONS | {"of", "into"}
_NOT_IN_TOPIC: Final = frozenset({"and", "or", "but", "that", "which", "who", "whom", "whose", "where",
                                  "when", "while", "is", "are", "was", "were", "has", "have", "had"})


def _author_of(toks: Sequence[Tok], topic: int) -> bool:
    """May the object of the preposition at ``toks[topic]`` be the document's author?"""
    return toks[topic].low == "of" and toks[topic - 1].low not in _CHARGING_DOCUMENTS and (
        toks[topic - 1].low not in _EXAMINING_DOCUMENTS
    )


def _topic_preposition(toks: Sequence[Tok], start: int | None, i: int) -> int | None:
    """The index of the preposition that joins a topic ending at ``toks[i]`` to a document
    noun before it, or None. When the noun phrase before the cue was found (``start``), it
    and the word before it are looked at ("A letter to President Joe Biden", "the report on
    [Foreign Aid]"); when it was not ("the memo on the Iran deal": no noun heads it), a few
    plain words back."""
    lo = start - 1 if start is not None else i - _TOPIC_TOKENS
    for k in range(i - 1, max(0, lo - 1), -1):
        tok = toks[k]
        if tok.low in _TOPIC_PREPOSITIONS:
            return k if toks[k - 1].low in _DOCUMENTS else None
        if start is None and (not tok.text[0].isalnum() and not _possessive(tok) or tok.low in _NOT_IN_TOPIC
                              or tok.low in cues.CUE_LEMMA):
            return None
    return None


# Modifiers after a people noun that hold another noun phrase: "officials in Beijing",
# "experts at the university", "a person familiar with the matter".
_POSTMODIFIERS: Final = (("in",), ("at",), ("from",), ("familiar", "with"), ("close", "to"), ("briefed", "on"))
# Members of a party, who may be qualified as people are ("Republicans close to the leadership")
_PARTY_MEMBERS: Final = frozenset({"democrats", "republicans", "conservatives", "liberals", "tories", "greens"})
_PARTICIPLE_PREPOSITIONS: Final = frozenset({"in", "at", "on", "for", "with", "from", "outside", "near", "inside"})


# Words in "-ing" that are nouns or prepositions after a noun ("the city planning commission",
# "officials during the talks"), not participles that qualify it.
_ING_NON_PARTICIPLES: Final = frozenset({"briefing", "building", "funding", "spending",
                                         "ruling", "training", "housing", "planning", "polling", "rating",
                                         "setting", "morning", "evening", "during", "according"})


def _ing_participle_after_body(toks: Sequence[Tok], k: int) -> bool:
    """Does an "-ing" participle at ``toks[k]`` qualify the people or body noun before it
    ("lawyers [representing] the family", "the union [representing] depot staff", "a group
    [opposing] the plan")? The noun heads the speaker; the participle's object does not."""
    word = toks[k].low
    return (not toks[k].cap and len(word) > 5 and word.endswith("ing") and word not in _ING_NON_PARTICIPLES
            and (_is_person_noun(toks[k - 1].low) or _is_org_noun(toks[k - 1].low)))


def _modifier_at(toks: Sequence[Tok], k: int) -> int:
    """The number of words of a modifier that starts at ``toks[k]`` right after a people or
    document noun ("officials [in] Beijing", "a person [familiar with] the talks", "a statement
    [from] the company", "the union [representing] depot staff"), or 0."""
    if k < 1:
        return 0
    if _ing_participle_after_body(toks, k):
        # with its preposition: "officials [meeting in] Geneva", "lawyers [working for] the firm"
        return 2 if k + 1 < len(toks) and toks[k + 1].low in _PARTICIPLE_PREPOSITIONS else 1
    if not (_is_person_noun(toks[k - 1].low) or toks[k - 1].low in _DOCUMENT_NOUNS or toks[k - 1].low in _PARTY_MEMBERS):
        return 0
    if _author_at(toks, k):
        return 1
    if toks[k].low == "of" and _singular(toks[k - 1].low) != toks[k - 1].low and _is_person_noun(toks[k - 1].low):
        return 1  # "critics of the plan", "members of Congress"; not "Minister of Education X"
    for words in _POSTMODIFIERS:
        if tuple(t.low for t in toks[k:k + len(words)]) == words:
            return len(words)
    return 0


def _author_at(toks: Sequence[Tok], k: int) -> int:
    """Where the author starts after a document noun and its "from" or "by" at ``toks[k]``
    ("a statement [from] the company", "the post [by] an unknown author"), or 0: the author of a
    statement is its speaker."""
    return k + 1 if 0 < k < len(toks) - 1 and _names_author(toks[k - 1], toks[k]) else 0


def _author_body(text: str, mention: Mention | None) -> Mention | None:
    """The author of a document or of data as a body when it is one capitalised word that is
    no known first name ("data from FactSet", "a report by Morningstar"): sources that
    publish are mostly organisations. ``refine`` makes it a name again when the article
    names a person so ("a statement from Smith" after "John Smith"). An owner before a
    possessive stays a person ("a statement from Smith's office")."""
    if mention is None or mention.kind != "name" or mention.group or " " in mention.text:
        return mention
    word = mention.core or mention.text
    if word != mention.text or _name_gender(word) is not None or text[mention.end:mention.end + 1] in ("'", "’"):
        return mention
    return Mention(mention.start, mention.end, mention.text, "organization")


def _past_participle(tok: Tok) -> bool:
    return not tok.cap and (tok.low.endswith("ed") or tok.low in cues.IRREGULAR_PARTICIPLES)


def relative_participle(toks: Sequence[Tok], k: int) -> bool:
    """Does a past participle at ``toks[k]`` open a reduced relative clause after a document
    noun ("a statement [issued] by the ministry", "an indictment [unsealed] Wednesday")? The
    clause qualifies the document and is no part of its mention."""
    return 0 < k and _past_participle(toks[k]) and _singular(toks[k - 1].low) in _DOCUMENTS


def people_postmodifier(toks: Sequence[Tok], k: int) -> bool:
    """Does ``toks[k]`` open a phrase that qualifies a people noun before it: a reduced
    relative clause ("officials [briefed] on the case", "people [involved] in the talks") or
    an adjective with its object ("people [familiar with] the talks")? After "according to",
    the phrase runs to the comma, where the reported clause starts."""
    return 0 < k and _is_person_noun(toks[k - 1].low) and (_past_participle(toks[k]) or _modifier_at(toks, k) == 2)


def _relative_author_at(toks: Sequence[Tok], k: int) -> int:
    """Where the author starts in a reduced relative of making at ``toks[k]``, after a document
    ("a report [released] Tuesday by the Pentagon"), or 0: the author speaks through it, as
    through "a statement from the company"."""
    if not (k < len(toks) and toks[k].low in cues.AUTHORING_PARTICIPLES and relative_participle(toks, k)):
        return 0
    j = k + 1
    while j < len(toks) and toks[j].low != "by":  # step over "Tuesday", "in federal court"
        j = adjunct_end(toks, j) or len(toks)
        if j - k > _SETTING_TOKENS:
            return 0
    return j + 1 if j + 1 < len(toks) else 0


# Counts that speak for whoever compiled them: "data from FactSet" is FactSet's word.
_COMPILED_DATA: Final = frozenset({"data", "figures", "statistics", "numbers", "estimates"})


def _names_author(document: Tok, word: Tok) -> bool:
    return word.low in ("from", "by") and (document.low in _DOCUMENTS or document.low in _COMPILED_DATA)


def introduces_author(words: Sequence[Tok]) -> bool:
    """Are the words a document and its "from" or "by" ("a statement from"), before its author?"""
    body = words[1:] if words and words[0].low in cues.DETERMINERS else words
    return len(body) == 2 and _names_author(*body)


def introduces_name(text: str, toks: Sequence[Tok]) -> bool:
    """Are the tokens a role and the comma of an apposition, before a name ('"...," the
    party's chairman, David Shafer, said')?"""
    if len(toks) < 2 or toks[-1].text != ",":
        return False
    role = _classify(text, list(toks[:-1]))
    return role is not None and role.kind == "role"


def _modifier_object(toks: Sequence[Tok], i: int) -> int | None:
    """Start of the few words ending at ``toks[i]`` that are the object of a modifier after a
    people noun, whatever their own head: "people familiar with [the matter]"."""
    for j in range(i, max(0, i - 4), -1):
        if not toks[j].text[0].isalpha():
            return None
        if _modifier_at(toks, j - 1) == 1 or _modifier_at(toks, j - 2) == 2:
            return j
    return None


_PAREN_TOKENS: Final = 8  # longest parenthesis skipped between a speaker and the verb
_SETTING_TOKENS: Final = 10  # longest run of adjuncts skipped there ("in an interview with CNN on Tuesday")
# A party and state after a politician's name: "R-Ky.", "D-N.Y.", "I-Vt.", "R-Texas".
_PARTY_STATE: Final = re.compile(r"[A-Z]-[A-Z][A-Za-z.]*")


def _is_apposition(toks: Sequence[Tok]) -> bool:
    first = toks[0]
    if len(toks) <= 2 and _PARTY_STATE.fullmatch("".join(t.text for t in toks)):
        return True
    if first.low in cues.DETERMINERS or first.text[0].isdigit():
        return True
    if not first.cap and first.text[0].isalpha():
        return True
    if len(toks) <= 2 and all(t.low in _POSTNOMINALS or t.text.isupper() for t in toks):
        return True
    # "Panama coach", "USI associate professor of art history", "Republican from Texas"
    if any(t.low in ("of", "from", "for", "at", "in", "with") for t in toks[1:]):
        return True
    return any(not t.cap and _is_person_noun(t.low) for t in toks) or toks[-1].low in cues.TITLES


def speaker_after(text: str, lo: int, hi: int) -> Mention | None:
    """The mention right after a cue: "said Ambassador Mohib", "according to the Crown prosecutor,
    Mark Tedeschi, QC, ..." (a role followed by a name in apposition gives the name)."""
    hi = min(hi, lo + 400)
    # The mention is a few tokens long: read the first ones, and the whole window only if
    # the rules below reach the end of them.
    toks = tokenize_head(text, lo, hi, _AFTER_HEAD)
    if len(toks) == _AFTER_HEAD:
        found = _speaker_after(text, toks, True)
        if found is not _MORE:
            return found
        toks = tokenize(text, lo, hi)
    return _speaker_after(text, toks, False)


_AFTER_HEAD: Final = 12
_MORE: Final = object()  # "needs more tokens than given"


def _speaker_after(text: str, toks: list[Tok], truncated: bool):
    """``speaker_after`` on the tokens of its window; if ``truncated`` (``toks`` may be only
    the first tokens of the window), ``_MORE`` when the rules would read or test a position
    at or past the last given token, where the answer could differ from the whole window's."""
    j = 0
    n = len(toks)
    while j < n and toks[j].text in ",:":
        j += 1
    if j < n and toks[j].low in cues.SUBJECT_PRONOUNS:
        return Mention(toks[j].start, toks[j].end, toks[j].text, "pronoun")
    start = j
    modifiers = 0
    while j < n:
        tok = toks[j]
        low = tok.low
        if j > start and relative_participle(toks, j):
            break  # "according to an indictment unsealed Wednesday": the clause is no part of it
        if tok.cap and (j == start or tok.text not in cues.NON_NAME_CAPS):
            pass
        elif low in cues.DETERMINERS and j == start:
            pass
        elif tok.text == "." and j > start and (toks[j - 1].low in cues.TITLES or _initial(toks[j - 1].text)):
            pass
        elif (low in _CONNECTORS or low in cues.NAME_PARTICLES) and j + 1 < n and (
            toks[j + 1].cap or toks[j + 1].low == "the" or _compound_title(toks, j + 1)
        ) and j > start:
            pass
        elif _in_phrase(tok) and low not in _STOP_LOWER and (low not in cues.CUE_LEMMA or _cue_participle_modifier(toks, j, n - 1)) and (
            _is_person_noun(_unpossessed(low)) or _is_org_noun(_unpossessed(low)) or modifiers < 2
        ):
            if not (_is_person_noun(_unpossessed(low)) or _is_org_noun(_unpossessed(low))):
                modifiers += 1
        else:
            break
        j += 1
    if truncated and j + 1 >= n:
        return _MORE
    # shrink back to the last noun-like token
    end = j
    while end > start and not (
        toks[end - 1].cap or _is_person_noun(toks[end - 1].low) or _is_org_noun(toks[end - 1].low)
        or _compound_title(toks, end - 1) or end < n and _names_author(toks[end - 1], toks[end])
    ):
        end -= 1
    if truncated and end > start and toks[end].low in cues.AUTHORING_PARTICIPLES and end + 2 + _SETTING_TOKENS >= n:
        return _MORE  # its author may come after the given tokens
    by_author = (_author_at(toks, end) or _relative_author_at(toks, end)) if end > start else 0
    if by_author:
        # "said the post by an unknown author", "according to a report released Tuesday by the
        # Pentagon": the author speaks through the document
        author = _speaker_after(text, toks[by_author:], truncated)
        if author is not None:
            return author if author is _MORE else _author_body(text, author)
    mention = _classify(text, toks[start:end])
    if mention and mention.kind in ("role", "organization") and end + 1 < n and toks[end].text == ",":
        k = end + 1
        m = k
        while m < n and toks[m].text not in ",.;:" and m - k < 6:
            m += 1
        if truncated and m >= n:
            return _MORE
        named = _classify(text, toks[k:m])
        if named and named.kind == "name" and not named.group:
            return named
    return mention


# Words that open a clause before its subject: connectives, and the conjunctions and
# participles of an opening subordinate clause, which runs to its comma ("When asked about
# it, Lee ...", "Speaking to reporters, the senator ...").
_CONNECTIVES: Final = frozenset({"but", "and", "so", "yet", "meanwhile", "however", "also", "still",
                                 "then", "later", "earlier", "separately", "instead", "now"})
_SUBORDINATORS: Final = frozenset({"when", "after", "before", "while", "as", "although", "though",
                                   "because", "since", "if", "once", "despite", "asked", "speaking",
                                   "writing", "responding", "addressing"})
_OPENER_TOKENS: Final = 24  # a clause whose subject comes later than this is left alone
_SUBJECT_MODIFIERS: Final = 3  # lowercase words before a subject's head: "the embattled former ..."


def clause_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The subject that opens the clause ``[lo, hi)``, after connectives and an opening
    adjunct ("On Tuesday, the White House ...") or subordinate clause ("When asked about the
    plan, Lee ..."); None if the clause opens with no speaker-like noun phrase."""
    toks = tokenize_head(text, lo, hi, _OPENER_TOKENS)
    k = 0
    while k < len(toks) and (toks[k].low in _CONNECTIVES or toks[k].text == ","):
        k += 1
    if k < len(toks) and toks[k].low in _SUBORDINATORS:
        k = next((j + 1 for j in range(k, len(toks)) if toks[j].text == ","), len(toks))
    else:
        k = adjuncts_end(toks, k)
    while k < len(toks) and toks[k].text == ",":
        k += 1
    if k < len(toks) and toks[k].low in cues.SUBJECT_PRONOUNS:
        return Mention(toks[k].start, toks[k].end, toks[k].text, "pronoun")
    end = _subject_end(toks, k)
    return _classify(text, toks[k:end]) if end > k else None


# Auxiliaries of a clause told in the writer's tense ("but the senator has defended it");
# modals ("would", "could") are left out, as they go on with a report more often.
_TENSE_AUXILIARIES: Final = cues.FINITE_AUXILIARIES - cues.MODALS
_NEW_SUBJECT_TOKENS: Final = 12  # a new clause's subject and verb come within this many tokens
_OPENER_LOOKBACK: Final = 2  # sentences back in which "they" finds a group that did not speak


def subject_with_verb(text: str, lo: int, hi: int) -> Mention | None:
    """The subject that opens a clause at ``lo`` (a pronoun, a name, a role or a body, not a
    thing) when a verb that is no modal follows it right away ("the senator defended it",
    "supporters praised ...", "she refused ..."); None otherwise."""
    toks = tokenize_head(text, lo, hi, _NEW_SUBJECT_TOKENS)
    subject: Mention | None
    if toks and toks[0].low in cues.SUBJECT_PRONOUNS:
        end, subject = 1, Mention(toks[0].start, toks[0].end, toks[0].text, "pronoun")
    else:
        end = _subject_end(toks, 0)
        subject = _classify(text, list(toks[:end])) if end else None
    if subject is None or end >= len(toks):
        return None
    verb = toks[end]
    if verb.cap or not verb.text.isalpha() or verb.low in _STOP_LOWER and not (
        verb.low in _TENSE_AUXILIARIES or verb.low in cues.CUE_LEMMA
    ):
        return None
    return subject


def new_speaker_clause(text: str, lo: int, hi: int) -> bool:
    """Does a clause open at ``lo`` with a subject that names someone, not a pronoun, and its
    verb (``subject_with_verb``)? After ", but" or ", while" in a report, such a clause is the
    writer's, not the speaker's ("imports fell", "it could still pass" may go on with it)."""
    subject = subject_with_verb(text, lo, hi)
    return subject is not None and subject.kind != "pronoun"


def _subject_end(toks: Sequence[Tok], k: int) -> int:
    """The end of the noun phrase that starts at ``k`` and is a clause's subject: a
    determiner, a few modifiers, then the head (capitalised words, people and organisation
    nouns, joined by connectors: "Secretary of State Mike Pompeo"). The first lowercase word
    after the head is the verb ("The senator criticised"); ``k`` if there is no head (an
    owner's noun is none: "the company's shares")."""
    j = k
    if j < len(toks) and toks[j].low in cues.DETERMINERS:
        j += 1
    head = k
    modifiers = 0
    while j < len(toks):
        tok = toks[j]
        low = _unpossessed(tok.low)
        if _possessive(tok):
            head, modifiers = k, 0  # an owner: the head comes after it ("the agency's new chief")
        elif tok.cap or _is_person_noun(low) or _is_org_noun(low):
            head = j + 1
        elif tok.text == "." and j > k and (toks[j - 1].low in cues.TITLES or _initial(toks[j - 1].text)):
            pass  # "Sen. Susan Collins", "John F. Kennedy"
        elif (low in _CONNECTORS or low in cues.NAME_PARTICLES) and head > k and j + 1 < len(toks) and toks[j + 1].cap:
            pass
        elif head == k and tok.text[0].isalpha() and low not in _STOP_LOWER and modifiers < _SUBJECT_MODIFIERS:
            modifiers += 1
        else:
            break
        j += 1
    return head


# --- Resolution ---------------------------------------------------------------------------


@dataclass(slots=True)
class Person:
    name: str
    tokens: tuple[str, ...]
    first: int
    in_body: bool
    gender: str | None = None
    roles: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Resolved:
    name: str | None
    kind: str
    plural: bool = False


_LONG_NAME: Final = 7  # letters from which a misspelt surname may differ by two edits


# First words of what follows a name and its comma that make it a clause, not an apposition.
_NOT_APPOSITION: Final = frozenset(cues.CUE_LEMMA) | cues.SUBJECT_PRONOUNS | cues.FINITE_AUXILIARIES


def _apposition_words(text: str, lo: int, hi: int) -> list[str]:
    """The lowercase words of an apposition after a name and its comma, up to the punctuation
    that ends it; the stop of a title ("Mrs. Clinton's campaign manager") does not end it."""
    words: list[str] = []
    while True:
        apposition = _APPOSITION.match(text, lo, hi)
        assert apposition is not None  # (the pattern matches the empty string too)
        stop = apposition.end()
        words += [w.lower() for w in _TOKEN.findall(text, lo, stop)]
        if not (text.startswith(".", stop) and words and words[-1] in cues.TITLES and stop + 1 < hi):
            return words
        lo = stop + 1


def _after_possessor(words: list[str]) -> list[str]:
    """The words of an apposition after its possessor, if it has one: in "Mrs. Clinton's
    campaign manager", "Mrs." is Clinton's title, not the manager's."""
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(("'s", "’s")) or words[k] in ("'", "’"):  # (as ``_possessive`` reads a token)
            return words[k + 1 :]
    return words


class SpeakerResolver:
    """Article-level knowledge: the people it names, their roles, its acronyms, and the
    speakers seen so far (fed back by the extractor in document order)."""

    def __init__(self, text: str, sentences: Sequence[Sentence]):
        self.text = text
        self.sentences = sentences
        self._starts = [s.start for s in sentences]
        self.people: list[Person] = []
        self._by_last: dict[str, list[Person]] = {}
        self._by_token: dict[str, list[Person]] = {}
        # (position, sentence index, person) for every person mention, in document order
        self.person_mentions: list[tuple[int, int, Person]] = []
        self.acronyms: dict[str, str] = {}
        self.history: list[tuple[int, int, Resolved]] = []  # (position, sentence, resolution)
        self.organisations: list[tuple[int, frozenset[str], str]] = []  # (position, words, name)
        self._scan()

    # building the registry ---------------------------------------------------------------
    def _scan(self) -> None:
        text = self.text
        single: list[tuple[int, int, str, tuple[str, ...] | None]] = []
        # The analysis of a name run depends only on its words, and an article repeats its
        # names, so each distinct run (with its lowercase prefix) is analysed once.
        # The key is the analysed window's text: the run with its left context, or the run
        # alone when that context cannot change the analysis (see ``_inert_left``).
        memo: dict[str, _NamesInWindow] = {}
        inert_memo: dict[str, bool] = {}
        sentences = self.sentences
        non_name_caps = cues.NON_NAME_CAPS
        # Body before captions and titles, so "Sergei" (body) beats "Sergey" (caption).
        order = [k for k, sent in enumerate(sentences) if sent.block == "body"]
        order += [k for k, sent in enumerate(sentences) if sent.block != "body"]
        for k in order:
            sent = sentences[k]
            in_body = sent.block == "body"
            sent_start = sent.start
            for m in _NAME_RUN.finditer(text, sent_start, sent.end):
                a, run_end = m.span()
                word = m.group()
                floor = sent_start  # the analysis never looks before this
                alone = " " not in word  # a lone word is looked up later, unless a title or "." goes with it
                prefix = None
                if a - 1 > floor:
                    before = text[a - 2]
                    if before.islower():
                        # a lowercase title right before the name ("team member Rodaba Noori")?
                        lo = a - 30 if a - 30 > floor else floor
                        sp = text.rfind(" ", lo, a - 1)  # (-1, or a space at ``lo`` or after)
                        if text[sp + 1 if sp >= 0 else lo:a - 1] in _LOWER_TITLES:
                            prefix = _LOWER_PREFIX.search(text, a - 40 if a - 40 > floor else floor, a)
                            if prefix is not None:
                                alone = False
                    elif before == "." and a - 3 >= floor:
                        alone = False  # a word after "." is analysed with it ("Gen. Smith")
                elif a == floor and not alone and text[run_end:run_end + 1] == ":":
                    verb, _, rest = word.partition(" ")
                    if verb.lower() in cues.CUE_LEMMA:
                        # "Said Trump: ...": an inverted attribution, not a name "Said Trump"
                        a = floor = a + len(verb) + 1
                        word = rest
                        alone = " " not in word
                if alone:
                    if word[-1] in "'’s":
                        word = word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")
                    if word not in non_name_caps:
                        single.append((a, k, word, None))
                    continue
                if prefix is not None:
                    base = prefix.start()
                else:
                    # The few characters before the run matter only when they hold a
                    # capitalised token or end with a title or role word; otherwise the
                    # analysis is that of the run alone, shared by all its occurrences.
                    base = a - 6 if a - 6 > floor else floor
                    left = text[base:a]
                    inert = inert_memo.get(left)
                    if inert is None:
                        inert = inert_memo[left] = _inert_left(left)
                    if inert:
                        base = a
                key = text[base:run_end]
                found = memo.get(key)
                if found is None:
                    found = memo[key] = self._analyse_run(text, base, run_end)
                for multi, words, rel_start, rel_end, roles in found:
                    pos = base + rel_start
                    if multi is None:
                        self.organisations.append((pos, frozenset(words), text[pos:base + rel_end]))
                        continue
                    if not multi:
                        single.append((pos, k, words[0], roles))
                        continue
                    person = self._register(words, in_body, pos)
                    if roles:
                        self._note_roles(person, roles)
                    end = base + rel_end
                    if text[end:end + 1] == ",":
                        # apposition right after the name: "Jeff Rathke, the State Department Spokesperson,"
                        apposition_words = _apposition_words(text, end + 1, min(sent.end, end + 120))
                        if apposition_words and apposition_words[0] not in _NOT_APPOSITION:
                            # (not ", said it violated ..." or ", did not respond ...": a clause)
                            self._note_roles(person, _after_possessor(apposition_words))
                    self.person_mentions.append((pos, k, person))
        by_last, by_token = self._by_last, self._by_token
        for pos, k, word, word_roles in single:
            if word_roles is None and word not in by_last and word not in by_token:
                continue  # (``lookup`` would find no one: most capitalised words name nobody)
            known = self.lookup(word)
            if known is not None:
                if word_roles is not None:
                    self._note_roles(known, word_roles)
                self.person_mentions.append((pos, k, known))
            elif word_roles is not None and any(r in cues.TITLES for r in word_roles):
                # "Ms Bauchtman" after "Lydia Buchtmann": a misspelt surname is the same person
                person = self.lookup(word, fuzzy=True) or self._register((word,), sentences[k].block == "body", pos)
                self._note_roles(person, word_roles)
                self.person_mentions.append((pos, k, person))
        self.person_mentions.sort(key=itemgetter(0))
        self._mention_pos = [m[0] for m in self.person_mentions]
        self._infer_genders()
        for m in _ACRONYM_DEF.finditer(text):
            acronym = m.group(1)
            spelled = _spelled_out(tokenize(text, max(0, m.start() - 120), m.start()), acronym)
            if spelled is not None:
                self.acronyms.setdefault(acronym, text[spelled[0]:spelled[1]])

    def _register(self, words: tuple[str, ...], in_body: bool, pos: int) -> Person:
        last = words[-1]
        for person in self._by_last.get(last, []):
            if len(words) == 1 or len(person.tokens) == 1 or person.tokens[0][0] == words[0][0]:
                if len(words) > len(person.tokens) and (in_body or not person.in_body):
                    person.name, person.tokens = " ".join(words), words
                    self._index(person)  # (else the index holds the person under its words already)
                return person
        person = Person(" ".join(words), words, pos, in_body)
        person.gender = _name_gender(words[0]) if len(words) > 1 else None
        self.people.append(person)
        self._index(person)
        return person

    def _index(self, person: Person) -> None:
        same_last = self._by_last.setdefault(person.tokens[-1], [])
        if person not in same_last:
            same_last.append(person)
        by_token = self._by_token
        for word in person.tokens:
            lst = by_token.setdefault(word, [])
            if person not in lst:
                lst.append(person)

    def _infer_genders(self) -> None:
        """Gender of people whose first name is not in the small lists, from the article: a
        sentence that names exactly one person, followed by "he"/"his" or "she"/"her" (in the
        rest of it or the next sentence) and by no pronoun of the other gender, is a vote."""
        votes: dict[int, list[int]] = {}
        by_sentence: dict[int, list[tuple[int, Person]]] = {}
        for pos, k, person in self.person_mentions:
            by_sentence.setdefault(k, []).append((pos, person))
        text = self.text
        for k, found in by_sentence.items():
            pos, person = found[0]
            if len(found) > 1 and any(p is not person for _, p in found):
                continue
            if person.gender is not None or pos - self.sentences[k].start > 40:
                continue  # only a person in subject position, near the sentence start
            # the rest of the sentence, and the first words of the next one ("She opened ...")
            hi = self.sentences[k + 1].start + 12 if k + 1 < len(self.sentences) else self.sentences[k].end
            window = text[found[-1][0]:min(hi, found[-1][0] + 600)]
            male = _HE.search(window) is not None
            female = _SHE.search(window) is not None
            if male != female:
                v = votes.setdefault(id(person), [0, 0])
                v[0 if male else 1] += 1
        for person in self.people:
            tally = votes.get(id(person))
            if tally and person.gender is None and tally[0] != tally[1]:
                person.gender = "m" if tally[0] > tally[1] else "f"

    @staticmethod
    def _analyse_run(text: str, lo: int, hi: int) -> _NamesInWindow:
        """Person names in a window: (several words?, name words, start and end relative to
        ``lo``, the lowercase title and role words written before the name)."""
        plain = _plain_analysis(text[lo:hi])
        if plain is not None:
            return plain
        out: _NamesInWindow = []
        toks = tokenize(text, lo, hi)
        for run, _ in _sentence_runs(toks):
            core = person_core(run)
            k = toks.index(run[0])  # runs hold the very tokens of ``toks``, which are all distinct
            if k >= 2 and toks[k - 1].low in ("of", "for") and _org_word(toks[k - 2]) and toks[k - 2].cap:
                # "Municipality of Livorno", "Church of Scientology": a body named after a
                # place or a creed (the run before "of" holds the organisation word)
                j = k - 2
                while j > 0 and toks[j - 1].cap and toks[j - 1].text not in cues.NON_NAME_CAPS:
                    j -= 1
                whole = toks[j:k] + list(run[:1])
                out.append((None, tuple(t.low for t in whole), whole[0].start - lo, run[0].end - lo, ()))
                # a name may follow the organisation's: "University of Ohio Dayton Farah Qadri"
                rest = list(run[1:])
                core = person_core(rest) if len(rest) >= 2 else []
                if len(core) >= 3 and _name_gender(core[0].text) is None:
                    core = core[1:]  # a place word glued to the name
                if len(core) < 2:
                    continue
                run = rest
            if not core:
                if len(run) >= 2 and any(map(_org_word, run)):
                    # an organisation: "Municipality of Livorno", "Church of Scientology"
                    out.append((None, tuple([t.low for t in run]), run[0].start - lo, run[-1].end - lo, ()))
                continue
            first = core[0].start
            roles = () if first == run[0].start else tuple(  # the titles and roles before the name
                low for low in (t.low.rstrip(".") for t in run if t.start < first) if not low.endswith(("'s", "’s"))
            )
            if roles and k > 0 and not run[0].cap and _compound_noun(toks[k - 1]):
                roles = (toks[k - 1].low, *roles)  # "press secretary": a compound role's first noun
            out.append((len(core) > 1, tuple([t.text for t in core]), first - lo, core[-1].end - lo, roles))
        return out

    def _note_roles(self, person: Person, roles: Sequence[str]) -> None:
        """Add lowercase title, role or apposition words to the person's roles, and take the
        gender from the first that has one."""
        for low in roles:
            if not low:
                continue  # (the stop of "Sen." alone)
            person.roles.add(low)
            if person.gender is None:
                if low in _MALE_WORDS:
                    person.gender = "m"
                elif low in _FEMALE_WORDS:
                    person.gender = "f"

    def lookup(self, word: str, fuzzy: bool = False) -> Person | None:
        """The person a single name token refers to: surname first, then first name, then (if
        ``fuzzy``) a near-miss spelling of a surname ("Bauchtman" for "Buchtmann")."""
        people = self._by_last.get(word) or self._by_token.get(word)
        if people:
            if len(people) == 1:
                return people[0]
            return max(people, key=lambda p: (len(p.tokens), p.in_body, -p.first))
        if fuzzy and len(word) >= 5:
            # two slips only in a long name ("Bauchtman" for "Buchtmann"): in a short one they
            # make another name ("Heald" is not "Heagle")
            slips = 2 if len(word) >= _LONG_NAME else 1
            for last, people in self._by_last.items():
                if last[0] == word[0] and abs(len(last) - len(word)) <= slips and len(last) >= 5 and (
                    _within_edits(last, word, slips)
                ):
                    return people[0]
        return None

    # resolving -----------------------------------------------------------------------------
    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self._starts, pos) - 1)

    def resolve(self, mention: Mention | None, quoted: tuple[int, int] | None = None) -> Resolved:
        """The canonical speaker of a mention. ``quoted`` is the span of the words attributed
        to it: the people those words name are not what its pronoun stands for ('"We have got
        to defeat Donald Trump," he told his delegates')."""
        if mention is None:
            return Resolved(None, "name")
        pos = mention.start
        if mention.kind == "pronoun":  # "One of them" resolves as its group, "them"
            return self._resolve_pronoun((mention.core or mention.text).lower(), pos, quoted)
        if mention.kind == "name":
            words = (mention.core or mention.text).split()
            if mention.group and len(words) > 4:
                words = words[:2]
            person = None
            if len(words) == 1:
                person = self.lookup(words[0], fuzzy=True)
            else:
                person = self.lookup(words[-1])
                if person and person.tokens[0][0] != words[0][0] and len(person.tokens) > 1:
                    person = None
            name = person.name if person and len(person.tokens) >= len(words) else " ".join(words)
            return Resolved(name, "name")
        if mention.kind == "role":
            return self._resolve_role(mention, pos)
        return Resolved(self._org_name(mention), "organization", _plural_head(mention.text))

    def refine(self, mention: Mention | None) -> Mention | None:
        """A one-word "organisation" that the article uses as a person's name is a name
        ("Paris claims ..." after "Valeska Paris"), and so is the first word of a titled
        officer's body name (see ``_party_before_officer``)."""
        if mention is not None and mention.kind == "name" and not mention.group:
            return self._party_before_officer(mention)
        if mention is None or mention.kind != "organization" or " " in mention.text.strip():
            return mention
        word = mention.text.strip()
        if word in self._by_last or word in self._by_token:
            return Mention(mention.start, mention.end, mention.text, "name", word)
        return mention

    def _party_before_officer(self, mention: Mention) -> Mention:
        """"Trump and Homeland Security Secretary Kirstjen Nielsen" looks like the officer of a
        body named "Trump and Homeland Security" (``_body_before_title``); when the article
        names a person "Trump", the phrase is a group of two, led by that person."""
        first, joined, _ = mention.text.partition(" and ")
        if joined and " " not in first and (first in self._by_last or first in self._by_token):
            return Mention(mention.start, mention.end, mention.text, "name", first, True)
        return mention

    def remember(self, pos: int, resolved: Resolved, mention: Mention | None) -> None:
        plural = resolved.plural or bool(mention and mention.group)
        self.history.append((pos, self.sentence_of(pos), Resolved(resolved.name, resolved.kind, plural)))

    def _resolve_pronoun(self, word: str, pos: int, quoted: tuple[int, int] | None = None) -> Resolved:
        here = self.sentence_of(pos)
        if word in ("he", "she", "him", "her"):
            gender = "m" if word in ("he", "him") else "f"
            person = self._nearest_person(pos, here, gender, quoted)
            if person is not None:
                return Resolved(person.name, "name")
            # no person named nearby: a speaker named by a surname alone, the sentence before
            # ("Kennedy insisted he was no spoiler. "...," he said"), which the registry lacks
            if self.history:
                hpos, hsent, res = self.history[-1]
                if hpos < pos and here - hsent <= 1 and res.kind == "name" and res.name and not res.plural:
                    known = self._person_named(res.name)
                    if known is None or known.gender in (None, gender):
                        return Resolved(res.name, "name")
            return Resolved(None, "name")
        if word in ("they", "we", "them", "us"):
            # "Scientology officials went to the station, where they claimed ...": the plural
            # subject of the pronoun's own sentence comes first
            sent = self.sentences[here]
            group = self._plural_group(sent.start, pos) if pos > sent.start else None
            if group is not None:
                return group
            # the nearest earlier group: a plural or organisation speaker, or, for "they", a
            # group of people that opens a sentence before without speaking ("Officials at the
            # ministry declined to comment. They said ..."); a speaker of that sentence comes first
            opener = self._plural_opener(here) if word in ("they", "them") else None
            for hpos, hsent, res in reversed(self.history):
                if here - hsent > 6 or (opener is not None and hsent < opener[0]):
                    break
                if hpos < pos and res.name and (res.plural or res.kind == "organization"):
                    return Resolved(res.name, res.kind, True)
            return opener[1] if opener is not None else Resolved(None, "role", True)
        if word == "it":
            for hpos, hsent, res in reversed(self.history):
                if here - hsent > 6:
                    break
                if hpos < pos and res.name and res.kind == "organization":
                    return res
            return Resolved(None, "organization")
        return Resolved(None, "name")

    def _plural_opener(self, here: int) -> tuple[int, Resolved] | None:
        """The nearest of the sentences just before ``here`` that opens with a plural group of
        people or an organisation as its subject: that sentence's index, and who they are."""
        for k in range(here - 1, max(-1, here - 1 - _OPENER_LOOKBACK), -1):
            group = self._plural_group(self.sentences[k].start, self.sentences[k].end)
            if group is not None:
                return k, group
        return None

    def _plural_group(self, lo: int, hi: int) -> Resolved | None:
        """Who the clause ``[lo, hi)`` opens with, when its subject is a plural group of people or
        an organisation that resolves to a name; None otherwise."""
        subject = clause_subject(self.text, lo, hi)
        if subject is None or subject.kind not in ("role", "organization") or not _plural_head(subject.text):
            return None
        found = self.resolve(subject)
        return Resolved(found.name, found.kind, True) if found.name else None

    def _last_person(self, pos: int) -> Person | None:
        """The person named last before ``pos``, in its sentence or the two before; None if
        there is none so near."""
        k = bisect_right(self._mention_pos, pos) - 1
        if k >= 0:
            _mpos, msent, person = self.person_mentions[k]
            if self.sentence_of(pos) - msent <= 2:
                return person
        return None

    def _nearest_person(
        self, pos: int, here: int, gender: str | None, quoted: tuple[int, int] | None = None
    ) -> Person | None:
        """First gender-compatible person of the nearest sentence (the subject, usually),
        looking at the current sentence up to ``pos`` and then back up to five sentences."""
        hi = bisect_right(self._mention_pos, pos) - 1
        by_sentence: dict[int, list[Person]] = {}
        k = hi
        while k >= 0:
            mpos, msent, person = self.person_mentions[k]
            if here - msent > 5:
                break
            if quoted is None or not quoted[0] <= mpos < quoted[1]:
                by_sentence.setdefault(msent, []).append(person)
            k -= 1
        for people in by_sentence.values():
            people.reverse()  # in the order of the text (appended walking back: no insert at 0)
        # the latest speaker wins when it is recent and compatible
        for hpos, hsent, res in reversed(self.history):
            if hpos < pos and here - hsent <= 2 and res.kind == "name" and res.name:
                named = self._person_named(res.name)
                if named and named.gender in (None, gender) and (
                    here == hsent or not by_sentence.get(here)
                ):
                    recent = [p for s, ps in by_sentence.items() if s > hsent for p in ps]
                    if not any(p.gender == gender for p in recent if p is not named):
                        return named
            break
        # a person of the right gender, or of unknown gender with a title or role (a capitalised
        # run with neither, such as "Food Standards", is often an organisation), nearest first
        for sent in sorted(by_sentence, reverse=True):
            for person in by_sentence[sent]:
                if person.gender == gender:
                    return person
        for sent in sorted(by_sentence, reverse=True):
            for person in by_sentence[sent]:
                if person.gender is None and person.roles:
                    return person
        for sent in sorted(by_sentence, reverse=True):
            for person in by_sentence[sent]:
                if person.gender in (None, gender):
                    return person
        return None

    def _person_named(self, name: str) -> Person | None:
        return self.lookup(name.split()[-1])

    def _resolve_role(self, mention: Mention, pos: int) -> Resolved:
        written = [w for w in re.findall(r"[\w'’\-]+", mention.core or mention.text) if w.lower() not in cues.DETERMINERS]
        words = [w.lower() for w in written]
        if not words:
            return Resolved(None, "role")
        head = words[-1]
        # a capitalised modifier names a party, a country or a body: "the Democratic leader"
        # is not the person introduced as "Senate Majority Leader"
        proper = [w.lower() for w in written[:-1] if w[:1].isupper()]
        plural = _plural_head(mention.text)
        if not plural:
            best, best_score = None, 0
            # people mentioned before the role noun (nearest 300), else the first after it
            k = bisect_right(self._mention_pos, pos)
            window = self.person_mentions[max(0, k - 300):k] or self.person_mentions[k:k + 1]
            for mpos, _sent, person in window:
                if _holds_post(person.roles, head) and all(w in person.roles for w in proper):
                    score = 1 + sum(1 for w in words[:-1] if w in person.roles)
                    if score >= best_score:
                        best, best_score = person, score
            if best is not None:
                return Resolved(best.name, "name")
            if head.endswith(_AGE_NOUN_ENDINGS):
                # "Smith scored twice. '...,' the 25-year-old said": an age alone refers back,
                # as a pronoun does, to a person just named
                named = self._last_person(pos)
                if named is not None:
                    return Resolved(named.name, "name")
        for hpos, _hsent, res in reversed(self.history[-200:]):
            if hpos < pos and res.kind == "role" and res.name and res.name.split()[-1].lower() == head and all(
                w in res.name.lower().split() for w in proper
            ):
                return Resolved(res.name, "role", plural)
        # the head noun phrase, without the modifier after it: "officials in the states",
        # "people familiar with the matter" and "critics of the plan" are "officials", "people", "critics"
        return Resolved(_strip_determiner(mention.core or mention.text, lower=True), "role", plural)

    def _antecedent_org(self, mention: Mention) -> str | None:
        """"the city", "the Church": a bare definite noun names the nearest organisation
        before it whose name has that head noun ("Municipality of Livorno", "Church of
        Scientology"); None when the article names none."""
        words = mention.text.split()
        if len(words) != 2 or words[0].lower() != "the" or mention.group:
            return None
        head = _singular(words[1].lower())
        heads = _ORG_SYNONYMS.get(head, (head,))
        best = None
        for pos, names, name in self.organisations:
            if pos >= mention.start:
                break
            if any(h in names for h in heads):
                best = name
        if best is None:
            return None
        best = _strip_determiner(best)
        return self.acronyms.get(best, best)

    def _org_name(self, mention: Mention) -> str:
        named = self._antecedent_org(mention)
        if named is not None:
            return named
        phrase = mention.core or mention.text  # "the union representing depot staff" is "union"
        if mention.group:
            phrase = re.split(r",|\band\b|\bas well\b", phrase)[0]
        phrase = _strip_determiner(phrase, lower=True).strip(" ,")
        # "Saudi Arabia's Civil Defense Authority" -> the body itself
        parts = re.split(r"(?<=\w)['’]s\s+", phrase)
        if len(parts) > 1 and parts[-1][:1].isupper():
            phrase = parts[-1]
        return self.acronyms.get(phrase, phrase)


_ACRONYM_SMALL_WORDS: Final = frozenset({"of", "for", "and", "the", "de", "on", "to"})


def _spelled_out(toks: Sequence[Tok], acronym: str) -> tuple[int, int] | None:
    """Offsets of the name right before "(CDC)" that the acronym abbreviates: its capitalised
    words give the initials (all the letters of "U.S."), small words are skipped ("Federal
    Bureau of Investigation") and the last word may be left out of them ("Centers for Disease
    Control and Prevention")."""
    initials = "".join(c for c in acronym if c.isupper())
    caps: list[Tok] = []  # capitalised words walking back from the parenthesis
    for t in reversed([t for t in toks if t.text[0].isalpha()]):
        if t.cap:
            caps.append(t)
        elif t.low not in _ACRONYM_SMALL_WORDS:
            break
        if len(caps) > len(initials):
            break
    caps.reverse()
    for left_out in (0, 1):
        spelled = ""
        for k in range(len(caps) - 1 - left_out, -1, -1):
            spelled = (caps[k].text.replace(".", "") if _initial(caps[k].text) else caps[k].text[0]) + spelled
            if len(spelled) >= len(initials):
                if spelled.upper() == initials and k < len(caps) - 1:  # ("U.K. (UK)" spells nothing out)
                    return caps[k].start, caps[-1].end
                break
    return None


# Head nouns that refer back to a named body of another head: "the city" for a municipality.
_ORG_SYNONYMS: Final = {
    "city": ("city", "municipality", "council", "town"),
    "town": ("town", "municipality", "council", "city"),
    "municipality": ("municipality", "city", "council", "town"),
    "company": ("company", "corporation", "corp", "inc", "ltd", "group", "co"),
    "firm": ("firm", "company", "corporation", "corp", "inc", "ltd", "group"),
    "university": ("university", "college"),
    "agency": ("agency", "authority", "bureau", "administration"),
}


def _org_word(tok: Tok) -> bool:
    return tok.text in cues.ORG_NAME_WORDS or tok.low in _ORG_NOUN_FORMS  # (_is_org_noun)


def _inert_left(left: str) -> bool:
    """Can the text ``left`` written right before a name run be dropped from the run's
    analysis (``SpeakerResolver._analyse_run``) without changing it?

    A token before the run takes part only if it is capitalised (it makes a run of its own,
    or is the organisation word of "Church of" before a run that starts with "of"'s
    object), or if it is the last one and a lowercase title or role noun, which ``_runs``
    joins to the capitalised run after it. Name particles and a "." join only a run already
    started, so with neither of the above the left tokens make no run and, the tokenizer
    having no context, the run's tokens are the same on their own. (The run's first
    character follows no word character, apostrophe, dot or hyphen, so no token straddles
    the border.)"""
    words = _TOKEN.findall(left)
    if not words:
        return True
    last = words[-1].lower()
    if last in cues.TITLES or _is_person_noun(last):
        return False
    # (a capitalised token holds an uppercase character, and ``islower`` is False for a text
    # that has one, so the scan of the tokens is needed only for text that has no lowercase letter
    # or has an uppercase one)
    return left.islower() or not any(_capitalised(w) for w in words)


def _sentence_runs(toks: Sequence[Tok]):
    """Capitalised runs of a sentence (with the tokens before them), skipping a capitalised
    sentence opener that is not part of a name ("But", "The")."""
    for run in _runs(toks):
        while run and run[0].text in cues.NON_NAME_CAPS:
            run = run[1:]
        if run:
            yield run, None


# Words for one who speaks for a body: "the spokesman" is the person introduced as its
# spokeswoman or its press secretary.
_SPOKESPEOPLE: Final = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _holds_post(roles: set[str], head: str) -> bool:
    """Do the role words a person was introduced with include the post ``head`` names?"""
    if head in roles or _singular(head) in roles:
        return True
    return head in _SPOKESPEOPLE and (not roles.isdisjoint(_SPOKESPEOPLE) or "press" in roles and "secretary" in roles)


def _compound_noun(tok: Tok) -> bool:
    """May the lowercase word before a role be the first noun of a compound role ("press" of
    "press secretary", "campaign" of "campaign manager")? No function word, cue or determiner."""
    low = tok.low
    return tok.text.isalpha() and tok.text.islower() and low not in _STOP_LOWER and low not in cues.CUE_LEMMA and (
        low not in cues.DETERMINERS
    )


def _strip_determiner(phrase: str, lower: bool = False) -> str:
    """The phrase without its count and determiners; with ``lower``, a lone people or body noun
    that opens the phrase ("Unions said") loses the capital that the sentence start gave it
    (after a determiner, the capital is the name's own: "The Pentagon", "the Kremlin")."""
    words = phrase.split()
    words = words[_count_length([w.lower() for w in words[:4]]):]  # the group, not its count
    opening = len(words)
    while words and words[0].lower() in cues.DETERMINERS:
        words = words[1:]
    out = " ".join(words)
    if lower and out and len(words) == opening == 1 and words[0][:1].isupper() and (
        _is_person_noun(words[0].lower()) or _is_org_noun(words[0].lower())
    ):
        out = out[0].lower() + out[1:]
    return out


def _plural_head(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    last = words[-1].lower()
    # a capitalised "-s" word is mostly a name ("Reuters", "Williams"), but a people noun
    # capitalised at the start of a sentence is still plural ("Inspectors said ...")
    return last.endswith("s") and not last.endswith(("ss", "'s", "’s", "us")) and last[:1].isalpha() and (
        not words[-1][0].isupper() or _is_person_noun(last)
    )


def _name_gender(first: str) -> str | None:
    low = first.lower()
    if low in cues.FEMALE_NAMES:
        return "f"
    if low in cues.MALE_NAMES:
        return "m"
    return None


def _within_edits(a: str, b: str, slips: int) -> bool:
    """Is the edit distance of ``a`` and ``b`` at most ``slips``? The rows of the distance
    table never fall below their least entry, so the test stops at a row that exceeds it
    (most surnames differ from the first letters on)."""
    if abs(len(a) - len(b)) > slips:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > slips:
            return False
        prev = cur
    return prev[-1] <= slips
