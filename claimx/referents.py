"""Whom a speaker mention stands for, named as fully as the article allows: a surname ("Nair":
the Priya Nair named before), a pronoun ("she": the woman the narration last made a subject;
"I" in an interview's answer: the person interviewed), a title ("the senator": the person the
article gave that title) or an organisation's short form ("the company": the company named
before). What the article does not say stays unnamed (``name`` None), never a guess from
outside it."""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import LEMMA, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span as SpacySpan

from .lexicon import Lexicon
from .people import SUBJECTS, Known, People
from .speakers import SpeakerPhrase, _is_title, _strip_possessive

FIRST_PERSON = {"i", "me", "we", "us"}
# How far after "the judge" the article may name the judge it has not named yet ("As the judge
# read his decision ... U.S. District Judge Michael W. Mosman"), in characters: a paragraph or two.
CATAPHORA = 1500
RELATIVES = {"who", "which", "that"}
# How long ago, in characters, the one holder of a title must have been mentioned for "the
# senator" to be the untitled person of its own paragraph rather than that holder.
FAR_HOLDER = 1000
# "Officials at Homeland Security Investigations said": the organisation whose people speak
PEOPLE_OF = {"at", "of", "for", "from"}
ORG_ENTITIES = {"ORG"}


class NameResolver:
    """Resolves speaker mentions to the fullest name the article gives, in text order."""

    def __init__(self, doc: Doc, lexicon: Lexicon, in_quote=None, reported=(),
                 known: Optional[Known] = None):
        """``reported``: the (start, end) characters of the article's claims. ``known``: the
        people and organisations of the text before ``doc`` when it is a window of a longer text
        (:mod:`claimx.windows`), at offsets from its start."""
        self.doc, self.lexicon = doc, lexicon
        self.in_quote = in_quote or [False] * len(doc)
        self.people = People(doc, lexicon, self.in_quote, reported, known)
        self._organisations(known.orgs if known else [])

    def known(self) -> Known:
        """What the next window needs of this one's people and organisations (:mod:`claimx.windows`)."""
        known = Known.of(self.people)
        known.orgs = self.orgs
        return known

    # ------------------------------------------------------------------ organisations
    def _organisations(self, before: list) -> None:
        """The organisations the narration names, for "the company" and "it": (start char,
        name, lower-cased words, whether it is the subject of its sentence); ``before``: those
        of the text before the window."""
        doc, org_words = self.doc, self.lexicon.organizations | self.lexicon.referents.any_organization
        self.orgs = list(before)
        for ent in doc.ents:
            if ent.label_ in ORG_ENTITIES and not self.in_quote[ent.root.i]:
                name = _strip_possessive(ent.text)
                if name.lower().startswith("the "):
                    name = name[4:]
                self.orgs.append((ent.start_char, name, {w.lower() for w in name.split()}, _is_subject(ent.root)))
        # "the Clinton campaign", "Trump's campaign": a short form built on a name
        hashes = [doc.vocab.strings.add(w) for w in org_words]
        at = numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), hashes)).tolist() if len(doc) else []
        for i in at:
            head = doc[i]
            names = [c for c in head.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
            if not names or head.ent_type_ or self.in_quote[i]:
                continue
            first = min(c.left_edge.i for c in names)
            self.orgs.append((doc[first].idx, doc[first:i + 1].text, {head.lemma_.lower()}, _is_subject(head)))
        # "Twitter suspended 125,000 accounts": a name the tagger gave no entity, as a subject,
        # that names no person of the article
        for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist() if len(doc) else []:
            head = doc[i]
            bare = head.ent_type_ == "PERSON" and self.people.is_bare(head.text)
            if (head.ent_type_ and not bare) or head.dep_ not in SUBJECTS or self.in_quote[i] \
                    or (self.people.is_surname(head.lower_, tagged=True) and not bare) or not head.text[:1].isupper():
                continue
            first = min([c.i for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [i])
            name = doc[first:i + 1].text
            self.orgs.append((doc[first].idx, name, {w.lower() for w in name.split()}, True))
        # none that the article names as a person elsewhere ("Weiner" tagged as an organisation)
        self.orgs = sorted((o for o in self.orgs if self.people.is_bare(o[1]) or (
            not self.people.is_person(o[1]) and not self.people.is_surname(o[1].lower(), tagged=True))),
            key=lambda o: o[0])

    def _short_form(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase]) -> Optional[str]:
        """"the department": the last organisation named with that word ("the Labor
        Department"); "the company" may be any organisation the narration made a subject or
        quoted before."""
        pos, word = speaker.mention.start_char, speaker.head.lemma_.lower()
        for start, name, words, _ in reversed(self.orgs):
            if start < pos and word in words and name.lower() != word:  # "Bank executives": no name
                return name
        if word not in self.lexicon.referents.any_organization:
            return None
        return self._organisation_before(pos, earlier) or self._most_named_before(pos)

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

    def _org_subject_before(self, pos: int) -> Optional[tuple[int, str]]:
        return next(((start, name) for start, name, _, is_subject in reversed(self.orgs)
                     if is_subject and start < pos), None)

    def _organisation_before(self, pos: int, earlier: list[SpeakerPhrase], recent: int = 3) -> Optional[str]:
        """The organisation last made a subject or quoted in the paragraph of ``pos`` ("Officials
        at Homeland Security Investigations said ... the agency suggested"); else, of the last
        ``recent`` before it, the one named most often until then (the company the article is
        about, not one it compares)."""
        seen = [(start, name) for start, name, _, is_subject in self.orgs if is_subject and start < pos]
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

    def _is_short_form(self, speaker: SpeakerPhrase) -> bool:
        """"the company", "the federal agency": an organisation's word after "the", nothing else named."""
        words = [t for t in speaker.mention if not t.is_punct]
        head = speaker.head
        return len(words) > 1 and words[0].lower_ == "the" and head.pos_ == "NOUN" \
            and head.lemma_.lower() in (self.lexicon.organizations | self.lexicon.referents.any_organization) \
            and all(t.pos_ in ("DET", "ADJ") or (t.pos_ == "NOUN" and t.dep_ == "compound") for t in words[:-1]) \
            and words[-1].i == head.i

    # ------------------------------------------------------------------ resolving
    def full_name(self, name: str, pos: Optional[int] = None) -> str:
        return self.people.full_name(name, pos)

    def resolve(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase]) -> SpeakerPhrase:
        """Fill ``name`` and ``kind``; ``earlier`` holds the speakers already resolved, in order."""
        head = speaker.head
        lower = speaker.mention.text.lower()
        pos = speaker.mention.start_char
        named = _named_in_apposition(head)
        if named is not None:  # "a pollster, David Woodard, said": the person named
            speaker.name, speaker.kind = self.full_name(named, pos), "person"
        elif self._only_title(speaker.mention):
            self._title_holder(speaker, earlier)  # "the Minister", tagged as a name
        elif (speaker.kind in ("person", "unknown") and head.pos_ == "PROPN") or self._surname_as_noun(speaker):
            mention = _strip_possessive(speaker.mention.text)
            speaker.name = self.full_name(mention, pos)
            if speaker.name != mention or self.people.is_person(mention):
                speaker.kind = "person"  # "Nair later told reporters": a surname of the article
        elif lower in FIRST_PERSON:
            self._first_person(speaker)
        elif lower in self.lexicon.pronouns:
            found = self._antecedent(speaker, self.lexicon.pronouns[lower], earlier)
            if found is not None:
                speaker.name, speaker.kind = found
        elif self._is_short_form(speaker):
            speaker.name, speaker.kind = self._short_form(speaker, earlier), "organization"
        elif speaker.kind == "person":  # a title alone: "the minister"
            self._title_holder(speaker, earlier)
        elif speaker.kind in ("organization", "place", "group", "outlet") and (
                head.pos_ == "PROPN" or head.ent_type_ == "ORG"):
            mention = _strip_possessive(speaker.mention.text)
            single = len(mention.split()) == 1
            speaker.name = self.full_name(mention, pos) if single else _with_name_after(head, mention)
            if ((single and speaker.name != mention) or self.people.is_person(mention)) and speaker.kind != "outlet":
                speaker.kind = "person"  # "Weaver said", tagged as a place: the article's Jeff Weaver
        elif speaker.kind == "organization" and head.pos_ == "NOUN" \
                and any(t.pos_ == "PROPN" and t.dep_ in ("compound", "poss") for t in head.lefts):
            speaker.name = _without_article(speaker.mention)  # "the Clinton campaign"
        return speaker

    def _only_title(self, mention: SpacySpan) -> bool:
        words = [t for t in mention if t.dep_ != "det" and not t.is_punct]
        return bool(words) and all(_is_title(t.text, self.lexicon) for t in words)

    def _title_holder(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase]) -> None:
        """"the minister": of the people the article gave that title (before their name, in an
        apposition, as a speaker's role), the one mentioned last; else the one given it soon
        after; "the candidate", given to no one, the person the narration spoke of most of the
        last two it made subjects; else no name (null, not the title)."""
        pos = speaker.mention.start_char
        title = speaker.head.lower_.strip(".")
        speaker.kind = "person"
        holders = {prev.name for prev in earlier if prev.name and prev.role
                   and title in prev.role.lower() and prev.mention.start_char < pos}
        last = self.people.last_mentioned(holders | self.people.holders(title, pos), pos)
        speaker.name = self._subject_over_far_holder(pos, last) or (last and last[1]) \
            or next((prev.name for prev in reversed(earlier) if prev.name in holders), None) \
            or self.people.titled_after(title, pos, CATAPHORA)
        if speaker.name is None and title in self.lexicon.referents.subject_titles:
            speaker.name = self.people.salient_subject(pos)
        elif speaker.name is None and any(c.lower_ in self.lexicon.referents.former for c in speaker.head.lefts):
            speaker.name = self._former_holder(pos, earlier)

    def _subject_over_far_holder(self, pos: int, last: Optional[tuple[int, str]]) -> Optional[str]:
        """"Cruz defends his record in an ad: “...,” the senator says", the one senator the article
        titled (McCain) last mentioned paragraphs before: the person this paragraph made a
        subject since, if the article gives them no title (nothing says they hold another)."""
        if last is None or last[0] > pos - FAR_HOLDER:
            return None
        since = max(self.people.text.rfind("\n", 0, pos), last[0])
        subject = self.people.subject_before(pos)
        while subject and subject[0] > since and len(subject[1].split()) == 1:
            subject = self.people.subject_before(subject[0])  # "bona fides": no one's full name
        if subject and subject[0] > since and not self.people.titled(subject[1]):
            return subject[1]
        return None

    def _surname_as_noun(self, speaker: SpeakerPhrase) -> bool:
        """"O’Donnell said", the surname tagged as a common noun: one capitalised word that
        the article wrote before with a first name."""
        text = speaker.mention.text
        return len(speaker.mention) == 1 and text[:1].isupper() and self.full_name(text) != text

    def _former_holder(self, pos: int, earlier: list[SpeakerPhrase]) -> Optional[str]:
        """"the former CEO", given to no one: the person last quoted in the same paragraph
        ("Carly Fiorina said Monday. But, the former CEO added"), else the one the article is
        about; no one the article gives another title."""
        paragraph = self.people.text.rfind("\n", 0, pos)
        prev = next((s for s in reversed(earlier) if s.name and paragraph < s.mention.start_char < pos
                     and (s.kind == "person" or self.people.is_person(s.name)
                          or s.name.split()[0].lower() in self.lexicon.referents.first_names)), None)
        name = prev.name if prev else self.people.salient_subject(pos)
        return name if name and not self.people.titled(name) else None

    def _first_person(self, speaker: SpeakerPhrase) -> None:
        """"I" in the answer of an interview ("A: I think ...") is the person it interviews,
        named first; elsewhere it is the writer, or someone quoted, left unnamed."""
        if self.in_quote[speaker.head.i]:
            return
        text = self.people.text
        line = text[text.rfind("\n", 0, speaker.mention.start_char) + 1:speaker.mention.start_char].lstrip()
        if line[:2] in ("A:", "A.") and self.people.first():
            speaker.name, speaker.kind = self.people.first(), "person"

    def _antecedent(self, speaker, kinds, earlier):
        """The nearest earlier named speaker, or person (organisation) the narration made a
        subject, of a fitting kind and, for "he" and "she", gender."""
        pos = speaker.mention.start_char
        gender = self.lexicon.referents.pronoun_gender.get(speaker.mention.text.lower())
        prev = next((s for s in reversed(earlier)
                     if s.name and s.kind in kinds and s.mention.start_char < pos
                     and (s.kind != "person" or gender is None or self.people.gender(s.name) in (None, gender))), None)
        if kinds == {"person"}:
            # the last person of the pronoun's gender the narration made a subject; else the
            # last one mentioned at all ("Ann Lee met Tom Hart. He said ...")
            person = self.people.subject_before(pos, gender) or (
                self.people.mentioned_before(pos, gender) if gender and prev is None else None)
            if person and (prev is None or person[0] > prev.mention.start_char):
                return self.full_name(person[1], pos), "person"
        elif "organization" in kinds and "person" not in kinds:  # "it"
            org = self._org_subject_before(pos)
            if org and (prev is None or org[0] > prev.mention.start_char):
                return org[1], "organization"
        if prev is not None:
            return prev.name, prev.kind
        return None


def _is_subject(head) -> bool:
    """The subject of its clause, or the noun a subject relative stands for ("Monsanto, which
    opposed the bill")."""
    return head.dep_ in SUBJECTS or any(
        c.dep_ == "relcl" and any(k.dep_ in SUBJECTS and k.lower_ in RELATIVES for k in c.children)
        for c in head.rights) or (head.dep_ == "pobj" and head.head.lower_ in PEOPLE_OF
                                  and head.head.head.dep_ in SUBJECTS and head.head.head.pos_ == "NOUN")


def _named_in_apposition(head) -> Optional[str]:
    """The person's name in apposition to a common noun: "Another pollster, David Woodard, ..."."""
    if head.pos_ != "NOUN":
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
            words = [t for t in child.lefts if t.dep_ == "compound" and t.ent_type_ == "PERSON"] + [child]
            return _strip_possessive(head.doc[words[0].i:child.i + 1].text)
    return None


def _with_name_after(head, mention: str) -> str:
    """"the Center for Responsive Politics": the name goes on through "for" or "of" and the
    capitalised proper nouns right after it, which the mention left out."""
    doc, at = head.doc, head.i + 1
    if not mention.endswith(head.text) or at >= len(doc) or doc[at].lower_ not in ("of", "for") \
            or doc[at].head.i != head.i:
        return mention
    end = at + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return mention + " " + doc[at:end].text if end > at + 1 else mention


def _without_article(mention: SpacySpan) -> str:
    words = mention.text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("the", "a", "an") else mention.text
