"""A Doc read as whole columns at once, so that the rest of the document is never read token by
token (a Token is built for each): which tokens hold one of a few words, the distinct rows of a
few columns, the words a token's subtree covers."""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import HEAD, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

# The document whose heads were read last, its length, and each token's head (an index).
_HEADS: list = [None, -1, None]


@lru_cache(maxsize=64)
def word_hashes(words: frozenset) -> numpy.ndarray:
    """The hashes a Doc stores ``words`` under (as LEMMA, LOWER, ORTH...), sorted."""
    return numpy.array(sorted({get_string_id(w) for w in words}), dtype="uint64")


def tokens_with(doc: Doc, attrs, hashes: numpy.ndarray) -> list[int]:
    """Indices of the tokens of ``doc`` whose value of ``attrs`` (a spaCy attribute, or a list
    of them: any one may hold it) is one of ``hashes`` (sorted, as :func:`word_hashes` gives),
    looked up by bisection (``numpy.isin`` sorts the column too: twice the time on news)."""
    if not len(doc) or not len(hashes):
        return []
    table = doc.to_array(attrs)
    at = numpy.searchsorted(hashes, table)
    at[at == len(hashes)] = 0  # past the largest hash: no match, compared with any
    found = hashes[at] == table
    return numpy.flatnonzero(found.any(axis=1) if found.ndim > 1 else found).tolist()


def words_after(doc: Doc, is_first) -> set:
    """The lower-case words of ``doc`` that follow one for which ``is_first(lower-case word)``
    holds ("Mr. Bloomberg": bloomberg), each distinct word asked about once."""
    lower = doc.to_array(LOWER).tolist() if len(doc) else []
    strings = doc.vocab.strings
    first = {h for h in set(lower) if is_first(strings[h])}
    return {strings[b] for a, b in zip(lower, lower[1:]) if a in first}


def distinct_rows(table: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The distinct rows of ``table`` (a 2-D array of a Doc's columns) as (the index of each
    one's first occurrence, in the order of the rows sorted; for each row, which distinct row it
    is): ``numpy.unique(table, axis=0)`` sorts the rows as byte strings, four times slower on a
    Doc's columns than numbering the values of one column at a time, as here."""
    key = numpy.zeros(len(table), dtype="int64")
    for column in table.T:
        _, codes = numpy.unique(column, return_inverse=True)
        # renumbered after each column, the key stays below len(table): no overflow
        _, key = numpy.unique(key * (int(codes.max(initial=0)) + 1) + codes.reshape(-1), return_inverse=True)
    _, first, inverse = numpy.unique(key, return_index=True, return_inverse=True)
    return first, inverse.reshape(-1)


def heads_of(doc: Doc) -> list[int]:
    """The index of each token's head, read once for the document read last."""
    if _HEADS[0] is not doc or _HEADS[1] != len(doc):
        heads = (doc.to_array(HEAD).astype("int64") + numpy.arange(len(doc))).tolist() if len(doc) else []
        _HEADS[:] = [doc, len(doc), heads]
    return _HEADS[2]


def forget_heads() -> None:
    _HEADS[:] = [None, -1, None]


def subtree_indices(tok: Token):
    """The indices of the tokens of ``tok.subtree``, in no particular order (for ``in`` and
    sets): ``range(left edge, right edge + 1)`` when the subtree has no gap, which is so when
    every other token between its edges hangs on one inside them (following heads up from any
    of them stays inside and can only end at ``tok``); checked on the heads as a list, which
    costs less than building the Tokens of the subtree (or numpy, on the few words of most).
    A gap (a non-projective parse) takes the subtree token by token."""
    first, last, i = tok.left_edge.i, tok.right_edge.i, tok.i
    heads = heads_of(tok.doc)
    for j in range(first, last + 1):
        h = heads[j]
        if (h < first or h > last or h == j) and j != i:
            return [t.i for t in tok.subtree]
    return range(first, last + 1)
