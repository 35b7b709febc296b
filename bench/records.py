"""The memory and time of writing one long article's record in each format.

The record is the sample article's claims repeated ``--repeat`` times (1,184: the 22,496 claims
of the 6 MB article of the README's benchmark), written to a file as ``claimx extract -o`` does
(atomically). Each format runs in a fresh process, which reports how far writing raised its
peak memory (``ru_maxrss``)::

    python bench/records.py [--repeat 1184] [--formats json yaml csv jsonl]
"""
from __future__ import annotations

import argparse
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "pakistan-afghanistan-talks.txt"


def write_one(document_file: str, fmt: str, out: str) -> None:
    from claimx.writing import Writer, atomic_output
    with open(document_file, "rb") as f:
        document = pickle.load(f)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with atomic_output(Path(out)) as f:
        writer = Writer(fmt, f)
        writer.write(document)
        writer.close()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{fmt:5} {len(document.claims):,} claims, {os.path.getsize(out) / 2**20:.1f} MiB "
          f"written in {seconds:.1f} s; peak memory {before / 1024:.0f} -> {after / 1024:.0f} MiB "
          f"(+{(after - before) / 1024:.0f})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1184)
    parser.add_argument("--formats", nargs="+", default=["json", "yaml", "csv", "jsonl"])
    parser.add_argument("--write", nargs=3, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    if args.write:
        write_one(*args.write)
        return
    import claimx
    document = claimx.extract_file(str(SAMPLE))
    with tempfile.TemporaryDirectory() as folder:
        document_file = os.path.join(folder, "document.pickle")
        with open(document_file, "wb") as f:
            pickle.dump(replace(document, claims=document.claims * args.repeat), f)
        for fmt in args.formats:
            subprocess.run([sys.executable, __file__, "--write", document_file, fmt,
                            os.path.join(folder, f"out.{fmt}")], check=True)


if __name__ == "__main__":
    main()
