#!/usr/bin/env python3
"""Train the claim scorer (``models/scorer.tsv``, read by ``claimx/scoring.py``) on half of an
annotated corpus and check it on the other half.

    python bench/train_scorer.py GOLD.jsonl --scorer PATH/TO/score.py [--merge-passages]
        [--cache DOCS.spacy] [--out models/scorer.tsv]

GOLD.jsonl is an annotated corpus in the common format (id, text, claims with content_span,
speaker, ...), score.py the scorer that goes with it (its matching is reused, so a candidate is
right when score.py would count it right: content matched and speaker agreeing). Every
candidate claimx finds (``claimx.extraction.candidates``: noun-phrase objects of any cue and
beliefs included) is labelled right or wrong; candidates landing on gold attributions marked
"ignore" are left out. The documents are split in two halves by the MD5 of their id (even:
training, odd: held out, as in bench/calibration.py). A logistic regression (L2, numpy only)
is fitted on the training half; the threshold is the one that gives the best end-to-end F1
on out-of-fold scores of that half (five folds by MD5, each scored by weights fitted on the
other four), and both halves' figures are printed. ``--cache`` keeps the parsed documents (spaCy
DocBin) so that a second run does not parse again.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import math
import os
from collections import Counter

import numpy
from spacy.tokens import DocBin

import claimx.pipeline as pipeline
from claimx import lexicon as lexicon_module
from claimx.extraction import NO_SPEAKER, candidates
from claimx.scoring import logit
from claimx.writing import claim_record

MIN_COUNT = 3  # a feature seen fewer times in the training half gets no weight
L2 = 1.0
FOLDS = 5  # for the threshold, chosen on out-of-fold scores of the training half


def _load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half(doc_id: str) -> int:
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2


def parsed(gold: dict, cache: str | None):
    nlp = pipeline.load_spacy_pipeline()
    nlp.add_pipe("claimx_paragraphs", before="parser")
    ids = list(gold)
    if cache and os.path.exists(cache):
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((gold[i]["text"] for i in ids), batch_size=8))
        if cache:
            DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return dict(zip(ids, docs))


def labelled(gold: dict, docs: dict, score, merge: bool, beliefs: bool):
    """(doc id, features, prior, right?, content right?) per candidate heading its passage, and
    the number of gold claims per half."""
    lexicon = lexicon_module.load()
    rows, n_gold = [], Counter()
    for doc_id, g in gold.items():
        text = g["text"]
        golds = [(score.trim(text, *c["content_span"]), c) for c in g["claims"] if not c.get("ignore")]
        ignored = [score.trim(text, *c["content_span"]) for c in g["claims"] if c.get("ignore")]
        n_gold[half(doc_id)] += len(golds)
        found = candidates(docs[doc_id], lexicon, beliefs)
        # with merge, a passage's fragments are one claim, judged as its first fragment
        heads = [i for i, c in enumerate(found) if c.follows is None or not merge]
        spans = {}
        for i, c in enumerate(found):
            head = _head(found, i) if merge else i
            s, e = c.claim.content.start, c.claim.content.end
            lo, hi = spans.get(head, (s, e))
            spans[head] = (min(lo, s), max(hi, e))
        spans = {i: score.trim(text, *spans[i]) for i in heads}
        matched = _match(golds, spans)
        for i in heads:
            c = found[i]
            if i not in matched and any(_overlap(a, spans[i]) for a in ignored):
                continue
            record = claim_record(c.claim)
            ok = content_ok = False
            if i in matched:
                content_ok = True
                _, names, _, sspan = score.pred_fields(record)
                ok = score.speaker_ok(golds[matched[i]][1], names, sspan) is not False
            prior = lexicon.confidence[c.claim.rule if c.claim.speaker is not None else NO_SPEAKER]
            rows.append((doc_id, c.features, prior, ok, content_ok))
    return rows, n_gold


def _head(found, i):
    while found[i].follows is not None:
        i = found[i].follows
    return i


def _overlap(a, b):
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov if ov > 0 and ov / max(1, a[1] - a[0]) >= 0.5 and ov / max(1, b[1] - b[0]) >= 0.5 else 0


def _match(golds, spans: dict) -> dict:
    pairs = sorted(((_overlap(gs, ps), gi, pi) for gi, (gs, _) in enumerate(golds)
                    for pi, ps in spans.items()), reverse=True)
    used, match = set(), {}
    for ov, gi, pi in pairs:
        if ov and gi not in used and pi not in match:
            used.add(gi)
            match[pi] = gi
    return match


def fit(rows, epochs: int = 400):
    counts = Counter(f for r in rows for f in set(r[1]))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    col = {f: j for j, f in enumerate(vocab)}
    x = _matrix(rows, col)
    y = numpy.array([r[3] for r in rows], dtype=float)
    w = numpy.zeros(x.shape[1])
    m = numpy.zeros_like(w)
    v = numpy.zeros_like(w)
    penalty = numpy.full_like(w, L2 / len(rows))
    penalty[:2] = 0  # bias and prior are not shrunk
    for t in range(1, epochs + 1):  # Adam on the mean log loss
        p = 1 / (1 + numpy.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(rows) + penalty * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (numpy.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return dict(zip(["bias", "prior", *vocab], w.tolist()))


def _matrix(rows, col):
    x = numpy.zeros((len(rows), len(col) + 2))
    x[:, 0] = 1
    for i, r in enumerate(rows):
        x[i, 1] = logit(r[2])
        for f in r[1]:
            j = col.get(f)
            if j is not None:
                x[i, j + 2] = 1
    return x


def probabilities(rows, weights):
    out = []
    for _, feats, prior, _, _ in rows:
        z = weights["bias"] + weights["prior"] * logit(prior) + sum(weights.get(f, 0.0) for f in set(feats))
        out.append(1 / (1 + math.exp(-max(-30, min(30, z)))))
    return out


def figures(rows, probs, threshold, n_gold):
    kept = [r for r, p in zip(rows, probs) if round(p, 2) >= threshold]
    out = {}
    for name, k in (("content", 4), ("e2e", 3)):
        tp = sum(r[k] for r in kept)
        p, rc = tp / max(1, len(kept)), tp / max(1, n_gold)
        out[name] = (round(p, 3), round(rc, 3), round(2 * p * rc / max(1e-9, p + rc), 3))
    return out


def best_threshold(rows, probs, n_gold, width: int = 2) -> float:
    """The threshold of the best end-to-end F1, averaged over the thresholds within ``width``
    hundredths of it: the top of the curve is flat over several hundredths, and its first
    maximum moves with any small change of the candidates."""
    def f1(t):
        kept = [r for r, p in zip(rows, probs) if round(p, 2) >= t]
        tp = sum(r[3] for r in kept)
        return 2 * tp / max(1, len(kept) + n_gold)

    curve = {t: f1(t / 100) for t in range(5 - width, 80 + width + 1)}
    return max(range(5, 80), key=lambda t: sum(curve[t + d] for d in range(-width, width + 1))) / 100


def cross_validated_threshold(rows, n_gold) -> float:
    """The best threshold over out-of-fold scores: each fifth of the documents scored by weights
    fitted on the other four. Scores of the rows a model was fitted on run high, so a threshold
    chosen on them cuts too many claims on unseen articles."""
    folds = [[r for r in rows if _fold(r[0]) == k] for k in range(FOLDS)]
    pooled, probs = [], []
    for k, fold in enumerate(folds):
        weights = fit([r for j, other in enumerate(folds) if j != k for r in other])
        pooled += fold
        probs += probabilities(fold, weights)
    return best_threshold(pooled, probs, n_gold)


def _fold(doc_id: str) -> int:
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) // 2 % FOLDS


def calibration(rows, probs, title):
    print(f"\n{title}\nbucket     claims  mean confidence  share right")
    buckets = {}
    for r, p in zip(rows, probs):
        b = buckets.setdefault(min(9, int(round(p, 2) * 10 + 1e-9)), [0, 0, 0.0])
        b[0] += r[3]
        b[1] += 1
        b[2] += round(p, 2)
    for b in sorted(buckets):
        right, n, total = buckets[b]
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}  {n:7d}  {total / n:15.2f}  {right / n:11.3f}")


def write(weights, threshold, path):
    with open(path + ".part", "w", encoding="utf-8") as f:
        f.write("# Logistic-regression weights of the claim scorer (claimx/scoring.py): feature, tab,\n"
                "# weight. Trained by bench/train_scorer.py on the even half (MD5 of the document id)\n"
                "# of PolNeAR dev; a claim scoring below the threshold gives no claim.\n")
        f.write(f"threshold\t{threshold:.2f}\n")
        for name, w in sorted(weights.items(), key=lambda kv: (kv[0] not in ("bias", "prior"), kv[0])):
            if abs(w) >= 0.005 or name in ("bias", "prior"):
                f.write(f"{name}\t{w:.3f}\n")
    os.replace(path + ".part", path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--scorer", required=True, help="the corpus's score.py")
    ap.add_argument("--merge-passages", action="store_true")
    ap.add_argument("--no-beliefs", action="store_true", help="train without the belief cues")
    ap.add_argument("--cache", help="a DocBin file holding (or to hold) the parsed documents")
    ap.add_argument("--out", help="write the weights here (models/scorer.tsv)")
    a = ap.parse_args()
    score = _load_scorer(a.scorer)
    gold = score.load(a.gold)
    rows, n_gold = labelled(gold, parsed(gold, a.cache), score, a.merge_passages, not a.no_beliefs)
    train = [r for r in rows if half(r[0]) == 0]
    held = [r for r in rows if half(r[0]) == 1]
    weights = fit(train)
    threshold = cross_validated_threshold(train, n_gold[0])
    for name, part, n in (("training half", train, n_gold[0]), ("held-out half", held, n_gold[1])):
        probs = probabilities(part, weights)
        print(name, len(part), "candidates, threshold", threshold, figures(part, probs, threshold, n))
        calibration([r for r, p in zip(part, probs) if round(p, 2) >= threshold],
                    [p for p in probs if round(p, 2) >= threshold], f"{name}, claims kept")
    if a.out:
        write(weights, threshold, a.out)


if __name__ == "__main__":
    main()
