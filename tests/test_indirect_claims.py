"""Indirect claims stated by a noun phrase, which PolNeAR counts: the object of a cue whose
subject is borrowed from the clause it hangs on ("... and denied the report", "went on Twitter
to applaud ..."), what an object is charged with when the charge holds a cue of its own
("criticized Rubio for opposing ..."), and the prepositional object of a cue noun ("raised
questions about ...", "made comments about ..."). The rules find them as candidates (read with
``found_by_rules``, before the scorer); the same words in other senses give none."""
import pytest

from claimx.extraction import candidates
from claimx.lexicon import load


@pytest.fixture(scope="session")
def found_by_rules(nlp):
    lexicon = load()
    return lambda text: [(c.claim.rule, c.claim.cue.text, c.claim.speaker.mention if c.claim.speaker else None,
                          c.claim.content.text) for c in candidates(nlp(text), lexicon)]


@pytest.mark.parametrize("text, claim", [
    # the subject of the clause the cue hangs on speaks
    ("Smith rejected the deal and denied the report.", ("verb-np", "denied", "Smith", "the report")),
    ("Celebrities went on Twitter to applaud the announcement.",
     ("verb-np", "applaud", "Celebrities", "the announcement")),
    # a charge holding a cue ("opposing") is still the charge, not a claim of its own
    ("Jeb Bush criticized Marco Rubio for opposing legal abortion.",
     ("verb-np", "criticized", "Jeb Bush", "Marco Rubio for opposing legal abortion")),
    # "of" parsed on the object, and what the charge is over
    ("The group is accusing Obama of political exploitation for announcing the steps.",
     ("verb-object-of", "accusing", "The group", "Obama of political exploitation for announcing the steps")),
    # a pronoun object with what it is defended for
    ("Rubio defended himself on Saturday for bailing on his own bill.",
     ("verb-np", "defended", "Rubio", "himself on Saturday for bailing on his own bill")),
    # cue nouns with the preposition that carries the position
    ("The documents raised new questions about the foundation's donors.",
     ("noun-np", "questions", "The documents", "the foundation's donors")),
    ("Trump has made comments about voter fraud.", ("noun-np", "comments", "Trump", "voter fraud")),
])
def test_a_noun_phrase_that_states_a_position_is_a_candidate(found_by_rules, text, claim):
    assert claim in found_by_rules(text)


@pytest.mark.parametrize("text", [
    "The attacks on the embassy killed four people.",  # an attack nobody speaks
    "Support for the bill grew in May.",  # support, but no one giving it
    "Rubio defended it.",  # a bare pronoun states nothing
])
def test_the_same_words_in_other_senses_give_no_candidate(found_by_rules, text):
    assert found_by_rules(text) == []


def test_a_nested_cue_with_its_own_clause_keeps_the_claim(found_by_rules):
    found = found_by_rules("The paper quoted an official as saying that talks had failed.")
    assert [(rule, content) for rule, _, _, content in found] == [("verb-clause", "talks had failed")]


def test_the_scorer_keeps_the_charge_and_drops_the_nested_object(claims_of):
    kept = [c.content.text for c in claims_of("Jeb Bush criticized Marco Rubio for opposing legal abortion.")]
    assert kept == ["Marco Rubio for opposing legal abortion"]
