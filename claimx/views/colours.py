"""Speaker colours: the same speaker in the same colour in the table, ``show`` and the report.
Colours go to speakers in the order given (most quoted first), so the first speakers get the
most distinct ones; the same input always gives the same colours."""
from __future__ import annotations

from typing import Iterable, Optional

#: Mid-light colours from Tableau's and D3's category palettes, chosen to read as text on dark
#: and on light terminals alike (the darkest blue and brown of those palettes were lightened
#: after looking at `show` on a dark terminal) and to stay apart from each other.
PALETTE = ("#5b9bd5", "#f28e2b", "#e15759", "#4fb0a8", "#59a14f", "#d9a521", "#b07aa1",
           "#ff8fa3", "#b5835a", "#17becf", "#bcbd22", "#9467bd", "#e377c2", "#8c8cff")
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
