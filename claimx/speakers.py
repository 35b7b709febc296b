"""Who speaks: from a cue to the token that names its speaker (``find_speaker``), from that token
to the words naming the speaker (``mention``), their title (``role``) and what kind of source
they are, and to the fullest name the article gives them (pronouns, surnames and titles
resolved)."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

import numpy
from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span as SpacySpan, Token

from . import outlets
from .lexicon import Lexicon
from .phrases import entity_of, noun_phrase

ENT_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
             "NORP": "group", "FAC": "place"}
RELATIVE = {"who", "that", "which", "whom"}
SUBJECT_DEPS = {"nsubj", "csubj"}


@dataclass
class SpeakerPhrase:
    """A speaker found in the parse, before it is resolved to a name."""

    head: Token
    mention: SpacySpan
    role: Optional[str]
    kind: str
    name: Optional[str] = None


# ------------------------------------------------------------ finding the speaker of a cue
def subject(verb: Token) -> Optional[Token]:
    """The subject of ``verb`` (the agent of a passive), resolving relative pronouns to
    the noun they stand for; None for an expletive ("there", the "it" of "it is clear that")."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            if c.lower_ == "there" or (c.lower_ == "it" and verb.lemma_ == "be"):
                return None
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return c
        if c.dep_ == "agent":
            pobj = next((k for k in c.children if k.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def find_speaker(ctx, verb: Token) -> Optional[Token]:
    """The head of the phrase naming who makes the claim that ``verb`` attributes, or None.
    ``ctx`` is the document's :class:`claimx.context.Context`."""
    in_quote = ctx.in_quote
    found = subject(verb)
    if found is not None:
        return None if in_quote[found.i] else found
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "Asked whether he would resign, the minister ...": the asker is unnamed
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and (
            plausible(verb.head, ctx.lexicon) or verb.tag_ == "VBG"):
        return verb.head  # "officials saying that ...", "an editor's note saying that ..."
    if verb.tag_ == "VBG" and verb.i > 0 and ctx.doc[verb.i - 1].text == ",":
        found = _subject_of_sentence(ctx, verb)
        if found is not None:
            return found
    # an infinitive, a conjoined verb or a participle takes the subject of the clause it hangs
    # on: "went out of his way to say", "continued by saying", "and added"
    for anc in verb.ancestors:
        if anc.pos_ in ("NOUN", "PROPN", "NUM"):
            break  # the cue is part of a noun phrase: "the decision to say"
        if anc.pos_ in ("VERB", "AUX") and not in_quote[anc.i]:
            found = subject(anc)
            if found is not None:
                return None if in_quote[found.i] else found
    return _adjacent_speaker(ctx, verb)


def _subject_of_sentence(ctx, verb: Token) -> Optional[Token]:
    """"..., warning that ...", "..., claiming ...": the participle tells more of what the
    subject of the sentence did, wherever the parser attached it."""
    root = verb.sent.root
    while True:
        found = subject(root)
        if found is not None and not ctx.in_quote[found.i] and found.i != verb.i:
            return found
        if root.dep_ != "conj" or root.head.i == root.i:
            return None
        root = root.head


def _adjacent_speaker(ctx, verb: Token) -> Optional[Token]:
    """A speaker standing next to a cue the parser left without a subject, as in the
    attribution after a quotation: "“...,” he wrote", "“...,” said Robert Reich, who ..."."""
    doc, lexicon = ctx.doc, ctx.lexicon
    before = verb.i - 1
    if before > 0 and doc[before].text == ",":
        # "Col. Steven Warren, a military spokesman in Baghdad, said": back over the apposition
        edge = doc[before - 1]
        while edge.head.i < edge.i and edge.head.right_edge.i <= before and edge.dep_ != "ROOT":
            edge = edge.head
        before = edge.i
    for i in (before, verb.i + 1):
        if not 0 <= i < len(doc) or ctx.in_quote[i]:
            continue
        tok = doc[i]
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            tok = tok.head
        if tok.pos_ == "PROPN" or (tok.pos_ == "PRON" and tok.lower_ in lexicon.pronouns
                                   and tok.lower_ not in ("it", "that", "which", "who")) \
                or (tok.pos_ == "NOUN" and plausible(tok, lexicon)):
            return tok
    return None


def plausible(tok: Token, lexicon: Lexicon) -> bool:
    """Whether a common noun or name can stand for a source: an entity, an anonymous source, a
    group, a title or an outlet."""
    lemma = tok.lemma_.lower()
    return (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or lemma in lexicon.anonymous
            or lemma in lexicon.groups or lemma in lexicon.titles or outlets.is_outlet_word(tok, lexicon))


def name_phrase(ctx, first: int, last: int) -> Optional[Token]:
    """The head of tokens ``first..last`` when they only name someone ("Commissioner Jane
    Doe", "the minister"), else None."""
    if last < first or last - first > 8:
        return None
    span = ctx.doc[first:last + 1]
    if any(t.pos_ in ("VERB", "AUX") or ctx.in_quote[t.i] or "\n" in t.text for t in span):
        return None
    head = span.root
    if head.pos_ == "PROPN" or (head.pos_ == "NOUN" and plausible(head, ctx.lexicon)):
        return head
    return None


# --------------------------------------------------- naming the speaker

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
    if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return "person"
    # a name the tagger gives no entity ("Ahmed thinks"): unknown until the article names it
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

    def __init__(self, doc: Doc, lexicon: Lexicon, in_quote=None):
        self.lexicon = lexicon
        # the people a pronoun can stand for: those the narration makes subjects ("Sanders went
        # first ... “...,” he said"), not those named inside a quotation or as an object
        self.subjects = []  # (start char, full name)
        in_quote = in_quote or [False] * len(doc)
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
            root = ent.root
            if root.dep_ in ("nsubj", "nsubjpass") and not in_quote[root.i]:
                self.subjects.append((ent.start_char, name))
            # "Foreign Minister Ishaq Dar": the titles before the name, for "the minister"
            titles, i = set(), words[0].i - 1
            while i >= 0 and (_is_title(doc[i].text, lexicon) or doc[i].dep_ == "compound") and not doc[i].is_punct:
                titles.add(doc[i].lower_.strip("."))
                i -= 1
            if titles:
                self.titled.append((ent.start_char, name, titles))
        self._untagged_names(doc, in_quote)

    def _index(self) -> None:
        """Looked up for every speaker: indexed, so that a long article is not read over and over."""
        self.persons.sort()
        self.titled.sort()
        self._longest: dict = {}  # surname -> the longest full name with it (the first of those)
        for _, full, surname in self.persons:
            if len(full) > len(self._longest.get(surname, "")):
                self._longest[surname] = full
        self._titled: dict = {}  # title word -> ([start chars], [names]) of the names it stood before
        for start, name, titles in self.titled:
            for title in titles:
                starts, names = self._titled.setdefault(title, ([], []))
                starts.append(start)
                names.append(name)

    def _untagged_names(self, doc: Doc, in_quote) -> None:
        """Names the tagger left without a person entity ("Mayor Ana Ruiz spoke ...", "said
        Jeff Weaver"), so that a later "Ruiz" or "Weaver" is named in full."""
        names_at = [doc[i] for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist()] if len(doc) else []
        for tok in names_at:  # the proper nouns only: the rest of the document is not read
            if tok.ent_type_ not in ("", "PERSON") or tok.dep_ == "compound":
                continue
            words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
            i = 0
            while i < len(words) - 1 and _is_title(words[i].text, self.lexicon):
                i += 1
            names = words[i:]
            if len(names) < 2 or any(t.ent_type_ not in ("", "PERSON") or not t.text[:1].isupper()
                                     for t in names) or names[-1].i - names[0].i != len(names) - 1:
                continue
            name = _strip_possessive(doc[names[0].i:names[-1].i + 1].text)
            self.persons.append((names[0].idx, name, names[-1].lower_))
            if tok.dep_ in ("nsubj", "nsubjpass"):
                self.subjects.append((names[0].idx, name))
            if i:
                self.titled.append((names[0].idx, name, {t.lower_.strip(".") for t in words[:i]}))
        self._index()
        # a surname alone as a subject ("Fiorina offered her own approach"), once the full
        # names are known
        for tok in names_at:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in self._longest \
                    and not in_quote[tok.i] and not any(c.dep_ == "compound" for c in tok.lefts):
                self.subjects.append((tok.idx, self.full_name(tok.text)))
        self.subjects.sort()
        self._subject_starts = [start for start, _ in self.subjects]

    def full_name(self, name: str) -> str:
        """The longest name the article gives a person of the same surname, else ``name``."""
        if not name.split():
            return name
        longest = self._longest.get(name.split()[-1].lower(), "")
        return longest if len(longest) > len(name) else name

    def resolve(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase]) -> SpeakerPhrase:
        """Fill ``name`` and ``kind``; ``earlier`` holds the speakers already resolved, in order."""
        head = speaker.head
        lower = speaker.mention.text.lower()
        if self._only_title(speaker.mention):
            self._title_holder(speaker, earlier)  # "the Minister", tagged as a name
        elif speaker.kind in ("person", "unknown") and head.pos_ == "PROPN":
            mention = _strip_possessive(speaker.mention.text)
            speaker.name = self.full_name(mention)
            if speaker.name != mention or self._is_person(mention):
                speaker.kind = "person"  # "Nair later told reporters": a surname of the article
        elif lower in self.lexicon.pronouns:
            kinds = self.lexicon.pronouns[lower]
            found = self._antecedent(speaker, kinds, earlier)
            if found is not None:
                speaker.name, speaker.kind = found
        elif speaker.kind == "person":  # a title alone: "the minister"
            self._title_holder(speaker, earlier)
        elif speaker.kind in ("organization", "place", "group", "outlet") and head.pos_ == "PROPN":
            mention = _strip_possessive(speaker.mention.text)
            speaker.name = self.full_name(mention) if len(mention.split()) == 1 else mention
            if speaker.name != mention and speaker.kind != "outlet":
                speaker.kind = "person"  # "Weaver said", tagged as a place: the article's Jeff Weaver
        return speaker

    def _only_title(self, mention: SpacySpan) -> bool:
        words = [t for t in mention if t.dep_ != "det" and not t.is_punct]
        return bool(words) and all(_is_title(t.text, self.lexicon) for t in words)

    def _is_person(self, name: str) -> bool:
        return any(full == name for _, full, _ in self.persons)

    def _title_holder(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase]) -> None:
        """"the minister": the last speaker with that title, or the last person the article
        gives it; else no name (null, not the title)."""
        pos = speaker.mention.start_char
        title = speaker.head.lower_.strip(".")
        speaker.kind = "person"
        for prev in reversed(earlier):
            if prev.name and prev.role and title in prev.role.lower():
                speaker.name = prev.name
                return
        starts, names = self._titled.get(title, ((), ()))
        before = bisect_left(starts, pos)  # the last name the title stood before
        speaker.name = self.full_name(names[before - 1]) if before else None

    def _antecedent(self, speaker, kinds, earlier):
        """The nearest earlier named speaker, or person named in the text, of a fitting kind."""
        pos = speaker.mention.start_char
        prev = next((s for s in reversed(earlier)
                     if s.name and s.kind in kinds and s.mention.start_char < pos), None)
        if "person" in kinds and kinds == {"person"}:
            before = bisect_left(self._subject_starts, pos)
            person = self.subjects[before - 1] if before else None
            if person and (prev is None or person[0] > prev.mention.start_char):
                return self.full_name(person[1]), "person"
        if prev is not None:
            return prev.name, prev.kind
        return None
