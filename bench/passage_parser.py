"""Parsing only the paragraphs that can hold a claim or that a name needs: a measurement, not
a feature (claimx does not use it; see "What it does not keep" below).

The dependency parser is the costliest component claimx needs, and most paragraphs of an
article hold no claim. ``claimx_parser`` runs the trained parser on the paragraphs (lines) that
can hold one, leaving the others unparsed (``dep_ == ""``, each token its own head, as spaCy
leaves an unparsed token), with the same heads, labels and sentence starts as a parse of the
whole document. A paragraph is parsed when

- it holds a quotation mark, or a word that could be a cue (its form, or any lemma the
  lemmatizer could give it, starts a cue in the lexicon, or is "according");
- it is the first line (the headline rule reads its parse);
- a PERSON entity in it follows a word that is neither a title nor punctuation: the name
  resolver reads whether that word is a ``compound`` ("Army chief General Asim Munir").

Why the parse of a paragraph alone is the parse it has in the whole document: claimx_paragraphs
starts a sentence at every line, so the transition parser enters each paragraph with an empty
stack and cannot join it to its neighbours; its features there are its own tokens and, while it
ends a paragraph, the next two tokens (B0, B1) and whether the buffer holds two or more. So each
run of parsed paragraphs is parsed as a Doc of its own, followed by ``context`` tokens of what
comes after, with the rows of the whole document's ``doc.tensor`` (the shared tok2vec, which has
seen everything, is what the parser's listener reads at inference). The entity recogniser runs
before it (it reads nothing the parser or the tagger write).

    nlp = claimx.load_pipeline()
    use_passage_parser(nlp)

What it does not keep (bench/exactness.py measures it: 380 of 405 PolNeAR dev texts come
out identical, with 85% of their tokens parsed):
- The entity recogniser reads the parser's sentence starts (an entity cannot cross one), so
  moved before the parser, or run over unparsed paragraphs, it finds other entities where the
  parser would have split a sentence inside a name ("Make America Great Again").
- The parser can mark the second token of a paragraph as a sentence start while it is still
  ending the paragraph before (its Break transition), so a paragraph's parse depends on the
  end of the previous one, which is not parsed here.
And it does not pay on news: 79% of the tokens of PolNeAR dev are in a paragraph with a cue
word or a quotation mark, 85% with the names, and the parser is a sixth of the pipeline's time
(the entity recogniser, which must run everywhere, is two fifths).
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimx import lexicon as lexicon_module
from claimx.quotations import MARKS
from claimx.speakers import _is_title


class PassageParser:
    """Runs ``parser`` on the paragraphs of a Doc that can hold a claim (see the module)."""

    def __init__(self, nlp: Language, name: str, parser, context: int = 3):
        self.name, self.parser, self.context = name, parser, context
        self.vocab = nlp.vocab
        self.lexicon = lexicon_module.load()
        self.cue_words = _cue_words(self.lexicon)
        self.lemma_forms = _LemmaForms(nlp, self.cue_words)
        self.wanted: dict[int, bool] = {}  # orth -> whether a paragraph holding it is parsed

    # -------------------------------------------------------------------- running
    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int = 128):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._parse(batch)
                batch = []
        if batch:
            yield from self._parse(batch)

    def _parse(self, docs: list[Doc]) -> list[Doc]:
        whole, parts, plans = [], [], []
        for doc in docs:
            runs = self.runs(doc)
            if runs is None:
                whole.append(doc)
                plans.append(None)
            else:
                pieces = [doc[start:min(len(doc), end + self.context)].as_doc() for start, end in runs]
                parts.extend(pieces)
                plans.append((runs, pieces))
        if whole or parts:
            # one call, so the parser batches all of them together
            list(self.parser.pipe(whole + parts, batch_size=max(1, len(whole) + len(parts))))
        for doc, plan in zip(docs, plans):
            if plan is not None:
                _copy_parse(doc, *plan)
        return docs

    # ------------------------------------------------------------------ choosing
    def runs(self, doc: Doc):
        """The runs of paragraphs to parse as ``(start, end)`` token ranges, or None when the
        whole document is to be parsed."""
        n = len(doc)
        if n == 0:
            return None
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        bounds = starts + [n]
        paragraph = numpy.zeros(n, dtype="int64")
        paragraph[starts[1:]] = 1
        paragraph = numpy.cumsum(paragraph)  # token -> its paragraph's number
        keep = numpy.zeros(len(starts), dtype=bool)
        keep[0] = True  # the headline
        orths = doc.to_array(ORTH)
        unique, inverse = numpy.unique(orths, return_inverse=True)
        wanted = numpy.array([self._wanted(int(o)) for o in unique.tolist()], dtype=bool)[inverse]
        keep[numpy.unique(paragraph[wanted])] = True
        for i in self._name_words(doc):
            keep[paragraph[i]] = True
        if keep.all():
            return None
        runs = []
        for p in numpy.flatnonzero(keep).tolist():
            if runs and runs[-1][1] == bounds[p]:
                runs[-1] = (runs[-1][0], bounds[p + 1])
            else:
                runs.append((bounds[p], bounds[p + 1]))
        return runs

    def _wanted(self, orth: int) -> bool:
        found = self.wanted.get(orth)
        if found is None:
            text = self.vocab.strings[orth]
            found = bool(MARKS.search(text)) or self.lemma_forms.could_be_cue(text)
            self.wanted[orth] = found
        return found

    def _name_words(self, doc: Doc):
        """The words whose dependency label the name resolver reads: the first word before a
        PERSON entity's name (titles skipped) that is not punctuation (speakers.NameResolver)."""
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = [t for t in ent if not _is_title(t.text, self.lexicon) and not t.is_punct and not t.is_space]
            if not words:
                continue
            i = words[0].i - 1
            while i >= 0 and _is_title(doc[i].text, self.lexicon) and not doc[i].is_punct:
                i -= 1
            if i >= 0 and not doc[i].is_punct and not doc[i].is_space:
                yield i


def _copy_parse(doc: Doc, runs, pieces) -> None:
    """Write the parses of ``pieces`` (one per run, context after it included) into ``doc``;
    the tokens between runs stay unparsed, and keep the sentence starts they had."""
    before = doc.to_array(SENT_START)
    table = numpy.zeros((len(doc), 2), dtype="uint64")
    parsed = numpy.zeros(len(doc), dtype=bool)
    for (start, end), piece in zip(runs, pieces):
        got = piece.to_array([HEAD, DEP])[:end - start]
        heads = got[:, 0].astype("int64") + numpy.arange(end - start)
        if heads.min() < 0 or heads.max() >= end - start:
            raise ValueError("a parsed paragraph has a head outside its run")  # cannot happen
        table[start:end] = got
        parsed[start:end] = True
    doc.from_array([HEAD, DEP], table)
    after = doc.to_array(SENT_START)
    doc.from_array([SENT_START], numpy.where(parsed, after, before).astype("uint64"))


class _LemmaForms:
    """Whether any lemma the pipeline could give a word is a cue word: its form, lower-cased or
    not, what the lemmatizer's exceptions and suffix rules make of it for any part of speech,
    and what the attribute ruler sets."""

    def __init__(self, nlp: Language, cue_words: set):
        self.cue_words = cue_words
        self.exceptions, self.rules, self.lookup = {}, {}, None
        if "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            if lookups.has_table("lemma_exc"):
                self.exceptions = dict(lookups.get_table("lemma_exc").items())
            if lookups.has_table("lemma_rules"):
                self.rules = dict(lookups.get_table("lemma_rules").items())
            if lookups.has_table("lemma_lookup"):
                self.lookup = lookups.get_table("lemma_lookup")
        self.ruled = _ruler_lemma_words(nlp, cue_words)

    def could_be_cue(self, text: str) -> bool:
        lower = text.lower()
        forms = {text, lower}
        if lower in self.ruled:
            return True
        for table in self.exceptions.values():
            forms.update(table.get(lower, ()))
        for rules in self.rules.values():
            for old, new in rules:
                if lower.endswith(old):
                    forms.add(lower[:len(lower) - len(old)] + new)
        if self.lookup is not None and lower in self.lookup:
            forms.add(self.lookup[lower])
        return not forms.isdisjoint(self.cue_words)


def _ruler_lemma_words(nlp: Language, cue_words: set) -> set:
    """The lower-cased words of the attribute-ruler patterns that set a cue word as a lemma."""
    words = set()
    for name in ("attribute_ruler", "claimx_attribute_ruler"):
        if name not in nlp.pipe_names:
            continue
        for rule in nlp.get_pipe(name).patterns:
            if str(rule["attrs"].get("LEMMA", "")) in cue_words:
                for pattern in rule["patterns"]:
                    for token in pattern:
                        value = token.get("LOWER", token.get("ORTH"))
                        values = value.get("IN", []) if isinstance(value, dict) else [value]
                        words.update(str(v).lower() for v in values if v is not None)
    return words


def _cue_words(lexicon) -> set:
    """The words ``claimx.cues`` looks for as a token's lemma or form."""
    words = {"according"}
    for lemma in (*lexicon.verbs, *lexicon.nouns):
        first = lemma.split()[0]
        words |= {first, first.capitalize()}
    return words


@Language.factory("claimx_parser", default_config={"parser": "parser", "context": 3})
def make_passage_parser(nlp: Language, name: str, parser: str, context: int) -> PassageParser:
    """The pipeline's trained parser named ``parser``, run only on the paragraphs that can hold
    a claim; ``context``: how many tokens after each run of paragraphs it sees (two or more)."""
    return PassageParser(nlp, name, nlp.get_pipe(parser), context)


def use_passage_parser(nlp: Language) -> None:
    """Put claimx's own components in the place of the trained pipeline's parser and attribute
    ruler (same annotations where claimx reads them, less work), with the entity recogniser
    moved before the parser."""
    if "ner" in nlp.pipe_names:
        _move_before(nlp, "ner", "parser")
    nlp.add_pipe("claimx_parser", before="parser")
    nlp.remove_pipe("parser")


def _move_before(nlp: Language, name: str, before: str) -> None:
    """Move the component ``name`` (trained weights and all) to just before ``before``."""
    names = nlp.pipe_names
    if names.index(name) < names.index(before):
        return
    _, component = nlp.remove_pipe(name)
    # spaCy adds components by factory name: register this very instance under a name of its own
    factory = f"claimx_moved_{name}_{id(component)}"
    Language.component(factory, func=component)
    nlp.add_pipe(factory, name=name, before=before)
