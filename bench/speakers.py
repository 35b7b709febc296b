"""How long ``claimx speakers`` takes over the JSONL results of 1,000 articles, against the time
their extraction took: it reads the results and never parses again (the claim of issue 16 is
under 5%).

    python bench/speakers.py                    # 1,000 articles made from the bundled samples
    python bench/speakers.py FOLDER             # the *.txt articles below FOLDER, cycled to 1,000
    python bench/speakers.py --articles 5000 -n 2

Each command runs as a user runs it, ``python -m claimx ...`` in a fresh process, so the times
include starting Python and importing claimx. ``speakers`` and ``outlets`` are given a model that
does not exist (``--model no-such-pipeline``): had they loaded a spaCy pipeline, they would fail.
The fastest of ``--repeat`` runs counts for them; extraction runs once. Both wall-clock and CPU
time are given (the CPU time of a child process is its own, whatever else the machine does)."""
from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from throughput import generate_corpus  # noqa: E402

LIMIT = 0.05


def environment() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def timed(args: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of ``python ARGS...`` in a fresh process. CPU time is
    the steadier measure on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=environment(), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def copy_cycled(source: Path, target: Path, articles: int) -> None:
    texts = sorted(source.rglob("*.txt"))
    if not texts:
        sys.exit(f"{source} holds no *.txt files")
    for n, path in zip(range(articles), itertools.cycle(texts)):
        out = target / f"{n // 1000:03d}" / f"article-{n:06d}.txt"
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)


def in_process(results: Path) -> float:
    """The library's own time: reading the records and counting, without starting Python."""
    from claimx.views.corpus import tally
    from claimx.views.results import read_results

    started = time.perf_counter()
    corpus = tally(read_results(results))
    corpus.speakers(), corpus.outlets()
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, help="articles to use (default: generated)")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("-n", "--n-process", default="1", help="processes for the extraction")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimx-bench-") as tmp:
        articles, results = Path(tmp) / "articles", Path(tmp) / "claims.jsonl"
        if args.folder:
            copy_cycled(args.folder, articles, args.articles)
        else:
            generate_corpus(articles, args.articles)
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split())
                    for p in articles.rglob("*.txt"))
        extract = timed(["-m", "claimx", "extract", str(articles), "-f", "jsonl", "-o", str(results),
                         "-q", "-n", args.n_process])
        claims = sum(line.count('"cue": {') for line in results.open(encoding="utf-8"))
        view = {}
        for command in ("speakers", "outlets"):
            view[command] = min(timed(["-m", "claimx", command, str(results), "-f", "json", "-o",
                                       str(Path(tmp) / f"{command}.json"),
                                       "--model", "no-such-pipeline"])
                                for _ in range(args.repeat))
        start_up = min(timed(["-c", "import claimx.cli"]) for _ in range(args.repeat))
        library = min(in_process(results) for _ in range(args.repeat))
    print(f"{args.articles:,} articles, {words:,} words, {claims:,} claims "
          f"({results.name}: JSONL results)")
    print(f"extract -n {args.n_process}: {extract[0]:.1f} s ({extract[1]:.1f} s CPU)")
    for command, (wall, cpu) in view.items():
        print(f"{command}: {wall:.2f} s = {wall / extract[0]:.2%} of the extraction's time; "
              f"{cpu:.2f} s CPU = {cpu / extract[1]:.2%} of its CPU time (starting Python and "
              f"importing claimx: {start_up[0]:.2f} s, {start_up[1]:.2f} s CPU)")
    print(f"reading and counting in the library, without start-up: {library:.2f} s "
          f"= {library / extract[0]:.2%}")
    worst = max(max(wall / extract[0], cpu / extract[1]) for wall, cpu in view.values())
    print(f"{'under' if worst < LIMIT else 'OVER'} the {LIMIT:.0%} limit")
    sys.exit(0 if worst < LIMIT else 1)


if __name__ == "__main__":
    main()
