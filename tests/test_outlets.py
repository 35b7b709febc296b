"""Outlets: the news organisation that carries a claim, one sentence per form."""
import pytest


def _only(claims_of, text):
    claims = claims_of(text)
    assert len(claims) == 1, [c.content.text for c in claims]
    return claims[0]


FORMS = {
    "according to": ("According to Geo News, Pakistan presented its demands.", "Geo News", "Geo News"),
    "outlet reported that": ("Radio Pakistan reported that the meetings focused on trade.",
                             "Radio Pakistan", "Radio Pakistan"),
    "trailing outlet": ("The talks collapsed on Friday, the Washington Post reported.",
                        "The Washington Post", "the Washington Post"),
    "told an agency": ("The minister told Reuters that the border would reopen.", "Reuters", None),
    "interview with": ("The senator said in an interview with CNN that the bill was dead.", "CNN", None),
    "programme of a network": ("Carson said on NBC's Meet the Press that he would stay in the race.",
                               "NBC News", None),
    "quoted as saying": ("The Times of India quoted an official as saying that the talks had failed.",
                         "The Times of India", None),
    "state broadcaster": ("State broadcaster PTV said the airport would reopen on Monday.", "Pakistan Television", "PTV"),
    "media reports": ("Pakistani media reports suggest that the talks have stalled.", "Pakistani media", None),
    "newspaper named by its kind": ("The daily Kathimerini reported that the minister would resign.",
                                    "Kathimerini", None),
}


@pytest.mark.parametrize("form", FORMS)
def test_outlet_form(claims_of, form):
    text, outlet, speaker_name = FORMS[form]
    claim = _only(claims_of, text)
    assert claim.outlet is not None and claim.outlet.name == outlet
    assert text[claim.outlet.start:claim.outlet.end] == claim.outlet.mention
    if speaker_name is not None:
        assert claim.speaker.kind == "outlet"


def test_sources_cited_by_an_outlet(claims_of):
    text = ("Progress remained limited, according to diplomatic sources cited by Geo News.")
    claim = _only(claims_of, text)
    assert (claim.speaker.mention, claim.speaker.kind) == ("diplomatic sources", "anonymous")
    assert claim.outlet.name == "Geo News"


def test_claim_reported_inside_an_outlets_report_keeps_the_outlet(claims_of):
    claims = claims_of("The campaign said the candidate would attend events in Kansas, CNN reported.")
    inner = next(c for c in claims if c.speaker.mention == "The campaign")
    assert inner.outlet is not None and inner.outlet.name == "CNN"


@pytest.mark.parametrize("text", [
    "The Pentagon said the strike had hit its target.",
    "The ministry told reporters that the border would reopen.",
    "People with knowledge of the talks said the deal was close.",
])
def test_organisations_that_are_not_outlets_get_none(claims_of, text):
    claim = _only(claims_of, text)
    assert claim.outlet is None
    assert claim.speaker.kind != "outlet"


@pytest.mark.parametrize("text, hedged", [
    ("Taliban representatives reportedly said that the demands were unrealistic.", True),
    ("Pakistani media reports suggest that the talks have stalled.", True),
    ("The minister said that the talks had stalled.", False),
])
def test_hedged_claims(claims_of, text, hedged):
    assert _only(claims_of, text).hedged is hedged
