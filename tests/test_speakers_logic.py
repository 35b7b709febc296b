"""Who speaks (claimx/speakers.py), pinned on hand-built parses: the token ``find_speaker``
takes from a cue, and the name ``NameResolver`` gives that speaker from what the article said
before."""
from helpers import claims, context, parsed

from claimx.speakers import find_speaker


def speaker_of(doc, cue_word: str):
    """The word ``find_speaker`` gives for the cue ``cue_word`` of ``doc``, or None."""
    ctx = context(doc)
    [cue] = [c for c in ctx.cues if c.head.text == cue_word]
    found = find_speaker(ctx, cue.head)
    return None if found is None else found.text


# ------------------------------------------------------------------ find_speaker
def test_the_subject_speaks():
    doc = parsed("Khan said the talks had failed.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 said      1 ROOT       VERB   VBD   say     O
      2 the       3 det        DET    DT    the     O
      3 talks     5 nsubj      NOUN   NNS   talk    O
      4 had       5 aux        AUX    VBD   have    O
      5 failed    1 ccomp      VERB   VBN   fail    O
      6 .         1 punct      PUNCT  .     .       O
    """)
    assert speaker_of(doc, "said") == "Khan"


def test_the_agent_of_a_passive_speaks():
    doc = parsed("It was announced by Khan that the talks failed.", """
      0 It           2 nsubjpass  PRON   PRP   it         O
      1 was          2 auxpass    AUX    VBD   be         O
      2 announced    2 ROOT       VERB   VBN   announce   O
      3 by           2 agent      ADP    IN    by         O
      4 Khan         3 pobj       PROPN  NNP   Khan       B-PERSON
      5 that         8 mark       SCONJ  IN    that       O
      6 the          7 det        DET    DT    the        O
      7 talks        8 nsubj      NOUN   NNS   talk       O
      8 failed       2 ccomp      VERB   VBD   fail       O
      9 .            2 punct      PUNCT  .     .          O
    """)
    assert speaker_of(doc, "announced") == "Khan"
    [c] = claims(doc)
    assert (c.content.text, c.speaker.mention) == ("the talks failed", "Khan")


def test_a_relative_who_stands_for_the_noun_it_follows():
    doc = parsed("Khan, who said the talks failed, left.", """
      0 Khan      8 nsubj      PROPN  NNP   Khan    B-PERSON
      1 ,         0 punct      PUNCT  ,     ,       O
      2 who       3 nsubj      PRON   WP    who     O
      3 said      0 relcl      VERB   VBD   say     O
      4 the       5 det        DET    DT    the     O
      5 talks     6 nsubj      NOUN   NNS   talk    O
      6 failed    3 ccomp      VERB   VBD   fail    O
      7 ,         0 punct      PUNCT  ,     ,       O
      8 left      8 ROOT       VERB   VBD   leave   O
      9 .         8 punct      PUNCT  .     .       O
    """)
    assert speaker_of(doc, "said") == "Khan"


def test_a_participle_after_a_comma_takes_the_subject_of_the_sentence():
    # the parser hung "warning" on the relative clause: the envoys did not warn, Khan did
    doc = parsed("Khan met envoys who arrived, warning that talks would fail.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 met        1 ROOT       VERB   VBD   meet     O
      2 envoys     1 dobj       NOUN   NNS   envoy    O
      3 who        4 nsubj      PRON   WP    who      O
      4 arrived    2 relcl      VERB   VBD   arrive   O
      5 ,          4 punct      PUNCT  ,     ,        O
      6 warning    4 advcl      VERB   VBG   warn     O
      7 that      10 mark       SCONJ  IN    that     O
      8 talks     10 nsubj      NOUN   NNS   talk     O
      9 would     10 aux        AUX    MD    would    O
     10 fail       6 ccomp      VERB   VB    fail     O
     11 .          1 punct      PUNCT  .     .        O
    """)
    assert speaker_of(doc, "warning") == "Khan"


def test_a_name_next_to_a_cue_after_a_quotation_speaks():
    # the parser took "Khan" for the object of "wrote"
    doc = parsed("“We will win,” wrote Khan.", """
      0 “        6 punct      PUNCT  ``    "      O
      1 We       3 nsubj      PRON   PRP   we     O
      2 will     3 aux        AUX    MD    will   O
      3 win      6 ccomp      VERB   VB    win    O
      4 ,        6 punct      PUNCT  ,     ,      O
      5 ”        6 punct      PUNCT  ''    "      O
      6 wrote    6 ROOT       VERB   VBD   write  O
      7 Khan     6 dobj       PROPN  NNP   Khan   B-PERSON
      8 .        6 punct      PUNCT  .     .      O
    """)
    assert speaker_of(doc, "wrote") == "Khan"
    [c] = claims(doc)
    assert (c.rule, c.content.text, c.speaker.mention) == ("verb-quote", "“We will win,”", "Khan")


def test_no_one_in_particular_asks_in_asked_whether():
    doc = parsed("Asked whether he would resign, the minister said the talks had failed.", """
      0 Asked       8 advcl      VERB   VBN   ask       O
      1 whether     4 mark       SCONJ  IN    whether   O
      2 he          4 nsubj      PRON   PRP   he        O
      3 would       4 aux        AUX    MD    would     O
      4 resign      0 ccomp      VERB   VB    resign    O
      5 ,           8 punct      PUNCT  ,     ,         O
      6 the         7 det        DET    DT    the       O
      7 minister    8 nsubj      NOUN   NN    minister  O
      8 said        8 ROOT       VERB   VBD   say       O
      9 the        10 det        DET    DT    the       O
     10 talks      12 nsubj      NOUN   NNS   talk      O
     11 had        12 aux        AUX    VBD   have      O
     12 failed      8 ccomp      VERB   VBN   fail      O
     13 .           8 punct      PUNCT  .     .         O
    """)
    assert speaker_of(doc, "Asked") is None
    assert speaker_of(doc, "said") == "minister"


def test_a_quoted_word_the_parser_took_for_the_subject_is_no_speaker():
    doc = parsed("“Enough,” said Khan.", """
      0 “        4 punct      PUNCT  ``    "       O
      1 Enough   4 nsubj      PRON   NN    enough  O
      2 ,        4 punct      PUNCT  ,     ,       O
      3 ”        4 punct      PUNCT  ''    "       O
      4 said     4 ROOT       VERB   VBD   say     O
      5 Khan     4 dobj       PROPN  NNP   Khan    B-PERSON
      6 .        4 punct      PUNCT  .     .       O
    """)
    assert speaker_of(doc, "said") is None


def test_a_cue_inside_a_quotation_gives_no_claim_of_its_own():
    doc = parsed("“Khan said the talks failed,” Shah wrote.", """
      0 “         9 punct      PUNCT  ``    "       O
      1 Khan      2 nsubj      PROPN  NNP   Khan    B-PERSON
      2 said      9 ccomp      VERB   VBD   say     O
      3 the       4 det        DET    DT    the     O
      4 talks     5 nsubj      NOUN   NNS   talk    O
      5 failed    2 ccomp      VERB   VBD   fail    O
      6 ,         9 punct      PUNCT  ,     ,       O
      7 ”         9 punct      PUNCT  ''    "       O
      8 Shah      9 nsubj      PROPN  NNP   Shah    B-PERSON
      9 wrote     9 ROOT       VERB   VBD   write   O
     10 .         9 punct      PUNCT  .     .       O
    """)
    [c] = claims(doc)  # "said" stands in the quotation: it is no cue of the article's
    assert (c.cue.text, c.speaker.mention, c.content.text) == ("wrote", "Shah", "“Khan said the talks failed,”")


def test_an_event_the_cue_hangs_on_is_no_speaker():
    doc = parsed("The talks failed, revealing divisions.", """
      0 The        1 det        DET    DT    the      O
      1 talks      2 nsubj      NOUN   NNS   talk     O
      2 failed     2 ROOT       VERB   VBD   fail     O
      3 ,          2 punct      PUNCT  ,     ,        O
      4 revealing  2 advcl      VERB   VBG   reveal   O
      5 divisions  4 dobj       NOUN   NNS   division O
      6 .          2 punct      PUNCT  .     .        O
    """)
    assert speaker_of(doc, "revealing") is None


def test_a_document_the_cue_hangs_on_still_speaks():
    doc = parsed("The report came out, revealing divisions.", """
      0 The        1 det        DET    DT    the      O
      1 report     2 nsubj      NOUN   NN    report   O
      2 came       2 ROOT       VERB   VBD   come     O
      3 out        2 prt        ADP    RP    out      O
      4 ,          2 punct      PUNCT  ,     ,        O
      5 revealing  2 advcl      VERB   VBG   reveal   O
      6 divisions  5 dobj       NOUN   NNS   division O
      7 .          2 punct      PUNCT  .     .        O
    """)
    assert speaker_of(doc, "revealing") == "report"


def test_past_an_event_the_speaker_of_the_clause_above_speaks():
    # "said" parsed as conjoined to the reported clause, whose subject is an event
    doc = parsed("Khan said the attacks worked and said that Shah lost.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 said      1 ROOT       VERB   VBD   say     O
      2 the       3 det        DET    DT    the     O
      3 attacks   4 nsubj      NOUN   NNS   attack  O
      4 worked    1 ccomp      VERB   VBD   work    O
      5 and       4 cc         CCONJ  CC    and     O
      6 said      4 conj       VERB   VBD   say     O
      7 that      9 mark       SCONJ  IN    that    O
      8 Shah      9 nsubj      PROPN  NNP   Shah    B-PERSON
      9 lost      6 ccomp      VERB   VBD   lose    O
     10 .         1 punct      PUNCT  .     .       O
    """)
    assert [t.i for t in doc if t.text == "said"] == [1, 6]
    ctx = context(doc)
    [cue] = [c for c in ctx.cues if c.head.i == 6]
    assert find_speaker(ctx, cue.head).text == "Khan"


def test_no_speaker_next_to_a_cue_whose_subject_is_an_event():
    doc = parsed("The win assured Clinton of a majority.", """
      0 The       1 det        DET    DT    the      O
      1 win       2 nsubj      NOUN   NN    win      O
      2 assured   2 ROOT       VERB   VBD   assure   O
      3 Clinton   2 dobj       PROPN  NNP   Clinton  B-PERSON
      4 of        2 prep       ADP    IN    of       O
      5 a         6 det        DET    DT    a        O
      6 majority  4 pobj       NOUN   NN    majority O
      7 .         2 punct      PUNCT  .     .        O
    """)
    assert speaker_of(doc, "assured") is None


# ------------------------------------------------------------------ a place that speaks
def _kinds(doc):
    return [(c.rule, c.speaker.mention, c.speaker.kind) for c in claims(doc)]


def test_a_capital_the_subject_of_a_cue_speaks_as_its_government():
    doc = parsed("Kabul denied that the talks failed.", """
      0 Kabul     1 nsubj      PROPN  NNP   Kabul   B-GPE
      1 denied    1 ROOT       VERB   VBD   deny    O
      2 that      5 mark       SCONJ  IN    that    O
      3 the       4 det        DET    DT    the     O
      4 talks     5 nsubj      NOUN   NNS   talk    O
      5 failed    1 ccomp      VERB   VBD   fail    O
      6 .         1 punct      PUNCT  .     .       O
    """)
    assert _kinds(doc) == [("verb-clause", "Kabul", "organization")]


def test_a_dateline_parsed_as_the_subject_stays_a_place():
    doc = parsed("KABUL said the talks failed.", """
      0 KABUL     1 nsubj      PROPN  NNP   KABUL   B-GPE
      1 said      1 ROOT       VERB   VBD   say     O
      2 the       3 det        DET    DT    the     O
      3 talks     4 nsubj      NOUN   NNS   talk    O
      4 failed    1 ccomp      VERB   VBD   fail    O
      5 .         1 punct      PUNCT  .     .       O
    """)
    assert _kinds(doc) == [("verb-clause", "KABUL", "place")]


def test_a_country_taking_a_noun_phrase_outside_the_cues_frames_stays_a_place():
    doc = parsed("Germany showed signs of fatigue.", """
      0 Germany   1 nsubj      PROPN  NNP   Germany  B-GPE
      1 showed    1 ROOT       VERB   VBD   show     O
      2 signs     1 dobj       NOUN   NNS   sign     O
      3 of        2 prep       ADP    IN    of       O
      4 fatigue   3 pobj       NOUN   NN    fatigue  O
      5 .         1 punct      PUNCT  .     .        O
    """)
    assert _kinds(doc) == [("verb-np", "Germany", "place")]


# ------------------------------------------------------------------ NameResolver
def speakers(doc):
    return [(c.speaker.mention, c.speaker.name) for c in claims(doc)]


def test_a_surname_is_named_in_full():
    doc = parsed("Imran Khan said the talks failed. Khan added that they would resume.", """
      0 Imran     1 compound   PROPN  NNP   Imran   B-PERSON
      1 Khan      2 nsubj      PROPN  NNP   Khan    I-PERSON
      2 said      2 ROOT       VERB   VBD   say     O
      3 the       4 det        DET    DT    the     O
      4 talks     5 nsubj      NOUN   NNS   talk    O
      5 failed    2 ccomp      VERB   VBD   fail    O
      6 .         2 punct      PUNCT  .     .       O
      7 Khan      8 nsubj      PROPN  NNP   Khan    B-PERSON
      8 added     8 ROOT       VERB   VBD   add     O
      9 that     12 mark       SCONJ  IN    that    O
     10 they     12 nsubj      PRON   PRP   they    O
     11 would    12 aux        AUX    MD    would   O
     12 resume    8 ccomp      VERB   VB    resume  O
     13 .         8 punct      PUNCT  .     .       O
    """)
    assert speakers(doc) == [("Imran Khan", "Imran Khan"), ("Khan", "Imran Khan")]


def test_a_pronoun_is_named_after_the_nearest_person_the_narration_makes_a_subject():
    doc = parsed("Imran Khan met Asif Shah. He said that talks would resume.", """
      0 Imran     1 compound   PROPN  NNP   Imran   B-PERSON
      1 Khan      2 nsubj      PROPN  NNP   Khan    I-PERSON
      2 met       2 ROOT       VERB   VBD   meet    O
      3 Asif      4 compound   PROPN  NNP   Asif    B-PERSON
      4 Shah      2 dobj       PROPN  NNP   Shah    I-PERSON
      5 .         2 punct      PUNCT  .     .       O
      6 He        7 nsubj      PRON   PRP   he      O
      7 said      7 ROOT       VERB   VBD   say     O
      8 that     11 mark       SCONJ  IN    that    O
      9 talks    11 nsubj      NOUN   NNS   talk    O
     10 would    11 aux        AUX    MD    would   O
     11 resume    7 ccomp      VERB   VB    resume  O
     12 .         7 punct      PUNCT  .     .       O
    """)
    [c] = claims(doc)
    # Imran Khan met Asif Shah: the one the sentence is about speaks next, not its object
    assert (c.speaker.mention, c.speaker.name, c.speaker.kind) == ("He", "Imran Khan", "person")


MINISTER_LATER = """
  9 The        10 det        DET    DT    the       O
 10 minister   11 nsubj      NOUN   NN    minister  O
 11 added      11 ROOT       VERB   VBD   add       O
 12 that       15 mark       SCONJ  IN    that      O
 13 they       15 nsubj      PRON   PRP   they      O
 14 would      15 aux        AUX    MD    would     O
 15 resume     11 ccomp      VERB   VB    resume    O
 16 .          11 punct      PUNCT  .     .         O
"""


def test_the_minister_is_the_speaker_given_that_title_before():
    doc = parsed("Foreign Minister Ishaq Dar said the talks failed. The minister added that they would resume.", """
      0 Foreign     1 compound   PROPN  NNP   Foreign   O
      1 Minister    3 compound   PROPN  NNP   Minister  O
      2 Ishaq       3 compound   PROPN  NNP   Ishaq     B-PERSON
      3 Dar         4 nsubj      PROPN  NNP   Dar       I-PERSON
      4 said        4 ROOT       VERB   VBD   say       O
      5 the         6 det        DET    DT    the       O
      6 talks       7 nsubj      NOUN   NNS   talk      O
      7 failed      4 ccomp      VERB   VBD   fail      O
      8 .           4 punct      PUNCT  .     .         O
    """ + MINISTER_LATER)
    [first, second] = claims(doc)
    assert (first.speaker.mention, first.speaker.role) == ("Ishaq Dar", "Foreign Minister")
    assert (second.speaker.mention, second.speaker.name) == ("The minister", "Ishaq Dar")


def test_the_minister_is_the_person_the_text_titled_so_before():
    doc = parsed("Foreign Minister Ishaq Dar arrived. The minister said that talks would resume.", """
      0 Foreign     1 compound   PROPN  NNP   Foreign   O
      1 Minister    3 compound   PROPN  NNP   Minister  O
      2 Ishaq       3 compound   PROPN  NNP   Ishaq     B-PERSON
      3 Dar         4 nsubj      PROPN  NNP   Dar       I-PERSON
      4 arrived     4 ROOT       VERB   VBD   arrive    O
      5 .           4 punct      PUNCT  .     .         O
      6 The         7 det        DET    DT    the       O
      7 minister    8 nsubj      NOUN   NN    minister  O
      8 said        8 ROOT       VERB   VBD   say       O
      9 that       12 mark       SCONJ  IN    that      O
     10 talks      12 nsubj      NOUN   NNS   talk      O
     11 would      12 aux        AUX    MD    would     O
     12 resume      8 ccomp      VERB   VB    resume    O
     13 .           8 punct      PUNCT  .     .         O
    """)
    [c] = claims(doc)
    assert (c.speaker.mention, c.speaker.name) == ("The minister", "Ishaq Dar")


def test_a_title_no_one_was_given_stays_unnamed():
    doc = parsed("The minister said that talks would resume.", """
      0 The         1 det        DET    DT    the       O
      1 minister    2 nsubj      NOUN   NN    minister  O
      2 said        2 ROOT       VERB   VBD   say       O
      3 that        6 mark       SCONJ  IN    that      O
      4 talks       6 nsubj      NOUN   NNS   talk      O
      5 would       6 aux        AUX    MD    would     O
      6 resume      2 ccomp      VERB   VB    resume    O
      7 .           2 punct      PUNCT  .     .         O
    """)
    [c] = claims(doc)
    assert (c.speaker.mention, c.speaker.name, c.speaker.kind) == ("The minister", None, "person")
