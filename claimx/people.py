"""Who the people of an article are: the fullest name it gives each ("Priya Nair" for a later
"Nair"), where each is mentioned, which of them the narration makes the subject of a sentence,
the titles it gives them ("Gov. John Kasich": governor) and, where it shows, whether a pronoun
for them is "he" or "she". Read once per article, for :mod:`claimx.referents`."""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from .columns import tokens_with, word_hashes
from .lexicon import Lexicon
from .memo import entities
from .names import Names, in_title_case
from .speakers import _is_title, _strip_possessive

SUBJECTS = ("nsubj", "nsubjpass")
QUOTE_MARKS = set("\"'“”‘’")
# A first name or an honorific says more of a person's gender than the pronouns around their
# name, which may be someone else's ("“He cares,” she said of Trump"): those count up to a cap.
NAME_WEIGHT, PRONOUN_CAP = 5, 4


def _subject(head: Token) -> bool:
    """The subject of its sentence, the name in apposition to it ("Another pollster, David
    Woodard, said") or its owner ("Sanders's role is under discussion, but he ..."), or a name
    the sentence opens with, set apart ("Clinton, though she praised Garland, ...")."""
    return head.dep_ in SUBJECTS or (head.dep_ in ("appos", "poss") and head.head.dep_ in SUBJECTS) \
        or (head.dep_ == "ROOT" and head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == ",")


def _narrated(people, head: Token, start: int) -> bool:
    """Whether the name at ``start`` is the narration's: not quoted, nor in a claim's content."""
    at = bisect_left(people._reported, (start + 1,))
    return not people.in_quote[head.i] and not any(a <= start < b for a, b in people._reported[max(0, at - 8):at])


def _sign(score: float) -> Optional[str]:
    return "male" if score > 0 else "female" if score < 0 else None


@dataclass
class Known:
    """What :class:`People` read of the text before a window of a longer text
    (:mod:`claimx.windows`), without the parse: each list and index as People keeps it, at
    character offsets from the window's start (before 0)."""

    by_surname: dict = field(default_factory=dict)  # surname -> [(start, full name)]
    longest: dict = field(default_factory=dict)  # surname -> the longest full name
    subject_full_starts: set = field(default_factory=set)
    names: set = field(default_factory=set)
    tagged_surnames: set = field(default_factory=set)
    mentions: list = field(default_factory=list)  # (start, full name, None)
    subjects: list = field(default_factory=list)  # (start, full name)
    titles: dict = field(default_factory=dict)  # title -> [(start, full name)]
    gender_scores: dict = field(default_factory=dict)  # full name -> score (see _genders)
    reported: list = field(default_factory=list)  # (start, end) of claims
    orgs: list = field(default_factory=list)  # claimx.referents.NameResolver.orgs

    @classmethod
    def of(cls, people: "People") -> "Known":
        """What the next window of the text needs of ``people`` and those before it (the offsets
        still their window's)."""
        return cls(people._by_surname, people._longest, people._subject_full_starts,
                   people._names, people._tagged_surnames, people.mentions, people.subjects,
                   people._titles, people._gender_scores, people._reported)

    def shifted(self, by: int) -> "Known":
        """The same, at offsets ``by`` characters on."""
        def moved(index: dict) -> dict:
            return {k: [(s + by, n) for s, n in v] for k, v in index.items()}

        return Known(moved(self.by_surname), dict(self.longest), {s + by for s in self.subject_full_starts},
                     set(self.names), set(self.tagged_surnames), [(s + by, n, None) for s, n, _ in self.mentions],
                     [(s + by, n) for s, n in self.subjects], moved(self.titles), dict(self.gender_scores),
                     [(a + by, b + by) for a, b in self.reported], [(o[0] + by,) + tuple(o[1:]) for o in self.orgs])


class People:
    """The people ``doc`` names, indexed by where they stand (character offsets)."""

    def __init__(self, doc: Doc, lexicon: Lexicon, in_quote=None, reported=(),
                 known: Optional[Known] = None, text: Optional[str] = None):
        """``reported``: the (start, end) characters of the article's claims, whose subjects are
        the reported speech's, not the narration's ("Trump said that Cruz is a liar").
        ``known``: what was read of the text before ``doc`` when it is a window of a long text.
        ``text``: ``doc.text``, when the caller has it (Doc.text joins every token: read once)."""
        self.doc, self.lexicon, self.text = doc, lexicon, doc.text if text is None else text
        self.words = lexicon.referents
        self.in_quote = in_quote or [False] * len(doc)
        self.before = known = known or Known()
        self._reported = sorted(known.reported + list(reported))
        # (start char, name as written, head token, title words before it) for every mention
        self._raw: list[tuple[int, str, Token, set]] = []
        names = Names(doc, lexicon, self.text)  # the names the tagger took for no person's
        for span in filter(None, map(names.person_span, entities(doc))):  # the person entities as they are
            self._add_entity(span)
        names_at = [doc[i] for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist()] if len(doc) else []
        self._untagged_names(names_at)
        self._raw += names.untagged(names_at, {r[0] for r in self._raw})
        self._index_surnames()
        self._mistagged(doc)
        self._surnames_alone(names_at)
        self._raw.sort(key=lambda r: r[0])
        self._names = {raw for _, raw, _, _ in self._raw} | known.names
        self._tagged_surnames = {self._surname(raw) for _, raw, head, _ in self._raw
                                 if head.ent_type_ == "PERSON"} | known.tagged_surnames
        self.mentions = [(start, self._full_with_honorific(name, start, before), head)
                         for start, name, head, before in self._raw]
        self._titles = self._titles_given()
        self._gender_scores = _genders(self, names_at)
        _take_in(self, known)

    # ------------------------------------------------------------------ reading the names
    def _add_entity(self, ent) -> None:
        doc, lexicon = self.doc, self.lexicon
        words = []
        for t in ent:
            if t.is_punct and t.i > ent.start and doc[t.i - 1].whitespace_:
                break  # "Deborah Jordan Reynolds - Santilli": two names the tagger joined
            if not _is_title(t.text, lexicon) and not t.is_punct and not t.is_space:
                words.append(t)
        if not words:
            return
        name = _strip_possessive(self.text[words[0].idx:words[-1].idx + len(words[-1])]).lstrip("-–—")  # "-Ann Ruiz"
        if not name.split():
            return
        # "Foreign Minister Ishaq Dar": the titles before the name, for "the minister"
        titles, i = set(), words[0].i - 1
        while i >= 0 and (_is_title(doc[i].text, lexicon) or doc[i].dep_ == "compound") and not doc[i].is_punct:
            titles.add(doc[i].lower_.strip("."))
            i -= 1
        self._raw.append((doc[words[0].i].idx, name, ent.root, titles))

    def _untagged_names(self, names_at: list) -> None:
        """Names the tagger left without a person entity ("Mayor Ana Ruiz spoke", "said Jeff Weaver")."""
        doc = self.doc
        starts = {r[0]: n for n, r in enumerate(self._raw)}
        for tok in names_at:  # the proper nouns only: the rest of the document is not read
            if tok.dep_ == "compound":
                continue
            words = [t for t in tok.lefts if t.dep_ in ("compound", "amod") and t.pos_ == "PROPN"] + [tok]
            while words[-1].i - words[0].i != len(words) - 1:
                words.pop(0)  # "CLEVELAND - Donald Trump": the dateline is no part of the name
            i = 0
            while i < len(words) - 1 and _is_title(words[i].text, self.lexicon):
                i += 1
            while i < len(words) - 1 and (words[i].is_stop or words[i].text.lower().endswith("ing")):
                i += 1  # "Without Bloomberg", "Asserting Clinton": a sentence's first word, not a name
            names = words[i:]
            if len(names) < 2 or not _as_name(names, self.words.first_names, self.lexicon.organizations) \
                    or names[-1].i - names[0].i != len(names) - 1:
                continue
            name = _strip_possessive(self.text[names[0].idx:names[-1].idx + len(names[-1])])
            found = (names[0].idx, name, tok, {t.lower_.strip(".") for t in words[:i]})
            if names[0].idx not in starts:
                self._raw.append(found)
            elif len(name) > len(self._raw[starts[names[0].idx]][1]):
                self._raw[starts[names[0].idx]] = found  # the entity took in part of the name only

    def _index_surnames(self) -> None:
        # surname -> [(start char, full name)] of the names written with more than a surname
        self._subject_full_starts = {start for start, name, head, _ in self._raw if len(name.split()) > 1
                                     and _subject(head) and _narrated(self, head, start)}
        self._subject_full_starts |= self.before.subject_full_starts
        self._by_surname: dict = defaultdict(list, {k: list(v) for k, v in self.before.by_surname.items()})
        # surname -> the longest full name with it (the first of those)
        self._longest: dict = dict(self.before.longest)
        headlines: dict = {}  # line start -> whether the line is in title case
        capitals = []  # names of a headline only: a full name only where the article gives no other
        for start, name, head, _ in sorted(self._raw, key=lambda r: r[0]):
            surname = self._surname(name)
            if len(name.split()) > 1 and _quoted_alone(self.text, start, name):
                continue  # "as ''Wilayat Twitter,'' or": a term in quotation marks, not a person's name
            if len(name.split()) > 1 and name.split()[0].lower() not in self.words.first_names \
                    and self.text.count(name) == 1 and in_title_case(self.text, start, headlines):
                capitals.append((start, name))  # "Senator Endorsed Trump, The ...": perhaps no name
                continue
            if len(name.split()) > 1:
                self._by_surname[surname].append((start, name))
            if len(name) > len(self._longest.get(surname, "")):
                self._longest[surname] = name
        for start, name in capitals:
            surname = self._surname(name)
            if not self._by_surname.get(surname):
                self._by_surname[surname].append((start, name))
                self._longest[surname] = max(name, self._longest.get(surname, ""), key=len)

    def _mistagged(self, doc: Doc) -> None:
        """A person's name the tagger took for something else here ("Mo Elleithee" as an
        organisation, "Weaver" as a place), where the article names that person elsewhere."""
        known = {raw for _, raw, _, _ in self._raw} | self.before.names
        for ent in entities(doc):
            name = _strip_possessive(self.text[ent.start_char:ent.end_char])  # ent.text, not rebuilt
            if ent.label_ != "PERSON" and (name in known or (len(name.split()) == 1 and self.is_surname(name.lower()))):
                self._raw.append((ent.start_char, name, ent.root, set()))

    def _surname(self, name: str) -> str:
        """"Joseph R. Biden Jr.": biden."""
        words = [w.lower() for w in name.split()]
        while len(words) > 1 and words[-1].strip(".,") in self.words.name_suffixes:
            words.pop()
        return words[-1] if words else ""

    def _surnames_alone(self, names_at: list) -> None:
        """A surname alone that the tagger gave no person entity ("Fiorina offered her own
        approach"), once the full names are known; a proper noun, or a capitalised word it took
        for another word ("Trump shot back", tagged a verb)."""
        doc = self.doc
        nouns = [doc[i] for i in tokens_with(doc, LOWER, word_hashes(frozenset(self._longest)))] \
            if len(doc) and self._longest else []
        for tok in names_at + [t for t in nouns if t.pos_ != "PROPN" and t.text[:1].isupper()]:
            if not tok.ent_type_ and tok.dep_ in SUBJECTS and tok.lower_ in self._longest \
                    and not any(c.dep_ == "compound" for c in tok.lefts):
                self._raw.append((tok.idx, tok.text, tok, set()))

    def full_name(self, name: str, pos: Optional[int] = None) -> str:
        """The fullest name the article gives the person written ``name`` ("Nair", "Mr. Clinton")
        at character ``pos``: of the longer names with that surname and its other words, of the
        gender an honorific tells, the one last made a subject before ``pos``, else the one
        written last before it, else the longest."""
        words = _strip_possessive(name).split()
        if not words:
            return name
        surname = self._surname(name)
        gender = self.words.gender_words.get(words[0].lower().strip(".")) if len(words) > 1 else None
        given = {w.lower().strip(".") for w in words[:-1] if not _is_title(w, self.lexicon)} \
            - self.lexicon.honorifics - set(self.words.gender_words) - {surname}
        fits = [(start, full) for start, full in self._by_surname.get(surname, ())
                if _fuller(full, name, self.lexicon) and given <= {w.lower().strip(".") for w in full.split()}
                and (gender is None or self.words.first_names.get(full.split()[0].lower(), gender) == gender)]
        if not fits:
            longest = self._longest.get(surname, "")
            return longest if _fuller(longest, name, self.lexicon) and not given and gender is None else name
        before = [f for f in fits if pos is None or f[0] < pos]
        if not before and gender is None and pos is not None and self._another_gender(surname, fits):
            return name  # "President Obama ... Mr. Obama and the first lady, Michelle Obama": not her
        subjects = [f for f in before if f[0] in self._subject_full_starts]
        if subjects:
            return subjects[-1][1]
        # none made a subject: the first the article wrote, the one it is about, not one it named
        # in passing since ("Hillary Clinton ... special counsel to President Bill Clinton")
        return (before[:1] or [max(fits, key=lambda f: len(f[1]))])[-1][1]

    def _full_with_honorific(self, name: str, start: int, before: set) -> str:
        """The full name of a surname written after a gendered honorific or title ("Mrs. Clinton",
        the honorific read apart): the one of that gender, if the article gives one."""
        said = [w for w in before if w in self.words.gender_words]
        if said and len(name.split()) == 1:
            full = self.full_name(f"{said[0]} {name}", start)
            if full.split()[-1] == name and len(full.split()) > 1 and full.split()[0].lower().strip(".") != said[0]:
                return full
        return self.full_name(name, start)

    def _another_gender(self, surname: str, fits: list) -> bool:
        """Whether the article writes ``surname`` with an honorific of a gender ("Mr. Obama")
        that none of the full names ``fits`` has by its first name: two people of one surname,
        one never named in full."""
        if not hasattr(self, "_honorific_genders"):
            self._honorific_genders = defaultdict(set)
            for _, raw, _, before in self._raw:
                words = raw.split()
                if len(words) == 2:
                    before = before | {words[0].lower().strip(".")}
                elif len(words) > 2:
                    continue
                for word in before:
                    if word in self.words.gender_words:
                        self._honorific_genders[self._surname(raw)].add(self.words.gender_words[word])
        said = self._honorific_genders.get(surname)
        if not said:
            return False
        named = {self.words.first_names.get(full.split()[0].lower()) for _, full in fits}
        return bool(said - named) and None not in named

    def by_first_name(self, word: str) -> Optional[str]:
        """"Xi" of "Xi Jinping", "Hillary": the one full name the article gives that begins with
        ``word`` (a name written with its family name first, or a first name alone), of a name
        the tagger took for a person's (not "Patriot Coal")."""
        if self._by_surname.get(word.lower()):
            return None  # a surname too ("Obama", as in "Obama Speech" and "Michelle Obama")
        found = {full for names in self._by_surname.values() for _, full in names
                 if full.split()[0].lower() == word.lower() and self._surname(full) in self._tagged_surnames}
        return found.pop() if len(found) == 1 else None

    def is_surname(self, word: str, tagged: bool = False) -> bool:
        """Whether ``word`` (lower-cased) is the surname of a person of the article (``tagged``:
        of a name the tagger took for a person's)."""
        return word in (self._tagged_surnames if tagged else self._longest)

    def is_person(self, name: str) -> bool:
        """Whether the article writes ``name`` as a person's name."""
        return name in self._names

    def is_bare(self, name: str) -> bool:
        """Whether ``name`` is one word the article writes as a person's but never with a
        first name, a title or a gender ("Twitter said ... it"): perhaps an organisation."""
        return len(name.split()) == 1 and name in self._names and self._longest.get(name.lower()) == name \
            and self.gender(name) is None and not self.titled(name)

    def first(self) -> Optional[str]:
        """The first person the article names (the subject of an interview's headline)."""
        return self.mentions[0][1] if self.mentions else None

    # ------------------------------------------------------------------ titles
    def _titles_given(self) -> dict:
        """title word -> the names given it before or in an apposition, each with where, aliases
        counted as the title they stand for ("Gov." as governor)."""
        aliases = defaultdict(set)
        for title, forms in self.words.title_aliases.items():
            for form in forms:
                aliases[form.strip(".")].add(title)
        given = defaultdict(list)
        for (start, _, head, before), (_, full, _) in zip(self._raw, self.mentions):
            for word in before | self._apposition_titles(head):
                for title in {word} | aliases.get(word, set()):
                    given[title].append((start, full))
        return given

    def _apposition_titles(self, head: Token) -> set:
        """"Ted Cruz, the Texas senator": the title words of an apposition."""
        found = set()
        for child in head.rights:
            if child.dep_ == "appos" and _is_title(child.text, self.lexicon):
                found.add(child.lower_.strip("."))
                found |= {t.lower_.strip(".") for t in child.lefts
                          if t.dep_ == "compound" and _is_title(t.text, self.lexicon)}
        return found

    def holders(self, title: str, pos: int) -> set:
        """The people given ``title`` before ``pos``."""
        return {full for start, full in self._titles.get(title, ()) if start < pos}

    def titled(self, name: str) -> bool:
        """Whether the article gives ``name`` a title ("Gov. John Kasich")."""
        return any(full == name for title, given in self._titles.items()
                   if _is_title(title, self.lexicon) for _, full in given)

    def titled_after(self, title: str, pos: int, within: int) -> Optional[str]:
        """The first person given ``title`` after ``pos``, within ``within`` characters."""
        after = [(start, full) for start, full in self._titles.get(title, ()) if pos < start <= pos + within]
        return min(after)[1] if after else None

    def last_mentioned(self, names: set, pos: int) -> Optional[tuple[int, str]]:
        for i in range(bisect_left(self._mention_starts, pos) - 1, -1, -1):
            if self.mentions[i][1] in names:
                return self.mentions[i][:2]
        return None

    def subject_before(self, pos: int, gender: Optional[str] = None) -> Optional[tuple[int, str]]:
        """The last person the narration made a subject before ``pos``, of ``gender`` if one is
        given (people whose gender does not show fit either)."""
        for i in range(bisect_left(self._subject_starts, pos) - 1, -1, -1):
            start, full = self.subjects[i]
            if (gender is None or self.gender(full) in (None, gender)) and not self._reported_apart(start, pos):
                return start, full
        return None

    def _reported_apart(self, start: int, pos: int) -> bool:
        """Whether character ``start`` stands in a claim's content that ``pos`` is not in."""
        for a, b in self._reported[:bisect_left(self._reported, (start + 1,))]:
            if a <= start < b and not a <= pos < b:
                return True
        return False

    def salient_subject(self, pos: int, recent: int = 2) -> Optional[str]:
        """Of the last ``recent`` people the narration made subjects before ``pos``, the one the
        article mentioned most until then: who "the candidate" is."""
        last: list = []
        for i in range(bisect_left(self._subject_starts, pos) - 1, -1, -1):
            full = self.subjects[i][1]
            if full not in last and not self._reported_apart(self.subjects[i][0], pos):
                last.append(full)
                if len(last) == recent:
                    break
        if not last:
            return None
        counts = defaultdict(int)
        for _, full, _ in self.mentions[:bisect_left(self._mention_starts, pos)]:
            counts[full] += 1
        return max(last, key=lambda full: counts[full])  # the nearest of those mentioned as often

    def mentioned_before(self, pos: int, gender: str) -> Optional[tuple[int, str]]:
        """The last person of ``gender`` (as the article shows it) mentioned before ``pos``."""
        for i in range(bisect_left(self._mention_starts, pos) - 1, -1, -1):
            start, full, _ = self.mentions[i]
            if self.gender(full) == gender:
                return start, full
        return None

    def named_in(self, start: int, end: int) -> dict:
        """The people the narration mentions between characters ``start`` and ``end``: each
        full name, and where it is first mentioned there and by what token."""
        found: dict = {}
        for at, full, head in self.mentions[bisect_left(self._mention_starts, start):
                                            bisect_left(self._mention_starts, end)]:
            if head is None or not self.in_quote[head.i]:
                found.setdefault(full, (at, head))
        return found

    # ------------------------------------------------------------------ gender
    def gender(self, name: str) -> Optional[str]:
        return self._gender.get(name)


def _take_in(people: People, known: Known) -> None:
    """The subjects, titles, gender scores and mentions of the text before a window, before the
    window's own; then each person's gender and where the mentions stand (over the whole text:
    nothing taken in)."""
    people.subjects = known.subjects + [(start, full) for start, full, head in people.mentions
                                        if _subject(head) and not people.in_quote[head.i]]
    people._subject_starts = [s for s, _ in people.subjects]
    for title, given in known.titles.items():
        people._titles[title] = given + people._titles.get(title, [])
    for full, score in known.gender_scores.items():
        people._gender_scores[full] += score
    people._gender = {full: _sign(s) for full, s in people._gender_scores.items()}
    people.mentions = known.mentions + people.mentions  # the window's own read, all looked up
    people._mention_starts = [m[0] for m in people.mentions]


def _as_name(words: list, first_names: dict, org_words) -> bool:
    """Whether capitalised ``words`` read as a person's name: none tagged as anything else, or
    led by a common first name and holding no organisation's word ("Fox News’s Ed Henry",
    tagged as one organisation)."""
    if not all(t.text[:1].isupper() for t in words):
        return False
    return all(t.ent_type_ in ("", "PERSON") for t in words) or (
        words[0].lower_ in first_names and not any(t.lower_ in org_words for t in words))


def _quoted_alone(text: str, start: int, name: str) -> bool:
    """Whether the name at ``start`` fills a quotation by itself (''Wilayat Twitter,'')."""
    before = text[max(0, start - 2):start].rstrip()
    after = text[start + len(name):start + len(name) + 3].lstrip(",.;:!? ")
    return bool(before) and before[-1] in QUOTE_MARKS and after[:1] in QUOTE_MARKS


def _genders(people: People, names_at: list = ()) -> dict:
    """Each person's gender score (above 0: male; below 0: female), where the article shows it:
    a first name ("Hillary"), an honorific or gendered word before a name ("Mrs.",
    "spokeswoman"), and the pronouns of the sentences that speak of that person alone."""
    score: dict = defaultdict(float)
    for full in {full for _, full, _ in people.mentions}:
        first = full.split()[0].lower() if len(full.split()) > 1 else None
        if first in people.words.first_names:
            score[full] += NAME_WEIGHT if people.words.first_names[first] == "male" else -NAME_WEIGHT
    for (_, raw, head, before), (_, full, _) in zip(people._raw, people.mentions):
        for word in before | {raw.split()[0].lower().strip(".")} | _apposition_words(head):
            g = people.words.gender_words.get(word)
            if g:
                score[full] += NAME_WEIGHT if g == "male" else -NAME_WEIGHT
    for full, votes in _pronoun_votes(people, names_at).items():
        score[full] += max(-PRONOUN_CAP, min(PRONOUN_CAP, votes))
    return score


def _apposition_words(head: Token) -> set:
    """"Caroline, a resident and mother of two": the heads of an apposition."""
    return {c.lower_ for c in head.rights if c.dep_ == "appos"}


def _pronoun_votes(people: People, names_at: list = ()) -> dict:
    """+1 for each "he", -1 for each "she" of the narration in a sentence that names one
    person only ("Smith said she would run"), a surname of the article counting as its person
    wherever it stands ("Teachout decided to bypass Faso himself": two people). ``names_at``:
    the proper nouns of the Doc."""
    doc, votes = people.doc, defaultdict(float)
    if not len(doc) or not people.mentions:
        return votes
    pronouns = people.words.pronoun_gender
    at = tokens_with(doc, LOWER, word_hashes(frozenset(pronouns)))
    sent_starts = [s.start for s in doc.sents]
    named = defaultdict(set)  # sentence number -> people it names, outside quotations
    for _, full, head in people.mentions:
        if not people.in_quote[head.i]:
            named[bisect_left(sent_starts, head.i + 1) - 1].add(full)
    heads = {head.i for _, _, head in people.mentions}
    for tok in names_at:
        if tok.i not in heads and tok.lower_ in people._longest and tok.dep_ != "compound" \
                and not people.in_quote[tok.i]:
            named[bisect_left(sent_starts, tok.i + 1) - 1].add(people._longest[tok.lower_])
    said = defaultdict(float)  # sentence number -> he minus she, outside quotations
    for i in at:
        if not people.in_quote[i]:
            said[bisect_left(sent_starts, i + 1) - 1] += 1 if pronouns[doc[i].lower_] == "male" else -1
    for n, people in named.items():
        if len(people) == 1 and said.get(n):
            votes[next(iter(people))] += said[n]
    return votes


def _fuller(full: str, name: str, lexicon: Lexicon) -> bool:
    """Whether ``full`` says more than ``name``: it is longer, or has more words that are
    neither honorifics nor titles ("Tom Clarke" for "Mr. Clarke", as long in letters)."""
    def named(words: str) -> int:
        return sum(not _is_title(w, lexicon) and w.lower().strip(".") not in lexicon.honorifics
                   for w in words.split())
    return len(full) > len(name) or named(full) > named(name)
