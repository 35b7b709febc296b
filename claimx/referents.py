"""Whom a speaker mention stands for, named as fully as the article allows: a surname ("Nair":
the Priya Nair named before), a pronoun ("she": the woman the narration last made a subject;
"I" in an interview's answer: the person interviewed), a title ("the senator": the person the
article gave that title) or an organisation's short form ("the company": the company named
before). What the article does not say stays unnamed (``name`` None), never a guess from
outside it."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc, Span as SpacySpan

from .descriptions import Descriptions
from .lexicon import Lexicon
from .organisations import Organisations
from .people import SUBJECTS, Known, People
from .speakers import SpeakerPhrase, _is_title, _strip_possessive
from .pronouns import ASKING, FIRST_PERSON, Pronouns
from .writers import find_writer

# How far after "the judge" the article may name the judge it has not named yet ("As the judge
# read his decision ... U.S. District Judge Michael W. Mosman"), in characters: a paragraph or two.
CATAPHORA = 1500
# How long ago, in characters, the one holder of a title must have been mentioned for "the
# senator" to be the untitled person of its own paragraph rather than that holder.
FAR_HOLDER = 1000


class NameResolver:
    """Resolves speaker mentions to the fullest name the article gives, in text order."""

    def __init__(self, doc: Doc, lexicon: Lexicon, in_quote=None, reported=(),
                 known: Optional[Known] = None, text: Optional[str] = None):
        """``reported``: the (start, end) characters of the article's claims. ``known``: the
        people and organisations of the text before ``doc`` when it is a window of a longer text
        (:mod:`claimx.windows`), at offsets from its start. ``text``: ``doc.text``, if read."""
        self.doc, self.lexicon = doc, lexicon
        self.in_quote = in_quote or [False] * len(doc)
        self.people = People(doc, lexicon, self.in_quote, reported, known, text)
        self.descriptions: Optional[Descriptions] = None  # read when a described title needs it
        self.organisations = Organisations(doc, lexicon, self.in_quote, self.people, known.orgs if known else [])
        self._writer: Optional[tuple[Optional[str]]] = None  # read when an "I" needs it
        self.pronouns = Pronouns(self)

    def known(self) -> Known:
        """What the next window needs of this one's people and organisations (:mod:`claimx.windows`)."""
        known = Known.of(self.people)
        known.orgs = self.organisations.orgs
        return known

    # ------------------------------------------------------------------ resolving
    def full_name(self, name: str, pos: Optional[int] = None) -> str:
        return self.people.full_name(name, pos)

    def resolve(self, speaker: SpeakerPhrase, earlier: list[SpeakerPhrase],
                content: tuple[int, int] = (0, 0)) -> SpeakerPhrase:
        """Fill ``name`` and ``kind``; ``earlier`` holds the speakers already resolved, in order;
        ``content``: the (start, end) characters of what the speaker says."""
        head = speaker.head
        lower = speaker.mention.text.lower()
        pos = speaker.mention.start_char
        named = _named_in_apposition(head, self.lexicon)
        if named is not None:  # "a pollster, David Woodard, said": the person named
            speaker.name, speaker.kind = self.full_name(named, pos), "person"
        elif self._outlet_word(speaker):  # "the newspaper wrote": the newspaper named before
            speaker.name = self.organisations.outlet_before(pos, self._outlet_word(speaker), earlier)
            speaker.kind = "outlet" if speaker.name else speaker.kind
        elif self._only_title(speaker.mention):
            self._title_holder(speaker, earlier)  # "the Minister", tagged as a name
        elif (speaker.kind in ("person", "unknown") and head.pos_ == "PROPN") or self._surname_as_noun(speaker):
            mention = _strip_possessive(speaker.mention.text)
            speaker.name = self.full_name(mention, pos)
            if speaker.name == mention and len(mention.split()) == 1:
                speaker.name = self.people.by_first_name(mention) or mention  # "Xi said": Xi Jinping
            fuller = self.organisations.fuller_name(mention) if speaker.name == mention and speaker.kind == "unknown" \
                and len(mention.split()) == 1 and not self.people.is_person(mention) else None
            if fuller:  # "Valeant said": the article's Valeant Pharmaceuticals International
                speaker.name, speaker.kind = fuller, "organization"
                return speaker
            if speaker.name != mention or self.people.is_person(mention):
                speaker.kind = "person"  # "Nair later told reporters": a surname of the article
        elif lower in FIRST_PERSON:
            self._first_person(speaker)
        elif lower in self.lexicon.pronouns:
            found = self.pronouns.antecedent(speaker, self.lexicon.pronouns[lower], earlier, content)
            if found is not None:
                speaker.name, speaker.kind = found
        elif self.organisations.is_short_form(speaker):
            speaker.name, speaker.kind = self.organisations.short_form(speaker, earlier), "organization"
        elif speaker.kind == "person" or self._describes_person(speaker):
            self._title_holder(speaker, earlier)  # a title alone, "the minister"; "the retired neurosurgeon"
        elif speaker.kind in ("organization", "place", "group", "outlet") and (
                head.pos_ == "PROPN" or head.ent_type_ == "ORG"):
            mention = _strip_possessive(speaker.mention.text)
            single = len(mention.split()) == 1
            speaker.name = self.full_name(mention, pos) if single else _with_name_after(head, mention)
            fuller = self.organisations.fuller_name(mention) if single and speaker.name == mention \
                and speaker.kind == "organization" and not self.people.is_person(mention) else None
            if fuller:
                speaker.name = fuller  # "Valeant said": the article's Valeant Pharmaceuticals International
            elif ((single and speaker.name != mention) or self.people.is_person(mention)) and speaker.kind != "outlet":
                speaker.kind = "person"  # "Weaver said", tagged as a place: the article's Jeff Weaver
        elif speaker.kind == "organization" and head.pos_ == "NOUN" \
                and any(t.pos_ == "PROPN" and t.dep_ in ("compound", "poss") for t in head.lefts):
            speaker.name = _without_article(speaker.mention)  # "the Clinton campaign"
        return speaker

    def _outlet_word(self, speaker: SpeakerPhrase) -> Optional[str]:
        """The kind of outlet "the newspaper", "the influential US daily" stands for: "the", an
        outlet's describing noun (not one an organisation's short form has: "the network") and no
        name ("the People's Daily newspaper" is named)."""
        words, head = [t for t in speaker.mention if not t.is_punct], speaker.head
        kind = self.lexicon.outlet_context["descriptors"].get(head.lower_)
        if kind is None or len(words) < 2 or words[0].lower_ != "the" or words[-1].i != head.i \
                or head.lemma_.lower() in self.lexicon.organizations | self.lexicon.referents.any_organization:
            return None
        named = any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP") for t in words[1:-1])
        return None if named else kind

    def _describes_person(self, speaker: SpeakerPhrase) -> bool:
        """"the retired neurosurgeon", "the Kentucky Republican": "the" and one person's noun
        or party, not a title (those are people already), nor a plural ("the Democrats")."""
        head, words = speaker.head, [t for t in speaker.mention if not t.is_punct]
        referents = self.lexicon.referents
        return speaker.kind in ("unknown", "group") and len(words) > 1 and words[0].lower_ == "the" \
            and head.tag_ in ("NN", "NNP") and words[-1].i == head.i \
            and (head.lower_ in referents.person_nouns or head.lower_ in referents.subject_titles
                 or head.lower_ in referents.description_conflicts)

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
            # the subject of this paragraph, else the one of the last two the article is about
            speaker.name = self._described_subject(speaker, pos, paragraph=True) or self.people.salient_subject(pos)
        elif speaker.name is None and any(c.lower_ in self.lexicon.referents.former for c in speaker.head.lefts):
            speaker.name = self._former_holder(pos, earlier)
        words = Descriptions.modifiers(speaker.mention, speaker.head)
        if speaker.mention[0].lower_ == "the" and (speaker.name is None or (
                last and last[1] == speaker.name and not _is_title(speaker.head.text, self.lexicon))):
            # a description, not an office: the one it was given, unless another was made a
            # subject since ("journalist Maria Hinojosa ... anchor Ilia Calderón reacted ...")
            nearer = self._described_subject(speaker, pos, words)
            if nearer and (speaker.name is None or self.people.last_mentioned({nearer}, pos)[0] > last[0]):
                speaker.name = nearer
        former = [t.lower_ for t in speaker.head.lefts if t.lower_ in self.lexicon.referents.former]
        if (words or former) and speaker.mention[0].lower_ == "the":  # "the Florida senator", not "a GOP strategist"
            speaker.name = self._described_holder(title, words, pos, speaker.name, speaker.mention, former)

    def _described_holder(self, title: str, words: list[str], pos: int, found: Optional[str],
                          mention: SpacySpan, former: list[str]) -> Optional[str]:
        """"The GOP presidential nominee", ``found`` by its title alone: if the article
        describes someone else with every one of ``words`` and gives them ``title`` (under any
        of its forms) and not ``found``, the one of those mentioned last before ``pos``, else
        the first given it soon after; else ``found``, unless the article describes ``found``
        with a word that never describes the same person ("Republican" for "Democratic"), or
        the words tell a holder apart (a place, a party; "former", ``former``, for one the
        article gives the title), the article describes ``found`` with none of them and with
        another state, or gives them "former" or another title: a wrong full name is worse than
        none."""
        forms = {title} | {f.strip(".") for f in self.lexicon.referents.title_aliases.get(title, ())}
        if self.descriptions is None:
            self.descriptions = Descriptions(self.people, self.lexicon.referents.description_aliases)
        fitting = {name for name in self.descriptions.described_with(words)
                   if name in self.people.holders(title, len(self.people.text) + 1)
                   or any(self.descriptions.fits(name, [form]) for form in forms)} if words else set()
        if fitting and found not in fitting:
            last = self.people.last_mentioned(fitting, pos)
            after = self.people.titled_after(title, pos, CATAPHORA)
            if last or after in fitting:
                return last[1] if last else after
        if not found or found in fitting:
            return found
        referents = self.lexicon.referents
        conflicting = {c for w in words for c in referents.description_conflicts.get(w, ())}
        telling = Descriptions.telling(mention, words, referents)
        current = former and found in self.people.holders(title, len(self.people.text) + 1)
        if current:
            telling += former  # "the former president", the one the article calls the president
        if any(self.descriptions.fits(found, [c]) for c in conflicting):
            return None
        if not telling or any(self.descriptions.fits(found, [w]) for w in telling):
            return found
        # described with none of the telling words: not the holder if the article gives them
        # another state ("the Florida senator", not "Sen. Ann Lee, R-Iowa"), "former" or title
        places = {w for w in telling if w in referents.places}
        elsewhere = places and any(self.descriptions.fits(found, [p]) for p in referents.places - places)
        titled_else = _is_title(title, self.lexicon) and title not in referents.subject_titles \
            and self.people.titled(found) and found not in set().union(
            *(self.people.holders(f, len(self.people.text) + 1) for f in forms))
        return None if elsewhere or titled_else or current else found

    def _described_subject(self, speaker: SpeakerPhrase, pos: int, words: list[str] = (),
                           paragraph: bool = False) -> Optional[str]:
        """"Ben Carson took an opportunity ... the retired neurosurgeon acknowledged", a
        description given to no one: the person the narration last made a subject, in this
        paragraph (``paragraph``) or the one before, named in full; not if the article brought
        in someone nameless with the same noun since ("a nurse ... The nurse later sued"). A
        title is an office: only someone the article describes with every telling one of
        ``words`` ("the Florida senator": "Marco Rubio, of Florida") and gives no other title."""
        head, text = speaker.head, self.people.text
        since = text.rfind("\n", 0, pos)
        if not paragraph:
            since = text.rfind("\n", 0, len(text[:since].rstrip()))  # the paragraph before
        heads = {start: h for start, _, h in self.people.mentions}
        subject = self.people.subject_before(pos)
        while subject and subject[0] > since and not _main_subject(heads.get(subject[0])):
            subject = self.people.subject_before(subject[0])  # "Ryan says no matter what Obama takes"
        if subject is None or subject[0] <= since or len(subject[1].split()) < 2:
            return None
        if subject[0] >= head.sent.start_char:
            return None  # "Clinton leads Sanders, but the socialist has vowed": another
        head_of = heads.get(subject[0])
        if head_of is not None and head_of.dep_ == "nsubjpass" and head_of.head.lemma_ in ASKING:
            return None  # "Trump was asked ... the moderator said": someone else asked
        at = bisect_left(self.people._mention_starts, subject[0] + 1)
        if any(full != subject[1] and h is not None and h.dep_ in SUBJECTS and _main_subject(h)
               for start, full, h in self.people.mentions[at:bisect_left(self.people._mention_starts, pos)]):
            return None  # another person a subject since, the narration's or not: either may be meant
        if re.search(rf"\b(?:an?|one|another)\s+(?:[\w’'-]+\s+){{0,3}}{re.escape(head.lower_)}\b",
                     text[since + 1:pos].lower()):
            return None
        if _is_title(head.text, self.lexicon) and head.lower_ not in self.lexicon.referents.subject_titles:
            telling = Descriptions.telling(speaker.mention, list(words), self.lexicon.referents)
            if self.descriptions is None:
                self.descriptions = Descriptions(self.people, self.lexicon.referents.description_aliases)
            if not telling or self.people.titled(subject[1]) or not self.descriptions.fits(subject[1], telling):
                return None
        return subject[1]

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
        the article wrote before with a first name (before: a long text's later windows are not
        read yet)."""
        text, pos = speaker.mention.text, speaker.mention.start_char
        if len(speaker.mention) != 1 or not text[:1].isupper():
            return False
        full = self.full_name(text, pos)
        return full != text and self.people.last_mentioned({full}, pos) is not None

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
        named first; elsewhere it is the writer (named by :meth:`as_writer`), or someone
        quoted, left unnamed."""
        if self.in_quote[speaker.head.i]:
            return
        text = self.people.text
        line = text[text.rfind("\n", 0, speaker.mention.start_char) + 1:speaker.mention.start_char].lstrip()
        if line[:2] in ("A:", "A.") and self.people.first():
            speaker.name, speaker.kind = self.people.first(), "person"

    def as_writer(self, speaker: SpeakerPhrase) -> SpeakerPhrase:
        """"I" (or "me") in the article's own words, not in a quotation and left unnamed, as the
        writer the article names in a byline or a closing line about them
        (:func:`claimx.writers.find_writer`): a copy of ``speaker`` so named, else ``speaker``.
        Asked once the claim is scored and the later pronouns resolved, so that the scorer
        weighs "I" as the pronoun it read and no "he" or "she" of the narration is the writer."""
        if speaker.name is not None or speaker.head is None or speaker.head.doc is not self.doc \
                or speaker.mention.text.lower() not in self.lexicon.referents.writer.pronouns \
                or self.in_quote[speaker.head.i]:
            return speaker
        if self._writer is None:
            self._writer = (find_writer(self.doc, self.people.text, self.lexicon, self.in_quote),)
        if self._writer[0] is None:
            return speaker
        return SpeakerPhrase(speaker.head, speaker.mention, speaker.role, "person", self._writer[0])


def _main_subject(head) -> bool:
    """Whether a subject's verb is its sentence's own (not "what Obama takes" in Ryan's
    sentence); a subject of an earlier window's text, unparsed, counts."""
    if head is None:
        return True
    verb = head
    while verb.dep_ in ("compound", "flat", "appos", "poss", "nsubj", "nsubjpass") and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _named_in_apposition(head, lexicon: Lexicon) -> Optional[str]:
    """The person's name in apposition to a common noun: "Another pollster, David Woodard, ...";
    also where the parser hung it on the thing an "of" after the noun names, which no person
    is ("The author of the book, Mitchell Zuckoff, said"; not "The aide of the governor, ...")."""
    if head.pos_ != "NOUN":
        return None
    of = [c for p in head.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
          if c.dep_ == "pobj" and c.pos_ == "NOUN" and not _is_title(c.text, lexicon)]
    for child in [c for h in [head] + of for c in h.rights]:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
            words = [t for t in child.lefts if t.dep_ == "compound" and t.ent_type_ == "PERSON"] + [child]
            return _strip_possessive(head.doc[words[0].i:child.i + 1].text)
    return _name_set_off(head)


def _name_set_off(head) -> Optional[str]:
    """A person's name between commas right after the noun's phrase, which the parser hung on
    something else ("wrote the American ambassador at the time, John E. Herbst."; "The editor I
    was talking to, Tim Grieve, said"); a phrase of time or place may stand between them."""
    doc, last = head.doc, head.right_edge.i + 1
    if last < len(doc) and doc[last].dep_ == "prep" and doc[last].right_edge.i - last <= 3:
        last = doc[last].right_edge.i + 1  # "at the time"
    i = next((j for j in range(head.i + 1, min(last, len(doc) - 1) + 1) if doc[j].text == ","), None)
    if i is None or i + 1 >= len(doc) or doc[i + 1].ent_type_ != "PERSON" or doc[i + 1].ent_iob_ != "B":
        return None
    end = i + 1
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    root = doc[end]
    after = doc[end + 1] if end + 1 < len(doc) else None
    if root.dep_ not in ("npadvmod", "appos", "dep") or root.head is head \
            or (after is not None and after.text not in (",", ".") and not after.is_sent_start):
        return None
    return _strip_possessive(doc[i + 1:end + 1].text)


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
