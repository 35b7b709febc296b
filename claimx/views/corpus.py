"""Who is quoted across a corpus, and through which outlets: one row per speaker and one per
outlet, with the variants of a name merged across articles ("Donald Trump", "Donald J. Trump",
"Mr. Trump" and "Trump" are one speaker).

Within an article claimx already gives each speaker the fullest name the article uses. Across
articles, names are compared without honorifics, titles, initials and possessives, by first and
last name; a surname alone ("Trump") joins the one full name with that surname that carries most
of the claims made under any such name (more than half), and stays a row of its own when no
name does."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..lexicon import load as load_lexicon
from ..schema import Claim, Document

#: The row of claims whose speaker claimx could not find or name.
UNKNOWN = "(unknown speaker)"
#: Speaker kinds whose one-word names are never taken for a surname.
NOT_SURNAMES = frozenset({"place", "outlet", "group", "anonymous"})
_DETERMINERS = frozenset({"the", "a", "an"})
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_POSSESSIVE = re.compile(r"['’]s?$")


def _words(name: str) -> list[str]:
    words = [_POSSESSIVE.sub("", _EDGES.sub("", w)) for w in name.split()]
    return [w for w in words if w]


def name_key(name: str, person: bool = True) -> str:
    """The form two names of one speaker share: lower case, without a leading article or
    honorific ("Mr."), possessives, and for a ``person`` a leading title ("Sen.", "President");
    a person's name of three words or more is reduced to its first and last ("Hillary Rodham
    Clinton", "Donald J. Trump")."""
    lexicon = load_lexicon()
    words = _words(name)
    while len(words) > 1 and (words[0].lower() in _DETERMINERS
                              or words[0].lower().rstrip(".") in lexicon.honorifics
                              or person and words[1][:1].isupper() and _is_title(words[0], lexicon)):
        words = words[1:]
    if person and len(words) > 2 and all(w[:1].isupper() for w in words):
        words = [words[0], words[-1]]
    return " ".join(words).lower()


def _is_title(word: str, lexicon) -> bool:
    word = word.lower()
    return word in lexicon.titles or f"{word}." in lexicon.titles


def speaker_label(claim: Claim) -> Optional[str]:
    """The name a claim's speaker is counted under: the resolved name, else the words naming it
    unless they are only a pronoun; None when claimx found no speaker to name."""
    sp = claim.speaker
    if sp is None:
        return None
    if sp.name:
        return sp.name
    if sp.mention.lower() in load_lexicon().pronouns or sp.mention.lower() in {"you", "us", "me"}:
        return None
    return sp.mention


@dataclass
class _Tally:
    """What is known of one name (as ``name_key`` gives it) in the corpus."""

    claims: int = 0
    direct: int = 0
    spellings: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    outlets: Counter = field(default_factory=Counter)
    articles: set = field(default_factory=set)
    first: int = 0  # order of first appearance in the corpus

    def add(self, other: "_Tally") -> None:
        self.claims += other.claims
        self.direct += other.direct
        for mine, theirs in ((self.spellings, other.spellings), (self.kinds, other.kinds),
                             (self.roles, other.roles), (self.outlets, other.outlets)):
            mine.update(theirs)
        self.articles |= other.articles
        self.first = min(self.first, other.first)


@dataclass(frozen=True)
class SpeakerRow:
    """One speaker across the corpus. ``name`` is None for claims without a named speaker."""

    name: Optional[str]
    kind: str
    role: Optional[str]
    claims: int
    articles: int
    outlets: tuple
    direct_share: float
    variants: tuple  # every spelling merged into this row, most used first

    @property
    def label(self) -> str:
        return self.name or UNKNOWN


@dataclass(frozen=True)
class OutletRow:
    """One outlet across the corpus: the claims it carried, in how many articles, from whom."""

    name: str
    claims: int
    articles: int
    speakers: tuple  # (speaker label, claims), most cited first


def _most(counter: Counter, default=None):
    return counter.most_common(1)[0][0] if counter else default


class Corpus:
    """Speakers and outlets counted over documents, added one at a time (constant memory per
    document: only the tallies are kept)."""

    def __init__(self):
        self.names: dict[Optional[str], _Tally] = {}
        self._outlet_claims: Counter = Counter()
        self._outlet_articles: dict[str, set] = defaultdict(set)
        self._outlet_speakers: dict[str, Counter] = defaultdict(Counter)
        self._outlet_spelling: dict[str, Counter] = defaultdict(Counter)
        self.documents = 0
        self.claims = 0
        self._view: Optional[tuple] = None  # (merged, rows, labels), until the next add

    def add(self, document: Document) -> None:
        article = self.documents
        self.documents += 1
        self._view = None
        for claim in document.claims:
            self.claims += 1
            label = speaker_label(claim)
            key = None if label is None else name_key(label, claim.speaker.kind == "person")
            tally = self.names.get(key)
            if tally is None:
                tally = self.names[key] = _Tally(first=len(self.names))
            tally.claims += 1
            tally.direct += claim.type == "direct"
            tally.articles.add(article)
            if label is not None:
                tally.spellings[label] += 1
                tally.kinds[claim.speaker.kind] += 1
                if claim.speaker.role:
                    tally.roles[claim.speaker.role] += 1
            if claim.outlet is not None:
                outlet = claim.outlet.name.lower()
                tally.outlets[claim.outlet.name] += 1
                self._outlet_claims[outlet] += 1
                self._outlet_articles[outlet].add(article)
                self._outlet_speakers[outlet][key] += 1
                self._outlet_spelling[outlet][claim.outlet.name] += 1

    def _merge(self) -> dict:
        """Each name key -> the key of the row it is counted in (a surname -> its full name)."""
        by_surname: dict[str, list[str]] = defaultdict(list)
        for key, tally in self.names.items():
            if key and " " in key and _most(tally.kinds) == "person":
                by_surname[key.rsplit(" ", 1)[1]].append(key)
        merged = {}
        for key, tally in self.names.items():
            merged[key] = key
            if key and " " not in key and _most(tally.kinds) not in NOT_SURNAMES:
                claims = {c: self.names[c].claims for c in by_surname.get(key, [])}
                best = max(claims, key=lambda c: (claims[c], c), default=None)
                if best is not None and claims[best] * 2 > sum(claims.values()):
                    merged[key] = best
        return merged

    def view(self) -> tuple[dict, dict, dict]:
        """(name key -> row key, row key -> its merged tally, row key -> the row's name)."""
        if self._view is None:
            merged = self._merge()
            rows: dict = {}
            for key, tally in self.names.items():
                into = merged[key]
                if into not in rows:
                    rows[into] = _Tally(first=tally.first)
                rows[into].add(tally)
            labels = {k: _canonical(t.spellings, k) for k, t in rows.items() if k is not None}
            self._view = (merged, rows, labels)
        return self._view

    def speakers(self) -> list[SpeakerRow]:
        """One row per speaker, most claims first (then in order of first appearance)."""
        _, rows, labels = self.view()
        out = []
        for key, t in sorted(rows.items(), key=lambda kv: (-kv[1].claims, kv[1].first)):
            out.append(SpeakerRow(
                name=labels.get(key), kind=_most(t.kinds, "unknown"), role=_most(t.roles),
                claims=t.claims, articles=len(t.articles),
                outlets=tuple(o for o, _ in t.outlets.most_common()),
                direct_share=round(t.direct / t.claims, 3) if t.claims else 0.0,
                variants=tuple(s for s, _ in t.spellings.most_common())))
        return out

    def label_of(self, claim: Claim) -> Optional[str]:
        """The name of the row ``claim`` is counted in (None: no named speaker)."""
        label = speaker_label(claim)
        if label is None:
            return None
        merged, _, labels = self.view()
        return labels.get(merged.get(name_key(label, claim.speaker.kind == "person")), label)

    def outlets(self) -> list[OutletRow]:
        """One row per outlet, most claims first."""
        merged, _, labels = self.view()
        out = []
        for outlet, claims in sorted(self._outlet_claims.items(), key=lambda kv: (-kv[1], kv[0])):
            cited: Counter = Counter()
            for key, n in self._outlet_speakers[outlet].items():
                cited[labels.get(merged[key], UNKNOWN)] += n
            out.append(OutletRow(_most(self._outlet_spelling[outlet]), claims,
                                 len(self._outlet_articles[outlet]),
                                 tuple(sorted(cited.items(), key=lambda kv: (-kv[1], kv[0])))))
        return out


def _canonical(spellings: Counter, key: str) -> str:
    """The spelling a row is shown under: the most used spelling of its own key (a full name
    rather than the surnames merged into it), ties to the one met first."""
    own = Counter({s: n for s, n in spellings.items()
                   if key in (name_key(s, True), name_key(s, False))}) or spellings
    return max(own.items(), key=lambda kv: kv[1])[0] if own else key


def tally(documents: Iterable[Document]) -> Corpus:
    corpus = Corpus()
    for document in documents:
        corpus.add(document)
    return corpus
