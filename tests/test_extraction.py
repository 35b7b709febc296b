"""Sentence in, claims out: one case per construction claimx handles, and texts that must
yield nothing."""
import pytest

from claimx import lexicon as lexicon_module
from claimx.extraction import candidates


def _summary(claims):
    return [(c.speaker.name or c.speaker.mention if c.speaker else None, c.cue.text,
             c.content.text, c.type) for c in claims]


CASES = {
    "indirect, say that": (
        "Senator Jane Smith said that the bill would pass next week.",
        [("Jane Smith", "said", "the bill would pass next week", "indirect")]),
    "indirect, trailing attribution": (
        "The first ad could run this week, said Brian Baker, an adviser to the campaign.",
        [("Brian Baker", "said", "The first ad could run this week", "indirect")]),
    "indirect, warn": (
        "The minister warned that the talks could collapse.",
        [("The minister", "warned", "the talks could collapse", "indirect")]),
    "indirect, deny a noun phrase (verb-np)": (
        "New Delhi has consistently denied the involvement of any third party.",
        [("New Delhi", "denied", "the involvement of any third party", "indirect")]),
    "indirect, urge someone to": (
        "Negotiators urged the Taliban to take action against the groups.",
        [("Negotiators", "urged", "the Taliban to take action against the groups", "indirect")]),
    "according to, first": (
        "According to the ministry, the border will reopen on Monday.",
        [("the ministry", "According to", "the border will reopen on Monday", "indirect")]),
    "according to, last": (
        "Progress remained limited, according to diplomatic sources.",
        [("diplomatic sources", "according to", "Progress remained limited", "indirect")]),
    "direct, trailing cue": (
        "“We will not raise taxes,” the governor said.",
        [("the governor", "said", "“We will not raise taxes,”", "direct")]),
    "direct, leading cue, straight quotes": (
        'The mayor said: "The city is safe and it will stay safe."',
        [("The mayor", "said", '"The city is safe and it will stay safe."', "direct")]),
    "direct, several sentences": (
        "Trump stated, “We’re averaging one war a month. I know them both.”",
        [("Trump", "stated", "“We’re averaging one war a month. I know them both.”", "direct")]),
    "mixed, quoted fragment": (
        "Asif cautioned that an “all-out war” could ensue.",
        [("Asif", "cautioned", "an “all-out war” could ensue", "mixed")]),
    "participle continues the subject": (
        "The negotiators left the room, warning that failure could escalate the crisis.",
        [("The negotiators", "warning", "failure could escalate the crisis", "indirect")]),
    "relative clause speaker": (
        "The senator, who said the bill was dead, left the chamber.",
        [("The senator", "said", "the bill was dead", "indirect")]),
    "noun cue": (
        "He rejected her claim that the vote was rigged.",
        [("her", "claim", "the vote was rigged", "indirect")]),
}


@pytest.mark.parametrize("name", CASES)
def test_construction(nlp, name):
    """What the rules find, before the scorer decides (its decisions are tested below)."""
    from claimx.extraction import candidates
    from claimx.lexicon import load
    text, expected = CASES[name]
    found = [c.claim for c in candidates(nlp(text), load())]
    assert _summary(c for c in found if c.rule != "verb-np" or "verb-np" in name) == expected


def test_quotation_split_by_its_attribution_shares_a_passage(claims_of):
    claims = claims_of("“This is the period when voters decide,” Baker said. "
                       "“Our group intends to educate voters about her record.”")
    assert [c.type for c in claims] == ["direct", "direct"]
    assert claims[0].passage is not None and claims[0].passage == claims[1].passage
    assert claims[1].speaker.mention == "Baker"


def test_quotation_over_paragraphs_is_one_claim(claims_of):
    text = ("“The first paragraph of the statement goes on.\n\n"
            "“And the second one ends it,” the spokeswoman said.")
    [claim] = claims_of(text)
    assert claim.content.text == text[:text.index("the spokeswoman") - 1]
    assert claim.type == "direct"


def test_pronoun_resolves_to_the_full_name(claims_of):
    text = ("Pakistan’s Defence Minister Khawaja Asif met the press. "
            "He emphasised that there had been no incidents along the border.")
    [claim] = claims_of(text)
    assert (claim.speaker.mention, claim.speaker.name, claim.speaker.kind) == ("He", "Khawaja Asif", "person")


def test_surname_resolves_to_the_full_name_and_title_is_kept_as_role(claims_of):
    text = ("Former U.S. President Donald Trump announced his willingness to mediate. "
            "Trump said that the conflict would be solved quickly.")
    claims = claims_of(text)
    assert claims[0].speaker.role == "Former U.S. President"
    assert claims[1].speaker.name == "Donald Trump"


def test_anonymous_and_outlet_speakers(claims_of):
    claims = claims_of("Officials said the airport would reopen. "
                       "Radio Pakistan reported that the meetings focused on trade.")
    assert [c.speaker.kind for c in claims] == ["anonymous", "outlet"]
    assert claims[1].outlet is not None and claims[1].outlet.name == "Radio Pakistan"


@pytest.mark.parametrize("text, claim", [
    ("Kabul has repeatedly denied the presence of foreign fighters on its soil.",
     ("Kabul", "denied", "the presence of foreign fighters")),
    ("Moscow denied any role in the sabotage of the pipeline.",
     ("Moscow", "denied", "any role in the sabotage of the pipeline")),
    ("Washington demanded that the shipments stop at once.",
     ("Washington", "demanded", "the shipments stop at once")),
    ("Seoul insisted that the drills were purely defensive.",
     ("Seoul", "insisted", "the drills were purely defensive")),
])
def test_a_capital_or_country_that_speaks_is_its_government(nlp, text, claim):
    # the candidate, whatever the scorer then keeps: the speaker's kind is the rules' decision
    [found] = [c.claim for c in candidates(nlp(text), lexicon_module.load())]
    assert (found.speaker.mention, found.cue.text, found.content.text) == claim
    assert found.speaker.kind == "organization"


@pytest.mark.parametrize("text", [
    # an event, a process or a state of affairs reveals, shows or confirms: nobody speaks
    "The third session of the talks broke up early, revealing deep divisions between the delegations.",
    "The first round of negotiations ended without a deal, revealing the gulf between the two sides.",
    "His popularity shows how badly the party misread its own voters.",
    "The election confirmed that voters wanted a change.",
    "The summit highlighted the gap between rich and poor nations.",
    "The visit underlined that the alliance had cooled.",
])
def test_an_event_is_no_speaker(claims_of, text):
    assert claims_of(text) == ()


@pytest.mark.parametrize("text, speaker", [
    # what carries words is a source in news, whatever it is the subject of
    ("A report said the budget would grow by a fifth.", "A report"),
    ("The poll showed that most voters backed the plan.", "The poll"),
    ("The ruling said the law was void.", "The ruling"),
])
def test_a_document_still_speaks(claims_of, text, speaker):
    [found] = claims_of(text)
    assert found.speaker.mention == speaker


@pytest.mark.parametrize("text", [
    "The talks took place in Istanbul on Saturday.",
    "Our website uses cookies to enhance your experience. Learn More\nAccept !",
    "This stance, described as “illogical and detached,” has raised doubts.",
    "She read “The Old Man and the Sea” last summer.",
    "Report",
    "",
    "“unbalanced quotation that never closes\n\nA new paragraph of plain narration follows here.",
])
def test_texts_without_claims(claims_of, text):
    assert claims_of(text) == ()


def test_unbalanced_quotation_does_not_swallow_the_article(claims_of):
    text = ("He said “the deal is done.\n\n"
            "The senator said that the vote would be held on Tuesday.")
    claims = claims_of(text)
    assert any(c.content.text == "the vote would be held on Tuesday" for c in claims)
    assert all("\n" not in c.content.text for c in claims)
