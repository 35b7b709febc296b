"""Whom a pronoun stands for: "he" and "she" the person of that gender the narration last made
a subject, or the one a sentence about one person names ("... FBI Director James Comey's
statement. He called"); "it" the organisation last made a subject; "they" the people named
together, never one person; nobody when the article brought the person in without a name ("an
aide said. ... he added"). Read for :class:`claimx.referents.NameResolver`, whose titles and
full names it asks."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan

from .lexicon import Lexicon
from .people import SUBJECTS
from .speakers import SpeakerPhrase, _is_title

FIRST_PERSON = {"i", "me", "we", "us"}
# The words that bring in a person the article has not named before ("an aide said").
INDEFINITE = {"a", "an", "one", "another"}
# The owners that leave a person unnamed ("my father said"): the writer's.
NAMELESS_OWNERS = {"my", "our"}
QUOTES = "\"“”‘’'"
# The verbs of a speaker whose object answers them.
ASKING = {"ask", "question"}
# How far before a pronoun, in characters, a title made a subject may be its antecedent ("The
# senator frowned. She said"): a paragraph or so.
TITLED_SUBJECT = 600


class Pronouns:
    """The antecedents of one article's pronouns, for its :class:`claimx.referents.NameResolver`."""

    def __init__(self, resolver):
        self.resolver = resolver
        self.doc, self.lexicon, self.in_quote = resolver.doc, resolver.lexicon, resolver.in_quote
        self.people, self.organisations = resolver.people, resolver.organisations

    def _reported_subject(self, start: int, pronoun, content: int) -> bool:
        """Whether the subject at character ``start``, in what ``pronoun`` says from character
        ``content`` on, is one of the reported speech (“... -- that Lee is finished -- ...,” he
        says; "Lee fits the bill, he added"), not the narration's: a clause under another, not
        one the pronoun's own clause hangs on ("Lee laughed as he replied") nor one with a cue
        ("Lee acknowledged ..., he said"), and not one the narration opens before a quotation
        ("Lee saw it differently: “...,” he said")."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        said = self.people.text[content:pronoun.idx]
        if span is None or (any(q in said for q in QUOTES) and not any(q in said[:start - content] for q in QUOTES)):
            return False
        name = span[0]
        while name.dep_ in ("compound", "flat") and name.head is not name:
            name = name.head  # "Donald" of "Donald Trump"
        verb = name.head
        return verb.dep_ != "ROOT" and verb not in pronoun.ancestors and self.lexicon.verb(verb.lemma_) is None

    def _nameless_since(self, since: int, pos: int, gender: Optional[str], earlier: list[SpeakerPhrase]) -> bool:
        """Whether the last speaker between characters ``since`` and ``pos`` that is a person the
        article does not name is one it brings in so ("an aide", "one delegate": not "the
        author", whom it may have named) and its words fit ``gender``."""
        for s in reversed(earlier):
            if s.mention.start_char <= since:
                return False
            if s.mention.start_char >= pos or s.name is not None:
                continue
            if s.head is None or s.kind != "person" or s.mention[0].lower_ not in INDEFINITE \
                    or s.head.head.lemma_ in ASKING:
                return False  # "a reporter asked if ...": the one asked answers
            said = {self.lexicon.referents.gender_words.get(t.lower_) for t in s.mention} - {None}
            return gender is None or not said or said == {gender}
        return False

    def _answering(self, speaker: SpeakerPhrase) -> SpeakerPhrase:
        """The speaker a pronoun after ``speaker`` may stand for: the person it asked, if it asked
        someone the article names ("Hannity asked Trump ... “Forty feet,” he said": Trump)."""
        asked = _asked(speaker) if speaker.kind == "person" and speaker.head is not None \
            and speaker.head.doc is self.doc else None  # a speaker of an earlier window has no parse
        if asked is None or self.in_quote[asked.root.i]:
            return speaker
        return SpeakerPhrase(asked.root, asked, None, "person", self.resolver.full_name(asked.text, asked.start_char))

    def antecedent(self, speaker, kinds, earlier, content=(0, 0)):
        """The nearest earlier named speaker, or person (organisation) the narration made a
        subject, of a fitting kind and, for "he" and "she", gender; not a subject of what the
        pronoun says (“... -- that Lee is finished -- is wrong,” he says: not Lee) but that of
        its own sentence's clause ("Lee laughed as he replied")."""
        pos = speaker.mention.start_char
        if speaker.mention.text.lower() in self.lexicon.referents.plural_pronouns:
            return self._plural_antecedent(pos, kinds, earlier)
        gender = self.lexicon.referents.pronoun_gender.get(speaker.mention.text.lower())
        prev = next((s for s in map(self._answering, reversed(earlier))
                     if s.name and s.kind in kinds and s.mention.start_char < pos
                     and (s.kind != "person" or gender is None or self.people.gender(s.name) in (None, gender))), None)
        if kinds == {"person"}:
            relative = self._relative_antecedent(speaker.head, gender)
            if relative is not None:
                return relative, "person"  # "Deja Stewart, who forced me ... when she called him"
            # the last person of the pronoun's gender the narration made a subject; else the
            # last one mentioned at all ("Ann Lee met Tom Hart. He said ...")
            person = self.people.subject_before(pos, gender)
            while person and content[0] <= person[0] < content[1] \
                    and self._reported_subject(person[0], speaker.head, content[0]):
                person = self.people.subject_before(person[0], gender)
            person = person or (self.people.mentioned_before(pos, gender) if gender and prev is None else None)
            last = self._only_person_before(speaker, gender)
            if last and last[0] > max(person[0] if person else -1, prev.mention.start_char if prev else -1):
                person = last  # "... listening to FBI Director James Comey's statement. He called"
            since = max(person[0] if person else -1, prev.mention.start_char if prev else -1)
            if self._nameless_since(since, pos, gender, earlier):
                return None  # “...,” an aide said. “...,” he added: the aide, whom the article does not name
            if self._nameless_subject(speaker, since, gender):
                return None, "anonymous"  # "My father often said so. He also told ...": no name
            titled = self._titled_subject(speaker, since, gender, earlier, content)
            if titled is not None:
                return titled, "person"  # "Ann Lee ... The senator frowned. She said": the senator
            if person and (prev is None or person[0] > prev.mention.start_char):
                return self.resolver.full_name(person[1], pos), "person"
        elif "organization" in kinds and "person" not in kinds:  # "it"
            org = self.organisations.subject_before(pos)
            if org and (prev is None or org[0] > prev.mention.start_char):
                return org[1], "organization"
        if prev is not None:
            return prev.name, prev.kind
        return None

    def _only_person_before(self, speaker: SpeakerPhrase, gender: Optional[str]) -> Optional[tuple[int, str]]:
        """The one person the sentence before the pronoun's mentions ("... listening to FBI
        Director James Comey's statement. He called"), when that sentence is narration whose
        subject is no person ("He nodded to his finish behind Ted Cruz. He said": not Cruz) and
        the pronoun is the first person of its own sentence."""
        pronoun, doc = speaker.head, self.doc
        if pronoun is None or pronoun.doc is not doc or self.in_quote[pronoun.i] or pronoun.sent.start == 0:
            return None
        sent = pronoun.sent
        before = doc[sent.start - 1].sent
        if self.people.named_in(sent.start_char, pronoun.idx) or any(
                self.in_quote[t.i] or (t.dep_ in SUBJECTS and self._personal(t)) for t in before):
            return None
        named = self.people.named_in(before.start_char, before.end_char)
        if len(named) != 1:
            return None
        full, (at, head) = next(iter(named.items()))
        if head is None or head.ent_type_ != "PERSON" or self.people.gender(full) not in (None, gender) \
                or (len(full.split()) == 1 and sum(m[1] == full for m in self.people.mentions) == 1):
            return None  # "Nationally, a quarter of students ...": one word, once, is no one's name
        return at, full

    def _personal(self, t) -> bool:
        """Whether ``t`` speaks of a person: a name, a pronoun, a person's noun or a title."""
        words = self.lexicon.referents
        return t.pos_ == "PROPN" or bool(self.people.named_in(t.left_edge.idx, t.idx + 1)) or t.lower_ in words.pronoun_gender or t.lower_ in words.plural_pronouns \
            or t.lower_ in FIRST_PERSON or t.lower_ in words.person_nouns or _is_title(t.text, self.lexicon)

    def _titled_subject(self, speaker: SpeakerPhrase, since: int, gender: Optional[str],
                        earlier: list[SpeakerPhrase], content=(0, 0)) -> Optional[str]:
        """A title the narration made a subject after character ``since`` (where the antecedent
        found by name stands) and before the pronoun ("Ann Lee won. ... The senator's plan
        failed. She said": the senator's holder, a mention of that person), named as
        :meth:`_title_holder` names "the senator", if of the pronoun's ``gender``; not a title
        in what the pronoun says, nor in a claim's content the pronoun is not in."""
        pronoun, doc = speaker.head, self.doc
        if pronoun is None or pronoun.doc is not doc:
            return None
        floor = max(since, speaker.mention.start_char - TITLED_SUBJECT)
        for t in reversed(doc[:pronoun.i]):
            if t.idx <= floor:
                return None
            if not _titled_subject_token(t, self.lexicon) or self.in_quote[t.i] \
                    or content[0] <= t.idx < content[1] or self.people._reported_apart(t.idx, speaker.mention.start_char):
                continue
            phrase = SpeakerPhrase(t, doc[t.left_edge.i:t.i + 1], None, "person")
            self.resolver._title_holder(phrase, [e for e in earlier if e.mention.start_char < t.idx])
            title = t.lower_.strip(".")
            forms = {title} | {f.strip(".") for f in self.lexicon.referents.title_aliases.get(title, ())}
            holders = set().union(*(self.people.holders(f, len(self.people.text) + 1) for f in forms))
            if phrase.name in holders and self.people.gender(phrase.name) in (None, gender):
                return phrase.name  # one the article gave that title, not a description's guess
            return None  # the nearest titled subject names no one of that gender: nothing to say
        return None

    def _nameless_subject(self, speaker: SpeakerPhrase, since: int, gender: Optional[str]) -> bool:
        """Whether the narration made a subject, after character ``since`` (where the antecedent
        found by name stands) and in the pronoun's sentence or the one before, a person it does
        not name and brings in so ("one voter", "a partner", "my mother"), whose words fit the
        pronoun's ``gender``: the pronoun is that person, unnamed."""
        pronoun, doc = speaker.head, self.doc
        if pronoun is None or pronoun.doc is not doc:
            return False
        sent = pronoun.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        words = self.lexicon.referents
        for t in reversed(doc[start:pronoun.i]):
            if t.idx <= since:
                return False
            if t.dep_ not in SUBJECTS or t.pos_ != "NOUN" or self.in_quote[t.i] \
                    or not (t.lower_ in words.person_nouns or t.lower_ in words.gender_words):
                continue
            if not any(c.dep_ in ("det", "poss", "nummod") and c.lower_ in INDEFINITE | NAMELESS_OWNERS for c in t.children):
                return False  # "the nurse", "Lee's aide": perhaps someone the article named
            said = words.gender_words.get(t.lower_)
            return gender is None or said in (None, gender)
        return False

    def _relative_antecedent(self, pronoun, gender: Optional[str]) -> Optional[str]:
        """The person a relative clause the pronoun stands in hangs on, that clause's subject
        ("student Deja Stewart, who forced me to think when she called him old": Stewart;
        "an academic named Eric Kingson, who ... as he promised": Kingson,
        whoever the narration made a subject before), of the pronoun's ``gender`` as the
        article shows it or not shown; not a name in a quotation."""
        if pronoun is None or pronoun.doc is not self.doc:
            return None
        clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
        if clause is None or not any(c.dep_ in SUBJECTS and c.lower_ == "who" for c in clause.children):
            return None
        noun = clause.head
        named = [c for a in noun.children if a.dep_ == "acl" and a.lemma_ == "name"
                 for c in a.children if c.dep_ in ("oprd", "dobj") and c.pos_ == "PROPN"]
        noun = named[0] if named else noun  # "an academic named Eric Kingson, who ..."
        full = next((f for _, f, h in self.people.mentions if h is not None and h.doc is self.doc and h.i == noun.i), None)
        if full is None or self.in_quote[noun.i] or self.people.gender(full) not in (None, gender):
            return None
        return full

    def _plural_antecedent(self, pos: int, kinds, earlier: list[SpeakerPhrase]):
        """"they" stands for more than one: the nearest earlier named speaker of a fitting kind
        (an organisation, a group), or people the narration made a subject together just before
        ("Ann Lee and Tom Hart of Ohio State suggest ... they argue": both, joined by "and"); a
        single person never ("Ann Lee spoke. Aides disagreed, they said": people the article
        does not name, kind "anonymous")."""
        prev = next((s for s in reversed(earlier) if s.name and s.kind in kinds and s.mention.start_char < pos), None)
        together = self._named_together(pos)
        if together and (prev is None or together[0] > prev.mention.start_char):
            return together[1], "person"  # people, each named
        if prev is None:
            return None
        if prev.kind == "person" and prev.mention.text.lower() not in self.lexicon.referents.plural_pronouns:
            joined = self._joined(prev.head)
            return (joined, "person") if joined else (None, "anonymous")  # people it does not name
        return prev.name, prev.kind

    def _named_together(self, pos: int) -> Optional[tuple[int, str]]:
        """The people the narration last made a subject before ``pos``, if that subject names
        more than one ("Ann Lee and Tom Hart suggest"): where, and their full names joined."""
        subject = self.people.subject_before(pos)
        if subject is None:
            return None
        head = next((h for start, _, h in self.people.mentions if start == subject[0]), None)
        joined = self._joined(head)
        return (subject[0], joined) if joined else None

    def _joined(self, head) -> Optional[str]:
        """The full names of the person whose name ends at ``head`` and of the people conjoined
        to it ("Ann Lee, Tom Hart and Sam Hill"), joined by " and "; None for one person."""
        if head is None or head.doc is not self.doc:
            return None  # a mention of an earlier window has no parse
        heads = {h.i: full for _, full, h in self.people.mentions if h is not None and h.doc is self.doc}
        names, token = [], head
        while token is not None:
            full = heads.get(token.i)
            if full is None:
                break
            if full not in names:
                names.append(full)
            token = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
        return " and ".join(names) if len(names) > 1 else None


def _titled_subject_token(t, lexicon: Lexicon) -> bool:
    """Whether ``t`` is "the" + a title, the subject of its clause or its owner's ("The senator
    said", "The president's plan failed"), as a pronoun's antecedent may be."""
    if t.pos_ != "NOUN" or not _is_title(t.text, lexicon):
        return False
    if not (t.dep_ in SUBJECTS or (t.dep_ == "poss" and t.head.dep_ in SUBJECTS)):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)


def _asked(speaker: SpeakerPhrase) -> Optional[SpacySpan]:
    """The person named as the object of the speaker's "asked" ("Hannity asked Trump how high
    the wall would be"), who answers next."""
    cue = speaker.head.head
    if speaker.head.dep_ != "nsubj" or cue.lemma_ not in ASKING:
        return None
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
    if obj is None or obj.ent_type_ != "PERSON":
        return None
    words = [t for t in obj.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return obj.doc[(words[0] if words else obj).i:obj.i + 1]
