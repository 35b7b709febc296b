"""From a parsed document to its claims. Only composes the stages, in the order an article
passes through them:

1. :class:`claimx.context.Context`: quotations, cues and page furniture, read once;
2. :mod:`claimx.rules`: each rule turns a cue or a quotation into a draft claim;
3. :mod:`claimx.speakers`: who the speaker is, named as fully as the article allows;
4. :mod:`claimx.outlets`: the outlet the claim reaches the article through;
5. :mod:`claimx.hedging`: whether it is reported at one remove;
6. the rule's confidence, from ``models/rules.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .context import Context
from .hedging import is_hedged
from .lexicon import Lexicon
from .outlets import inherit_outlets, outlet_of_claim
from .rules import RULES, Draft, find_drafts
from .schema import Claim, Cue, Span, Speaker
from .speakers import NameResolver, SpeakerPhrase, make_speaker

#: The confidence of a claim whose speaker the parse lost, whatever its rule (rarely right).
NO_SPEAKER = "no-speaker"


def extract_claims(doc: Doc, lexicon: Lexicon, np_objects: bool = False,
                   beliefs: bool = True) -> tuple[Claim, ...]:
    """The claims of a parsed document. ``np_objects``: count the noun-phrase object of any cue
    as a claim ("proposed a 10 percent VAT"), as attribution-level corpora do; ``beliefs``: count
    attributed beliefs ("X believes that ...") besides speech."""
    if id(lexicon) not in _CHECKED:
        check_confidences(lexicon)
        _CHECKED.add(id(lexicon))
    ctx = Context(doc, lexicon, np_objects, beliefs)
    drafts, passages = find_drafts(ctx)
    resolver = NameResolver(doc, lexicon)
    earlier: list[SpeakerPhrase] = []  # the speakers named so far, for pronouns and titles
    done: dict[Draft, tuple] = {}
    claims = []
    for d in drafts:
        if d.follows in done:  # a continued quotation has its passage's speaker and outlet
            phrase, outlet = done[d.follows]
        else:
            phrase = None
            if d.speaker_head is not None:
                phrase = resolver.resolve(make_speaker(d.speaker_head, lexicon), earlier)
                earlier.append(phrase)
            outlet = outlet_of_claim(d.speaker_head, phrase, d.cue.head, (d.start, d.end), lexicon)
        done[d] = (phrase, outlet)
        claims.append(_claim(ctx, d, phrase, outlet, passages.get(d)))
    return tuple(inherit_outlets(claims))


def check_confidences(lexicon: Lexicon) -> None:
    """Every rule needs its confidence in ``models/rules.yaml``; a name there that no rule has
    is a typo."""
    have, rules = set(lexicon.confidence), set(RULES) | {NO_SPEAKER}
    if have != rules:
        raise ValueError(f"models/rules.yaml and the rule registry disagree: no confidence for "
                         f"{sorted(rules - have)}, no rule named {sorted(have - rules)}")


_CHECKED: set = set()


def _claim(ctx: Context, d: Draft, phrase, outlet, passage) -> Claim:
    text = ctx.text
    speaker = None
    if phrase is not None:
        m = phrase.mention
        speaker = Speaker(mention=m.text, start=m.start_char, end=m.end_char,
                          name=phrase.name, kind=phrase.kind, role=phrase.role)
    toks = d.cue.tokens
    cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return Claim(
        content=Span(text[d.start:d.end], d.start, d.end),
        cue=Cue(text[cs:ce], cs, ce, d.cue.entry.lemma, d.cue.entry.stance),
        speaker=speaker,
        type=d.type,
        confidence=round(ctx.lexicon.confidence[d.rule if speaker is not None else NO_SPEAKER], 2),
        rule=d.rule,
        outlet=outlet,
        passage=passage,
        hedged=is_hedged(d.cue.head, d.speaker_head, ctx.lexicon),
    )
