"""Where a claim's content begins and ends: the words a cue's complements cover, less what the
reporter adds around them (a trailing attribution, an aside, narration, another attribution)."""
from __future__ import annotations

from spacy.tokens import Token

from .columns import subtree_indices
from .context import Context
from .quotations import is_mark


def span_of(ctx: Context, roots, exclude=()) -> tuple[int, int]:
    """The contiguous character span covering the subtrees of ``roots``, with the subtrees of
    ``exclude`` cut off where they stand at either end (a trailing attribution)."""
    idx = sorted({i for r in roots for i in subtree_indices(r)})
    if not idx:
        return 0, 0
    cut = {i for r in exclude for i in subtree_indices(r)}
    idx = _cut_ends(ctx.doc, idx, cut)
    if not idx:
        return 0, 0
    return ctx.chars(idx[0], without_trailing_aside(ctx, idx[0], idx[-1]))


def _cut_ends(doc, idx: list, cut: set) -> list:
    """``idx`` less the ``cut`` tokens at either end, and the punctuation beyond them: the full
    stop after "The talks failed, as Reuters reported." does not keep the attribution in."""
    def plain(i):
        return (doc[i].is_punct or doc[i].is_space) and not is_mark(doc[i].text)

    last = len(idx)
    while last:
        j = last
        while j and plain(idx[j - 1]):
            j -= 1
        if not j or idx[j - 1] not in cut:
            break
        last = j - 1
    first = 0
    while first < last and idx[first] in cut:
        first += 1
    return idx[first:last]


def without_trailing_aside(ctx: Context, first: int, last: int) -> int:
    """Drop what the reporter adds after a comma at the end of a claim: a relative clause
    (", which is spread by mosquitoes") or a "with" phrase (", with Mexican stocks likely to
    suffer"). Quoted words are kept."""
    doc = ctx.doc
    while last > first:
        tok = doc[last]
        aside = next((a for a in tok.ancestors if a.i > first and a.right_edge.i == last
                      and (a.dep_ in ("relcl",) or (a.dep_ == "prep" and a.lower_ == "with"))
                      and a.left_edge.i > first and doc[a.left_edge.i - 1].text == ","
                      and not ctx.in_quote[a.i]), None)
        if aside is None:
            break
        last = aside.left_edge.i - 2
    return last


def narration(roots) -> list[Token]:
    """A clause joined to the claim that goes back to narrating what the speaker did:
    "Rubio said the extremist is Clinton, and he railed against the moderators"."""
    out = []
    for r in roots:
        for c in r.children:
            if c.dep_ != "conj" or c.tag_ != "VBD" or c.i < r.i:
                continue
            kids = list(c.children)
            # "..., but that they then met the Bushes": a second that-clause is still the claim
            if any(k.dep_ == "nsubj" and k.lower_ in ("he", "she", "they") for k in kids) and not any(
                    k.dep_ == "mark" and k.lower_ == "that" for k in kids):
                out.append(c)
    return out


def nested_cues(ctx: Context, roots) -> list[Token]:
    """Cues inside ``roots`` whose claims stand apart: participles ("..., claiming ..."),
    conjoined cues ("... and said that ..."), relative clauses ("..., which he said ...")."""
    out = []
    doc, cue_at = ctx.doc, ctx.cue_at
    for r in roots:
        own = subtree_indices(r)
        for i in own if isinstance(own, range) else sorted(own):
            c = cue_at.get(i)  # a Token only for the cues: most words are none
            if c is None:
                continue
            t = doc[i]
            if t in roots or c.kind != "verb":
                continue
            participle = t.tag_ == "VBG" and t.i > 0 and ctx.doc[t.i - 1].text == ","
            if participle or t.dep_ == "parataxis" or _attributes(t):
                out.append(t)
            elif t.head.dep_ == "relcl" and t.dep_ in ("ccomp", "parataxis"):
                out.append(t.head)
    return out


def _attributes(t: Token) -> bool:
    """Whether a cue in a relative clause or joined by "and" attributes a claim of its own
    ("Smith, who said the vote was delayed, ..."; "... and she warned that ..."), rather than
    telling what the claim is about ("the shootings that Obama mentioned"; "is acting unlawfully
    and showing disregard for the law")."""
    kids = list(t.children)
    if t.dep_ == "relcl":
        return not any(k.dep_ == "dobj" and k.tag_ in ("WDT", "WP") for k in kids)
    if t.dep_ != "conj":
        return False
    # "says A and that she expects B": a second complement, not a new attribution
    if any(k.dep_ == "mark" for k in kids):
        return False
    return any(k.dep_ in ("nsubj", "nsubjpass", "ccomp") for k in kids)


def claim_span(ctx: Context, roots) -> tuple[int, int]:
    """The content of the complements ``roots``, less the attributions nested in them."""
    return span_of(ctx, roots, nested_cues(ctx, roots))
