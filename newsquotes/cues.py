"""Lexicons for quote attribution: speech verbs, titles, role nouns, organisations, pronouns.

Everything here is general English news vocabulary, not tuned to any one article. The
extractor (``quotes.py``) and the resolver (``speakers.py``) only ever look words up in these
sets, so adding a word is the way to teach the rules something new.

The sets that other modules combine into sets of their own at import time carry their type
(``frozenset[str]``): mypyc, which compiles these modules (see ``setup.py``), needs it before
it would infer it.
"""

from __future__ import annotations

from typing import Final

import re

# --- Speech verbs -------------------------------------------------------------------------
# base form -> does it introduce a reported clause ("X said (that) ...")? Verbs marked False
# only attribute quoted words that stand right next to them ("called it "dangerous"",
# "named ... "the part of ..."", "asked, "Why?"").
_SPEECH_VERBS: Final[dict[str, bool]] = {
    "say": True, "tell": True, "add": True, "explain": True, "note": True, "claim": True,
    "state": True, "write": True, "reply": True, "respond": True, "answer": True,
    "continue": False, "conclude": True, "comment": True, "observe": True, "remark": True,
    "announce": True, "declare": True, "insist": True, "argue": True, "assert": True,
    "warn": True, "suggest": True, "admit": True, "acknowledge": True, "confirm": True,
    "deny": True, "report": True, "reveal": True, "stress": True, "emphasize": True,
    "emphasise": True, "predict": True, "promise": True, "recall": True, "allege": True,
    "contend": True, "maintain": True, "reason": True, "estimate": True, "concede": True,
    "complain": True, "boast": True, "testify": True, "tweet": True, "post": True,
    "recount": False, "reiterate": True, "assure": True, "inform": True, "caution": True,
    "believe": True, "agree": True, "disclose": True, "vow": True, "pledge": True,
    "joke": True, "quip": False, "shout": False, "scream": False, "exclaim": False,
    "whisper": False, "mutter": False, "ask": False, "wonder": False, "call": False,
    "name": False, "describe": False, "dub": False, "label": False, "term": False,
    "characterize": False, "characterise": False, "read": False, "cite": False, "quote": False,
    "urge": False, "recommend": False, "demand": False, "defend": False, "accuse": False,
    "charge": False, "plead": False, "write back": False, "hint": True, "signal": True,
    "indicate": True, "point": False, "mention": True, "repeat": True, "counter": True,
    "retort": True, "rule": True, "find": False, "show": False, "speculate": True,
    "theorize": True, "theorise": True, "hypothesize": True, "hypothesise": True, "posit": True,
    "surmise": True, "lament": True, "proclaim": True, "affirm": True, "reaffirm": True,
    "confide": True, "opine": True, "muse": True, "brag": True, "grumble": True,
}
# Irregular inflections (the rest are built by rule below).
_IRREGULAR: Final = {
    "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"), "read": ("reads", "reading"),
    "find": ("finds", "found", "finding"), "show": ("shows", "showed", "shown", "showing"),
    "deny": ("denies", "denied", "denying"), "reply": ("replies", "replied", "replying"),
    "testify": ("testifies", "testified", "testifying"), "plead": ("pleads", "pleaded", "pled", "pleading"),
    "dub": ("dubs", "dubbed", "dubbing"), "label": ("labels", "labelled", "labeled", "labelling", "labeling"),
    "quip": ("quips", "quipped", "quipping"), "stress": ("stresses", "stressed", "stressing"),
    "rule": ("rules", "ruled", "ruling"), "admit": ("admits", "admitted", "admitting"),
    "agree": ("agrees", "agreed", "agreeing"), "quote": ("quotes", "quoted", "quoting"),
    "brag": ("brags", "bragged", "bragging"),
}
# Tokens that look like speech verbs but in news text almost never are.
_NOT_CUES: Final = frozenset({"post", "posts", "posted", "posting", "reading", "ruling", "rules",
                              "showing", "finding", "state", "states", "calling", "point", "points",
                              "name", "names", "naming", "charge", "charges", "term", "terms",
                              "report", "reports", "note", "notes", "answer", "answers", "quote",
                              "quotes", "comment", "comments", "promise", "promises", "continue",
                              "signal", "signals", "counter", "call", "calls", "label", "labels",
                              "estimate", "estimates", "reason", "reasons", "tweet", "tweets",
                              "find", "finds", "found", "show", "shows", "shown", "showed", "agree",
                              "believe", "believes", "believed", "caution", "demand", "demands",
                              "pledge", "pledges", "vow", "vows", "joke", "jokes", "hint", "hints",
                              "repeat", "maintain"})

# Forms kept out above for their noun (or other) reading that are verbs when a quotation
# follows right after them ('The USDA notes, "..."', 'Smith believes: "..."'): they are cues
# only there (``QUOTATION_CUE_LEMMA``). Gerunds and verbs that do not report speech
# ("finds", "shows") stay out; "calling" names the quoted words (', calling it "a disgrace"').
_VERBS_BEFORE_QUOTATION: Final = frozenset({
    "note", "notes", "believe", "believes", "believed", "state", "states", "report", "reports",
    "comment", "comments", "answer", "answers", "tweet", "tweets", "post", "posts", "posted",
    "promise", "promises", "estimate", "estimates", "counter", "vow", "vows", "pledge",
    "pledges", "joke", "jokes", "hint", "hints", "demand", "demands", "caution", "agree",
    "maintain", "repeat", "calling",
})

# Forms kept out above that are verbs right after a document noun ("The report states that
# ...", "the complaint notes that ..."), where their noun reading ("the states that ...",
# "the field notes") cannot stand: cues there (``DOCUMENT_CUE_LEMMA``) and before a quotation.
DOCUMENT_CUE_LEMMA: Final = {"states": "state", "notes": "note"}
# "posted" and "posts" report a clause when a platform and "that" follow ("posted on Truth
# Social that ...", "posts on X on Sunday that ..."); elsewhere they post a loss or a letter.
PLATFORM_CUE_LEMMA: Final = {"posted": "post", "posts": "post"}


def _inflect(base: str) -> tuple[str, ...]:
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    if base.endswith("e"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    if base.endswith(("s", "sh", "ch", "x")):
        return base, base + "es", base + "ed", base + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    return base, base + "s", base + "ed", base + "ing"


CUE_LEMMA: Final[dict[str, str]] = {}
QUOTATION_CUE_LEMMA: Final[dict[str, str]] = {}  # forms that are cues only right before a quotation
CLAUSE_VERBS: Final[set[str]] = set()  # lemmas that take a reported clause
for _base, _clause in _SPEECH_VERBS.items():
    if " " in _base:
        continue
    for _form in _inflect(_base):
        if _form not in _NOT_CUES:
            CUE_LEMMA.setdefault(_form, _base)
        elif _form in _VERBS_BEFORE_QUOTATION:
            QUOTATION_CUE_LEMMA.setdefault(_form, _base)
    if _clause:
        CLAUSE_VERBS.add(_base)

# Verbs of judgement that quote their judgement after "as" ('dismissed the remarks as
# "ridiculous"', 'hailed the deal as "historic"'): cues only there, before the quoted words.
AS_QUOTATION_CUE_LEMMA: Final[dict[str, str]] = {
    form: base
    for base, forms in {
        "dismiss": ("dismisses", "dismissed"), "denounce": ("denounces", "denounced"),
        "deride": ("derides", "derided"), "hail": ("hails", "hailed"), "brand": ("brands", "branded"),
        "praise": ("praises", "praised"), "decry": ("decries", "decried"), "condemn": ("condemns", "condemned"),
        "slam": ("slams", "slammed"), "criticize": ("criticizes", "criticized"),
        "criticise": ("criticises", "criticised"), "reject": ("rejects", "rejected"),
    }.items()
    for form in forms
}

# The lemma of every single-word cue form, whatever its context rule (a plain cue wins).
WORD_CUE_LEMMA: Final[dict[str, str]] = {**AS_QUOTATION_CUE_LEMMA, **QUOTATION_CUE_LEMMA, **CUE_LEMMA}

# Plural/base present forms: "X and Y say" wants a group subject.
PLURAL_FORMS: Final = frozenset(b for b in _SPEECH_VERBS if " " not in b)

# Multi-word cues, matched case-insensitively as whole phrases: phrase -> lemma.
# "according to X" and "in the words of X" put the speaker after the cue.
PHRASE_CUES: Final[dict[str, str]] = {
    "according to": "according to",
    "in the words of": "in the words of",
    "pointed out": "point out", "points out": "point out", "point out": "point out",
    "called for": "call for", "call for": "call for", "calls for": "call for",
    "issued a statement": "issue statement",
    "went on to say": "say",
    "made clear": "make clear",
}
SPEAKER_AFTER_PHRASES: Final = frozenset({"according to", "in the words of"})

# Words that, right before a cue, negate or hypothesise it: "have not said", "never said".
NEGATORS: Final = frozenset({"not", "never", "n't", "didn't", "don't", "doesn't", "won't", "wouldn't",
                             "cannot", "can't", "declined", "refused", "nobody", "no"})

# Finite auxiliaries and modals: a finite verb of a clause on their own ("the vote would be
# delayed", "who has said"); the modals among them, which go on with a report more often than a
# clause in the writer's tense does.
MODALS: Final = frozenset({"will", "would", "can", "could", "should", "may", "might", "must"})
# Forms of "be", the auxiliary of the passive ("was quoted as saying", "is said to").
BE_FORMS: Final = frozenset({"was", "were", "been", "being", "is", "are", "be", "am"})
FINITE_AUXILIARIES: Final = MODALS | {"is", "are", "was", "were", "has", "have", "had", "does", "did", "do"}

# Words between a subject and its verb that we skip: "Lavrov also said", "she has since said".
ADVERBS: Final = frozenset({"also", "later", "then", "has", "have", "had", "was", "is", "were", "are",
                            "once", "previously", "recently", "again", "further", "since", "earlier",
                            "had", "would", "will", "could", "might", "may", "did", "does", "do",
                            "reportedly", "allegedly", "repeatedly", "publicly", "privately",
                            "separately", "similarly", "however", "still", "yet", "too", "already",
                            "subsequently", "simply", "flatly", "firmly", "bluntly", "even", "often",
                            "frequently", "last", "first", "has been", "been", "being", "be",
                            "long", "always", "now", "just"})  # "have long argued", "now says"

# Objects of "tell"/"inform"-type verbs and other material between the cue and its clause.
# Listeners named by a bare lowercase word after a "tell"-type verb or "to" ("told reporters",
# "said to the press"); people nouns of ``PERSON_NOUNS`` are listeners too.
LISTENER_WORDS: Final = frozenset({"reporters", "journalists", "him", "her", "them", "us", "me", "press",
                                   "media", "court", "police", "parliament", "lawmakers", "congress", "jury"})
LISTENER_PREPOSITIONS: Final[frozenset[str]] = frozenset({"to", "on", "in", "at", "during", "after", "before", "with",
                                                          "for", "from", "via", "by", "over", "about", "through"})

# Adjuncts of a report ("said on Tuesday night", "said in a statement"): words of time
# expressions, and the nouns of the occasions and media a report is made in.
TIME_MODIFIERS: Final = frozenset({"last", "this", "next", "earlier", "later", "late", "early"})
TIME_NOUNS: Final[frozenset[str]] = frozenset({"week", "month", "year", "weekend", "morning", "afternoon", "evening",
                                               "night", "day", "today", "yesterday", "tonight", "spring", "summer", "fall",
                                               "autumn", "winter"})
MONTH_ABBREVIATIONS: Final[frozenset[str]] = frozenset({"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                                                        "Oct", "Nov", "Dec"})
MEDIUM_NOUNS: Final[frozenset[str]] = frozenset(
    """statement statements interview interviews letter post posts tweet tweets speech briefing
    conference hearing call email memo video message remarks release filing podcast broadcast
    appearance address op-ed editorial rally event session meeting testimony media twitter
    facebook instagram tiktok youtube television tv radio cnn msnbc nbc cbs abc npr""".split()
)

# --- Mentions -----------------------------------------------------------------------------
# Documents that speak ("the memo said", "the lawsuit alleges", "according to the complaint"):
# a speaker of kind organization, or the voice of the owner or author named with it ("Smith's
# lawsuit alleges", "the post by an unknown author said"). The second line holds the court and
# government papers that US political news attributes to ("the indictment says").
DOCUMENTS: Final = frozenset(
    """statement letter tweet post blog report memo message email posting release analysis
    editorial column note notice record
    complaint indictment lawsuit suit filing affidavit motion ruling opinion order subpoena
    transcript petition memorandum warrant judgment document
    summary draft study survey poll assessment audit review readout proposal""".split()
)
# Past participles that need no "-ed" ("a letter seen by Sky News"); and those of verbs of
# making, whose "by" names a document's author ("a statement issued by the ministry"), unlike
# "obtained by" or "seen by", which name someone who handled it.
IRREGULAR_PARTICIPLES: Final = frozenset({"seen", "written", "sent", "shown", "given", "taken", "made",
                                          "drawn", "held"})
AUTHORING_PARTICIPLES: Final = frozenset({"issued", "released", "written", "published", "signed", "sent",
                                          "filed", "drafted", "authored", "posted", "submitted"})
PRONOUNS: Final[dict[str, str]] = {  # pronoun -> number/gender class
    "he": "m", "she": "f", "they": "pl", "it": "org", "we": "pl", "i": "sg", "him": "m",
    "her": "f", "them": "pl", "you": "sg",
}
SUBJECT_PRONOUNS: Final[frozenset[str]] = frozenset({"he", "she", "they", "it", "we", "i", "you"})

DETERMINERS: Final = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
                                "these", "those", "one", "some", "many", "several", "two", "three",
                                "four", "five", "other", "another", "each", "every", "both", "all",
                                "most", "any", "no", "my", "your"})

# Words that count a group before "of" ("many of the residents", "thousands of protesters", "a
# number of experts"): the group after "of" heads the phrase. Those of the second set follow "a"
# or "the".
QUANTIFIERS: Final = frozenset("""one two three four five six seven eight nine ten some many several most
    all both each any few dozens hundreds thousands millions scores tens""".split())
QUANTITY_NOUNS: Final = frozenset("""number majority minority handful couple dozen few third quarter
    half""".split())

# Titles written before a name ("Foreign Minister Sergei Lavrov", "Mr. Toccafondi").
TITLES: Final = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister
    foreign secretary senator sen rep representative congressman congresswoman governor gov
    mayor ambassador judge justice general gen lt lieutenant colonel col major maj captain capt
    sgt sergeant chief director chairman chairwoman chair ceo cfo coo spokesman spokeswoman
    spokesperson administrator undersecretary deputy senior executive attorney defense defence
    home state staff interior finance education health environment trade labour labor shadow
    secretary-general king queen prince princess pope archbishop bishop father rev reverend
    rabbi imam cardinal coach manager commissioner commander admiral marshal inspector detective
    officer agent speaker leader chancellor premier president-elect emeritus assistant associate
    acting former supreme crown prosecutor head founder co-founder chairperson principal dean
    superintendent sheriff constable pastor brother sister doctor nurse editor curator
    researcher author coauthor co-author member campaigner barrister lawyer solicitor analyst
    economist scientist professor lecturer instructor student major-general
    brigadier private corporal sergeant-major councillor councilman councilwoman alderman
    legislator lawmaker minister-president first lady gentleman state's district
    det insp supt ch cpl pte cmdr adm atty amb dci
    """.split()
)

# Common nouns for people: a lowercase speaker made of these is kind "role". A family or household
# speaks as its members do ("a lawyer for the family", "the victim's family said").
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    """spokesman spokeswoman spokesperson spokespeople minister president secretary senator
    governor ambassador professor director chairman chairwoman chair ceo chief coach captain
    manager official officer prosecutor lawyer attorney judge mayor leader head commissioner
    representative congressman congresswoman lawmaker legislator candidate researcher scientist
    author coauthor co-author editor analyst expert economist curator member campaigner barrister
    activist undersecretary administrator chancellor premier general commander colonel detective
    inspector investigator doctor physician nurse teacher student player striker goalkeeper
    founder owner executive adviser advisor aide diplomat envoy negotiator king queen prince
    princess pope bishop priest rabbi imam cleric witness resident victim survivor father mother
    son daughter wife husband sister brother poster blogger writer journalist reporter
    correspondent columnist photographer artist singer actor actress musician host pilot engineer
    developer designer partner employee worker lecturer instructor dean principal source
    insider observer critic supporter opponent protester protestor organizer organiser
    volunteer director-general secretary-general economist strategist pollster consultant
    historian psychologist psychiatrist surgeon specialist veteran fan man woman boy girl
    person people parent child teenager farmer resident citizen voter customer user owner
    driver passenger neighbour neighbor friend relative colleague lawyer defender deputy
    chairperson representative delegate councillor commentator broadcaster presenter
    sheriff officers soldier troops commander general admiral engineer operator vendor
    astronaut administrator scholar academic physicist biologist chemist geologist
    nominee frontrunner front-runner challenger incumbent hopeful contender whip surrogate
    donor lobbyist staffer counsel trooper mate teammate classmate roommate
    family household spouse sibling uncle aunt cousin nephew niece grandmother grandfather
    grandparent grandson granddaughter stepfather stepmother fiance fiancee
    midfielder winger keeper skipper referee umpire athlete sprinter swimmer cyclist rider
    jockey champion finalist winner newcomer rookie boss youngster toddler pensioner retiree
    widow widower pupil headteacher shopper commuter motorist pedestrian tenant landlord
    homeowner villager fisherman paramedic firefighter constable sergeant sailor eyewitness
    bystander onlooker spectator attendee visitor tourist migrant refugee prisoner inmate
    suspect defendant plaintiff solicitor magistrate juror patient recipient shareholder
    investor trader banker broker entrepreneur demonstrator pastor preacher monk nun producer
    novelist poet architect programmer chef baker butcher shopkeeper seller buyer""".split()
)
# Bodies, places-as-actors, media and documents: a speaker made of these is "organization".
ORG_NOUNS: Final = frozenset(
    """ministry department office agency house government administration council committee
    commission court party church university college school institute foundation association
    union company corporation firm bank group organization organisation network news times post
    journal herald gazette tribune press television tv radio service services authority
    authorities army military police navy forces force embassy parliament congress senate
    kremlin pentagon coalition alliance federation board team club fund inc ltd corp co plc
    nations kingdom republic bureau centre center museum hospital lab laboratory study report
    statement letter poll survey campaign movement magazine newspaper website site blog
    paper daily review broadcaster station channel agency cabinet regime junta court tribunal
    city municipality state province county region country nation media document documents
    data research studies reports findings analysis release communique communiqué
    secretariat directorate watchdog regulator commission ministry's tribunal assembly
    society trust charity program programme project initiative panel consortium
    industry sector unit division branch headquarters council's airline airport
    """.split()
)
# Last words of a newspaper's or magazine's name ("The Daily Ledger", "PC World"): after an
# acronym, another of these words or an opening "The", they name a publication, not a person.
PUBLICATION_WORDS: Final = frozenset(
    """Daily Times Post Journal News Tribune Herald Gazette Ledger World Weekly Review Magazine
    Standard Chronicle Examiner Inquirer Enquirer Observer Telegraph Sentinel Dispatch Bulletin
    Register Courier Globe Sun Star Mail Express Guardian Mirror Monitor Digest Insider
    Reporter Record Independent Argus Clarion Advocate Beacon Banner""".split()
)
# Days and months: "on Tuesday" is a date, not part of a name ("Council on Foreign Relations").
DATE_WORDS: Final[frozenset[str]] = frozenset(
    """Sunday Monday Tuesday Wednesday Thursday Friday Saturday January February March April May
    June July August September October November December""".split()
)
# Capitalised words that mark a name as an organisation or place, not a person (dates too).
ORG_NAME_WORDS: Final = frozenset(
    """Ministry Department Office Agency House Government Administration Council Committee
    Commission Court Party Church University College School Institute Foundation Association
    Union Company Corporation Corp Inc Ltd Co Plc LLC Bank Group Organization Organisation Network
    News Times Post Journal Herald Gazette Tribune Press Television TV Radio Service Services
    Authority Army Military Police Navy Forces Force Embassy Parliament Congress Senate Kremlin
    Pentagon Coalition Alliance Federation Board Team Club Fund Nations Kingdom Republic Bureau
    Centre Center Museum Hospital Laboratory Magazine Daily Review Channel Cabinet Tribunal
    States State Emirates Islands Arabia Korea America Africa Europe Asia Zealand Airlines
    Airways Street Wall Station Council Reuters AFP AP BBC CNN Agency Project Programme Program
    Initiative Panel Relations Chapter Conference Assembly Society Trust Charity Guard Command Corps
    Enforcement Protection Prevention Development Safety Management
    Department's Office's Security Intelligence Affairs Industries Holdings Systems Technologies
    Group's Secretariat Directorate Club Stadium Hall Square Park Bridge River Mountain Island
    Street Avenue Road City County Province Region District Valley Bay Gulf Sea Ocean Lake
    Airport Port Cup Games Olympics League Championship Festival Award Awards Prize Day Week
    Internet Web Twitter Facebook
    YouTube Google Microsoft Apple Amazon Wikipedia Islamic Christian Muslim Catholic
    Jewish Orthodox Protestant Buddhist Hindu Democrats Republicans Democratic
    Republican Labour Conservative Conservatives Liberal Liberals Greens Tories""".split()
) | DATE_WORDS
# Countries, regions and capitals often used as actors ("Moscow has criticized ...").
PLACES: Final = frozenset(
    """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Burma Cambodia Cameroon
    Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England
    Eritrea Estonia Ethiopia Europe Finland France Gabon Georgia Germany Ghana Greece Guatemala
    Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan
    Kazakhstan Kenya Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania
    Luxembourg Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar
    Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru
    Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore
    Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania
    Thailand Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam
    Wales Yemen Zambia Zimbabwe US USA UK EU UN NATO Washington Moscow Beijing London Paris
    Berlin Brussels Tokyo Kiev Kyiv Tehran Damascus Baghdad Kabul Cairo Ankara Riyadh Jerusalem
    Delhi Islamabad Seoul Pyongyang Ottawa Canberra Rome Madrid Athens Vienna Warsaw Geneva
    Texas California Florida Houston Seattle Sydney Melbourne Hollywood Vatican Westminster
    Whitehall Brussels Gaza Crimea Donbas Tokyo Hong Kong Manila Jakarta Bangkok Hanoi Havana
    Australia America Africa Asia Oceania Antarctica Arctic South North East West Northern
    Southern Eastern Western Central New Greater Upper Lower     Caracas Mexico Lagos Nairobi Johannesburg Dubai Doha Abu Dhabi Mecca Medina Taipei""".split()
)
# Sentence-initial or connective capitalised words that never start a name.
NON_NAME_CAPS: Final = frozenset(
    """The A An But And Or So Yet However Meanwhile Also In On At For With From By As After
    Before During While When Where Why What Who Whom Which That This These Those There Here It
    He She They We I You His Her Their Our Its My If Although Though Because Since Until Unless
    According Asked Speaking Citing Writing Discussing Despite Instead Still Now Then Today
    Yesterday Tomorrow Last Next Earlier Later Recently Finally First Second Third Meanwhile
    Some Many Most Several Both Each Every All No Not Only Even Just Under Over
    Among Between Without Within Through Into Onto Upon About Above Below Near Against Like
    Unlike Allegedly Reportedly Indeed Furthermore Moreover Thus Hence Therefore Otherwise Whilst
    Once Whether Nor Either Neither Such Other Another Overall Image Photo Credit Source Read
    Original Note Editor Update""".split()
)
# Connectors allowed inside a capitalised name ("Bashar al-Assad", "Ministry of Defence").
NAME_PARTICLES: Final = frozenset({"al", "el", "bin", "ibn", "de", "del", "della", "da", "di", "do",
                                   "dos", "das", "du", "van", "von", "der", "den", "la", "le", "ben",
                                   "abu", "st", "y", "ter", "zu"})

# Small lists of common first names, only for pronoun agreement ("she" is not "John").
FEMALE_NAMES: Final = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
    pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine
    maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan
    evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison
    frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn
    danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
    hillary kamala angela theresa nicola liz jacinda ursula christine
    julia cynthia kathryn     nancy elena natalia olga irina svetlana tatiana ana fatima aisha leila
    marine giorgia sanna mette""".split()
)
MALE_NAMES: Final = frozenset(
    """james robert john michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
    jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
    vincent ralph eugene russell bobby mason philip louis barack joe vladimir sergei sergey
    dmitry boris emmanuel xi kim bashar recep benjamin narendra justin rishi keir tony gordon
    nicolas francois harry jeff     tom steve marc charles chris
    kevin mohamed ahmed muhammad mohammed ali omar hassan hussein abdul jason
    andy ivan igor yuri viktor abdullah salman""".split()
)

_WORD_RE: Final = re.compile(r"[A-Za-z]+")


def lemma_of(cue: str) -> str | None:
    """Lemma of a cue as written ("Says" -> "say", "According to" -> "according to")."""
    low = " ".join(cue.lower().split())
    return PHRASE_CUES.get(low) or WORD_CUE_LEMMA.get(low)
