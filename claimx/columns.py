"""A Doc read as whole columns at once, so that the rest of the document is never read token by
token (a Token is built for each): which tokens hold one of a few words, the distinct rows of a
few columns, the words a token's subtree covers, the text."""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import HEAD, LOWER, ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

# The document whose heads were read last, its length, and each token's head (an index).
_HEADS: list = [None, -1, None]
# The document whose other columns were read last, its length, and {what: column}.
_READ: list = [None, -1, {}]
# Low bits of a word's hash, for the first test of :func:`tokens_with`.
_LOW_BITS = 16
_LOW_MASK = numpy.uint64((1 << _LOW_BITS) - 1)


@lru_cache(maxsize=64)
def word_hashes(words: frozenset) -> numpy.ndarray:
    """The hashes a Doc stores ``words`` under (as LEMMA, LOWER, ORTH...), sorted."""
    return numpy.array(sorted({get_string_id(w) for w in words}), dtype="uint64")


@lru_cache(maxsize=64)
def _low_bits_of(hashes: bytes) -> numpy.ndarray:
    """Which values of a hash's low bits one of ``hashes`` (a sorted uint64 array's bytes) has."""
    table = numpy.zeros(1 << _LOW_BITS, dtype=bool)
    table[(numpy.frombuffer(hashes, dtype="uint64") & _LOW_MASK).astype(numpy.intp)] = True
    return table


def tokens_with(doc: Doc, attrs, hashes: numpy.ndarray) -> list[int]:
    """Indices of the tokens of ``doc`` whose value of ``attrs`` (a spaCy attribute, or a list
    of them: any one may hold it) is one of ``hashes`` (sorted, as :func:`word_hashes` gives).
    The low bits of each value rule out most tokens at once; the rest are looked up by
    bisection (``numpy.isin`` sorts the column too: twice the time on news)."""
    if not len(doc) or not len(hashes):
        return []
    table = doc.to_array(attrs)
    maybe = _low_bits_of(hashes.tobytes())[(table & _LOW_MASK).astype(numpy.intp)]
    rows = numpy.flatnonzero(maybe.any(axis=1) if maybe.ndim > 1 else maybe)
    table = table[rows]
    at = numpy.searchsorted(hashes, table)
    at[at == len(hashes)] = 0  # past the largest hash: no match, compared with any
    found = hashes[at] == table
    return rows[found.any(axis=1) if found.ndim > 1 else found].tolist()


def words_after(doc: Doc, is_first) -> set:
    """The lower-case words of ``doc`` that follow one for which ``is_first(lower-case word)``
    holds ("Mr. Bloomberg": bloomberg), each distinct word asked about once."""
    if len(doc) < 2:
        return set()
    lower = doc.to_array(LOWER)
    strings = doc.vocab.strings
    distinct = numpy.unique(lower)
    first = [h for h in distinct.tolist() if is_first(strings[h])]
    if not first:
        return set()
    after = lower[1:][numpy.isin(lower[:-1], first)]
    return {strings[h] for h in numpy.unique(after).tolist()}


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


def forget_columns() -> None:
    _READ[:] = [None, -1, {}]
    forget_heads()


def _read(doc: Doc) -> dict:
    """What was read of ``doc``, if it is the document read last; else nothing yet."""
    if _READ[0] is not doc or _READ[1] != len(doc):
        _READ[:] = [doc, len(doc), {}]
    return _READ[2]


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once for the document read last, from the ORTH and SPACY columns (no
    Token is built)."""
    read = _read(doc)
    if "text" not in read:
        if not len(doc):
            read["text"] = ""
        else:
            table = doc.to_array([ORTH, SPACY])
            words = list(map(doc.vocab.strings.__getitem__, table[:, 0].tolist()))
            for i in numpy.flatnonzero(table[:, 1]).tolist():
                words[i] += " "
            read["text"] = "".join(words)
    return read["text"]


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
