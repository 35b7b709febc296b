"""Which of the article's entities and proper nouns are people's names, where the tagger did not
say so: a person's name filed as an organisation or a place ("Eswar Prasad, a professor",
"Concord resident Whit Symms", "Fox News’s Ed Henry"), and names it tagged nowhere ("Cecile
Richards: ..." in a headline, "-Lynn Vavreck finds" in a list). Read for :class:`claimx.people.People`,
so that a later "Prasad" or "Mr. Symms" is named in full."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional


from spacy.tokens import Doc, Span

from .lexicon import Lexicon
from .speakers import _is_title, _strip_possessive

# The entity labels under which the tagger may file a person's name ("Brett O’Donnell" as an
# organisation, "Sean Hannity" as a place).
NOT_PERSON_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC"}
# Title words that describe no one by themselves ("former", "state"): no sign of a person.
MODIFIERS = {"former", "senior", "top", "state", "federal", "u.s.", "acting", "deputy", "assistant"}
# A first name glued to a dash before it: "-Lynn Vavreck" (a list item), "N.C.—Donald Trump"
# (a dateline), which the tokenizer keeps as one word.
GLUED = re.compile(r"(?<![A-Za-z0-9])[-–—]([A-Z][a-z]+)\b")
WORD = re.compile(r"[A-Z][\w’'-]*")


class Names:
    """The people's names of ``doc`` that no person entity holds."""

    def __init__(self, doc: Doc, lexicon: Lexicon, text: str):
        self.doc, self.lexicon, self.text = doc, lexicon, text
        self.words = lexicon.referents
        self._honoured: Optional[set] = None

    # ------------------------------------------------------------------ mistagged entities
    def person_span(self, ent: Span) -> Optional[Span]:
        """The part of an entity that is a person's name, or None: a person entity; of one not
        tagged a person's, two or
        three capitalised words, none an organisation's, after any title the entity took in
        ("Spokeswoman Haley Morris") and after an outlet's possessive ("National Review’s Ian
        Tuttle"); led by a common first name ("Brett O’Donnell"), or shown a person's by the
        article (:meth:`_shown_person`), or led by a rarer first name with a second sign (an
        outlet's possessive before it, a "he" or "she" in its sentence that no other person's
        name is in). "Morgan Stanley" and "Grant Thornton" stay organisations."""
        label = ent.label_
        if label == "PERSON":
            return ent
        if ent.end - ent.start < 2 or label not in NOT_PERSON_LABELS:
            return None
        doc, start, owned = self.doc, ent.start, False
        for i in range(ent.start, ent.end - 1):
            if doc[i].tag_ == "POS" or doc[i].text in ("’", "'"):
                start, owned = i + 1, True
        titled = False
        while start < ent.end - 1 and _is_title(doc[start].text, self.lexicon):
            start, titled = start + 1, True
        span = doc[start:ent.end]
        words = self.text[span.start_char:span.end_char].split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.lower() not in self.lexicon.organizations
                                               for w in words):
            return None
        first = words[0].lower()
        if first in self.words.first_names or titled or self._shown_person(span):
            return span
        if first in self.words.given_names and (owned or self._gendered_sentence(span)):
            return span
        return None

    def _shown_person(self, span: Span) -> bool:
        """Whether the article shows the name a person's: a noun only a person is in apposition
        to it ("Eswar Prasad, a professor", not "the suburb of Santa Catarina, a worker"; "its president,
        Rodrigo Duterte") or before it
        ("Concord resident Whit Symms"), or an honorific before its last word elsewhere ("Mr.
        Symms")."""
        root, doc = span.root, self.doc
        if root.dep_ == "appos" and self._person_noun(root.head):
            return True
        if root.dep_ not in ("pobj", "poss") and any(c.dep_ == "appos" and self._person_noun(c) for c in root.rights):
            return True
        if span.start > 0 and doc[span.start - 1].pos_ == "NOUN" and self._person_noun(doc[span.start - 1]):
            return True
        return _strip_possessive(doc[span.end - 1].text).lower() in self._honoured_words()

    def _person_noun(self, tok) -> bool:
        if tok.pos_ != "NOUN":
            return False
        word = tok.lower_
        return word in self.words.person_nouns or word in self.words.gender_words \
            or (_is_title(word, self.lexicon) and word not in MODIFIERS)

    def _honoured_words(self) -> set:
        """The words written after an honorific ("Mr. Symms": symms), read once from the text."""
        if self._honoured is None:
            text, self._honoured = self.text, set()
            for form in _honorific_forms(self.lexicon.honorifics):  # str.find: faster than a pattern
                at = text.find(form)
                while at >= 0:
                    word = WORD.match(text, at + len(form)) if at == 0 or not text[at - 1].isalnum() else None
                    if word:
                        self._honoured.add(_strip_possessive(word.group()).lower())
                    at = text.find(form, at + 1)
        return self._honoured

    def _gendered_sentence(self, span: Span) -> bool:
        """Whether the sentence of ``span`` has a "he" or "she" (or "his", "her") and no person
        entity: "Vanessa Iampaglia considered selling her eggs"."""
        sent = span.sent
        pronouns = self.words.pronoun_gender
        return any(t.lower_ in pronouns for t in sent if not span.start <= t.i < span.end) \
            and not any(e.label_ == "PERSON" for e in sent.ents)

    # ------------------------------------------------------------------ names tagged nowhere
    def untagged(self, names_at: list, taken: set) -> list:
        """People's names without any entity that :class:`~claimx.people.People` does not read
        itself, as its (start, name, head, titles) mentions, none at a start in ``taken``: a
        first name glued to a dash ("-Lynn Vavreck", "N.C.—Donald Trump") and a first name that
        modifies the surname ("Cecile Richards:" in a headline, parsed as an adjective)."""
        found = []
        doc, given = self.doc, self.words.given_names
        previous = None
        for tok in names_at:  # two proper nouns in a row, of no entity, the first not a compound
            left, previous = previous, tok
            if left is not None and left.i == tok.i - 1 and left.lower_ in given and not tok.ent_type \
                    and not left.ent_type and left.dep_ not in ("compound", "flat") and left.head.i == tok.i \
                    and left.text[:1].isupper() and tok.text[:1].isupper():
                found.append((left.idx, _strip_possessive(self.text[left.idx:tok.idx + len(tok)]), tok, set()))
        for match in GLUED.finditer(self.text):
            if match.group(1).lower() not in given:
                continue
            span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if span is None or span.end >= len(doc) or span.end - span.start != 1:
                continue
            nxt = doc[span.end]  # of any entity but a person's: "Morrow" may be a date
            if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and doc[span.start].ent_type_ != "PERSON" \
                    and nxt.lower_ not in self.lexicon.organizations and doc[span.start].whitespace_:
                found.append((match.start(1), match.group(1) + " " + _strip_possessive(nxt.text), nxt, set()))
        return [f for f in found if f[0] not in taken]



@lru_cache(maxsize=4)
def _honorific_forms(honorifics: frozenset) -> tuple:
    """"Mr. ", "Mr ", "Dr. ": each honorific as written before a name."""
    return tuple(h.capitalize() + end for h in sorted(honorifics) for end in (". ", " "))


def in_title_case(text: str, pos: int, memo: dict) -> bool:
    """Whether the line holding character ``pos`` is written in title case (a headline): most
    of its longer words capitalised."""
    start = text.rfind("\n", 0, pos) + 1
    if start not in memo:
        end = text.find("\n", pos)
        words = [w for w in text[start:end if end >= 0 else len(text)].split() if len(w) > 3 and w[0].isalpha()]
        memo[start] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    return memo[start]
