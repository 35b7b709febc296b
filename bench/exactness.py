#!/usr/bin/env python3
"""Are claimx's components exact, and would the passage parser (bench/passage_parser.py) be?
A check, not a timing.

    python bench/exactness.py [TEXTS] [--limit N] [--passages]

Runs claimx's pipeline (the compiled attribute ruler and lemmatizer; with --passages, the
passage parser too) and the trained
pipeline as spaCy loads it, with claimx_paragraphs and claimx added, over TEXTS (a folder of
*.txt, or JSONL records with a "text" field; default: the bundled samples), and compares, token
by token, what claimx reads: on parsed tokens the head, label, sentence start, part of speech,
tag, morphology and lemma; on every token the entities, tag, lemma and form; and the claims.
Prints the share of tokens parsed and every difference."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimx.pipeline import load_pipeline, load_spacy_pipeline  # noqa: E402
from passages import load_texts  # noqa: E402


def spacy_with_claimx():
    nlp = load_spacy_pipeline()
    nlp.add_pipe("claimx_paragraphs", before="parser")
    nlp.add_pipe("claimx")
    return nlp


def everywhere(t):
    return (t.text, t.tag_, t.lemma_, t.ent_iob_, t.ent_type_)


def parsed(t):
    return (t.head.i, t.dep_, t.is_sent_start, t.pos_, str(t.morph), t.left_edge.i, t.right_edge.i)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="?")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--passages", action="store_true", help="with the passage parser")
    args = ap.parse_args()
    texts = load_texts(args.texts, args.limit)
    ours, theirs = load_pipeline(), spacy_with_claimx()
    if args.passages:
        from passage_parser import use_passage_parser
        use_passage_parser(ours)
    tokens = parsed_tokens = same_docs = 0
    shown = 0
    for n, (a, b) in enumerate(zip(ours.pipe(texts, batch_size=8), theirs.pipe(texts, batch_size=8))):
        tokens += len(a)
        problems = []
        for x, y in zip(a, b):
            if everywhere(x) != everywhere(y):
                problems.append(f"token {x.i} {x.text!r}: {everywhere(x)} != {everywhere(y)}")
            if x.dep_:
                parsed_tokens += 1
                if parsed(x) != parsed(y):
                    problems.append(f"parsed token {x.i} {x.text!r}: {parsed(x)} != {parsed(y)}")
        if a._.claims != b._.claims:
            problems.append(f"claims differ: {len(a._.claims)} vs {len(b._.claims)}")
        same_docs += not problems
        for p in problems:
            if shown < args.show:
                print(f"text {n}: {p}")
                shown += 1
    print(f"{len(texts)} texts, {tokens:,} tokens, {parsed_tokens / max(1, tokens):.1%} parsed; "
          f"identical in {same_docs}/{len(texts)} texts")


if __name__ == "__main__":
    main()
