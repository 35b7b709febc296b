"""From a parsed document to its claims. Only composes the stages, in the order an article
passes through them:

1. :class:`claimx.context.Context`: quotations, cues and page furniture, read once;
2. :mod:`claimx.rules`: each rule turns a cue or a quotation into a draft claim;
3. :mod:`claimx.speakers`: who the speaker is, named as fully as the article allows;
4. :mod:`claimx.outlets`: the outlet the claim reaches the article through;
5. :mod:`claimx.hedging`: whether it is reported at one remove;
6. :mod:`claimx.scoring`: how likely the claim is right, from its own evidence; the unlikely
   ones are left out.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from .columns import doc_text
from .context import Context
from .hedging import is_hedged
from .lexicon import Lexicon
from .outlets import inherit_outlets, know_people, outlet_of_claim
from .rules import RULES, Draft, find_drafts
from .schema import Claim, Cue, Span, Speaker
from .scoring import features, load_scorer
from .referents import NameResolver
from .speakers import SpeakerPhrase, as_government, make_speaker
from .windows import Earlier

#: The confidence of a claim whose speaker the parse lost, whatever its rule (rarely right).
NO_SPEAKER = "no-speaker"
#: The rules whose content is a reported clause alone, without the words attributing it.
REPORTED_CLAUSES = {"verb-clause", "noun-clause"}


def extract_claims(doc: Doc, lexicon: Lexicon, np_objects: bool = False, beliefs: bool = False,
                   window: Optional[Earlier] = None) -> tuple[Claim, ...]:
    """The claims of a parsed document. Every candidate is scored (:mod:`claimx.scoring`) and
    kept when it is more likely right than the threshold says. ``np_objects``: keep the
    noun-phrase object of any cue as a claim whatever its score ("proposed a 10 percent VAT"),
    as attribution-level corpora do; ``beliefs``: count attributed beliefs ("X believes that
    ...") besides speech. ``window``: ``doc`` is a window of a long text, and this is what the
    text before it gave (:mod:`claimx.windows`); the claims' offsets are the window's."""
    scorer = load_scorer()
    found = candidates(doc, lexicon, beliefs, window)
    kept: list[bool] = []
    for c in found:
        if c.follows is not None:  # a further fragment goes with the passage it continues
            kept.append(kept[c.follows])
        else:
            kept.append(c.claim.confidence >= scorer.threshold or (np_objects and c.claim.rule == "verb-np"))
    return tuple(inherit_outlets([c.claim for c, keep in zip(found, kept) if keep]))


@dataclass(frozen=True)
class Candidate:
    """A claim before the decision to keep it: the evidence it was scored on, and the index of
    the candidate whose quoted passage it continues."""

    claim: Claim
    features: tuple
    follows: Optional[int] = None


def candidates(doc: Doc, lexicon: Lexicon, beliefs: bool = False,
               window: Optional[Earlier] = None) -> list[Candidate]:
    """Every claim the rules find in ``doc``, noun-phrase objects of any cue included, each with
    its confidence from its own evidence (``window``: see :func:`extract_claims`)."""
    if id(lexicon) not in _CHECKED:
        check_confidences(lexicon)
        _CHECKED.add(id(lexicon))
    if window is None:
        ctx = Context(doc, lexicon, True, beliefs)
        drafts, passages = find_drafts(ctx)
        resolver = NameResolver(doc, lexicon, ctx.in_quote, _reported(drafts), text=ctx.text)
    else:
        people = know_people(doc, lexicon, window.mister, window.surnames)
        text = doc_text(doc)
        ctx = Context(doc, lexicon, True, beliefs, window.furniture_of(len(text)), text)
        drafts, passages = find_drafts(ctx, document=window.windows == 0)
        resolver = NameResolver(doc, lexicon, ctx.in_quote, _reported(drafts), window.known(), text)
    scorer = load_scorer()
    # the speakers named so far, for pronouns and titles
    earlier: list[SpeakerPhrase] = [] if window is None else window.speakers_before()
    carried = len(earlier)
    done: dict[Draft, tuple] = {}
    scored = {}
    for d in drafts:
        if d.follows in done:  # a continued quotation has its passage's speaker and outlet
            phrase, outlet = done[d.follows]
        else:
            phrase = None
            if d.speaker_head is not None:
                phrase = as_government(resolver.resolve(make_speaker(d.speaker_head, lexicon), earlier, (d.start, d.end)),
                                       d.cue, d.rule)
                earlier.append(phrase)
            outlet = outlet_of_claim(d.speaker_head, phrase, d.cue.head, (d.start, d.end), lexicon)
        done[d] = (phrase, outlet)
        feats = tuple(features(ctx, d, phrase))
        prior = lexicon.confidence[d.rule if phrase is not None else NO_SPEAKER]
        scored[d] = (feats, prior, scorer.probability(feats, prior))
    # a claim framed by another that is kept ("Officials said that Jones claimed ...") is
    # scored as reported through it
    framing = [d for d in drafts if scored[d][2] >= scorer.threshold]
    for d in framed_by(framing, drafts):
        feats, prior, _ = scored[d]
        feats += ("inside-claim",)
        scored[d] = (feats, prior, scorer.probability(feats, prior))
    index: dict[Draft, int] = {}
    out = []
    for d in drafts:
        feats, _, confidence = scored[d]
        index[d] = len(out)
        follows = index.get(d.follows) if d.continued else None
        phrase, outlet = done[d]
        if phrase is not None:  # "I" of the article's own words: its writer, once scored
            phrase = resolver.as_writer(phrase)
        out.append(Candidate(_claim(ctx, d, phrase, outlet, passages.get(d), confidence), feats, follows))
    if window is not None:
        window.learn(resolver, earlier[carried:], passages, people)
    return out


def _reported(drafts: list[Draft]) -> list[tuple[int, int]]:
    """The clauses reported after their cue ("said that Cruz is a liar"): their subjects are the
    reported speech's, not the narration's, for a later "he"."""
    return [(d.start, d.end) for d in drafts if d.rule in REPORTED_CLAUSES and d.cue.head.idx < d.start]


#: The longest claim content looked back over when asking whether a cue stands inside one.
LONGEST_CONTENT = 3000


def framed_by(framing: list[Draft], drafts: list[Draft]) -> set:
    """The ``drafts`` whose cue stands inside the content of one of ``framing`` (both in text
    order) that attributes it before it does: "Officials said that Jones claimed ...", not the
    "The campaign said ..." of "The campaign said ..., CNN reported" (whose speaker is the news).
    Fragments of one passage do not frame each other."""
    starts = [f.start for f in framing]
    out = set()
    for d in drafts:
        at = d.cue.head.idx
        own = _passage_of(d)
        for j in range(bisect_right(starts, at) - 1, bisect_left(starts, at - LONGEST_CONTENT) - 1, -1):
            e = framing[j]
            if e is not d and e.start <= at < e.end and e.cue.head.idx < at and _passage_of(e) is not own:
                out.add(d)
                break
    return out


def _passage_of(d: Draft) -> Draft:
    while d.follows is not None:
        d = d.follows
    return d


def check_confidences(lexicon: Lexicon) -> None:
    """Every rule needs its confidence in ``models/rules.yaml``; a name there that no rule has
    is a typo."""
    have, rules = set(lexicon.confidence), set(RULES) | {NO_SPEAKER}
    if have != rules:
        raise ValueError(f"models/rules.yaml and the rule registry disagree: no confidence for "
                         f"{sorted(rules - have)}, no rule named {sorted(have - rules)}")


_CHECKED: set = set()


def _claim(ctx: Context, d: Draft, phrase, outlet, passage, confidence: float) -> Claim:
    text = ctx.text
    speaker = None
    if phrase is not None:
        m = phrase.mention
        speaker = Speaker(mention=text[m.start_char:m.end_char], start=m.start_char, end=m.end_char,
                          name=phrase.name, kind=phrase.kind, role=phrase.role)
    toks = d.cue.tokens
    cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return Claim(
        content=Span(text[d.start:d.end], d.start, d.end),
        cue=Cue(text[cs:ce], cs, ce, d.cue.entry.lemma, d.cue.entry.stance),
        speaker=speaker,
        type=d.type,
        confidence=round(confidence, 2),
        rule=d.rule,
        outlet=outlet,
        passage=passage,
        hedged=is_hedged(d.cue.head, d.speaker_head, ctx.lexicon),
    )
