"""The quotation rules (claimx/rules/quotations.py), pinned on hand-built parses: a quotation no
cue rule took gets the attribution next to it, or continues the passage before it; and split
passages are numbered."""
from helpers import claims, parsed


def summary(doc):
    return [(c.rule, c.content.text, c.speaker.mention if c.speaker else None, c.type)
            for c in claims(doc)]


# ------------------------------------------------------------------ quote-trailing-cue
def test_quote_trailing_cue_takes_the_attribution_after_a_quotation():
    # the parser at times ends the sentence at the closing mark: "said" gets no clause
    doc = parsed("“We will win.” said Khan.", """
      0 “       3 punct      PUNCT  ``    "     O
      1 We      3 nsubj      PRON   PRP   we    O
      2 will    3 aux        AUX    MD    will  O
      3 win     3 ROOT       VERB   VB    win   O
      4 .       3 punct      PUNCT  .     .     O
      5 ”       3 punct      PUNCT  ''    "     O
      6 said    6 ROOT       VERB   VBD   say   O
      7 Khan    6 nsubj      PROPN  NNP   Khan  B-PERSON
      8 .       6 punct      PUNCT  .     .     O
    """)
    assert summary(doc) == [("quote-trailing-cue", "“We will win.”", "Khan", "direct")]


def test_quote_trailing_cue_wants_the_quotation_to_end_as_speech_does():
    # no comma or full stop closes the quoted words: a name, not speech
    doc = parsed("“The deal” said Khan.", """
      0 “       2 punct      PUNCT  ``    "     O
      1 The     2 det        DET    DT    the   O
      2 deal    2 ROOT       NOUN   NN    deal  O
      3 ”       2 punct      PUNCT  ''    "     O
      4 said    4 ROOT       VERB   VBD   say   O
      5 Khan    4 nsubj      PROPN  NNP   Khan  B-PERSON
      6 .       4 punct      PUNCT  .     .     O
    """)
    assert summary(doc) == []


# ------------------------------------------------------------------ quote-leading-cue
def test_quote_leading_cue_takes_the_attribution_before_a_colon():
    # the quotation parsed as a sentence of its own, "said" left without a clause
    doc = parsed("Khan said: “We will win.”", """
      0 Khan    1 nsubj      PROPN  NNP   Khan  B-PERSON
      1 said    1 ROOT       VERB   VBD   say   O
      2 :       1 punct      PUNCT  :     :     O
      3 “       6 punct      PUNCT  ``    "     O
      4 We      6 nsubj      PRON   PRP   we    O
      5 will    6 aux        AUX    MD    will  O
      6 win     6 ROOT       VERB   VB    win   O
      7 .       6 punct      PUNCT  .     .     O
      8 ”       6 punct      PUNCT  ''    "     O
    """)
    assert summary(doc) == [("quote-leading-cue", "“We will win.”", "Khan", "direct")]


def test_quote_leading_cue_wants_a_colon_or_comma_before_the_quotation():
    doc = parsed("Khan said “We will win.”", """
      0 Khan    1 nsubj      PROPN  NNP   Khan  B-PERSON
      1 said    1 ROOT       VERB   VBD   say   O
      2 “       5 punct      PUNCT  ``    "     O
      3 We      5 nsubj      PRON   PRP   we    O
      4 will    5 aux        AUX    MD    will  O
      5 win     5 ROOT       VERB   VB    win   O
      6 .       5 punct      PUNCT  .     .     O
      7 ”       5 punct      PUNCT  ''    "     O
    """)
    assert summary(doc) == []


# ------------------------------------------------------------------ quote-dash
def test_quote_dash_takes_the_name_after_a_dash():
    doc = parsed("“We will win.” – Commissioner Jane Doe", """
      0 “               3 punct      PUNCT  ``    "             O
      1 We              3 nsubj      PRON   PRP   we            O
      2 will            3 aux        AUX    MD    will          O
      3 win             3 ROOT       VERB   VB    win           O
      4 .               3 punct      PUNCT  .     .             O
      5 ”               3 punct      PUNCT  ''    "             O
      6 –               9 punct      PUNCT  :     –             O
      7 Commissioner    9 compound   PROPN  NNP   Commissioner  O
      8 Jane            9 compound   PROPN  NNP   Jane          B-PERSON
      9 Doe             9 ROOT       PROPN  NNP   Doe           I-PERSON
    """)
    [c] = claims(doc)
    assert (c.rule, c.content.text, c.type) == ("quote-dash", "“We will win.”", "direct")
    assert (c.speaker.mention, c.speaker.role, c.cue.text) == ("Jane Doe", "Commissioner", "–")


def test_quote_dash_wants_a_name_not_a_verb_phrase_after_the_dash():
    doc = parsed("“We will win.” – and then he left.", """
      0 “       3 punct      PUNCT  ``    "     O
      1 We      3 nsubj      PRON   PRP   we    O
      2 will    3 aux        AUX    MD    will  O
      3 win     3 ROOT       VERB   VB    win   O
      4 .       3 punct      PUNCT  .     .     O
      5 ”       3 punct      PUNCT  ''    "     O
      6 –      10 punct      PUNCT  :     –     O
      7 and    10 cc         CCONJ  CC    and   O
      8 then   10 advmod     ADV    RB    then  O
      9 he     10 nsubj      PRON   PRP   he    O
     10 left   10 ROOT       VERB   VBD   leave O
     11 .      10 punct      PUNCT  .     .     O
    """)
    assert summary(doc) == []


# ------------------------------------------------------------------ quote-colon
def test_quote_colon_takes_the_name_before_a_colon():
    doc = parsed("From the minister: “We will win.”", """
      0 From        7 prep       ADP    IN    from      O
      1 the         2 det        DET    DT    the       O
      2 minister    0 pobj       NOUN   NN    minister  O
      3 :           7 punct      PUNCT  :     :         O
      4 “           7 punct      PUNCT  ``    "         O
      5 We          7 nsubj      PRON   PRP   we        O
      6 will        7 aux        AUX    MD    will      O
      7 win         7 ROOT       VERB   VB    win       O
      8 .           7 punct      PUNCT  .     .         O
      9 ”           7 punct      PUNCT  ''    "         O
    """)
    [c] = claims(doc)
    assert (c.rule, c.content.text, c.speaker.mention, c.type, c.cue.text) == (
        "quote-colon", "“We will win.”", "the minister", "direct", ":")


def test_quote_colon_wants_a_name_not_a_clause_before_the_colon():
    doc = parsed("He then left: “We will win.”", """
      0 He      2 nsubj      PRON   PRP   he    O
      1 then    2 advmod     ADV    RB    then  O
      2 left    2 ROOT       VERB   VBD   leave O
      3 :       2 punct      PUNCT  :     :     O
      4 “       2 punct      PUNCT  ``    "     O
      5 We      7 nsubj      PRON   PRP   we    O
      6 will    7 aux        AUX    MD    will  O
      7 win     2 ccomp      VERB   VB    win   O
      8 .       2 punct      PUNCT  .     .     O
      9 ”       2 punct      PUNCT  ''    "     O
    """)
    assert summary(doc) == []


# ------------------------------------------------------------------ quote-continued
KHAN_SPLIT = parsed("“The talks failed,” Khan said. “We will try again.”", """
  0 “         7 punct      PUNCT  ``    "       O
  1 The       2 det        DET    DT    the     O
  2 talks     3 nsubj      NOUN   NNS   talk    O
  3 failed    7 ccomp      VERB   VBD   fail    O
  4 ,         7 punct      PUNCT  ,     ,       O
  5 ”         7 punct      PUNCT  ''    "       O
  6 Khan      7 nsubj      PROPN  NNP   Khan    B-PERSON
  7 said      7 ROOT       VERB   VBD   say     O
  8 .         7 punct      PUNCT  .     .       O
  9 “        12 punct      PUNCT  ``    "       O
 10 We       12 nsubj      PRON   PRP   we      O
 11 will     12 aux        AUX    MD    will    O
 12 try      12 ROOT       VERB   VB    try     O
 13 again    12 advmod     ADV    RB    again   O
 14 .        12 punct      PUNCT  .     .       O
 15 ”        12 punct      PUNCT  ''    "       O
""")


def test_quote_continued_gives_the_next_fragment_the_passage_speaker():
    assert summary(KHAN_SPLIT) == [
        ("verb-quote", "“The talks failed,”", "Khan", "direct"),
        ("quote-continued", "“We will try again.”", "Khan", "direct"),
    ]


def test_quote_continued_wants_three_words():
    doc = parsed("“The talks failed,” Khan said. “Sorry.”", """
      0 “         7 punct      PUNCT  ``    "       O
      1 The       2 det        DET    DT    the     O
      2 talks     3 nsubj      NOUN   NNS   talk    O
      3 failed    7 ccomp      VERB   VBD   fail    O
      4 ,         7 punct      PUNCT  ,     ,       O
      5 ”         7 punct      PUNCT  ''    "       O
      6 Khan      7 nsubj      PROPN  NNP   Khan    B-PERSON
      7 said      7 ROOT       VERB   VBD   say     O
      8 .         7 punct      PUNCT  .     .       O
      9 “        10 punct      PUNCT  ``    "       O
     10 Sorry    10 ROOT       INTJ   UH    sorry   O
     11 .        10 punct      PUNCT  .     .       O
     12 ”        10 punct      PUNCT  ''    "       O
    """)
    assert [r for r, *_ in summary(doc)] == ["verb-quote"]


def test_quote_continued_stops_at_narration_between_the_fragments():
    doc = parsed("“The talks failed,” Khan said. He left. “We will try again.”", """
      0 “         7 punct      PUNCT  ``    "       O
      1 The       2 det        DET    DT    the     O
      2 talks     3 nsubj      NOUN   NNS   talk    O
      3 failed    7 ccomp      VERB   VBD   fail    O
      4 ,         7 punct      PUNCT  ,     ,       O
      5 ”         7 punct      PUNCT  ''    "       O
      6 Khan      7 nsubj      PROPN  NNP   Khan    B-PERSON
      7 said      7 ROOT       VERB   VBD   say     O
      8 .         7 punct      PUNCT  .     .       O
      9 He       10 nsubj      PRON   PRP   he      O
     10 left     10 ROOT       VERB   VBD   leave   O
     11 .        10 punct      PUNCT  .     .       O
     12 “        15 punct      PUNCT  ``    "       O
     13 We       15 nsubj      PRON   PRP   we      O
     14 will     15 aux        AUX    MD    will    O
     15 try      15 ROOT       VERB   VB    try     O
     16 again    15 advmod     ADV    RB    again   O
     17 .        15 punct      PUNCT  .     .       O
     18 ”        15 punct      PUNCT  ''    "       O
    """)
    assert [r for r, *_ in summary(doc)] == ["verb-quote"]


# ------------------------------------------------------------------ quote-floating
FLOATING = """
  0 “         7 punct      PUNCT  ``    "       O
  1 The       2 det        DET    DT    the     O
  2 talks     3 nsubj      NOUN   NNS   talk    O
  3 failed    7 ccomp      VERB   VBD   fail    O
  4 ,         7 punct      PUNCT  ,     ,       O
  5 ”         7 punct      PUNCT  ''    "       O
  6 Khan      7 nsubj      PROPN  NNP   Khan    B-PERSON
  7 said      7 ROOT       VERB   VBD   say     O
  8 .         7 punct      PUNCT  .     .       O
  9 {gap}     8 dep        SPACE  _SP   {gap}   O
 10 “        13 punct      PUNCT  ``    "       O
 11 We       13 nsubj      PRON   PRP   we      O
 12 will     13 aux        AUX    MD    will    O
 13 try      13 ROOT       VERB   VB    try     O
 14 again    13 advmod     ADV    RB    again   O
 15 next     16 amod       ADJ    JJ    next    B-DATE
 16 week     13 npadvmod   NOUN   NN    week    I-DATE
 17 .        13 punct      PUNCT  .     .       O
 18 ”        13 punct      PUNCT  ''    "       O
"""


def floating(gap: str):
    text = f"“The talks failed,” Khan said.{gap}“We will try again next week.”"
    return parsed(text, FLOATING.format(gap=gap.replace("\n", "\\n")))


def test_quote_floating_gives_a_quotation_opening_the_next_paragraph_the_speaker_before():
    [first, second] = claims(floating("\n"))
    assert (second.rule, second.content.text, second.speaker.mention, second.type) == (
        "quote-floating", "“We will try again next week.”", "Khan", "direct")
    assert first.rule == "verb-quote"
    assert first.passage is None and second.passage is None  # no passage split by its attribution


def test_quote_floating_does_not_reach_over_a_blank_paragraph_and_more():
    assert [c.rule for c in claims(floating("\n\n\n"))] == ["verb-quote"]


# ------------------------------------------------------------------ passage numbers
SHAH_SPLIT = parsed("“It is over,” Shah said. “We go home.”", """
  0 “       7 punct      PUNCT  ``    "     O
  1 It      2 nsubj      PRON   PRP   it    O
  2 is      7 ccomp      AUX    VBZ   be    O
  3 over    2 advmod     ADV    RB    over  O
  4 ,       7 punct      PUNCT  ,     ,     O
  5 ”       7 punct      PUNCT  ''    "     O
  6 Shah    7 nsubj      PROPN  NNP   Shah  B-PERSON
  7 said    7 ROOT       VERB   VBD   say   O
  8 .       7 punct      PUNCT  .     .     O
  9 “      11 punct      PUNCT  ``    "     O
 10 We     11 nsubj      PRON   PRP   we    O
 11 go     11 ROOT       VERB   VBP   go    O
 12 home   11 advmod     ADV    RB    home  O
 13 .      11 punct      PUNCT  .     .     O
 14 ”      11 punct      PUNCT  ''    "     O
""")


def test_a_continued_fragment_shares_the_passage_number_of_the_one_it_follows():
    assert [c.passage for c in claims(KHAN_SPLIT)] == [1, 1]


def test_two_split_passages_are_numbered_one_and_two():
    from spacy.tokens import Doc

    doc = Doc.from_docs([KHAN_SPLIT, SHAH_SPLIT])  # "... again.” “It is over,” Shah ..."
    found = claims(doc)
    assert [(c.speaker.mention, c.passage) for c in found] == [
        ("Khan", 1), ("Khan", 1), ("Shah", 2), ("Shah", 2)]
    assert [c.rule for c in found] == ["verb-quote", "quote-continued"] * 2


# ------------------------------------------------------------------ quote-manner
def test_quote_manner_takes_a_person_and_a_verb_the_lexicon_does_not_hold():
    doc = parsed("“Not again,” she harrumphed.", """
      0 “            3 punct      PUNCT  ``    "          O
      1 Not          2 neg        PART   RB    not        O
      2 again        5 advmod     ADV    RB    again      O
      3 ,            5 punct      PUNCT  ,     ,          O
      4 ”            5 punct      PUNCT  ''    "          O
      5 she          6 nsubj      PRON   PRP   she        O
      6 harrumphed   6 ROOT       VERB   VBD   harrumph   O
      7 .            6 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == [("quote-manner", "“Not again,”", "she", "direct")]


def test_quote_manner_wants_nothing_after_the_verb():
    doc = parsed("“Not again,” she walked away.", """
      0 “            3 punct      PUNCT  ``    "          O
      1 Not          2 neg        PART   RB    not        O
      2 again        6 advmod     ADV    RB    again      O
      3 ,            6 punct      PUNCT  ,     ,          O
      4 ”            6 punct      PUNCT  ''    "          O
      5 she          6 nsubj      PRON   PRP   she        O
      6 walked       6 ROOT       VERB   VBD   walk       O
      7 away         6 advmod     ADV    RB    away       O
      8 .            6 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == []
