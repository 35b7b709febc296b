"""What happens to the drafts the rules find (claimx/rules/__init__.py, hedging.py), pinned on
hand-built parses: near-duplicates are dropped, claims in page furniture are dropped, and a claim
reported at one remove is hedged."""
from helpers import claims, context, parsed

from claimx import lexicon
from claimx.hedging import is_hedged
from claimx.rules import Draft, _dedupe

SAYS = """
  3 Khan      4 nsubj      PROPN  NNP   Khan    B-PERSON
  4 says      4 ROOT       VERB   VBZ   say     O
  5 the       6 det        DET    DT    the     O
  6 talks     7 nsubj      NOUN   NNS   talk    O
  7 failed    4 ccomp      VERB   VBD   fail    O
"""


# ------------------------------------------------------------------ dedupe
def test_a_draft_nine_tenths_inside_another_found_earlier_is_dropped():
    doc = parsed("Khan says the talks failed", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 says      1 ROOT       VERB   VBZ   say     O
      2 the       3 det        DET    DT    the     O
      3 talks     4 nsubj      NOUN   NNS   talk    O
      4 failed    1 ccomp      VERB   VBD   fail    O
    """)
    cue = context(doc).cues[0]
    whole = Draft(cue, "verb-clause", 0, 26, doc[0])
    nearly = Draft(cue, "verb-quoted", 1, 26, doc[0])  # 25 of 26 characters
    part = Draft(cue, "verb-np", 10, 26, doc[0])  # 16 of 26
    assert _dedupe([nearly, part, whole]) == [whole, part]


# ------------------------------------------------------------------ what a draft takes in
def test_a_quotation_going_straight_on_after_the_claim_is_taken_in():
    # the parser hung the quoted reason on "argued", outside the clause
    doc = parsed("Khan argued that the talks failed, “because nobody came.”", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 argued     1 ROOT       VERB   VBD   argue    O
      2 that       5 mark       SCONJ  IN    that     O
      3 the        4 det        DET    DT    the      O
      4 talks      5 nsubj      NOUN   NNS   talk     O
      5 failed     1 ccomp      VERB   VBD   fail     O
      6 ,          1 punct      PUNCT  ,     ,        O
      7 “          1 punct      PUNCT  ``    "        O
      8 because   10 mark       SCONJ  IN    because  O
      9 nobody    10 nsubj      PRON   NN    nobody   O
     10 came       1 advcl      VERB   VBD   come     O
     11 .          1 punct      PUNCT  .     .        O
     12 ”          1 punct      PUNCT  ''    "        O
    """)
    [c] = claims(doc)
    assert (c.rule, c.content.text, c.type) == ("verb-clause", "the talks failed, “because nobody came.”", "mixed")


def test_a_quotation_after_the_attribution_continues_the_passage_before_it():
    doc = parsed("“The talks failed,” Khan said, “and we will try again.”", """
      0 “         7 punct      PUNCT  ``    "       O
      1 The       2 det        DET    DT    the     O
      2 talks     3 nsubj      NOUN   NNS   talk    O
      3 failed    7 ccomp      VERB   VBD   fail    O
      4 ,         7 punct      PUNCT  ,     ,       O
      5 ”         7 punct      PUNCT  ''    "       O
      6 Khan      7 nsubj      PROPN  NNP   Khan    B-PERSON
      7 said      7 ROOT       VERB   VBD   say     O
      8 ,         7 punct      PUNCT  ,     ,       O
      9 “         7 punct      PUNCT  ``    "       O
     10 and       7 cc         CCONJ  CC    and     O
     11 we       13 nsubj      PRON   PRP   we      O
     12 will     13 aux        AUX    MD    will    O
     13 try       7 conj       VERB   VB    try     O
     14 again    13 advmod     ADV    RB    again   O
     15 .        13 punct      PUNCT  .     .       O
     16 ”        13 punct      PUNCT  ''    "       O
    """)
    assert [(c.rule, c.content.text, c.speaker.mention, c.passage) for c in claims(doc)] == [
        ("verb-quote", "“The talks failed,”", "Khan", 1),
        ("quote-continued", "“and we will try again.”", "Khan", 1),
    ]


# ------------------------------------------------------------------ page furniture
def test_a_claim_in_page_furniture_is_dropped():
    doc = parsed("Read more: Khan says the talks failed", """
      0 Read      4 ccomp      VERB   VB    read    O
      1 more      0 dobj       ADJ    JJR   more    O
      2 :         4 punct      PUNCT  :     :       O
    """ + SAYS)
    assert list(context(doc).furniture)  # a link to another story
    assert claims(doc) == ()
    # the same words, not in a link
    doc = parsed("Khan says the talks failed", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 says      1 ROOT       VERB   VBZ   say     O
      2 the       3 det        DET    DT    the     O
      3 talks     4 nsubj      NOUN   NNS   talk    O
      4 failed    1 ccomp      VERB   VBD   fail    O
    """)
    assert [c.content.text for c in claims(doc)] == ["the talks failed"]


# ------------------------------------------------------------------ hedging
def hedged(doc):
    return [c.hedged for c in claims(doc)]


def test_a_claim_reportedly_made_is_hedged():
    doc = parsed("Khan reportedly said the talks failed.", """
      0 Khan          2 nsubj      PROPN  NNP   Khan        B-PERSON
      1 reportedly    2 advmod     ADV    RB    reportedly  O
      2 said          2 ROOT       VERB   VBD   say         O
      3 the           4 det        DET    DT    the         O
      4 talks         5 nsubj      NOUN   NNS   talk        O
      5 failed        2 ccomp      VERB   VBD   fail        O
      6 .             2 punct      PUNCT  .     .           O
    """)
    assert hedged(doc) == [True]


def test_a_claim_plainly_made_is_not_hedged():
    doc = parsed("Khan said the talks failed.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 said      1 ROOT       VERB   VBD   say     O
      2 the       3 det        DET    DT    the     O
      3 talks     4 nsubj      NOUN   NNS   talk    O
      4 failed    1 ccomp      VERB   VBD   fail    O
      5 .         1 punct      PUNCT  .     .       O
    """)
    assert hedged(doc) == [False]


def test_what_bare_reports_say_is_hedged_and_what_the_reports_say_is_not():
    bare = parsed("Reports say the talks failed.", """
      0 Reports    1 nsubj      NOUN   NNS   report   O
      1 say        1 ROOT       VERB   VBP   say      O
      2 the        3 det        DET    DT    the      O
      3 talks      4 nsubj      NOUN   NNS   talk     O
      4 failed     1 ccomp      VERB   VBD   fail     O
      5 .          1 punct      PUNCT  .     .        O
    """)
    assert hedged(bare) == [True]
    known = parsed("The reports say the talks failed.", """
      0 The        1 det        DET    DT    the      O
      1 reports    2 nsubj      NOUN   NNS   report   O
      2 say        2 ROOT       VERB   VBP   say      O
      3 the        4 det        DET    DT    the      O
      4 talks      5 nsubj      NOUN   NNS   talk     O
      5 failed     2 ccomp      VERB   VBD   fail     O
      6 .          2 punct      PUNCT  .     .        O
    """)
    assert hedged(known) == [False]


def test_is_said_to_is_hedged():
    doc = parsed("Khan is said to have left.", """
      0 Khan    2 nsubjpass  PROPN  NNP   Khan  B-PERSON
      1 is      2 auxpass    AUX    VBZ   be    O
      2 said    2 ROOT       VERB   VBN   say   O
      3 to      5 aux        PART   TO    to    O
      4 have    5 aux        AUX    VB    have  O
      5 left    2 xcomp      VERB   VBN   leave O
      6 .       2 punct      PUNCT  .     .     O
    """)
    assert is_hedged(doc[2], doc[0], lexicon.load())
    assert not is_hedged(doc[5], doc[0], lexicon.load())
