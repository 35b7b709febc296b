#!/usr/bin/env python3
"""Would parsing only the passages that can hold a claim keep the claims the same, and how much
faster would it be? A measurement, not a feature.

    python bench/passages.py [TEXTS] [--limit N] [--neighbours 0 1]

TEXTS is a folder (every *.txt below it) or a JSONL file whose records have a "text" field;
default: the bundled samples. A paragraph (a line) "can hold a claim" when it holds a quotation
mark or a word that is a form of a cue in claimx's lexicon ("said", "warns", "claims",
"according"); with --neighbours K the K paragraphs either side are kept too. Every other
paragraph is blanked out (its characters become spaces, so every offset stays the same) and the
whole claimx pipeline runs on what is left. The claims are compared with those of the full text,
field by field, and both runs are timed (CPU seconds, best of two rounds)."""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimx import lexicon as lexicon_module  # noqa: E402
from claimx.pipeline import load_pipeline  # noqa: E402
from claimx.quotations import MARKS  # noqa: E402

WORD = re.compile(r"[a-z]+")
LINE = re.compile(r"[^\n]*\n?")


def load_texts(source: str | None, limit: int) -> list[str]:
    if source is None:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    elif Path(source).is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(source).rglob("*.txt"))]
    else:
        with open(source, encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
    return texts[:limit] if limit else texts


def inflections(lemma: str, verb: bool) -> set[str]:
    """The regular forms of ``lemma``, generously (over-generating costs nothing here)."""
    forms = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if verb:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma + "d", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing",
                  lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def cue_forms(nlp) -> set[str]:
    lex = lexicon_module.load()
    irregular: dict[str, set[str]] = {}
    lemmatizer = nlp.get_pipe("lemmatizer")
    exceptions = lemmatizer.lookups.get_table("lemma_exc") if lemmatizer.lookups.has_table("lemma_exc") else {}
    for pos in ("verb", "noun"):
        for form, lemmas in (exceptions.get(pos) or {}).items():
            for lemma in lemmas:
                irregular.setdefault(lemma, set()).add(form)
    forms = {"according"}
    for entries, verb in ((lex.verbs, True), (lex.nouns, False)):
        for lemma in entries:
            head = lemma.split()[0]
            forms |= inflections(head, verb) | irregular.get(head, set())
    return forms


def mask(text: str, forms: set[str], neighbours: int) -> tuple[str, float]:
    """``text`` with the paragraphs that cannot hold a claim blanked out, and the share kept."""
    lines = [m.group() for m in LINE.finditer(text) if m.group()]
    hits = [bool(MARKS.search(line)) or any(w in forms for w in WORD.findall(line.lower()))
            for line in lines]
    keep = [any(hits[max(0, i - neighbours):i + neighbours + 1]) for i in range(len(lines))]
    out = "".join(line if k else re.sub(r"[^\n]", " ", line) for line, k in zip(lines, keep))
    kept = sum(len(line) for line, k in zip(lines, keep) if k)
    return out, kept / max(1, len(text))


def differences(a, b) -> list[str]:
    """The fields in which two claims at the same place differ ("speaker.name", "type")."""
    out = []
    for name in ("speaker", "cue", "content", "outlet"):
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            if x is None or y is None:
                out.append(name)
            else:
                out.extend(f"{name}.{f}" for f in vars(x) if getattr(x, f) != getattr(y, f))
    out.extend(f for f in ("type", "confidence", "rule", "passage", "hedged") if getattr(a, f) != getattr(b, f))
    return out


def timed(nlp, texts, batch_size=8):
    best, claims = None, None
    for _ in range(2):
        start = time.process_time()
        claims = [doc._.claims for doc in nlp.pipe(texts, batch_size=batch_size)]
        took = time.process_time() - start
        best = took if best is None else min(best, took)
    return best, claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="?")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--neighbours", type=int, nargs="+", default=[0, 1])
    args = ap.parse_args()

    nlp = load_pipeline()
    texts = load_texts(args.texts, args.limit)
    words = sum(len(t.split()) for t in texts)
    forms = cue_forms(nlp)
    full_time, full = timed(nlp, texts)
    total_claims = sum(len(c) for c in full)
    print(f"{len(texts)} texts, {words:,} words, {total_claims:,} claims; {len(forms):,} cue forms")
    print(f"full text:          {words / full_time:7,.0f} words per CPU second")
    for k in args.neighbours:
        masked = [mask(t, forms, k) for t in texts]
        share = sum(s * len(t) for (_, s), t in zip(masked, texts)) / sum(len(t) for t in texts)
        start = time.process_time()
        [mask(t, forms, k) for t in texts]
        masking = time.process_time() - start
        took, claims = timed(nlp, [m for m, _ in masked])
        took += masking
        same_docs = sum(a == b for a, b in zip(full, claims))
        lost = sum(len(set(a) - set(b)) for a, b in zip(full, claims))
        new = sum(len(set(b) - set(a)) for a, b in zip(full, claims))
        gone, fields = 0, Counter()
        for a, b in zip(full, claims):
            by_place = {(c.content.start, c.content.end, c.cue.start): c for c in b}
            for c in set(a) - set(b):
                other = by_place.get((c.content.start, c.content.end, c.cue.start))
                if other is None:
                    gone += 1
                else:
                    fields.update(differences(c, other))
        print(f"passages (+{k} around): {words / took:7,.0f} words per CPU second "
              f"({full_time / took:.2f}x), {share:.0%} of the text parsed; identical claims in "
              f"{same_docs}/{len(texts)} texts; {lost} of {total_claims} claims differ or are gone "
              f"({gone} gone, the rest changed in: "
              f"{', '.join(f'{f} {n}' for f, n in fields.most_common()) or 'nothing'}), "
              f"{new} new or changed")


if __name__ == "__main__":
    main()
