"""Each word's lemma: spaCy's lemmatizer, looked up by (form, part of speech, morphology).

spaCy's rule lemmatizer caches its answers by a token's form, part of speech and morphology, but
still visits every token from Python, which costs twice what the attribute ruler does. The
component here reads those three columns of the whole Doc at once, asks the pipeline's own
lemmatizer only about combinations it has not seen, and writes the lemmas back at once: the
same lemma for every token, by construction.

    nlp.add_pipe("claimx_lemmatizer", before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

#: The lemmatizer modes whose answer depends on nothing but form, part of speech and morphology.
MODES = ("rule", "lookup")


class TableLemmatizer:
    """Lemmatizes as ``lemmatizer`` (a spaCy Lemmatizer in a mode of MODES) does, from a table."""

    def __init__(self, lemmatizer, name: str = "claimx_lemmatizer"):
        if lemmatizer.mode not in MODES:
            raise ValueError(f"claimx_lemmatizer cannot stand in for a lemmatizer in mode "
                             f"{lemmatizer.mode!r} (only {', '.join(MODES)}); keep spaCy's")
        self.name, self.lemmatizer = name, lemmatizer
        self.overwrite = lemmatizer.overwrite
        self.table: dict[tuple, int] = {}  # (orth, pos, morph) -> lemma

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.arange(len(doc)) if self.overwrite else numpy.flatnonzero(rows[:, 3] == 0)
        if not len(todo):
            return doc
        table, strings = self.table, doc.vocab.strings
        lemmas = rows[:, 3].copy()
        for i, key in zip(todo.tolist(), map(tuple, rows[todo, :3].tolist())):
            lemma = table.get(key)
            if lemma is None:
                lemma = table[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("claimx_lemmatizer", default_config={"source": "lemmatizer"})
def make_lemmatizer(nlp: Language, name: str, source: str) -> TableLemmatizer:
    """The pipeline's lemmatizer named ``source``, applied from a table; put it in that
    lemmatizer's place (and remove it)."""
    return TableLemmatizer(nlp.get_pipe(source), name)


def use_table_lemmatizer(nlp: Language) -> None:
    """Put ``claimx_lemmatizer`` in the place of ``nlp``'s lemmatizer, if it has one it can
    stand in for."""
    if "lemmatizer" in nlp.pipe_names and nlp.get_pipe("lemmatizer").mode in MODES:
        nlp.add_pipe("claimx_lemmatizer", before="lemmatizer")
        nlp.remove_pipe("lemmatizer")
