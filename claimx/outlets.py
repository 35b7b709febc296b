"""Finding outlets: the news organisation a claim reaches the article through ("told Reuters",
"according to Geo News", "sources cited by Dawn", "Radio Pakistan reported", "said on NBC's Meet
the Press", "the Times of India quoted an official as saying")."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span as SpacySpan, Token

from .phrases import entity_of, noun_phrase
from .schema import Claim, Outlet

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Prepositions that lead from a cue to the outlet carrying it: "told Reuters", "said in an
# interview with CNN", "said on NBC's Meet the Press", "in remarks to Fox News".
OUTLET_PREPS = {"to", "with", "on", "in", "by", "from", "during"}
CITING = {"cite", "quote"}
# Nouns after "media" that still mean the press: "media reports", "media outlets".
MEDIA_TAILS = {"report", "reports", "outlet", "outlets", "account", "accounts"}


def normalise(name: str) -> str:
    """The form outlet names are looked up in: lower case, typographic apostrophes folded."""
    return name.strip().lower().replace("’", "'")


def is_outlet_word(tok: Token, lexicon: Lexicon) -> bool:
    """Whether the word alone is an outlet's name or short form ("Reuters", "AP")."""
    return normalise(tok.text) in lexicon.outlets


def _outlet(doc, first: int, last: int, name: str) -> Outlet:
    span = doc[first:last + 1]
    return Outlet(name, span.text, span.start_char, span.end_char)


def _words(span: SpacySpan) -> list[Token]:
    words = [t for t in span if t.dep_ != "case" and t.text not in ("'s", "’s") and not t.is_punct]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return words


def _gazetteer(words: list[Token], lexicon: Lexicon) -> Optional[Outlet]:
    if not words:
        return None
    doc = words[0].doc
    s, e = words[0].i, words[-1].i
    key = normalise(doc[s:e + 1].text)
    entry = lexicon.outlets.get(key) or lexicon.outlets.get("the " + key)
    if entry is None:
        return None
    if key in lexicon.ambiguous_outlets or key.removeprefix("the ") in lexicon.ambiguous_outlets:
        # "Time", "People", "Dawn": a name only when capitalised and tagged as one
        if not doc[s].text[:1].isupper() or doc[s].pos_ != "PROPN":
            return None
    return _outlet(doc, s, e, entry.name)


def lookup(span: SpacySpan, lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet that ``span`` names: by the gazetteer, by an outlet-like name ("Western
    Journalism"), by a describing noun ("the daily Dawn") or as "<adjective> media"."""
    words = _words(span)
    if not words:
        return None
    doc = span.doc
    ctx = lexicon.outlet_context
    found = _gazetteer(words, lexicon)
    if found is not None:
        return found
    # a name that ends like an outlet's: "Western Journalism", "the Sun-Times"
    ent = entity_of(words[-1])
    name = _words(ent) if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT") else \
        [t for t in words if t.pos_ == "PROPN"]
    if len(name) > 1 and name[-1].lower_ in ctx["name_words"] and all(t.text[:1].isupper() for t in name):
        return _outlet(doc, name[0].i, name[-1].i, doc[name[0].i:name[-1].i + 1].text)
    for i, t in enumerate(words):
        if t.lower_ in ctx["media_heads"] and (i == len(words) - 1 or words[i + 1].lower_ in MEDIA_TAILS):
            first = words[0].i
            while first < t.i and doc[first].pos_ not in ("ADJ", "PROPN"):
                first += 1
            return _outlet(doc, first, t.i, doc[first:t.i + 1].text)
    return None


def _described(tok: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """An outlet named next to a describing noun: "the daily Dawn", "broadcaster PTV", "the
    newspaper Le Monde", "Western Journalism, a conservative website"."""
    descriptors = lexicon.outlet_context["descriptors"]
    name = entity_of(tok) or noun_phrase(tok)
    near = [c for c in tok.children if c.dep_ in ("compound", "amod", "appos", "nmod")]
    if tok.dep_ in ("appos", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        near.append(tok.head)
    for n in near:
        if n.text.islower() and (n.lemma_.lower() in descriptors or n.lower_ in descriptors):
            words = [t for t in _words(name) if t.i != n.i and t.lower_ not in descriptors]
            words = [t for t in words if t.pos_ == "PROPN"]
            if words:
                return _outlet(tok.doc, words[0].i, words[-1].i, tok.doc[words[0].i:words[-1].i + 1].text)
    return None


def find(tok: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet that the phrase headed by ``tok`` names, if it names one."""
    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    # "NBC's Meet the Press", "CBS's Face the Nation": the programme's owner is the outlet
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is not None:
        found = find(owner, lexicon)
        if found is not None:
            return found
    return lookup(entity_of(tok) or noun_phrase(tok), lexicon) or lookup(noun_phrase(tok), lexicon) \
        or (_described(tok, lexicon) if tok.pos_ == "PROPN" else None)


def outlet_of_speaker(head: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """The speaker is itself an outlet ("Radio Pakistan reported"), or is cited by one
    ("diplomatic sources cited by Geo News", "officials quoted by Dawn")."""
    found = find(head, lexicon)
    if found is not None:
        return found
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in CITING:
            for agent in child.children:
                if agent.dep_ == "agent":
                    pobj = next((k for k in agent.children if k.dep_ == "pobj"), None)
                    if pobj is not None:
                        return find(pobj, lexicon)
    return None


def outlet_of_cue(cue_head: Token, lexicon: Lexicon, content: tuple[int, int]) -> Optional[Outlet]:
    """An outlet the cue speaks through: "told Reuters", "said in an interview with CNN",
    "said on NBC's Meet the Press", "the Times of India quoted an official as saying",
    "Geo News, citing officials, said"."""
    start, end = content
    frontier = [cue_head]
    seen = 0
    while frontier and seen < 12:
        tok = frontier.pop(0)
        seen += 1
        for child in tok.children:
            if start <= child.idx < end:
                continue
            if child.dep_ in ("dative", "dobj", "pobj") and child.pos_ in ("PROPN", "NOUN"):
                found = find(child, lexicon)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in OUTLET_PREPS or child.dep_ in ("pobj", "dobj", "dative"):
                frontier.append(child)
    # "CNN quoted an American witness as saying ..."
    quoting = _quoting_verb(cue_head)
    if quoting is not None:
        subject = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return find(subject, lexicon)
    return None


def _quoting_verb(cue_head: Token) -> Optional[Token]:
    """The "quoted" of "X quoted Y as saying ...", for the cue "saying"."""
    head = cue_head.head
    if head.lower_ == "as" and head.head.lemma_.lower() in CITING:
        return head.head
    if head.lemma_.lower() in CITING and cue_head.dep_ in ("advcl", "xcomp", "pcomp", "oprd"):
        return head
    return None


def outlet_of_claim(speaker_head: Optional[Token], phrase, cue_head: Token, content: tuple[int, int],
                    lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet a claim reaches the article through: the speaker itself ("Radio Pakistan
    reported"), the one citing the speaker, or the one the cue speaks through ("told Reuters").
    A speaker that is the outlet is labelled as one: ``phrase`` (the resolved
    :class:`claimx.speakers.SpeakerPhrase`) takes kind ``outlet`` and the outlet's name."""
    outlet = None
    if speaker_head is not None:
        outlet = outlet_of_speaker(speaker_head, lexicon)
        if outlet is not None and outlet.start >= phrase.mention.start_char and \
                outlet.end <= phrase.mention.end_char:
            phrase.kind = "outlet"
            phrase.name = outlet.name
    if outlet is None:
        outlet = outlet_of_cue(cue_head, lexicon, content)
    return outlet


def inherit_outlets(claims: list[Claim]) -> list[Claim]:
    """A claim attributed inside another claim that an outlet carries reaches the article through
    that outlet too: "The campaign said ..., CNN reported." """
    carried = [c for c in claims if c.outlet is not None]  # in text order, as claims come
    if not carried:
        return claims
    starts = [o.content.start for o in carried]
    longest = max(o.content.end - o.content.start for o in carried)
    out = []
    for c in claims:
        if c.outlet is None:
            # only a claim starting at most ``longest`` before the cue can hold it
            first = bisect_left(starts, c.cue.end - longest)
            last = bisect_right(starts, c.cue.start)
            outer = next((o for o in carried[first:last] if o is not c
                          and o.content.start <= c.cue.start and c.cue.end <= o.content.end), None)
            if outer is not None:
                c = replace(c, outlet=outer.outlet)
        out.append(c)
    return out
