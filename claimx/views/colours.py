"""Speaker colours: the same speaker in the same colour in the table, ``show`` and the report.
Colours go to speakers in the order given (most quoted first), so the first speakers get the
most distinct ones; the same input always gives the same colours."""
from __future__ import annotations

from typing import Iterable, Optional

#: Tableau's 10 and the light half of its 20, without grey: they read on dark and light
#: backgrounds alike and stay apart for the common kinds of colour blindness.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#a0cbe8", "#ffbe7d", "#8cd17d", "#f1ce63", "#d4a6c8")
#: Claims without a named speaker.
UNKNOWN_COLOUR = "#8c8c8c"


def speaker_colours(labels: Iterable[Optional[str]]) -> dict:
    """Each label -> a colour, in order; None (no named speaker) is grey. More speakers than
    colours share them round the palette (the legend tells them apart)."""
    colours: dict = {None: UNKNOWN_COLOUR}
    for label in labels:
        if label not in colours:
            colours[label] = PALETTE[(len(colours) - 1) % len(PALETTE)]
    return colours
