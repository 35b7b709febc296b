"""The writer of an article, whom its own "I" stands for. An opinion piece or a first-person
article names its writer in a byline at its top ("By Jane Doe", "Jane Doe | Special to the
Ledger") or, more often, in a closing line about them ("Jane Doe is a senior fellow at ...",
"Jane Doe, a former ambassador, is the author of ...", "— Jane Doe writes about energy."). The
words of both are data: ``writer`` in ``models/referents.yaml``. An article that names no writer
so, or names two, has none: "I" there stays unnamed, never a guess."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .speakers import _is_title

#: The entity types a writer's name is never tagged with ("Reuters is a news agency").
NOT_A_PERSON = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW",
                "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}


def find_writer(doc: Doc, text: str, lexicon: Lexicon, in_quote=None) -> Optional[str]:
    """The writer the article names in a byline or a closing line about them, or None: none
    named, or two that are not the same person (a surname alone is the one named in full)."""
    paragraphs = _paragraphs(text)
    found = _byline_names(doc, text, paragraphs, lexicon) + _closing_names(doc, paragraphs, lexicon, in_quote)
    names = {name for name, _ in found}
    fullest = max(names, key=lambda n: len(n.split()), default=None)
    if fullest is None or any(n != fullest and not fullest.endswith(" " + n) for n in names):
        return None
    where = [span for _, span in found]
    if any(_written_elsewhere(text, name, where) for name in names):
        return None  # "Sanders is scheduled to speak": someone the article is about
    return fullest


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) characters of the text's non-empty lines, stripped."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if line.strip():
            start = m.start() + len(line) - len(line.lstrip())
            out.append((start, m.start() + len(line.rstrip())))
    return out


def _byline_names(doc: Doc, text: str, paragraphs, lexicon: Lexicon) -> list[tuple[str, tuple[int, int]]]:
    """The name of each byline among the first paragraphs (a whole line: "By Jane Doe"), if it
    is a person's: a known first name, or tagged as a person (not "By The Associated Press")."""
    writers = lexicon.referents.writer
    out = []
    for start, end in paragraphs[:writers.opening_paragraphs]:
        line = text[start:end]
        m = next((m for p in writers.bylines if (m := p.fullmatch(line))), None)
        if m is None:
            continue
        name = m.group("name")
        span = doc.char_span(start + m.start("name"), start + m.end("name"), alignment_mode="expand")
        first = name.split()[0].lower()
        if first in lexicon.referents.given_names or (span is not None and span.root.ent_type_ == "PERSON"):
            out.append((name, (start, end)))
    return out


def _closing_names(doc: Doc, paragraphs, lexicon: Lexicon, in_quote=None) -> list[tuple[str, tuple[int, int]]]:
    """The name of the writer in each closing line about them: the first sentence of one of
    the last paragraphs, whose subject is one person's name and whose verb tells who they are
    ("is a senior fellow", "writes about"), outside quotations."""
    writers = lexicon.referents.writer
    out = []
    for start, end in paragraphs[-writers.closing_paragraphs:]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span[0].sent
        if sent.start_char < start:
            continue  # a sentence from the paragraph before: no line of its own
        name = _bio_subject(sent.root, lexicon)
        if name is not None and not (in_quote and in_quote[sent.root.i]):
            out.append((name, (start, end)))
    return out


def _bio_subject(verb: Token, lexicon: Lexicon) -> Optional[str]:
    """The name that is the subject of ``verb`` in a line about a person: "be" with a noun after
    it ("Jane Doe is a fellow", not "Jane Doe is scheduled to"), or another verb of such a line
    ("writes about"); one person's name (not "Jane Doe and John Roe are"), a title before it
    left out ("Rep. Luis Ortega, D-N.M., was an early backer of ..."); else None."""
    writers = lexicon.referents.writer
    lemma = verb.lemma_.lower()
    if lemma not in writers.bio_verbs:
        return None
    if lemma == "be" and not any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PROPN" or any(c.dep_ in ("conj", "ccomp") for c in [*subj.children, *verb.children]):
        return None  # "Jane Doe and John Roe are ...", "Jane Doe writes that ...": a claim
    words = [subj]
    while words[0].i > 0 and (prev := verb.doc[words[0].i - 1]).pos_ == "PROPN" \
            and prev.head.i == subj.i and prev.dep_ in ("compound", "flat"):
        words.insert(0, prev)
    if any(not t.is_punct for t in verb.doc[verb.sent.start:words[0].i]):
        return None  # the line opens with the name: not "“...,” Jane Doe wrote"
    while len(words) > 1 and _is_title(words[0].text, lexicon):
        words.pop(0)
    given = len(words) > 1 and words[0].lower_ in lexicon.referents.given_names
    if any(not w.text[:1].isupper() for w in words) or subj.text.lower() in lexicon.outlets \
            or (subj.ent_type_ in NOT_A_PERSON and not given):
        return None  # "Reuters is a news agency"; "Glenn Reynolds", tagged an organisation, is a person
    return " ".join(w.text for w in words)


def _written_elsewhere(text: str, name: str, where: list[tuple[int, int]]) -> bool:
    """Whether ``name`` is written outside the lines that name the writer (``where``): a
    writer's own article speaks of them as "I", so a name it uses elsewhere is of someone it
    is about ("Sanders is scheduled to address the convention")."""
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text):
        if not any(s <= m.start() < e for s, e in where):
            return True
    return False
