#!/usr/bin/env python3
"""How much CPU claimx's own extraction takes (everything after spaCy's trained components), by
stage, for one or more claimx trees on the same parsed articles.

    python bench/extraction_cpu.py parse FOLDER DOCBIN     # parse FOLDER's *.txt once
    python bench/extraction_cpu.py time DOCBIN TREE [TREE ...] [--repeat 3]
    python bench/extraction_cpu.py profile DOCBIN TREE [--top 40]
    python bench/extraction_cpu.py claims DOCBIN TREE OUT  # every claim, one Doc a line

``parse`` runs the pipeline claimx loads without its ``claimx`` component and saves the Docs
(read as ``claimx extract`` reads files). ``time`` runs ``extract_claims`` over every Doc, each
tree in a fresh process with that tree first on ``sys.path``, the trees taking turns for
``--repeat`` rounds; the fastest round of each counts. CPU time (``time.process_time``), so that
other work on the machine weighs as little as it can. Each round is one pass as it runs (the
total) and one pass with each stage of ``claimx.extraction`` timed apart (which costs a little
more). ``profile``: cProfile over one pass, by function and by module. ``claims``: the claims
of each Doc as their repr, one line each, for ``cmp`` between trees (a change that only speeds
claimx up leaves the file as it was)."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()

# The stages of claimx.extraction, as the names it calls them by.
STAGES = ("Context", "find_drafts", "NameResolver", "make_speaker", "resolve", "as_government",
          "outlet_of_claim", "features", "_claim", "inherit_outlets")


def _use_tree(tree: str) -> None:
    sys.path.insert(0, str(Path(tree).resolve()))


def parse(folder: str, out: str) -> None:
    _use_tree(str(HERE.parent.parent))
    from spacy.tokens import DocBin
    from claimx.pipeline import load_pipeline
    from claimx.reading import Input, read_inputs

    nlp = load_pipeline()
    texts = [i.text for i in read_inputs([folder]) if isinstance(i, Input)]
    name = next(n for n, c in nlp.pipeline if type(c).__name__ == "ClaimExtractor")
    db = DocBin(store_user_data=False)
    with nlp.select_pipes(disable=[name]):
        for doc in nlp.pipe(texts, batch_size=8):
            db.add(doc)
    db.to_disk(out)
    print(f"{len(texts)} texts parsed into {out}", file=sys.stderr)


def _docs(docbin: str):
    from spacy.tokens import DocBin
    from claimx.pipeline import load_pipeline

    nlp = load_pipeline()
    return list(DocBin().from_disk(docbin).get_docs(nlp.vocab)), nlp


def _worker(docbin: str, tree: str) -> None:
    """One round for one tree: the total, then the stages; a JSON line on stdout."""
    _use_tree(tree)
    import claimx
    from claimx import extraction, referents
    from claimx.lexicon import load

    docs, _ = _docs(docbin)
    lexicon = load()
    for doc in docs[:5]:  # the lexicon, the scorer and the tables loaded
        extraction.extract_claims(doc, lexicon)
    t0 = time.process_time()
    claims = sum(len(extraction.extract_claims(doc, lexicon)) for doc in docs)
    total = time.process_time() - t0

    spent = dict.fromkeys(STAGES, 0.0)

    def timed(name, f):
        def run(*args, **kwargs):
            t = time.process_time()
            try:
                return f(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - t
        return run

    for name in STAGES:
        if name == "resolve":
            referents.NameResolver.resolve = timed(name, referents.NameResolver.resolve)
        elif hasattr(extraction, name):
            setattr(extraction, name, timed(name, getattr(extraction, name)))
    t0 = time.process_time()
    for doc in docs:
        extraction.extract_claims(doc, lexicon)
    staged = time.process_time() - t0
    spent["other"] = staged - sum(spent.values())
    print(json.dumps({"tree": tree, "file": claimx.__file__, "docs": len(docs), "claims": claims,
                      "total": total, "staged": staged, "stages": spent}))


def time_trees(docbin: str, trees: list[str], repeat: int) -> None:
    best: dict = {}
    for r in range(repeat):
        for tree in trees:
            out = subprocess.run([sys.executable, str(HERE), "_worker", docbin, tree],
                                 capture_output=True, text=True, check=True)
            got = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"round {r + 1} {tree}: {got['total']:.2f} s, {got['claims']} claims", file=sys.stderr)
            have = best.setdefault(tree, {"total": got["total"], "stages": dict(got["stages"]),
                                          "claims": got["claims"], "docs": got["docs"]})
            have["total"] = min(have["total"], got["total"])
            for k, v in got["stages"].items():
                have["stages"][k] = min(have["stages"][k], v)
    names = list(next(iter(best.values()))["stages"])
    width = max(len(t) for t in trees)
    print(f"{'CPU s (best of ' + str(repeat) + ')':<20}" + "".join(f"{Path(t).name:>{max(width, 12) + 2}}" for t in trees))
    for k in ["total", *names]:
        row = [best[t]["total"] if k == "total" else best[t]["stages"][k] for t in trees]
        print(f"{k:<20}" + "".join(f"{v:>{max(width, 12) + 2}.3f}" for v in row))
    print(f"{'claims':<20}" + "".join(f"{best[t]['claims']:>{max(width, 12) + 2}}" for t in trees))
    print(f"{'docs':<20}" + "".join(f"{best[t]['docs']:>{max(width, 12) + 2}}" for t in trees))


def profile(docbin: str, tree: str, top: int) -> None:
    import cProfile
    import pstats
    from collections import defaultdict

    _use_tree(tree)
    from claimx import extraction
    from claimx.lexicon import load

    docs, _ = _docs(docbin)
    lexicon = load()
    for doc in docs[:5]:
        extraction.extract_claims(doc, lexicon)
    prof = cProfile.Profile()
    prof.enable()
    for doc in docs:
        extraction.extract_claims(doc, lexicon)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(top)
    by_file: dict = defaultdict(float)
    for (file, _, _), (_, _, tottime, _, _) in stats.stats.items():
        by_file[file if "claimx" in file else Path(file).name or file] += tottime
    whole = sum(by_file.values())
    print("own time by file:")
    for file, t in sorted(by_file.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{t:8.3f} s {100 * t / whole:5.1f}%  {file}")


def claims(docbin: str, tree: str, out: str) -> None:
    _use_tree(tree)
    from claimx import extraction
    from claimx.lexicon import load

    docs, _ = _docs(docbin)
    lexicon = load()
    with open(out, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(repr(extraction.extract_claims(doc, lexicon)) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse")
    p.add_argument("folder")
    p.add_argument("docbin")
    t = sub.add_parser("time")
    t.add_argument("docbin")
    t.add_argument("trees", nargs="+")
    t.add_argument("--repeat", type=int, default=3)
    f = sub.add_parser("profile")
    f.add_argument("docbin")
    f.add_argument("tree")
    f.add_argument("--top", type=int, default=40)
    c = sub.add_parser("claims")
    c.add_argument("docbin")
    c.add_argument("tree")
    c.add_argument("out")
    w = sub.add_parser("_worker")
    w.add_argument("docbin")
    w.add_argument("tree")
    a = ap.parse_args()
    if a.command == "parse":
        parse(a.folder, a.docbin)
    elif a.command == "time":
        time_trees(a.docbin, a.trees, a.repeat)
    elif a.command == "profile":
        profile(a.docbin, a.tree, a.top)
    elif a.command == "claims":
        claims(a.docbin, a.tree, a.out)
    else:
        _worker(a.docbin, a.tree)


if __name__ == "__main__":
    main()
