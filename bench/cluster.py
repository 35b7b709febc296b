#!/usr/bin/env python3
"""The Dask engine against the local batch, on the same articles, in one run.

    python bench/cluster.py [FOLDER] [--articles 1000] [--repeat 2] [-n 2]

Each round runs, in a fresh process and taking turns, the two commands a user would type:

    claimx extract CORPUS -n N -o OUT.jsonl -q                # local: spaCy's N processes
    claimx extract CORPUS --engine dask -o OUT/ -q            # a LocalCluster, one worker per core

and times them from start to end (loading the pipeline and starting the cluster included), into
fresh outputs, so nothing is resumed. The fastest round of each counts; the CPU seconds of all
the processes of a run are reported too, as they depend less on what else the (shared)
machine is doing. The records are checked
to be the same: the part files, in order, hold the local run's lines.

CORPUS is FOLDER's *.txt files copied over and over (a/00000.txt, ...) to --articles articles;
without FOLDER, --articles short articles made from the bundled samples (as
``bench/throughput.py --memory`` makes them). Nothing is written into the repository."""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import generate_corpus  # noqa: E402


def make_corpus(folder: Path, source: Path | None, articles: int) -> int:
    """Write the corpus into ``folder``; returns its number of words."""
    if source is None:
        generate_corpus(folder, articles)
    else:
        texts = sorted(source.rglob("*.txt"))
        if not texts:
            sys.exit(f"{source} holds no *.txt files")
        for n in range(articles):
            path = folder / f"{n // 1000:03d}" / f"{n:06d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(texts[n % len(texts)], path)
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*.txt"))


def command(variant: str, corpus: Path, out: Path, n_process: int) -> list[str]:
    claimx = [sys.executable, "-m", "claimx", "extract", str(corpus), "-q"]
    if variant == "local":
        return claimx + ["-n", str(n_process), "-o", str(out / "claims.jsonl")]
    return claimx + ["--engine", "dask", "-o", str(out / "parts") + "/"]


def timed(variant: str, corpus: Path, work: Path, n_process: int) -> tuple[float, float, str]:
    """Seconds the command took, the CPU seconds of all its processes, and the records it wrote
    (as JSONL text)."""
    out = Path(tempfile.mkdtemp(prefix=f"{variant}-", dir=work))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command(variant, corpus, out, n_process), cwd=ROOT,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # worker processes are waited for by their parent, so their time is counted here too
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode:
        sys.exit(f"{variant} run failed ({done.returncode}):\n{done.stderr}")
    if variant == "local":
        records = (out / "claims.jsonl").read_text(encoding="utf-8")
    else:
        records = "".join(p.read_text(encoding="utf-8") for p in sorted((out / "parts").glob("part-*.jsonl")))
    shutil.rmtree(out)
    return seconds, cpu, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="articles (*.txt) to repeat")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2, help="rounds (the fastest counts)")
    parser.add_argument("-n", "--n-process", type=int, default=2, help="processes of the local run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="claimx-bench-cluster-") as work:
        work = Path(work)
        corpus = work / "corpus"
        words = make_corpus(corpus, args.folder, args.articles)
        times: dict[str, list[float]] = {"local": [], "dask": []}
        cpus: dict[str, list[float]] = {"local": [], "dask": []}
        records: dict[str, str] = {}
        for round_ in range(args.repeat):
            for variant in (("local", "dask") if round_ % 2 == 0 else ("dask", "local")):
                seconds, cpu, records[variant] = timed(variant, corpus, work, args.n_process)
                times[variant].append(seconds)
                cpus[variant].append(cpu)
                print(f"  round {round_ + 1} {variant:5} {seconds:7.1f} s  "
                      f"{args.articles / seconds:6.2f} articles/s  {cpu:7.1f} CPU s", file=sys.stderr)
    same = records["local"] == records["dask"]
    best = {variant: min(t) for variant, t in times.items()}
    cpu = {variant: min(t) for variant, t in cpus.items()}
    print(f"corpus: {args.articles:,} articles, {words:,} words "
          f"({args.folder or 'generated from the bundled samples'}); best of {args.repeat}")
    for variant, label in (("local", f"local -n {args.n_process}"), ("dask", "--engine dask")):
        print(f"{label:14} {best[variant]:7.1f} s  {args.articles / best[variant]:6.2f} articles/s  "
              f"{words / best[variant]:7,.0f} words/s  "
              f"({args.articles / cpu[variant]:.2f} articles per CPU second)")
    print(f"dask / local: {best['local'] / best['dask']:.1%} of the local throughput "
          f"({cpu['local'] / cpu['dask']:.1%} by CPU time); "
          f"records {'identical' if same else 'DIFFERENT'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
