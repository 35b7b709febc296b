"""Speakers named as a reader names them, through the real pipeline: a short article names
its people and organisations, then quotes one of them by a pronoun, a surname, a title or a
short form; the speaker's ``name`` is the fullest the article gave, and None when the article
never said who it is."""
import pytest


def last_speaker(claims_of, text):
    sp = claims_of(text)[-1].speaker
    return sp.mention, sp.name, sp.kind


@pytest.mark.parametrize("text, mention, name, kind", [
    # pronouns: the person of the pronoun's gender the narration spoke of last
    ("Hillary Clinton met Bernie Sanders in Iowa. He said the debate had been fair.",
     "He", "Bernie Sanders", "person"),
    ("Kimberley Fritts, the firm's chief executive, spoke on Monday. “We would have registered,” she said.",
     "she", "Kimberley Fritts", "person"),
    # a surname: the full name written before, a person whatever the tagger made of it
    ("Priya Nair opened the clinic. Nair later told reporters that it was fine.",
     "Nair", "Priya Nair", "person"),
    # an honorific and a surname as long in letters as the full name
    ("Tom Clarke runs the port. Mr. Clarke said on Monday that the cranes were old.",
     "Mr. Clarke", "Tom Clarke", "person"),
    # titles: the person the article gave that title, under any of its forms
    ("Ohio Gov. John Kasich arrived in Cleveland on Friday. The governor said he would stay in the race.",
     "The governor", "John Kasich", "person"),
    ("Manhattan Supreme Court Justice Frank Nervo rejected the request on Thursday. "
     "The judge said the court would not act.", "The judge", "Frank Nervo", "person"),
    # short forms: the organisation named before
    ("Twitter suspended 125,000 accounts on Friday. The company said the accounts had promoted terrorism.",
     "The company", "Twitter", "organization"),
    ("The Labor Department released new figures on Friday. The department said wages had risen.",
     "The department", "Labor Department", "organization"),
    # "the bank" before the narration made any organisation a subject: the one it named most
    ("Senators grilled Wells Fargo on Tuesday. In the Wells Fargo scandal, customers were charged fees. "
     "The bank said that it had fired 5,300 employees.", "The bank", "Wells Fargo", "organization"),
    # a name in quotation marks by itself is a term, not a person: Twitter stays the company
    ("Twitter suspended 125,000 accounts on Friday. Some users call the site ''Wilayat Twitter,'' its "
     "militants' province. Twitter said in a statement that it had expanded its teams. "
     "It also said that the accounts had been removed.", "It", "Twitter", "organization"),
    # "the former secretary of state", a title given to no one: the person the article is about
    ("Hillary Clinton attacked Donald Trump on Tuesday. The former secretary of state said that his tax "
     "cuts would raise the debt.", "The former secretary", "Hillary Clinton", "person"),
    # ... or, in a paragraph that quotes someone, the person quoted last
    ("Dan Ortiz is on solid ground attacking Bill Reed, Mary Hale said Monday. But, the former chief "
     "executive of Acme added, it's not the way to win.", "the former chief executive", "Mary Hale", "person"),
])
def test_a_speaker_is_named_as_the_article_named_them(claims_of, text, mention, name, kind):
    assert last_speaker(claims_of, text) == (mention, name, kind)


@pytest.mark.parametrize("text, mention, kind", [
    ("Jane Doe, a teacher, spoke at the rally. The senator said the bill would pass.", "The senator", "person"),
    ("The department said the rule would take effect in December.", "The department", "organization"),
    ("Jane Doe, a teacher, spoke at the rally. The company said the plant would close.", "The company", "organization"),
    ("Senators grilled Wells Fargo on Tuesday. Customers were charged fees. "
     "The bank said that it had fired 5,300 employees.", "The bank", "organization"),  # named once only
    # the person the article is about holds another title: not the former secretary
    ("Ohio Gov. John Kasich attacked Donald Trump on Tuesday. The former secretary of state said that his "
     "tax cuts would raise the debt.", "The former secretary", "person"),
    # not "former": a title given to no one stays unnamed
    ("Hillary Clinton attacked Donald Trump on Tuesday. The secretary of state said that his tax cuts "
     "would raise the debt.", "The secretary", "person"),
])
def test_a_speaker_the_article_never_names_stays_unnamed(claims_of, text, mention, kind):
    assert last_speaker(claims_of, text) == (mention, None, kind)


def test_i_in_an_interview_answer_is_the_person_interviewed(claims_of):
    text = ("Actress Diane Guerrero talks about her memoir.\n\nQ: What did you find?\n\n"
            "A: I came home from school. I said that my parents had been taken.")
    assert last_speaker(claims_of, text) == ("I", "Diane Guerrero", "person")


def test_i_in_the_narration_is_the_writer_and_stays_unnamed(claims_of):
    text = "Diane Guerrero spoke in Chicago on Monday. I said that the hall was full."
    assert last_speaker(claims_of, text)[:2] == ("I", None)


def test_a_continued_quotation_keeps_the_speaker_its_pronoun_was_named(claims_of):
    claims = claims_of("Ann Lee met Tom Hart on Monday. “We won,” he said. “Nobody expected it at all.”")
    assert [c.speaker.name for c in claims[-2:]] == ["Tom Hart", "Tom Hart"]


# ------------------------------------------------------------------ session 3: the misses left
# a paragraph of narration that names no one, to set a title's one holder far back
FAR = " ".join(["Voters lined up early outside the schools, and volunteers handed out coffee."] * 16)
ACME = "Acme Corp. opened a plant on Monday. Acme Corp. said it would hire 300 people. Acme Corp. is based in Ohio."


@pytest.mark.parametrize("text, mention, name, kind", [
    # a surname the tagger reads as a common noun, of a name it took for an organisation's
    ("Brett O’Donnell, a strategist, spoke in Iowa. “It was a mistake,” O’Donnell said.",
     "O’Donnell", "Brett O’Donnell", "person"),
    # "the agency": the organisation whose officials this paragraph quoted, not the one named most
    (ACME + "\n\nOfficials at Homeland Security Investigations said the program was at risk. "
     "In a memo, the agency said that the program should end.",
     "the agency", "Homeland Security Investigations", "organization"),
    # "the senator": the one senator titled is paragraphs back; the untitled person of this one
    ("Sen. John McCain spoke in Arizona on Monday.\n\n" + FAR + "\n\nTed Cruz defended his record "
     "in an ad. “We secured the border,” the senator says.", "the senator", "Ted Cruz", "person"),
    # the name the parser hung on "the book" is the author's
    ("The author of the book, Mitchell Zuckoff, said in an interview that he stands by the depiction.",
     "The author", "Mitchell Zuckoff", "person"),
    # "the head": the chairman the article names just after
    ("The head of the rules committee accused party leaders of a breach of trust. Rules Committee "
     "Chairman Bruce Ash said in an email that the change was wrong.", "The head", "Bruce Ash", "person"),
])
def test_the_speakers_last_sessions_rules_missed_are_named(claims_of, text, mention, name, kind):
    assert _speaker(claims_of, text, mention) == (mention, name, kind)


def _speaker(claims_of, text, mention):
    sp = next(c.speaker for c in reversed(claims_of(text)) if c.speaker and c.speaker.mention == mention)
    return sp.mention, sp.name, sp.kind


@pytest.mark.parametrize("text, mention, name", [
    # the paragraph's person holds another title: the senator stays the one titled
    ("Sen. John McCain spoke in Arizona on Monday.\n\n" + FAR + "\n\nGov. Ted Cruz defended his record "
     "in an ad. “We secured the border,” the senator says.", "the senator", "John McCain"),
    # the senator titled was mentioned just before: the senator is he
    ("Sen. John McCain spoke in Arizona on Monday. Ted Cruz defended his record in an ad. “We secured "
     "the border,” the senator says.", "the senator", "John McCain"),
    # an organisation made a subject paragraphs before, none since: "the company" is still it
    (ACME + "\n\nInvestors praised the deal. In a memo, the company said that the plant would open in May.",
     "the company", "Acme Corp."),
    # an organisation in apposition names no person
    ("The head of the company, Acme Corp., said that it would appeal.", "The head", None),
    # no one the article names is the head of anything
    ("The head of the rules committee accused party leaders of a breach of trust on Monday.", "The head", None),
])
def test_the_new_rules_leave_other_speakers_as_they_were(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


def test_an_organisations_name_goes_on_through_for(claims_of):
    text = "Clinton has raised $204,202 from hedge funds, according to the Center for Responsive Politics."
    assert _speaker(claims_of, text, "the Center") == ("the Center", "the Center for Responsive Politics",
                                                        "organization")
    text = "Clinton has raised $204,202 from hedge funds, according to the Center."
    assert _speaker(claims_of, text, "the Center")[1] == "the Center"  # nothing after it to add


# ------------------------------------------------------------------ titles with words before them
GOVERNORS = ("New Jersey Gov. Chris Christie spoke in Concord on Monday. Former Florida Gov. Jeb Bush "
             "spoke in Nashua on Tuesday. ")


@pytest.mark.parametrize("text, mention, name", [
    # the governor the article described as New Jersey's, not the governor mentioned last
    (GOVERNORS + "“We will win,” the New Jersey governor said.", "the New Jersey governor", "Chris Christie"),
    # no words before the title: the governor mentioned last
    (GOVERNORS + "“We will win,” the governor said.", "the governor", "Jeb Bush"),
    # a state that describes no one, the governor mentioned last given another: no one
    (GOVERNORS + "“We will win,” the Texas governor said.", "the Texas governor", None),
    # a state the article gives by its abbreviation after the name
    ("Sen. Dan Ortiz (R-Fla.) met voters in Ames on Monday. Sen. Mark Hale (R-Iowa) joined him. "
     "“We will win,” the Florida senator said.", "the Florida senator", "Dan Ortiz"),
    # the one senator, whom the article gives another state: no one
    ("Sen. Mark Hale (R-Iowa) met voters in Ames on Monday. “We will win,” the Florida senator said.",
     "the Florida senator", None),
    # words that tell no one apart ("White House") leave the title to decide, as before
    ("Press secretary Dana Ruiz spoke on Monday. “We will win,” the White House press secretary said.",
     "the White House press secretary", "Dana Ruiz"),
    # "the former mayor" is not the mayor the article gives the title now
    ("Mayor Tom Reyes opened the bridge on Monday. The former mayor said that it had cost too much.",
     "The former mayor", None),
    ("Former Mayor Tom Reyes opened the bridge on Monday. The former mayor said that it had cost too much.",
     "The former mayor", "Tom Reyes"),
    # a new person ("a ..."), whatever describes them, stays unnamed
    (GOVERNORS + "“We will win,” a New Jersey strategist said.", "a New Jersey strategist", None),
    # "The Democratic presidential nominee" is not the nominee the article called Republican
    ("Republican presidential nominee Donald Trump spoke in Ohio. Hillary Clinton spoke in Iowa. "
     "The Democratic presidential nominee said that taxes would rise.", "The Democratic presidential nominee", None),
])
def test_the_words_before_a_title_choose_among_its_holders(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name



# ------------------------------------------------------------------ pronouns after other speakers
@pytest.mark.parametrize("text, mention, name", [
    # a subject of what the pronoun itself says is the reported speech's, not its antecedent
    ("Paul Grant, the mayor's pollster, spoke on Monday. “The old view” -- that Tom Reyes is "
     "finished -- “will not last,” he says.", "he", "Paul Grant"),
    ("Paul Grant spoke on Monday. Tom Reyes is finished, he said.", "he", "Paul Grant"),
    # ... but the subject of a clause the pronoun's own hangs on is
    ("Paul Grant spoke on Monday. Tom Reyes laughed as he replied that it was wrong.", "he", "Tom Reyes"),
    # the person asked answers
    ("Sam Hill asked Tom Reyes how tall the tower would be. “Forty feet,” he said.", "he", "Tom Reyes"),
    # after a person the article brings in without a name, "he" is that person: unnamed
    ("Tom Reyes lost the vote on Monday. “We will appeal,” an aide said. “The ruling is wrong,” he added.",
     "he", None),
    # ... unless the words of that speaker say another gender
    ("Tom Reyes lost the vote on Monday. “We will appeal,” a spokeswoman said. “The ruling is wrong,” he added.",
     "he", "Tom Reyes"),
])
def test_a_pronoun_goes_to_the_person_the_narration_is_about(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


# ------------------------------------------------------------------ people named with an outlet
def test_a_host_named_in_full_stays_a_person_though_a_show_has_their_name(claims_of):
    text = ("Sean Hannity interviewed Dan Ortiz on Wednesday. Hannity said the wall would be paid for. "
            "Ortiz said it would not.")
    assert _speaker(claims_of, text, "Hannity") == ("Hannity", "Sean Hannity", "person")


def test_a_name_inside_an_outlets_entity_is_a_person_of_the_article(claims_of):
    text = ("Fox News’s Ed Henry asked Dan Ortiz about the vote on Monday. Henry said that the vote "
            "had been close.")
    assert _speaker(claims_of, text, "Henry")[1] == "Ed Henry"


# ------------------------------------------------------------------ two people of one surname
@pytest.mark.parametrize("text, name", [
    # a subject inside a quotation is the quotation's, not the narration's
    ("Tony Lee spoke on Monday. “Jim Lee is wrong,” he said. Lee said that the firm had done nothing wrong.",
     "Tony Lee"),
    # the one the narration made a subject last
    ("Tony Lee founded Acme. His brother Jim Lee spoke on Monday. Lee said that the firm had done nothing wrong.",
     "Jim Lee"),
])
def test_a_surname_two_people_share_goes_to_the_one_the_narration_is_about(claims_of, text, name):
    assert _speaker(claims_of, text, "Lee")[1] == name


# ------------------------------------------------------------------ surnames, descriptions, short forms
@pytest.mark.parametrize("text, mention, name", [
    # a name written family name first, then by it alone
    ("Chinese President Xi Jinping arrived in Astana on Monday. The two nations, Xi said, have a golden "
     "opportunity.", "Xi", "Xi Jinping"),
    # the only full name with the surname comes later and is a woman's, the man's never written
    ("President Okafor spoke in Lagos on Monday. Okafor said that the talks had gone well. Mr. Okafor and "
     "his wife, Grace Okafor, then flew home.", "Okafor", "Okafor"),
])
def test_a_one_word_name_is_named_as_the_article_named_that_person(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


@pytest.mark.parametrize("text, mention, name", [
    # a description given to no one: the person the narration made a subject just before
    ("Ben Carson took questions on Tuesday. Asked about his past, the retired neurosurgeon said that he "
     "expected scrutiny.", "the retired neurosurgeon", "Ben Carson"),
    ("Senate Majority Leader Mitch McConnell criticized the plan on Monday. In a statement, the Kentucky "
     "Republican said that it would fail.", "the Kentucky Republican", "Mitch McConnell"),
    # the subject of a clause inside another's sentence is not the one described
    ("House Speaker Paul Ryan spoke on Monday about the action that Barack Obama takes. The Wisconsin "
     "Republican said that the courts would decide.", "The Wisconsin Republican", "Paul Ryan"),
    # a description the article gave someone before, when another was made a subject since
    ("Award-winning journalist Maria Ortiz spoke on Monday. Later, anchor Ilia Ramos reacted with a letter. "
     "The Colombian journalist said that the remarks hurt.", "The Colombian journalist", "Ilia Ramos"),
    # a senator may be the candidate: no other office
    ("Florida Sen. Marco Rubio spoke in Iowa. Rubio says he opposes the plan. The GOP presidential candidate "
     "said that he would fight it.", "The GOP presidential candidate", "Marco Rubio"),
])
def test_a_description_given_to_no_one_is_the_person_just_made_a_subject(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


@pytest.mark.parametrize("named, unnamed, mention, name", [
    # someone brought in without a name since is the one described
    ("Ann Lee treated patients in Liberia. The nurse said that the order was unfair.",
     "Ann Lee ordered a quarantine. A nurse treated patients in Liberia. The nurse said that the order was unfair.",
     "The nurse", "Ann Lee"),
    # the person asked does not ask
    ("Ann Lee spoke about the police on Monday. Many people disagree, the moderator said.",
     "Ann Lee was asked about the police on Monday. Many people disagree, the moderator said.", "the moderator",
     "Ann Lee"),
    # someone else in the same sentence is set against the one described
    ("Dan Ortiz spoke in Ames on Monday. In Iowa, the self-described socialist said that he would fight on.",
     "Dan Ortiz spoke in Ames on Monday. Ann Lee leads Ortiz by ten points, but the self-described "
     "socialist said that he would fight on.", "the self-described socialist", "Dan Ortiz"),
])
def test_a_description_is_no_one_the_article_may_mean_another_by(claims_of, named, unnamed, mention, name):
    assert _speaker(claims_of, named, mention)[1] == name
    assert _speaker(claims_of, unnamed, mention)[1] is None


@pytest.mark.parametrize("text, mention, name", [
    # the name an apposition gives a short form is that short form's, not an earlier one's
    ("Orion Systems opened a plant in Ohio. It was a setback for the bank, Northfield, which had lent money. "
     "The bank said that the loan was safe.", "The bank", "Northfield"),
    # a name in apposition to a subject is that subject: the company quoted last
    ("Acme Corp. signed the deal on Monday. Northfield's parent, the Orion Group, said on Monday that the "
     "deal was final. “We are reviewing it,” the company said.", "the company", "Orion Group"),
    # one word of an organisation's longer name: that name
    ("Valeant Pharmaceuticals International cut its forecast on Monday. Investors sold the stock. Valeant "
     "said that it would file its report late.", "Valeant", "Valeant Pharmaceuticals International"),
])
def test_a_short_form_is_the_organisation_the_article_named_with_it(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


@pytest.mark.parametrize("text, mention, name", [
    # "the newspaper": the newspaper the article named before, by its name in the gazetteer
    ("The Washington Post endorsed Ann Lee on Thursday. “She is smart,” the newspaper wrote.",
     "the newspaper", "The Washington Post"),
    ("The Washington Post endorsed Ann Lee on Thursday. CNN covered the speech. “She is smart,” the "
     "influential US daily wrote.", "the influential US daily", "The Washington Post"),
    # no outlet of that kind named before: no name
    ("CNN covered the speech on Thursday. “She is smart,” the newspaper wrote.", "the newspaper", None),
])
def test_an_outlets_describing_noun_is_the_outlet_of_that_kind_named_before(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


@pytest.mark.parametrize("text, mention, name", [
    # neither made a subject: the one written first, not one named in passing since
    ("The report names Grace Hale and her aide Ann Ruiz. It quotes a letter to former Governor Tom Hale. "
     "Hale said that the letter was private.", "Hale", "Grace Hale"),
    # "Mrs. Hale" is the woman of that surname, so "he" after her is still the man before
    ("Grace Hale met friends in 2001. Tom Hale spoke at the party. Dan Ortiz spoke too. But Mrs. Hale, "
     "who was tired, frowned. He said that the party was over.", "He", "Dan Ortiz"),
])
def test_a_surname_two_people_share_is_read_with_what_the_article_says_of_each(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


# ------------------------------------------------------------------ "they": more than one
@pytest.mark.parametrize("text, name", [
    # people the narration made a subject together just before: both, joined by "and"
    ("In their new book, Stephen Cohen and Brad DeLong of Berkeley suggest that it was policy. "
     "The country might have leaned against China, they argue.", "Stephen Cohen and Brad DeLong"),
    # one person before: "they" is others, whom the article does not name
    ("Tom Reyes said on Monday that the vote was close. Former prosecutors disagreed. "
     "Act now, they said, and you risk the result.", None),
])
def test_they_is_never_one_person(claims_of, text, name):
    assert _speaker(claims_of, text, "they")[1] == name


# ------------------------------------------------------------------ a title as the subject between
@pytest.mark.parametrize("text, mention, name", [
    # the title's holder, made a subject by it since the name: that person
    ("Admiral Tom Harris leads the fleet. Gen. Joe Dunford spoke to reporters on Monday. The admiral "
     "chuckled. “My voice is low,” he said.", "he", "Tom Harris"),
    ("President Barack Obama met Sen. Lamar Alexander. Alexander said the bill had failed. In defeat, the "
     "president appeared cowed. In 2012, he said little about the climate.", "he", "Barack Obama"),
    # ... not when the holder is not of the pronoun's gender
    ("Ann Lee spoke on Monday. Sen. Tom Hart arrived later. The senator frowned. “It is late,” she said.",
     "she", "Ann Lee"),
])
def test_a_title_made_a_subject_is_a_mention_of_its_holder(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


# ------------------------------------------------------------------ a pronoun in a relative clause
@pytest.mark.parametrize("text, mention, name", [
    # the person the relative clause hangs on, not the one the narration made a subject before
    ("Ann Lee spoke on Monday. My favorite line came from student Dana Ortiz, who made me laugh when she "
     "called him “savage.”", "she", "Dana Ortiz"),
    ("Sen. Tom Hart spoke on Monday. The crowd cheered for a teacher named Sam Reyes, who worked the room "
     "as he promised to defend the schools.", "he", "Sam Reyes"),
    # ... not one of another gender
    ("Ann Lee met Tom Hart, who left early when she said that it was late.", "she", "Ann Lee"),
])
def test_a_pronoun_in_a_relative_clause_is_the_person_it_hangs_on(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


# ------------------------------------------------------------------ a person the narration does not name
@pytest.mark.parametrize("text, mention, name", [
    # a subject brought in without a name since the named one: the pronoun is that person, unnamed
    ("Tom Reyes grew up in Ohio. “We live in hard times,” my father often said. He also told a friend "
     "that the end was near.", "He", None),
    ("Ann Lee spoke on Monday. Then one voter brought up immigration. She asked Lee about the deportations.",
     "She", None),
    # ... not one of another gender, nor "the nurse", whom the article may have named
    ("Tom Reyes spoke on Monday. Then one grandmother brought up immigration. He said that it was hard.",
     "He", "Tom Reyes"),
    ("Tom Reyes spoke in Ohio. The nurse treated him. He said it was fine.", "He", "Tom Reyes"),
])
def test_a_pronoun_after_a_person_brought_in_without_a_name_is_unnamed(claims_of, text, mention, name):
    assert _speaker(claims_of, text, mention)[1] == name


@pytest.mark.parametrize("text, name", [
    # the tagger joins an upper-case dateline to the first name ("CLEVELAND - Donald Trump" as
    # one organisation): the name is still the article's first full one, not a later namesake's
    ("CLEVELAND - Donald Trump accepted the nomination on Thursday night. He was introduced by his "
     "daughter, Ivanka Trump. Trump said the country was in decline.", "Donald Trump"),
    # without a dateline, as before
    ("Donald Trump accepted the nomination on Thursday night. He was introduced by his "
     "daughter, Ivanka Trump. Trump said the country was in decline.", "Donald Trump"),
])
def test_a_surname_after_a_dateline_goes_to_the_first_full_name(claims_of, text, name):
    assert last_speaker(claims_of, text)[1] == name


@pytest.mark.parametrize("text, name", [
    # a name set off by commas after the speaker's phrase, which the parser hung elsewhere
    ("Paul Manafort pressed American diplomats. The party was ''working to change its image,'' wrote "
     "the American ambassador at the time, John E. Herbst.", "John E. Herbst"),
    ("The editor I was talking to, Tim Grieve, said the story was true.", "Tim Grieve"),
    # what follows the comma is no name of a person: nobody
    ("The editor, who had read the story twice, said it was true.", None),
    ("The spokesman said on Monday, in Boston, that the plant would close.", None),
])
def test_a_name_set_off_after_the_speakers_phrase_is_theirs(claims_of, text, name):
    assert last_speaker(claims_of, text)[1] == name


@pytest.mark.parametrize("text, name", [
    # the party of the rival named in her description is not hers
    ("It was a good day for Ann Lee - the first-term senator who is facing a tough race against "
     "Tom Hart (D). Lee said she would win. The Republican incumbent said that her position was clear.",
     "Ann Lee"),
    # her own party, written in her description, still tells her apart
    ("It was a good day for Ann Lee - the Republican senator who is facing a tough race against "
     "Tom Hart. Lee said she would win. The Democratic incumbent said that her position was clear.",
     None),
])
def test_a_description_holds_the_words_of_its_own_person(claims_of, text, name):
    assert last_speaker(claims_of, text)[1] == name


@pytest.mark.parametrize("text, name", [
    # the sentence before the pronoun's is about one person, who is no subject there
    ("Stephen Vladeck said the case was a long shot. That might sound strange to anyone listening to "
     "FBI Director James Comey’s statement on Tuesday. He called her handling of it careless.",
     "James Comey"),
    # ... two people there: the subject the narration spoke of last, as before
    ("Stephen Vladeck said the case was a long shot. That might sound strange to anyone listening to "
     "James Comey and Loretta Lynch on Tuesday. He called her handling of it careless.",
     "Stephen Vladeck"),
    # ... a person of the other gender: not them
    ("Stephen Vladeck said the case was a long shot. That might sound strange to anyone listening to "
     "Mrs. Loretta Lynch on Tuesday. He called her handling of it careless.", "Stephen Vladeck"),
])
def test_a_pronoun_after_a_sentence_about_one_person_is_that_person(claims_of, text, name):
    assert _speaker(claims_of, text, "He")[1] == name


@pytest.mark.parametrize("text, name", [
    # a headline's capitals make no name of the word before a surname, where the article
    # names the person in full elsewhere
    ("Right After This Senator Endorsed Trump, The Establishment Did Something Sick.\n\n"
     "Sen. Jeff Sessions endorsed Donald Trump on Sunday.\n\n"
     "Trump jokingly said, “I’m becoming mainstream.”", "Donald Trump"),
])
def test_a_headlines_capitals_make_no_full_name(claims_of, text, name):
    assert last_speaker(claims_of, text)[1] == name


def test_a_pronoun_of_a_sentence_with_two_people_tells_neither_ones_gender(claims_of):
    # "himself" and "his" are Faso's: they make no man of Teachout
    text = ("Zephyr Teachout and John Faso are running for the seat. On Monday, Teachout decided to "
            "bypass Faso himself and go after his donor. In a video, she said the donor was “a menace.”")
    assert _speaker(claims_of, text, "she")[1] == "Zephyr Teachout"


def test_a_surname_the_tagger_took_for_a_verb_is_still_a_subject(claims_of):
    # "Trump shot back" is tagged a verb's subject "trump": still Donald Trump, whom "he" then is
    text = ("Jeb Bush, however, interjected by hitting Donald Trump for using eminent domain.\n"
            "\"Jeb wants to be a tough guy tonight,\" Trump shot back. \"Let me talk.\"\n"
            "\"Quiet,\" he demanded, as Bush continued to interject.")
    assert _speaker(claims_of, text, "he")[1] == "Donald Trump"
