"""What every rule reads of a document (claimx/context.py), pinned on hand-built parses: which
tokens are quoted, how quoted a span is, how a span takes in the quotations it cuts, and how far
from a quotation its attribution may stand."""
from spacy.tokens import Doc

from helpers import _vocab, context, parsed

from claimx.context import QUOTE_WINDOW_AFTER, QUOTE_WINDOW_BEFORE

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
MIXED = parsed("Khan said the talks “failed badly” again.", """
  0 Khan      1 nsubj      PROPN  NNP   Khan    B-PERSON
  1 said      1 ROOT       VERB   VBD   say     O
  2 the       3 det        DET    DT    the     O
  3 talks     5 nsubj      NOUN   NNS   talk    O
  4 “         5 punct      PUNCT  ``    "       O
  5 failed    1 ccomp      VERB   VBD   fail    O
  6 badly     5 advmod     ADV    RB    badly   O
  7 ”         5 punct      PUNCT  ''    "       O
  8 again     5 advmod     ADV    RB    again   O
  9 .         1 punct      PUNCT  .     .       O
""")


def span(doc, words: str):
    start = doc.text.index(words)
    return start, start + len(words)


# ------------------------------------------------------------------ the quoted-token mask
def test_the_words_between_the_marks_are_quoted_and_the_opening_mark_is_not():
    ctx = context(QUOTE_SAID)
    quoted = [t.text for t in QUOTE_SAID if ctx.in_quote[t.i]]
    assert quoted == ["The", "talks", "failed", ",", "”"]


def test_a_cue_inside_a_quotation_is_no_cue():
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
    assert [c.head.text for c in context(doc).cues] == ["wrote"]


# ------------------------------------------------------------------ type_of
def test_a_span_of_only_quoted_words_is_direct():
    ctx = context(QUOTE_SAID)
    assert ctx.type_of(*span(QUOTE_SAID, "“The talks failed,”")) == "direct"


def test_a_span_of_reported_words_with_a_quoted_fragment_is_mixed():
    ctx = context(MIXED)
    assert ctx.type_of(*span(MIXED, "the talks “failed badly” again")) == "mixed"


def test_a_span_without_quotation_marks_is_indirect():
    ctx = context(MIXED)
    assert ctx.type_of(*span(MIXED, "Khan said the talks")) == "indirect"


# ------------------------------------------------------------------ snap_to_quotes
def test_a_span_cutting_into_a_quotation_takes_it_whole():
    ctx = context(MIXED)
    start, end = ctx.snap_to_quotes(*span(MIXED, "the talks “failed"))
    assert MIXED.text[start:end] == "the talks “failed badly”"
    start, end = ctx.snap_to_quotes(*span(MIXED, "badly” again"))
    assert MIXED.text[start:end] == "“failed badly” again"


def test_a_span_touching_only_a_mark_is_left_as_it_is():
    ctx = context(MIXED)
    assert MIXED.text[slice(*ctx.snap_to_quotes(*span(MIXED, "the talks “")))] == "the talks “"


# ------------------------------------------------------------------ cue windows
def flat_doc(words, cue: int, speaker: int):
    """``words`` as one sentence whose words all hang on the cue ``words[cue]`` ("said"), with
    ``words[speaker]`` its subject, spaced as print spaces them: “We win,” then said Khan."""
    deps, pos, tags, lemmas = [], [], [], []
    for i, w in enumerate(words):
        kind = ("ROOT", "VERB", "VBD", "say") if i == cue else \
            ("nsubj", "PROPN", "NNP", w) if i == speaker else \
            ("punct", "PUNCT", w, w) if not w.isalpha() else ("dep", "ADV", "RB", w)
        for column, value in zip((deps, pos, tags, lemmas), kind):
            column.append(value)
    spaces = [w != "“" and nxt not in (",", ".", ":", "”") for w, nxt in zip(words, words[1:] + [""])]
    return Doc(_vocab(), words=words, spaces=spaces, heads=[cue] * len(words),
               deps=deps, pos=pos, tags=tags, lemmas=lemmas)


QUOTED = ["“", "We", "win", ",", "”"]


def test_cue_after_finds_the_attribution_up_to_its_window_after_the_quotation():
    for fill, found in [(QUOTE_WINDOW_AFTER - 1, True), (QUOTE_WINDOW_AFTER, False)]:
        words = QUOTED + ["then"] * fill + ["said", "Khan", "."]
        doc = flat_doc(words, cue=words.index("said"), speaker=words.index("Khan"))
        ctx = context(doc)
        cue = ctx.cue_after(ctx.quotes[0])
        assert (cue is not None) == found, fill
        assert cue is None or cue.head.text == "said"


def test_cue_after_stops_at_the_end_of_the_sentence():
    words = QUOTED + ["then", ".", "said", "Khan", "."]
    ctx = context(flat_doc(words, cue=7, speaker=8))
    assert ctx.cue_after(ctx.quotes[0]) is None


def test_cue_before_finds_the_attribution_up_to_its_window_before_the_colon():
    for fill, found in [(QUOTE_WINDOW_BEFORE - 2, True), (QUOTE_WINDOW_BEFORE - 1, False)]:
        words = ["Khan", "said"] + ["then"] * fill + [":", "“", "We", "win", ".", "”"]
        ctx = context(flat_doc(words, cue=1, speaker=0))
        cue = ctx.cue_before(ctx.quotes[0])
        assert (cue is not None) == found, fill
        assert cue is None or cue.head.text == "said"


def test_cue_before_wants_a_colon_comma_or_dash_before_the_quotation():
    words = ["Khan", "said", "“", "We", "win", ".", "”"]
    ctx = context(flat_doc(words, cue=1, speaker=0))
    assert ctx.cue_before(ctx.quotes[0]) is None
