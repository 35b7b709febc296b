#!/usr/bin/env python3
"""Score how often claimx names a speaker in full when the words naming them do not (a pronoun,
a surname, a title: "she", "Nair", "the minister").

    python bench/speaker_check.py CHECK.jsonl PRED.jsonl

CHECK.jsonl holds one line per checked speaker mention, read by a person from the article:
``{"id": DOC_ID, "span": [start, end], "mention": "she", "name": "Priya Nair"}`` with
``"name": null`` when the article does not say who it is (not resolvable). PRED.jsonl is
claimx's output as ``run_claimx.py --keep`` writes it (``{"id", "claims"}`` per document). A
mention counts as named in full when the claim whose speaker stands at that span has a
``speaker.name`` holding every word of the full name but honorifics ("Mr.", "Dr."). An optional
``"cat"`` (pronoun, surname, title, org) is counted apart too. Two shares are given: of every
resolvable mention (``share``: a claim claimx did not find at all counts as a miss), and of
those claimx gives a speaker at (``share_found``: the naming alone, since finding the claim is
what content recall measures). The check file is research-use
text: keep it outside the repository.
"""
from __future__ import annotations

import argparse
import json
import re

HONORIFICS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "the"}


def words(name: str | None) -> set[str]:
    """The words of a name but honorifics, possessives dropped ("Trump’s campaign": trump, campaign)."""
    found = re.findall(r"[\w’'-]+", (name or "").lower())
    return {re.sub(r"[’']s$", "", w) for w in found} - HONORIFICS


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("check")
    ap.add_argument("pred")
    a = ap.parse_args()
    preds = {}
    with open(a.pred, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                preds[rec["id"]] = rec["claims"]
    resolvable = named = unresolvable = missing = 0
    misses = []
    by_cat: dict = {}  # cat -> [resolvable, named in full]
    with open(a.check, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            c = json.loads(line)
            if c["name"] is None:
                unresolvable += 1
                continue
            resolvable += 1
            cat = by_cat.setdefault(c.get("cat", "all"), [0, 0])
            cat[0] += 1
            found = next((p["speaker"] for p in preds.get(c["id"], [])
                          if p["speaker"] and p["speaker"]["span"] == c["span"]), None)
            if found is None:
                missing += 1
            elif words(c["name"]) <= words(found["name"]):
                named += 1
                cat[1] += 1
                continue
            misses.append((c["id"], c["mention"], c["name"], found and found["name"]))
    found = resolvable - missing
    print(json.dumps({"resolvable": resolvable, "named_in_full": named,
                      "share": round(named / resolvable, 3) if resolvable else None,
                      "found": found, "share_found": round(named / found, 3) if found else None,
                      "mention_not_found": missing, "not_resolvable": unresolvable,
                      "by_cat": {k: f"{n}/{r}" for k, (r, n) in sorted(by_cat.items())}}))
    for doc_id, mention, name, got in misses:
        print(f"  {mention!r}: {name!r}, claimx: {got!r}  ({doc_id})")


if __name__ == "__main__":
    main()
