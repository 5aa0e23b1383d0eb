"""Python's cyclic garbage collector paused while a stage makes many objects.

Why: resolution, the mapping to RDF, the Turtle and the page each make hundreds of
thousands of small objects next to the corpus's results, which stay alive. Every few
hundred allocations the collector runs, and its older generations walk the whole
heap: at 1,000 documents that was a third of those stages' time, and it found nothing
to free, since they make no reference cycles worth collecting before they end. The
collector runs again as usual when the stage is over.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection inside the block (the previous state is restored)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
