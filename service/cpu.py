"""How many CPUs this process may really use: its affinity mask, capped by a container's CPU quota.

``os.cpu_count()`` reports the host's cores; in a container limited to 2 CPUs on a 64-core node
that would start 65 gunicorn workers (and as many extraction processes), each throttled by the
kernel. The quota is read from cgroup v2 (``cpu.max``) or v1 (``cpu.cfs_quota_us``).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP = Path("/sys/fs/cgroup")


def _quota(root: Path) -> float | None:
    """CPUs allowed by the cgroup quota, or None when there is none (or no cgroup to read)."""
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]  # v2: "200000 100000" or "max 100000"
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        pass
    try:
        quota = int((root / "cpu" / "cpu.cfs_quota_us").read_text())  # v1: -1 when unlimited
        period = int((root / "cpu" / "cpu.cfs_period_us").read_text())
        return None if quota <= 0 else quota / period
    except (OSError, ValueError):
        return None


def available_cpus(root: Path | None = None) -> int:
    """CPUs for worker processes: at least 1, at most the affinity mask, rounded up from the quota."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    quota = _quota(root or CGROUP)
    if quota is not None:
        cpus = min(cpus, math.ceil(quota))
    return max(cpus, 1)
