"""claimx's compiled attribute ruler and table lemmatizer give the annotations spaCy's own give."""
import pytest
import spacy
from spacy.attrs import LOWER
from spacy.tokens import Doc

from claimx.attribute_rules import CompiledAttributeRuler
from claimx.pipeline import load_spacy_pipeline

# Each rule kind the compiler knows: a plain look-up, IN, NOT_IN, REGEX, several tokens with
# an index (negative too), and rules that overlap, where the later one wins.
PATTERNS = [
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": {"IN": ["NN", "NNS"]}}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": "said", "DEP": "amod"}]], "attrs": {"POS": "ADJ"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["VBD", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^gon$"}}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
]
WORDS = ["She", "said", "the", "said", "cases", "were", "gon", "na", "grow", "\n", "let", "'s", "go"]
TAGS = ["PRP", "VBD", "DT", "VBD", "NNS", "VBD", "VBG", "TO", "VB", "_SP", "VB", "PRP", "VB"]
DEPS = ["nsubj", "ROOT", "det", "amod", "nsubj", "aux", "aux", "aux", "ccomp", "punct", "ROOT", "nsubj", "ccomp"]
HEADS = [1, 1, 4, 4, 8, 8, 8, 8, 1, 1, 10, 12, 10]


def annotations(doc):
    return [(t.pos_, str(t.morph), t.tag_, t.dep_, t.lemma_) for t in doc]


def test_every_kind_of_rule_gives_what_spacys_ruler_gives():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    compiled = CompiledAttributeRuler(ruler, nlp.vocab)

    def doc():
        return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)

    expected, got = annotations(ruler(doc())), annotations(compiled(doc()))
    assert got == expected
    assert got[3][0] == "ADJ" and got[6][0] == "AUX"  # the later rule won
    assert got[5][0] == "VERB"  # NOT_IN: a VBD auxiliary is not one
    assert got[7][4] == "to" and got[11][4] == "us" and got[9][3] == "dep"


@pytest.mark.parametrize("text", [
    "I think it is what you do, but there's more: they had told me so.",
    "Y'all ain't gonna believe what he did.\nLet's go, c'mon, she said.",
    "That is the plan which the ministers said they would reject.",
])
def test_claimx_pipeline_annotates_as_the_trained_pipeline_does(nlp, text):
    assert "claimx_attribute_ruler" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    spacys = load_spacy_pipeline()
    spacys.add_pipe("claimx_paragraphs", before="parser")
    assert annotations(nlp(text)) == annotations(spacys(text))


def test_claimx_lemmatizer_is_used_and_lemmatizes_as_spacys(nlp):
    assert "claimx_lemmatizer" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    text = "The ministers said the talks had stalled; officials were saying worse things, he said."
    spacys = load_spacy_pipeline()
    spacys.add_pipe("claimx_paragraphs", before="parser")
    ours = [t.lemma_ for t in nlp(text)]
    assert ours == [t.lemma_ for t in spacys(text)]
    assert ours[1:3] == ["minister", "say"]


def test_table_lemmatizer_asks_spacys_once_per_form_part_of_speech_and_morphology():
    from claimx.lemmas import TableLemmatizer

    class Counting:
        mode, overwrite, calls = "rule", False, []

        def lemmatize(self, token):
            self.calls.append(token.text)
            return [token.text.lower().rstrip("s")]

    nlp = spacy.blank("en")
    lemmatizer = TableLemmatizer(Counting())
    doc = Doc(nlp.vocab, words=["Talks", "talks", "Talks", "stalled"], pos=["NOUN", "NOUN", "NOUN", "VERB"])
    doc[3].lemma_ = "stall"  # set before: kept, as spaCy's lemmatizer keeps it
    lemmatizer(doc)
    assert [t.lemma_ for t in doc] == ["talk", "talk", "talk", "stall"]
    assert Counting.calls == ["Talks", "talks"]


def test_compiled_ruler_reads_each_distinct_row_once_and_words_no_rule_names_as_one():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    compiled = CompiledAttributeRuler(ruler, nlp.vocab)
    reads = []
    read_row = compiled._read_row
    compiled._read_row = lambda row: reads.append(row) or read_row(row)

    def doc(words):
        return Doc(nlp.vocab, words=words, tags=TAGS, deps=DEPS, heads=HEADS)

    other = WORDS[:2] + ["a", "told", "talks", "were"] + WORDS[6:]  # words no rule names, where "the said cases" stood
    for words in (WORDS, WORDS, other):
        assert annotations(compiled(doc(words))) == annotations(ruler(doc(words)))
    assert len(reads) == len(set(reads))  # a row is read once, whichever document has it
    classes = compiled.classes[compiled.where[LOWER]]
    strings = nlp.vocab.strings
    assert classes._class(strings["the"]) == classes._class(strings["cases"]) == classes.other
    assert classes._class(strings["said"]) == strings["said"]  # a rule names it
    assert classes._class(strings["gon"]) == strings["gon"]  # a REGEX matches it


def test_rule_lemmas_are_spacys_rule_lemmatizer_with_its_word_lists_as_sets():
    from spacy.lookups import Lookups

    from claimx.lemmas import RuleLemmas, TableLemmatizer

    nlp = spacy.blank("en")
    spacys = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_index", {"noun": ["talk", "child", "party"], "verb": ["say", "stall"]})
    lookups.add_table("lemma_exc", {"noun": {"children": ["child"]}, "verb": {"said": ["say"]}})
    lookups.add_table("lemma_rules", {"noun": [["s", ""], ["ies", "y"], ["s", "-s"]],
                                      "verb": [["ed", ""], ["ed", "e"], ["ing", ""]]})
    spacys.lookups = lookups
    words = ["Talks", "children", "parties", "stalled", "said", "glorping", "Ayes", "Nair", "talk", "wugs"]
    pos = ["NOUN", "NOUN", "NOUN", "VERB", "VERB", "VERB", "ADJ", "PROPN", "NOUN", "NOUN"]
    morphs = ["Number=Plur", "Number=Plur", "Number=Plur", "Tense=Past|VerbForm=Fin",
              "Tense=Past|VerbForm=Fin", "Aspect=Prog|Tense=Pres|VerbForm=Part", "",
              "Number=Sing", "Number=Sing", "Number=Plur"]
    doc = Doc(nlp.vocab, words=words, pos=pos, morphs=morphs)
    ours = RuleLemmas(spacys)
    expected = [spacys.rule_lemmatize(t) for t in doc]
    assert [ours(t) for t in doc] == expected
    # each way through the rules: an indexed form, an exception, a form with a hyphen, a form
    # in no index, the base form, a proper noun whose part of speech has no table
    assert [e[0] for e in expected] == ["talk", "child", "party", "stall", "say", "glorp", "ayes",
                                        "Nair", "talk", "wug-s"]
    assert expected[2] == ["party", "partie-s"] and ours.by_pos["noun"][1] == {"talk", "child", "party"}
    assert TableLemmatizer(spacys).lemmatize.__class__ is RuleLemmas
