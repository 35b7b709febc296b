"""Where a claim's words begin and end, sentence by sentence through the real pipeline: the
words a reader would underline as what was claimed, with the attribution left out or, when it
stands inside the claim, the claim running round it. The rules' findings are read before the
scorer's decision."""
import pytest

from claimx.extraction import candidates
from claimx.lexicon import load


@pytest.fixture(scope="session")
def found_by_rules(nlp):
    lexicon = load()
    return lambda text: tuple(c.claim for c in candidates(nlp(text), lexicon))


def _content(found_by_rules, text, cue):
    """The content of the one claim of ``text`` whose cue is the first ``cue``, and its rule."""
    [claim] = [c for c in found_by_rules(text) if c.cue.start == text.index(cue)]
    return claim.content.text, claim.rule


@pytest.mark.parametrize("text, cue, content", [
    # a cue in a relative clause that only says what the claim is about stays in the claim
    ("Chris Cox says the actions would not have prevented any of the shootings that Obama "
     "mentioned when he announced the steps.", "says",
     "the actions would not have prevented any of the shootings that Obama mentioned when he "
     "announced the steps"),
    # a cue joined by "and" without a subject or clause of its own is part of what is claimed
    ("Jeb Bush says President Barack Obama is acting unlawfully and showing disregard for the "
     "Second Amendment.", "says",
     "President Barack Obama is acting unlawfully and showing disregard for the Second Amendment"),
    # a second that-clause hung on the verb
    ("The Ohio governor said the U.S. needs to secure the border and create a guest-worker "
     "program, but that he would not support mass deportation.", "said",
     "the U.S. needs to secure the border and create a guest-worker program, but that he would "
     "not support mass deportation"),
])
def test_the_claim_keeps_what_the_speaker_said_all_of(found_by_rules, text, cue, content):
    assert _content(found_by_rules, text, cue)[0] == content


@pytest.mark.parametrize("text, cue, content", [
    # a relative clause that attributes a claim of its own is cut from the end
    ("Officials said the vote was delayed by Smith, who said the rules were unclear.", "said",
     "the vote was delayed by Smith"),
])
def test_an_attribution_nested_at_the_end_is_cut(found_by_rules, text, cue, content):
    assert _content(found_by_rules, text, cue)[0] == content


def test_narration_before_an_attribution_that_is_not_set_off_stays_out(found_by_rules):
    text = ("Clinton isn't rattled about the string of losses she's faced in the primary — in fact, "
            "she said it “humanizes” her.")
    assert _content(found_by_rules, text, "said") == ("it “humanizes” her", "verb-clause")


def test_an_attribution_set_off_by_commas_stands_inside_the_claim(found_by_rules):
    assert _content(found_by_rules, "The talks, Khan said, had failed.", "said") == (
        "The talks, Khan said, had failed", "verb-parenthetical")


@pytest.mark.parametrize("text, content", [
    # a trailing "according to" covers every clause of the sentence before it
    ("The median family income rose by 0.8% from 1995 to 2005, but declined by 0.2% from 2005 "
     "to 2014, according to U.S. Census data.",
     "The median family income rose by 0.8% from 1995 to 2005, but declined by 0.2% from 2005 to 2014"),
])
def test_according_to_covers_the_sentence_it_closes(found_by_rules, text, content):
    assert _content(found_by_rules, text, "according to") == (content, "according-to")


def test_one_quoted_word_does_not_make_a_reported_clause_a_quotation(found_by_rules):
    assert _content(found_by_rules, "Khan said the talks “failed”.", "said") == (
        "the talks “failed”", "verb-clause")


# A claim whose cue stands inside another claim's content ("X said that Y claimed ...") is
# reported through that claim: the scorer weighs it as such (PolNeAR marks the outer claim only).
def test_a_claim_inside_another_claims_content_is_weighed_as_such(nlp):
    lexicon = load()
    outer, inner = candidates(nlp("Officials said that Jones claimed the plan had failed."), lexicon)
    assert (outer.claim.cue.text, inner.claim.cue.text) == ("said", "claimed")
    assert "inside-claim" in inner.features and "inside-claim" not in outer.features
    [alone] = candidates(nlp("Jones claimed the plan had failed."), lexicon)
    assert alone.claim.content.text == inner.claim.content.text
    assert "inside-claim" not in alone.features
    assert inner.claim.confidence < alone.claim.confidence


@pytest.mark.parametrize("text", [
    "“The deal is done,” she said, “and nobody can undo it.”",  # one passage round its attribution
    "The talks, Khan said, had failed.",  # an attribution inside its own claim
])
def test_no_claim_is_inside_its_own_passage(nlp, text):
    found = candidates(nlp(text), load())
    assert found and not any("inside-claim" in c.features for c in found)
