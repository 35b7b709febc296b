"""Attributing claims: from each cue to the claim it introduces (the content) and who makes it
(the speaker), and from each quotation to the cue and speaker around it.

The rules read the dependency parse; each draft records the rule that made it, which becomes the
claim's ``rule`` and, through ``models/rules.yaml``, its confidence.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .cues import PUNCTUATION, CueMatch, find_cues
from .lexicon import Lexicon
from .quotations import MARK_CHARS, Quotation, find_quotations, is_mark

# Subordinating words of a condition that belongs to the claim it precedes.
CONDITIONS = {"if", "unless", "although", "though", "because", "once", "until"}
# What may follow a cue and carry the claim: objects, prepositional phrases, complements.
COMPLEMENT_DEPS = {"dobj", "dative", "prep", "oprd", "xcomp", "acomp", "attr", "ccomp"}
WH_WORDS = {"what", "which", "who", "whom", "whatever"}
SUBJECT_DEPS = {"nsubj", "csubj"}
TRIM = " \t\n,;:—–-"
# What a quotation of speech ends with, inside its marks or straight after them.
SPEECH_END = set(",.?!…—–-:;")
# How far from a quotation its attribution may stand, in tokens.
QUOTE_WINDOW_AFTER = 40
QUOTE_WINDOW_BEFORE = 14


@dataclass
class Draft:
    """A claim under construction."""

    cue: CueMatch
    rule: str
    start: int
    end: int
    speaker_head: Optional[Token]
    type: str = "indirect"
    passage: Optional[int] = None
    follows: Optional["Draft"] = None  # the claim whose speaker this one continues


class Attributor:
    """Finds the claims of one parsed document."""

    def __init__(self, doc: Doc, lexicon: Lexicon, np_objects: bool = False, beliefs: bool = True,
                 text: Optional[str] = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.lexicon = lexicon
        self.np_objects = np_objects
        self.quotes = find_quotations(self.text)
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.in_quote = self._mark_quoted()
        self.cues = [c for c in find_cues(doc, lexicon, lambda i: self.in_quote[i])
                     if beliefs or not c.entry.cognition]
        self.cue_at = {c.head.i: c for c in self.cues}
        self._passages = 0

    # ----------------------------------------------------------------- helpers
    def _mark_quoted(self) -> list:
        inside = [False] * len(self.doc)
        for q in self.quotes:
            for i in range(self._token_at(q.start), len(self.doc)):
                if self.starts[i] >= q.end:
                    break
                if self.starts[i] > q.start:
                    inside[i] = True
        return inside

    def _token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def _chars(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first..last`` (inclusive), trimmed."""
        doc = self.doc
        while first <= last and (doc[first].dep_ in ("mark",) and doc[first].lower_ == "that" and first < last
                                 or doc[first].is_space or doc[first].text in TRIM):
            first += 1
        while last >= first and (doc[last].is_space or doc[last].text in TRIM or doc[last].text == "."
                                 or doc[last].dep_ == "cc"):
            last -= 1
        if last < first:
            return 0, 0
        return doc[first].idx, doc[last].idx + len(doc[last].text)

    def _span_of(self, roots, exclude=()) -> tuple[int, int]:
        """The contiguous character span covering the subtrees of ``roots``, with the subtrees of
        ``exclude`` cut off where they stand at either end (a trailing attribution)."""
        idx = sorted({t.i for r in roots for t in r.subtree})
        if not idx:
            return 0, 0
        cut = {t.i for r in exclude for t in r.subtree}
        while idx and idx[-1] in cut:
            idx.pop()
        while idx and idx[0] in cut:
            idx.pop(0)
        if not idx:
            return 0, 0
        return self._chars(idx[0], self._without_trailing_aside(idx[0], idx[-1]))

    def _without_trailing_aside(self, first: int, last: int) -> int:
        """Drop what the reporter adds after a comma at the end of a claim: a relative clause
        (", which is spread by mosquitoes") or a "with" phrase (", with Mexican stocks likely to
        suffer"). Quoted words are kept."""
        doc = self.doc
        while last > first:
            tok = doc[last]
            aside = next((a for a in tok.ancestors if a.i > first and a.right_edge.i == last
                          and (a.dep_ in ("relcl",) or (a.dep_ == "prep" and a.lower_ == "with"))
                          and a.left_edge.i > first and doc[a.left_edge.i - 1].text == ","
                          and not self.in_quote[a.i]), None)
            if aside is None:
                break
            last = aside.left_edge.i - 2
        return last

    def _narration(self, roots) -> list[Token]:
        """A clause joined to the claim that goes back to narrating what the speaker did:
        "Rubio said the extremist is Clinton, and he railed against the moderators"."""
        out = []
        for r in roots:
            for c in r.children:
                if c.dep_ == "conj" and c.tag_ == "VBD" and c.i > r.i and any(
                        k.dep_ == "nsubj" and k.lower_ in ("he", "she", "they") for k in c.children):
                    out.append(c)
        return out

    def _nested_cues(self, roots) -> list[Token]:
        """Cues inside ``roots`` whose claims stand apart: participles ("..., claiming ..."),
        conjoined cues ("... and said that ..."), relative clauses ("..., which he said ...")."""
        out = []
        for r in roots:
            for t in r.subtree:
                c = self.cue_at.get(t.i)
                if c is None or t in roots or c.kind != "verb":
                    continue
                participle = t.tag_ == "VBG" and t.i > 0 and self.doc[t.i - 1].text == ","
                # "says A and that she expects B": a second complement, not a new attribution
                second_that = t.dep_ == "conj" and any(k.dep_ == "mark" for k in t.children)
                if participle or t.dep_ in ("relcl", "parataxis") or (t.dep_ == "conj" and not second_that):
                    out.append(t)
                elif t.head.dep_ == "relcl" and t.dep_ in ("ccomp", "parataxis"):
                    out.append(t.head)
        return out

    def _snap_to_quotes(self, start: int, end: int) -> tuple[int, int]:
        """Extend a span so that a quotation it cuts into is taken whole."""
        for q in self.quotes:
            if q.start >= end or q.end <= start:
                continue
            inner = self.text[max(q.start + 1, start):min(q.end - 1, end)]
            if inner.strip(TRIM + MARK_CHARS):
                start, end = min(start, q.start), max(end, q.end)
        return start, end

    def _following_quote(self, end: int) -> Optional[Quotation]:
        """A quotation that goes on straight after ``end`` in the same sentence
        ("argued that ..., “because ...”")."""
        for q in self.quotes:
            if q.start >= end:
                gap = self.text[end:q.start]
                if gap.strip(" ,:;—–") == "" and "\n" not in gap:
                    return q
                return None
        return None

    def _type(self, start: int, end: int) -> str:
        """direct: only quoted words; mixed: reported words with a quoted fragment; else indirect."""
        inside = [q for q in self.quotes if q.start < end and q.end > start]
        if not inside:
            return "indirect"
        rest = self.text[start:end]
        for q in inside:
            if q.start >= start and q.end <= end:
                rest = rest.replace(self.text[q.start:q.end], " ")
        return "direct" if not rest.strip(TRIM + ".!?" + MARK_CHARS) else "mixed"

    # ---------------------------------------------------------------- speakers
    def _subject(self, verb: Token) -> Optional[Token]:
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

    def speaker_of(self, cue: CueMatch) -> Optional[Token]:
        """The head of the phrase naming who makes the claim, or None."""
        verb = cue.head
        found = self._subject(verb)
        if found is not None:
            return None if self.in_quote[found.i] else found
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return None  # "Asked whether he would resign, the minister ...": the asker is unnamed
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and (
                self._plausible(verb.head) or verb.tag_ == "VBG"):
            return verb.head  # "officials saying that ...", "an editor's note saying that ..."
        if verb.tag_ == "VBG" and verb.i > 0 and self.doc[verb.i - 1].text == ",":
            # "..., warning that ...", "..., claiming ...": the participle tells more of what the
            # subject of the sentence did, wherever the parser attached it
            root = verb.sent.root
            while True:
                found = self._subject(root)
                if found is not None and not self.in_quote[found.i] and found.i != verb.i:
                    return found
                if root.dep_ != "conj" or root.head.i == root.i:
                    break
                root = root.head
        # an infinitive, a conjoined verb or a participle takes the subject of the clause it hangs
        # on: "went out of his way to say", "continued by saying", "and added"
        for anc in verb.ancestors:
            if anc.pos_ in ("NOUN", "PROPN", "NUM"):
                break  # the cue is part of a noun phrase: "the decision to say"
            if anc.pos_ in ("VERB", "AUX") and not self.in_quote[anc.i]:
                found = self._subject(anc)
                if found is not None:
                    return None if self.in_quote[found.i] else found
        return self._adjacent_speaker(verb)

    def _adjacent_speaker(self, verb: Token) -> Optional[Token]:
        """A speaker standing next to a cue the parser left without a subject, as in the
        attribution after a quotation: "“...,” he wrote", "“...,” said Robert Reich, who ..."."""
        doc = self.doc
        before = verb.i - 1
        if before > 0 and doc[before].text == ",":
            # "Col. Steven Warren, a military spokesman in Baghdad, said": back over the apposition
            edge = doc[before - 1]
            while edge.head.i < edge.i and edge.head.right_edge.i <= before and edge.dep_ != "ROOT":
                edge = edge.head
            before = edge.i
        for i in (before, verb.i + 1):
            if not 0 <= i < len(doc) or self.in_quote[i]:
                continue
            tok = doc[i]
            if tok.dep_ == "compound" and tok.head.i > tok.i:
                tok = tok.head
            if tok.pos_ == "PROPN" or (tok.pos_ == "PRON" and tok.lower_ in self.lexicon.pronouns
                                       and tok.lower_ not in ("it", "that", "which", "who")) \
                    or (tok.pos_ == "NOUN" and self._plausible(tok)):
                return tok
        return None

    def _plausible(self, tok: Token) -> bool:
        lex = self.lexicon
        lemma = tok.lemma_.lower()
        return (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or lemma in lex.anonymous
                or lemma in lex.groups or lemma in lex.titles or tok.lower_ in lex.outlets)

    # ---------------------------------------------------------------- the rules
    def drafts(self) -> list[Draft]:
        drafts: list[Draft] = []
        for cue in self.cues:
            if cue.kind == "verb":
                draft = self._from_verb(cue)
            elif cue.kind == "noun":
                draft = self._from_noun(cue)
            else:
                draft = self._from_according(cue)
            if draft is not None:
                drafts.append(draft)
        headline = self._headline()
        if headline is not None:
            drafts.insert(0, headline)
        drafts = self._attach_quotations(drafts)
        return _dedupe(drafts)

    def _finish(self, cue, rule, start, end, speaker) -> Optional[Draft]:
        if end <= start:
            return None
        start, end = self._snap_to_quotes(start, end)
        opening = next((q for q in self.quotes if q.start == start), None)
        if opening is not None and opening.end <= cue.head.idx < end and rule != "verb-parenthetical":
            # “A,” she said, “B.”: the claim is the quotation before the attribution; the one
            # after it continues the passage (see _attach_quotations)
            end = opening.end
        nxt = self._following_quote(end)
        if nxt is not None and cue.head.i < self._token_at(start) and self._cue_after(nxt) is None:
            start, end = self._snap_to_quotes(start, nxt.end)
        kind = self._type(start, end)
        return Draft(cue, rule, start, end, speaker, kind)

    def _from_verb(self, cue: CueMatch) -> Optional[Draft]:
        verb, frames = cue.head, cue.entry.frames
        kids = list(verb.children)
        speaker = self.speaker_of(cue)
        rule = "cognition" if cue.entry.cognition else "verb-clause"
        if "clause" in frames:
            holder = verb
            if cue.entry.lemma == "make clear":
                holder = next(t for t in cue.tokens if t.i != verb.i)
            comps = [c for c in holder.children if c.dep_ in ("ccomp",)
                     or (holder.i != verb.i and c.dep_ in ("advcl",) and c.i > holder.i)
                     # "said seeing so many officers was a welcome sight": a clause parsed as xcomp
                     or (c.dep_ == "xcomp" and c.i == holder.i + 1 and c.tag_ == "VBG")]
            comps = [c for c in comps if c not in cue.tokens]
            if comps:
                if speaker is not None and any(speaker.i in {t.i for t in c.subtree} for c in comps):
                    speaker = None
                # "Even if the venture fails, Mr. Morgan said, the land ...": a condition set
                # before the attribution belongs to the claim
                comps += [c for c in holder.children if c.dep_ == "advcl" and c.i < holder.i
                          and any(k.dep_ == "mark" and k.lower_ in CONDITIONS for k in c.children)]
                if any(c.i < verb.i for c in comps) and any(c.i > verb.i for c in comps):
                    rule = "verb-parenthetical"
                nested = [t for c in comps for t in c.subtree
                          if t.i in self.cue_at and t.i != verb.i and self._subject(t) is not None]
                if nested and all(c.i < verb.i for c in comps):
                    # "Trump asserted that ...: “France is no longer France,” he claimed": the
                    # parser hung another attribution on the verb; the claim is the quotation
                    quote = next((q for q in reversed(self.quotes) if q.end <= verb.idx), None)
                    if quote is not None and self._cue_after(quote) is cue:
                        return self._finish(cue, "verb-quote", quote.start, quote.end, speaker)
                start, end = self._span_of(comps, self._nested_cues(comps) + self._narration(comps))
                if all(self.in_quote[c.i] for c in comps):
                    rule = "verb-quote" if not cue.entry.cognition else rule
                return self._finish(cue, rule, start, end, speaker)
            as_clause = verb.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ == "as" for k in kids)
            if (verb.dep_ == "parataxis" or as_clause) and speaker is not None \
                    and verb.head.pos_ in ("VERB", "AUX") and not self.in_quote[verb.head.i]:
                # "Even if ..., Mr. Morgan said, he has already ...": the claim runs round it
                start, end = self._span_of([verb.head], [verb] if as_clause else [])
                return self._finish(cue, "verb-parenthetical", start, end, speaker)
            trailing = self._trailing_attribution(verb, speaker)
            if trailing is not None:
                return self._finish(cue, "verb-trailing", *trailing, speaker)
        objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        for particle in cue.tokens[1:]:  # "called on President Obama to ..."
            objs += [c for c in particle.children if c.dep_ == "pobj"]
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > verb.i), None)
        if "obj-to" in frames and objs and xcomp is not None:
            start, _ = self._span_of([objs[0]])
            _, end = self._span_of([xcomp], self._nested_cues([xcomp]))
            return self._finish(cue, "verb-object-to", start, end, speaker)
        if "to" in frames and xcomp is not None and any(k.dep_ == "aux" and k.lower_ == "to" for k in xcomp.children):
            start, end = self._span_of([xcomp], self._nested_cues([xcomp]))
            return self._finish(cue, "verb-to", start, end, speaker)
        if "obj-of" in frames and objs:
            of = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                start, _ = self._span_of([objs[0]])
                _, end = self._span_of([of])
                return self._finish(cue, "verb-object-of", start, end, speaker)
        if "obj-as" in frames:
            named = self._naming(cue, speaker)
            if named is not None:
                return named
        own_subject = self._subject(verb) is not None or (verb.tag_ == "VBG" and self.doc[verb.i - 1].text == ",")
        if ("np" in frames or self.np_objects) and objs and speaker is not None and own_subject:
            obj = objs[0]
            if obj.pos_ not in ("PRON",) and obj.lower_ not in WH_WORDS:
                start, end = self._span_of([obj])
                return self._finish(cue, "verb-np", start, end, speaker)
        return self._quoted_complement(cue, speaker)

    def _is_title(self, q: Quotation) -> bool:
        """A quoted title rather than quoted speech: “The Old Man and the Sea”, “Meet the Press”."""
        words = self.text[q.start:q.end].strip(MARK_CHARS + " ,.").split()
        capitalised = sum(w[:1].isupper() for w in words)
        return len(words) >= 2 and capitalised >= 0.6 * len(words) and words[0][:1].isupper()

    def _quoted_complement(self, cue: CueMatch, speaker) -> Optional[Draft]:
        """Whatever follows a cue, when it quotes the speaker: "decried the GOP for “turning its
        back”", "called it “shameful”", "spoke about “improving NAFTA”". The quotation is what
        makes it a claim."""
        verb = cue.head
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
            if any(q.start < hi and q.end > lo and not self._is_title(q) for q in self.quotes):
                last = c
        if last is None:
            return None
        first = min(comps, key=lambda t: t.i)
        start, _ = self._span_of([first])
        _, end = self._span_of([last], self._nested_cues([last]))
        return self._finish(cue, "verb-quoted", start, end, speaker)

    def _trailing_attribution(self, verb: Token, speaker: Optional[Token]) -> Optional[tuple[int, int]]:
        """"..., said the company's chief executive, John Ferriola." parsed without a clausal
        complement: the claim is the sentence before the attribution."""
        if speaker is None or speaker.head.i != verb.i or verb.dep_ == "relcl" or speaker.lower_ in WH_WORDS:
            return None
        sent = verb.sent
        start = min(verb.i, speaker.left_edge.i)
        own = {t.i for t in verb.subtree}
        if any(t.i not in own and not t.is_punct and not t.is_space for t in self.doc[verb.i + 1:sent.end]):
            return None
        if start - 1 <= sent.start or self.doc[start - 1].text not in (",", "—", "–"):
            return None
        if any(t.i in own for t in self.doc[sent.start:start - 1] if not t.is_punct):
            return None  # what stands before belongs to the verb: "During a stop, X said"
        return self._chars(sent.start, start - 2)

    def _naming(self, cue: CueMatch, speaker) -> Optional[Draft]:
        """"called them “great people”", "referred to Trump as a “man of peace”": a claim only when
        the name given is quoted."""
        verb = cue.head
        obj = None
        naming = None
        for c in verb.children:
            if c.dep_ in ("dobj",) and c.i > verb.i:
                obj = c
            elif c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i and obj is None:
                obj = next((k for k in c.children if k.dep_ == "pobj"), None)
            elif c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"):
                naming = c
        if naming is None or obj is None or obj.lower_ in WH_WORDS or speaker is None:
            return None
        n_start, n_end = self._span_of([naming])
        quote = next((q for q in self.quotes if q.start < n_end and q.end > n_start), None)
        if quote is None:
            return None
        if quote.start <= n_start and quote.end >= n_end - 1:
            return self._finish(cue, "verb-naming", quote.start, quote.end, speaker)
        start, _ = self._span_of([obj])
        return self._finish(cue, "verb-naming", start, n_end, speaker)

    def _from_noun(self, cue: CueMatch) -> Optional[Draft]:
        noun = cue.head
        clause = None
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(
                    k.dep_ == "mark" and k.lower_ == "that" for k in c.children):
                clause = c
                break
        if clause is None:
            return None
        speaker = None
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i):
                speaker = c if c.dep_ == "poss" else next((k for k in c.children if k.dep_ == "pobj"), None)
                break
        if speaker is None and noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            verb = noun.head
            speaker = self.speaker_of(CueMatch(verb, (verb,), cue.entry))
        if speaker is None:
            return None
        start, end = self._span_of([clause], self._nested_cues([clause]))
        return self._finish(cue, "noun-clause", start, end, speaker)

    def _from_according(self, cue: CueMatch) -> Optional[Draft]:
        according, to = cue.tokens
        speaker = next((k for k in to.children if k.dep_ == "pobj"), None)
        if speaker is None:
            return None
        clause = according.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.i == according.i:
            return None
        own = {t.i for t in according.subtree}
        idx = [t.i for t in clause.subtree if t.i not in own]
        if not idx:
            return None
        first, last = idx[0], idx[-1]
        doc = self.doc
        # drop "Yet," / "However," / "But" at the start of the clause
        while first < last and (doc[first].is_punct or doc[first].dep_ == "cc" or (
                doc[first].dep_ == "advmod" and doc[first + 1].is_punct)):
            first += 1
        if first < min(own) and clause.i < min(own):
            last = min(own) - 1  # "X did Z, according to Y ..."
        # else "According to Y, X did Z", or "X, according to Y, did Z": the claim runs round it
        start, end = self._chars(first, last)
        return self._finish(cue, "according-to", start, end, speaker)

    # ------------------------------------------------------------- quotations
    def _attach_quotations(self, drafts: list[Draft]) -> list[Draft]:
        """Give every quotation not yet inside a claim the attribution around it, or the speaker
        of the quoted passage it continues."""
        by_cue = {d.cue.head.i: d for d in drafts}
        out = list(drafts)
        for q in self.quotes:
            if any(_overlap(d.start, d.end, q.start, q.end) > 0.5 * (q.end - q.start) for d in out):
                continue
            words = q.words(self.text)
            if self._is_title(q):
                continue
            cue = self._cue_after(q) or self._cue_before(q)
            if cue is None:
                found = self._punctuation_attribution(q)
                if found is not None:
                    out.append(Draft(found[0], found[1], q.start, q.end, found[2], "direct"))
                    continue
            if cue is not None and cue.head.i not in by_cue:
                speaker = self.speaker_of(cue)
                if speaker is not None and self.in_quote[speaker.i]:
                    speaker = None
                rule = "quote-trailing-cue" if cue.head.idx > q.start else "quote-leading-cue"
                draft = Draft(cue, rule, q.start, q.end, speaker, "direct")
                out.append(draft)
                by_cue[cue.head.i] = draft
                continue
            if words < 3:
                continue
            prev = self._previous_quote_claim(out, q)
            if prev is None:
                continue
            gap = self.text[prev.end:q.start]
            if "\n" not in gap:
                if not self._continues(prev, q, gap):
                    continue
                if prev.passage is None:
                    self._passages += 1
                    prev.passage = self._passages
                out.append(Draft(prev.cue, "quote-continued", q.start, q.end, prev.speaker_head,
                                 "direct", passage=prev.passage, follows=prev))
            elif words >= 3 and self._opens_paragraph(q) and gap.count("\n") <= 2 and self._prev_para_ends_with(prev):
                out.append(Draft(prev.cue, "quote-floating", q.start, q.end, prev.speaker_head,
                                 "direct", follows=prev))
        out.sort(key=lambda d: d.start)
        return out

    def _name_phrase(self, first: int, last: int) -> Optional[Token]:
        """The head of tokens ``first..last`` when they only name someone ("Commissioner Jane
        Doe", "the minister"), else None."""
        if last < first or last - first > 8:
            return None
        span = self.doc[first:last + 1]
        if any(t.pos_ in ("VERB", "AUX") or self.in_quote[t.i] or "\n" in t.text for t in span):
            return None
        head = span.root
        if head.pos_ == "PROPN" or (head.pos_ == "NOUN" and self._plausible(head)):
            return head
        return None

    def _punctuation_attribution(self, q: Quotation):
        """(cue, rule, speaker) for a quotation attributed by punctuation alone:
        "“...” – Commissioner Jane Doe" or "From the minister: “...”"."""
        doc = self.doc
        after = self._token_at(q.end)
        if after < len(doc) and doc[after].text in ("—", "–", "-", "--"):
            last = after + 1
            while last < len(doc) and doc[last].text not in (".", ",", ";") and "\n" not in doc[last].text:
                last += 1
            head = self._name_phrase(after + 1, last - 1)
            if head is not None:
                return CueMatch(doc[after], (doc[after],), PUNCTUATION), "quote-dash", head
        before = self._token_at(q.start) - 1
        if before > 0 and doc[before].text == ":":
            first = before - 1
            while first > 0 and doc[first - 1].text not in (".", "\n", ";") and "\n" not in doc[first - 1].text \
                    and not is_mark(doc[first - 1].text):
                first -= 1
            if doc[first].lower_ == "from":
                first += 1
            head = self._name_phrase(first, before - 1)
            if head is not None:
                return CueMatch(doc[before], (doc[before],), PUNCTUATION), "quote-colon", head
        return None

    def _headline(self) -> Optional[Draft]:
        """A headline attributed after a colon: "Talks have stalled over the Taliban's stance:
        Report"."""
        doc = self.doc
        line_end = self.text.find("\n")
        line_end = len(self.text) if line_end < 0 else line_end
        colon = self.text.rfind(":", 0, line_end)
        if colon <= 0:
            return None
        ci = self._token_at(colon)
        if ci >= len(doc) or doc[ci].idx != colon:
            return None
        last = self._token_at(line_end) - 1
        while last > ci and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if not 1 <= last - ci <= 4 or not all(t.text[:1].isupper() for t in doc[ci + 1:last + 1]):
            return None
        speaker = doc[ci + 1:last + 1].root
        start, end = self._chars(0, ci - 1)
        if end - start < 20:
            return None
        cue = CueMatch(doc[ci], (doc[ci],), PUNCTUATION)
        return Draft(cue, "headline", start, end, speaker, self._type(start, end))

    def _continues(self, prev: Draft, q: Quotation, gap: str) -> bool:
        """Whether ``q`` is the next fragment of the passage ``prev`` quotes: only its attribution
        ("“A,” X said. “B.”") or nothing ("X said: “A.” “B.”") stands between them."""
        if not gap.strip(TRIM + MARK_CHARS):
            return True
        cue = prev.cue.head
        if not prev.end <= cue.idx < q.start:
            return False
        after_attribution = self.text[max(cue.sent.end_char, prev.end):q.start]
        return q.start < cue.sent.end_char or not after_attribution.strip(TRIM + MARK_CHARS)

    def _cue_after(self, q: Quotation) -> Optional[CueMatch]:
        """The cue of an attribution that follows the quotation in its sentence
        ("“...,” said Steve Moody, a small-business owner.")."""
        i = self._token_at(q.end)
        # speech ends in punctuation, inside the marks or just after: “...,” said X / “...”, X said
        inner_end = self.text[q.start:q.end].rstrip(MARK_CHARS)[-1:]
        if inner_end not in SPEECH_END and self.text[q.end:q.end + 1] not in SPEECH_END:
            return None
        for j in range(i, min(i + QUOTE_WINDOW_AFTER, len(self.doc))):
            tok = self.doc[j]
            if "\n" in tok.text or self.in_quote[j] or is_mark(tok.text):
                return None
            cue = self.cue_at.get(j)
            if cue is not None and cue.kind == "verb" and "clause" in cue.entry.frames:
                return cue
            if tok.text in ".;?!" and j > i:
                return None
        return None

    def _cue_before(self, q: Quotation) -> Optional[CueMatch]:
        i = self._token_at(q.start) - 1
        # "X said: “...”", "X said, “...”"; a bare "read “The Old Man and the Sea”" is a title
        if i < 0 or self.doc[i].text not in (":", ",", "—"):
            return None
        for j in range(i, max(i - QUOTE_WINDOW_BEFORE, -1), -1):
            tok = self.doc[j]
            if "\n" in tok.text or self.in_quote[j] or tok.text == "." or is_mark(tok.text):
                return None
            cue = self.cue_at.get(j)
            if cue is not None and cue.kind == "verb" and "clause" in cue.entry.frames:
                return cue
        return None

    def _previous_quote_claim(self, drafts, q) -> Optional[Draft]:
        best = None
        for d in drafts:
            if d.end <= q.start and d.type in ("direct", "mixed") and (best is None or d.end > best.end):
                best = d
        if best is None:
            return None
        # no other quotation between them, but for one in the attribution ("said on “Meet the Press”")
        sent = best.cue.head.sent
        if any(best.end <= o.start and o.end <= q.start and not sent.start_char <= o.start < sent.end_char
               for o in self.quotes):
            return None
        return best

    def _opens_paragraph(self, q: Quotation) -> bool:
        line_start = self.text.rfind("\n", 0, q.start) + 1
        return not self.text[line_start:q.start].strip()

    def _prev_para_ends_with(self, prev: Draft) -> bool:
        line_end = self.text.find("\n", prev.end)
        tail = self.text[prev.end:line_end if line_end >= 0 else len(self.text)]
        return len(tail) < 80


def _overlap(s1, e1, s2, e2) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Drop a claim whose content is, near enough, another's with the same cue or speaker."""
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        dup = next((k for k in kept if _overlap(k.start, k.end, d.start, d.end)
                    >= 0.9 * max(k.end - k.start, d.end - d.start)), None)
        if dup is None:
            kept.append(d)
    return kept
