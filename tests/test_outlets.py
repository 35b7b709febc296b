"""Outlets: the news organisation that carries a claim, one sentence per form; the sentences that
must give none; and hand-built parses that pin each form's logic without the parser."""
import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from claimx import lexicon as lexicon_module
from claimx import outlets
from claimx.schema import Claim, Cue, Outlet, Span, Speaker
from claimx.writing import CSV_COLUMNS, claim_record


def _only(claims_of, text):
    claims = claims_of(text)
    assert len(claims) == 1, [c.content.text for c in claims]
    return claims[0]


# text, outlet name, outlet kind, speaker kind (None: not checked)
FORMS = {
    "according to": ("According to Geo News, Pakistan presented its demands.", "Geo News", None, "outlet"),
    "outlet reported that": ("Radio Pakistan reported that the meetings focused on trade.",
                             "Radio Pakistan", "broadcaster", "outlet"),
    "trailing outlet": ("The talks collapsed on Friday, the Washington Post reported.",
                        "The Washington Post", "newspaper", "outlet"),
    "capital The, short form": ("The Post reported that the senator had resigned.",
                                "The Washington Post", "newspaper", "outlet"),
    "capital The, one word": ("The Hill reported that the bill would pass.", "The Hill", "newspaper", "outlet"),
    "capital The, with a date": ("The Washington Post reported in 1991 that the deal was off.",
                                 "The Washington Post", "newspaper", "outlet"),
    "told an agency": ("The minister told Reuters that the border would reopen.", "Reuters", "agency", None),
    "told Fox": ("The senator told Fox that the bill was dead.", "Fox", "broadcaster", "person"),
    "told The Post": ("The senator told The Post that the bill was dead.", "The Washington Post",
                      "newspaper", "person"),
    "interview with": ("The senator said in an interview with CNN that the bill was dead.", "CNN", None, None),
    "interview named by its outlet": ("“We will win,” Trump said in the CNN interview.", "CNN", None, "person"),
    "statement to": ("The senator said in a statement to the AP that the bill was dead.",
                     "Associated Press", "agency", None),
    "through a time": ("“It's plagiarism,” David Axelrod said just after midnight on CNN.", "CNN", None, None),
    "quoted as saying": ("The Times of India quoted an official as saying that the talks had failed.",
                         "The Times of India", None, None),
    "state broadcaster": ("State broadcaster PTV said the airport would reopen on Monday.",
                          "Pakistan Television", "broadcaster", "outlet"),
    "media reports": ("Pakistani media reports suggest that the talks have stalled.", "Pakistani media", None, None),
    "newspaper named by its kind": ("The daily Kathimerini reported that the minister would resign.",
                                    "Kathimerini", None, None),
    "described after the name": ("The Times newspaper also reported last month that Cameron had "
                                 "ordered diplomats to repair relations.", "The New York Times", "newspaper", None),
    "an outlet's analysis": ("A USA TODAY analysis shows that the bill would cost billions.",
                             "USA Today", "newspaper", "outlet"),
    "according to an outlet's analysis": ("The bill would cost billions, according to a POLITICO analysis.",
                                          "Politico", "website", "outlet"),
    "an outlet's poll": ("A Bloomberg poll in June showed that 72 percent of voters were bothered.",
                         "Bloomberg News", None, "outlet"),
    "an outlet's count": ("Clinton has 723 delegates, according to a count by The Associated Press.",
                          "Associated Press", "agency", None),
    "an outlet's article": ("Forbes shot back in an article stating that New York was the billionaire capital.",
                            "Forbes", "magazine", "outlet"),
    "an outlet's piece": ("The Washington Post recently ran a piece that noted his plan would help the rich.",
                          "The Washington Post", "newspaper", None),
    "an outlet's journalist": ("Fox's Chris Wallace said the debate would be tough.", "Fox", "broadcaster", "person"),
    "an outlet's host": ("Fox News host Sean Hannity said the wall was negotiable.", "Fox News", None, "person"),
    "an outlet's journalist after the claim": (
        "However, the debates are not likely to alter the campaign, noted NBC's Dante Chinni.",
        "NBC News", None, "person"),
    "according to a journalist": ("According to Fox News’s Ed Henry, the money will go to attack ads.",
                                  "Fox News", None, "person"),
    "said to a journalist": ("“We will win,” Trump said to CNN's Jake Tapper.", "CNN", None, "person"),
    "told a host": ("Trump told Fox News host Sean Hannity that the election was rigged.", "Fox News", None, None),
    "told a programme's host": ("Trump told Breitbart News Daily host Stephen Bannon that he would win.",
                                "Breitbart News Daily", "programme", None),
    "an edition by its place": ("Klein told POLITICO Florida that the contracts stood.", "Politico", "website", None),
    "an edition in one name": ("“We reviewed the contracts,” Klein told POLITICO New York in an email.",
                               "Politico", "website", None),
    "an edition abroad": ("Farage told Breitbart London that he would stay.", "Breitbart News", "website", None),
    "a station by its number": ("The mayor told Fox 35 in Orlando that the parks would reopen.",
                                "Fox", "broadcaster", None),
    "a section": ("Walker told TMZ Sports that he would back Trump.", "TMZ", "website", None),
    "a journalist telling another outlet": ("“We won't run his columns,” Daily News opinion editor Josh "
                                            "Greenman told The Daily Beast in an email.", "The Daily Beast",
                                            None, "person"),
}


@pytest.fixture(scope="module")
def found_by_rules(nlp):
    """The claims the rules find, before the scorer decides which to keep: the outlet a claim
    names does not hang on how sure the scorer is of it (it is retrained as the rules change)."""
    from claimx.extraction import candidates
    lexicon = lexicon_module.load()
    return lambda text: tuple(c.claim for c in candidates(nlp(text), lexicon))


@pytest.mark.parametrize("form", FORMS)
def test_outlet_form(found_by_rules, form):
    text, name, kind, speaker_kind = FORMS[form]
    claim = _only(lambda t: [c for c in found_by_rules(t) if c.outlet is not None], text)
    assert claim.outlet is not None and claim.outlet.name == name
    assert text[claim.outlet.start:claim.outlet.end] == claim.outlet.mention
    if kind is not None:
        assert claim.outlet.kind == kind
    if speaker_kind is not None:
        assert claim.speaker.kind == speaker_kind


PROGRAMMES = {
    "NBC's Meet the Press": ("Carson said on NBC's Meet the Press that he would stay in the race.",
                             "NBC News", "NBC", "Meet the Press"),
    "ABC's This Week": ("Trump picked up on the criticism, telling ABC's This Week that there is a weird deal.",
                        "ABC News", "ABC", "This Week"),
    "a quoted programme": ("“You can't call Syria,” Rubio said on ABC's “This Week With George Stephanopoulos.”",
                           "ABC News", "ABC", "This Week"),
    "a programme on a network": ("“It's rigged,” the candidate said in a Thursday interview with "
                                 "Sirius XM's “Breitbart News Daily.”", "Sirius XM", "Sirius XM", "Breitbart News Daily"),
    "an outlet's programme by its noun": ("“I've heard it,” Brown said on Boston Herald Radio’s Morning Meeting program.",
                                          "Boston Herald", "Boston Herald Radio", "Morning Meeting"),
}


@pytest.mark.parametrize("form", PROGRAMMES)
def test_a_programme_is_carried_by_its_owner(claims_of, form):
    text, name, mention, programme = PROGRAMMES[form]
    outlet = _only(claims_of, text).outlet
    assert (outlet.name, outlet.mention, outlet.programme) == (name, mention, programme)


def test_a_programme_named_alone_is_the_outlet(claims_of):
    outlet = _only(claims_of, "Hannity said the wall was negotiable.").outlet
    assert (outlet.name, outlet.kind, outlet.programme) == ("Hannity", "programme", "Hannity")


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
    # hosts and journalists named as people
    "Mr. Hannity said the election was rigged.",
    "Vicente Fox said the wall would never be built.",
    "Liam Fox, the trade secretary, spoke on Monday. Fox said the deal was close.",
    "Michael Bloomberg is weighing a run. Bloomberg said he would decide in March.",
    "“That's an interesting question,” said Guardian, the city's mayor.",
    # an outlet named in narration, not carrying the claim
    "Unlike other Fox News hosts, Kelly said the debate was fair.",
    # publishers, polling firms, people and bodies that share an outlet's name
    "The memoir, published by the celebrity press ReganBooks, says the affair ended in 1998.",
    "According to the celebrity press ReganBooks, the memoir will sell well.",
    "Oxford University Press said the book would be reprinted.",
    "A Gallup poll found that most voters disapproved.",
    "The polling firm Morning Consult found that most voters disapproved.",
    "Bloomberg's pollster, Douglas Schoen, says his man has the money.",
    "CBC Chairman G.K. Butterfield of North Carolina said he was outraged.",
    "Playing Field Promotions, a sports and celebrity talent agency, says that Walker lost money.",
])
def test_no_outlet(claims_of, text):
    for claim in claims_of(text):
        assert claim.outlet is None, claim.outlet
        assert claim.speaker is None or claim.speaker.kind != "outlet"


def test_an_article_that_calls_the_person_mr_means_the_outlet_by_the_bare_name(claims_of):
    claims = claims_of("Michael R. Bloomberg is on Forbes's list. But Mr. Bloomberg is not on Bloomberg's own list. "
                       "Bloomberg says its policy is not to cover his company.")
    says = next(c for c in claims if c.cue.text == "says")
    assert says.outlet is not None and says.outlet.name == "Bloomberg News"


def test_an_outlet_from_another_sentence_is_not_given(claims_of):
    claims = claims_of("The Times reported on Monday that the talks had stalled. "
                       "The deal is close, according to three people briefed on the discussions.")
    last = next(c for c in claims if c.cue.text == "according to")
    assert last.speaker.mention == "three people" and last.outlet is None


def test_an_outlet_vouching_for_a_later_clause_does_not_carry_the_claim(claims_of):
    claims = claims_of("His campaign manager, Jeff Weaver, says it's proof the candidate can still close the "
                       "gap in pledged delegates, which stood at 263 entering Tuesday's primary, according to "
                       "the Associated Press.")
    says = next(c for c in claims if c.cue.text == "says")
    assert says.outlet is None


@pytest.mark.parametrize("text, hedged", [
    ("Taliban representatives reportedly said that the demands were unrealistic.", True),
    ("Pakistani media reports suggest that the talks have stalled.", True),
    ("The minister said that the talks had stalled.", False),
])
def test_hedged_claims(claims_of, text, hedged):
    assert _only(claims_of, text).hedged is hedged


# ------------------------------------------------------------------ the record
def test_the_record_carries_kind_and_programme():
    claim = Claim(Span("it rained", 20, 29), Cue("said", 10, 14, "say"), Speaker("Trump", 0, 5),
                  "indirect", 0.9, "verb-clause",
                  outlet=Outlet("NBC News", "NBC", 18, 21, "broadcaster", "Meet the Press"))
    assert claim_record(claim)["outlet"] == {"name": "NBC News", "mention": "NBC", "span": [18, 21],
                                             "kind": "broadcaster", "programme": "Meet the Press"}
    assert {"outlet", "outlet_kind", "programme"} <= set(CSV_COLUMNS)


# ------------------------------------------------------------ hand-built parses
LEX = lexicon_module.load()
VOCAB = English().vocab  # English word attributes (lower case, numbers), no trained model


def _doc(words, heads, deps, pos, ents=None, lemmas=None):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas or [w.lower() for w in words], ents=ents or ["O"] * len(words))


def test_parse_a_journalist_after_the_outlets_possessive():
    doc = _doc(["Fox", "'s", "Chris", "Wallace", "said", "it", "rained"],
               [3, 0, 3, 4, 4, 6, 4], ["poss", "case", "compound", "nsubj", "ROOT", "nsubj", "ccomp"],
               ["PROPN", "PART", "PROPN", "PROPN", "VERB", "PRON", "VERB"],
               ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    found = outlets.outlet_of_speaker(doc[3], LEX)
    assert (found.name, found.mention, found.kind) == ("Fox", "Fox", "broadcaster")


def test_parse_a_journalist_whose_possessive_is_no_outlet():
    doc = _doc(["Bloomberg", "'s", "pollster", "says", "it", "rained"],
               [2, 0, 3, 3, 5, 3], ["poss", "case", "nsubj", "ROOT", "nsubj", "ccomp"],
               ["PROPN", "PART", "NOUN", "VERB", "PRON", "VERB"],
               ents=["B-PERSON", "O", "O", "O", "O", "O"])
    assert outlets.outlet_of_speaker(doc[2], LEX) is None


def test_parse_a_host_after_the_outlets_name():
    doc = _doc(["Fox", "News", "host", "Sean", "Hannity", "said", "it", "rained"],
               [1, 2, 4, 4, 5, 5, 7, 5], ["compound", "compound", "compound", "compound", "nsubj", "ROOT",
                                          "nsubj", "ccomp"],
               ["PROPN", "PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "VERB"],
               ents=["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    found = outlets.find(doc[4], LEX)
    assert (found.name, found.mention) == ("Fox News", "Fox News")


def test_parse_an_outlets_analysis():
    doc = _doc(["a", "USA", "TODAY", "analysis", "shows", "it", "rained"],
               [3, 2, 3, 4, 4, 6, 4], ["det", "compound", "compound", "nsubj", "ROOT", "nsubj", "ccomp"],
               ["DET", "PROPN", "PROPN", "NOUN", "VERB", "PRON", "VERB"])
    found = outlets.find(doc[3], LEX)
    assert (found.name, found.mention, found.kind) == ("USA Today", "USA TODAY", "newspaper")


def test_parse_a_programme_and_its_owner():
    doc = _doc(["said", "on", "NBC", "'s", "Meet", "the", "Press"],
               [0, 0, 6, 2, 6, 6, 1], ["ROOT", "prep", "poss", "case", "compound", "det", "pobj"],
               ["VERB", "ADP", "PROPN", "PART", "PROPN", "DET", "PROPN"],
               ents=["O", "O", "B-ORG", "O", "B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART"])
    found = outlets.find(doc[6], LEX)
    assert (found.name, found.mention, found.kind, found.programme) == (
        "NBC News", "NBC", "broadcaster", "Meet the Press")


def test_parse_an_outlets_work_speaks_for_the_outlet_that_made_it():
    doc = _doc(["Forbes", "shot", "back", "in", "an", "article", "stating", "it", "rained"],
               [1, 1, 1, 1, 5, 3, 5, 8, 6], ["nsubj", "ROOT", "advmod", "prep", "det", "pobj", "acl", "nsubj",
                                             "ccomp"],
               ["PROPN", "VERB", "ADV", "ADP", "DET", "NOUN", "VERB", "PRON", "VERB"])
    assert outlets.outlet_of_speaker(doc[5], LEX).name == "Forbes"


@pytest.mark.parametrize("words, ents, edition", [
    (["told", "POLITICO", "Florida"], ["O", "B-ORG", "B-GPE"], "POLITICO Florida"),
    (["told", "POLITICO", "New", "York"], ["O", "B-ORG", "I-ORG", "I-ORG"], "POLITICO New York"),
    (["told", "POLITICO", "Chairman"], ["O", "B-ORG", "O"], None),
])
def test_parse_an_edition_by_place_not_by_title(words, ents, edition):
    n = len(words)
    doc = _doc(words, [0] + [n - 1] * (n - 2) + [0], ["ROOT"] + ["compound"] * (n - 2) + ["dobj"],
               ["VERB"] + ["PROPN"] * (n - 1), ents=ents)
    found = outlets.find(doc[n - 1], LEX)
    if edition is None:
        assert found is None or found.mention != " ".join(words[1:])
    else:
        assert (found.name, found.mention) == ("Politico", edition)


def test_parse_a_the_short_form_needs_its_the():
    with_the = _doc(["said", "the", "Guardian"], [0, 2, 0], ["ROOT", "det", "nsubj"], ["VERB", "DET", "PROPN"],
                    ents=["O", "O", "B-ORG"])
    assert outlets.find(with_the[2], LEX).name == "The Guardian"
    # Mayor Don Guardian: a one-word short form is a name only after its "the"
    alone = _doc(["said", "Guardian"], [0, 0], ["ROOT", "nsubj"], ["VERB", "PROPN"], ents=["O", "B-ORG"])
    assert outlets.find(alone[1], LEX) is None


def test_parse_a_host_with_an_honorific_is_a_person():
    bare = _doc(["Hannity", "said", "it", "rained"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"],
                ["PROPN", "VERB", "PRON", "VERB"], ents=["B-PERSON", "O", "O", "O"])
    assert outlets.find(bare[0], LEX).kind == "programme"  # the programme named for its host
    mister = _doc(["Mr.", "Hannity", "said", "it", "rained"], [1, 2, 2, 4, 2],
                  ["compound", "nsubj", "ROOT", "nsubj", "ccomp"], ["PROPN", "PROPN", "VERB", "PRON", "VERB"],
                  ents=["O", "B-PERSON", "O", "O", "O"])
    assert outlets.find(mister[1], LEX) is None


@pytest.mark.parametrize("describing, kind", [("news", "agency"), ("talent", None)])
def test_parse_a_describing_noun_counts_only_as_a_listed_pair(describing, kind):
    doc = _doc(["Acme", ",", "a", describing, "agency", ",", "said", "it", "rained"],
               [6, 0, 4, 4, 0, 0, 6, 8, 6], ["nsubj", "punct", "det", "compound", "appos", "punct", "ROOT",
                                             "nsubj", "ccomp"],
               ["PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB", "PRON", "VERB"],
               ents=["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O"])
    found = outlets.find(doc[0], LEX)
    assert (found and found.kind) == kind
    if kind is not None:
        assert found.name == "Acme"


def _claim(text, content, cue, outlet=None):
    cs = text.index(content)
    qs = text.index(cue)
    return Claim(Span(content, cs, cs + len(content)), Cue(cue, qs, qs + len(cue), cue), None, "indirect",
                 0.5, "verb-clause", outlet=outlet)


@pytest.mark.parametrize("text, outer, cue, inner, inner_cue, inherits", [
    ("The campaign said the candidate would attend, CNN reported.",
     "The campaign said the candidate would attend", "reported", "the candidate would attend", "said", True),
    ("“We will win,” Sanders said, according to CNN.",
     "“We will win,” Sanders said", "according to", "“We will win,”", "said", True),
    ("According to CNN, the department reported new emails, which brings the total to 1,000.",
     "the department reported new emails, which brings the total to 1,000", "According to",
     "new emails", "reported", True),
    ("Weaver says it's proof, which stood at 263, according to CNN.",
     "Weaver says it's proof, which stood at 263", "according to", "it's proof", "says", False),
    ("Polling shows why it matters: a CNN poll showed that half would stay home.",
     "Polling shows why it matters: a CNN poll showed that half would stay home", "showed",
     "why it matters", "shows", False),
])
def test_an_outlet_carries_the_claims_inside_its_claim_but_not_past_a_clause(text, outer, cue, inner,
                                                                              inner_cue, inherits):
    carried = _claim(text, outer, cue, Outlet("CNN", "CNN", 0, 3, "broadcaster"))
    claims = outlets.inherit_outlets([carried, _claim(text, inner, inner_cue)])
    assert (claims[1].outlet is not None) is inherits


@pytest.mark.parametrize("text", [
    "The People's Daily newspaper said the talks had failed.",
    "Pakistani media outlets reported that the talks had failed.",
])
def test_a_speaker_named_by_its_outlet_and_a_describing_noun_is_the_outlet(claims_of, text):
    claim = _only(claims_of, text)
    assert claim.speaker.kind == "outlet" and claim.outlet is not None


@pytest.mark.parametrize("text, outlet", [
    # the article spells the acronym out: its own name, not the gazetteer's (China News Service)
    ("Christian News Service reported that the goal had been met. CNS reported Monday that the "
     "country had accepted 11,491 refugees.", "Christian News Service"),
    # spelled out as no outlet, in brackets: no outlet at all
    ("The Associated Press spoke to the Acme Broadcasting Corporation (ABC). ABC reported that the "
     "plant would close.", "Acme Broadcasting Corporation"),
    # not spelled out: the gazetteer's
    ("CNS reported Monday that the country had accepted 11,491 refugees.", "China News Service"),
    # a person's initials are no spelling out of an agency
    ("Alan Parker spoke on Monday. AP reported that the plant would close.", "Associated Press"),
])
def test_an_acronym_the_article_spells_out_is_the_outlet_it_names(claims_of, text, outlet):
    assert claims_of(text)[-1].outlet.name == outlet


def test_an_acronym_spelled_out_as_no_outlet_carries_no_claim(claims_of):
    claim = claims_of("The Council for National Security (CNS) met on Monday. CNS said that the "
                      "border would stay closed.")[-1]
    assert claim.outlet is None and claim.speaker.kind != "outlet"
