"""Quote extraction: one test per construction of issue 4, on sentences written for the test
in news style, plus the seed acceptance test and a regression floor on GUM quotation spans."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsquotes.evaluation import quote_prf
from newsquotes.model import Sentence
from newsquotes.quotes import extract_quotes, quotation_spans

DATA = Path(__file__).parent / "data"
_SENT = re.compile(r"[^.!?]+(?:[.!?]+[\"”’']*|$)")


def make_sentences(text: str, title: bool = False) -> list[Sentence]:
    """A deliberately naive segmenter (paragraphs on blank lines, sentences after . ! ?),
    so these tests do not depend on the project's own splitter."""
    out: list[Sentence] = []
    pos = 0
    for p, para in enumerate(text.split("\n\n")):
        block = "title" if title and p == 0 else "body"
        spans = [(pos, pos + len(para))] if block == "title" else [
            (pos + m.start() + (len(m.group()) - len(m.group().lstrip())), pos + m.end())
            for m in _SENT.finditer(para) if m.group().strip()
        ]
        for s, e in spans:
            out.append(Sentence(len(out), p, block, s, e))
        pos += len(para) + 2
    return out


def run(text: str, title: bool = False):
    quotes = extract_quotes(text, make_sentences(text, title))
    for q in quotes:  # offsets and confidence are always well-formed
        assert 0 <= q.start < q.end <= len(text)
        assert 0.0 <= q.confidence <= 1.0
        assert q.sentence_first <= q.sentence_last
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    return quotes


def content(text, q):
    return text[q.start:q.end]


def speaker(text, q):
    return text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None


def cue(text, q):
    return text[q.cue_start:q.cue_end] if q.cue_start is not None else None


# --- direct quotes --------------------------------------------------------------------------


def test_direct_straight_marks_with_trailing_attribution():
    text = ('Senator Maria Delgado criticised the budget on Tuesday.\n\n'
            '"This plan leaves rural hospitals behind," Delgado said.')
    [q] = run(text)
    assert q.type == "direct"
    assert content(text, q) == "This plan leaves rural hospitals behind,"
    assert speaker(text, q) == "Delgado"
    assert q.speaker_name == "Maria Delgado" and q.speaker_kind == "name"
    assert cue(text, q) == "said" and q.cue_lemma == "say"


def test_direct_curly_marks_several_sentences_lead_attribution():
    text = ("The central bank governor, Ewa Nowak, said: “Inflation has peaked. "
            "We expect prices to fall next year. Wages will follow.”")
    [q] = run(text)
    assert q.type == "direct"
    assert content(text, q).startswith("Inflation has peaked.")
    assert content(text, q).endswith("Wages will follow.")
    assert q.sentence_last > q.sentence_first
    assert q.speaker_name == "Ewa Nowak"


def test_direct_inverted_attribution():
    text = '"We are ready to talk," said Ambassador Li Wei.'
    [q] = run(text)
    assert speaker(text, q) == "Ambassador Li Wei"
    assert q.speaker_name == "Li Wei"


def test_split_quote_gives_two_items_with_same_speaker():
    text = '"The road is closed," police spokesman Tom Hardy told reporters, "and will stay closed until Friday."'
    quotes = run(text)
    assert [q.type for q in quotes] == ["direct", "direct"]
    assert {q.speaker_name for q in quotes} == {"Tom Hardy"}
    assert content(text, quotes[1]) == "and will stay closed until Friday."


def test_quote_continues_into_next_paragraph():
    text = ('Mayor Ana Lopez said, "The budget is balanced for the first time in a decade.\n\n'
            '"We cut waste, we protected schools, and we will keep cutting."')
    quotes = run(text)
    assert [q.type for q in quotes] == ["direct", "direct"]
    first, second = quotes
    assert second.speaker_name == "Ana Lopez" and second.cue_start is None
    # GUM-style spans join the two paragraphs into one quotation
    [(a, b)] = quotation_spans(text, quotes)
    assert "balanced" in text[a:b] and "keep cutting" in text[a:b]


def test_paragraph_break_inside_marks_without_new_opening_mark():
    text = ('After the match, coach Nabil Karoui said, "We played well in the first half.\n\n'
            'The second half was a different story."')
    quotes = run(text)
    assert len(quotes) == 2
    assert quotes[1].speaker_name == "Nabil Karoui"
    assert content(text, quotes[1]) == "The second half was a different story."


def test_floating_quote_takes_previous_speaker():
    text = ('"Seventeen years ago, this would not have been possible," said Ambassador Hamid Karimi.\n\n'
            '"These young women represent our resilience and our future."')
    quotes = run(text)
    assert len(quotes) == 2
    assert quotes[1].type == "direct" and quotes[1].speaker_name == "Hamid Karimi"
    assert quotes[1].cue_start is None


def test_short_sentence_after_an_attributed_quote_continues_it():
    text = '"The plan is wrong," said Rita Moreau. "Farmers are hurting."'
    quotes = [q for q in run(text) if q.type == "direct"]
    assert [content(text, q) for q in quotes] == ["The plan is wrong,", "Farmers are hurting."]
    assert quotes[1].speaker_name == "Rita Moreau"
    text = '"We are going to win," said Rita Moreau. "Believe me."'
    assert [content(text, q) for q in run(text) if q.type == "direct"][-1] == "Believe me."
    # on its own, a short phrase in marks is not speech
    assert not run('The slogan was "Farmers first." on every poster.')


def test_the_author_of_a_statement_is_its_speaker():
    # (docs/speaker-annotation.md, "Documents and their authors")
    for text in ('"We take these allegations seriously," a statement from the company said.',
                 '"We take these allegations seriously," said a statement from the company.'):
        q = [q for q in run(text) if q.type == "direct"][0]
        assert speaker(text, q) == "the company" and q.speaker_kind == "organization"
    text = '"The site will go down tonight," said the post by an unknown author.'
    q = [q for q in run(text) if q.type == "direct"][0]
    assert speaker(text, q) == "an unknown author" and q.speaker_name == "unknown author"
    [q] = run("A letter from the union said the strike would go ahead.")
    assert q.type == "indirect" and q.speaker_name == "union"
    # without an author, the document speaks
    [q] = run('"We take these allegations seriously," the statement said.')
    assert speaker('"We take these allegations seriously," the statement said.', q) == "the statement"


@pytest.mark.parametrize("text, who", [
    ("Home sales fell sharply last month, according to data from the National Association of Realtors.",
     "the National Association of Realtors"),
    ("According to figures from the Labor Department, wages rose sharply in May.", "the Labor Department"),
])
def test_the_compiler_of_data_after_according_to_is_its_speaker(text, who):
    # (docs/speaker-annotation.md, "Documents and their authors"): data speak for their author
    [q] = run(text)
    assert q.type == "indirect" and speaker(text, q) == who and q.speaker_kind == "organization"
    assert cue(text, q).lower() == "according to"


@pytest.mark.parametrize("text, who", [
    ("Home sales fell sharply last month, according to data from FactSet.", "FactSet"),
    ("According to a report by Morningstar, the fund lost money in May.", "Morningstar"),
    ("A statement released Friday by Acme said the docks would reopen.", "Acme"),
])
def test_a_one_word_author_that_is_no_known_person_is_an_organisation(text, who):
    # a source that publishes data or documents is mostly a body, unless the article names a person so
    [q] = run(text)
    assert speaker(text, q) == who and q.speaker_name == who and q.speaker_kind == "organization"


def test_a_one_word_author_that_names_a_person_stays_a_name():
    # near misses: the article's person, a known first name, an owner before a possessive
    text = "John Smith is a lawyer for the port. The docks will reopen soon, according to a statement from Smith."
    [q] = run(text)
    assert speaker(text, q) == "Smith" and q.speaker_name == "John Smith" and q.speaker_kind == "name"
    text = "Home sales fell sharply last month, according to data from Michael."
    [q] = run(text)
    assert q.speaker_name == "Michael" and q.speaker_kind == "name"
    text = "The docks will reopen soon, according to a statement from Smith's office."
    [q] = run(text)
    assert q.speaker_name == "Smith" and q.speaker_kind == "name"


def test_data_without_an_author_speak_themselves():
    # near miss: "from last month" is a time, not who compiled them
    text = "Home sales fell sharply last month, according to data from last year."
    [q] = run(text)
    assert speaker(text, q) == "data" and content(text, q) == "Home sales fell sharply last month"


@pytest.mark.parametrize("text, who", [
    ("A statement issued by the port authority said the docks would reopen.", "the port authority"),
    ("A memo released Friday by the county said the docks would reopen.", "the county"),
    ("According to a letter posted Friday by the county, the docks would reopen.", "the county"),
])
def test_a_document_made_by_an_author_gives_the_author(text, who):
    # a verb of making names the author, who speaks through the document, as with "from"
    [q] = run(text)
    assert speaker(text, q) == who and q.speaker_kind == "organization"
    assert content(text, q) == "the docks would reopen"


@pytest.mark.parametrize("text, document", [
    ("According to a federal indictment unsealed Thursday, the brothers hid the cash.", "a federal indictment"),
    ("According to a complaint filed Monday in state court, the brothers hid the cash.", "a complaint"),
    ("According to documents obtained by The Valley Courier, the brothers hid the cash.", "documents"),
    ("A report released Thursday said the brothers hid the cash.", "A report"),
    ("A letter seen by The Valley Courier said the brothers hid the cash.", "A letter"),  # as before
    ("According to records obtained by The Valley Courier, the brothers hid the cash.", "records"),
    ("The notice posted Friday said the brothers hid the cash.", "The notice"),
])
def test_a_reduced_relative_after_a_document_is_no_part_of_it(text, document):
    # "obtained by X" or "seen by X" names who holds the document, not who wrote it: the document speaks
    [q] = run(text)
    assert speaker(text, q) == document and q.speaker_kind == "organization"
    assert content(text, q) == "the brothers hid the cash"


@pytest.mark.parametrize("text, who", [
    ("According to inspectors briefed on the audit, the depot lost money.", "inspectors"),
    ("According to two engineers involved in the review, the depot lost money.", "two engineers"),
    ("According to people familiar with the audit, the depot lost money.", "people"),
])
def test_a_phrase_qualifying_people_after_according_to_is_no_content(text, who):
    # the participle or adjective phrase after the people noun runs to the comma; the report follows it
    [q] = run(text)
    assert speaker(text, q) == who and q.speaker_kind == "role" and cue(text, q) == "According to"
    assert content(text, q) == "the depot lost money"


def test_a_clause_right_after_according_to_people_is_content():
    # near miss: with the comma right after the people noun, the clause starts there as before
    text = "According to inspectors, audited accounts showed the depot lost money."
    [q] = run(text)
    assert speaker(text, q) == "inspectors" and content(text, q) == "audited accounts showed the depot lost money"


@pytest.mark.parametrize("text, owner, name, kind", [
    ("Senator Dana Whitfield's latest statement said the bill would pass.",
     "Senator Dana Whitfield", "Dana Whitfield", "name"),
    ("The ministry's latest annual report said exports had fallen.", "The ministry", "ministry", "organization"),
    ("The Northwind Institute's recent analysis concluded that the chip was too slow.",
     "The Northwind Institute", "Northwind Institute", "organization"),
    ("Whitfield's statement added that the bill would pass.", "Whitfield", "Whitfield", "name"),
    ("Senator Dana Whitfield's internal memo said the agency had broken the law.",
     "Senator Dana Whitfield", "Dana Whitfield", "name"),
])
def test_the_owner_of_a_document_is_its_speaker_with_modifiers_between(text, owner, name, kind):
    # (docs/speaker-annotation.md: "PC World's recent analysis ... concluded" -> PC World)
    [q] = run(text)
    assert speaker(text, q) == owner and q.speaker_name == name and q.speaker_kind == kind


@pytest.mark.parametrize("text, mention", [
    # an agent speaks for the owner only right after a name: a former lawyer speaks for himself,
    # and an office of a role is a body of its own
    ("Dana Whitfield's former lawyer said the payments were approved.", "Dana Whitfield's former lawyer"),
    ("The county sheriff's office said the road was closed.", "The county sheriff's office"),
    # an owner that is no speaker leaves the document speaking
    ("The plan's latest report said exports had fallen.", "The plan's latest report"),
])
def test_a_document_or_agent_without_a_speaking_owner_speaks_itself(text, mention):
    [q] = run(text)
    assert speaker(text, q) == mention


@pytest.mark.parametrize("text, mention", [
    ("The chief of staff said the depot would close.", "The chief of staff"),
    ("A memo written by the chief of staff says the depot would close.", "the chief of staff"),
    ("The depot would close, said the director of communications.", "the director of communications"),
])
def test_a_role_of_a_bare_noun_is_a_role(text, mention):
    # "chief of staff": a people noun, "of" and a bare noun make one title, which speaks
    [q] = run(text)
    assert speaker(text, q) == mention and q.speaker_kind == "role"
    assert q.speaker_name == mention.split(" ", 1)[1] and content(text, q).lower() == "the depot would close"


def test_a_titled_role_of_a_bare_noun_before_a_name_gives_the_person():
    text = "Chief of Staff Dana Whitfield said the depot would close."
    [q] = run(text)
    assert speaker(text, q) == text[:text.index(" said")] and q.speaker_name == "Dana Whitfield"


def test_a_record_number_is_no_document():
    # near miss: "record" as a modifier leaves the counted people speaking
    text = "A record number of voters said the levy was too high."
    [q] = run(text)
    assert speaker(text, q) == "A record number of voters" and q.speaker_kind == "role"


@pytest.mark.parametrize("text, mention", [
    ("The memo said the agency had broken the law.", "The memo"),
    ('"The site is down," the email said.', "the email"),
    ('Visitors to the site only see a message stating, "The page has moved."', "a message"),
])
def test_every_document_noun_can_speak(text, mention):
    [q] = run(text)
    assert speaker(text, q) == mention and q.speaker_kind == "organization"


@pytest.mark.parametrize("text, mention", [
    ("The report on Foreign Aid said the program had failed.", "The report"),
    ("A letter to Governor Ann Lee said the program had failed.", "A letter"),
    ("The memo on the Iran deal said the program had failed.", "The memo"),
    ("The Northwind Institute's recent analysis of its own sales figures concluded that demand had fallen.",
     "The Northwind Institute"),
    # near misses: "of" may name the author, and "on" may be part of a body's name
    ("The report of the Senate Intelligence Committee said the program had failed.",
     "the Senate Intelligence Committee"),
    ("The Council on Foreign Relations said the program had failed.", "The Council on Foreign Relations"),
])
def test_the_topic_or_addressee_of_a_document_is_not_its_speaker(text, mention):
    [q] = run(text)
    assert speaker(text, q) == mention


@pytest.mark.parametrize("text, mention, cue_word", [
    ("The indictment says the treasurer hid the payments from auditors.", "The indictment", "says"),
    ("The lawsuit alleges that the county ignored repeated safety warnings.", "The lawsuit", "alleges"),
    ("According to the complaint, the landlord kept the deposits of forty tenants.", "the complaint", "According to"),
    ("The affidavit claims the deputy searched the truck without consent.", "The affidavit", "claims"),
    ("The motion argues that the evidence was gathered without a warrant.", "The motion", "argues"),
    ("The executive order says federal agencies must cut their travel budgets.", "The executive order", "says"),
    ("According to the transcript, the governor asked the aide to delay the vote.", "the transcript", "According to"),
    ("The ruling said the zoning law was vague and could not be enforced.", "The ruling", "said"),
    # the target of a charge or a suit is not its author
    ("The indictment of Mayor Tom Reyes says the payments were hidden from auditors.", "The indictment", "says"),
    ("The suit against the school board claims the new policy breaks state law.", "The suit", "claims"),
])
def test_court_and_government_papers_speak(text, mention, cue_word):
    [q] = run(text)
    assert q.type == "indirect" and speaker(text, q) == mention and cue(text, q) == cue_word
    assert q.speaker_kind == "organization" and q.speaker_name == mention.split(" ", 1)[1].replace("the ", "")


def test_the_owner_of_a_court_paper_is_its_speaker():
    text = "Dana Whitfield's lawsuit alleges the city violated her right to a hearing."
    [q] = run(text)
    assert speaker(text, q) == "Dana Whitfield" and q.speaker_kind == "name"
    assert content(text, q) == "the city violated her right to a hearing"


def test_states_and_notes_after_a_document_are_cues():
    text = "The complaint states that the firm billed patients for tests never performed."
    [q] = run(text)
    assert speaker(text, q) == "The complaint" and cue(text, q) == "states" and q.cue_lemma == "state"
    assert content(text, q) == "the firm billed patients for tests never performed"
    text = "The memo notes that the agency had missed three deadlines."
    [q] = run(text)
    assert speaker(text, q) == "The memo" and cue(text, q) == "notes"
    # near misses: the noun readings, and a subject that is no document, give no cue
    for text in ("Officials said the states that expanded the program saw costs rise sharply.",
                 "Officials said the field notes that survived the fire were sent to a museum."):
        assert [cue(text, q) for q in run(text)] == ["said"]
    assert run("Ohio states that the rule applies to every county in the region.") == []


def test_floating_quote_after_colon_intro_paragraph():
    text = ('In a statement, the Interior Ministry said:\n\n'
            '"All flights from the northern airports are suspended until further notice."')
    [q] = run(text)
    assert q.type == "direct"
    assert q.speaker_name == "Interior Ministry" and q.speaker_kind == "organization"
    assert cue(text, q) == "said"


def test_floating_quote_speaker_named_in_next_sentence():
    text = ('"We will appeal the ruling immediately." Lawyer Dana Whitfield said the verdict ignored the evidence.')
    quotes = run(text)
    direct = [q for q in quotes if q.type == "direct"]
    assert direct and direct[0].speaker_name == "Dana Whitfield"


def test_noun_like_cue_right_before_a_quotation_is_a_cue():
    text = 'The USDA notes, "Farm income fell in 2019."'
    [q] = run(text)
    assert q.type == "direct" and content(text, q) == "Farm income fell in 2019."
    assert q.speaker_name == "USDA" and cue(text, q) == "notes" and q.cue_lemma == "note"
    text = 'Senator Dana Whitfield believes: "We can win this race."'
    [q] = run(text)
    assert q.speaker_name == "Dana Whitfield" and q.cue_lemma == "believe"
    # the noun reading gives no quote, nor does a noun with no speaker before it
    assert run("The notes were lost in the fire. Nobody knows what they said about the war.") == []
    assert run('The field notes, "mostly illegible," were lost.') == []
    text = 'One reader agreed, writing in a blog post "I have loaded the tool and started it."'
    assert all(q.cue_lemma != "post" for q in run(text))


def test_participial_adjunct_after_the_closing_mark_leaves_the_quote_direct():
    text = 'Senator Dana Whitfield said, "The bill will pass this week", highlighting the support of moderates.'
    [q] = run(text)
    assert q.type == "direct" and content(text, q) == "The bill will pass this week"
    assert q.speaker_name == "Dana Whitfield" and cue(text, q) == "said"


@pytest.mark.parametrize("participle", ["citing the support of moderates", "pointing to the new polls",
                                        "noting the support of moderates", "adding that moderates backed it",
                                        "telling reporters that moderates backed it"])
def test_participle_cue_after_the_closing_mark_leaves_the_quote_direct(participle):
    text = f'Senator Dana Whitfield said, "The bill will pass this week", {participle}.'
    quote, *rest = run(text)
    assert quote.type == "direct" and content(text, quote) == "The bill will pass this week"
    assert quote.speaker_name == "Dana Whitfield" and cue(text, quote) == "said"
    # a participle that reports a clause is a second report by the same speaker
    assert [(q.type, content(text, q), q.speaker_name) for q in rest] == (
        [("indirect", "moderates backed it", "Dana Whitfield")] if "that" in participle else [])


def test_according_to_after_the_closing_mark_still_attributes_the_quote():
    text = '"The bill will pass this week", according to Senator Dana Whitfield.'
    [q] = run(text)
    assert q.type == "direct" and q.speaker_name == "Dana Whitfield" and q.cue_lemma == "according to"


# --- mixed quotes ---------------------------------------------------------------------------


def test_mixed_quote_fragment_in_reported_clause():
    text = ('Prime Minister Olaf Berg said the new alliance would "bring together all those already '
            'fighting on the ground" who oppose the militants.')
    [q] = run(text)
    assert q.type == "mixed"
    assert content(text, q).startswith("the new alliance would")
    assert content(text, q).endswith("who oppose the militants")
    assert q.speaker_name == "Olaf Berg"


def test_mixed_quote_with_trailing_attribution():
    text = 'The two sides will discuss "closer coordination on energy markets", the foreign ministry said.'
    [q] = run(text)
    assert q.type == "mixed"
    assert content(text, q) == 'The two sides will discuss "closer coordination on energy markets"'
    assert speaker(text, q) == "the foreign ministry"
    assert q.speaker_name == "foreign ministry" and q.speaker_kind == "organization"


def test_mixed_quote_with_verb_naming_a_list():
    text = ('Defence Minister Ruth Adler met the commanders. She named the army, the border police and '
            '"every unit that protects our citizens."')
    [q] = run(text)
    assert q.type == "mixed" and q.cue_lemma == "name"
    assert q.speaker_kind == "pronoun" and q.speaker_name == "Ruth Adler"


# --- indirect quotes ------------------------------------------------------------------------


def test_indirect_said_that():
    text = "The company said that quarterly profits rose by 10 percent."
    [q] = run(text)
    assert q.type == "indirect"
    assert content(text, q) == "quarterly profits rose by 10 percent"
    assert q.speaker_kind == "organization" and q.speaker_name == "company"


def test_participle_cue_after_a_reported_clause_ends_it():
    text = "Mayor Tom Reed said the budget was balanced, adding that taxes would not rise."
    said, added = run(text)
    assert content(text, said) == "the budget was balanced" and cue(text, said) == "said"
    assert content(text, added) == "taxes would not rise" and cue(text, added) == "adding"
    assert said.speaker_name == added.speaker_name == "Tom Reed"
    text = 'Mayor Tom Reed said the party would "never back down", citing the polls.'
    [q] = run(text)
    assert q.type == "mixed" and content(text, q) == 'the party would "never back down"'
    # a participle that is no cue belongs to the reported clause
    text = "Officials said the storm hit the coast, killing 12 people."
    [q] = run(text)
    assert content(text, q) == "the storm hit the coast, killing 12 people"


@pytest.mark.parametrize("mark", ['"', "\u201d"])
def test_participle_cue_after_a_comma_inside_the_closing_mark_ends_the_mixed_quote(mark):
    # American style puts the comma inside the mark: 'called it "a giveaway," arguing that ...'
    opening = '"' if mark == '"' else "\u201c"
    text = f"Councillor Maria Ortez called the levy {opening}a giveaway,{mark} arguing that renters would pay the price."
    called, argued = run(text)
    assert called.type == "mixed" and cue(text, called) == "called"
    assert content(text, called) == f"the levy {opening}a giveaway,{mark}"
    assert argued.type == "indirect" and cue(text, argued) == "arguing"
    assert content(text, argued) == "renters would pay the price"
    assert called.speaker_name == argued.speaker_name == "Maria Ortez"


def test_participle_inside_an_opening_mark_is_quoted_speech():
    text = 'Councillor Maria Ortez said, "arguing about the levy is pointless now."'
    [q] = run(text)
    assert q.type == "direct" and content(text, q) == "arguing about the levy is pointless now."
    assert cue(text, q) == "said"


@pytest.mark.parametrize("contrast", [
    "but the mayor defended it", "while supporters praised its savings",
    "whereas the governor called it a bargain", "but the White House has rejected that claim",
])
def test_contrast_with_a_new_person_or_body_ends_the_reported_clause(contrast):
    text = f"Critics said the toll plan would raise costs for commuters, {contrast}."
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == "the toll plan would raise costs for commuters"
    assert speaker(text, q) == "Critics" and cue(text, q) == "said"
    # also after a trailing or parenthetical attribution
    text = f"The toll plan would raise costs for commuters, critics said, {contrast}."
    [q] = run(text)
    assert content(text, q) == "The toll plan would raise costs for commuters" and speaker(text, q) == "critics"
    text = f"The toll plan, critics said, would raise costs for commuters, {contrast}."
    [q] = run(text)
    assert content(text, q) == "The toll plan, critics said, would raise costs for commuters"


def test_contrast_with_a_second_report_gives_two_quotes():
    text = "Critics said the toll plan would raise costs, but the mayor said it would cut traffic."
    first, second = run(text)
    assert content(text, first) == "the toll plan would raise costs" and first.speaker_name == "critics"
    assert content(text, second) == "it would cut traffic" and second.speaker_name == "mayor"


@pytest.mark.parametrize("text, reported", [
    # no comma, no new clause
    ("Critics said the program was small but growing fast in rural counties.",
     "the program was small but growing fast in rural counties"),
    # a contrast of things, or one that goes on with the speaker's own subject or a modal
    ("The agency said exports rose sharply in May, while imports fell for a third month.",
     "exports rose sharply in May, while imports fell for a third month"),
    ("Critics said the toll plan would raise costs, but it could still pass the council.",
     "the toll plan would raise costs, but it could still pass the council"),
    ("Critics said the toll plan would raise costs, but not for families with children.",
     "the toll plan would raise costs, but not for families with children"),
])
def test_contrast_that_may_go_on_with_the_report_stays_in_it(text, reported):
    [q] = run(text)
    assert content(text, q) == reported


def test_indirect_trailing_attribution():
    text = "Interest rates will stay low for at least another year, the chief economist said."
    [q] = run(text)
    assert q.type == "indirect"
    assert content(text, q) == "Interest rates will stay low for at least another year"
    assert q.speaker_kind == "role"


@pytest.mark.parametrize("attribution", [
    "Lopez said on Tuesday", "Lopez said Tuesday night", "Lopez said in a statement",
    "Senator Maria Lopez said in a statement on Tuesday", "Lopez told reporters on Capitol Hill",
    "Lopez wrote on Twitter", "Lopez said earlier this month", "Lopez said in an interview with a radio station",
    "Lopez said, on Tuesday", "Lopez said, in a statement on Tuesday",
])
def test_indirect_trailing_attribution_followed_by_adjuncts(attribution):
    text = ("Senator Maria Lopez spoke.\n\n"
            f"The government will cut taxes for families next year, {attribution}.")
    [q] = [q for q in run(text) if q.type == "indirect"]
    assert content(text, q) == "The government will cut taxes for families next year"
    assert q.speaker_name == "Maria Lopez" and q.speaker_kind == "name"


def test_adjuncts_set_off_by_a_comma_before_a_clause_keep_the_clause():
    # near miss: with no clause before the attribution, "said, on Tuesday, that ..." reports what follows
    text = "Senator Maria Lopez said, on Tuesday, that the government would cut taxes."
    [q] = run(text)
    assert content(text, q) == "the government would cut taxes" and cue(text, q) == "said"


def test_trailing_attribution_followed_by_its_own_clause_is_not_trailing():
    text = ("Senator Maria Lopez spoke.\n\n"
            "Taxes were high, Lopez said on Tuesday the government would cut them next year.")
    assert all(content(text, q) != "Taxes were high" for q in run(text))


@pytest.mark.parametrize("rest", [
    ", and the governor agreed", ", and House Republicans quickly rejected it",
])
def test_clause_of_a_new_speaker_after_a_trailing_attribution_is_not_content(rest):
    text = f"The toll plan will raise costs for commuters, the senator said{rest}."
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == "The toll plan will raise costs for commuters"
    assert speaker(text, q) == "the senator" and q.speaker_kind == "role" and cue(text, q) == "said"


@pytest.mark.parametrize("subject", ["Nobody", "Officials", "Institutional recipients"])
def test_a_subject_set_off_by_a_comma_before_an_inverted_aside_is_part_of_the_report(subject):
    # no comma parts a subject from its verb: the speaker is the one named after "said"
    text = f"{subject}, said Ortiz, had been warned of the risks."
    [q] = run(text)
    assert speaker(text, q) == "Ortiz" and cue(text, q) == "said"
    assert content(text, q).startswith(subject) and content(text, q).endswith("risks")


def test_a_subject_with_commas_of_its_own_keeps_the_comma_before_its_verb():
    # near miss: the comma closes the list and the clause inside the subject
    text = "The United States, its allies and the rebel groups they back, say Assad must go."
    [q] = run(text)
    assert q.speaker_name == "United States" and content(text, q) == "Assad must go"


def test_clause_with_a_pronoun_after_a_trailing_attribution_stays_in_the_report():
    # near miss: "it" may go on with the senator's report, which keeps the sentence
    text = "The toll plan will raise costs for commuters, the senator said, and it will cost billions."
    [q] = run(text)
    assert content(text, q) == text[:-1]


@pytest.mark.parametrize("rest", [", and urged a new one", ", and then called for a recount"])
def test_a_verb_joined_after_a_trailing_attribution_is_the_speakers_next_act(rest):
    text = f"The vote was unfair, the senator said{rest}."
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == "The vote was unfair"
    assert speaker(text, q) == "the senator" and cue(text, q) == "said"


def test_a_cue_joined_after_a_trailing_attribution_reports_on_its_own():
    text = "The vote was unfair, she said, and added that the count was wrong."
    said, added = run(text)
    assert content(text, said) == "The vote was unfair" and cue(text, said) == "said"
    assert content(text, added) == "the count was wrong" and cue(text, added) == "added"
    assert speaker(text, added) == "she"


def test_a_participle_subject_joined_after_a_trailing_attribution_stays_in_the_report():
    # near miss: "renewed talks would follow" has its own subject and verb
    text = "The vote was unfair, she said, and renewed talks would follow."
    [q] = run(text)
    assert content(text, q) == text[:-1]


@pytest.mark.parametrize("rest", [
    ", a senior aide, on Tuesday", ", a senior aide to the governor", ", the panel's chairwoman",
    ", who chairs the budget panel",
])
def test_apposition_after_an_inverted_trailing_speaker_is_not_content(rest):
    text = f"Taxes will rise for most families next year, said Ann Lee{rest}."
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == "Taxes will rise for most families next year"
    assert speaker(text, q) == "Ann Lee" and q.speaker_name == "Ann Lee" and q.speaker_kind == "name"


def test_inverted_attribution_inside_a_clause_keeps_the_clause():
    # near miss: after "said Ann Lee," the clause goes on, and no people noun heads the phrase
    text = "Taxes will rise for most families next year, said Ann Lee, the first thing to know."
    [q] = run(text)
    assert content(text, q) == text[:-1]


@pytest.mark.parametrize("subject, adjunct", [
    ("Senator Maria Lopez", "on October 5"), ("Senator Maria Lopez", "on Tuesday night"),
    ("Senator Maria Lopez", "last week"), ("Senator Maria Lopez", "earlier this month"),
    ("Senator Maria Lopez", "in an interview with CNN"), ("Senator Maria Lopez", "on Twitter"),
    ("The White House", "in a statement"),
])
def test_time_or_medium_between_subject_and_cue(subject, adjunct):
    text = f"{subject} {adjunct} said the bill would pass the Senate."
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == "the bill would pass the Senate"
    assert speaker(text, q) == subject


@pytest.mark.parametrize("cue", [
    "said on Tuesday", "said Tuesday", "said in a statement", "told CNN on Sunday", "said last week",
])
def test_time_or_medium_between_cue_and_reported_clause(cue):
    text = f"Senator Maria Lopez {cue} the bill would fail in the Senate."
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == "the bill would fail in the Senate"
    assert q.speaker_name == "Maria Lopez"


def test_time_or_medium_between_cue_and_opening_mark_leaves_the_quote_direct():
    text = 'Senator Maria Lopez wrote on Twitter "We will win this fight."'
    [q] = run(text)
    assert q.type == "direct" and q.speaker_name == "Maria Lopez"
    text = 'Rita Moreau admitted it, writing in a blog post "I loaded the tool and started the attack on the site."'
    q = [q for q in run(text) if q.type == "direct"][0]
    assert content(text, q).startswith("I loaded the tool") and q.speaker_name == "Rita Moreau"


@pytest.mark.parametrize("form", ["saying", "adding", "noting", "arguing", "warning", "claiming"])
def test_participle_after_a_clause_takes_the_clause_subject(form):
    # the noun phrase before the comma ("Tuesday", "the media") ends the clause; it is no speaker
    text = f"Governor Ann Lee lashed out at the media on Tuesday, {form} that the coverage was unfair."
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == "the coverage was unfair"
    assert speaker(text, q) == "Governor Ann Lee" and q.speaker_name == "Ann Lee" and cue(text, q) == form


def test_participle_after_a_clause_before_a_quotation_takes_the_clause_subject():
    text = 'The senator criticised the plan, saying "it will fail and everyone knows it."'
    [q] = run(text)
    assert q.type == "direct" and content(text, q) == "it will fail and everyone knows it."
    assert speaker(text, q) == "The senator" and cue(text, q) == "saying"


def test_participle_subject_is_resolved_like_any_speaker():
    text = ("Senator Ann Lee spoke in Ohio on Monday. She lashed out at the media, arguing that the "
            "coverage was unfair.")
    [q] = run(text)
    assert speaker(text, q) == "She" and q.speaker_kind == "pronoun" and q.speaker_name == "Ann Lee"
    text = "When asked about the plan, Governor Ann Lee shrugged, noting that the budget was tight."
    [q] = run(text)
    assert speaker(text, q) == "Governor Ann Lee" and content(text, q) == "the budget was tight"
    # the clause starts after ", but" or ";": its subject, not the sentence's, speaks
    text = "The plan drew protests, but the senator defended it on Tuesday, saying it was sound."
    [q] = run(text)
    assert speaker(text, q) == "the senator" and content(text, q) == "it was sound"


def test_participle_after_a_report_takes_the_reporter_not_the_adjunct():
    text = '"We will not back down," Jane Doe said on Tuesday, adding that the polls were good.'
    direct, added = run(text)
    assert direct.speaker_name == added.speaker_name == "Jane Doe"
    assert added.type == "indirect" and content(text, added) == "the polls were good"
    text = '"We will not back down," Jane Doe said Tuesday, adding: "The polls are with us."'
    first, second = run(text)
    assert second.type == "direct" and content(text, second) == "The polls are with us."
    assert speaker(text, second) == "Jane Doe" and cue(text, second) == "adding"
    # a participle is no inverted attribution: ", adding that the party ..." has no speaker "the party"
    text = '"We will not back down," Jane Doe said, adding that the party was "more united than ever."'
    direct, added = run(text)
    assert added.type == "mixed" and content(text, added) == 'the party was "more united than ever."'
    assert added.speaker_name == "Jane Doe"


def test_participle_near_misses():
    # with no comma the participle belongs to the noun before it: the document speaks
    text = "The company released a letter saying the plant would close."
    [q] = run(text)
    assert speaker(text, q) == "a letter"
    # a participle that reports no clause is no quote ("adding" words to a name)
    assert run('The agency renamed the database, adding the words "and Emergency" to its name.') == []
    # a subject too far back is not hunted for, and the object before the comma is no speaker
    campaign = " and ".join(["housing", "transport", "schools", "policing", "the budget", "the port"] * 6)
    text = (f"Mayor Tom Reed who was re-elected last year after a campaign that centred on {campaign} "
            "lashed out at the media, saying the coverage was unfair.")
    assert [speaker(text, q) for q in run(text)] == []


@pytest.mark.parametrize("text, reported, mention, cue_word", [
    ("Saying the tariff plan would fail, Governor Ann Lee lashed out at the trade office on Tuesday.",
     "the tariff plan would fail", "Governor Ann Lee", "Saying"),
    ("Arguing that the new tax would hurt farmers, the senator voted against the budget.",
     "the new tax would hurt farmers", "the senator", "Arguing"),
    ("Insisting the contract had been fair, she refused to resign from the board.",
     "the contract had been fair", "she", "Insisting"),
    # the clause may hold commas of its own: the main clause is the first with a subject and verb
    ("Saying that, if elected, she would cut property taxes, the candidate thanked her donors.",
     "if elected, she would cut property taxes", "the candidate", "Saying"),
])
def test_participle_cue_opening_the_sentence_takes_the_main_clause_subject(text, reported, mention, cue_word):
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == reported
    assert speaker(text, q) == mention and cue(text, q) == cue_word


def test_opening_participle_near_misses():
    # a participle that reports no clause, and one that is no cue, give nothing of their own
    assert run("Saying goodbye to her staff, the governor left the building for the last time.") == []
    text = "Speaking to reporters, the senator said the bill would pass this week."
    [q] = run(text)
    assert cue(text, q) == "said" and content(text, q) == "the bill would pass this week"


def test_indirect_according_to():
    text = "According to local police, the suspect fled on foot toward the river."
    [q] = run(text)
    assert q.type == "indirect" and q.cue_lemma == "according to"
    assert content(text, q) == "the suspect fled on foot toward the river"


def test_according_to_relay_gives_way_to_the_report_it_relays():
    text = ("According to the Herald, Professor Dana Whitfield, the chair of the panel, said the "
            "flag had never been put to a public vote.")
    q = run(text)[0]
    assert speaker(text, q) == "Professor Dana Whitfield" and cue(text, q) == "said"
    assert content(text, q) == "the flag had never been put to a public vote"


@pytest.mark.parametrize("text, kind", [
    ('"We are ready for the final," the coach said Tuesday, according to a transcript.', "direct"),
    ("The toll plan will raise costs for commuters, officials said, according to Reuters.", "indirect"),
])
def test_according_to_after_a_reports_attribution_gives_no_item_of_its_own(text, kind):
    # the trailing "according to" names the medium that relays the report: the report keeps its speaker
    [q] = run(text)
    assert q.type == kind and cue(text, q) == "said" and q.cue_lemma != "according to"
    assert speaker(text, q) in ("the coach", "officials")


@pytest.mark.parametrize("source", ["a transcript", "a transcript obtained by CNN", "state media"])
def test_according_to_after_a_reported_clause_is_not_its_content(source):
    text = f"The senator said the toll plan would raise costs for commuters, according to {source}."
    [q] = run(text)
    assert q.type == "indirect" and cue(text, q) == "said" and speaker(text, q) == "The senator"
    assert content(text, q) == "the toll plan would raise costs for commuters"


def test_according_to_set_off_inside_a_reported_clause_stays_in_it():
    # near miss: a comma after the source sets it inside what the senator said
    text = "The senator said the toll plan, according to experts, would raise costs for commuters."
    [q] = run(text)
    assert content(text, q) == "the toll plan, according to experts, would raise costs for commuters"


def test_according_to_after_a_mere_speech_act_still_reports_the_clause():
    # near miss: "announced layoffs" reports no clause, so the clause is the filing's
    text = "The company announced layoffs at its plant in Ohio, according to a filing."
    [q] = run(text)
    assert q.type == "indirect" and q.cue_lemma == "according to" and speaker(text, q) == "a filing"
    assert content(text, q) == "The company announced layoffs at its plant in Ohio"


def test_that_before_a_subordinate_clause_still_reports_it():
    text = ("Speaking for the defence, Dana Whitfield said that, as the family came from abroad, "
            "they should not be judged by local customs.")
    q = run(text)[0]
    assert q.type == "indirect" and content(text, q).startswith("as the family came from abroad")


def test_indirect_told_reporters():
    text = "Governor Pat Quinn told reporters the bridge would reopen in March."
    [q] = run(text)
    assert q.type == "indirect" and q.cue_lemma == "tell"
    assert content(text, q) == "the bridge would reopen in March"
    assert q.speaker_name == "Pat Quinn"


def test_indirect_told_a_common_noun_listener_then_a_clause_without_that():
    text = "The governor told the senator the vote would be delayed."
    [q] = run(text)
    assert speaker(text, q) == "The governor" and q.cue_lemma == "tell"
    assert content(text, q) == "the vote would be delayed"
    text = "Officials warned the committee members it was too late."
    [q] = run(text)
    assert content(text, q) == "it was too late"


@pytest.mark.parametrize("text, reported", [
    ("The minister told the board the economy grew.", "the economy grew"),
    ("She told the panel the agency knew about it.", "the agency knew about it"),
    ("He warned the council the budget fell short.", "the budget fell short"),
    ("The chairman told his staff the company lost money.", "the company lost money"),
])
def test_a_common_noun_listener_before_an_irregular_past_clause(text, reported):
    # an irregular past tense is a finite verb as much as "-ed": the listener is no content
    [q] = run(text)
    assert content(text, q) == reported


def test_told_a_noun_phrase_without_a_following_clause_keeps_it():
    # near misses: no subject with a finite verb after the object, so nothing is a listener
    text = "She warned the move would backfire."
    [q] = run(text)
    assert content(text, q) == "the move would backfire"
    text = "She told the senator the left wing."  # no verb after the irregular-looking "left"
    [q] = run(text)
    assert content(text, q) == "the senator the left wing"


def test_told_a_listener_about_a_topic_reports_nothing():
    # "tell" + listener + "about": the mere mention of a speech act, no reported clause
    for text in ("The mayor told the senator's aides about it.", "She told reporters about the plan.",
                 "He told the committee about his concerns.", "She told voters about the plan.",
                 "He told Smith's aides about it."):
        assert run(text) == [], text
    # near misses: "about" before a number opens the clause; "that" still brings one
    text = "Police told the panel about 200 people were killed."
    [q] = run(text)
    assert content(text, q) == "the panel about 200 people were killed"
    text = "He told the panel that he knew about it."
    [q] = run(text)
    assert speaker(text, q) == "He" and content(text, q) == "he knew about it"


def test_warned_a_listener_of_a_topic_reports_nothing():
    # inform/warn/assure + listener + "of" + topic: the listener is no part of any content
    for text in ("The agency informed the board of the decision.", "Officials warned the public of the dangers.",
                 "He assured voters of his support.", "The agency informed the board of its plan to close the plant."):
        assert run(text) == [], text
    # near misses: a participle after the comma keeps its own report; an "of" inside the
    # listener, followed by a clause, still reports it; "tell" takes no "of" topic
    text = "Officials warned the public of the dangers, saying the water was unsafe."
    [q] = run(text)
    assert cue(text, q) == "saying" and content(text, q) == "the water was unsafe"
    text = "The senator warned members of Congress the bill would fail."
    [q] = run(text)
    assert cue(text, q) == "warned" and content(text, q).endswith("the bill would fail")
    text = "The senator told members of Congress the bill would pass."
    [q] = run(text)
    assert content(text, q).endswith("the bill would pass")


def test_capitalised_word_before_a_finite_verb_is_the_clauses_subject_not_a_listener():
    for text, said in (("Democrats warned Republicans knew about it.", "Republicans knew about it"),
                       ("The senator warned Democrats would lose the House.", "Democrats would lose the House"),
                       ("She warned the Senate would block it.", "the Senate would block it")):
        [q] = run(text)
        assert cue(text, q) == "warned" and content(text, q) == said, text
    # near miss: a second subject after the capitalised word makes it the listener
    text = "Democrats told Republicans the bill would fail."
    [q] = run(text)
    assert speaker(text, q) == "Democrats" and content(text, q) == "the bill would fail"


def test_second_report_joined_by_a_bare_and_has_the_first_verbs_subject():
    text = "Dana Whitfield tweeted to the student and said the boy was welcome to visit the company."
    q = [q for q in run(text) if q.type == "indirect"][0]
    assert speaker(text, q) == "Dana Whitfield" and content(text, q) == "the boy was welcome to visit the company"
    # a participle after "and" is no second report: the clause runs on
    text = "Police said the man was arrested and charged with theft on Monday."
    q = run(text)[0]
    assert content(text, q) == "the man was arrested and charged with theft on Monday"


def test_second_report_in_the_present_after_a_bare_and_has_the_first_verbs_subject():
    text = "Officials claimed the plan failed and say it will cost taxpayers more."
    quotes = run(text)
    assert [(content(text, q), cue(text, q), q.speaker_name) for q in quotes] == [
        ("the plan failed", "claimed", "officials"),
        ("it will cost taxpayers more", "say", "officials"),
    ]
    # a plain form after a modal shares the modal with the verb before "and": no report of its own
    text = "Officials said they would review the plan and say whether it works."
    [q] = run(text)
    assert content(text, q) == "they would review the plan and say whether it works"


def test_that_inside_quotation_marks_does_not_start_the_reported_clause():
    text = 'Rita Moreau said it was "damning that the ministry has not acted" after the report.'
    q = run(text)[0]
    assert q.type == "mixed" and content(text, q).startswith('it was "damning that')


def test_headline_says():
    text = "Merkel Says Germany Will Accept More Refugees\n\nChancellor Angela Merkel spoke in Berlin on Monday."
    quotes = run(text, title=True)
    assert quotes[0].type == "indirect" and quotes[0].sentence_first == 0
    assert content(text, quotes[0]) == "Germany Will Accept More Refugees"
    assert quotes[0].speaker_name == "Angela Merkel"


def test_not_said_is_not_a_quote():
    text = "Officials have not said why the visas were denied."
    assert run(text) == []


# --- not quotes -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    'The so-called "peace dividend" never arrived in the region.',
    'She starred in "Gone With the Wind" before moving to London.',
    'Dwayne "The Rock" Johnson attended the premiere on Friday.',
    'The refugee team named their robot "Robogee" and listed their country as "Hope".',
])
def test_scare_quotes_titles_and_nicknames_are_not_quotes(text):
    assert run(text) == []


# --- robustness -----------------------------------------------------------------------------


def test_unbalanced_marks_in_a_huge_paragraph_give_valid_quotes():
    # Speed on hostile input is measured in bench/hostile.py; here: it finishes with sane spans.
    text = ('He said " it ' * 20000) + ("word " * 100000)  # ~0.7 MB, one paragraph, odd marks
    sentences = [Sentence(0, 0, "body", 0, len(text))]
    quotes = extract_quotes(text, sentences)
    assert all(0 <= q.start < q.end <= len(text) for q in quotes)


def test_empty_input():
    assert extract_quotes("", []) == []


# --- acceptance and regression floors --------------------------------------------------------

def _pipeline():
    from newsquotes.parse import parse_document
    from newsquotes.pipeline import sentences_of

    return parse_document, sentences_of


def test_seed_acceptance():
    parse_document, sentences_of = _pipeline()
    gold = json.loads((DATA / "seed/gold.json").read_text(encoding="utf-8"))
    parsed = parse_document((DATA / "seed/000_e5eb417d42e88fd9.txt").read_text(encoding="utf-8"))
    text = parsed.text
    quotes = extract_quotes(text, sentences_of(parsed))
    norm = lambda s: " ".join((s or "").split())  # noqa: E731
    got = {(q.type, norm(text[q.start:q.end]), norm(speaker(text, q)), q.speaker_name) for q in quotes}
    for g in gold["quotes"]:
        if g.get("optional"):
            continue
        assert (g["type"], norm(g["content"]), norm(g["speaker"]), g["speaker_name"]) in got, g


def test_gum_quotation_spans_floor():
    parse_document, sentences_of = _pipeline()
    total = None
    for path in sorted((DATA / "gum-news/gold").glob("GUM_news_*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))["quotations"]
        if not gold:  # several GUM articles carry no quotation annotation at all
            continue
        parsed = parse_document((DATA / "gum-news/raw" / (path.stem + ".txt")).read_text(encoding="utf-8"))
        text = parsed.text
        spans = [text[a:b] for a, b in quotation_spans(text, extract_quotes(text, sentences_of(parsed)))]
        prf = quote_prf(spans, gold)
        total = prf if total is None else total + prf
    assert total.f1 >= 0.90, total  # reached: 0.917


# --- constructions added with the second version of the extractor --------------------------------


def test_pull_quote_ending_with_bare_name_is_direct():
    text = ("The union rejected the offer on Monday.\n\n"
            "We have waited three years for a fair deal and we will not wait any longer. "
            "Rosa Delgado\n\n"
            "Talks are due to resume next week.")
    quotes = run(text)
    [q] = [q for q in quotes if q.type == "direct"]
    assert content(text, q) == "We have waited three years for a fair deal and we will not wait any longer."
    assert speaker(text, q) == "Rosa Delgado" and q.cue_start is None


def test_a_name_after_an_abbreviated_title_is_no_pull_quote():
    text = "Her loyal running mate, Indiana Gov. Dana Whitfield, said the ticket was winning."
    sents = [Sentence(0, 0, "body", 0, len(text))]  # one sentence: "Gov." ends none
    assert [q.type for q in extract_quotes(text, sents)] == ["indirect"]


def test_repeated_pull_quote_keeps_its_speaker():
    body = "We have waited three years for a fair deal and we will not wait any longer."
    text = (f"{body} Rosa Delgado\n\n"
            f"{body} The union represents 4,000 drivers.")
    direct = [q for q in run(text) if q.type == "direct"]
    assert len(direct) == 2 and all(q.speaker_name == "Rosa Delgado" for q in direct)


def test_colon_introduced_paragraph_without_marks_is_direct():
    text = ("In a statement to reporters, the ministry denied the claims:\n\n"
            "The figures are out of date. The new hospital opened in April. "
            "Officials said the next audit is due in June.")
    quotes = run(text)
    direct = [q for q in quotes if q.type == "direct"]
    assert len(direct) == 1
    assert content(text, direct[0]) == "The figures are out of date. The new hospital opened in April."
    assert speaker(text, direct[0]) == "the ministry" and cue(text, direct[0]) == "denied"
    assert any(q.type == "indirect" and "audit" in content(text, q) for q in quotes)


def test_passive_with_adverb_is_not_a_cue():
    text = ("Officials did not explain why the request was initially denied, but Senator Ana Ruiz "
            "says the paperwork was incomplete.")
    [q] = run(text)
    assert q.cue_lemma == "say" and q.speaker_name == "Ana Ruiz"
    assert content(text, q) == "the paperwork was incomplete"


@pytest.mark.parametrize("adverb", ["long", "always", "now", "just"])
def test_adverb_of_time_between_subject_and_cue_is_skipped(adverb):
    # "Critics have long argued that ...": the adverb stands between the speaker and the verb
    text = f"Critics of the plan have {adverb} argued that the rules are too loose."
    [q] = run(text)
    assert speaker(text, q) == "Critics of the plan" and cue(text, q) == "argued"
    assert content(text, q) == "the rules are too loose"


@pytest.mark.parametrize("subject", ["Critics of the plan", "Members of Congress", "Supporters of the mayor"])
def test_people_of_a_group_are_the_speaker(subject):
    text = f"{subject} said the rules are too loose."
    [q] = run(text)
    assert speaker(text, q) == subject and q.speaker_kind == "role"
    assert content(text, q) == "the rules are too loose"


@pytest.mark.parametrize("text, subject, name", [
    ("Officials in the provinces that raised the levy said the roads were safer.",
     "Officials in the provinces", "officials"),
    ("Inspectors who review the depots said the roads were safer.", "Inspectors", "inspectors"),
    ("Farmers of the valleys that flooded said the roads were safer.",
     "Farmers of the valleys", "farmers"),
    ("Engineers who spoke on condition of anonymity said the roads were safer.", "Engineers", "engineers"),
])
def test_a_relative_clause_after_the_subject_is_no_part_of_the_speaker(text, subject, name):
    # "who/that + verb phrase" qualifies the head noun before it; the speaker is that noun phrase
    [q] = run(text)
    assert speaker(text, q) == subject and q.speaker_name == name and q.speaker_kind == "role"
    assert cue(text, q) == "said" and content(text, q) == "the roads were safer"


@pytest.mark.parametrize("text, subject, name", [
    ("Residents who lost homes said the roads were unsafe.", "Residents", "residents"),
    ("Farmers who grow soybeans said the roads were unsafe.", "Farmers", "farmers"),
    ("Unions that represent nurses said the roads were unsafe.", "Unions", None),
])
def test_a_relative_clause_of_a_verb_and_a_bare_noun_is_no_part_of_the_speaker(text, subject, name):
    # "who + verb + bare noun" right before the cue qualifies the people noun before it
    [q] = run(text)
    assert speaker(text, q) == subject and cue(text, q) == "said"
    assert content(text, q) == "the roads were unsafe"
    if name:
        assert q.speaker_name == name and q.speaker_kind == "role"


@pytest.mark.parametrize("text, subject", [
    ("The man who local police said fired the shots was arrested.", "local police"),
    ("The man who police said fired the shots was arrested.", "police"),
])
def test_an_object_relative_keeps_its_subject_as_the_speaker(text, subject):
    # near miss: the cue's own clause has no subject ("said fired"), so the words before it speak
    q = run(text)[0]
    assert speaker(text, q) == subject and cue(text, q) == "said"


def test_that_after_a_cue_and_its_listener_is_a_complementiser():
    # near miss: "told reporters that senior officials said": "that" opens the reported clause
    text = "She told reporters that senior officials said the roads were unsafe."
    quotes = run(text)
    assert all(speaker(text, q) != "reporters" for q in quotes)
    assert speaker(text, quotes[0]) == "She" and cue(text, quotes[0]) == "told"


def test_that_as_a_determiner_opens_no_relative_clause():
    # near miss: "that depot" is a noun phrase, not a clause, so it stays in the speaker
    text = "Inspectors at that depot said the roads were safer."
    [q] = run(text)
    assert speaker(text, q) == "Inspectors at that depot" and content(text, q) == "the roads were safer"


@pytest.mark.parametrize("subject, group", [
    ("Thousands of protesters", "protesters"), ("One of the officials", "officials"),
    ("Many of the residents", "residents"), ("Dozens of lawmakers", "lawmakers"),
    ("Several of his aides", "aides"), ("A number of experts", "experts"),
])
def test_a_counted_group_is_the_speaker(subject, group):
    # "Thousands of protesters said": the count is no name; the group after "of" heads the phrase
    text = f"{subject} said the bridge would stay closed."
    [q] = run(text)
    assert speaker(text, q) == subject and q.speaker_kind == "role" and q.speaker_name == group
    assert content(text, q) == "the bridge would stay closed"


@pytest.mark.parametrize("subject, group", [
    ("One of Ruiz's lawyers", "Ruiz's lawyers"),
    ("One of the most senior engineers at the port", "senior engineers"),
])
def test_a_counted_group_of_an_owner_or_a_superlative_is_the_speaker(subject, group):
    # the count and the article before "most" belong to the phrase; "One" is no name
    text = f"{subject} said the bridge would stay closed."
    [q] = run(text)
    assert speaker(text, q) == subject and q.speaker_kind == "role" and q.speaker_name == group


def test_a_counted_pronoun_is_the_speaker():
    # "One of them": a pronoun mention, resolved like "they" to the group spoken of before
    text = "The inspectors said the bridge was unsafe. One of them said it would stay closed."
    first, second = run(text)
    assert speaker(text, second) == "One of them" and second.speaker_kind == "pronoun"
    assert second.speaker_name == first.speaker_name == "inspectors"
    assert content(text, second) == "it would stay closed"


def test_an_owner_of_agents_still_speaks_through_them():
    # near miss: without a count, "Ruiz's lawyers" keep speaking for Ruiz as before
    text = "Ruiz's lawyers said the bridge would stay closed."
    [q] = run(text)
    assert speaker(text, q) == "Ruiz" and q.speaker_kind == "name"


def test_a_counted_group_inside_a_sentence_keeps_its_count():
    text = "The river rose overnight, and many of the farmers said they had not been warned."
    [q] = run(text)
    assert speaker(text, q) == "many of the farmers" and q.speaker_name == "farmers"


def test_a_leader_of_a_group_is_no_counted_group():
    text = "The leader of the farmers said they had not been warned."
    [q] = run(text)
    assert speaker(text, q) == "The leader of the farmers" and q.speaker_name == "leader of the farmers"


def test_a_title_of_a_body_before_a_name_still_gives_the_person():
    text = "Minister of Education Stefania Rossi said the rules are too loose."
    [q] = run(text)
    assert q.speaker_name == "Stefania Rossi" and q.speaker_kind == "name"


@pytest.mark.parametrize("text, reported", [
    ("The governor said spending would rise next year.", "spending would rise next year"),
    ("The judge told the lawyers that closing arguments would be limited.", "closing arguments would be limited"),
    ("She said rising costs have hurt families.", "rising costs have hurt families"),
])
def test_a_clause_whose_subject_is_an_ing_word_is_reported(text, reported):
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == reported


@pytest.mark.parametrize("text, subject, charge", [
    ("Republicans accused Democrats of ignoring the crisis at the border.", "Republicans",
     "Democrats of ignoring the crisis at the border"),
    ("The senator accused the governor, who oversees the budget, of hiding the deficit.", "The senator",
     "the governor, who oversees the budget, of hiding the deficit"),
])
def test_accused_with_an_of_phrase_reports_the_charge(text, subject, charge):
    [q] = run(text)
    assert q.type == "indirect" and cue(text, q) == "accused" and content(text, q) == charge
    assert speaker(text, q) == subject


@pytest.mark.parametrize("text", [
    "Republicans accused Democrats on Tuesday.",  # no charge: the mere mention of a speech act
    "The parents are also accused of neglecting their child.",  # passive: no speaker
])
def test_accused_with_no_charge_or_no_speaker_gives_no_quote(text):
    assert run(text) == []


@pytest.mark.parametrize("text, inner, outer, who", [
    ("Republicans accused Democrats of lying, the senator said.", "Democrats of lying",
     "Republicans accused Democrats of lying", "the senator"),
    ("Republicans said Democrats lied about the budget, the senator said on Tuesday.",
     "Democrats lied about the budget", "Republicans said Democrats lied about the budget", "the senator"),
    ("They warned that prices would rise, said Mayor Jane Smith.", "prices would rise",
     "They warned that prices would rise", "Mayor Jane Smith"),
])
def test_a_trailing_attribution_ends_the_clause_reported_before_it(text, inner, outer, who):
    # the sentence is the outer speaker's report; the first cue's clause stops before ", the senator said"
    quotes = run(text)
    assert sorted(content(text, q) for q in quotes) == sorted([inner, outer])
    [q] = [q for q in quotes if content(text, q) == outer]
    assert speaker(text, q) == who and cue(text, q) == "said"


def test_an_attribution_inside_the_clause_or_before_a_colon_stays_in_it():
    # near misses: more of the clause after the attribution; a colon that opens a quote
    text = "He said the plan, the senator said, would fail."
    [q] = run(text)
    assert speaker(text, q) == "He" and content(text, q) == "the plan, the senator said, would fail"
    text = 'Republicans accused Democrats of lying, the senator said: "They know it."'
    q = [q for q in run(text) if cue(text, q) == "accused"][0]
    assert content(text, q) == "Democrats of lying, the senator said"


@pytest.mark.parametrize("text", [
    "He said goodbye to his family before boarding the plane.",
    "She said no to the offer from the rival club.",
    "He added two goals in the second half.",
    "The economy added 200,000 jobs in May.",
    "The striker added several chances in the second half.",
])
def test_a_plain_object_of_say_or_add_is_no_reported_clause(text):
    assert run(text) == []


@pytest.mark.parametrize("text, reported", [
    ("He said no one was hurt in the blast.", "no one was hurt in the blast"),
    ("Officials added two people had died in the blast.", "two people had died in the blast"),
])
def test_a_count_or_no_that_opens_a_clause_is_still_reported(text, reported):
    [q] = run(text)
    assert content(text, q) == reported


@pytest.mark.parametrize("text, reported", [
    ('Trump posted on Truth Social that the verdict was "rigged."', 'the verdict was "rigged."'),
    ("The singer posted on Instagram on Sunday that she was taking a break.", "she was taking a break"),
])
def test_posted_on_a_platform_that_reports_a_clause(text, reported):
    [q] = run(text)
    assert content(text, q) == reported and cue(text, q) == "posted"


@pytest.mark.parametrize("text", ["The company posted a loss of $3 billion.", "Officers were posted on every corner."])
def test_posted_without_a_platform_and_that_is_no_cue(text):
    assert run(text) == []


def test_an_ing_object_is_no_reported_clause():
    assert run("The officer admitted lying to investigators.") == []


@pytest.mark.parametrize("text, who, fragment", [
    ('"I will not testify," Grant told reporters, calling the case "a total sham."', "Grant", 'the case "a total sham."'),
    ('The senator criticised the bill, calling it "a disgrace to this chamber."', "The senator", 'it "a disgrace to this chamber."'),
    ('Lopez said the plan would fail, calling it "reckless."', "Lopez", 'it "reckless."'),
])
def test_calling_after_a_comma_names_the_quoted_words(text, who, fragment):
    [mixed] = [q for q in run(text) if q.type == "mixed"]
    assert speaker(text, mixed) == who and cue(text, mixed) == "calling" and content(text, mixed) == fragment


def test_a_one_word_quotation_after_a_naming_verb_is_a_mixed_quote():
    text = 'The mayor called it "reckless."'
    [q] = run(text)
    assert q.type == "mixed" and content(text, q) == 'it "reckless."' and speaker(text, q) == "The mayor"


def test_calling_someone_is_no_cue():
    text = 'She spent the morning calling voters in the district.'
    assert run(text) == []


@pytest.mark.parametrize("text, reported", [
    ("The company said sales rose.", "sales rose"),
    ("The agency said costs increased.", "costs increased"),
])
def test_a_two_word_clause_of_subject_and_past_verb_is_reported(text, reported):
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == reported


@pytest.mark.parametrize("text", ["He said it.", "She said thanks.", "The mayor announced layoffs."])
def test_two_words_with_no_past_verb_report_nothing(text):
    assert run(text) == []


def test_a_cue_every_few_words_gives_a_quote_per_repetition():
    # Speed with dense cues is measured in bench/hostile.py; here: every repeated quote is found.
    unit = '"A," said Smith. according to Jones, The Church of X said: '
    counts = []
    for n in (1000, 2000):
        text = unit * n
        quotes = extract_quotes(text, [Sentence(0, 0, "body", 0, len(text))])
        counts.append(sum(q.type == "direct" for q in quotes))
    assert counts[1] == 2 * counts[0] > 0, counts


def test_one_cue_scan_matches_the_two_plain_scans():
    import random

    from newsquotes.quotes import _CUE_WORD, _PHRASE_CUE, _cue_hits

    pieces = ["according to ", "According To", "said ", "pointed out", "in the words of ", "words", " ",
              ",", "'", "“", "called for ", "calls", "x", "Said", "made clear", "issued a statement",
              "ſaid", "K", "\n", "-", "_", "é"]
    rng = random.Random(7)
    texts = ["said he", "He said, 'told' you.\n\nSays: claimed-said said_x xsaid said", "", "x",
             "«said»told,says;warned", "écrit said", "according to the words of", "According to X"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        plain = ([(m.start(), m.end(), m.group()) for m in _PHRASE_CUE.finditer(text)],
                 [(m.start(), m.end(), m.group()) for m in _CUE_WORD.finditer(text)])
        assert _cue_hits(text) == plain, text


def test_quote_left_open_in_many_paragraphs():
    text = "# T\n\n" + "“We will see, said Mayor Jane Smith on Monday in the city\n\n" * 300
    from newsquotes.pipeline import process_raw

    quotes = list(process_raw(text).quotes)
    assert len(quotes) == 300


@pytest.mark.parametrize("text, said", [
    ('"I have no idea," said John Thune.', "I have no idea,"),
    ('"There is no doubt," said John Thune.', "There is no doubt,"),
    ('"We can\'t say," said the mayor.', "We can't say,"),
])
def test_a_negation_inside_the_quotation_does_not_negate_the_cue_after_it(text, said):
    [q] = run(text)
    assert q.type == "direct" and content(text, q) == said and cue(text, q) == "said"


@pytest.mark.parametrize("text", ["The mayor did not say whether it would pass.", "She never said that it would."])
def test_a_negated_cue_still_reports_nothing(text):
    assert run(text) == []


def test_a_party_tag_and_an_apposition_between_the_speaker_and_the_verb():
    text = "Rep. Jim Jordan (R-Ohio), the chairman of the House Judiciary Committee, said the subpoenas were valid."
    [q] = [q for q in extract_quotes(text, [Sentence(0, 0, "body", 0, len(text))])]
    assert speaker(text, q) == "Rep. Jim Jordan" and q.speaker_name == "Jim Jordan"
    assert content(text, q) == "the subpoenas were valid"


@pytest.mark.parametrize("text, reported", [
    ("Trump told supporters the election was stolen.", "the election was stolen"),
    ("He told voters they deserved better.", "they deserved better"),
    ("Schumer told members of Congress the bill would pass by June.", "the bill would pass by June"),
    ("The mayor told residents of the city the water was safe.", "the water was safe"),
    ('Vance told NBC\'s "Meet the Press" on Sunday that the campaign was confident.', "the campaign was confident"),
])
def test_a_listener_with_no_determiner_an_of_phrase_or_a_quoted_name_is_left_out(text, reported):
    [q] = run(text)
    assert q.type == "indirect" and content(text, q) == reported and cue(text, q) == "told"


@pytest.mark.parametrize("text, reported", [
    ("The bank warned prices would rise.", "prices would rise"),
    ("The minister warned the move would fail.", "the move would fail"),
])
def test_a_subject_after_a_warning_verb_is_no_listener(text, reported):
    [q] = run(text)
    assert content(text, q) == reported


def test_that_inside_the_quotation_still_belongs_to_it():
    text = 'The judge said it was "damning that the records vanished," and ordered a hearing.'
    [q] = run(text)
    assert content(text, q).startswith('it was "damning that')


@pytest.mark.parametrize("text, first, second", [
    ('Smith called the plan "reckless," while Jones said it was "overdue."', 'the plan "reckless,"', 'it was "overdue."'),
    ('Democrats called the bill "a disaster," but Republicans said it was "historic."', 'the bill "a disaster,"', 'it was "historic."'),
])
def test_a_contrast_after_a_closing_mark_ends_the_first_report(text, first, second):
    assert [content(text, q) for q in run(text)] == [first, second]


@pytest.mark.parametrize("text, named", [
    ('Trump called the case a "witch hunt" and accused prosecutors of bias.', 'the case a "witch hunt"'),
    ('The mayor criticised the bill, calling it "a sham" and urging a new vote.', 'it "a sham"'),
    ('Lopez called the plan "unfair" and "reckless."', 'the plan "unfair" and "reckless."'),
    ('Lopez called the plan "bold" and overdue.', 'the plan "bold" and overdue'),
])
def test_a_naming_verb_reports_the_object_and_its_name_only(text, named):
    [q] = [q for q in run(text) if q.cue_lemma == "call"]
    assert content(text, q) == named


@pytest.mark.parametrize("text, reports", [
    ("Trump, who said last year that taxes would fall, now says they will rise.", ["taxes would fall", "they will rise"]),
    ("The senator, who has long argued that the program is wasteful, voted for it anyway.", ["the program is wasteful"]),
    ('Smith, who told reporters the plan was "dead on arrival," later softened her tone.', ['the plan was "dead on arrival,"']),
    ('Trump, who wrote "The Art of the Deal," interrupted her.', []),
])
def test_a_report_in_a_relative_clause_ends_with_the_clause(text, reports):
    assert [content(text, q) for q in run(text)] == reports


def test_a_show_title_after_a_possessive_is_no_quote():
    text = ('"This is not a joke," Kaine said in an interview on CNN\'s "New Day." '
            '"Our democracy depends on it."')
    assert [content(text, q) for q in run(text)] == ["This is not a joke,", "Our democracy depends on it."]


@pytest.mark.parametrize("text", [
    '"This bill makes it easier to vote," the party\'s chairman, David Shafer, said in a statement.',
    '"This bill makes it easier to vote," her attorney, David Shafer, said.',
])
def test_a_role_in_apposition_before_the_name_after_a_quotation(text):
    [q] = run(text)
    assert q.type == "direct" and content(text, q) == "This bill makes it easier to vote,"
    assert speaker(text, q) == "David Shafer" and cue(text, q) == "said"


def test_a_name_in_title_case_given_by_a_naming_verb_is_a_mixed_quote():
    text = 'Stacey Abrams called the law "Jim Crow 2.0."'
    [q] = run(text)
    assert q.type == "mixed" and content(text, q) == 'the law "Jim Crow 2.0."' and speaker(text, q) == "Stacey Abrams"


def test_a_name_after_a_participle_of_a_naming_verb_is_no_quote():
    text = 'A user labelled "Anonymous" posted the files on the forum.'
    assert run(text) == []


@pytest.mark.parametrize("text, verb", [
    ('"The data are clear," she notes.', "notes"),
    ('"We will win," Smith vows.', "vows"),
    ('"I will never stop fighting," he posted on Wednesday.', "posted"),
    ('"We are delighted with the result," the club posted on X after the match.', "posted"),
    ('"The decision is final," the ministry notes.', "notes"),
])
def test_a_verb_with_a_noun_reading_is_a_cue_after_a_quotation_and_its_subject(text, verb):
    [q] = run(text)
    assert q.type == "direct" and cue(text, q) == verb


@pytest.mark.parametrize("text", ['"Not again," the field notes.', '"It was a good day," the old notes.'])
def test_a_noun_reading_after_a_quotation_with_no_speaker_stays_no_cue(text):
    assert all(q.cue_start is None for q in run(text))


@pytest.mark.parametrize("text, words", [
    ('Asked about it, Trump said only, "We will see what happens."', "We will see what happens."),
    ('He said simply, "No."', "No."),
])
def test_an_adverb_between_cue_and_quotation_leaves_it_direct(text, words):
    q = run(text)[-1]
    assert (q.type, content(text, q)) == ("direct", words)


def test_a_cue_form_after_a_possessive_is_a_noun():
    text = 'Mr. Trump\'s remarks, one strategist said, "will be hard to walk back."'
    quotes = run(text)
    assert [q.cue_lemma for q in quotes] == ["say"] and speaker(text, quotes[0]) == "one strategist"
    # near miss: "he's" is "he has", and the verb after it still reports
    text = "He's said the plan would fail."
    [q] = run(text)
    assert q.cue_lemma == "say" and content(text, q) == "the plan would fail"


def test_the_same_words_as_nouns_stay_no_cue():
    text = "The field notes were lost. Smith posts were deleted."
    assert run(text) == []


@pytest.mark.parametrize("text, who, said", [
    ("The spokesman declined to comment but said that the senator had always followed the rules.",
     "The spokesman", "the senator had always followed the rules"),
    ("Smith declined to comment, but said in an email that the deal was off.", "Smith", "the deal was off"),
    ("In a speech on Tuesday, the president praised the troops and said the war would end soon.",
     "the president", "the war would end soon"),
    ('The mayor thanked volunteers and said: "We will rebuild this city."', "The mayor", "We will rebuild this city."),
])
def test_a_cue_joined_to_a_clause_with_no_report_has_that_clauses_subject(text, who, said):
    [q] = run(text)
    assert (speaker(text, q), content(text, q)) == (who, said)


@pytest.mark.parametrize("text, verb", [
    ("Analysts speculated that the central bank would cut rates in June.", "speculated"),
    ("Investigators theorized that the fire had started in the kitchen.", "theorized"),
    ("The minister lamented that the talks had failed.", "lamented"),
    ("He bragged that he had never lost a case.", "bragged"),
])
def test_verbs_of_conjecture_and_complaint_report_a_clause(text, verb):
    [q] = run(text)
    assert (q.type, cue(text, q)) == ("indirect", verb)


def test_a_tell_verb_joined_with_no_listener_is_passive_and_reports_nothing():
    # "was ... told that": the subject heard it, nobody is named as saying it
    assert run("I was hauled in and told that my mother had attacked the church.") == []
    # near miss: with its listener, "told" is active, and the subject tells
    text = "He was arrested and told police that he had acted alone."
    [q] = run(text)
    assert (speaker(text, q), content(text, q)) == ("He", "he had acted alone")


def test_a_noun_after_said_with_no_comma_before_the_quotation_is_its_subject():
    text = 'Grisham called the process "illegitimate" and said the president "looks forward to a fair trial."'
    quotes = run(text)
    assert [(q.type, content(text, q), speaker(text, q)) for q in quotes] == [
        ("mixed", 'the process "illegitimate"', "Grisham"),
        ("mixed", 'the president "looks forward to a fair trial."', "Grisham"),
    ]


@pytest.mark.parametrize("text", [
    '"We will see," said Sanders, adding that the president would address it "at the right time."',
    '"We will see," Sanders said, adding that the president would address it "at the right time."',
])
def test_a_participle_after_an_attribution_reports_for_its_speaker(text):
    last = run(text)[-1]
    assert (last.type, speaker(text, last), last.cue_lemma) == ("mixed", "Sanders", "add")


def test_a_quotation_after_a_coordinated_second_cue_is_the_first_speakers():
    text = 'She said Trump "thinks he is above the rules," and added that "the people deserve to know."'
    quotes = run(text)
    assert [(content(text, q), speaker(text, q), q.cue_lemma) for q in quotes][-1] == (
        "the people deserve to know.", "She", "add"
    )
    # near miss: a new subject after "and" speaks for itself
    text = 'She said Trump "thinks he is above the rules," and Pence added that "he is not."'
    assert speaker(text, run(text)[-1]) == "Pence"


@pytest.mark.parametrize("text, who", [
    ('Said Trump: "We will win."', "Trump"),
    ('The crowd cheered, said the organizer, "louder than ever before."', "the organizer"),
])
def test_an_inverted_speaker_with_a_colon_or_comma_still_attributes_the_quotation(text, who):
    q = run(text)[0]
    assert q.type == "direct" and speaker(text, q) == who


def test_a_gerund_subject_after_that_is_reported():
    text = "McConnell warned Democrats on Tuesday that eliminating the filibuster would backfire."
    [q] = run(text)
    assert content(text, q) == "eliminating the filibuster would backfire" and cue(text, q) == "warned"


@pytest.mark.parametrize("text, reported", [
    ('Psaki said the president "supports reforms" but did not elaborate.', 'the president "supports reforms"'),
    ("The spokesman said the talks had stalled but declined to give details.", "the talks had stalled"),
    ("The mayor said the plan was costly but would not pass.", "the plan was costly but would not pass"),
])
def test_declining_to_say_more_is_no_part_of_the_report(text, reported):
    [q] = run(text)
    assert content(text, q) == reported


def test_a_one_word_sentence_quoted_after_an_attributed_quote_continues_it():
    text = '"I\'m not going to change my mind," Manchin said. "Never."'
    assert [(content(text, q), speaker(text, q)) for q in run(text)] == [
        ("I'm not going to change my mind,", "Manchin"), ("Never.", "Manchin")]


def test_a_capitalised_word_in_ed_is_no_verb_of_a_reported_clause():
    text = "A White House official confirmed the report to The Associated Press."
    assert run(text) == []
    text = "A White House official confirmed the talks ended."
    assert [content(text, q) for q in run(text)] == ["the talks ended"]


def test_a_cue_inside_the_reported_clause_does_not_take_the_trailing_attribution():
    text = "It is unclear whether Trump will testify, his lawyers said."
    [q] = run(text)
    assert content(text, q) == "It is unclear whether Trump will testify" and speaker(text, q) == "his lawyers"


@pytest.mark.parametrize("text, verb, fragment", [
    ('Earnest dismissed the remarks as "ridiculous."', "dismissed", 'the remarks as "ridiculous."'),
    ('The mayor hailed the deal as "historic."', "hailed", 'the deal as "historic."'),
    ('Critics denounced the plan as "a gimmick."', "denounced", 'the plan as "a gimmick."'),
])
def test_a_verb_of_judgement_quotes_its_judgement_after_as(text, verb, fragment):
    [q] = run(text)
    assert q.type == "mixed" and cue(text, q) == verb and content(text, q) == fragment


@pytest.mark.parametrize("text", [
    "The mayor dismissed the idea as unworkable.",
    'The mayor dismissed the "fake news" reports.',
])
def test_a_verb_of_judgement_without_quoted_words_after_as_is_no_cue(text):
    assert run(text) == []


def test_a_view_stated_to_a_source_is_the_believers_report():
    text = "According to ABC News, Basya also believes the migrants may have left the boat on purpose."
    [q] = run(text)
    assert speaker(text, q) == "Basya" and cue(text, q) == "believes"
    assert content(text, q) == "the migrants may have left the boat on purpose"


def test_a_belief_alone_is_no_report():
    assert run("Basya believes the migrants may have left the boat on purpose.") == []


@pytest.mark.parametrize("text", [
    "In the 62nd minute Kim conceded a penalty which the referee awarded after a review.",
    "The mayor announced a plan which critics opposed.",
])
def test_a_verb_inside_a_relative_clause_of_the_object_makes_no_report(text):
    assert run(text) == []


def test_concede_with_a_clause_still_reports_it():
    text = "The mayor conceded the plan had flaws."
    assert [content(text, q) for q in run(text)] == ["the plan had flaws"]


def test_a_speaker_and_a_colon_open_a_headline_paraphrase_and_a_paragraph_of_their_words():
    text = ("Pelosi: House will vote on the bill next week\n\n"
            "House Speaker Nancy Pelosi said the chamber would act. Senator Chuck Schumer agreed.\n\n"
            "Schumer: Today's decision is a blow to working families.\n\n"
            "Note: This story has been updated.")
    quotes = run(text, title=True)
    assert [(q.type, content(text, q), q.speaker_name) for q in quotes if q.cue_start is None] == [
        ("indirect", "House will vote on the bill next week", "Nancy Pelosi"),
        ("direct", "Today's decision is a blow to working families.", "Chuck Schumer"),
    ]


@pytest.mark.parametrize("headline", ["Trump: 'We Will Build the Wall'", "Trump: ‘We Will Build the Wall’"])
def test_a_headline_quotation_in_single_marks_after_a_speakers_colon_is_direct(headline):
    text = headline + "\n\nDonald Trump spoke in Phoenix on Wednesday."
    [q] = run(text, title=True)
    assert (q.type, content(text, q), q.speaker_name) == ("direct", "We Will Build the Wall", "Donald Trump")


def test_a_colon_after_a_word_that_names_no_person_opens_no_quote():
    text = "Update: The vote was delayed.\n\nWASHINGTON: The Senate met on Tuesday."
    assert run(text) == []


def test_a_name_and_a_colon_before_figures_is_no_quote():
    text = "Hillary Clinton and Donald Trump were polled.\n\nHillary Clinton: 48 percent\n\nDonald Trump: 44 percent"
    assert [q for q in run(text) if q.cue_start is None] == []


def test_a_pronoun_after_to_is_a_listener_not_a_verb():
    text = "The mayor said on Tuesday to them the plan would fail."
    assert [content(text, q) for q in run(text)] == ["the plan would fail"]
