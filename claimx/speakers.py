"""Who speaks: from a cue to the token that names its speaker (``find_speaker``), and from that
token to the words naming the speaker (``mention``), their title (``role``) and what kind of
source they are. The fullest name the article gives them (pronouns, surnames, titles and short
forms resolved) is :mod:`claimx.referents`' question."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

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
    ``ctx`` is the document's :class:`claimx.context.Context`. An event or a process is no
    speaker ("the second phase failed, revealing deep mistrust": nobody said it): the search
    goes on past it ("He said his attacks had worked and said that ...": He)."""
    in_quote, lexicon = ctx.in_quote, ctx.lexicon
    found = subject(verb)
    if found is not None and not is_event(found, lexicon):
        return None if in_quote[found.i] else found
    passed = found is not None  # an event the cue has for subject: no speaker next to it either
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "Asked whether he would resign, the minister ...": the asker is unnamed
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and not is_event(verb.head, lexicon) \
            and (plausible(verb.head, lexicon) or verb.tag_ == "VBG"):
        return verb.head  # "officials saying that ...", "an editor's note saying that ..."
    if verb.tag_ == "VBG" and verb.i > 0 and ctx.doc[verb.i - 1].text == ",":
        found = _subject_of_sentence(ctx, verb)
        if found is not None and not is_event(found, lexicon):
            return found
        passed = passed or found is not None
    # an infinitive, a conjoined verb or a participle takes the subject of the clause it hangs
    # on: "went out of his way to say", "continued by saying", "and added"
    for anc in verb.ancestors:
        if anc.pos_ in ("NOUN", "PROPN", "NUM"):
            break  # the cue is part of a noun phrase: "the decision to say"
        if anc.pos_ in ("VERB", "AUX") and not in_quote[anc.i]:
            found = subject(anc)
            if found is not None and not is_event(found, lexicon):
                return None if in_quote[found.i] else found
            passed = passed or found is not None
    return None if passed else _adjacent_speaker(ctx, verb)


def is_event(tok: Token, lexicon: Lexicon) -> bool:
    """Whether ``tok`` names an event, a process or a state of affairs (``events`` in
    ``models/speakers.yaml``): "the talks", "his popularity", never a source."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.events


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


def as_government(phrase: SpeakerPhrase, cue, rule: str) -> SpeakerPhrase:
    """A country or a capital that is the subject of a cue in its speech sense speaks through
    its government: kind `organization` ("New Delhi has denied ...", "Beijing demanded ...").
    Not in another sense ("Germany is showing signs of ...": a noun phrase the cue takes only
    outside its frames), nor a dateline in capitals ("WASHINGTON —") parsed as the subject.
    ``cue`` is the draft's :class:`claimx.cues.CueMatch`, ``rule`` the rule that found it."""
    head = phrase.head
    if phrase.kind == "place" and head.ent_type_ == "GPE" and head.dep_ == "nsubj" \
            and head.head.i == cue.head.i and not phrase.mention.text.isupper() \
            and (rule != "verb-np" or "np" in cue.entry.frames):
        phrase.kind = "organization"
    return phrase


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
