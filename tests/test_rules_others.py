"""The rules for cue nouns (nouns.py), "according to" (according.py) and headlines
(headlines.py), pinned on hand-built parses; and a check that every registered rule has its
hand-built tests."""
import re
from pathlib import Path

import pytest

from helpers import claims, drafts, parsed, text_of

from claimx.rules import RULES


def summary(doc):
    return [(c.rule, c.content.text, c.speaker.mention if c.speaker else None, c.type)
            for c in claims(doc)]


# ------------------------------------------------------------------ noun-clause
def test_noun_clause_takes_the_that_clause_of_a_cue_noun_and_its_possessor():
    doc = parsed("His claim that the talks failed was wrong.", """
      0 His       1 poss       PRON   PRP$  his     O
      1 claim     6 nsubj      NOUN   NN    claim   O
      2 that      5 mark       SCONJ  IN    that    O
      3 the       4 det        DET    DT    the     O
      4 talks     5 nsubj      NOUN   NNS   talk    O
      5 failed    1 acl        VERB   VBD   fail    O
      6 was       6 ROOT       AUX    VBD   be      O
      7 wrong     6 acomp      ADJ    JJ    wrong   O
      8 .         6 punct      PUNCT  .     .       O
    """)
    assert summary(doc) == [("noun-clause", "the talks failed", "His", "indirect")]


def test_noun_clause_takes_the_subject_of_the_verb_whose_object_the_noun_is():
    doc = parsed("Khan issued a warning that talks would fail.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 issued     1 ROOT       VERB   VBD   issue    O
      2 a          3 det        DET    DT    a        O
      3 warning    1 dobj       NOUN   NN    warning  O
      4 that       7 mark       SCONJ  IN    that     O
      5 talks      7 nsubj      NOUN   NNS   talk     O
      6 would      7 aux        AUX    MD    would    O
      7 fail       3 acl        VERB   VB    fail     O
      8 .          1 punct      PUNCT  .     .        O
    """)
    assert summary(doc) == [("noun-clause", "talks would fail", "Khan", "indirect")]


def test_noun_clause_wants_someone_whose_claim_it_is():
    doc = parsed("The claim that the talks failed was wrong.", """
      0 The       1 det        DET    DT    the     O
      1 claim     6 nsubj      NOUN   NN    claim   O
      2 that      5 mark       SCONJ  IN    that    O
      3 the       4 det        DET    DT    the     O
      4 talks     5 nsubj      NOUN   NNS   talk    O
      5 failed    1 acl        VERB   VBD   fail    O
      6 was       6 ROOT       AUX    VBD   be      O
      7 wrong     6 acomp      ADJ    JJ    wrong   O
      8 .         6 punct      PUNCT  .     .       O
    """)
    assert summary(doc) == []


# ------------------------------------------------------------------ noun-np
def test_noun_np_takes_the_prepositional_object_and_the_subject_of_the_verb():
    doc = parsed("Trump made comments about voter fraud.", """
      0 Trump      1 nsubj      PROPN  NNP   Trump    B-PERSON
      1 made       1 ROOT       VERB   VBD   make     O
      2 comments   1 dobj       NOUN   NNS   comment  O
      3 about      2 prep       ADP    IN    about    O
      4 voter      5 compound   NOUN   NN    voter    O
      5 fraud      3 pobj       NOUN   NN    fraud    O
      6 .          1 punct      PUNCT  .     .        O
    """)
    assert summary(doc) == [("noun-np", "voter fraud", "Trump", "indirect")]


def test_noun_np_takes_the_possessor_as_the_speaker():
    doc = parsed("Her calls for a recount failed.", """
      0 Her        1 poss       PRON   PRP$  her      O
      1 calls      5 nsubj      NOUN   NNS   call     O
      2 for        1 prep       ADP    IN    for      O
      3 a          4 det        DET    DT    a        O
      4 recount    2 pobj       NOUN   NN    recount  O
      5 failed     5 ROOT       VERB   VBD   fail     O
      6 .          5 punct      PUNCT  .     .        O
    """)
    assert summary(doc) == [("noun-np", "a recount", "Her", "indirect")]


def test_noun_np_wants_someone_who_speaks():
    doc = parsed("Support for the bill grew.", """
      0 Support    4 nsubj      NOUN   NN    support  O
      1 for        0 prep       ADP    IN    for      O
      2 the        3 det        DET    DT    the      O
      3 bill       1 pobj       NOUN   NN    bill     O
      4 grew       4 ROOT       VERB   VBD   grow     O
      5 .          4 punct      PUNCT  .     .        O
    """)
    assert summary(doc) == []


# ------------------------------------------------------------------ noun-expressed
EXPRESSED = parsed("Khan expressed confidence that talks would resume.", """
  0 Khan          1 nsubj      PROPN  NNP   Khan        B-PERSON
  1 expressed     1 ROOT       VERB   VBD   express     O
  2 confidence    1 dobj       NOUN   NN    confidence  O
  3 that          6 mark       SCONJ  IN    that        O
  4 talks         6 nsubj      NOUN   NNS   talk        O
  5 would         6 aux        AUX    MD    would       O
  6 resume        2 acl        VERB   VB    resume      O
  7 .             1 punct      PUNCT  .     .           O
""")


def test_noun_expressed_takes_the_clause_of_a_belief_put_into_words():
    assert summary(EXPRESSED) == [("noun-expressed", "talks would resume", "Khan", "indirect")]


def test_noun_expressed_is_speech_even_without_beliefs():
    assert [c.rule for c in claims(EXPRESSED, beliefs=False)] == ["noun-expressed"]


# ------------------------------------------------------------------ according-to
def test_according_to_before_the_clause():
    doc = parsed("According to Khan, the talks failed.", """
      0 According    6 prep       VERB   VBG   accord     O
      1 to           0 prep       ADP    IN    to         O
      2 Khan         1 pobj       PROPN  NNP   Khan       B-PERSON
      3 ,            6 punct      PUNCT  ,     ,          O
      4 the          5 det        DET    DT    the        O
      5 talks        6 nsubj      NOUN   NNS   talk       O
      6 failed       6 ROOT       VERB   VBD   fail       O
      7 .            6 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == [("according-to", "the talks failed", "Khan", "indirect")]


def test_according_to_after_the_clause():
    doc = parsed("The talks failed, according to Khan.", """
      0 The          1 det        DET    DT    the        O
      1 talks        2 nsubj      NOUN   NNS   talk       O
      2 failed       2 ROOT       VERB   VBD   fail       O
      3 ,            2 punct      PUNCT  ,     ,          O
      4 according    2 prep       VERB   VBG   accord     O
      5 to           4 prep       ADP    IN    to         O
      6 Khan         5 pobj       PROPN  NNP   Khan       B-PERSON
      7 .            2 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == [("according-to", "The talks failed", "Khan", "indirect")]


def test_according_to_drops_a_connective_opening_the_clause():
    doc = parsed("But the talks, according to Khan, failed.", """
      0 But          8 cc         CCONJ  CC    but        O
      1 the          2 det        DET    DT    the        O
      2 talks        8 nsubj      NOUN   NNS   talk       O
      3 ,            8 punct      PUNCT  ,     ,          O
      4 according    8 prep       VERB   VBG   accord     O
      5 to           4 prep       ADP    IN    to         O
      6 Khan         5 pobj       PROPN  NNP   Khan       B-PERSON
      7 ,            8 punct      PUNCT  ,     ,          O
      8 failed       8 ROOT       VERB   VBD   fail       O
      9 .            8 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == [("according-to", "the talks, according to Khan, failed", "Khan", "indirect")]


def test_according_to_after_a_connective_keeps_the_attribution_out_of_the_claim():
    doc = parsed("But according to Khan, the talks failed.", """
      0 But          7 cc         CCONJ  CC    but        O
      1 according    7 prep       VERB   VBG   accord     O
      2 to           1 prep       ADP    IN    to         O
      3 Khan         2 pobj       PROPN  NNP   Khan       B-PERSON
      4 ,            7 punct      PUNCT  ,     ,          O
      5 the          6 det        DET    DT    the        O
      6 talks        7 nsubj      NOUN   NNS   talk       O
      7 failed       7 ROOT       VERB   VBD   fail       O
      8 .            7 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == [("according-to", "the talks failed", "Khan", "indirect")]


def test_a_trailing_according_to_covers_every_clause_before_it():
    doc = parsed("Sales rose, but profits fell, according to Khan.", """
      0 Sales        1 nsubj      NOUN   NNS   sale       O
      1 rose         1 ROOT       VERB   VBD   rise       O
      2 ,            1 punct      PUNCT  ,     ,          O
      3 but          1 cc         CCONJ  CC    but        O
      4 profits      5 nsubj      NOUN   NNS   profit     O
      5 fell         1 conj       VERB   VBD   fall       O
      6 ,            5 punct      PUNCT  ,     ,          O
      7 according    5 prep       VERB   VBG   accord     O
      8 to           7 prep       ADP    IN    to         O
      9 Khan         8 pobj       PROPN  NNP   Khan       B-PERSON
     10 .            1 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == [("according-to", "Sales rose, but profits fell", "Khan", "indirect")]


def test_according_to_wants_a_clause_it_attributes():
    doc = parsed("According to Khan.", """
      0 According    0 ROOT       VERB   VBG   accord     O
      1 to           0 prep       ADP    IN    to         O
      2 Khan         1 pobj       PROPN  NNP   Khan       B-PERSON
      3 .            0 punct      PUNCT  .     .          O
    """)
    assert summary(doc) == []


# ------------------------------------------------------------------ headline
HEADLINE = """
  0 Talks      2 nsubj      NOUN   NNS   talk     O
  1 have       2 aux        AUX    VBP   have     O
  2 stalled    2 ROOT       VERB   VBN   stall    O
  3 over       2 prep       ADP    IN    over     O
  4 the        5 det        DET    DT    the      O
  5 Taliban    7 poss       PROPN  NNP   Taliban  B-ORG
  6 's         5 case       PART   POS   's       O
  7 stance     3 pobj       NOUN   NN    stance   O
  8 :          2 punct      PUNCT  :     :        O
"""


def test_headline_attributed_after_a_colon():
    doc = parsed("Talks have stalled over the Taliban's stance: Report\nKhan left.", HEADLINE + """
      9 Report     0 appos      PROPN  NNP   Report   O
     10 \\n         9 dep        SPACE  _SP   \\n       O
     11 Khan      12 nsubj      PROPN  NNP   Khan     B-PERSON
     12 left      12 ROOT       VERB   VBD   leave    O
     13 .         12 punct      PUNCT  .     .        O
    """)
    [c] = claims(doc)
    # "...: Report" says a report has it, not who: no speaker
    assert (c.rule, c.content.text, c.speaker, c.cue.text) == (
        "headline", "Talks have stalled over the Taliban's stance", None, ":")


def test_headline_wants_at_most_four_words_after_the_colon():
    doc = parsed("Talks have stalled over the Taliban's stance: Report From The Capital Today\nKhan left.",
                 HEADLINE + """
      9 Report     2 appos      PROPN  NNP   Report   O
     10 From       9 prep       ADP    IN    from     O
     11 The       12 det        DET    DT    the      O
     12 Capital   10 pobj       PROPN  NNP   Capital  O
     13 Today      9 npadvmod   PROPN  NNP   Today    O
     14 \\n        13 dep        SPACE  _SP   \\n       O
     15 Khan      16 nsubj      PROPN  NNP   Khan     B-PERSON
     16 left      16 ROOT       VERB   VBD   leave    O
     17 .         16 punct      PUNCT  .     .        O
    """)
    assert claims(doc) == ()
    four = parsed("Talks have stalled over the Taliban's stance: Report From The Capital\nKhan left.",
                  HEADLINE + """
      9 Report     2 appos      PROPN  NNP   Report   O
     10 From       9 prep       ADP    IN    from     O
     11 The       12 det        DET    DT    the      O
     12 Capital   10 pobj       PROPN  NNP   Capital  O
     13 \\n        12 dep        SPACE  _SP   \\n       O
     14 Khan      15 nsubj      PROPN  NNP   Khan     B-PERSON
     15 left      15 ROOT       VERB   VBD   leave    O
     16 .         15 punct      PUNCT  .     .        O
    """)
    assert [d.rule for d in drafts(four)] == ["headline"]


def test_headline_wants_a_claim_of_twenty_characters():
    doc = parsed("Talks stalled: Report\nKhan left.", """
      0 Talks      1 nsubj      NOUN   NNS   talk     O
      1 stalled    1 ROOT       VERB   VBD   stall    O
      2 :          1 punct      PUNCT  :     :        O
      3 Report     3 ROOT       PROPN  NNP   Report   O
      4 \\n         3 dep        SPACE  _SP   \\n       O
      5 Khan       6 nsubj      PROPN  NNP   Khan     B-PERSON
      6 left       6 ROOT       VERB   VBD   leave    O
      7 .          6 punct      PUNCT  .     .        O
    """)
    assert claims(doc) == ()


def test_headline_wants_capitalised_words_after_the_colon():
    doc = parsed("Talks have stalled over the Taliban's stance: report\nKhan left.", HEADLINE + """
      9 report     0 appos      NOUN   NN    report   O
     10 \\n         9 dep        SPACE  _SP   \\n       O
     11 Khan      12 nsubj      PROPN  NNP   Khan     B-PERSON
     12 left      12 ROOT       VERB   VBD   leave    O
     13 .         12 punct      PUNCT  .     .        O
    """)
    assert [text_of(doc, d) for d in drafts(doc) if d.rule == "headline"] == []


# ------------------------------------------------------------------ every rule is pinned
def test_every_registered_rule_has_hand_built_tests():
    here = Path(__file__).parent
    files = ["test_rules_verbs.py", "test_rules_quotations.py", "test_rules_others.py"]
    source = "\n".join((here / f).read_text(encoding="utf-8") for f in files)
    pinned = set(re.findall(r'"([a-z-]+)"', source))
    assert not set(RULES) - pinned, f"no hand-built test names {sorted(set(RULES) - pinned)}"
