"""Which organisation a short form stands for ("the company": the company the article named
before; "it": the organisation it last made a subject), from the organisations the narration
names, read once per article for :mod:`claimx.referents`."""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import LEMMA, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc

from .columns import tokens_with, word_hashes
from .lexicon import Lexicon
from .memo import entities
from .names import in_title_case
from .outlets import normalise
from .people import SUBJECTS, People
from .speakers import SpeakerPhrase, _strip_possessive

RELATIVES = {"who", "which", "that"}
# "Officials at Homeland Security Investigations said": the organisation whose people speak
PEOPLE_OF = {"at", "of", "for", "from"}
ORG_ENTITIES = {"ORG"}


class Organisations:
    """The organisations ``doc`` names, in text order, and whom a short form stands for."""

    def __init__(self, doc: Doc, lexicon: Lexicon, in_quote: list, people: People, before: list):
        """The organisations the narration names, for "the company" and "it": ``orgs`` holds
        (start char, name, lower-cased words, whether it is the subject of its sentence);
        ``before``: those of the text before the window (:mod:`claimx.windows`)."""
        self.doc, self.lexicon, self.in_quote, self.people = doc, lexicon, in_quote, people
        org_words = lexicon.organizations | lexicon.referents.any_organization
        text = people.text  # spans' texts sliced from it (Span.text builds every token)
        self.orgs = list(before)
        headlines: dict = {}  # line start -> whether the line is in title case
        for ent in entities(doc):
            if ent.label_ in ORG_ENTITIES and not self.in_quote[ent.root.i]:
                name = _strip_possessive(text[ent.start_char:ent.end_char])
                if name.lower().startswith("the "):
                    name = name[4:]
                if in_title_case(text, ent.start_char, headlines) and text.count(name) == 1:
                    continue  # "British Bank Abruptly Drops Russian Network": capitals tell no name
                self.orgs.append((ent.start_char, name, {w.lower() for w in name.split()}, is_subject(ent.root)))
        # "the Clinton campaign", "Trump's campaign": a short form built on a name
        for i in tokens_with(doc, LEMMA, word_hashes(org_words)):
            head = doc[i]
            names = [c for c in head.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
            if not names or head.ent_type_ or self.in_quote[i]:
                continue
            first = min(c.left_edge.i for c in names)
            self.orgs.append((doc[first].idx, text[doc[first].idx:head.idx + len(head)], {head.lemma_.lower()},
                              is_subject(head)))
        # "Twitter suspended 125,000 accounts": a name the tagger gave no entity, as a subject,
        # that names no person of the article
        for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist() if len(doc) else []:
            head = doc[i]
            bare = head.ent_type_ == "PERSON" and self.people.is_bare(head.text)
            if (head.ent_type_ and not bare) or head.dep_ not in SUBJECTS or self.in_quote[i] \
                    or (self.people.is_surname(head.lower_, tagged=True) and not bare) or not head.text[:1].isupper():
                continue
            first = min([c.i for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [i])
            name = text[doc[first].idx:head.idx + len(head)]
            self.orgs.append((doc[first].idx, name, {w.lower() for w in name.split()}, True))
        # none that the article names as a person elsewhere ("Weiner" tagged as an organisation)
        self.orgs = sorted((o for o in self.orgs if self.people.is_bare(o[1]) or (
            not self.people.is_person(o[1]) and not self.people.is_surname(o[1].lower(), tagged=True))),
            key=lambda o: o[0])
        self._named_short_forms(doc, org_words, text)  # a name given a short form is an organisation's
        self.orgs.sort(key=lambda o: o[0])

    def _named_short_forms(self, doc: Doc, org_words, text: str) -> None:
        """"the network, RT,", "the bank, NatWest": the organisation a short form is given the
        name of, in apposition, stands for that short form afterwards."""
        for i in tokens_with(doc, LEMMA, word_hashes(org_words)):
            head = doc[i]
            if self.in_quote[i] or head.pos_ != "NOUN":
                continue
            for child in head.rights:
                if child.dep_ != "appos" or child.pos_ != "PROPN" or child.ent_type_ == "PERSON":
                    continue
                first = min([c.i for c in child.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [child.i])
                name = _strip_possessive(text[doc[first].idx:child.idx + len(child)])
                self.orgs.append((doc[first].idx, name, {head.lemma_.lower()} | {w.lower() for w in name.split()},
                                  is_subject(head)))

    def short_form(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase]) -> Optional[str]:
        """"the department": the last organisation named with that word ("the Labor
        Department"); "the company" may be any organisation the narration made a subject or
        quoted before, but an outlet (which reports, rather than speaks) unless the word is an
        outlet's ("the network")."""
        pos, word = speaker.mention.start_char, speaker.head.lemma_.lower()
        for start, name, words, _ in reversed(self.orgs):
            if start < pos and word in words and name.lower() != word:  # "Bank executives": no name
                return name
        if word not in self.lexicon.referents.any_organization:
            return None
        found = self._organisation_before(pos, earlier) or self._most_named_before(pos)
        media = word in self.lexicon.outlet_context["descriptors"]
        return None if found and not media and normalise(found) in self.lexicon.outlets else found

    def fuller_name(self, word: str) -> Optional[str]:
        """"Valeant": the one longer name of an organisation the article writes that begins with
        ``word`` ("Valeant Pharmaceuticals International"), the longest of its forms."""
        longer = {name for _, name, _, _ in self.orgs if name.startswith(word + " ") and name[len(word) + 1:][:1].isupper()}
        if not longer or any(not a.startswith(b) and not b.startswith(a) for a in longer for b in longer):
            return None  # two organisations' names: "Apple Music", "Apple Pay"
        return max(longer, key=len)

    def outlet_before(self, pos: int, kind: str, earlier: list[SpeakerPhrase]) -> Optional[str]:
        """The outlet of ``kind`` ("newspaper") the article named or quoted last before ``pos``,
        by its name in the gazetteer: whom "the newspaper" stands for."""
        seen = [(start, name) for start, name, _, _ in self.orgs if start < pos]
        seen += [(s.mention.start_char, s.name) for s in earlier
                 if s.kind == "outlet" and s.name and s.mention.start_char < pos]
        for _, name in sorted(seen, reverse=True):
            entry = self.lexicon.outlets.get(normalise(name)) or self.lexicon.outlets.get(normalise("the " + name))
            if entry is not None and entry.kind == kind:
                return entry.name
        return None

    def _most_named_before(self, pos: int, least: int = 2) -> Optional[str]:
        """The organisation named most often before ``pos``, at least ``least`` times: whom "the
        bank" stands for when the narration has not yet made any a subject ("In the Wells Fargo
        scandal, ... The bank said"); of those named as often, the last."""
        counts: dict = {}
        for start, name, _, _ in self.orgs:
            if start < pos:
                counts[name] = counts.get(name, 0) + 1
        best = max(counts.values(), default=0)
        return next((name for start, name, _, _ in reversed(self.orgs)
                     if start < pos and counts[name] == best), None) if best >= least else None

    def subject_before(self, pos: int) -> Optional[tuple[int, str]]:
        return next(((start, name) for start, name, _, subject in reversed(self.orgs)
                     if subject and start < pos), None)

    def _organisation_before(self, pos: int, earlier: list[SpeakerPhrase], recent: int = 3) -> Optional[str]:
        """The organisation last made a subject or quoted in the paragraph of ``pos`` ("Officials
        at Homeland Security Investigations said ... the agency suggested"); else, of the last
        ``recent`` before it, the one named most often until then (the company the article is
        about, not one it compares)."""
        seen = [(start, name) for start, name, _, subject in self.orgs if subject and start < pos]
        seen += [(s.mention.start_char, s.name) for s in earlier
                 if s.kind == "organization" and s.name and s.mention.start_char < pos]
        seen.sort(reverse=True)
        if seen and seen[0][0] > self.people.text.rfind("\n", 0, pos):
            return seen[0][1]
        last: list = []
        for _, name in seen:
            if name not in last:
                last.append(name)
                if len(last) == recent:
                    break
        counts = {name: sum(1 for start, n, _, _ in self.orgs if n == name and start < pos) for name in last}
        return max(last, key=lambda name: counts[name]) if last else None

    def is_short_form(self, speaker: SpeakerPhrase) -> bool:
        """"the company", "the federal agency": an organisation's word after "the", nothing else named."""
        words = [t for t in speaker.mention if not t.is_punct]
        head = speaker.head
        return len(words) > 1 and words[0].lower_ == "the" and head.pos_ == "NOUN" \
            and head.lemma_.lower() in (self.lexicon.organizations | self.lexicon.referents.any_organization) \
            and all(t.pos_ in ("DET", "ADJ") or (t.pos_ == "NOUN" and t.dep_ == "compound") for t in words[:-1]) \
            and words[-1].i == head.i


def is_subject(head) -> bool:
    """The subject of its clause, the name in apposition to one ("NatWest's parent, the Royal
    Bank of Scotland Group, said"), or the noun a subject relative stands for ("Monsanto, which
    opposed the bill")."""
    if head.dep_ == "appos" and head.head.dep_ in SUBJECTS:
        return True
    return head.dep_ in SUBJECTS or any(
        c.dep_ == "relcl" and any(k.dep_ in SUBJECTS and k.lower_ in RELATIVES for k in c.children)
        for c in head.rights) or (head.dep_ == "pobj" and head.head.lower_ in PEOPLE_OF
                                  and head.head.head.dep_ in SUBJECTS and head.head.head.pos_ == "NOUN")
