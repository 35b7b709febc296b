#!/usr/bin/env python3
"""Measure how often claimx's claims are right, per rule and per confidence bucket.

    python bench/calibration.py GOLD.jsonl --scorer PATH/TO/score.py [--merge-passages] [--fit]

GOLD.jsonl is an annotated corpus in the common format (id, text, claims with content_span,
speaker, ...); score.py is the scorer that goes with it (its matching is reused here, so the
figures agree with it). A claim counts as right when its content matches a gold claim and its
speaker agrees; claims landing on gold attributions marked "ignore" are left out.

The documents are split in two halves by a hash of their id. With --fit, each rule's confidence
is measured on the first half (printed as YAML for models/rules.yaml) and the calibration table
is printed for the second half and for the whole corpus.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
from collections import defaultdict

import claimx
from claimx.writing import claim_record


def _load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _half(doc_id: str) -> int:
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2


def judged_claims(gold: dict, preds: dict, score, merge: bool):
    """(doc id, claim record, right?) for every claim that is judged."""
    for doc_id, g in gold.items():
        text = g["text"]
        golds = [(score.trim(text, *c["content_span"]), c) for c in g["claims"] if not c.get("ignore")]
        ignored = [score.trim(text, *c["content_span"]) for c in g["claims"] if c.get("ignore")]
        claims = preds.get(doc_id, [])
        if merge:
            claims = score.merge_passages(claims)
        spans = [score.trim(text, *score.pred_fields(c)[0]) for c in claims]

        def overlap(a, b):
            ov = min(a[1], b[1]) - max(a[0], b[0])
            return ov if ov > 0 and ov / max(1, a[1] - a[0]) >= 0.5 and ov / max(1, b[1] - b[0]) >= 0.5 else 0

        pairs = sorted(((overlap(gs, ps), gi, pi) for gi, (gs, _) in enumerate(golds)
                        for pi, ps in enumerate(spans)), reverse=True)
        used_g, match = set(), {}
        for ov, gi, pi in pairs:
            if ov and gi not in used_g and pi not in match:
                used_g.add(gi)
                match[pi] = gi
        for pi, claim in enumerate(claims):
            if pi in match:
                _, names, _, sspan = score.pred_fields(claim)
                yield doc_id, claim, score.speaker_ok(golds[match[pi]][1], names, sspan) is not False
            elif not any(overlap(i, spans[pi]) for i in ignored):
                yield doc_id, claim, False


def table(rows, title: str) -> None:
    buckets = defaultdict(lambda: [0, 0, 0.0])
    for _, claim, ok in rows:
        b = min(9, int(claim["confidence"] * 10 + 1e-9))
        buckets[b][0] += ok
        buckets[b][1] += 1
        buckets[b][2] += claim["confidence"]
    print(f"\n{title}\nbucket     claims  mean confidence  share right  gap")
    for b in sorted(buckets):
        right, n, total = buckets[b]
        gap = right / n - total / n
        flag = "" if n < 100 or abs(gap) <= 0.10 else "  <- off by more than 0.10"
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}  {n:7d}  {total / n:15.2f}  {right / n:11.3f}  {gap:+.3f}{flag}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--scorer", required=True, help="path of the corpus's score.py")
    ap.add_argument("--merge-passages", action="store_true")
    ap.add_argument("--fit", action="store_true", help="measure rule confidences on half A")
    a = ap.parse_args()
    score = _load_scorer(a.scorer)
    gold = score.load(a.gold)
    nlp = claimx.load_pipeline()
    ids = list(gold)
    preds = {}
    for doc_id, doc in zip(ids, nlp.pipe((gold[i]["text"] for i in ids), batch_size=32)):
        preds[doc_id] = [claim_record(c) for c in doc._.claims]
    rows = list(judged_claims(gold, preds, score, a.merge_passages))
    if a.fit:
        per_rule = defaultdict(lambda: [0, 0])
        for doc_id, claim, ok in rows:
            if _half(doc_id) == 0:
                key = claim["rule"] if claim["speaker"] is not None else "no-speaker"
                per_rule[key][0] += ok
                per_rule[key][1] += 1
        print("# measured on half A (rule: share right, claims)")
        for rule, (right, n) in sorted(per_rule.items()):
            print(f"{rule}: {right / n:.2f}  # {n} claims")
        table([r for r in rows if _half(r[0]) == 1], "half B (held out)")
    table(rows, "whole corpus")


if __name__ == "__main__":
    main()
