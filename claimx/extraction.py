"""From a parsed document to its claims: runs the stages (quotations and cues, attribution,
speakers, outlets) and assembles the frozen results."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .attribution import Attributor
from .furniture import find_furniture
from .lexicon import Lexicon
from .outlets import outlet_of_cue, outlet_of_speaker
from .schema import Claim, Cue, Span, Speaker
from .speakers import NameResolver, make_speaker

def _hedged(draft, lexicon: Lexicon) -> bool:
    """Whether the claim is reported at one remove: "reportedly", "is said to", "reports say"."""
    head = draft.cue.head
    if any(c.lower_ in lexicon.hedges for c in head.children):
        return True
    if head.lower_ == "said" and any(c.dep_ == "auxpass" for c in head.children):
        return True  # "is said to"
    speaker = draft.speaker_head
    if speaker is not None and speaker.tag_ == "NNS" and speaker.lemma_.lower() in lexicon.hearsay \
            and not any(c.dep_ in ("det", "poss") for c in speaker.children):
        return True  # "media reports suggest", "reports say"
    return False


def extract_claims(doc: Doc, lexicon: Lexicon, np_objects: bool = False,
                   beliefs: bool = True) -> tuple[Claim, ...]:
    """The claims of a parsed document. ``np_objects``: count the noun-phrase object of any cue
    as a claim ("proposed a 10 percent VAT"), as attribution-level corpora do; ``beliefs``: count
    attributed beliefs ("X believes that ...") besides speech."""
    text = doc.text
    drafts = Attributor(doc, lexicon, np_objects, beliefs, text).drafts()
    if drafts:  # none from cookie banners, share prompts, bylines, related links...
        furniture = find_furniture(text)
        drafts = [d for d in drafts
                  if not furniture.holds(d.start, d.end) and not furniture.at(d.cue.tokens[0].idx)]
    resolver = NameResolver(doc, lexicon)
    earlier = []
    done = {}  # id(draft) -> (SpeakerPhrase | None, Outlet | None)
    claims = []
    for d in drafts:
        if d.follows is not None and id(d.follows) in done:
            phrase, outlet = done[id(d.follows)]
        else:
            phrase = outlet = None
            if d.speaker_head is not None:
                phrase = resolver.resolve(make_speaker(d.speaker_head, lexicon), earlier)
                earlier.append(phrase)
                outlet = outlet_of_speaker(d.speaker_head, lexicon)
                if outlet is not None and outlet.start >= phrase.mention.start_char and \
                        outlet.end <= phrase.mention.end_char:
                    phrase.kind = "outlet"
                    phrase.name = outlet.name
            if outlet is None:
                outlet = outlet_of_cue(d.cue.head, lexicon, (d.start, d.end))
        done[id(d)] = (phrase, outlet)
        speaker = None
        if phrase is not None:
            m = phrase.mention
            speaker = Speaker(mention=m.text, start=m.start_char, end=m.end_char,
                              name=phrase.name, kind=phrase.kind, role=phrase.role)
        toks = d.cue.tokens
        cs, ce = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        cue = Cue(text[cs:ce], cs, ce, d.cue.entry.lemma, d.cue.entry.stance)
        # a claim whose speaker the parse lost is rarely right: it gets the confidence measured for those
        confidence = lexicon.confidence.get(d.rule if speaker is not None else "no-speaker", 0.5)
        claims.append(Claim(
            content=Span(text[d.start:d.end], d.start, d.end),
            cue=cue,
            speaker=speaker,
            type=d.type,
            confidence=round(confidence, 2),
            rule=d.rule,
            outlet=outlet,
            passage=d.passage,
            hedged=_hedged(d, lexicon),
        ))
    return tuple(_inherit_outlets(claims))


def _inherit_outlets(claims: list[Claim]) -> list[Claim]:
    """A claim attributed inside another claim that an outlet carries reaches the article through
    that outlet too: "The campaign said ..., CNN reported." """
    carried = [c for c in claims if c.outlet is not None]
    if not carried:
        return claims
    out = []
    for c in claims:
        if c.outlet is None:
            outer = next((o for o in carried if o is not c
                          and o.content.start <= c.cue.start and c.cue.end <= o.content.end), None)
            if outer is not None:
                c = replace(c, outlet=outer.outlet)
        out.append(c)
    return out
