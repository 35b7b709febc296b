"""Finding outlets: the news organisation a claim reaches the article through ("told Reuters",
"according to Geo News", "sources cited by Dawn", "Radio Pakistan reported")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

from .lexicon import Lexicon
from .speakers import noun_phrase
from .schema import Outlet

MEDIA_HEADS = {"media", "press"}
# Prepositions that lead from a cue to the outlet carrying it: "told Reuters", "said in an
# interview with CNN", "said on NBC's Meet the Press", "in remarks to Fox News".
OUTLET_PREPS = {"to", "with", "on", "in", "by", "from"}
CITING = {"cite", "quote"}


def _phrase(tok: Token) -> SpacySpan:
    """The name around ``tok``: its named entity or its compound chain."""
    doc = tok.doc
    if tok.ent_type_:
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    return noun_phrase(tok)


def lookup(span: SpacySpan, lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet that ``span`` names, by the gazetteer or as "<adjective> media"."""
    words = [t for t in span if t.dep_ != "case" and t.text not in ("'s", "’s")]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return None
    doc = span.doc
    s, e = words[0].i, words[-1].i + 1
    key = doc[s:e].text.lower()
    entry = lexicon.outlets.get(key) or lexicon.outlets.get("the " + key)
    if entry is not None and (key not in lexicon.ambiguous_outlets or doc[s].text[:1].isupper()):
        return Outlet(entry.name, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
    heads = [t for t in words if t.lower_ in MEDIA_HEADS]
    if heads:
        e = heads[-1].i + 1
        while s < e - 1 and doc[s].pos_ not in ("ADJ", "PROPN"):
            s += 1
        return Outlet(doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
    return None


def outlet_of_speaker(head: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """The speaker is itself an outlet ("Radio Pakistan reported"), or is cited by one
    ("diplomatic sources cited by Geo News", "officials quoted by Dawn")."""
    found = lookup(_phrase(head), lexicon)
    if found is not None:
        return found
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in CITING:
            for agent in child.children:
                if agent.dep_ == "agent":
                    pobj = next((k for k in agent.children if k.dep_ == "pobj"), None)
                    if pobj is not None:
                        return lookup(_phrase(pobj), lexicon)
    return None


def outlet_of_cue(cue_head: Token, lexicon: Lexicon, content: tuple[int, int]) -> Optional[Outlet]:
    """An outlet the cue speaks through: "told Reuters", "said in an interview with CNN",
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
            if child.dep_ in ("dative", "dobj", "pobj") and child.pos_ == "PROPN":
                found = lookup(_phrase(child), lexicon)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in OUTLET_PREPS or child.dep_ in ("pobj", "dobj", "dative"):
                frontier.append(child)
    return None
