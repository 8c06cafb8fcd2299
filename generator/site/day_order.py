"""The order of a day's clusters: what mattered most first, never A to Z.

Within a day, a cluster told by more agencies comes first (more newsrooms judged it worth a story); among
equals, the newest filing time first, a cluster with a known time before one without (a time is known from a
sidecar's `time:` or a `14:06 GMT` in the text); then the longer lead story first; then more words across all
versions. What still ties is ordered by a digest of the cluster's id: stable from build to build, and unrelated
to the alphabet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from generator.site.clusters import Cluster


def newest_time(cluster: Cluster) -> dt.time | None:
    """The latest known filing time among the versions filed on the lead's day; None when none gives one."""
    times = [story.time for story in cluster.stories if story.time is not None and story.date == cluster.lead.date]
    return max(times, default=None)


def day_rank(cluster: Cluster) -> tuple:
    """Sort key, most important first: agencies, newest time (known first), lead's words, all words, digest."""
    time = newest_time(cluster)
    seconds = time.hour * 3600 + time.minute * 60 + time.second if time else 0
    return (
        -len(cluster.agencies),
        time is None,
        -seconds,
        -cluster.lead.words,
        -sum(story.words for story in cluster.stories),
        hashlib.blake2b(cluster.id.encode("utf-8"), digest_size=8).digest(),
    )


def order_day(clusters: Iterable[Cluster]) -> list[Cluster]:
    """One day's clusters in reading order (see the module's rule)."""
    return sorted(clusters, key=day_rank)
