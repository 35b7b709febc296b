"""Each word's lemma: spaCy's lemmatizer, looked up by (form, part of speech, morphology).

spaCy's rule lemmatizer caches its answers by a token's form, part of speech and morphology, but
still visits every token from Python, which costs twice what the attribute ruler does. The
component here reads those three columns of the whole Doc at once, works out a lemma only for
combinations it has not seen, and writes the lemmas back at once: the same lemma for every
token, by construction. A combination not seen is worked out by spaCy's own rules
(:class:`RuleLemmas`), with the word lists they look forms up in as sets.

    nlp.add_pipe("claimx_lemmatizer", before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
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
        self.lemmatize = lemmatizer.lemmatize
        if lemmatizer.mode == "rule" and getattr(type(lemmatizer), "rule_lemmatize", None) is Lemmatizer.rule_lemmatize:
            self.lemmatize = RuleLemmas(lemmatizer)

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
                lemma = table[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class RuleLemmas:
    """``Lemmatizer.rule_lemmatize`` of ``lemmatizer``, step by step, with its word indexes as
    sets: spaCy keeps each as a list and looks every form a rule makes up in it (57,000 nouns),
    which is most of what lemmatizing a new word costs. Membership alone is asked of them, so
    the lemmas are the same."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.by_pos: dict[str, tuple] = {}  # part of speech -> (any table, index, exceptions, rules)

    def tables(self, univ_pos: str) -> tuple:
        found = self.by_pos.get(univ_pos)
        if found is None:
            lookups = self.lemmatizer.lookups
            index, exceptions, rules = (lookups.get_table(name, {}).get(univ_pos) for name in
                                        ("lemma_index", "lemma_exc", "lemma_rules"))
            found = self.by_pos[univ_pos] = (any((index, exceptions, rules)), set(index or ()),
                                             exceptions or {}, rules or [])
        return found

    def __call__(self, token) -> list[str]:
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):  # spaCy's own, warning and all
            return self.lemmatizer.rule_lemmatize(token)
        string = token.text
        if self.lemmatizer.is_base_form(token):
            return [string.lower()]
        any_table, index, exceptions, rules = self.tables(univ_pos)
        if not any_table:
            return [string] if univ_pos == "propn" else [string.lower()]
        orig, string = string, string.lower()
        forms, oov_forms = [], []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return forms or oov_forms or [orig]


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
