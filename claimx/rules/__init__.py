"""The extraction rules: each a small function, registered under the name a claim's ``rule``
field carries and ``models/rules.yaml`` gives a confidence.

A rule reads the document's :class:`~claimx.context.Context` and one thing in it (a cue, a
quotation, or the document itself) and returns a :class:`Draft`, or None when it does not
apply. For each cue the rules of its kind are tried in the order they are registered, and the
first that applies decides: its draft may be empty (the words it found were nothing), and then
the cue gives no claim. Then each quotation that no claim holds yet gets the first quotation
rule that applies. The families live in modules named for their question: ``verbs`` ("X said
that ..."), ``nouns`` ("his claim that ..."), ``according`` ("according to X"), ``headlines``
and ``quotations``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Token

from ..context import Context
from ..cues import CueMatch


@dataclass(frozen=True, eq=False)
class Draft:
    """A claim found by a rule, before its speaker is named: characters ``start:end`` of the
    text, attributed by ``cue`` to the speaker headed by ``speaker_head``."""

    cue: CueMatch
    rule: str
    start: int
    end: int
    speaker_head: Optional[Token]
    type: str = "indirect"
    follows: Optional["Draft"] = None  # the claim whose quotation this one continues
    continued: bool = False  # True: a further fragment of the passage ``follows`` quotes

    @property
    def empty(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True)
class Rule:
    name: str
    target: str  # what it reads: a "verb", "noun" or "phrase" cue, a "quotation", the "document"
    find: Callable


#: Every rule, in the order they are tried.
RULES: dict[str, Rule] = {}


def rule(name: str, target: str):
    """Register the decorated function as the rule ``name`` for ``target``."""
    def register(find: Callable) -> Callable:
        if name in RULES:
            raise ValueError(f"two rules are named {name!r}")
        RULES[name] = Rule(name, target, find)
        return find
    return register


def rules_for(target: str) -> list[Rule]:
    key = (target, len(RULES))  # registered once, at import: asked for every cue
    if key not in _BY_TARGET:
        _BY_TARGET[key] = [r for r in RULES.values() if r.target == target]
    return _BY_TARGET[key]


_BY_TARGET: dict = {}


def draft(ctx: Context, cue: CueMatch, rule_name: str, start: int, end: int,
          speaker: Optional[Token]) -> Draft:
    """The draft of a claim whose content a rule found at ``start:end``: quotations it cuts into
    are taken whole, and a quotation that goes straight on after it is taken in."""
    if end <= start:
        return Draft(cue, rule_name, 0, 0, speaker)
    start, end = ctx.snap_to_quotes(start, end)
    opening = ctx.quote_starting_at(start)
    if opening is not None and opening.end <= cue.head.idx < end and rule_name != "verb-parenthetical":
        # “A,” she said, “B.”: the claim is the quotation before the attribution; the one after
        # it continues the passage (the rule quote-continued)
        end = opening.end
    nxt = ctx.following_quote(end)
    if nxt is not None and cue.head.i < ctx.token_at(start) and ctx.cue_after(nxt) is None:
        start, end = ctx.snap_to_quotes(start, nxt.end)
    return Draft(cue, rule_name, start, end, speaker, ctx.type_of(start, end))


def find_drafts(ctx: Context, document: bool = True) -> tuple[list[Draft], dict[Draft, int]]:
    """The claims of the document as drafts, in text order, with the passage number of each
    draft whose quotation is split by its attribution. ``document``: the rules that read the
    document as a whole (its headline) apply; not to a later window of a long text."""
    drafts = []
    for cue in ctx.cues:
        found = _first_that_applies(rules_for(cue.kind), ctx, cue)
        if found is not None and not found.empty:
            drafts.append(found)
    for r in rules_for("document") if document else ():
        found = r.find(ctx)
        if found is not None and not found.empty:
            drafts.insert(0, found)
    drafts = _attribute_quotations(ctx, drafts)
    passages = _number_passages(drafts)
    drafts = [d for d in _dedupe(drafts)  # none from cookie banners, share prompts, bylines...
              if not ctx.furniture.holds(d.start, d.end) and not ctx.furniture.at(d.cue.tokens[0].idx)]
    return drafts, passages


def _first_that_applies(rules: list[Rule], ctx: Context, target) -> Optional[Draft]:
    for r in rules:
        found = r.find(ctx, target)
        if found is not None:
            return found
    return None


def _attribute_quotations(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """Give every quotation not yet inside a claim, and not a title, the first quotation rule
    that applies."""
    out = list(drafts)
    used = {d.cue.head.i for d in drafts}  # a cue attributes one claim
    quotation_rules = rules_for("quotation")
    # the drafts that can still overlap the quotation at hand: quotations come in text order
    waiting = sorted(drafts, key=lambda d: d.start)
    near: list[Draft] = []
    taken = 0
    for q in ctx.quotes:
        while taken < len(waiting) and waiting[taken].start < q.end:
            near.append(waiting[taken])
            taken += 1
        near = [d for d in near if d.end > q.start]
        if any(_overlap(d.start, d.end, q.start, q.end) > 0.5 * (q.end - q.start) for d in near):
            continue
        if ctx.is_title(q):
            continue
        for r in quotation_rules:
            found = r.find(ctx, q, out, used)
            if found is not None:
                out.append(found)
                near.append(found)
                used.add(found.cue.head.i)
                break
    out.sort(key=lambda d: d.start)
    return out


def _number_passages(drafts: list[Draft]) -> dict[Draft, int]:
    """Number the passages split by their attribution ("“A,” she said. “B.”"), in the order
    their second fragments stand: each continued fragment shares the number of the one it
    follows."""
    numbers: dict[Draft, int] = {}
    for d in drafts:
        if d.continued:
            if d.follows not in numbers:
                numbers[d.follows] = len(set(numbers.values())) + 1
            numbers[d] = numbers[d.follows]
    return numbers


def _overlap(s1, e1, s2, e2) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Drop a claim whose content is, near enough (90%), another's found earlier or longer."""
    kept: list[Draft] = []
    near: list[Draft] = []  # the kept drafts that reach past the start of the one at hand
    for d in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        near = [k for k in near if k.end > d.start]
        if not any(_overlap(k.start, k.end, d.start, d.end) >= 0.9 * max(k.end - k.start, d.end - d.start)
                   for k in near):
            kept.append(d)
            near.append(d)
    return kept


# The families, in the order their rules are tried.
from . import verbs, nouns, according, headlines, quotations  # noqa: E402,F401
