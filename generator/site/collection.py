"""Garbage collection around a build: off while the stories are read, the site as read frozen before the writers
fork, on again after.

Loading the read cache and reading the stories make the long-lived site and almost no cyclic garbage, yet each
full collection would scan everything read so far; frozen, the site is never scanned again, in the parent or in
the forked writers (nor copied on write there). Rendering does make cyclic garbage, so collection is on while
pages are written."""

from __future__ import annotations

import gc


def pause_collection(pelican=None) -> None:
    """Pelican's get_generators, sent just before the generators load the read cache: no cyclic collection."""
    gc.disable()


def freeze_read_site() -> None:
    """Before the writers fork: what was read is frozen, and collection is on again."""
    gc.freeze()
    gc.enable()


def resume_collection(pelican=None) -> None:
    """After a build (Pelican's finalized, and generator.build after any build, failed ones too): collection on,
    and the frozen site collectable again, as a process may build again (`serve --watch`, `pelican -r`)."""
    gc.unfreeze()
    gc.enable()
