"""Prometheus metrics that add up across gunicorn workers, with no dependency.

Each process keeps its counters in a small file of doubles of its own (``<pid>.metrics``) in
one directory; a scrape sums every file there, those of workers that have since been replaced
included, so counters never go back. A worker writes only its own file: no lock is needed.
"""

from __future__ import annotations

import mmap
import os
import struct
import tempfile
from pathlib import Path

STATUSES = (200, 400, 401, 404, 405, 413, 415, 422, 500, 503)
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
QUOTE_TYPES = ("direct", "mixed", "indirect")

# slot layout: requests by status (+1 for any other), histogram buckets (+Inf), sum, quotes by type
_REQ = 0
_BUCKET = _REQ + len(STATUSES) + 1
_SUM = _BUCKET + len(BUCKETS) + 1
_QUOTES = _SUM + 1
SLOTS = _QUOTES + len(QUOTE_TYPES)
_SIZE = 8 * SLOTS


class Metrics:
    def __init__(self, directory: str | None = None) -> None:
        self.directory = Path(directory or tempfile.mkdtemp(prefix="quotes-metrics-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self._pid: int | None = None
        self._map: mmap.mmap | None = None

    def _slots(self) -> mmap.mmap:
        if self._pid != os.getpid():  # first use in this process (gunicorn forks after import)
            path = self.directory / f"{os.getpid()}.metrics"
            with open(path, "wb") as f:
                f.write(b"\0" * _SIZE)
            with open(path, "r+b") as f:
                self._map = mmap.mmap(f.fileno(), _SIZE)
            self._pid = os.getpid()
        return self._map

    def _add(self, slot: int, value: float) -> None:
        slots = self._slots()
        (current,) = struct.unpack_from("d", slots, 8 * slot)
        struct.pack_into("d", slots, 8 * slot, current + value)

    def observe_request(self, status: int, seconds: float) -> None:
        index = STATUSES.index(status) if status in STATUSES else len(STATUSES)
        self._add(_REQ + index, 1)
        bucket = next((i for i, bound in enumerate(BUCKETS) if seconds <= bound), len(BUCKETS))
        self._add(_BUCKET + bucket, 1)
        self._add(_SUM, seconds)

    def observe_quotes(self, quotes: list[dict]) -> None:
        for quote in quotes:
            if quote["type"] in QUOTE_TYPES:
                self._add(_QUOTES + QUOTE_TYPES.index(quote["type"]), 1)

    def totals(self) -> list[float]:
        totals = [0.0] * SLOTS
        for path in self.directory.glob("*.metrics"):
            data = path.read_bytes()
            if len(data) == _SIZE:
                for i, value in enumerate(struct.unpack(f"{SLOTS}d", data)):
                    totals[i] += value
        return totals

    def exposition(self) -> str:
        """The Prometheus text format (version 0.0.4)."""
        t = self.totals()
        lines = [
            "# HELP quotes_http_requests_total HTTP requests answered, by status.",
            "# TYPE quotes_http_requests_total counter",
        ]
        for i, status in enumerate((*STATUSES, "other")):
            lines.append(f'quotes_http_requests_total{{status="{status}"}} {t[_REQ + i]:g}')
        lines += [
            "# HELP quotes_http_request_duration_seconds Time to answer a request.",
            "# TYPE quotes_http_request_duration_seconds histogram",
        ]
        cumulative = 0.0
        for i, bound in enumerate((*BUCKETS, "+Inf")):
            cumulative += t[_BUCKET + i]
            lines.append(f'quotes_http_request_duration_seconds_bucket{{le="{bound}"}} {cumulative:g}')
        lines.append(f"quotes_http_request_duration_seconds_sum {t[_SUM]:.6f}")
        lines.append(f"quotes_http_request_duration_seconds_count {cumulative:g}")
        lines += ["# HELP quotes_found_total Quotations returned, by type.", "# TYPE quotes_found_total counter"]
        for i, kind in enumerate(QUOTE_TYPES):
            lines.append(f'quotes_found_total{{type="{kind}"}} {t[_QUOTES + i]:g}')
        return "\n".join(lines) + "\n"
