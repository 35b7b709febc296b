"""Finding outlets: the news organisation a claim reaches the article through ("told Reuters",
"according to Geo News", "sources cited by Dawn", "Radio Pakistan reported", "said on NBC's Meet
the Press", "the Times of India quoted an official as saying", "Fox's Chris Wallace said", "a USA
TODAY analysis shows", "told POLITICO Florida")."""
from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span as SpacySpan, Token

from .columns import doc_text
from .memo import forget_people, know_people, once_per_token, people_of  # noqa: F401 (for callers)
from .phrases import entity_of, noun_phrase
from .schema import Claim, Outlet

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Prepositions that lead from a cue to the outlet carrying it: "told Reuters", "said in an
# interview with CNN", "said on NBC's Meet the Press", "in remarks to Fox News"; and those of time
# the way passes through ("said just after midnight on CNN").
OUTLET_PREPS = {"to", "with", "on", "in", "by", "from", "during"}
THROUGH_PREPS = {"after", "before"}
CITING = {"cite", "quote"}
# Nouns after "media" that still mean the press: "media reports", "media outlets".
MEDIA_TAILS = {"report", "reports", "outlet", "outlets", "account", "accounts"}
# Dependents by which an outlet's work or person hangs on the verb of the outlet that made it:
# "Forbes shot back in an article stating ...", "The Post ran a piece that noted ...".
WORK_DEPS = {"pobj", "prep", "dobj", "npadvmod"}


def normalise(name: str) -> str:
    """The form outlet names are looked up in: lower case, typographic apostrophes folded."""
    return name.strip().lower().replace("’", "'")


def is_outlet_word(tok: Token, lexicon: Lexicon) -> bool:
    """Whether the word alone is an outlet's name or short form ("Reuters", "AP")."""
    return normalise(tok.text) in lexicon.outlets


def _outlet(doc, first: int, last: int, name: str, kind: Optional[str] = None,
            programme: Optional[str] = None) -> Outlet:
    span = doc[first:last + 1]
    if kind == "programme" and programme is None:
        programme = name
    return Outlet(name, span.text, span.start_char, span.end_char, kind, programme)


def _words(span: SpacySpan) -> list[Token]:
    words = [t for t in span if t.dep_ != "case" and t.text not in ("'s", "’s", "'", "’")
             and not t.is_punct]
    while words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return words


def _honorific_before(doc, s: int, lexicon: Lexicon) -> bool:
    return s > 0 and doc[s - 1].lower_.strip(".") in lexicon.honorifics


def _person_named(doc, s: int, e: int, lexicon: Lexicon) -> bool:
    """"Mr. Hannity", "Vicente Fox", and "Fox said" after "Liam Fox": the words are a person's name,
    part of one, or the surname of a person the article names, unless it names them "Mr. Fox" (a
    person tagged for the outlet's name alone, as the small parser tags "Politico", is not)."""
    if _honorific_before(doc, s, lexicon):
        return True
    ent = entity_of(doc[s])
    if ent is not None and ent.label_ == "PERSON" and ent.end > e and (ent.start < s or ent.end > e + 1):
        return True
    if s != e:
        return False
    mister, surnames = people_of(doc, lexicon)
    word = doc[s].lower_
    if word in mister:
        return False  # an article that calls the person "Mr. Bloomberg" means the company by "Bloomberg"
    return any(not start <= s < end for start, end in surnames.get(word, ()))


def _entry(doc, s: int, e: int, lexicon: Lexicon, whole: Optional[int] = None):
    """The gazetteer entry that tokens ``s..e`` name, with the checks ambiguous names need;
    ``whole`` is the last token of the name with its edition ("Breitbart London")."""
    key = normalise(doc[s:e + 1].text)
    entry = lexicon.outlets.get(key)
    if entry is None:
        entry = lexicon.outlets.get("the " + key)
        # "the Hill", "the Guardian": a one-word short form is a name only after its "the"
        if entry is None or (s == e and (s == 0 or doc[s - 1].lower_ != "the")):
            return None
    if key in lexicon.ambiguous_outlets or key.removeprefix("the ") in lexicon.ambiguous_outlets:
        # "Time", "People", "Dawn": a name only when capitalised and tagged as one
        if not doc[s].text[:1].isupper() or doc[s].pos_ != "PROPN":
            return None
    if _person_named(doc, s, e if whole is None else whole, lexicon) and (entry.kind != "programme" or _honorific_before(doc, s, lexicon)):
        return None  # a programme may be named for its host ("Hannity"), but not "Mr. Hannity"
    return entry


def _is_edition(words: list[Token], lexicon: Lexicon) -> bool:
    """Words that make an edition or section of the outlet before them: a place ("POLITICO
    Florida", "POLITICO New York" even when tagged as part of one organisation), a number ("Fox
    35") or a section ("Bloomberg Politics"); not a title ("CBC Chairman") or a name ("Fox News
    Sean Hannity")."""
    ctx = lexicon.outlet_context
    if " ".join(t.lower_ for t in words) in ctx["places"]:
        return True
    return all(t.like_num or t.text[:1].isupper() and (
        t.lower_ in ctx["sections"] or t.ent_type_ in ("GPE", "LOC")) for t in words)


def _spelled_out(tok: Token, lexicon: Lexicon) -> Optional[tuple[str, bool]]:
    """The name an acronym stands for in this article, if the article spelled it out before:
    ("Christian News Service ... CNS reported": not the gazetteer's China News Service), and
    whether that name is an outlet's (it ends like one) or not ("the Environmental Protection
    Agency (EPA)"; a name that is no outlet's counts only when the acronym follows it in
    brackets, so that "Alan Parker ... AP" is no spelling out of AP)."""
    letters = tok.text
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and letters.isascii()):
        return None
    text = doc_text(tok.doc)[:tok.idx]
    joint = r"\s+(?:(?:of|and|for|the|on|&)\s+)?"
    found = list(re.finditer(r"\b" + joint.join(rf"{c}[a-z][\w’'-]*" for c in letters) + r"(?![\w’'-])", text))
    if not found:
        return None
    name = found[-1].group(0)
    ends = {" ".join(name.lower().split()[-n:]) for n in (1, 2)}
    outlet = bool(ends & (lexicon.outlet_context["name_words"] | lexicon.outlet_context["spelled_out_ends"]))
    if outlet or text[found[-1].end():].lstrip().startswith(f"({letters})"):
        return name, outlet
    return None


def _gazetteer(words: list[Token], lexicon: Lexicon) -> Optional[Outlet]:
    if not words:
        return None
    doc = words[0].doc
    s, e = words[0].i, words[-1].i
    entry = _entry(doc, s, e, lexicon)
    spelled = _spelled_out(doc[s], lexicon) if entry is not None and s == e else None
    if spelled is not None and normalise(spelled[0]) != normalise(entry.name):
        # the article's own name for the acronym, or no outlet at all
        return _outlet(doc, s, e, spelled[0]) if spelled[1] else None
    if entry is not None:
        return _outlet(doc, s, e, entry.name, entry.kind)
    # "POLITICO New York", "Breitbart London", "TMZ Sports": the outlet, named with its edition
    for cut in range(e - 1, max(s, e - 3) - 1, -1):  # an edition of one or two words
        if _is_edition(list(doc[cut + 1:e + 1]), lexicon):
            entry = _entry(doc, s, cut, lexicon, whole=e)
            if entry is not None and entry.kind != "programme":
                return _outlet(doc, s, e, entry.name, entry.kind)
    return None


def lookup(span: SpacySpan, lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet that ``span`` names: by the gazetteer (with an edition: "POLITICO Florida"), by
    an outlet-like name ("Western Journalism"), by a describing noun ("the daily Dawn", "the Times
    newspaper") or as "<adjective> media"."""
    words = _words(span)
    if not words:
        return None
    doc = span.doc
    ctx = lexicon.outlet_context
    found = _gazetteer(words, lexicon)
    if found is not None:
        return found
    named = next((i for i, t in enumerate(words) if t.pos_ == "PROPN"), 0)
    if named and words[named - 1].pos_ in ("ADJ", "DET"):
        found = _gazetteer(words[named:], lexicon)  # "other Fox News", "conservative Breitbart News"
        if found is not None:
            return found
    if len(words) > 1 and words[-1].text.islower() and words[-1].lower_ in ctx["descriptors"]:
        found = _gazetteer(words[:-1], lexicon)  # "The Times newspaper"
        if found is not None:
            return found
    # a name that ends like an outlet's: "Western Journalism", "the Sun-Times"
    ent = entity_of(words[-1])
    name = _words(ent) if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT") else \
        [t for t in words if t.pos_ == "PROPN"]
    if len(name) > 1 and name[-1].lower_ in ctx["name_words"] and all(t.text[:1].isupper() for t in name) \
            and not _person_named(doc, name[0].i, name[-1].i, lexicon):
        return _outlet(doc, name[0].i, name[-1].i, doc[name[0].i:name[-1].i + 1].text)
    for i, t in enumerate(words):
        if t.lower_ in ctx["media_heads"] and (i == len(words) - 1 or words[i + 1].lower_ in MEDIA_TAILS) \
                and not any(w.pos_ == "PROPN" and w.ent_type_ != "NORP" for w in words[:i]):
            # "Pakistani media", "the local press"; not a publisher, "Oxford University Press"
            first = words[0].i
            while first < t.i and doc[first].pos_ not in ("ADJ", "PROPN"):
                first += 1
            return _outlet(doc, first, t.i, doc[first:t.i + 1].text)
    return None


def _descriptor_kind(n: Token, lexicon: Lexicon) -> Optional[str]:
    """The kind of outlet a describing noun names: "daily" a newspaper, "news agency" an agency
    (a noun before it must make a listed pair: not "talent agency")."""
    descriptors = lexicon.outlet_context["descriptors"]
    if not n.text.islower():
        return None
    before = [c for c in n.children if c.dep_ == "compound" and c.i < n.i and c.text.islower()]
    if before:
        return descriptors.get(f"{before[-1].lower_} {n.lower_}") or \
            descriptors.get(f"{before[-1].lower_} {n.lemma_.lower()}")
    return descriptors.get(n.lower_) or descriptors.get(n.lemma_.lower())


def _described(tok: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """An outlet named next to a describing noun: "the daily Dawn", "broadcaster PTV", "the
    newspaper Le Monde", "Western Journalism, a conservative website"."""
    descriptors = lexicon.outlet_context["descriptors"]
    name = entity_of(tok) or noun_phrase(tok)
    near = [c for c in tok.children if c.dep_ in ("compound", "amod", "appos", "nmod")]
    if tok.dep_ in ("appos", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        near.append(tok.head)
    for n in near:
        kind = _descriptor_kind(n, lexicon)
        if kind is None:
            continue
        words = [t for t in _words(name) if t.i != n.i and t.lower_ not in descriptors and t.pos_ == "PROPN"]
        if words:
            found = _gazetteer(words, lexicon)
            return found or _outlet(tok.doc, words[0].i, words[-1].i,
                                    tok.doc[words[0].i:words[-1].i + 1].text, kind)
    return None


@once_per_token
def _carrier(tok: Token, lexicon: Lexicon) -> Optional[str]:
    """What ``tok`` is when an outlet named before it carries it: a ``person`` of the outlet
    ("Fox's Chris Wallace", "CNN anchor Jake Tapper"), a ``work`` of it ("a USA TODAY analysis",
    "the CNN interview") or a ``programme`` ("NBC's Meet the Press")."""
    ctx = lexicon.outlet_context
    lemma = tok.lemma_.lower()
    if _programme(tok, lexicon) is not None or tok.pos_ == "PROPN" and tok.ent_type_ == "WORK_OF_ART":
        return "programme"
    if lemma in ctx["journalists"] or tok.pos_ == "PROPN" and (tok.ent_type_ == "PERSON" or any(
            t.lemma_.lower() in ctx["journalists"] for t in noun_phrase(tok) if t.i < tok.i)):
        return "person"
    if tok.pos_ == "NOUN" and (lemma in ctx["works"] or tok.lower_ in ctx["works"]):
        return "work"
    if tok.pos_ == "PROPN" and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children):
        return "person"  # a name after an outlet's possessive, whatever its tag: "Fox News's Ed Henry"
    return None


def _programme(tok: Token, lexicon: Lexicon):
    """The gazetteer's programme that the name headed by ``tok`` is (its owner left out), if any."""
    phrase = entity_of(tok) or noun_phrase(tok)
    start = max([phrase.start] + [c.right_edge.i + 1 for c in tok.children if c.dep_ == "poss" and c.i < tok.i])
    words = _words(tok.doc[start:max(phrase.end, tok.i + 1)])
    if not words:
        return None
    entry = lexicon.outlets.get(normalise(tok.doc[words[0].i:words[-1].i + 1].text))
    return entry if entry is not None and entry.kind == "programme" else None


def _carried_by(tok: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet named before a person, work or programme of it: "Fox's Chris Wallace", "Fox
    News host Sean Hannity", "a USA TODAY analysis", "NBC's Meet the Press" (outlet NBC News,
    programme Meet the Press), "Sirius XM's Breitbart News Daily"."""
    carrier = _carrier(tok, lexicon)
    if carrier is None:
        return None
    found = None
    owner = next((c for c in tok.subtree if c.dep_ == "poss" and c.pos_ == "PROPN"
                  and c.i < tok.i and c.head.i <= tok.i), None)
    if owner is not None:
        found = lookup(entity_of(owner) or noun_phrase(owner), lexicon) or lookup(noun_phrase(owner), lexicon)
    if found is None:
        # the words before the first word of the person, work or programme: "Fox News host"
        phrase = noun_phrase(tok)
        ent = entity_of(tok)
        cut = next((t.i for t in phrase if t.i >= phrase.start and (
            _carrier(t, lexicon) in ("person", "work") and t.ent_type_ != "ORG"
            or ent is not None and ent.start <= t.i)), tok.i)
        if cut > phrase.start:
            found = lookup(tok.doc[phrase.start:cut], lexicon)
    if found is None:
        return None
    if carrier == "programme":
        entry = _programme(tok, lexicon)
        name = entry.name if entry is not None else (entity_of(tok) or noun_phrase(tok)).text
        found = replace(found, programme=name.strip(" \"“”"))
    elif carrier == "work" and tok.lemma_.lower() in lexicon.outlet_context["descriptors"]:
        # "Boston Herald Radio's Morning Meeting program": the programme's name before its noun
        named = [t for t in tok.lefts if t.dep_ == "compound" and t.text[:1].isupper() and t.idx >= found.end]
        if named:
            found = replace(found, programme=tok.doc[named[0].left_edge.i:tok.i].text)
    return found


@once_per_token
def find(tok: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet that the phrase headed by ``tok`` names, or that the person, work or programme
    it names belongs to ("Fox's Chris Wallace", "a POLITICO analysis"), if any."""
    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    found = _carried_by(tok, lexicon)
    if found is not None:
        return found
    return lookup(entity_of(tok) or noun_phrase(tok), lexicon) or lookup(noun_phrase(tok), lexicon) \
        or (_described(tok, lexicon) if tok.pos_ == "PROPN" else None)


def _maker(work: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """The outlet whose work speaks: "Forbes shot back in an article stating ...", "The
    Washington Post ran a piece that noted ...", "Politico responded with an editor's note"."""
    tok, steps = work, 0
    while tok.dep_ in WORK_DEPS and steps < 6:
        tok, steps = tok.head, steps + 1
        if tok.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return None if subj is None else find(subj, lexicon)
    return None


def outlet_of_speaker(head: Token, lexicon: Lexicon) -> Optional[Outlet]:
    """The speaker is itself an outlet ("Radio Pakistan reported"), one of its people or works
    ("Fox's Chris Wallace", "a USA TODAY analysis"), or is cited by one ("diplomatic sources cited
    by Geo News", "officials quoted by Dawn")."""
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
    if _carrier(head, lexicon) == "work":
        return _maker(head, lexicon)
    return None


def outlet_of_cue(cue_head: Token, lexicon: Lexicon, content: tuple[int, int]) -> Optional[Outlet]:
    """An outlet the cue speaks through: "told Reuters", "said in an interview with CNN",
    "said on NBC's Meet the Press", "the Times of India quoted an official as saying",
    "Geo News, citing officials, said". A name that needs context to be an outlet ("the
    Record") gives way to a plain one found further on."""
    start, end = content
    # the cue inside its own claim ("A — he told the AP that B"): its objects are not the claim's
    inside = start <= cue_head.idx < end
    frontier = [cue_head]
    seen, doubtful = 0, None
    while frontier and seen < 12:
        tok = frontier.pop(0)
        seen += 1
        for child in tok.children:
            if start <= child.idx < end and not (inside and tok is cue_head and child.dep_ in ("dative", "dobj")):
                continue
            if child.dep_ in ("dative", "dobj", "pobj") and child.pos_ in ("PROPN", "NOUN"):
                found = find(child, lexicon)
                if found is not None:
                    if normalise(found.mention) not in lexicon.ambiguous_outlets:
                        return found
                    doubtful = doubtful or found
            if child.dep_ == "prep" and (child.lower_ in OUTLET_PREPS or child.lower_ in THROUGH_PREPS) \
                    or child.dep_ in ("pobj", "dobj", "dative"):
                frontier.append(child)
    if doubtful is not None:
        return doubtful
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
    reported") or its work ("a USA TODAY analysis shows"), the one the cue speaks through ("told
    Reuters"), the one the speaker works for ("Fox's Chris Wallace said") or is cited by. A
    speaker that is the outlet, or its work, is labelled as one: ``phrase`` (the resolved
    :class:`claimx.speakers.SpeakerPhrase`) takes kind ``outlet`` and the outlet's name."""
    found = None if speaker_head is None else outlet_of_speaker(speaker_head, lexicon)
    if found is None:
        return outlet_of_cue(cue_head, lexicon, content)
    carrier = _carrier(speaker_head, lexicon)
    named = found.start <= speaker_head.idx < found.end or speaker_head.lower_ in MEDIA_TAILS or \
        _descriptor_kind(speaker_head, lexicon) is not None  # "the People's Daily newspaper"
    if (carrier == "work" or (named and found.start >= phrase.mention.start_char
                              and found.end <= phrase.mention.end_char)) and not _host(phrase, found):
        phrase.kind = "outlet"
        phrase.name = found.name
    elif carrier == "person":
        if phrase.kind in ("organization", "unknown") and found.end <= speaker_head.idx:
            _as_journalist(phrase, found)
        # a journalist speaking to another outlet: "Daily News editor X told The Daily Beast"
        return outlet_of_cue(cue_head, lexicon, content) or found
    return found


def _host(phrase, outlet: Outlet) -> bool:
    """"Hannity said", the article's Sean Hannity, whose show is "Hannity": the person it names
    in full stays the person (the show still carries what they say); not an outlet named for
    its founder ("Bloomberg")."""
    return outlet.kind == "programme" and phrase.kind == "person" and bool(phrase.name) \
        and phrase.name != phrase.mention.text and phrase.name.endswith(outlet.mention) \
        and len(phrase.name.split()) > len(outlet.mention.split())


def _as_journalist(phrase, outlet: Outlet) -> None:
    """"Fox News's Ed Henry", tagged as one organisation by the parser: a person of the outlet."""
    phrase.kind = "person"
    mention = phrase.mention
    after = [t for t in mention if t.idx >= outlet.end and t.dep_ != "case" and not t.is_punct]
    if after and phrase.name in (None, mention.text) and after[0].idx > mention.start_char:
        phrase.name = mention.doc[after[0].i:mention.end].text


def _carries(outer: Claim, inner: Claim) -> bool:
    """Whether the outlet of ``outer`` carries ``inner``, a claim attributed inside it: always when
    the outer attribution leads ("According to Fox News, the department reported ..."); when it
    trails, only if no clause stands between the inner claim and it: in "X says A, which stood at
    263, according to the AP" the outlet vouches for the clause, not for what X says; and not at
    all when the outer claim runs round its own attribution ("polling shows A: a Bloomberg poll
    showed B")."""
    if inner is outer or not (outer.content.start <= inner.cue.start and inner.cue.end <= outer.content.end):
        return False
    if outer.cue.start < inner.content.start:
        return True
    if outer.content.end > outer.cue.start:
        return False  # the outer claim runs round its attribution: what comes before is not its own
    end = max(inner.content.end, inner.cue.end, inner.speaker.end if inner.speaker else 0)
    between = outer.content.text[max(0, end - outer.content.start):].rstrip(" ,.;:\"'”’")
    return "," not in between


def inherit_outlets(claims: list[Claim]) -> list[Claim]:
    """A claim attributed inside another claim that an outlet carries reaches the article through
    that outlet too: "The campaign said ..., CNN reported." (see :func:`_carries`)."""
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
            outer = next((o for o in carried[first:last] if _carries(o, c)), None)
            if outer is not None:
                c = replace(c, outlet=outer.outlet)
        out.append(c)
    return out
