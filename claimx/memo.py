"""What the outlet rules read once of the document being read: the people it names (is "Fox"
the outlet or Liam Fox?), and their answers for each token (the drafts of one cue, or of one
speaker, ask the same). Kept for the document read last, not in ``doc.user_data`` (which is
serialised); reading another document, or its people again, starts afresh."""
from __future__ import annotations

from functools import wraps

from .columns import forget_columns, words_after

# The document whose people were read last, and what they are (:func:`know_people`).
_PEOPLE: list = [None, None]
# The document whose entities were read last, its length, and its entities (:func:`entities`).
_ENTS: list = [None, -1, ()]
# The document and lexicon the answers are for, and {(function, token index): answer}.
_ANSWERS: list = [None, None, {}]


def entities(doc) -> tuple:
    """``doc.ents``, read once for the document read last (Doc.ents builds every Span anew, and
    the people, the organisations and the outlets each read them)."""
    if _ENTS[0] is not doc or _ENTS[1] != len(doc):
        _ENTS[:] = [doc, len(doc), doc.ents]
    return _ENTS[2]


def people_of(doc, lexicon) -> tuple[set, dict]:
    """The words the article writes after an honorific ("Mr. Bloomberg"), and the surnames of the
    people it names in full, with where: read once per document."""
    if _PEOPLE[0] is not doc:
        know_people(doc, lexicon)
    return _PEOPLE[1]


def know_people(doc, lexicon, mister=frozenset(), surnames=frozenset()) -> tuple[set, set]:
    """Read the people of ``doc``, with those of the text before it when it is a window of a
    longer text (:mod:`claimx.windows`); returns its own, for the windows after it."""
    forget_answers()  # they were worked out with other people
    own = words_after(doc, lambda word: word.strip(".") in lexicon.honorifics)
    known: dict = {surname: [(-1, -1)] for surname in surnames}  # named before: never at a word here
    named = [p for p in entities(doc) if p.label_ == "PERSON" and len(p) > 1]
    for p in named:
        known.setdefault(p[-1].lower_, []).append((p.start, p.end))
    _PEOPLE[:] = [doc, (own | mister, known)]
    return own, {p[-1].lower_ for p in named}


def forget_people() -> None:
    """Let go of what was read of the last document (a window of a long text is let go before
    the next is joined)."""
    _PEOPLE[:] = [None, None]
    _ENTS[:] = [None, -1, ()]
    forget_columns()
    forget_answers()


def forget_answers() -> None:
    _ANSWERS[:] = [None, None, {}]


def once_per_token(compute):
    """``compute(tok, lexicon)``, worked out once per token of the document being read."""
    @wraps(compute)
    def once(tok, lexicon):
        if _ANSWERS[0] is not tok.doc or _ANSWERS[1] is not lexicon:
            _ANSWERS[:] = [tok.doc, lexicon, {}]
        answers, key = _ANSWERS[2], (compute.__name__, tok.i)
        if key not in answers:
            answers[key] = compute(tok, lexicon)
        return answers[key]

    return once
