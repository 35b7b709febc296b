"""The rule logic added for accuracy, on hand-built parses (no tagger, no parser): negated cues,
a clause hung on the noun of "said in a statement that", what an object is blamed for, a noun
cue that is the object of a cue verb, and the scorer's reading of a claim's evidence."""
import spacy
from spacy.tokens import Doc

from claimx.context import Context
from claimx.cues import negated
from claimx.lexicon import load
from claimx.rules import find_drafts


VOCAB = spacy.blank("en").vocab  # English lexical attributes ("lower_"), no trained components


def _doc(rows):
    """rows: (word, head index, dep, pos, tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    return Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
               tags=list(tags), lemmas=list(lemmas))


def _drafts(doc, np_objects=True):
    ctx = Context(doc, load(), np_objects, False)
    drafts, _ = find_drafts(ctx)
    return ctx, [(d.rule, d.cue.head.text, ctx.text[d.start:d.end]) for d in drafts]


SAID_NOT = [("Smith", 3, "nsubj", "PROPN", "NNP", "Smith"), ("did", 3, "aux", "AUX", "VBD", "do"),
            ("not", 3, "neg", "PART", "RB", "not"), ("say", 3, "ROOT", "VERB", "VB", "say"),
            ("whether", 6, "mark", "SCONJ", "IN", "whether"), ("taxes", 6, "nsubj", "NOUN", "NNS", "tax"),
            ("rose", 3, "ccomp", "VERB", "VBD", "rise"), (".", 3, "punct", "PUNCT", ".", ".")]


def test_a_negated_cue_is_no_cue():
    doc = _doc(SAID_NOT)
    ctx, drafts = _drafts(doc)
    assert drafts == [] and ctx.cues == []


SAID = [("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("whether", 4, "mark", "SCONJ", "IN", "whether"), ("taxes", 4, "nsubj", "NOUN", "NNS", "tax"),
        ("rose", 1, "ccomp", "VERB", "VBD", "rise"), (".", 1, "punct", "PUNCT", ".", ".")]


def test_without_the_negation_the_same_parse_is_a_claim():
    _, drafts = _drafts(_doc(SAID))
    assert drafts == [("verb-clause", "said", "whether taxes rose")]


def _cue(doc, i):
    from claimx.cues import CueMatch
    return CueMatch(doc[i], (doc[i],), load().verbs["say"])


def test_a_refused_cue_states_nothing():
    doc = _doc([("She", 1, "nsubj", "PRON", "PRP", "she"), ("declined", 1, "ROOT", "VERB", "VBD", "decline"),
                ("to", 3, "aux", "PART", "TO", "to"), ("say", 1, "xcomp", "VERB", "VB", "say"),
                ("when", 6, "advmod", "SCONJ", "WRB", "when"), ("talks", 6, "nsubj", "NOUN", "NNS", "talk"),
                ("end", 3, "ccomp", "VERB", "VBP", "end"), (".", 1, "punct", "PUNCT", ".", ".")])
    ctx = Context(doc, load(), True, False)
    assert ctx.cues == [] and negated(ctx.cue_at.get(3) or _cue(doc, 3))


def test_clause_hung_on_the_noun_of_said_in_a_statement():
    doc = _doc([("Nair", 1, "nsubj", "PROPN", "NNP", "Nair"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
                ("in", 1, "prep", "ADP", "IN", "in"), ("a", 4, "det", "DET", "DT", "a"),
                ("statement", 2, "pobj", "NOUN", "NN", "statement"), ("that", 8, "mark", "SCONJ", "IN", "that"),
                ("the", 7, "det", "DET", "DT", "the"), ("clinic", 8, "nsubj", "NOUN", "NN", "clinic"),
                ("stays", 4, "acl", "VERB", "VBZ", "stay"), ("open", 8, "acomp", "ADJ", "JJ", "open"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    _, drafts = _drafts(doc)
    assert drafts == [("verb-clause", "said", "the clinic stays open")]


def test_what_the_object_is_blamed_for_belongs_to_the_claim():
    doc = _doc([("Trump", 1, "nsubj", "PROPN", "NNP", "Trump"), ("blamed", 1, "ROOT", "VERB", "VBD", "blame"),
                ("China", 1, "dobj", "PROPN", "NNP", "China"), ("for", 1, "prep", "ADP", "IN", "for"),
                ("the", 5, "det", "DET", "DT", "the"), ("losses", 3, "pobj", "NOUN", "NNS", "loss"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    _, drafts = _drafts(doc)
    assert drafts == [("verb-np", "blamed", "China for the losses")]


def test_a_noun_cue_that_a_cue_verb_takes_as_object_is_the_verbs_claim():
    doc = _doc([("Chen", 1, "nsubj", "PROPN", "NNP", "Chen"), ("dismissed", 1, "ROOT", "VERB", "VBD", "dismiss"),
                ("reports", 1, "dobj", "NOUN", "NNS", "report"), ("that", 6, "mark", "SCONJ", "IN", "that"),
                ("he", 6, "nsubj", "PRON", "PRP", "he"), ("would", 6, "aux", "AUX", "MD", "would"),
                ("resign", 2, "acl", "VERB", "VB", "resign"), (".", 1, "punct", "PUNCT", ".", ".")])
    _, drafts = _drafts(doc)
    assert drafts == [("verb-np", "dismissed", "reports that he would resign")]


def test_the_scorer_reads_the_evidence():
    from claimx.extraction import candidates
    [c] = candidates(_doc(SAID), load())
    assert {"rule=verb-clause", "cue=say", "speaker-pos=PROPN", "tag=VBD", "opens=whether"} <= set(c.features)
    assert 0 < c.claim.confidence < 1
