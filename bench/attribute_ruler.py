#!/usr/bin/env python3
"""Does claimx's compiled attribute ruler (claimx/attribute_rules.py) give what spaCy's gives,
and how much faster is it? A check and a measurement.

    python bench/attribute_ruler.py [TEXTS] [--limit N]

The trained pipeline's ``attribute_ruler`` (tag -> part of speech and morphology, plus
exceptions) costs about as much as the parser: it runs spaCy's Matcher with ~180 patterns over
every token. claimx runs its patterns compiled into dictionary look-ups instead; this checks
the two against each other on every token of TEXTS (a folder of *.txt, or JSONL records with a
"text" field; default: the bundled samples): part of speech,
morphology, tag, dependency label and lemma (the lemmatizer runs after it), and claimx's claims.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimx.attribute_rules import CompiledAttributeRuler  # noqa: E402
from claimx.pipeline import load_spacy_pipeline  # noqa: E402
from passages import load_texts  # noqa: E402


def annotations(doc):
    return [(t.pos_, str(t.morph), t.tag_, t.dep_, t.lemma_) for t in doc]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="?")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    texts = load_texts(args.texts, args.limit)
    nlp = load_spacy_pipeline()  # with spaCy's own attribute ruler
    nlp.add_pipe("claimx_paragraphs", before="parser")
    nlp.add_pipe("claimx")
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
