"""Rule-based sentence segmentation tuned for news text.

One pass over candidate boundaries: a single simple regex finds every run of terminal
punctuation (``.``, ``?``, ``!``, ``…``) with the closing quotes and brackets glued to it,
and each candidate is decided from a few characters of local context: the token before
it (is it an abbreviation, an initial, a list number?) and the word after it (lower case,
a digit, a capitalised name, or a word that only starts sentences?). A few news-furniture
rules add boundaries that have no punctuation at all: a paragraph-initial date line or
dateline ("KABUL, Afghanistan -"), a photo credit glued to its caption ("… Image: AP"),
bullets, line breaks after headlines or lines of results when line breaks are present, and
a caption or headline that lost its line break before the body ("… constituency In the …").
Two quotation rules remove boundaries: sentence ends inside a quotation that is built into
its sentence (`said "…"`, `that "…"`, no comma) do not end that sentence, and a pull-quote
paragraph (a quotation and a verbless attribution, `"…" - Name`) is one unit.

Every regex is either a flat character-class run or is applied to a bounded slice, and
each candidate looks at a bounded window around itself, so the running time is linear in
the input even on hostile text (megabytes without punctuation, runs of periods or quotes).
"""

from __future__ import annotations

from typing import Final

import re

from newsquotes import cues

__all__ = ["split_sentences"]

# Terminal punctuation followed by any closing quotes/brackets. Two flat runs of disjoint
# character classes and no lookaround: a match never backtracks, and finditer resumes after
# it, so the scan is linear. Any quote mark directly after the punctuation and before a space
# closes the sentence, including a mis-typed opening one (`decision.“ However`).
_CANDIDATE: Final = re.compile(r"[.?!…‽]+[\"'”’“‘»«)\]}]*")
_TERMINALS: Final = ".?!…‽"
# "people.The toll": plain words (not a domain, an e-mail or "U.S.Army") glued by a mark.
_GLUED_BEFORE: Final = re.compile(r"[A-Za-z]*[a-z]{3}")
_GLUED_AFTER: Final = re.compile(r"[A-Z][a-z'’]+[,;:]?")
# 'asked?" Smith said.': a capitalised name of up to three words, then a speech verb; or a
# name of two or three words, an apposition of up to eight words between commas, and the verb
# ('"Why?" Robby Mook, Mrs. Clinton's campaign manager, asked.'; but '"Is it over?" Yes, he
# said, it is.' is two sentences).
_SPEECH_VERBS: Final = (
    "said|says|asked|asks|added|adds|told|tells|wrote|writes"
    "|replied|shouted|yelled|tweeted|explained|recalled|continued|insisted|wondered"
)
_ATTRIBUTION: Final = re.compile(
    rf"\s+(?:(?:[A-Z][\w'’.-]*\s){{1,3}}|(?:[A-Z][\w'’.-]*\s){{1,2}}[A-Z][\w'’.-]*,(?:\s+[^\s,?!\"“”]+){{1,8}},\s+)"
    rf"(?:{_SPEECH_VERBS})\b"
)
# A one-word name takes an apposition only when it opens as appositions do, with a determiner,
# a possessive or an age ('"Why?" Smith, the club's captain, asked.', '"Why now?" Ortiz,
# Mr. Trump's lawyer, asked'), and when the word is no answer to the question ('"Is it over?"
# Yes, the game is over, said the coach.' is two sentences).
_ONE_WORD_ATTRIBUTION: Final = re.compile(
    rf"\s+([A-Z][\w'’.-]*),\s+(?:the|a|an|his|her|their|its|our|(?:[A-Z][\w.-]*\s+){{0,2}}[A-Z][\w.-]*['’]s|\d+)\b"
    rf"(?:\s+[^\s,?!\"“”]+){{0,7}},\s+(?:{_SPEECH_VERBS})\b"
)
_QUOTES: Final = "\"'”’“‘»«"

# Double quotation marks, for the two quotation rules below.
_DOUBLE_QUOTE: Final = re.compile("[\"“”„«»]")
_INTEGRATED_OPEN: Final = re.compile(" [\"“„«]")  # a space, then an opening mark (checked below)
# Integrated quotations. A quotation set off by a comma or colon (`she said, "We won. It was
# hard."`) is a run of the speaker's own sentences. One that follows its verb or "that" with
# no comma (`said "…"`, `wrote that "…"`, `says "many schools …"`) is built into the
# sentence as the verb's object, and that sentence ends only where the quotation closes:
# sentence ends inside it are not boundaries.
_INTEGRATING: Final = frozenset(
    """said says say saying wrote writes write writing added adds stated states declared declares
    tweeted posted asked asks replied replies insisted insists argued argues warned warns
    explained explains noted notes commented comments claimed claims announced announces
    concluded concludes answered answers read reads that whether""".split()
)
# Pull quotes: a paragraph that is one quotation followed by a verbless attribution
# ('"…" - Matthew Ingram', '"…" Jane Doe, a nurse in Ohio') is a display item, like a caption,
# and stays one unit. With a speech verb ('"…" Smith said') it is ordinary running text.
_PULL_QUOTE_TAIL: Final = 100
_SPEECH_VERB: Final = re.compile(rf"\b(?:{_SPEECH_VERBS}|say|says|according)\b")
_CLOSERS: Final = _QUOTES + ")]}"

# Characters that may open the next sentence before its first word.
_OPENERS: Final = "\"'“‘«»([{¿¡*•·–—-"

# How far a decision looks around a candidate: no abbreviation or word we test is longer.
_WINDOW: Final = 40

# Known abbreviations. A capital after one is no cue by itself (titles and initials precede
# names, "U.S. Navy", "Apple Inc. Chief Executive"), yet each can end a sentence ("in Springfield,
# Ill. He was"), so after one we split only before a clear sentence starter (see below).
_ABBREVIATIONS: Final = frozenset(
    # Titles before names (AP style and common variants), saints, mounts and forts.
    """Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Gov Govs Sen Sens Rep Reps Gen Lt Col Capt Cmdr
    Cmdt Cdr Maj Sgt Cpl Pvt Pfc Adm Brig Ens Spc Rev Revs Msgr Fr Hon Pres Supt Atty Amb Insp Det
    Mx Sra Srta Mme Mlle Sir St Ste Mt Ft Pt"""
    # Company and generational suffixes, organisations.
    """ Inc Corp Co Cos Ltd Plc Bros Jr Sr Esq Assn Dept Univ Inst Intl Natl Govt Admin Dist Div"""
    # Months and weekdays.
    """ Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat"""
    # U.S. states (AP style) and street types.
    """ Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nebr Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo Ave Blvd Rd Hwy Sq Ln Pl Cir Pkwy
    Mtn Jct Ct Rte Apt Bldg Fl"""
    # Lower-case forms: Latin, "approximately", units, Reuters' mln/bln.
    """ approx est dept govt misc vs ca cf al viz Ph Rs
    mln bln tn yr yrs mo mos hr hrs min mins sec secs oz lb lbs ft sq cu mi gal pt qt""".split()
)
# Abbreviations that are only abbreviations before a number ("No. 10", "p. 5", "Vol. 2");
# before a capital they are ordinary words ("No. The plan failed") or sentence ends.
_NUMBER_ABBREVIATIONS: Final = frozenset(
    "No Nos no nos p pp Vol Vols vol Art art Fig Figs fig Ch ch Sec sec Op op Ex Tab Ref".split()
)
# After these a sentence never ends, whatever follows ("Smith vs. The State", "e.g. Apple").
_NEVER_FINAL: Final = frozenset("vs v e.g i.e cf viz approx ca incl esp".split())
# Months: "Jan. 5" is a date, not a boundary.
_MONTHS: Final = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())

# Words that, capitalised, almost only appear at the start of a sentence: pronouns,
# determiners, conjunctions, prepositions and sentence adverbs. After an ambiguous
# abbreviation ("U.S.", "Inc.", "a.m.") such a word means the abbreviation ended the sentence.
_SENTENCE_STARTERS: Final = frozenset(
    """The A An This That These Those There Here It Its He She His Her They Their Them We Our
    I I'm I've I'd I'll You Your My Me Us But And Or So Yet Nor For In On At By From With Without
    To Of As If When While Where Why How What Who Whom Whose Which After Before Since Because
    Although Though Unless Until During Despite Under Over Among Between Into Through Also
    However Meanwhile Moreover Furthermore Nevertheless Nonetheless Then Now Today
    Yesterday Tomorrow Later Earlier Last Next Some Many Most Few All Both Each Every Either
    Neither No Not None Several Such Other Another Any Only Even Instead Indeed Still Thus
    Hence Therefore Otherwise Once According Asked Overall Finally
    Let Please
    Image Images Photo Photos Photograph Picture Credit Video""".split()
)
# Capitalised words before a comma that are no one's name: the starters, and answers.
_NOT_NAMES: Final = _SENTENCE_STARTERS | frozenset(
    "Yes No Well Oh OK Okay Sure Maybe Perhaps Really Right Absolutely Exactly".split()
)
# Deliberately absent: capitalised words that also start names or titles ("U.S. First Lady",
# "Mrs. May", "Gov. Will Smith", "D.C. Police Chief", "U.N. Officials Say") and auxiliaries,
# which title-case headlines capitalise ("Lavrov Says U.S. Should Cooperate").
#
# Plural people nouns ("Critics", "Officials") start a sentence after an abbreviation when a
# lower-case word follows them ("moved to the U.S. Critics said", "at 5 p.m. Officials
# expect"); in a title-case headline the next word is capitalised too ("U.N. Officials Say").
_PEOPLE: Final = frozenset(
    (noun[:-1] + "ies" if noun.endswith("y") else noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s")).capitalize()
    for noun in cues.PERSON_NOUNS
    if noun.isalpha()
)

# Boundaries without terminal punctuation, each confirmed in _extra_cut: a capitalised credit
# label inside a caption ("… Belle Image: AP"), a bullet ("• Two were hurt"), a line break
# after a headline or a line of results (text normally arrives with whitespace collapsed, but
# line breaks are honoured when they are there).
#
# And a caption or headline glued to the body with its line break lost ("DAB's Elizabeth Quat
# In the New Territories East constituency, …"): a capitalised article or short preposition
# followed by a lower-case word, right after a plain word. Title case (AP and Chicago alike)
# keeps these words lower-case inside a title ("Man Dies in the Fire"), all-caps and
# start-case text capitalise the next word too ("In The"), and sentence-case prose only
# capitalises them at a sentence start, so mid-paragraph "… Quat In the …" begins a sentence.
# (The leading lookahead lets the regex engine skip to the possible first characters; a word
# boundary before a label or a word is checked in _extra_cut.)
_EXTRA: Final = re.compile(
    r"(?=[ICPVTOAF•▪■●◦‣\n\r\u2028])"
    r"(?:(?:Images?|Photos?|Photograph|Picture|Credit|Video):|[•▪■●◦‣\n\r\u2028]"
    r"|(?:The|In|On|At|For) (?=[a-z]))"
)
_LOWER_END: Final = re.compile(r"[a-z,;:(\[–—-]")
# Words after which a capitalised "In the …" is a title being named, not a new sentence
# ("starred in On the Waterfront", "Kerouac's On the Road").
_TITLE_INTRODUCERS: Final = frozenset(
    "a an the of in on at to for by from with and or as is was like called titled".split()
)

# Paragraph-initial furniture, matched only against a bounded head of the paragraph.
_HEAD: Final = 100
_WEEKDAYS: Final = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH_NAMES: Final = "January|February|March|April|May|June|July|August|September|October|November|December"
# "Thursday, May 7, 2015 On Tuesday, …": a date line glued to the first sentence.
_DATE_LINE: Final = re.compile(
    rf"(?:(?:{_WEEKDAYS}),?\s)?"
    rf"(?:(?:{_MONTH_NAMES})\s\d{{1,2}},\s\d{{4}}|\d{{1,2}}\s(?:{_MONTH_NAMES})\s\d{{4}})"
    r"(?=\s+[\"“‘]?[A-Z])"
)
# "KABUL, Afghanistan -", "WASHINGTON (AP) —", "Evansville, Indiana, United States -":
# capitalised place names (optionally a date and a news agency in brackets), then a dash.
_PLACE: Final = r"[A-Z][\w.'’&-]*(?:\s(?:[A-Z0-9][\w.'’&-]*|of|de|du|da|del|la|el|al))*"
_DATELINE: Final = re.compile(
    rf"({_PLACE}(?:,\s{_PLACE})*)(?:\s\([A-Z][\w ./&-]{{0,30}}\))?\s(?:-{{1,2}}|–|—)(?=\s+[\"“‘]?[A-Z])"
)

_LIST_MARKER: Final = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans [s, e) inside text[start:end], in order, non-overlapping, each stripped of
    surrounding whitespace (text[s:e] never starts or ends with whitespace), none empty."""
    lo = max(0, start)
    hi = len(text) if end is None else min(len(text), end)
    if lo >= hi:
        return []

    if _is_pull_quote(text, lo, hi):
        cuts = []
    else:
        cuts = _cuts(text, lo, hi)

    spans = []
    prev = lo
    for cut in sorted(set(cuts)) + [hi]:
        if cut <= prev:
            continue
        s, e = prev, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        prev = cut
    return spans


def _cuts(text: str, lo: int, hi: int) -> list[int]:
    """Every boundary in text[lo:hi], unsorted."""
    cuts = _furniture_cuts(text, lo, hi)
    regions = _integrated_quotes(text, lo, hi)
    region = 0
    for m in _CANDIDATE.finditer(text, lo, hi):
        after = m.end()
        if after >= hi:
            continue
        # Inside an integrated quotation, before its closing mark: not a boundary.
        while region < len(regions) and regions[region][1] < after:
            region += 1
        if region < len(regions) and regions[region][0] < m.start():
            continue
        # A boundary needs whitespace after the punctuation ("3.5", "U.S.-led", "x.com" are
        # not), except for a space lost in scraping between two plain words ("people.The").
        if text[after].isspace():
            if _ends_sentence(text, lo, hi, m.start(), after):
                cuts.append(after)
        elif after - m.start() == 1 and _is_glued(text, lo, hi, m.start()):
            cuts.append(after)
    for m in _EXTRA.finditer(text, lo, hi):
        if _extra_cut(text, lo, hi, m.start(), m.group()):
            cuts.append(m.start())
    return cuts


def _quote_role(text: str, lo: int, hi: int, pos: int) -> str:
    """Is the double quotation mark at pos an opening ("open") or closing ("close") one?"""
    ch = text[pos]
    if ch in "“„«":
        return "open"
    if ch in "”»":
        return "close"
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    if (before.isspace() or before in "([{") and not after.isspace():
        return "open"
    return "" if before.isspace() else "close"


def _integrated_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of each integrated quotation (`said "…"`), in order.

    A quotation counts only if the very next double mark closes it, so an unclosed or
    mismatched one never swallows the rest of the paragraph. Each search for a closing mark
    stops at the next mark, before the next opening one can start: linear in all."""
    regions = []
    for m in _INTEGRATED_OPEN.finditer(text, lo, hi):
        pos = m.end() - 1
        if _quote_role(text, lo, hi, pos) != "open":
            continue
        words = text[max(lo, pos - _WINDOW) : pos].split()
        if not words or words[-1] not in _INTEGRATING:
            continue
        close = _DOUBLE_QUOTE.search(text, pos + 1, hi)
        if close and _quote_role(text, lo, hi, close.start()) == "close":
            regions.append((pos, close.start()))
    return regions


def _is_pull_quote(text: str, lo: int, hi: int) -> bool:
    """A paragraph that is a quotation of full sentences and a verbless attribution."""
    start = lo
    while start < hi and text[start].isspace():
        start += 1
    if start >= hi or text[start] not in "\"“„«":
        return False
    m = _DOUBLE_QUOTE.search(text, start + 1, hi)
    if not m or text[m.start() - 1] not in _TERMINALS or hi - m.end() > _PULL_QUOTE_TAIL:
        return False
    if m.end() >= hi or not text[m.end()].isspace():
        return False
    tail = text[m.end() : hi].strip()
    if not tail or not (tail[0] in "-–—" or tail[0].isupper()):
        return False
    if tail.rstrip(_CLOSERS)[-1:] in _TERMINALS:
        return False  # a sentence of its own ('"We won." Smith, 45, was defiant.')
    if _word_only(tail.split()[0]) in _SENTENCE_STARTERS:
        return False  # a sentence that lost its period ('"We won." Then the crowd left')
    return not _SPEECH_VERB.search(tail)


def _is_glued(text: str, lo: int, hi: int, pos: int) -> bool:
    """A period, ? or ! at pos between two plain words with the space lost ("people.The")."""
    following = text[pos + 1 : min(hi, pos + 1 + _WINDOW)].split(maxsplit=1)
    return bool(
        following
        and _GLUED_AFTER.fullmatch(following[0])
        and _GLUED_BEFORE.fullmatch(_previous_token(text, lo, pos))
    )


def _extra_cut(text: str, lo: int, hi: int, pos: int, mark: str) -> bool:
    """Decide a boundary before a credit label, a bullet, a glued sentence start ("In ") or at
    a line break."""
    before = text[max(lo, pos - _WINDOW) : pos]
    if not before.strip():
        return False  # nothing before it in this paragraph
    if mark.endswith(" "):
        # "… Quat In the …": one space after a plain word (no comma, colon, quote or dash
        # between), and that word introduces no title ("in On the Waterfront", "Kerouac's On
        # the Road").
        if len(before) < 2 or before[-1] != " " or not before[-2].isalnum():
            return False
        # Inside a quoted title ('the song "Lost In the Night"') the words are the title's.
        mark_at = max(before.rfind(q) for q in "\"“”„«»")
        if mark_at >= 0 and _quote_role(text, lo, hi, pos - len(before) + mark_at) == "open":
            return False
        word = before.split()[-1]
        possessive = word.endswith(("'s", "’s", "s'", "s’"))
        return not possessive and word.lower() not in _TITLE_INTRODUCERS
    if text[pos] not in "\n\r\u2028":
        # Credit labels and bullets only count glued to earlier text ("… Belle Image: AP").
        return before[-1].isspace()
    # A line break ends a line with no terminal punctuation: a headline, a heading or a line
    # of results ends a sentence, a hard-wrapped line of prose does not. Prose wraps are long
    # and break after lower-case words and commas; the next line then rarely starts lower-case.
    line = before.rstrip()
    following = text[pos : min(hi, pos + _WINDOW)].lstrip()
    if not following or following[0].islower():
        return False
    if _LOWER_END.fullmatch(line[-1:]):
        # Only a short line (a headline or a list line) may end in a lower-case word.
        return pos - lo <= _WINDOW or any(ch in before for ch in "\n\r\u2028")
    return True


def _furniture_cuts(text: str, lo: int, hi: int) -> list[int]:
    """Boundaries after a paragraph-initial date line and/or dateline."""
    cuts = []
    pos = lo
    for pattern in (_DATE_LINE, _DATELINE):
        head = text[pos : min(hi, pos + _HEAD)]
        m = pattern.match(head)
        if m and (pattern is _DATE_LINE or _looks_like_dateline(m.group(1))):
            pos += m.end()
            cuts.append(pos)
            while pos < hi and text[pos].isspace():
                pos += 1
    return cuts


def _looks_like_dateline(place: str) -> bool:
    """A dateline names a place: "CITY, Region" or an all-caps "CITY"; not "Smith and Jones"."""
    words = place.replace(",", " ").split()
    if len(words) > 8:
        return False
    return "," in place or words[0].isupper() and len(words[0]) > 1


def _ends_sentence(text: str, lo: int, hi: int, punct_start: int, after: int) -> bool:
    """Decide a candidate: does the punctuation text[punct_start:after] end a sentence?"""
    punct = text[punct_start:after]
    nxt = _next_word(text, after, hi)
    if not nxt:
        return False  # only closing material follows: the last sentence simply ends here
    first = nxt[0]

    # A lower-case continuation never starts a sentence ('"Why?" he asked', 'a.m. on Monday'),
    # except brand names written with a lower-case initial ("iPhone", "eBay").
    if first.islower():
        return len(nxt) > 1 and nxt[1].isupper()

    marks = punct.rstrip(_CLOSERS)
    closers = punct[len(marks) :]
    token = _previous_token(text, lo, punct_start)
    if "…" in marks or (len(marks) > 1 and set(marks) == {"."}):
        # An ellipsis before a capital or digit ends a sentence, unless it stands alone at the
        # paragraph start or right after a sentence end ("church. ... The next thing"): then it
        # marks an omission at the start of the next sentence, which it belongs to.
        before = text[max(lo, punct_start - _WINDOW) : punct_start]
        last = before.rstrip()[-1:]
        return bool(last) and not (before[-1].isspace() and last in _TERMINALS + _CLOSERS)
    if set(marks) != {"."}:
        # ? or ! (possibly doubled): a boundary before a capital or a digit, except before the
        # attribution of a quoted question or exclamation ('"Why now?" Smith asked.').
        return not (closers and _attribution_follows(text, after, min(hi, after + 2 * _WINDOW)))

    if any(ch in _QUOTES for ch in closers):
        # 'said "no." The' or 'we love the U.S." Trump': the period closed a quotation.
        return token not in _NEVER_FINAL
    if closers:
        # '(See below.) The': the period closed a bracket; but '(U.S.) Navy' goes on.
        if not _is_abbreviation(token.rstrip(_CLOSERS)):
            return True
        token = token.rstrip(_CLOSERS)
    if not token:
        return True
    if first.isdigit():
        # "No. 10", "Jan. 5", "p. 12" are references and dates; "in 2010. 300 people" ends one.
        return not (token in _NUMBER_ABBREVIATIONS or token in _MONTHS or token in _NEVER_FINAL)
    if token in _NEVER_FINAL:
        return False
    if _is_list_marker(text, lo, punct_start, token):
        return False
    if _is_abbreviation(token):
        # Ambiguous: "U.S. Secretary" goes on, "to the U.S. The President" ends.
        word = _word_only(nxt)
        return word in _SENTENCE_STARTERS or word in _PEOPLE and nxt == word and _lower_word_after(text, after, hi, nxt)
    return True


def _attribution_follows(text: str, pos: int, end: int) -> bool:
    """Whether a speaker and a speech verb follow a quoted question or exclamation at ``pos``."""
    if _ATTRIBUTION.match(text, pos, end):
        return True
    one_word = _ONE_WORD_ATTRIBUTION.match(text, pos, end)
    return one_word is not None and one_word.group(1) not in _NOT_NAMES


def _previous_token(text: str, lo: int, pos: int) -> str:
    """The word before a period (without it), stripped of opening quotes and brackets."""
    chunk = text[max(lo, pos - _WINDOW) : pos]
    parts = chunk.split()
    if not parts or chunk[-1].isspace():
        return ""
    return parts[-1].lstrip(_OPENERS)


def _next_word(text: str, pos: int, hi: int) -> str:
    """The first word after pos, past whitespace and opening quotes or brackets."""
    chunk = text[pos : min(hi, pos + _WINDOW)].lstrip()
    chunk = chunk.lstrip(_OPENERS).lstrip()
    return chunk.split(maxsplit=1)[0] if chunk else ""


def _lower_word_after(text: str, pos: int, hi: int, word: str) -> bool:
    """Is the word after ``word``, the first word after ``pos``, in lower case?"""
    at = text.find(word, pos, min(hi, pos + _WINDOW))
    following = _next_word(text, at + len(word), hi) if at >= 0 else ""
    return following[:1].islower()


_WORD: Final = re.compile(r"[\w'’]+")


def _word_only(word: str) -> str:
    """The leading word of a token, without trailing punctuation ("He," -> "He")."""
    m = _WORD.match(word)
    return m.group(0).replace("’", "'") if m else word


def _is_abbreviation(token: str) -> bool:
    if token in _ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("L. Ron Hubbard", "John F. Kennedy").
    if len(token) == 1 and token.isupper():
        return True
    # Letter-period runs: "U.S", "a.m", "D.C", "Ph.D", "U.N": ambiguous abbreviations.
    # (Each part is one or two letters; "example.com" has longer parts and is a name.)
    if "." in token:
        parts = token.split(".")
        return all(1 <= len(p) <= 2 and p.isalpha() for p in parts)
    return False


def _is_list_marker(text: str, lo: int, punct_start: int, token: str) -> bool:
    """'1. First item' or 'a. Option' at the very start of the paragraph is a list marker."""
    if punct_start - lo > 8:
        return False
    head = text[lo : punct_start + 1].lstrip()
    return len(head) <= len(token) + 2 and bool(_LIST_MARKER.fullmatch(head))
