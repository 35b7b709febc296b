"""One sentence for every claim shape claimx handles, with the rule that must produce it, and the
texts that must give no claim. The rules' findings are read before the scorer's decision
(``found_by_rules``); what claimx finally keeps is read with ``claims_of``."""
import pytest

from claimx.extraction import candidates
from claimx.lexicon import load


@pytest.fixture(scope="session")
def found_by_rules(nlp):
    """Every claim the rules find in ``text``, before the scorer decides which to keep."""
    lexicon = load()
    return lambda text: tuple(c.claim for c in candidates(nlp(text), lexicon))


def _claims(claims_of, text):
    return [(c.rule, c.speaker.mention if c.speaker else None, c.cue.text, c.content.text, c.type)
            for c in claims_of(text)]


PATTERNS = {
    "speech verb with a clause": (
        "The minister insisted that the bridge was safe.",
        [("verb-clause", "The minister", "insisted", "the bridge was safe", "indirect")]),
    "told someone that": (
        "Smith told reporters that the plant would close.",
        [("verb-clause", "Smith", "told", "the plant would close", "indirect")]),
    "noun cue": (
        "The minister issued a warning that prices would rise.",
        [("noun-clause", "The minister", "warning", "prices would rise", "indirect")]),
    "according to": (
        "According to the ministry, the border will reopen on Monday.",
        [("according-to", "the ministry", "According to", "the border will reopen on Monday", "indirect")]),
    "according to, inside the claim": (
        "The talks, according to diplomatic sources, collapsed on Friday.",
        [("according-to", "diplomatic sources", "according to",
          "The talks, according to diplomatic sources, collapsed on Friday", "indirect")]),
    "relative clause": (
        "Senator Jane Smith, who chairs the committee, said the vote would be delayed.",
        [("verb-clause", "Jane Smith", "said", "the vote would be delayed", "indirect")]),
    "participle after the main clause": (
        "The negotiators left the room, warning that failure could escalate the crisis.",
        [("verb-clause", "The negotiators", "warning", "failure could escalate the crisis", "indirect")]),
    "passive with an agent": (
        "It was announced by the ministry that the talks would resume.",
        [("verb-clause", "the ministry", "announced", "the talks would resume", "indirect")]),
    "parenthetical attribution": (
        "Even if the venture fails, Mr. Morgan said, the land has already been restored.",
        [("verb-parenthetical", "Mr. Morgan", "said",
          "Even if the venture fails, Mr. Morgan said, the land has already been restored", "indirect")]),
    "as X reported": (
        "As the ministry reported, exports fell for a third month.",
        [("verb-parenthetical", "the ministry", "reported", "exports fell for a third month", "indirect")]),
    "urge someone to": (
        "Negotiators urged the Taliban to take action against the groups.",
        [("verb-object-to", "Negotiators", "urged", "the Taliban to take action against the groups", "indirect")]),
    "vow to": (
        "The governor vowed to veto the bill.",
        [("verb-to", "The governor", "vowed", "to veto the bill", "indirect")]),
    "accuse of": (
        "The mayor accused the council of wasting money.",
        [("verb-object-of", "The mayor", "accused", "the council of wasting money", "indirect")]),
    "naming with a quotation": (
        "The senator called the bill a “disaster” in a speech.",
        [("verb-naming", "The senator", "called", "the bill a “disaster”", "mixed")]),
    "quoted complement": (
        "Clinton decried the party for “turning its back” on workers.",
        [("verb-quoted", "Clinton", "decried", "the party for “turning its back” on workers", "mixed")]),
    "mixed claim": (
        "Asif cautioned that an “all-out war” could ensue.",
        [("verb-clause", "Asif", "cautioned", "an “all-out war” could ensue", "mixed")]),
    "quotation then its attribution": (
        "“We will not raise taxes,” the governor said.",
        [("verb-quote", "the governor", "said", "“We will not raise taxes,”", "direct")]),
    "attribution then a colon": (
        "The mayor said: “The city is safe.”",
        [("verb-quote", "The mayor", "said", "“The city is safe.”", "direct")]),
    "dash attribution": (
        "“We will rebuild the bridge by spring.” – Commissioner Jane Doe",
        [("quote-dash", "Jane Doe", "–", "“We will rebuild the bridge by spring.”", "direct")]),
    "colon attribution": (
        "From the minister: “The border will stay closed until further notice.”",
        [("quote-colon", "the minister", ":", "“The border will stay closed until further notice.”", "direct")]),
    "headline attribution": (
        "Peace talks have stalled over the Taliban’s stance: Report\n\nThe talks ended on Friday.",
        [("headline", None, ":", "Peace talks have stalled over the Taliban’s stance", "indirect")]),
    "question put by a reporter": (
        "Asked whether he would resign, the minister said he would not.",
        [("verb-clause", None, "Asked", "whether he would resign", "indirect"),
         ("verb-clause", "the minister", "said", "he would not", "indirect")]),
    "speech-manner verb": (
        "“Stay there!” a man yelled from the crowd.",
        [("quote-trailing-cue", "a man", "yelled", "“Stay there!”", "direct")]),
}


@pytest.mark.parametrize("name", PATTERNS)
def test_pattern(found_by_rules, name):
    text, expected = PATTERNS[name]
    assert _claims(found_by_rules, text) == expected


def test_quotation_interrupted_by_its_attribution(claims_of):
    claims = claims_of("“The deal is done,” she said, “and nobody can undo it.”")
    assert [c.content.text for c in claims] == ["“The deal is done,”", "“and nobody can undo it.”"]
    assert claims[0].passage == claims[1].passage is not None
    assert claims[1].rule == "quote-continued"


def test_floating_quotation_keeps_the_speaker(claims_of):
    claims = claims_of("“We won,” the coach said.\n\n“Nobody expected it. We proved them wrong.”")
    assert [c.rule for c in claims] == ["verb-quote", "quote-floating"]
    assert claims[1].speaker.mention == "the coach"


def test_name_quoted_inside_the_speaker_phrase_is_not_a_quotation(claims_of):
    [claim] = claims_of("A man who goes by the name “Shorty” said the shelter was full.")
    assert claim.content.text == "the shelter was full"
    assert claim.speaker.mention == "A man"


@pytest.mark.parametrize("text, stance", [
    ("The minister said that the talks had stalled.", "neutral"),
    ("The minister insisted that the talks had stalled.", "assertive"),
    ("The minister claimed that the talks had stalled.", "doubtful"),
    ("The minister denied that the talks had stalled.", "denial"),
    ("The minister alleged that the talks had stalled.", "doubtful"),
])
def test_stance_comes_from_the_cue(claims_of, text, stance):
    [claim] = claims_of(text)
    assert claim.cue.stance == stance


@pytest.mark.parametrize("text, mention, name, kind, role", [
    ("Foreign Minister Ishaq Dar met his counterpart. The minister said the talks had been useful.",
     "The minister", "Ishaq Dar", "person", None),
    ("Hillary Rodham Clinton spoke in Iowa. Clinton said the economy was improving.",
     "Clinton", "Hillary Rodham Clinton", "person", None),
    ("Brian Baker, a longtime adviser to the family, said the ad would run.",
     "Brian Baker", "Brian Baker", "person", "a longtime adviser to the family"),
    ("Pakistan’s Defence Minister Khawaja Asif said the border was calm.",
     "Khawaja Asif", "Khawaja Asif", "person", "Pakistan’s Defence Minister"),
    ("Diplomatic sources said the talks had stalled.", "Diplomatic sources", None, "anonymous", None),
    ("The company said that it had cut no corners.", "The company", None, "organization", None),
    ("Pakistani negotiators said the demands were fair.", "Pakistani negotiators", None, "group", None),
])
def test_speakers_as_a_reader_names_them(claims_of, text, mention, name, kind, role):
    claim = claims_of(text)[-1]
    sp = claim.speaker
    assert (sp.mention, sp.name, sp.kind, sp.role) == (mention, name, kind, role)


def test_every_claim_says_which_rule_made_it_and_how_sure_it_is(nlp):
    from claimx.scoring import load_scorer
    lexicon, scorer = load(), load_scorer()
    found = candidates(nlp("“We won,” the coach said. Officials said the stadium would reopen. "
                           "Said the stadium would reopen."), lexicon)
    assert [c.claim.rule for c in found] == ["verb-quote", "verb-clause", "verb-clause"]
    # the confidence is the scorer's, from the claim's own evidence: its rule, its cue, its speaker
    for c in found:
        prior = lexicon.confidence[c.claim.rule if c.claim.speaker else "no-speaker"]
        assert c.claim.confidence == round(scorer.probability(c.features, prior), 2)
    assert "speaker=none" in found[-1].features
    assert found[-1].claim.speaker is None and found[-1].claim.confidence < found[1].claim.confidence


@pytest.mark.parametrize("text", [
    "The talks took place in Istanbul on Saturday.",  # narration
    "Will the talks succeed?",  # a question in a headline, no speaker
    "She read “The Old Man and the Sea” last summer.",  # a quoted title
    "The so-called “peace plan” was published on Monday.",  # scare quotes
    "This stance, described as “illogical and detached,” has raised doubts.",
    "Doctors need admitting privileges at local hospitals.",
    "Pakistan presented what it described as “clear” demands.",
])
def test_no_claim(claims_of, text):
    assert claims_of(text) == ()


def test_noun_phrase_objects_are_kept_when_the_scorer_says_so_or_when_asked():
    import claimx
    from claimx.scoring import load_scorer
    text = "Senator Cardin proposed a 10 percent value-added tax. Jones wrote the letter on Monday."
    found = [c.claim for c in candidates(claimx.load_pipeline()(text), load())]
    assert [(c.rule, c.content.text) for c in found] == [
        ("verb-np", "a 10 percent value-added tax"), ("verb-np", "the letter")]
    threshold = load_scorer().threshold
    assert found[0].confidence >= threshold > found[1].confidence  # writing the letter states nothing
    assert claimx.load_pipeline()(text)._.claims == tuple(c for c in found if c.confidence >= threshold)
    assert claimx.load_pipeline(np_objects=True)(text)._.claims == tuple(found)


def test_beliefs_count_only_when_asked(found_by_rules):
    import claimx
    text = "The governor believes that the bill will pass."
    assert claimx.load_pipeline()(text)._.claims == ()  # "who said what" means speech
    found = [c.claim for c in candidates(claimx.load_pipeline()(text), load(), beliefs=True)]
    assert [(c.cue.stance, c.rule) for c in found] == [("belief", "cognition")]


# Error class 1: cue words in senses that are not speech give no claim.
@pytest.mark.parametrize("text", [
    "The firm will continue doing business in the region.",
    "Many voters are finding the advice hard to follow.",
    "The donors want to show what their money did.",
    "The former aide pleaded guilty to fraud.",
    "Nobody can tell what might happen next.",
])
def test_cue_words_in_other_senses_give_no_claim(claims_of, text):
    assert claims_of(text) == ()


@pytest.mark.parametrize("text, content", [
    ("The report shows that sales fell sharply last year.", "sales fell sharply last year"),
    ("The minister told reporters that the border would reopen.", "the border would reopen"),
])
def test_the_same_cues_in_their_speech_sense_are_claims(claims_of, text, content):
    assert [c.content.text for c in claims_of(text)] == [content]


# Error class 3: speech-manner cues, with their stance.
@pytest.mark.parametrize("cue, stance", [
    ("blurted out", "assertive"), ("crowed", "assertive"), ("scolded", "accusatory"),
    ("fumed", "accusatory"), ("conceded", "concession"), ("mused", "neutral"), ("quipped", "neutral"),
])
def test_speech_manner_cues(claims_of, cue, stance):
    [claim] = claims_of(f"Mayor Ana Ruiz spoke after the vote. “We are not done yet,” Ruiz {cue}.")
    assert (claim.cue.text, claim.cue.stance, claim.content.text) == (cue, stance, "“We are not done yet,”")
    assert claim.speaker.name == "Ana Ruiz"


def test_a_quotation_next_to_a_known_speaker_with_an_unusual_cue(claims_of):
    [claim] = claims_of("Mayor Ana Ruiz spoke after the vote. “Not again,” she harrumphed.")
    assert (claim.rule, claim.cue.text, claim.speaker.name) == ("quote-manner", "harrumphed", "Ana Ruiz")


def test_a_quotation_followed_by_narration_is_not_attributed(claims_of):
    assert claims_of("Mayor Ana Ruiz spoke after the vote. “Not again,” she walked away.") == ()


# Error class 5: sentences every article holds.
@pytest.mark.parametrize("text", [
    "The president did not say whether tariffs would rise.",
    "The minister declined to say when the talks would resume.",
    "The company would not confirm that the plant would close.",
])
def test_negated_or_refused_cues_state_nothing(claims_of, text):
    assert claims_of(text) == ()


def test_statement_then_a_quotation_gives_both_claims(claims_of):
    claims = claims_of("Health Secretary Priya Nair said in a statement that the hospital would stay open. "
                       "She later told reporters, “Nobody is closing anything.”")
    assert [c.content.text for c in claims] == ["the hospital would stay open", "“Nobody is closing anything.”"]
    assert {c.speaker.name for c in claims} == {"Priya Nair"}


def test_expressed_confidence_and_hope_take_one_rule(found_by_rules):
    claims = found_by_rules("The company expressed confidence that sales would rise. "
                            "The union expressed hope that talks would resume.")
    # a belief put into words is speech: both count without --beliefs
    assert [(c.rule, c.cue.text, c.content.text) for c in claims] == [
        ("noun-expressed", "confidence", "sales would rise"), ("noun-expressed", "hope", "talks would resume")]


def test_a_source_cited_inside_according_to_is_not_the_claim(claims_of):
    claims = claims_of("According to a report in The New York Times, citing two people familiar with "
                       "the matter, the deal fell apart.")
    assert [c.content.text for c in claims if c.rule == "according-to"] == ["the deal fell apart"]


def test_dismissing_reports_is_one_claim(claims_of):
    claims = claims_of("Chen dismissed reports that he would resign.")
    assert [(c.cue.text, c.content.text) for c in claims] == [("dismissed", "reports that he would resign")]


@pytest.mark.parametrize("text, kind, name", [
    ("The state auditor's office said the accounts were wrong.", "organization", None),
    ("The city council said it would meet again in May.", "organization", None),
    ("The Minister said the border would stay shut.", "person", None),
    ("Priya Nair opened the clinic. Nair later told reporters that it was fine.", "person", "Priya Nair"),
])
def test_speaker_kinds_and_names(claims_of, text, kind, name):
    sp = claims_of(text)[-1].speaker
    assert (sp.kind, sp.name) == (kind, name)


def test_headline_report_names_no_speaker(found_by_rules):
    [claim] = found_by_rules("Peace talks have stalled over the Taliban’s stance: Report\n\nThe talks ended.")
    assert claim.rule == "headline" and claim.speaker is None


def test_verbose_table_names_the_rule(tmp_path):
    from typer.testing import CliRunner
    from claimx.cli import app
    article = tmp_path / "a.txt"
    article.write_text("“We will not raise taxes,” the governor said.", encoding="utf-8")
    plain = CliRunner().invoke(app, ["extract", str(article), "-f", "table"], env={"COLUMNS": "200"})
    verbose = CliRunner().invoke(app, ["extract", str(article), "-f", "table", "-v"], env={"COLUMNS": "200"})
    assert "verb-quote" in verbose.stdout and "verb-quote" not in plain.stdout
