"""How many processes a batch parses with, and which worker processes a run started (so that
an interrupted run ends those, and nothing else of the program it runs in)."""
from __future__ import annotations

import inspect
import multiprocessing
import os
from typing import Optional, Union

from .errors import UsageError


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def n_processes(value: Union[str, int]) -> int:
    """The number of processes ``--n-process`` asks for: a number, or 0 or ``auto`` for every
    core. Raises UsageError for anything else."""
    text = str(value).strip().lower()
    if text in ("auto", "0"):
        return available_cores()
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 1:
        raise UsageError(f"--n-process takes a number of processes, or 0 or auto for every core "
                         f"(this machine has {available_cores()}), not {value!r}")
    return n


def _spacy_workers(pipe) -> Optional[tuple[list, list]]:
    """The worker processes of a running ``nlp.pipe(n_process=N)`` generator and the queues that
    feed them, read from its frames (spaCy keeps them there, as ``procs`` and ``texts_q``), or
    None if they cannot be found."""
    for _ in range(8):  # Language.pipe -> Language.pipe -> Language._multiprocessing_pipe
        frame = getattr(pipe, "gi_frame", None)
        if frame is None:
            return None
        found = frame.f_locals
        if "procs" in found and "texts_q" in found:
            return list(found["procs"]), list(found["texts_q"])
        pipe = found.get("docs") if inspect.isgenerator(found.get("docs")) else pipe.gi_yieldfrom
    return None


class WorkerProcesses:
    """The worker processes ``nlp.pipe(n_process=N)`` starts for one run, and the queues that
    feed them. Make one just before the run; :meth:`note` them from the running pipe once
    they are started (if spaCy's frames do not tell, they are the children of this process
    that were not there when the run began), :meth:`stop` them if the run is interrupted. The
    program's own processes are never touched."""

    def __init__(self):
        self._before = set(multiprocessing.active_children())
        self._ours: list = []
        self._queues: list = []

    def note(self, pipe=None) -> None:
        """Take note of the workers that the ``nlp.pipe`` generator ``pipe`` started."""
        found = _spacy_workers(pipe) if pipe is not None else None
        if found is None:
            found = [p for p in multiprocessing.active_children() if p not in self._before], []
        for process in found[0]:
            if process not in self._ours:
                self._ours.append(process)
        self._queues.extend(q for q in found[1] if q not in self._queues)

    def stop(self) -> None:
        """End this run's workers now, and let this process exit without waiting to hand them
        the texts still queued for them."""
        for queue in self._queues:
            queue.cancel_join_thread()
        for process in self._ours:
            if process.is_alive():
                process.terminate()

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self._ours]
