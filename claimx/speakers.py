"""Attributing a speaker: from the token a cue points at to the words that name the speaker
(``mention``), their title (``role``), what kind of source they are, and the fullest name the
article gives them (pronouns, surnames and titles resolved)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from .lexicon import Lexicon

ENT_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
             "NORP": "group", "FAC": "place"}
# Left dependents that belong to the words naming a speaker.
NP_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "npadvmod"}
RELATIVE = {"who", "that", "which", "whom"}


@dataclass
class SpeakerPhrase:
    """A speaker found in the parse, before it is resolved to a name."""

    head: Token
    mention: SpacySpan
    role: Optional[str]
    kind: str
    name: Optional[str] = None


def entity_of(tok: Token) -> Optional[SpacySpan]:
    """The named entity ``tok`` belongs to, if any."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def noun_phrase(head: Token) -> SpacySpan:
    """The head with the words before it that name it ("Pakistan's Defence Minister Khawaja Asif"),
    without appositions, relative clauses and prepositional phrases."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    # "of" phrases that name the group: "one of her ads", "members of the team"
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "case") and child.i == end:
            end = child.i + 1
    doc = head.doc
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _is_title(words: str, lexicon: Lexicon) -> bool:
    return words.lower().strip(".") in lexicon.titles or words.lower() in lexicon.titles


def split_role(phrase: SpacySpan, lexicon: Lexicon) -> tuple[SpacySpan, Optional[str]]:
    """Split "Pakistan's Defence Minister Khawaja Asif" into the name and the role before it."""
    doc = phrase.doc
    head = phrase.root
    ent = entity_of(head)
    if ent is not None and ent.label_ == "PERSON":
        name_start = max(ent.start, phrase.start)
        # entities sometimes take in a title: "Spokeswoman Haley Morris"
        while name_start < ent.end - 1 and _is_title(doc[name_start].text, lexicon):
            name_start += 1
        # "Mr. Morgan", "Dr. Carson": an honorific is part of the name, not a role
        while name_start > phrase.start and doc[name_start - 1].lower_.strip(".") in lexicon.honorifics:
            name_start -= 1
        end = max(phrase.end, ent.end)
        if name_start > phrase.start:
            role = doc[phrase.start:name_start]
            role_text = role.text.strip(" ,")
            return doc[name_start:end], role_text or None
        return doc[name_start:end], None
    return phrase, None


def apposition(head: Token) -> Optional[str]:
    """The apposition that describes a speaker: "Brian Baker, a longtime political adviser"."""
    for child in head.rights:
        if child.dep_ == "appos":
            stop = child.i
            for t in child.subtree:
                if t.i > child.i and (t.dep_ == "relcl" or t.text in {",", ";", "—", "–"}):
                    break
                stop = t.i
            return head.doc[child.left_edge.i:stop + 1].text.strip(" ,") or None
    return None


def speaker_kind(phrase: SpacySpan, lexicon: Lexicon) -> str:
    head = phrase.root
    lower = head.lower_
    if lower in lexicon.pronouns:
        return "unknown"
    ent = entity_of(head)
    if ent is not None and ent.label_ in ENT_KINDS:
        return ENT_KINDS[ent.label_]
    if lower in lexicon.anonymous or head.lemma_.lower() in lexicon.anonymous:
        return "anonymous"
    if lower in lexicon.groups or head.lemma_.lower() in lexicon.groups:
        return "group"
    if lower in lexicon.organizations or head.lemma_.lower() in lexicon.organizations:
        return "organization"
    if _is_title(head.text, lexicon):
        return "person"
    if head.pos_ == "PROPN":
        return "person" if head.tag_ == "NNP" and head.ent_type_ == "PERSON" else "organization"
    return "unknown"


def make_speaker(head: Token, lexicon: Lexicon) -> SpeakerPhrase:
    phrase = noun_phrase(head)
    mention, role = split_role(phrase, lexicon)
    role = role or apposition(head)
    return SpeakerPhrase(head, mention, role, speaker_kind(mention, lexicon))


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


class NameResolver:
    """Resolves speaker mentions to the fullest name the article gives, in text order."""

    def __init__(self, doc: Doc, lexicon: Lexicon):
        self.lexicon = lexicon
        self.persons = []  # (start char, full name, surname)
        self.titled = []  # (start char, full name, lower-cased title words before the name)
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = [t for t in ent if not _is_title(t.text, lexicon) and not t.is_punct and not t.is_space]
            if not words:
                continue
            name = _strip_possessive(doc[words[0].i:words[-1].i + 1].text)
            if not name.split():
                continue
            self.persons.append((ent.start_char, name, name.split()[-1].lower()))
            # "Foreign Minister Ishaq Dar": the titles before the name, for "the minister"
            titles, i = set(), words[0].i - 1
            while i >= 0 and (_is_title(doc[i].text, lexicon) or doc[i].dep_ == "compound") and not doc[i].is_punct:
                titles.add(doc[i].lower_.strip("."))
                i -= 1
            if titles:
                self.titled.append((ent.start_char, name, titles))

    def full_name(self, name: str) -> str:
        if not name.split():
            return name
        last = name.split()[-1].lower()
        best = name
        for _, full, surname in self.persons:
            if surname == last and len(full) > len(best):
                best = full
        return best

    def resolve(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase]) -> SpeakerPhrase:
        """Fill ``name`` and ``kind``; ``earlier`` holds the speakers already resolved, in order."""
        head = speaker.head
        lower = speaker.mention.text.lower()
        if speaker.kind == "person" and head.pos_ == "PROPN":
            speaker.name = self.full_name(_strip_possessive(speaker.mention.text))
        elif lower in self.lexicon.pronouns:
            kinds = self.lexicon.pronouns[lower]
            found = self._antecedent(speaker, kinds, earlier)
            if found is not None:
                speaker.name, speaker.kind = found
        elif speaker.kind == "person":  # a title alone: "the minister"
            pos = speaker.mention.start_char
            title = head.lower_.strip(".")
            for prev in reversed(earlier):
                if prev.name and prev.role and title in prev.role.lower():
                    speaker.name = prev.name
                    break
            else:
                named = [name for start, name, titles in self.titled if start < pos and title in titles]
                if named:
                    speaker.name = self.full_name(named[-1])
        elif speaker.kind in ("organization", "place", "group", "outlet") and head.pos_ == "PROPN":
            speaker.name = _strip_possessive(speaker.mention.text)
        return speaker

    def _antecedent(self, speaker, kinds, earlier):
        """The nearest earlier named speaker, or person named in the text, of a fitting kind."""
        pos = speaker.mention.start_char
        prev = next((s for s in reversed(earlier)
                     if s.name and s.kind in kinds and s.mention.start_char < pos), None)
        if "person" in kinds and kinds == {"person"}:
            person = next(((start, name) for start, name, _ in reversed(self.persons)
                           if start < pos), None)
            if person and (prev is None or person[0] > prev.mention.start_char):
                return self.full_name(person[1]), "person"
        if prev is not None:
            return prev.name, prev.kind
        return None
