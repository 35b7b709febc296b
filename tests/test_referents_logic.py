"""Whom a speaker mention stands for (claimx/referents.py, claimx/people.py), pinned on
hand-built parses: each article names its people first, then a speaker who is only a pronoun,
a title or a short form says "... that talks would resume."; the name claimx gives that speaker
is read from what the article said before, and stays None where it said nothing."""
from helpers import claims, parsed

TAIL = "that talks would resume."


def then_said(first: int, speaker: list[tuple]) -> str:
    """The rows of "<speaker> said that talks would resume." from token ``first``: ``speaker``
    holds (word, pos, tag, lemma, ent) of each word, the last its head."""
    head, said = first + len(speaker) - 1, first + len(speaker)
    rows = []
    for n, (word, pos, tag, lemma, ent) in enumerate(speaker):
        i = first + n
        dep = "nsubj" if i == head else "det" if pos == "DET" else "compound" if pos == "PROPN" else "amod"
        rows.append(f"{i} {word} {said if i == head else head} {dep} {pos} {tag} {lemma} {ent}")
    rows += [f"{said} said {said} ROOT VERB VBD say O",
             f"{said + 1} that {said + 4} mark SCONJ IN that O",
             f"{said + 2} talks {said + 4} nsubj NOUN NNS talk O",
             f"{said + 3} would {said + 4} aux AUX MD would O",
             f"{said + 4} resume {said} ccomp VERB VB resume O",
             f"{said + 5} . {said} punct PUNCT . . O"]
    return "\n".join(rows)


def last_speaker(doc):
    c = claims(doc)[-1]
    return c.speaker.mention, c.speaker.name, c.speaker.kind


HE = [("He", "PRON", "PRP", "he", "O")]
SHE = [("She", "PRON", "PRP", "she", "O")]
IT = [("It", "PRON", "PRP", "it", "O")]


def the(word: str) -> list[tuple]:
    return [("The", "DET", "DT", "the", "O"), (word, "NOUN", "NN", word, "O")]


# ------------------------------------------------------------------ pronouns and gender
ANN_MET_TOM = """
  0 Ann     1 compound PROPN NNP Ann   B-PERSON
  1 Lee     2 nsubj    PROPN NNP Lee   I-PERSON
  2 met     2 ROOT     VERB  VBD meet  O
  3 Tom     4 compound PROPN NNP Tom   B-PERSON
  4 Hart    2 dobj     PROPN NNP Hart  I-PERSON
  5 .       2 punct    PUNCT .   .     O
"""


def test_he_is_the_man_even_when_the_woman_is_the_subject():
    doc = parsed(f"Ann Lee met Tom Hart. He said {TAIL}", ANN_MET_TOM + then_said(6, HE))
    assert last_speaker(doc) == ("He", "Tom Hart", "person")


def test_she_is_the_woman_the_narration_made_a_subject_last():
    doc = parsed(f"Ann Lee spoke. Tom Hart listened. She said {TAIL}", """
      0 Ann       1 compound PROPN NNP Ann     B-PERSON
      1 Lee       2 nsubj    PROPN NNP Lee     I-PERSON
      2 spoke     2 ROOT     VERB  VBD speak   O
      3 .         2 punct    PUNCT .   .       O
      4 Tom       5 compound PROPN NNP Tom     B-PERSON
      5 Hart      6 nsubj    PROPN NNP Hart    I-PERSON
      6 listened  6 ROOT     VERB  VBD listen  O
      7 .         6 punct    PUNCT .   .       O
    """ + then_said(8, SHE))
    assert last_speaker(doc) == ("She", "Ann Lee", "person")


def test_an_honorific_tells_the_gender_of_a_name_no_list_holds():
    doc = parsed(f"Mrs. Okafor met Mr. Bello. He said {TAIL}", """
      0 Mrs.    1 compound PROPN NNP Mrs.   O
      1 Okafor  2 nsubj    PROPN NNP Okafor B-PERSON
      2 met     2 ROOT     VERB  VBD meet   O
      3 Mr.     4 compound PROPN NNP Mr.    O
      4 Bello   2 dobj     PROPN NNP Bello  B-PERSON
      5 .       2 punct    PUNCT .   .      O
    """ + then_said(6, HE))
    assert last_speaker(doc)[1] == "Bello"


def test_the_pronouns_the_article_uses_tell_a_gender():
    # neither "Robin" nor "Ito" says who Robin Ito is; "her speech" does
    doc = parsed(f"Robin Ito gave her speech. Tom Hart left. She said {TAIL}", """
      0 Robin    1 compound PROPN NNP Robin   B-PERSON
      1 Ito      2 nsubj    PROPN NNP Ito     I-PERSON
      2 gave     2 ROOT     VERB  VBD give    O
      3 her      4 poss     PRON  PRP$ her    O
      4 speech   2 dobj     NOUN  NN  speech  O
      5 .        2 punct    PUNCT .   .       O
      6 Tom      7 compound PROPN NNP Tom     B-PERSON
      7 Hart     8 nsubj    PROPN NNP Hart    I-PERSON
      8 left     8 ROOT     VERB  VBD leave   O
      9 .        8 punct    PUNCT .   .       O
    """ + then_said(10, SHE))
    assert last_speaker(doc)[1] == "Robin Ito"


def test_a_pronoun_with_no_one_of_its_gender_before_stays_unnamed():
    doc = parsed(f"Ann Lee met Tom Hart. It said {TAIL}", ANN_MET_TOM + then_said(6, IT))
    assert last_speaker(doc)[1] is None


# ------------------------------------------------------------------ surnames
def test_an_honorific_and_surname_take_a_first_name_of_as_many_letters():
    # "Mr. Clarke" and "Tom Clarke" are both ten characters: the first name still says more
    doc = parsed(f"Tom Clarke spoke. Mr. Clarke said {TAIL}", """
      0 Tom      1 compound PROPN NNP Tom      B-PERSON
      1 Clarke   2 nsubj    PROPN NNP Clarke   I-PERSON
      2 spoke    2 ROOT     VERB  VBD speak    O
      3 .        2 punct    PUNCT .   .        O
    """ + then_said(4, [("Mr.", "PROPN", "NNP", "Mr.", "O"), ("Clarke", "PROPN", "NNP", "Clarke", "B-PERSON")]))
    assert last_speaker(doc)[1:] == ("Tom Clarke", "person")


def test_a_surname_is_the_full_name_written_last_of_the_gender_the_honorific_says():
    doc = parsed(f"Bill Clinton spoke. Hillary Clinton spoke. Mr. Clinton said {TAIL}", """
      0 Bill     1 compound PROPN NNP Bill     B-PERSON
      1 Clinton  2 nsubj    PROPN NNP Clinton  I-PERSON
      2 spoke    2 ROOT     VERB  VBD speak    O
      3 .        2 punct    PUNCT .   .        O
      4 Hillary  5 compound PROPN NNP Hillary  B-PERSON
      5 Clinton  6 nsubj    PROPN NNP Clinton  I-PERSON
      6 spoke    6 ROOT     VERB  VBD speak    O
      7 .        6 punct    PUNCT .   .        O
    """ + then_said(8, [("Mr.", "PROPN", "NNP", "Mr.", "O"), ("Clinton", "PROPN", "NNP", "Clinton", "B-PERSON")]))
    assert last_speaker(doc)[1:] == ("Bill Clinton", "person")
    doc = parsed(f"Bill Clinton spoke. Hillary Clinton spoke. Clinton said {TAIL}", """
      0 Bill     1 compound PROPN NNP Bill     B-PERSON
      1 Clinton  2 nsubj    PROPN NNP Clinton  I-PERSON
      2 spoke    2 ROOT     VERB  VBD speak    O
      3 .        2 punct    PUNCT .   .        O
      4 Hillary  5 compound PROPN NNP Hillary  B-PERSON
      5 Clinton  6 nsubj    PROPN NNP Clinton  I-PERSON
      6 spoke    6 ROOT     VERB  VBD speak    O
      7 .        6 punct    PUNCT .   .        O
    """ + then_said(8, [("Clinton", "PROPN", "NNP", "Clinton", "B-PERSON")]))
    assert last_speaker(doc)[1] == "Hillary Clinton"  # the one written last


# ------------------------------------------------------------------ titles
def test_the_governor_is_the_person_written_gov():
    doc = parsed(f"Gov. Ana Ruiz spoke. The governor said {TAIL}", """
      0 Gov.   2 compound PROPN NNP Gov.   O
      1 Ana    2 compound PROPN NNP Ana    O
      2 Ruiz   3 nsubj    PROPN NNP Ruiz   O
      3 spoke  3 ROOT     VERB  VBD speak  O
      4 .      3 punct    PUNCT .   .      O
    """ + then_said(5, the("governor")))
    assert last_speaker(doc) == ("The governor", "Ana Ruiz", "person")


def test_the_president_is_the_one_of_that_title_mentioned_last():
    doc = parsed(f"President Ben Obi met Bank President Jim Kim. Obi smiled. The president said {TAIL}", """
      0 President  2 compound PROPN NNP President O
      1 Ben        2 compound PROPN NNP Ben       B-PERSON
      2 Obi        3 nsubj    PROPN NNP Obi       I-PERSON
      3 met        3 ROOT     VERB  VBD meet      O
      4 Bank       5 compound PROPN NNP Bank      B-ORG
      5 President  7 compound PROPN NNP President O
      6 Jim        7 compound PROPN NNP Jim       B-PERSON
      7 Kim        3 dobj     PROPN NNP Kim       I-PERSON
      8 .          3 punct    PUNCT .   .         O
      9 Obi       10 nsubj    PROPN NNP Obi       B-PERSON
     10 smiled    10 ROOT     VERB  VBD smile     O
     11 .         10 punct    PUNCT .   .         O
    """ + then_said(12, the("president")))
    assert last_speaker(doc)[1] == "Ben Obi"


def test_a_title_the_article_gave_no_one_stays_unnamed_whoever_it_names():
    doc = parsed(f"Ann Lee met Tom Hart. The senator said {TAIL}", ANN_MET_TOM + then_said(6, the("senator")))
    assert last_speaker(doc) == ("The senator", None, "person")


def test_the_candidate_is_the_person_the_narration_made_a_subject_last():
    doc = parsed(f"Ann Lee met Tom Hart. The candidate said {TAIL}", ANN_MET_TOM + then_said(6, the("candidate")))
    assert last_speaker(doc)[1] == "Ann Lee"


# ------------------------------------------------------------------ organisations
ACME_CUT_JOBS = """
  0 Acme   1 compound PROPN NNP Acme   B-ORG
  1 Corp.  2 nsubj    PROPN NNP Corp.  I-ORG
  2 cut    2 ROOT     VERB  VBD cut    O
  3 jobs   2 dobj     NOUN  NNS job    O
  4 .      2 punct    PUNCT .   .      O
"""


def test_the_company_is_the_organisation_the_narration_made_a_subject():
    doc = parsed(f"Acme Corp. cut jobs. The company said {TAIL}", ACME_CUT_JOBS + then_said(5, the("company")))
    assert last_speaker(doc) == ("The company", "Acme Corp.", "organization")


def test_it_is_the_organisation_the_narration_made_a_subject():
    doc = parsed(f"Acme Corp. cut jobs. It said {TAIL}", ACME_CUT_JOBS + then_said(5, IT))
    assert last_speaker(doc)[1:] == ("Acme Corp.", "organization")


def test_the_department_is_only_an_organisation_named_department():
    doc = parsed(f"Acme Corp. cut jobs. The department said {TAIL}", ACME_CUT_JOBS + then_said(5, the("department")))
    assert last_speaker(doc) == ("The department", None, "organization")
    doc = parsed(f"The Labor Department met Acme. The department said {TAIL}", """
      0 The         2 det      DET   DT  the         O
      1 Labor       2 compound PROPN NNP Labor       B-ORG
      2 Department  3 nsubj    PROPN NNP Department  I-ORG
      3 met         3 ROOT     VERB  VBD meet        O
      4 Acme        3 dobj     PROPN NNP Acme        B-ORG
      5 .           3 punct    PUNCT .   .           O
    """ + then_said(6, the("department")))
    assert last_speaker(doc)[1] == "Labor Department"


CRITICS_GRILLED_WELLS_FARGO = """
  0 Critics  1 nsubj    NOUN  NNS critic  O
  1 grilled  1 ROOT     VERB  VBD grill   O
  2 Wells    3 compound PROPN NNP Wells   B-ORG
  3 Fargo    1 dobj     PROPN NNP Fargo   I-ORG
  4 .        1 punct    PUNCT .   .       O
"""
CRITICS_FINED_WELLS_FARGO = """
  5 Critics  6 nsubj    NOUN  NNS critic  O
  6 fined    6 ROOT     VERB  VBD fine    O
  7 Wells    8 compound PROPN NNP Wells   B-ORG
  8 Fargo    6 dobj     PROPN NNP Fargo   I-ORG
  9 .        6 punct    PUNCT .   .       O
"""


def test_the_bank_no_organisation_was_a_subject_for_is_the_one_named_most():
    doc = parsed(f"Critics grilled Wells Fargo. Critics fined Wells Fargo. The bank said {TAIL}",
                 CRITICS_GRILLED_WELLS_FARGO + CRITICS_FINED_WELLS_FARGO + then_said(10, the("bank")))
    assert last_speaker(doc) == ("The bank", "Wells Fargo", "organization")


def test_an_organisation_named_once_and_never_a_subject_names_no_bank():
    doc = parsed(f"Critics grilled Wells Fargo. The bank said {TAIL}", CRITICS_GRILLED_WELLS_FARGO + then_said(5, the("bank")))
    assert last_speaker(doc) == ("The bank", None, "organization")


def test_a_bare_name_tagged_as_a_person_may_be_the_organisation_it_stands_for():
    doc = parsed(f"Twitter cut jobs. It said {TAIL}", """
      0 Twitter  1 nsubj    PROPN NNP Twitter  B-PERSON
      1 cut      1 ROOT     VERB  VBD cut      O
      2 jobs     1 dobj     NOUN  NNS job      O
      3 .        1 punct    PUNCT .   .        O
    """ + then_said(4, IT))
    assert last_speaker(doc)[1:] == ("Twitter", "organization")


def test_a_titled_name_is_a_person_and_no_organisation():
    doc = parsed(f"Sen. Hart cut jobs. The company said {TAIL}", """
      0 Sen.     1 compound PROPN NNP Sen.     O
      1 Hart     2 nsubj    PROPN NNP Hart     B-PERSON
      2 cut      2 ROOT     VERB  VBD cut      O
      3 jobs     2 dobj     NOUN  NNS job      O
      4 .        2 punct    PUNCT .   .        O
    """ + then_said(5, the("company")))
    assert last_speaker(doc) == ("The company", None, "organization")


JO_ROSS_MET_VOTERS = """
  0 Jo      1 compound PROPN NNP Jo      B-PERSON
  1 Ross    2 nsubj    PROPN NNP Ross    I-PERSON
  2 met     2 ROOT     VERB  VBD meet    O
  3 voters  2 dobj     NOUN  NNS voter   O
  4 .       2 punct    PUNCT .   .       O
"""
THE_FORMER_MAYOR = [("The", "DET", "DT", "the", "O"), ("former", "ADJ", "JJ", "former", "O"),
                    ("mayor", "NOUN", "NN", "mayor", "O")]


def test_a_former_title_given_to_no_one_is_the_person_the_narration_is_about():
    doc = parsed(f"Jo Ross met voters. The former mayor said {TAIL}", JO_ROSS_MET_VOTERS + then_said(5, THE_FORMER_MAYOR))
    assert last_speaker(doc) == ("The former mayor", "Jo Ross", "person")


def test_a_title_given_to_no_one_without_former_stays_unnamed():
    doc = parsed(f"Jo Ross met voters. The mayor said {TAIL}", JO_ROSS_MET_VOTERS + then_said(5, the("mayor")))
    assert last_speaker(doc) == ("The mayor", None, "person")


# ------------------------------------------------------------------ names the tagger misfiled
def test_a_name_led_by_a_first_name_is_a_person_whatever_the_tagger_filed_it_as():
    # "Brett O’Donnell" tagged as an organisation, the later "O’Donnell" as a common noun
    doc = parsed(f"Brett O’Donnell spoke. O’Donnell said {TAIL}", """
      0 Brett      1 compound PROPN NNP Brett      B-ORG
      1 O’Donnell  2 nsubj    PROPN NNP O’Donnell  I-ORG
      2 spoke      2 ROOT     VERB  VBD speak      O
      3 .          2 punct    PUNCT .   .          O
    """ + then_said(4, [("O’Donnell", "NOUN", "NN", "o’donnell", "O")]))
    assert last_speaker(doc) == ("O’Donnell", "Brett O’Donnell", "person")


def test_an_organisation_named_with_a_first_name_stays_an_organisation():
    # "Grace Foundation": a first name, but an organisation's word too
    doc = parsed(f"Grace Foundation spoke. The foundation said {TAIL}", """
      0 Grace       1 compound PROPN NNP Grace       B-ORG
      1 Foundation  2 nsubj    PROPN NNP Foundation  I-ORG
      2 spoke       2 ROOT     VERB  VBD speak       O
      3 .           2 punct    PUNCT .   .           O
    """ + then_said(4, the("foundation")))
    assert last_speaker(doc) == ("The foundation", "Grace Foundation", "organization")
    # a capitalised common noun that is no one's surname stays unnamed
    doc = parsed(f"Acme Systems spoke. Systems said {TAIL}", """
      0 Acme      1 compound PROPN NNP Acme      B-ORG
      1 Systems   2 nsubj    PROPN NNP Systems   I-ORG
      2 spoke     2 ROOT     VERB  VBD speak     O
      3 .         2 punct    PUNCT .   .         O
    """ + then_said(4, [("Systems", "NOUN", "NNS", "system", "O")]))
    assert last_speaker(doc)[1] is None


ACME_TWICE_THEN_OFFICIALS_AT_HALE_LABS = ACME_CUT_JOBS + """
  5 Acme       6 compound PROPN NNP Acme      B-ORG
  6 Corp.      7 nsubj    PROPN NNP Corp.     I-ORG
  7 cut        7 ROOT     VERB  VBD cut       O
  8 jobs       7 dobj     NOUN  NNS job       O
  9 .          7 punct    PUNCT .   .         O
  10 \\n\\n     9 dep      SPACE _SP \\n\\n      O
  11 Officials 15 nsubj    NOUN  NNS official  O
  12 at        11 prep     ADP   IN  at        O
  13 Hale      14 compound PROPN NNP Hale      B-ORG
  14 Labs      12 pobj     PROPN NNP Labs      I-ORG
  15 spoke     15 ROOT     VERB  VBD speak     O
  16 .         15 punct    PUNCT .   .         O
"""


def test_the_agency_is_the_organisation_whose_officials_the_paragraph_quoted():
    # not Acme Corp., named more often, but a paragraph before
    text = f"Acme Corp. cut jobs. Acme Corp. cut jobs.\n\nOfficials at Hale Labs spoke. The agency said {TAIL}"
    doc = parsed(text, ACME_TWICE_THEN_OFFICIALS_AT_HALE_LABS + then_said(17, the("agency")))
    assert last_speaker(doc) == ("The agency", "Hale Labs", "organization")


def test_officials_of_no_organisation_name_no_agency():
    doc = parsed(f"Officials spoke. The agency said {TAIL}", """
      0 Officials  1 nsubj  NOUN  NNS official  O
      1 spoke      1 ROOT   VERB  VBD speak     O
      2 .          1 punct  PUNCT .   .         O
    """ + then_said(3, the("agency")))
    assert last_speaker(doc) == ("The agency", None, "organization")


# ------------------------------------------------------------------ what the pronoun itself says
def test_a_subject_of_what_the_pronoun_says_is_not_its_antecedent():
    doc = parsed("Tom Hart spoke. Jim Lee is finished, he said.", """
      0 Tom       1 compound PROPN NNP Tom      B-PERSON
      1 Hart      2 nsubj    PROPN NNP Hart     I-PERSON
      2 spoke     2 ROOT     VERB  VBD speak    O
      3 .         2 punct    PUNCT .   .        O
      4 Jim       5 compound PROPN NNP Jim      B-PERSON
      5 Lee       6 nsubj    PROPN NNP Lee      I-PERSON
      6 is       10 ccomp    AUX   VBZ be       O
      7 finished  6 acomp    ADJ   JJ  finished O
      8 ,        10 punct    PUNCT ,   ,        O
      9 he       10 nsubj    PRON  PRP he       O
     10 said     10 ROOT     VERB  VBD say      O
     11 .        10 punct    PUNCT .   .        O
    """)
    assert last_speaker(doc) == ("he", "Tom Hart", "person")


# ------------------------------------------------------------------ speakers brought in unnamed
def _hart_lost_then(aide: list[tuple]) -> str:
    return """
      0 Tom    1 compound PROPN NNP Tom   B-PERSON
      1 Hart   2 nsubj    PROPN NNP Hart  I-PERSON
      2 lost   2 ROOT     VERB  VBD lose  O
      3 .      2 punct    PUNCT .   .     O
    """ + then_said(4, aide) + "\n" + then_said(4 + len(aide) + 6, HE)


def test_he_after_an_aide_the_article_does_not_name_is_that_aide():
    aide = [("An", "DET", "DT", "an", "O"), ("aide", "NOUN", "NN", "aide", "O")]
    doc = parsed(f"Tom Hart lost. An aide said {TAIL} He said {TAIL}", _hart_lost_then(aide))
    assert last_speaker(doc)[1] is None


def test_he_after_a_spokeswoman_is_the_man_before_her():
    aide = [("A", "DET", "DT", "a", "O"), ("spokeswoman", "NOUN", "NN", "spokeswoman", "O")]
    doc = parsed(f"Tom Hart lost. A spokeswoman said {TAIL} He said {TAIL}", _hart_lost_then(aide))
    assert last_speaker(doc)[1] == "Tom Hart"


# ------------------------------------------------------------------ states before a title
def _senators(*states: tuple[str, str, str]) -> tuple[str, str]:
    """"Sen. Dan Ortiz, R-Fla., spoke." for each (first name, surname, abbreviation), then
    "The Florida senator said ...": the text and its rows."""
    text, rows, i = "", [], 0
    for first, last, abbr in states:
        text += f"Sen. {first} {last}, R-{abbr}, spoke. "
        rows += [f"{i} Sen. {i + 2} compound PROPN NNP Sen. O", f"{i + 1} {first} {i + 2} compound PROPN NNP {first} B-PERSON",
                 f"{i + 2} {last} {i + 8} nsubj PROPN NNP {last} I-PERSON", f"{i + 3} , {i + 2} punct PUNCT , , O",
                 f"{i + 4} R {i + 6} compound PROPN NNP R O", f"{i + 5} - {i + 6} punct PUNCT HYPH - O",
                 f"{i + 6} {abbr} {i + 2} appos PROPN NNP {abbr} B-GPE", f"{i + 7} , {i + 2} punct PUNCT , , O",
                 f"{i + 8} spoke {i + 8} ROOT VERB VBD speak O", f"{i + 9} . {i + 8} punct PUNCT . . O"]
        i += 10
    senator = [("The", "DET", "DT", "the", "O"), ("Florida", "PROPN", "NNP", "Florida", "B-GPE"),
               ("senator", "NOUN", "NN", "senator", "O")]
    return text + f"The Florida senator said {TAIL}", "\n".join(rows) + "\n" + then_said(i, senator)


def test_the_florida_senator_is_the_one_the_article_wrote_fla_after():
    doc = parsed(*_senators(("Dan", "Ortiz", "Fla."), ("Mark", "Hale", "Iowa")))
    assert last_speaker(doc)[1] == "Dan Ortiz"  # not Hale, the senator mentioned last


def test_the_florida_senator_is_no_one_when_the_one_senator_is_from_another_state():
    doc = parsed(*_senators(("Mark", "Hale", "Iowa")))
    assert last_speaker(doc)[1] is None


def test_an_organisation_the_tagger_found_in_a_title_case_headline_is_no_bank():
    # "Big Bank Abruptly Drops", capitalised as a headline is: no name the bank has
    text = f"Big Bank Abruptly Drops Its Clients\nOrion Corp. cut jobs. The bank said {TAIL}"
    doc = parsed(text, """
      0 Big       1 compound PROPN NNP Big       B-ORG
      1 Bank      3 nsubj    PROPN NNP Bank      I-ORG
      2 Abruptly  3 advmod   ADV   RB  abruptly  I-ORG
      3 Drops     3 ROOT     VERB  VBZ drop      I-ORG
      4 Its       5 poss     PRON  PRP$ its      O
      5 Clients   3 dobj     NOUN  NNS client    O
      6 \\n        5 dep      SPACE _SP \\n        O
      7 Orion     8 compound PROPN NNP Orion     B-ORG
      8 Corp.     9 nsubj    PROPN NNP Corp.     I-ORG
      9 cut       9 ROOT     VERB  VBD cut       O
      10 jobs     9 dobj     NOUN  NNS job       O
      11 .        9 punct    PUNCT .   .         O
    """ + then_said(12, the("bank")))
    assert last_speaker(doc) == ("The bank", "Orion Corp.", "organization")


def test_an_outlet_is_no_group_that_speaks():
    # the Chicago Tribune reports; "the group" is someone it reports on, unnamed here
    text = f"The Chicago Tribune reported the march. The group said {TAIL}"
    doc = parsed(text, """
      0 The       2 det      DET   DT  the       B-ORG
      1 Chicago   2 compound PROPN NNP Chicago   I-ORG
      2 Tribune   3 nsubj    PROPN NNP Tribune   I-ORG
      3 reported  3 ROOT     VERB  VBD report    O
      4 the       5 det      DET   DT  the       O
      5 march     3 dobj     NOUN  NN  march     O
      6 .         3 punct    PUNCT .   .         O
    """ + then_said(7, the("group")))
    assert last_speaker(doc) == ("The group", None, "organization")
