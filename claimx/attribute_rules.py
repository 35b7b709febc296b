"""Turning tags into parts of speech and morphology: spaCy's attribute ruler, compiled.

The trained pipeline's ``attribute_ruler`` maps each tag to a part of speech and morphology and
applies ~180 exceptions, by running spaCy's Matcher over every token; that costs about as much
as the parser. Almost all its patterns are one-token equalities, so here they become dictionary
look-ups keyed by the token's attributes, applied with the ruler's own precedence (later rules
win). The few patterns that are not plain look-ups go through a Matcher of their own.

    nlp.add_pipe("claimx_attribute_ruler", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")

The annotations are the ruler's, token for token (``tests/test_parsing.py`` compares them;
``bench/attribute_ruler.py`` does so on a whole corpus).
"""
from __future__ import annotations

import itertools
import re
from operator import itemgetter

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

#: The token attributes a compiled pattern can test.
KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH}


class _Spec:
    """One token of a pattern: equalities (``IN`` expanded) that can be looked up, and
    ``NOT_IN`` and ``REGEX`` conditions checked after. Raises ValueError for anything else."""

    def __init__(self, spec: dict, strings):
        self.lookup: list[tuple[int, list[int]]] = []  # (attribute, acceptable values)
        self.checks: list[tuple[int, str, object]] = []  # (attribute, kind, set or regex)
        for name, value in sorted(spec.items()):
            if name not in KEYS:
                raise ValueError(name)
            attr = KEYS[name]
            if name == "IS_SPACE":
                def convert(v):
                    return int(bool(v))
            else:
                convert = strings.add
            if not isinstance(value, dict):
                self.lookup.append((attr, [convert(value)]))
            elif set(value) == {"IN"}:
                self.lookup.append((attr, [convert(v) for v in value["IN"]]))
            elif set(value) == {"NOT_IN"}:
                self.checks.append((attr, "not_in", {convert(v) for v in value["NOT_IN"]}))
            elif set(value) == {"REGEX"} and name != "IS_SPACE":
                self.checks.append((attr, "regex", re.compile(value["REGEX"])))
            else:
                raise ValueError(value)

    def attrs(self) -> set:
        return {a for a, _ in self.lookup} | {a for a, _, _ in self.checks}

    def without_lookups(self) -> "_Spec":
        """This spec with only its checks (its look-ups are known to hold)."""
        spec = _Spec({}, None)
        spec.checks = self.checks
        return spec


class CompiledAttributeRuler:
    """The rules of ``ruler`` (a spaCy AttributeRuler) as look-ups: same result, same order."""

    def __init__(self, ruler, vocab, name: str = "claimx_attribute_ruler"):
        self.name = name
        self.vocab = vocab
        self.patterns = ruler.patterns
        self.attrs = []  # rule number -> normalised attrs
        self.indices = []  # rule number -> the token of a match that gets them
        # attributes looked up -> {values: [(rule number, index, specs of the whole pattern)]}
        self.tables: dict[tuple, dict] = {}
        self.scans: list = []  # patterns whose first token has nothing to look up
        self.rest = Matcher(vocab, validate=False)
        self.has_rest = False
        used = set()
        for number, rule in enumerate(ruler.patterns):
            self.attrs.append(normalize_token_attrs(vocab, rule["attrs"]))
            index = rule.get("index", 0)
            self.indices.append(index)
            for pattern in rule["patterns"]:
                try:
                    specs = [_Spec(token, vocab.strings) for token in pattern]
                except ValueError:
                    self.rest.add(str(number), [pattern])
                    self.has_rest = True
                    continue
                used |= {a for spec in specs for a in spec.attrs()}
                entry = (number, index, specs)
                if not specs[0].lookup:
                    self.scans.append(entry)
                    continue
                key = tuple(a for a, _ in specs[0].lookup)
                table = self.tables.setdefault(key, {})
                for combo in itertools.product(*(values for _, values in specs[0].lookup)):
                    # itemgetter gives a tuple for several attributes, a value for one
                    table.setdefault(combo if len(combo) > 1 else combo[0], []).append(entry)
        self.columns = sorted(used)
        self.where = {attr: i for i, attr in enumerate(self.columns)}
        self.plans = [(itemgetter(*(self.where[a] for a in key)), table)
                      for key, table in self.tables.items()]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        for i, numbers in self._hits(doc).items():
            merged = {}
            for number in sorted(numbers):
                merged.update(self.attrs[number])
            set_token_attrs(doc[i], merged)
        return doc

    def _hits(self, doc: Doc) -> dict:
        """Token index -> the numbers of the rules that match there."""
        rows = doc.to_array(self.columns).tolist()
        hits: dict[int, list] = {}
        matcher = _PatternMatcher(rows, self.where, self.vocab.strings, hits)
        for i, row in enumerate(rows):
            for get, table in self.plans:
                entries = table.get(get(row))
                if entries:
                    for entry in entries:
                        if len(entry[2]) == 1 and not entry[2][0].checks:
                            hits.setdefault(i, []).append(entry[0])
                        else:
                            matcher.complete(entry, i, True)
            for entry in self.scans:
                matcher.complete(entry, i, False)
        if self.has_rest:
            for match_id, start, end in self.rest(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                index = self.indices[number]
                hits.setdefault(start + index if index >= 0 else end + index, []).append(number)
        return hits


class _PatternMatcher:
    """Completes the matches of patterns longer than one look-up, over one document's rows."""

    def __init__(self, rows, where, strings, hits):
        self.rows, self.where, self.strings, self.hits = rows, where, strings, hits
        self.regex_cache: dict = {}

    def holds(self, spec: _Spec, i: int) -> bool:
        row, where = self.rows[i], self.where
        for attr, values in spec.lookup:
            if row[where[attr]] not in values:
                return False
        for attr, kind, arg in spec.checks:
            value = row[where[attr]]
            if kind == "not_in":
                if value in arg:
                    return False
            else:
                key = (value, arg.pattern)
                if key not in self.regex_cache:
                    self.regex_cache[key] = arg.search(self.strings[value]) is not None
                if not self.regex_cache[key]:
                    return False
        return True

    def complete(self, entry, i: int, looked_up: bool) -> None:
        """Record the match of ``entry`` starting at token ``i``, if it matches; its first
        token's look-ups are known to hold when ``looked_up``."""
        number, index, specs = entry
        if i + len(specs) > len(self.rows):
            return
        first = specs[0]
        if looked_up:
            if first.checks and not self.holds(first.without_lookups(), i):
                return
        elif not self.holds(first, i):
            return
        for k in range(1, len(specs)):
            if not self.holds(specs[k], i + k):
                return
        self.hits.setdefault(i + index if index >= 0 else i + len(specs) + index, []).append(number)


@Language.factory("claimx_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_attribute_ruler(nlp: Language, name: str, source: str) -> CompiledAttributeRuler:
    """The rules of the pipeline's attribute ruler named ``source``, compiled; put it in that
    ruler's place (and remove the ruler)."""
    return CompiledAttributeRuler(nlp.get_pipe(source), nlp.vocab, name)


def use_compiled_ruler(nlp: Language) -> None:
    """Put ``claimx_attribute_ruler`` in the place of ``nlp``'s attribute ruler, if it has one."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("claimx_attribute_ruler", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
