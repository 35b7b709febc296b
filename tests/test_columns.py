"""Which tokens hold one of a few words (claimx/columns.py), on hand-built Docs: the look-up by
bisection finds every token ``numpy.isin`` would, and no other."""
import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from helpers import _vocab, parsed

from claimx.columns import distinct_rows, heads_of, subtree_indices, tokens_with, word_hashes, words_after

SAID = parsed("She Said the firm said no.", """
  0 She       1 nsubj      PRON   PRP   she     O
  1 Said      1 ROOT       VERB   VBD   say     O
  2 the       3 det        DET    DT    the     O
  3 firm      4 nsubj      NOUN   NN    firm    O
  4 said      1 ccomp      VERB   VBD   say     O
  5 no        4 dobj       DET    DT    no      O
  6 .         1 punct      PUNCT  .     .       O
""")


def test_the_tokens_with_a_word_in_one_column():
    assert tokens_with(SAID, LOWER, word_hashes(frozenset({"said"}))) == [1, 4]
    assert tokens_with(SAID, LOWER, word_hashes(frozenset({"she", "firm"}))) == [0, 3]


def test_any_of_several_columns_may_hold_the_word():
    assert tokens_with(SAID, [LEMMA, LOWER], word_hashes(frozenset({"say", "no"}))) == [1, 4, 5]


def test_words_the_doc_lacks_find_nothing_and_nothing_is_looked_up_in_an_empty_doc():
    assert tokens_with(SAID, LOWER, word_hashes(frozenset({"zzzz", "aaaa"}))) == []
    assert tokens_with(SAID, LOWER, word_hashes(frozenset())) == []
    assert tokens_with(Doc(_vocab(), words=[]), LOWER, word_hashes(frozenset({"said"}))) == []


def test_the_same_tokens_as_numpy_isin_whatever_the_hashes():
    table = SAID.to_array(LOWER)
    for words in ({"said"}, {"."}, {"she", "no", "x"}, set(SAID.text.lower().split()) | {"zz"}):
        hashes = word_hashes(frozenset(words))
        assert tokens_with(SAID, LOWER, hashes) == numpy.flatnonzero(numpy.isin(table, hashes)).tolist()


def test_the_words_after_a_word_that_passes_the_test():
    doc = parsed("Mr. Fox met Fox and mr Lee.", """
  0 Mr.       1 compound   PROPN  NNP   Mr.     O
  1 Fox       2 nsubj      PROPN  NNP   Fox     O
  2 met       2 ROOT       VERB   VBD   meet    O
  3 Fox       2 dobj       PROPN  NNP   Fox     O
  4 and       3 cc         CCONJ  CC    and     O
  5 mr        6 compound   PROPN  NNP   mr      O
  6 Lee       3 conj       PROPN  NNP   Lee     O
  7 .         2 punct      PUNCT  .     .       O
""")
    assert words_after(doc, lambda w: w.strip(".") == "mr") == {"fox", "lee"}
    assert words_after(doc, lambda w: w == ".") == set()  # nothing after the last word
    assert words_after(Doc(_vocab(), words=[]), lambda w: True) == set()


def test_distinct_rows_group_the_rows_as_numpy_unique_does():
    table = numpy.array([[5, 1, 9], [2, 1, 9], [5, 1, 9], [5, 2, 9], [2, 1, 9], [7, 7, 7]], dtype="uint64")
    first, inverse = distinct_rows(table)
    rows, expected = numpy.unique(table, axis=0, return_inverse=True)
    assert (table[first] == rows).all()  # one row of each kind, sorted as numpy sorts them
    assert inverse.tolist() == expected.reshape(-1).tolist()
    assert first.tolist() == [1, 0, 3, 5]  # each kind's first occurrence


def test_distinct_rows_of_a_docs_columns_and_of_a_single_row():
    table = SAID.to_array([LOWER, LEMMA])
    first, inverse = distinct_rows(table)
    assert len(first) == 6  # "said" and "said" are one row: the same words, the same lemma
    assert inverse[1] == inverse[4] and len(set(inverse.tolist())) == 6
    assert [x.tolist() for x in distinct_rows(table[:1])] == [[0], [0]]
    huge = numpy.array([[2**64 - 1, 0], [0, 2**64 - 1], [2**64 - 1, 0]], dtype="uint64")  # no overflow
    assert distinct_rows(huge)[1].tolist() == [1, 0, 1]


def test_subtree_indices_are_the_subtrees_words_and_a_range_without_a_gap():
    for tok in SAID:
        got = subtree_indices(tok)
        assert isinstance(got, range) and set(got) == {t.i for t in tok.subtree}
    assert subtree_indices(SAID[4]) == range(2, 6)  # "the firm said no"


def test_a_subtree_with_a_gap_is_read_word_by_word():
    # a non-projective parse: "Talks" hangs on "failed", across the root "said"
    doc = Doc(_vocab(), words=["Talks", "said", "failed", "today"], heads=[2, 1, 1, 1],
              deps=["nsubj", "ROOT", "ccomp", "npadvmod"])
    assert (doc[2].left_edge.i, doc[2].right_edge.i) == (0, 2)
    got = subtree_indices(doc[2])
    assert not isinstance(got, range) and sorted(got) == [0, 2]
    assert set(subtree_indices(doc[1])) == {0, 1, 2, 3}
    assert heads_of(doc) == [2, 1, 1, 1]


NAMED = parsed("Gov. Ana Ruiz told AP: no", """
  0 Gov.      2 compound   PROPN  NNP   Gov.    O
  1 Ana       2 compound   PROPN  NNP   Ana     B-PERSON
  2 Ruiz      3 nsubj      PROPN  NNP   Ruiz    I-PERSON
  3 told      3 ROOT       VERB   VBD   tell    O
  4 AP        3 dobj       PROPN  NNP   AP      B-ORG
  5 :         3 punct      PUNCT  :     :       O
  6 no        3 dobj       DET    DT    no      O
""")


def test_the_text_of_a_doc_as_spacy_gives_it():
    from claimx.columns import doc_text

    for doc in (SAID, NAMED, Doc(_vocab(), words=[]), Doc(_vocab(), words=["a", "\n\n", "b"], spaces=[True, False, True])):
        assert doc_text(doc) == doc.text


def test_the_text_is_read_again_for_another_doc():
    from claimx.columns import doc_text, forget_columns

    assert doc_text(SAID) == "She Said the firm said no."
    assert doc_text(NAMED) == "Gov. Ana Ruiz told AP: no"
    forget_columns()
    assert doc_text(SAID) == "She Said the firm said no."


def test_the_low_bits_rule_out_no_token_that_holds_a_word():
    from claimx.columns import _low_bits_of

    hashes = word_hashes(frozenset({"said", "firm"}))
    low = _low_bits_of(hashes.tobytes())
    assert low.sum() <= 2 and all(low[int(h) & 0xFFFF] for h in hashes)
    assert tokens_with(SAID, LOWER, hashes) == [1, 3, 4]
