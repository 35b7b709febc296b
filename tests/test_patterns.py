"""One sentence for every claim shape claimx handles, with the rule that must produce it, and the
texts that must give no claim."""
import pytest


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
        [("headline", "Report", ":", "Peace talks have stalled over the Taliban’s stance", "indirect")]),
    "question put by a reporter": (
        "Asked whether he would resign, the minister said he would not.",
        [("verb-clause", None, "Asked", "whether he would resign", "indirect"),
         ("verb-clause", "the minister", "said", "he would not", "indirect")]),
    "speech-manner verb": (
        "“Stay there!” a man yelled from the crowd.",
        [("quote-trailing-cue", "a man", "yelled", "“Stay there!”", "direct")]),
}


@pytest.mark.parametrize("name", PATTERNS)
def test_pattern(claims_of, name):
    text, expected = PATTERNS[name]
    assert _claims(claims_of, text) == expected


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


def test_every_claim_says_which_rule_made_it_and_how_sure_it_is(claims_of):
    from claimx.lexicon import load
    measured = load().confidence  # models/rules.yaml
    claims = claims_of("“We won,” the coach said. Officials said the stadium would reopen. "
                       "Said the stadium would reopen.")
    assert [c.rule for c in claims] == ["verb-quote", "verb-clause", "verb-clause"]
    # a claim whose speaker the parse lost gets the confidence measured for those
    assert [c.confidence for c in claims] == [
        round(measured[c.rule if c.speaker else "no-speaker"], 2) for c in claims]
    assert claims[-1].speaker is None and claims[-1].confidence < claims[1].confidence


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


def test_noun_phrase_objects_are_claims_only_when_asked():
    import claimx
    text = "Senator Cardin proposed a 10 percent value-added tax."
    assert claimx.load_pipeline()(text)._.claims == ()
    [claim] = claimx.load_pipeline(np_objects=True)(text)._.claims
    assert (claim.content.text, claim.rule) == ("a 10 percent value-added tax", "verb-np")


def test_beliefs_can_be_left_out():
    import claimx
    text = "The governor believes that the bill will pass."
    [claim] = claimx.load_pipeline()(text)._.claims
    assert (claim.cue.stance, claim.rule) == ("belief", "cognition")
    assert claimx.load_pipeline(beliefs=False)(text)._.claims == ()


def test_verbose_table_names_the_rule(tmp_path):
    from typer.testing import CliRunner
    from claimx.cli import app
    article = tmp_path / "a.txt"
    article.write_text("“We will not raise taxes,” the governor said.", encoding="utf-8")
    plain = CliRunner().invoke(app, ["extract", str(article), "-f", "table"], env={"COLUMNS": "200"})
    verbose = CliRunner().invoke(app, ["extract", str(article), "-f", "table", "-v"], env={"COLUMNS": "200"})
    assert "verb-quote" in verbose.stdout and "verb-quote" not in plain.stdout
