"""Which of the article's people a described title fits: "the Florida senator" is the senator
the article wrote "Florida Sen. Marco Rubio" (not the Iowa senator it also quoted), "The GOP
presidential nominee" the person it called "Republican presidential nominee Donald Trump". The
words that describe each person (those just before their name, in an apposition to it) are
read once per article, the first time a title with such words needs them."""
from __future__ import annotations

from typing import Optional

# How many words before a name may describe it ("New Jersey Gov. Chris Christie"), and of
# which parts of speech.
BEFORE = 6
DESCRIBING = {"PROPN", "ADJ", "NOUN"}
# The entities whose words before a title tell its holders apart ("the Florida senator").
TELLING_ENTITIES = {"GPE", "NORP", "LOC"}


class Descriptions:
    """The words the article describes each of its people with, by full name."""

    def __init__(self, people, aliases: dict):
        """``people``: the article's :class:`claimx.people.People`; ``aliases``: word -> the
        words that count as it ("gop": republican)."""
        self.people, self.aliases = people, aliases
        self._words: Optional[dict] = None

    @staticmethod
    def modifiers(mention, head) -> list[str]:
        """The capitalised words of a title mention but its ``head`` and article: "Florida" of
        "the Florida senator", "GOP" of "The GOP presidential nominee"."""
        return [t.lower_ for t in mention
                if t.i != head.i and t.dep_ != "det" and not t.is_punct and t.text[:1].isupper()]

    @staticmethod
    def telling(mention, words: list[str], referents) -> list[str]:
        """Those of ``words`` (:meth:`modifiers` of ``mention``) that tell one holder of a title
        from another: a place or a people ("Florida", "French": so tagged) or a party ("GOP":
        a word with aliases or conflicts in ``referents``), not a name's part ("White House")."""
        tagged = {t.lower_ for t in mention if t.ent_type_ in TELLING_ENTITIES}
        return [w for w in words if w in tagged or w in referents.description_aliases
                or w in referents.description_conflicts]

    def fits(self, name: str, words: list[str]) -> bool:
        """Whether the article describes ``name`` with every one of ``words`` (or a word that
        counts as it)."""
        described = self._index().get(name, set())
        return all(w in described or any(a in described for a in self.aliases.get(w, ())) for w in words)

    def described_with(self, words: list[str]) -> set:
        """The people the article describes with every one of ``words``."""
        return {name for name in self._index() if self.fits(name, words)}

    def _index(self) -> dict:
        if self._words is None:
            self._words = {}
            for start, full, head in self.people.mentions:
                if head is None:  # a mention of the text before a window: not read again
                    continue
                self._words.setdefault(full, set()).update(_describing(head, start))
        return self._words


def _describing(head, start: int) -> set:
    """The words right before the name that ``head`` heads, up to the first that cannot
    describe it ("and", a verb, a comma), and those of an apposition either way ("Rubio, the
    Florida senator"; "the Texas senator, Ted Cruz")."""
    doc, first = head.doc, head.i
    while first > 0 and doc[first - 1].idx >= start:
        first -= 1
    since = first
    while since > max(head.sent.start, first - BEFORE) and doc[since - 1].pos_ in DESCRIBING:
        since -= 1
    words = {t.lower_.strip(".") for t in doc[since:first]}
    for child in head.rights:
        if child.dep_ == "appos":
            words |= _phrase_words(child, set())
    if head.dep_ == "appos":
        words |= _phrase_words(head.head, {t.i for t in head.subtree})
    return words


def _phrase_words(root, own: set) -> set:
    """The words of ``root``'s phrase but those at ``own`` and those describing another person
    named in it ("the senator who faces Maggie Hassan (D)": not "D")."""
    skip = set(own)
    for t in root.subtree:
        if t.i not in skip and t is not root and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" \
                and t.dep_ not in ("compound", "flat"):
            skip.update(d.i for d in t.subtree)
    return {t.lower_.strip(".") for t in root.subtree if t.i not in skip and not t.is_punct}
