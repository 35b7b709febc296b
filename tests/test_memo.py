"""What the outlet rules read once of the document being read (claimx/memo.py): an answer per
token is worked out once for that document and lexicon, and afresh for another document, another
lexicon, or once the document's people are read again."""
from helpers import parsed

from claimx import memo

DOC = parsed("Mr. Fox said no.", """
  0 Mr.       1 compound   PROPN  NNP   Mr.     O
  1 Fox       2 nsubj      PROPN  NNP   Fox     B-PERSON
  2 said      2 ROOT       VERB   VBD   say     O
  3 no        2 dobj       DET    DT    no      O
  4 .         2 punct      PUNCT  .     .       O
""")
OTHER = parsed("Fox said no.", """
  0 Fox       1 nsubj      PROPN  NNP   Fox     B-ORG
  1 said      1 ROOT       VERB   VBD   say     O
  2 no        1 dobj       DET    DT    no      O
  3 .         1 punct      PUNCT  .     .       O
""")
LEXICON, OTHER_LEXICON = object(), object()


def counted():
    asked = []

    @memo.once_per_token
    def ask(tok, lexicon):
        asked.append((tok.doc, tok.i, lexicon))
        return tok.text

    return ask, asked


def test_each_token_is_asked_about_once_per_document():
    memo.forget_people()
    ask, asked = counted()
    assert [ask(DOC[1], LEXICON), ask(DOC[1], LEXICON), ask(DOC[2], LEXICON)] == ["Fox", "Fox", "said"]
    assert len(asked) == 2


def test_another_document_or_lexicon_is_asked_afresh():
    memo.forget_people()
    ask, asked = counted()
    ask(DOC[0], LEXICON)
    assert ask(OTHER[0], LEXICON) == "Fox"
    ask(OTHER[0], OTHER_LEXICON)
    ask(DOC[0], LEXICON)
    assert len(asked) == 4


def test_reading_the_people_again_forgets_the_answers():
    from claimx import lexicon

    memo.forget_people()
    ask, asked = counted()
    ask(DOC[1], LEXICON)
    memo.know_people(DOC, lexicon.load())
    ask(DOC[1], LEXICON)
    assert len(asked) == 2


def test_the_people_are_the_words_after_an_honorific_and_the_surnames_named_in_full():
    from claimx import lexicon

    memo.forget_people()
    own, _ = memo.know_people(DOC, lexicon.load(), mister={"jones"}, surnames={"lee"})
    assert own == {"fox"}
    mister, surnames = memo.people_of(DOC, lexicon.load())
    assert mister == {"fox", "jones"} and surnames == {"lee": [(-1, -1)]}
    memo.forget_people()


def test_a_documents_entities_are_read_once_and_anothers_afresh():
    ents = memo.entities(DOC)
    assert [(e.text, e.label_) for e in ents] == [("Fox", "PERSON")]
    assert memo.entities(DOC) is ents  # the same Spans, not built anew
    assert [(e.text, e.label_) for e in memo.entities(OTHER)] == [("Fox", "ORG")]
    assert memo.entities(DOC) is not ents and [e.label_ for e in memo.entities(DOC)] == ["PERSON"]


def test_forgetting_the_people_lets_go_of_the_document():
    from claimx.columns import _HEADS, heads_of

    memo.entities(DOC), heads_of(DOC)
    memo.forget_people()
    assert memo._ENTS[0] is None and _HEADS[0] is None
