"""The cue-verb rules (claimx/rules/verbs.py), pinned on hand-built parses: no trained model is
loaded, so each test states what a rule makes of one parse, whatever the parser would do.

Each parse is written as the pipeline gives it (or, where a test says so, as it gives it at
times), one token a row: index, word, head, dependency, POS, tag, lemma, entity.
"""

from helpers import claims, parsed

SAID_THAT = parsed("Khan said the talks had failed.", """
  0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
  1 said      1 ROOT       VERB   VBD   say     O
  2 the       3 det        DET    DT    the     O
  3 talks     5 nsubj      NOUN   NNS   talk    O
  4 had       5 aux        AUX    VBD   have    O
  5 failed    1 ccomp      VERB   VBN   fail    O
  6 .         1 punct      PUNCT  .     .       O
""")


def only(doc, **options):
    """The one claim of ``doc``, as (rule, content, speaker mention, type)."""
    found = claims(doc, **options)
    assert len(found) == 1, found
    c = found[0]
    return c.rule, c.content.text, c.speaker.mention if c.speaker else None, c.type


# ------------------------------------------------------------------ verb-quote
QUOTE_SAID = parsed("“The talks failed,” Khan said.", """
  0 “         7 punct      PUNCT  ``    "       O
  1 The       2 det        DET    DT    the     O
  2 talks     3 nsubj      NOUN   NNS   talk    O
  3 failed    7 ccomp      VERB   VBD   fail    O
  4 ,         7 punct      PUNCT  ,     ,       O
  5 ”         7 punct      PUNCT  ''    "       O
  6 Khan      7 nsubj      PROPN  NNP   Khan    B-PERSON
  7 said      7 ROOT       VERB   VBD   say     O
  8 .         7 punct      PUNCT  .     .       O
""")


def test_verb_quote_takes_a_quotation_parsed_as_the_clause_of_said():
    assert only(QUOTE_SAID) == ("verb-quote", "“The talks failed,”", "Khan", "direct")


def test_verb_quote_leaves_a_cognition_cue_to_the_cognition_rule():
    believes = parsed("“The talks failed,” Khan believes.", """
      0 “           7 punct      PUNCT  ``    "         O
      1 The         2 det        DET    DT    the       O
      2 talks       3 nsubj      NOUN   NNS   talk      O
      3 failed      7 ccomp      VERB   VBD   fail      O
      4 ,           7 punct      PUNCT  ,     ,         O
      5 ”           7 punct      PUNCT  ''    "         O
      6 Khan        7 nsubj      PROPN  NNP   Khan      B-PERSON
      7 believes    7 ROOT       VERB   VBZ   believe   O
      8 .           7 punct      PUNCT  .     .         O
    """)
    assert only(believes) == ("cognition", "“The talks failed,”", "Khan", "direct")


def test_verb_quote_wants_the_clause_quoted():
    assert only(SAID_THAT)[0] == "verb-clause"


# ------------------------------------------------------------------ verb-parenthetical
def test_verb_parenthetical_takes_the_clause_round_a_parenthetical_said():
    doc = parsed("The talks, Khan said, had failed.", """
      0 The       1 det        DET    DT    the     O
      1 talks     7 nsubj      NOUN   NNS   talk    O
      2 ,         4 punct      PUNCT  ,     ,       O
      3 Khan      4 nsubj      PROPN  NNP   Khan    B-PERSON
      4 said      7 parataxis  VERB   VBD   say     O
      5 ,         4 punct      PUNCT  ,     ,       O
      6 had       7 aux        AUX    VBD   have    O
      7 failed    7 ROOT       VERB   VBN   fail    O
      8 .         7 punct      PUNCT  .     .       O
    """)
    assert only(doc) == ("verb-parenthetical", "The talks, Khan said, had failed", "Khan", "indirect")


def test_verb_parenthetical_takes_the_clause_an_as_clause_attributes():
    doc = parsed("As Reuters reported, the talks failed.", """
      0 As          2 mark       SCONJ  IN    as        O
      1 Reuters     2 nsubj      PROPN  NNP   Reuters   B-ORG
      2 reported    6 advcl      VERB   VBD   report    O
      3 ,           6 punct      PUNCT  ,     ,         O
      4 the         5 det        DET    DT    the       O
      5 talks       6 nsubj      NOUN   NNS   talk      O
      6 failed      6 ROOT       VERB   VBD   fail      O
      7 .           6 punct      PUNCT  .     .         O
    """)
    assert only(doc) == ("verb-parenthetical", "the talks failed", "Reuters", "indirect")


def test_an_as_clause_closing_the_sentence_is_cut_from_the_claim():
    doc = parsed("The talks failed, as Reuters reported.", """
      0 The         1 det        DET    DT    the       O
      1 talks       2 nsubj      NOUN   NNS   talk      O
      2 failed      2 ROOT       VERB   VBD   fail      O
      3 ,           2 punct      PUNCT  ,     ,         O
      4 as          6 mark       SCONJ  IN    as        O
      5 Reuters     6 nsubj      PROPN  NNP   Reuters   B-ORG
      6 reported    2 advcl      VERB   VBD   report    O
      7 .           2 punct      PUNCT  .     .         O
    """)
    assert only(doc) == ("verb-parenthetical", "The talks failed", "Reuters", "indirect")


def test_verb_parenthetical_wants_as_not_any_adverbial_clause():
    doc = parsed("When Reuters reported, the talks failed.", """
      0 When        2 advmod     SCONJ  WRB   when      O
      1 Reuters     2 nsubj      PROPN  NNP   Reuters   B-ORG
      2 reported    6 advcl      VERB   VBD   report    O
      3 ,           6 punct      PUNCT  ,     ,         O
      4 the         5 det        DET    DT    the       O
      5 talks       6 nsubj      NOUN   NNS   talk      O
      6 failed      6 ROOT       VERB   VBD   fail      O
      7 .           6 punct      PUNCT  .     .         O
    """)
    assert claims(doc) == ()


def test_clauses_on_both_sides_make_a_parenthetical_only_when_the_attribution_is_set_off():
    # "— in fact, Khan said they failed": the attribution leads into the clause after it; what
    # stands before it is narration
    doc = parsed("The talks stalled — in fact, Khan said they failed.", """
      0 The       1 det        DET    DT    the     O
      1 talks     2 nsubj      NOUN   NNS   talk    O
      2 stalled   8 ccomp      VERB   VBD   stall   O
      3 —         8 punct      PUNCT  :     —       O
      4 in        8 prep       ADP    IN    in      O
      5 fact      4 pobj       NOUN   NN    fact    O
      6 ,         8 punct      PUNCT  ,     ,       O
      7 Khan      8 nsubj      PROPN  NNP   Khan    B-PERSON
      8 said      8 ROOT       VERB   VBD   say     O
      9 they     10 nsubj      PRON   PRP   they    O
     10 failed    8 ccomp      VERB   VBD   fail    O
     11 .         8 punct      PUNCT  .     .       O
    """)
    assert only(doc) == ("verb-clause", "they failed", "Khan", "indirect")


def test_a_clause_on_one_side_of_the_verb_is_no_parenthetical():
    assert only(SAID_THAT) == ("verb-clause", "the talks had failed", "Khan", "indirect")


# ------------------------------------------------------------------ cognition
BELIEVES_THAT = parsed("Khan believes that the talks failed.", """
  0 Khan        1 nsubj      PROPN  NNP   Khan      B-PERSON
  1 believes    1 ROOT       VERB   VBZ   believe   O
  2 that        5 mark       SCONJ  IN    that      O
  3 the         4 det        DET    DT    the       O
  4 talks       5 nsubj      NOUN   NNS   talk      O
  5 failed      1 ccomp      VERB   VBD   fail      O
  6 .           1 punct      PUNCT  .     .         O
""")


def test_cognition_takes_the_clause_of_a_belief():
    assert only(BELIEVES_THAT) == ("cognition", "the talks failed", "Khan", "indirect")


def test_cognition_cues_are_dropped_when_beliefs_do_not_count():
    assert claims(BELIEVES_THAT, beliefs=False) == ()
    assert only(SAID_THAT, beliefs=False)[0] == "verb-clause"


# ------------------------------------------------------------------ verb-clause
def test_verb_clause_takes_the_clause_of_said_without_its_that():
    assert only(SAID_THAT) == ("verb-clause", "the talks had failed", "Khan", "indirect")
    doc = parsed("Khan said that talks failed.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 said      1 ROOT       VERB   VBD   say     O
      2 that      4 mark       SCONJ  IN    that    O
      3 talks     4 nsubj      NOUN   NNS   talk    O
      4 failed    1 ccomp      VERB   VBD   fail    O
      5 .         1 punct      PUNCT  .     .       O
    """)
    assert only(doc) == ("verb-clause", "talks failed", "Khan", "indirect")


def test_verb_clause_wants_a_clause():
    doc = parsed("Khan said nothing.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 said       1 ROOT       VERB   VBD   say      O
      2 nothing    1 dobj       PRON   NN    nothing  O
      3 .          1 punct      PUNCT  .     .        O
    """)
    assert claims(doc) == ()


def test_a_quoted_word_in_a_reported_clause_makes_it_mixed():
    doc = parsed("Khan said the talks “failed”.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 said      1 ROOT       VERB   VBD   say     O
      2 the       3 det        DET    DT    the     O
      3 talks     5 nsubj      NOUN   NNS   talk    O
      4 “         5 punct      PUNCT  ``    "       O
      5 failed    1 ccomp      VERB   VBD   fail    O
      6 ”         5 punct      PUNCT  ''    "       O
      7 .         1 punct      PUNCT  .     .       O
    """)
    _, content, speaker, kind = only(doc)
    assert (content, speaker, kind) == ("the talks “failed”", "Khan", "mixed")


def test_a_reported_clause_with_one_quoted_word_is_no_quotation_parsed_as_a_clause():
    # verb-quote wants the clause quoted from its first word to its last, not its head word alone
    doc = parsed("Khan said the talks “failed”.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 said      1 ROOT       VERB   VBD   say     O
      2 the       3 det        DET    DT    the     O
      3 talks     5 nsubj      NOUN   NNS   talk    O
      4 “         5 punct      PUNCT  ``    "       O
      5 failed    1 ccomp      VERB   VBD   fail    O
      6 ”         5 punct      PUNCT  ''    "       O
      7 .         1 punct      PUNCT  .     .       O
    """)
    assert only(doc)[0] == "verb-clause"


# ------------------------------------------------------------------ verb-trailing
def test_verb_trailing_takes_the_sentence_before_a_trailing_attribution():
    # the parser at times hangs "said" on the claim instead of the claim on "said"
    doc = parsed("The talks failed, said Khan, a senior official.", """
      0 The         1 det        DET    DT    the       O
      1 talks       2 nsubj      NOUN   NNS   talk      O
      2 failed      2 ROOT       VERB   VBD   fail      O
      3 ,           2 punct      PUNCT  ,     ,         O
      4 said        2 advcl      VERB   VBD   say       O
      5 Khan        4 nsubj      PROPN  NNP   Khan      B-PERSON
      6 ,           5 punct      PUNCT  ,     ,         O
      7 a           9 det        DET    DT    a         O
      8 senior      9 amod       ADJ    JJ    senior    O
      9 official    5 appos      NOUN   NN    official  O
     10 .           2 punct      PUNCT  .     .         O
    """)
    assert only(doc) == ("verb-trailing", "The talks failed", "Khan", "indirect")


def test_verb_trailing_wants_a_comma_before_the_attribution():
    doc = parsed("The talks failed said Khan.", """
      0 The         1 det        DET    DT    the       O
      1 talks       2 nsubj      NOUN   NNS   talk      O
      2 failed      2 ROOT       VERB   VBD   fail      O
      3 said        2 advcl      VERB   VBD   say       O
      4 Khan        3 nsubj      PROPN  NNP   Khan      B-PERSON
      5 .           2 punct      PUNCT  .     .         O
    """)
    assert claims(doc) == ()


# ------------------------------------------------------------------ verb-object-to
URGED_TO = parsed("Khan urged the Taliban to act.", """
  0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
  1 urged      1 ROOT       VERB   VBD   urge     O
  2 the        3 det        DET    DT    the      O
  3 Taliban    1 dobj       PROPN  NNP   Taliban  B-ORG
  4 to         5 aux        PART   TO    to       O
  5 act        1 xcomp      VERB   VB    act      O
  6 .          1 punct      PUNCT  .     .        O
""")


def test_verb_object_to_takes_the_object_and_what_it_is_urged_to_do():
    assert only(URGED_TO) == ("verb-object-to", "the Taliban to act", "Khan", "indirect")


def test_verb_object_to_wants_the_infinitive():
    doc = parsed("Khan urged the Taliban.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 urged      1 ROOT       VERB   VBD   urge     O
      2 the        3 det        DET    DT    the      O
      3 Taliban    1 dobj       PROPN  NNP   Taliban  B-ORG
      4 .          1 punct      PUNCT  .     .        O
    """)
    assert claims(doc) == ()


# ------------------------------------------------------------------ verb-to
def test_verb_to_takes_the_infinitive_of_a_vow():
    doc = parsed("Khan vowed to veto the bill.", """
      0 Khan     1 nsubj      PROPN  NNP   Khan   B-PERSON
      1 vowed    1 ROOT       VERB   VBD   vow    O
      2 to       3 aux        PART   TO    to     O
      3 veto     1 xcomp      VERB   VB    veto   O
      4 the      5 det        DET    DT    the    O
      5 bill     3 dobj       NOUN   NN    bill   O
      6 .        1 punct      PUNCT  .     .      O
    """)
    assert only(doc) == ("verb-to", "to veto the bill", "Khan", "indirect")


def test_verb_to_wants_to():
    # "threatened leaving": a participle straight after the verb is read as its clause
    doc = parsed("Khan threatened leaving the talks.", """
      0 Khan          1 nsubj      PROPN  NNP   Khan        B-PERSON
      1 threatened    1 ROOT       VERB   VBD   threaten    O
      2 leaving       1 xcomp      VERB   VBG   leave       O
      3 the           4 det        DET    DT    the         O
      4 talks         2 dobj       NOUN   NNS   talk        O
      5 .             1 punct      PUNCT  .     .           O
    """)
    assert only(doc)[:2] == ("verb-clause", "leaving the talks")


def test_verb_to_wants_the_to_frame():
    # "say" has only the clause frame in cues.tsv
    doc = parsed("Khan said to wait.", """
      0 Khan    1 nsubj      PROPN  NNP   Khan  B-PERSON
      1 said    1 ROOT       VERB   VBD   say   O
      2 to      3 aux        PART   TO    to    O
      3 wait    1 xcomp      VERB   VB    wait  O
      4 .       1 punct      PUNCT  .     .     O
    """)
    assert claims(doc) == ()


# ------------------------------------------------------------------ verb-object-of
def test_verb_object_of_takes_the_accused_and_the_charge():
    doc = parsed("Khan accused the council of wasting money.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 accused    1 ROOT       VERB   VBD   accuse   O
      2 the        3 det        DET    DT    the      O
      3 council    1 dobj       NOUN   NN    council  O
      4 of         1 prep       ADP    IN    of       O
      5 wasting    4 pcomp      VERB   VBG   waste    O
      6 money      5 dobj       NOUN   NN    money    O
      7 .          1 punct      PUNCT  .     .        O
    """)
    assert only(doc) == ("verb-object-of", "the council of wasting money", "Khan", "indirect")


def test_verb_object_of_wants_the_charge():
    doc = parsed("Khan accused the council.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 accused    1 ROOT       VERB   VBD   accuse   O
      2 the        3 det        DET    DT    the      O
      3 council    1 dobj       NOUN   NN    council  O
      4 .          1 punct      PUNCT  .     .        O
    """)
    # no charge, no verb-object-of; the object is left to verb-np, a candidate the scorer weighs
    assert [(c.rule, c.content.text) for c in claims(doc)] == [("verb-np", "the council")]


# ------------------------------------------------------------------ verb-naming
def test_verb_naming_takes_the_quoted_name_given():
    doc = parsed("Khan called them “great people”.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 called    1 ROOT       VERB   VBD   call    O
      2 them      1 dobj       PRON   PRP   they    O
      3 “         5 punct      PUNCT  ``    "       O
      4 great     5 amod       ADJ    JJ    great   O
      5 people    1 oprd       NOUN   NNS   people  O
      6 ”         1 punct      PUNCT  ''    "       O
      7 .         1 punct      PUNCT  .     .       O
    """)
    assert only(doc) == ("verb-naming", "“great people”", "Khan", "direct")


def test_verb_naming_unquoted_is_a_reported_candidate():
    doc = parsed("Khan called them great people.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 called    1 ROOT       VERB   VBD   call    O
      2 them      1 dobj       PRON   PRP   they    O
      3 great     4 amod       ADJ    JJ    great   O
      4 people    1 oprd       NOUN   NNS   people  O
      5 .         1 punct      PUNCT  .     .       O
    """)
    # "critics call it a mouthpiece": unquoted, the naming is reported, and the scorer weighs it
    assert only(doc) == ("verb-naming", "them great people", "Khan", "indirect")


def test_verb_naming_that_names_nothing_leaves_the_cue_to_the_later_rules():
    # the name stands before the object ("called a “disgrace” the decision"): naming finds an
    # empty span, and verb-quoted takes the quoted words
    doc = parsed("Khan called a “disgrace” the decision to leave.", """
      0 Khan        1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 called      1 ROOT       VERB   VBD   call      O
      2 a           4 det        DET    DT    a         O
      3 “           4 punct      PUNCT  ``    "         O
      4 disgrace    1 oprd       NOUN   NN    disgrace  O
      5 ”           4 punct      PUNCT  ''    "         O
      6 the         7 det        DET    DT    the       O
      7 decision    1 dobj       NOUN   NN    decision  O
      8 to          9 aux        PART   TO    to        O
      9 leave       7 acl        VERB   VB    leave     O
     10 .           1 punct      PUNCT  .     .         O
    """)
    assert only(doc) == ("verb-quoted", "a “disgrace”", "Khan", "mixed")


# ------------------------------------------------------------------ verb-np
def test_verb_np_takes_the_object_denied():
    doc = parsed("Khan denied the report.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 denied    1 ROOT       VERB   VBD   deny    O
      2 the       3 det        DET    DT    the     O
      3 report    1 dobj       NOUN   NN    report  O
      4 .         1 punct      PUNCT  .     .       O
    """)
    assert only(doc) == ("verb-np", "the report", "Khan", "indirect")


def test_verb_np_takes_no_pronoun():
    doc = parsed("Khan denied it.", """
      0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
      1 denied    1 ROOT       VERB   VBD   deny    O
      2 it        1 dobj       PRON   PRP   it      O
      3 .         1 punct      PUNCT  .     .       O
    """)
    assert claims(doc) == ()


def test_verb_np_takes_no_addressee():
    doc = parsed("Khan urged the Taliban.", """
      0 Khan       1 nsubj      PROPN  NNP   Khan     B-PERSON
      1 urged      1 ROOT       VERB   VBD   urge     O
      2 the        3 det        DET    DT    the      O
      3 Taliban    1 dobj       PROPN  NNP   Taliban  B-ORG
      4 .          1 punct      PUNCT  .     .        O
    """)
    assert claims(doc) == ()


def test_verb_np_takes_the_object_of_any_cue_as_a_candidate():
    doc = parsed("Khan decried the plan.", """
      0 Khan        1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 decried     1 ROOT       VERB   VBD   decry     O
      2 the         3 det        DET    DT    the       O
      3 plan        1 dobj       NOUN   NN    plan      O
      4 .           1 punct      PUNCT  .     .         O
    """)
    assert only(doc) == ("verb-np", "the plan", "Khan", "indirect")


# ------------------------------------------------------------------ verb-quoted
DECRIED_AS = parsed("Khan decried the plan as “reckless”.", """
  0 Khan        1 nsubj      PROPN  NNP   Khan      B-PERSON
  1 decried     1 ROOT       VERB   VBD   decry     O
  2 the         3 det        DET    DT    the       O
  3 plan        1 dobj       NOUN   NN    plan      O
  4 as          1 prep       ADP    IN    as        O
  5 “           4 punct      PUNCT  ``    "         O
  6 reckless    4 amod       ADJ    JJ    reckless  O
  7 ”           4 punct      PUNCT  ''    "         O
  8 .           1 punct      PUNCT  .     .         O
""")


def test_verb_quoted_takes_what_follows_a_cue_when_it_quotes_the_speaker():
    assert only(DECRIED_AS) == ("verb-quoted", "the plan as “reckless”", "Khan", "mixed")


def test_verb_quoted_wants_a_quotation_and_leaves_the_rest_to_verb_np():
    doc = parsed("Khan decried the plan as reckless.", """
      0 Khan        1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 decried     1 ROOT       VERB   VBD   decry     O
      2 the         3 det        DET    DT    the       O
      3 plan        1 dobj       NOUN   NN    plan      O
      4 as          1 prep       ADP    IN    as        O
      5 reckless    4 amod       ADJ    JJ    reckless  O
      6 .           1 punct      PUNCT  .     .         O
    """)
    assert only(doc) == ("verb-np", "the plan as reckless", "Khan", "indirect")


def test_verb_quoted_does_not_count_a_quoted_title():
    doc = parsed("Khan decried the plan on “Meet the Press”.", """
      0 Khan        1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 decried     1 ROOT       VERB   VBD   decry     O
      2 the         3 det        DET    DT    the       O
      3 plan        1 dobj       NOUN   NN    plan      O
      4 on          1 prep       ADP    IN    on        O
      5 “           6 punct      PUNCT  ``    "         O
      6 Meet        4 pobj       PROPN  NNP   Meet      B-WORK_OF_ART
      7 the         8 det        DET    DT    the       I-WORK_OF_ART
      8 Press       6 appos      PROPN  NNP   Press     I-WORK_OF_ART
      9 ”           6 punct      PUNCT  ''    "         O
     10 .           1 punct      PUNCT  .     .         O
    """)
    assert [c.rule for c in claims(doc)] == ["verb-np"]  # the plan; the title is no quotation


# ------------------------------------------------------------------ the order of the rules
TOLD_THAT = parsed("Khan told reporters that the talks failed.", """
  0 Khan         1 nsubj      PROPN  NNP   Khan       B-PERSON
  1 told         1 ROOT       VERB   VBD   tell       O
  2 reporters    1 dobj       NOUN   NNS   reporter   O
  3 that         6 mark       SCONJ  IN    that       O
  4 the          5 det        DET    DT    the        O
  5 talks        6 nsubj      NOUN   NNS   talk       O
  6 failed       1 ccomp      VERB   VBD   fail       O
  7 .            1 punct      PUNCT  .     .          O
""")


def test_a_verb_with_a_clause_is_decided_by_the_clause_rules_not_its_object():
    # with np_objects every cue object is a claim, but "reporters" is not what Khan told
    assert only(TOLD_THAT, np_objects=True) == ("verb-clause", "the talks failed", "Khan", "indirect")


def test_a_clause_with_a_quoted_word_is_not_left_to_verb_quoted():
    doc = parsed("Khan argued the plan was “reckless”.", """
      0 Khan        1 nsubj      PROPN  NNP   Khan      B-PERSON
      1 argued      1 ROOT       VERB   VBD   argue     O
      2 the         3 det        DET    DT    the       O
      3 plan        4 nsubj      NOUN   NN    plan      O
      4 was         1 ccomp      AUX    VBD   be        O
      5 “           6 punct      PUNCT  ``    "         O
      6 reckless    4 acomp      ADJ    JJ    reckless  O
      7 ”           6 punct      PUNCT  ''    "         O
      8 .           1 punct      PUNCT  .     .         O
    """)
    assert only(doc) == ("verb-clause", "the plan was “reckless”", "Khan", "mixed")
