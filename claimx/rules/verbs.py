"""Rules for cue verbs: "X said (that) ...", "..., X said, ...", "..., said X", "urged X to ...",
"vowed to ...", "accused X of ...", "called it “...”", "denied the report", and quoted words
after any cue. What may follow each verb (its frames) is data in ``models/cues.tsv``.

The clause rules come first: a verb with a clausal complement is decided by one of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from ..columns import subtree_indices
from ..content import claim_span, narration, nested_cues, span_of
from ..context import Context
from ..cues import CueMatch
from ..speakers import plausible, subject
from . import Draft, draft, rule
from .nouns import denies, that_clause

# Subordinating words of a condition that belongs to the claim it precedes.
CONDITIONS = {"if", "unless", "although", "though", "because", "once", "until"}
# What may follow a cue and carry the claim: objects, prepositional phrases, complements.
COMPLEMENT_DEPS = {"dobj", "dative", "prep", "oprd", "xcomp", "acomp", "attr", "ccomp"}
WH_WORDS = {"what", "which", "who", "whom", "whatever"}
# Prepositions after a cue's object that say what the object is charged with or taken as.
OBJECT_PREPS = {"for", "as", "over", "about", "against", "of"}


@dataclass(frozen=True)
class Clause:
    """The clausal complements of a cue ("said [that the talks failed]") and its speaker, once a
    speaker inside them is ruled out."""

    comps: list
    speaker: Optional[Token]

    def on_both_sides(self, verb: Token) -> bool:
        return any(c.i < verb.i for c in self.comps) and any(c.i > verb.i for c in self.comps)


def clause_of(ctx: Context, cue: CueMatch) -> Optional[Clause]:
    """The complements of a cue with the ``clause`` frame, or None when it has none."""
    return ctx.memo(("clause", cue.head.i), lambda: _find_clause(ctx, cue))


def _find_clause(ctx: Context, cue: CueMatch) -> Optional[Clause]:
    verb, frames = cue.head, cue.entry.frames
    if "clause" not in frames:
        return None
    # "made it clear that ...": the clause hangs on the cue's second word
    holder = next(t for t in cue.tokens if t.i != verb.i) if "particle-clause" in frames else verb
    comps = [c for c in holder.children if c.dep_ in ("ccomp",)
             or (holder.i != verb.i and c.dep_ in ("advcl",) and c.i > holder.i)
             # "said seeing so many officers was a welcome sight": a clause parsed as xcomp
             or (c.dep_ == "xcomp" and c.i == holder.i + 1 and c.tag_ == "VBG")]
    comps = [c for c in comps if c not in cue.tokens]
    if not comps:
        comps = _clause_in_phrase(holder)
    if not comps:
        return None
    comps = _one_side_unless_set_off(ctx.doc, verb, comps)
    # "said A, but that he would not support B": a second complement hung on the verb
    comps += [c for c in holder.children if c.dep_ == "conj" and c.i > max(k.i for k in comps)
              and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)]
    speaker = ctx.speaker_of(verb)
    if speaker is not None and any(speaker.i in subtree_indices(c) for c in comps):
        speaker = None
    # "Even if the venture fails, Mr. Morgan said, the land ...": a condition set before the
    # attribution belongs to the claim
    comps += [c for c in holder.children if c.dep_ == "advcl" and c.i < holder.i
              and any(k.dep_ == "mark" and k.lower_ in CONDITIONS for k in c.children)]
    return Clause(comps, speaker)


def _one_side_unless_set_off(doc, verb: Token, comps: list) -> list:
    """Clauses on both sides of the verb make a parenthetical only when the attribution is set
    off by punctuation ("The talks, Khan said, had failed"); else the clause after the verb is
    the claim and what stands before it is narration ("Clinton is not rattled — in fact, she
    said it “humanizes” her")."""
    left = [c for c in comps if c.i < verb.i]
    right = [c for c in comps if c.i > verb.i]
    if not left or not right:
        return comps
    before, after = max(c.right_edge.i for c in left) + 1, min(c.left_edge.i for c in right) - 1
    if before < verb.i and after > verb.i and doc[before].is_punct and doc[after].is_punct:
        return comps
    return right


def _clause_in_phrase(verb: Token) -> list:
    """"said in a statement that ...": the parser hung the clause on the noun of the phrase."""
    return [k for p in verb.children if p.dep_ == "prep" and p.i > verb.i
            for n in p.children if n.dep_ == "pobj"
            for k in n.children if k.dep_ in ("acl", "relcl") and k.i > n.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)][:1]


def _clause_draft(ctx: Context, cue: CueMatch, name: str, clause: Clause) -> Draft:
    comps = clause.comps
    start, end = span_of(ctx, comps, nested_cues(ctx, comps) + narration(comps))
    return draft(ctx, cue, name, start, end, clause.speaker)


@rule("verb-quote", "verb")
def quotation_as_clause(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"“...,” she said", parsed with the quotation as the verb's clause."""
    clause = clause_of(ctx, cue)
    if clause is None:
        return None
    verb = cue.head
    nested = any(i in ctx.cue_at and i != verb.i and subject(ctx.doc[i]) is not None
                 for c in clause.comps for i in subtree_indices(c))
    if nested and all(c.i < verb.i for c in clause.comps):
        # "Trump asserted that ...: “France is no longer France,” he claimed": the parser hung
        # another attribution on the verb; the claim is the quotation
        quote = ctx.last_quote_ending_by(verb.idx)
        if quote is not None and ctx.cue_after(quote) is cue:
            return draft(ctx, cue, "verb-quote", quote.start, quote.end, clause.speaker)
    if cue.entry.cognition or not all(_quoted(ctx, c) for c in clause.comps):
        return None
    return _clause_draft(ctx, cue, "verb-quote", clause)


def _quoted(ctx: Context, clause: Token) -> bool:
    """Whether the clause is quoted from its first word to its last: "said the talks “failed”"
    quotes one word of a reported clause."""
    doc, own = clause.doc, subtree_indices(clause)
    own = own if isinstance(own, range) else sorted(own)

    def word(i):
        return not doc[i].is_punct and not doc[i].is_space

    # only its first and last words are asked about: a Token for each of the rest costs more
    first = next((i for i in own if word(i)), None)
    return first is not None and ctx.in_quote[first] and ctx.in_quote[next(i for i in reversed(own) if word(i))]


@rule("verb-parenthetical", "verb")
def parenthetical(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"..., X said, ...", "As X reported, ...": the claim runs round its attribution."""
    verb = cue.head
    clause = clause_of(ctx, cue)
    if clause is not None:
        return _clause_draft(ctx, cue, "verb-parenthetical", clause) if clause.on_both_sides(verb) else None
    if "clause" not in cue.entry.frames:
        return None
    speaker = ctx.speaker_of(verb)
    as_clause = verb.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "as" for k in verb.children)
    if (verb.dep_ == "parataxis" or as_clause) and speaker is not None \
            and verb.head.pos_ in ("VERB", "AUX") and not ctx.in_quote[verb.head.i]:
        start, end = span_of(ctx, [verb.head], [verb] if as_clause else [])
        return draft(ctx, cue, "verb-parenthetical", start, end, speaker)
    return None


@rule("cognition", "verb")
def belief(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"X believes that ...": belief rather than speech."""
    clause = clause_of(ctx, cue) if cue.entry.cognition else None
    return None if clause is None else _clause_draft(ctx, cue, "cognition", clause)


@rule("verb-clause", "verb")
def reported_clause(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"X said (that) ...", "..., X said.": the verb's clausal complement."""
    clause = clause_of(ctx, cue)
    return None if clause is None else _clause_draft(ctx, cue, "verb-clause", clause)


@rule("verb-trailing", "verb")
def trailing_attribution(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"..., said the company's chief executive, John Ferriola." parsed without a clausal
    complement: the claim is the sentence before the attribution."""
    verb, doc = cue.head, ctx.doc
    speaker = ctx.speaker_of(verb)
    if "clause" not in cue.entry.frames or speaker is None or speaker.head.i != verb.i \
            or verb.dep_ == "relcl" or speaker.lower_ in WH_WORDS:
        return None
    sent = verb.sent
    start = min(verb.i, speaker.left_edge.i)
    own = subtree_indices(verb)
    if any(t.i not in own and not t.is_punct and not t.is_space for t in doc[verb.i + 1:sent.end]):
        return None
    if start - 1 <= sent.start or doc[start - 1].text not in (",", "—", "–"):
        return None
    if any(t.i in own for t in doc[sent.start:start - 1] if not t.is_punct):
        return None  # what stands before belongs to the verb: "During a stop, X said"
    return draft(ctx, cue, "verb-trailing", *ctx.chars(sent.start, start - 2), speaker)


def _objects(cue: CueMatch) -> list[Token]:
    verb = cue.head
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    for particle in cue.tokens[1:]:  # "called on President Obama to ..."
        objs += [c for c in particle.children if c.dep_ == "pobj"]
    return objs


def _xcomp(verb: Token) -> Optional[Token]:
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)


@rule("verb-object-to", "verb")
def object_and_infinitive(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"urged the Taliban to take action": the object and what it is urged to do."""
    objs, xcomp = _objects(cue), _xcomp(cue.head)
    if "obj-to" not in cue.entry.frames or not objs or xcomp is None:
        return None
    start, _ = span_of(ctx, [objs[0]])
    _, end = claim_span(ctx, [xcomp])
    return draft(ctx, cue, "verb-object-to", start, end, ctx.speaker_of(cue.head))


@rule("verb-to", "verb")
def infinitive(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"vowed to veto the bill"."""
    xcomp = _xcomp(cue.head)
    if "to" not in cue.entry.frames or xcomp is None or \
            not any(k.dep_ == "aux" and k.lower_ == "to" for k in xcomp.children):
        return None
    return draft(ctx, cue, "verb-to", *claim_span(ctx, [xcomp]), ctx.speaker_of(cue.head))


@rule("verb-object-of", "verb")
def object_and_charge(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"accused the council of wasting money"."""
    verb, objs = cue.head, _objects(cue)
    if "obj-of" not in cue.entry.frames or not objs:
        return None
    # "of" hangs on the verb, or on the object ("accusing [Obama of exploitation]")
    of = next((c for c in [*verb.children, *objs[0].children] if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    start, _ = span_of(ctx, [objs[0]])
    # what the charge is made over: "of exploitation [for announcing the steps]"
    rest = [c for c in verb.children if c.i > of.i and c.dep_ == "prep" and c.lower_ in OBJECT_PREPS]
    _, end = span_of(ctx, [of, *rest])
    return draft(ctx, cue, "verb-object-of", start, end, ctx.speaker_of(verb))


@rule("verb-naming", "verb")
def naming(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"called them “great people”", "referred to Trump as a “man of peace”"; unquoted ("critics
    call it a mouthpiece"), the claim is left to the scorer."""
    verb, speaker = cue.head, ctx.speaker_of(cue.head)
    if "obj-as" not in cue.entry.frames:
        return None
    obj = named = None
    for c in verb.children:
        if c.dep_ in ("dobj",) and c.i > verb.i:
            obj = c
        elif c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i and obj is None:
            obj = next((k for k in c.children if k.dep_ == "pobj"), None)
        elif c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"):
            named = c
    if named is None or obj is None or obj.lower_ in WH_WORDS or speaker is None:
        return None
    n_start, n_end = span_of(ctx, [named])
    quote = next(iter(ctx.quotes_within(n_start, n_end)), None)
    if quote is None:  # "critics call it a mouthpiece": a candidate the scorer weighs
        found = draft(ctx, cue, "verb-naming", span_of(ctx, [obj])[0], n_end, speaker)
    elif quote.start <= n_start and quote.end >= n_end - 1:
        found = draft(ctx, cue, "verb-naming", quote.start, quote.end, speaker)
    else:
        found = draft(ctx, cue, "verb-naming", span_of(ctx, [obj])[0], n_end, speaker)
    return None if found.empty else found  # nothing named: the next rules may still apply


def _claims_itself(ctx: Context, tok: Token) -> bool:
    """Whether ``tok`` is a cue that attributes a claim of its own: a verb with its own clause
    or subject ("quoted an official as saying that ..."), a noun with a that-clause; not one
    that only names the charge ("attacked voters for opposing migration", "applauded the
    announcement")."""
    cue = ctx.cue_at.get(tok.i)
    if cue is None:
        return False
    if cue.kind == "noun":
        return that_clause(tok) is not None
    return cue.kind != "verb" or clause_of(ctx, cue) is not None or subject(tok) is not None


@rule("verb-np", "verb")
def stated_object(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """"denied the report": a noun-phrase object that states a claim (frame ``np``; with
    ``np_objects``, the object of any cue: "proposed a 10 percent VAT", a candidate the scorer
    weighs)."""
    verb, objs, speaker = cue.head, _objects(cue), ctx.speaker_of(cue.head)
    # a speaker taken from the clause the cue hangs on ("went on Twitter to applaud ...", "...
    # and denied the report") is evidence the scorer weighs (scoring: "borrowed")
    if not ("np" in cue.entry.frames or ctx.np_objects) or not objs or speaker is None:
        return None
    obj = objs[0]
    if obj.lower_ in WH_WORDS:
        return None
    if obj.i in ctx.cue_at and not denies(ctx, obj) and any(c.dep_ in ("acl", "ccomp") for c in obj.children):
        return None  # "expressed confidence that ...": the noun cue's claim (noun-clause)
    # "blamed China for taking jobs", "showed the West as a sea of chaos": what the object is
    # blamed for or shown as belongs to the claim
    rest = [c for c in verb.children if c.i > obj.i and (c.dep_ == "oprd" or (
        c.dep_ == "prep" and c.lower_ in OBJECT_PREPS))]
    if obj.pos_ == "PRON" and not rest:
        return None  # "defended it"; but "defended himself for bailing on the bill" is a claim
    if any(_claims_itself(ctx, t) and not (t.i == obj.i and denies(ctx, obj)) for r in [obj, *rest] for t in r.subtree):
        return None  # "quoted an official as saying that ...": the nested cue has the claim
    if "obj-to" in cue.entry.frames and plausible(obj, ctx.lexicon):
        return None  # "told reporters", "urged the Taliban": the addressee, not a claim
    start, end = span_of(ctx, [obj])
    if rest:
        end = max(end, span_of(ctx, rest)[1])
    quoted = list(ctx.quotes_within(start, end))
    if "np" not in cue.entry.frames:  # "called a “disgrace” the decision": quoted words elsewhere
        right = verb.right_edge.idx + len(verb.right_edge.text)
        quoted += [q for q in ctx.quotes_within(verb.idx, right) if q.start > verb.idx and not ctx.is_title(q)]
    if any(ctx.is_title(q) for q in quoted) or (quoted and "np" not in cue.entry.frames):
        return None  # a title read ("read “The Old Man and the Sea”"), or quoted words: verb-quoted
    return draft(ctx, cue, "verb-np", start, end, speaker)


@rule("verb-quoted", "verb")
def quoted_complement(ctx: Context, cue: CueMatch) -> Optional[Draft]:
    """Whatever follows a cue, when it quotes the speaker: "decried the GOP for “turning its
    back”", "called it “shameful”", "spoke about “improving NAFTA”". The quotation is what
    makes it a claim."""
    verb, speaker = cue.head, ctx.speaker_of(cue.head)
    if speaker is None or any(c.dep_ == "dobj" and c.lower_ in WH_WORDS for c in verb.children):
        return None  # "what it described as “...”" names, it does not claim
    comps = [c for c in verb.children
             if c.i > verb.i and c.dep_ in COMPLEMENT_DEPS and c not in cue.tokens]
    comps += [c for p in cue.tokens[1:] for c in p.children if c.dep_ == "pobj"]
    if not comps or comps[0].lower_ in WH_WORDS:
        return None
    last = None
    for c in sorted(comps, key=lambda t: t.i):
        lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
        if any(not ctx.is_title(q) for q in ctx.quotes_within(lo, hi)):
            last = c
    if last is None:
        return None
    start, _ = span_of(ctx, [min(comps, key=lambda t: t.i)])
    _, end = claim_span(ctx, [last])
    return draft(ctx, cue, "verb-quoted", start, end, speaker)
