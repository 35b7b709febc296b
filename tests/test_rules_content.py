"""Where a claim's content ends (claimx/content.py), pinned on hand-built parses: what is cut
from a cue's clause (an attribution nested in it, narration) and what stays (a cue that only
says what the claim is about, a second that-clause).

One token a row: index, word, head, dependency, POS, tag, lemma, entity.
"""
import pytest

from helpers import claims, parsed


def content_of_said(doc):
    [claim] = [c for c in claims(doc) if c.cue.text == "said" and c.cue.start == doc.text.index("said")]
    return claim.content.text


# ------------------------------------------------------------------ nested cues
def test_a_cue_in_a_relative_clause_that_names_what_the_claim_is_about_stays():
    doc = parsed("Khan said the plan ignored the talks that Obama mentioned.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 said       1 ROOT       VERB   VBD   say       O
      2 the        3 det        DET    DT    the       O
      3 plan       4 nsubj      NOUN   NN    plan      O
      4 ignored    1 ccomp      VERB   VBD   ignore    O
      5 the        6 det        DET    DT    the       O
      6 talks      4 dobj       NOUN   NNS   talk      O
      7 that       9 dobj       PRON   WDT   that      O
      8 Obama      9 nsubj      PROPN  NNP   Obama     B-PERSON
      9 mentioned  6 relcl      VERB   VBD   mention   O
     10 .          1 punct      PUNCT  .     .         O
    """)
    assert content_of_said(doc) == "the plan ignored the talks that Obama mentioned"


def test_a_relative_clause_that_attributes_a_claim_of_its_own_is_cut():
    doc = parsed("Khan said the plan ignored Smith, who said the talks failed.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 said       1 ROOT       VERB   VBD   say       O
      2 the        3 det        DET    DT    the       O
      3 plan       4 nsubj      NOUN   NN    plan      O
      4 ignored    1 ccomp      VERB   VBD   ignore    O
      5 Smith      4 dobj       PROPN  NNP   Smith     B-PERSON
      6 ,          5 punct      PUNCT  ,     ,         O
      7 who        8 nsubj      PRON   WP    who       O
      8 said       5 relcl      VERB   VBD   say       O
      9 the       10 det        DET    DT    the       O
     10 talks     11 nsubj      NOUN   NNS   talk      O
     11 failed     8 ccomp      VERB   VBD   fail      O
     12 .          1 punct      PUNCT  .     .         O
    """)
    assert content_of_said(doc) == "the plan ignored Smith"


@pytest.mark.parametrize("subject", [False, True])
def test_a_cue_joined_by_and_is_cut_only_when_it_has_a_subject_of_its_own(subject):
    text = "Khan said Obama is wrong and he showed disdain." if subject else \
        "Khan said Obama is wrong and showed disdain."
    rows = """
      0 Khan       1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 said       1 ROOT       VERB   VBD   say       O
      2 Obama      3 nsubj      PROPN  NNP   Obama     B-PERSON
      3 is         1 ccomp      AUX    VBZ   be        O
      4 wrong      3 acomp      ADJ    JJ    wrong     O
      5 and        3 cc         CCONJ  CC    and       O
    """ + ("""
      6 he         7 nsubj      PRON   PRP   he        O
      7 showed     3 conj       VERB   VBD   show      O
      8 disdain    7 dobj       NOUN   NN    disdain   O
      9 .          1 punct      PUNCT  .     .         O
    """ if subject else """
      6 showed     3 conj       VERB   VBD   show      O
      7 disdain    6 dobj       NOUN   NN    disdain   O
      8 .          1 punct      PUNCT  .     .         O
    """)
    expected = "Obama is wrong" if subject else "Obama is wrong and showed disdain"
    assert content_of_said(parsed(text, rows)) == expected


# ------------------------------------------------------------------ narration
def test_a_second_that_clause_is_no_narration():
    doc = parsed("Khan said the talks failed, but that they then met again.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 said       1 ROOT       VERB   VBD   say       O
      2 the        3 det        DET    DT    the       O
      3 talks      4 nsubj      NOUN   NNS   talk      O
      4 failed     1 ccomp      VERB   VBD   fail      O
      5 ,          4 punct      PUNCT  ,     ,         O
      6 but        4 cc         CCONJ  CC    but       O
      7 that      10 mark       SCONJ  IN    that      O
      8 they      10 nsubj      PRON   PRP   they      O
      9 then      10 advmod     ADV    RB    then      O
     10 met        4 conj       VERB   VBD   meet      O
     11 again     10 advmod     ADV    RB    again     O
     12 .          1 punct      PUNCT  .     .         O
    """)
    assert content_of_said(doc) == "the talks failed, but that they then met again"
