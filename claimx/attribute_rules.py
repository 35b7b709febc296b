"""Turning tags into parts of speech and morphology: spaCy's attribute ruler, compiled.

The trained pipeline's ``attribute_ruler`` maps each tag to a part of speech and morphology and
applies ~180 exceptions, by running spaCy's Matcher over every token; that costs about as much
as the parser. Almost all its patterns are one-token equalities, so here they become dictionary
look-ups keyed by the token's attributes, applied with the ruler's own precedence (later rules
win). The few patterns that are not plain look-ups go through a Matcher of their own. What
applies to a token depends only on its row of looked-up columns, so each distinct row is read
once and each distinct set of rules merged once; a document is read and written as columns.

    nlp.add_pipe("claimx_attribute_ruler", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")

The annotations are the ruler's, token for token (``tests/test_parsing.py`` compares them;
``bench/attribute_ruler.py`` does so on a whole corpus).
"""
from __future__ import annotations

import itertools
import re
from operator import itemgetter

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

from .columns import distinct_rows

#: The token attributes a compiled pattern can test.
KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH}
#: The token attributes a rule may set that are written back as whole columns (``Doc.from_array``
#: sets exactly what ``set_token_attrs`` sets for them: the token's own field).
WRITTEN = (POS, TAG, DEP, MORPH, LEMMA, NORM)
#: The columns of words, whose values the rules tell apart only from a few.
WORDS = (LOWER, ORTH)
#: How many distinct rows of looked-up columns are kept before they are forgotten.
MAX_ROWS = 500_000


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
    """The rules of ``ruler`` (a spaCy AttributeRuler) as look-ups: same result, same order.

    A token's one-token rules, and the longer patterns that may start at it, depend on nothing
    but its row of :data:`KEYS` columns, so they are worked out once per distinct row (a few
    thousand in a news corpus) and kept; each distinct set of rules that apply to one token is
    merged once too, in the ruler's order. A document is then read as four columns and written
    back as a few (``Doc.from_array``), never token by token."""

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
        self.checker = _Checker(self.where, vocab.strings)
        # columns of words (LOWER, ORTH) -> their values read as the few that rules name
        self.classes = {self.where[attr]: _WordClasses.of_rules(attr, self.tables, self.scans, self.checker)
                        for attr in WORDS if attr in self.where}
        self.rows: dict[tuple, tuple] = {}  # row -> (merged rules, longer patterns starting there)
        self.merged = _MergedRules(self.attrs)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self.rows) > MAX_ROWS:
            self.rows.clear()
        table = doc.to_array(self.columns).reshape(len(doc), len(self.columns))
        for column, classes in self.classes.items():
            table[:, column] = classes.of(table[:, column])
        first, inverse = distinct_rows(table)
        known = self.rows
        read = [known.get(row) or known.setdefault(row, self._read_row(row))
                for row in map(tuple, table[first].tolist())]
        merged = numpy.array([r[0] for r in read])[inverse]
        starts = numpy.flatnonzero(numpy.array([bool(r[1]) for r in read])[inverse])
        if len(starts) or self.has_rest:
            longer = self._longer_matches(doc, table, starts.tolist(), [read[k][1] for k in inverse[starts]])
            for i, numbers in longer.items():
                merged[i] = self.merged.of(tuple(sorted(set(self.merged.numbers[merged[i]]) | set(numbers))))
        self.merged.write(doc, merged)
        return doc

    def _read_row(self, row: tuple) -> tuple:
        """(the merged rules of the one-token patterns that match a token with this row, the
        longer patterns whose first token it can be)."""
        numbers, longer = set(), []
        candidates = [entry for get, table in self.plans for entry in table.get(get(row), ())]
        for entry in candidates:
            if self.checker.holds(entry[2][0].without_lookups(), row):
                self._sort_entry(entry, numbers, longer)
        for entry in self.scans:
            if self.checker.holds(entry[2][0], row):
                self._sort_entry(entry, numbers, longer)
        return self.merged.of(tuple(sorted(numbers))), tuple(longer)

    @staticmethod
    def _sort_entry(entry, numbers: set, longer: list) -> None:
        """A one-token pattern that gives its own token the attributes is settled by the row."""
        number, index, specs = entry
        if len(specs) == 1 and index in (0, -1):
            numbers.add(number)
        else:
            longer.append(entry)

    def _longer_matches(self, doc: Doc, table, starts: list, entries: list) -> dict:
        """Token index -> the numbers of the rules of the longer patterns (``entries[k]`` may
        start at token ``starts[k]``), and of those only spaCy's Matcher can read, that give it
        attributes."""
        hits: dict[int, list] = {}
        n = len(doc)
        for i, candidates in zip(starts, entries):
            for number, index, specs in candidates:
                if i + len(specs) <= n and all(self.checker.holds(specs[k], table[i + k].tolist())
                                               for k in range(1, len(specs))):
                    target = i + index if index >= 0 else i + len(specs) + index
                    if not 0 <= target < n:
                        raise ValueError(f"attribute rule {number}: index {index} is outside its pattern")
                    hits.setdefault(target, []).append(number)
        if self.has_rest:
            for match_id, start, end in self.rest(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                index = self.indices[number]
                hits.setdefault(start + index if index >= 0 else end + index, []).append(number)
        return hits


class _MergedRules:
    """Each distinct set of rules that apply to one token, its attributes merged in the ruler's
    order (later rules win) once, as a row of :data:`WRITTEN` columns and a mask of those set."""

    def __init__(self, attrs: list):
        self.attrs = attrs  # rule number -> normalised attrs
        self.ids: dict[tuple, int] = {}
        self.numbers: list[tuple] = []  # id -> rule numbers
        self.rows: list[list] = []  # id -> values of WRITTEN (0 where unset)
        self.masks: list[list] = []  # id -> which WRITTEN it sets
        self.others: list[dict] = []  # id -> what it sets that is not a column of WRITTEN
        self.tables = None  # numpy (values, masks), rebuilt when new sets are seen

    def of(self, numbers: tuple) -> int:
        """The id of the merged rules ``numbers`` (sorted)."""
        found = self.ids.get(numbers)
        if found is None:
            merged: dict = {}
            for number in numbers:
                merged.update(self.attrs[number])
            found = self.ids[numbers] = len(self.numbers)
            self.numbers.append(numbers)
            self.rows.append([merged.get(attr, 0) for attr in WRITTEN])
            self.masks.append([attr in merged for attr in WRITTEN])
            self.others.append({k: v for k, v in merged.items() if k not in WRITTEN})
            self.tables = None
        return found

    def write(self, doc: Doc, merged) -> None:
        """Give each token ``i`` of ``doc`` the attributes of the merged rules ``merged[i]``:
        the columns they set at once, anything else (extension attributes...) token by token."""
        if self.tables is None:
            self.tables = (numpy.array(self.rows, dtype="uint64").reshape(-1, len(WRITTEN)),
                           numpy.array(self.masks, dtype=bool).reshape(-1, len(WRITTEN)))
        values, masks = self.tables
        ids = merged
        mask = masks[ids]
        columns = numpy.flatnonzero(mask.any(axis=0)).tolist()
        if columns:
            attrs = [WRITTEN[c] for c in columns]
            mask = mask[:, columns]
            doc.from_array(attrs, numpy.where(mask, values[ids][:, columns], doc.to_array(attrs)))
        if any(self.others):
            for i in [i for i, m in enumerate(merged.tolist()) if self.others[m]]:
                set_token_attrs(doc[i], self.others[merged[i]])


class _WordClasses:
    """The values of a column of words (LOWER, ORTH) as the rules can tell them apart: a word
    that no rule names (in a look-up or ``NOT_IN``) and no ``REGEX`` of the column matches is
    read as ``other``, one value that behaves as it does; so a news corpus has a few thousand
    distinct rows of looked-up columns rather than one per word."""

    def __init__(self, named: set, regexes: list, checker: "_Checker"):
        self.named, self.regexes, self.strings = named, regexes, checker.strings
        self.other = next(v for v in itertools.count() if v not in named)
        for regex in regexes:  # "other" matches none of them
            checker.regex_cache[(self.other, regex.pattern)] = False
        self.cache: dict[int, int] = {}  # value -> its class

    @classmethod
    def of_rules(cls, attr: int, tables: dict, scans: list, checker: "_Checker") -> "_WordClasses":
        named, regexes = set(), []
        specs = [spec for table in tables.values() for entries in table.values()
                 for _, _, specs in entries for spec in specs]
        for spec in specs + [spec for _, _, specs in scans for spec in specs]:
            named.update(v for a, values in spec.lookup if a == attr for v in values)
            for a, kind, arg in spec.checks:
                if a == attr:
                    named.update(arg) if kind == "not_in" else regexes.append(arg)
        return cls(named, regexes, checker)

    def of(self, column):
        """``column`` (a numpy array of this column's values) with each value its class."""
        distinct, inverse = numpy.unique(column, return_inverse=True)
        cache = self.cache
        classes = [cache[v] if v in cache else cache.setdefault(v, self._class(v))
                   for v in distinct.tolist()]
        return numpy.array(classes, dtype="uint64")[inverse.reshape(-1)]

    def _class(self, value: int) -> int:
        if value in self.named or any(r.search(self.strings[value]) for r in self.regexes):
            return value
        return self.other


class _Checker:
    """Whether a token's row of looked-up columns meets a spec (REGEX answers kept)."""

    def __init__(self, where, strings):
        self.where, self.strings = where, strings
        self.regex_cache: dict = {}

    def holds(self, spec: _Spec, row) -> bool:
        where = self.where
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
