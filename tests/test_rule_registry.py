"""The rule registry: every rule has its confidence in models/rules.yaml, and a claim's ``rule``
field names a function a reader can find."""
from dataclasses import replace

import pytest

from claimx import lexicon as lexicon_module
from claimx.extraction import NO_SPEAKER, check_confidences, extract_claims
from claimx.rules import RULES, rules_for


def test_the_registry_and_rules_yaml_name_the_same_rules():
    assert set(lexicon_module.load().confidence) == set(RULES) | {NO_SPEAKER}


def test_a_rule_without_a_confidence_is_an_error_not_a_default():
    lexicon = lexicon_module.load()
    confidence = dict(lexicon.confidence)
    del confidence["verb-clause"]
    with pytest.raises(ValueError, match="no confidence for \\['verb-clause'\\]"):
        check_confidences(replace(lexicon, confidence=confidence))


def test_a_confidence_for_no_rule_is_an_error():
    lexicon = lexicon_module.load()
    with pytest.raises(ValueError, match="no rule named \\['verb-claus'\\]"):
        check_confidences(replace(lexicon, confidence={**lexicon.confidence, "verb-claus": 0.5}))


def test_every_rule_is_a_documented_function_in_the_module_of_its_family():
    for name, r in RULES.items():
        assert r.find.__doc__, name
        assert r.find.__module__.startswith("claimx.rules."), name


def test_the_clause_rules_are_tried_before_the_object_rules():
    order = [r.name for r in rules_for("verb")]
    assert order.index("verb-clause") < order.index("verb-object-to") < order.index("verb-quoted")
    assert order[-1] == "verb-quoted"  # quoted words after any cue: the last resort
