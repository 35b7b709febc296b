#!/usr/bin/env python3
"""Could claimx beat the bare spaCy pipeline by running its slowest rule-based component
faster? A measurement, not a feature.

    python bench/attribute_ruler.py [TEXTS] [--limit N]

The trained pipeline's ``attribute_ruler`` (tag -> part of speech and morphology, plus
exceptions) costs about as much as the parser: it runs spaCy's Matcher with ~180 patterns over
every token. Here its patterns are compiled into dictionary look-ups (the few patterns that
are not plain one-token look-ups still go through a Matcher of their own), applied with the same
precedence (later rules win), and checked against the original on every token of TEXTS (a folder
of *.txt, or JSONL records with a "text" field; default: the bundled samples): part of speech,
morphology, tag, dependency label and lemma (the lemmatizer runs after it), and claimx's claims.
"""
from __future__ import annotations

import argparse
import itertools
import re
from operator import itemgetter
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.matcher import Matcher  # noqa: E402
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs  # noqa: E402

from claimx.pipeline import load_pipeline  # noqa: E402
from passages import load_texts  # noqa: E402

KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH}


class _Spec:
    """One token of a pattern: equalities (``IN`` expanded) that can be looked up, and
    ``NOT_IN`` and ``REGEX`` conditions checked after."""

    def __init__(self, spec: dict, strings):
        self.lookup: list[tuple[int, list[int]]] = []  # (attribute, acceptable values)
        self.checks: list[tuple[int, str, object]] = []  # (attribute, kind, set or regex)
        for name, value in sorted(spec.items()):
            if name not in KEYS:
                raise ValueError(name)
            attr = KEYS[name]
            convert = (lambda v: int(bool(v))) if name == "IS_SPACE" else strings.add
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

    @property
    def check_only(self) -> "_Spec":
        """This spec without its look-ups (known to hold)."""
        spec = _Spec({}, None)
        spec.checks = self.checks
        return spec


class CompiledAttributeRuler:
    """The rules of ``ruler`` (a spaCy AttributeRuler) as look-ups: same result, same order.
    Patterns this cannot compile go through a Matcher of their own."""

    def __init__(self, ruler, vocab):
        self.vocab = vocab
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
                first = specs[0]
                if not first.lookup:
                    self.scans.append(entry)
                    continue
                key = tuple(a for a, _ in first.lookup)
                table = self.tables.setdefault(key, {})
                for combo in itertools.product(*(values for _, values in first.lookup)):
                    # itemgetter gives a tuple for several attributes, a value for one
                    table.setdefault(combo if len(combo) > 1 else combo[0], []).append(entry)
        self.columns = sorted(used)

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array(self.columns).tolist()
        where = {attr: i for i, attr in enumerate(self.columns)}
        strings = self.vocab.strings
        regex_cache: dict = {}

        def holds(spec: _Spec, i: int) -> bool:
            row = rows[i]
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
                    if key not in regex_cache:
                        regex_cache[key] = arg.search(strings[value]) is not None
                    if not regex_cache[key]:
                        return False
            return True

        def complete(entry, i: int, looked_up: bool) -> None:
            """Record the match of ``entry`` starting at token ``i``, if it matches; its first
            token's look-ups are known to hold when ``looked_up``."""
            number, index, specs = entry
            if i + len(specs) > n:
                return
            first = specs[0]
            if looked_up:
                if first.checks and not holds(first.check_only, i):
                    return
            elif not holds(first, i):
                return
            for k in range(1, len(specs)):
                if not holds(specs[k], i + k):
                    return
            hits.setdefault(i + index if index >= 0 else i + len(specs) + index, []).append(number)

        hits: dict[int, list] = {}
        plans = [(itemgetter(*(where[a] for a in key)), table) for key, table in self.tables.items()]
        for i, row in enumerate(rows):
            for get, table in plans:
                entries = table.get(get(row))
                if entries:
                    for entry in entries:
                        if len(entry[2]) == 1 and not entry[2][0].checks:
                            hits.setdefault(i, []).append(entry[0])
                        else:
                            complete(entry, i, True)
            for entry in self.scans:
                complete(entry, i, False)
        if self.has_rest:
            for match_id, start, end in self.rest(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                index = self.indices[number]
                hits.setdefault(start + index if index >= 0 else end + index, []).append(number)
        for i, numbers in hits.items():
            merged = {}
            for number in sorted(numbers):
                merged.update(self.attrs[number])
            set_token_attrs(doc[i], merged)
        return doc


def use_compiled_ruler(nlp) -> None:
    """Put the compiled ruler in the place of ``nlp``'s attribute_ruler."""
    compiled = CompiledAttributeRuler(nlp.get_pipe("attribute_ruler"), nlp.vocab)
    name = f"compiled_attribute_ruler_{id(compiled)}"
    Language.component(name, func=compiled)
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") + 1]
    nlp.remove_pipe("attribute_ruler")
    nlp.add_pipe(name, name="attribute_ruler", before=after)


def annotations(doc):
    return [(t.pos_, str(t.morph), t.tag_, t.dep_, t.lemma_) for t in doc]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="?")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    texts = load_texts(args.texts, args.limit)
    nlp = load_pipeline()
    ruler = nlp.get_pipe("attribute_ruler")
    compiled = CompiledAttributeRuler(ruler, nlp.vocab)
    before = [n for n in nlp.pipe_names if n != "attribute_ruler"][:nlp.pipe_names.index("attribute_ruler")]
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") + 1:]

    parsed = list(nlp.pipe(texts, disable=["attribute_ruler"] + after, batch_size=8))
    words = sum(len(t.split()) for t in texts)
    timings = {"spaCy AttributeRuler": [], "compiled": []}
    for _ in range(2):
        for name, component in (("spaCy AttributeRuler", ruler), ("compiled", compiled)):
            docs = [d.copy() for d in parsed]
            start = time.process_time()
            for d in docs:
                component(d)
            timings[name].append(time.process_time() - start)
    original = [d.copy() for d in parsed]
    fast = [d.copy() for d in parsed]
    rest = [nlp.get_pipe(n) for n in after]
    for docs, component in ((original, ruler), (fast, compiled)):
        for i, d in enumerate(docs):
            d = component(d)
            for proc in rest:
                d = proc(d)
            docs[i] = d
    same_tokens = sum(a == b for x, y in zip(original, fast) for a, b in zip(annotations(x), annotations(y)))
    tokens = sum(len(d) for d in original)
    same_claims = sum(x._.claims == y._.claims for x, y in zip(original, fast))
    full = sum(timings["spaCy AttributeRuler"]) / 2
    print(f"{len(texts)} texts, {words:,} words, {tokens:,} tokens; components before it: {', '.join(before)}")
    for name, t in timings.items():
        print(f"{name:22} {min(t) / len(texts) * 1000:6.2f} ms per text (CPU), "
              f"{words / min(t):12,.0f} words per CPU second")
    print(f"identical annotations on {same_tokens:,}/{tokens:,} tokens; identical claims in "
          f"{same_claims}/{len(texts)} texts")
    del full


if __name__ == "__main__":
    main()
