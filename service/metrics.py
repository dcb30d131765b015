"""Prometheus metrics summed over gunicorn's workers: ``prometheus_client``'s multiprocess mode.

``gunicorn.conf.py`` sets ``PROMETHEUS_MULTIPROC_DIR`` before any worker starts; each worker
writes its values to files of its own there and a scrape sums them all, those of replaced
workers included, so counters never go back. Without it (tests, one process) values live in
memory.

Metrics never break serving: an update that cannot be written (the directory unwritable, full
or gone) is skipped and logged once per worker, and the request is answered as usual. A deleted
directory is made again at the next request and every worker moves to new files in it: the
counters restart from zero, which Prometheus reads as a reset.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter as Tally
from collections.abc import Callable

from flask import request
from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics, generate_latest, values
from prometheus_client.multiprocess import MultiProcessCollector

log = logging.getLogger(__name__)
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "OPTIONS"})  # others count as "other": labels stay few
UNMATCHED = "unmatched"  # the route of a request no route matched (404, 405): never the raw path

disable_created_metrics()  # the *_created series: the same exposition with and without workers

RETRY_SECONDS = 1.0  # how often a worker whose files failed tries new ones

# This process's files: which generation (bumped each time they are lost), whether the last
# update was written, and when to try new files after a failure.
_files = {"generation": 0, "written": False, "retry_at": 0.0}


def _files_identity() -> str:
    """prometheus_client reopens a process's files whenever this changes (it is meant for fork)."""
    generation = _files["generation"]
    return f"{os.getpid()}-{generation}" if generation else str(os.getpid())


if values.ValueClass._multiprocess:
    values.ValueClass = values.MultiProcessValue(process_identifier=_files_identity)


class Metrics:
    def __init__(self, directory: str | None = None) -> None:
        # directory: where a scrape reads every worker's files (PROMETHEUS_MULTIPROC_DIR by default)
        multiprocess = values.ValueClass._multiprocess
        self.directory = (directory or os.environ.get("PROMETHEUS_MULTIPROC_DIR")) if multiprocess else None
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "quotes_http_requests",
            "HTTP requests answered, by route, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "quotes_http_request_duration_seconds",
            "Time to answer a request, by route and method.",
            ["route", "method"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.quotes = Counter("quotes_found", "Quotations returned, by type.", ["type"], registry=self.registry)
        self._warned = False

    def observe_request(self, status: int, seconds: float) -> None:
        """Count the current request, labelled by its URL rule (``/v1/quotes``), not its raw path."""
        rule = request.url_rule
        route = rule.rule if rule is not None else UNMATCHED
        method = request.method if request.method in METHODS else "other"
        self._follow_directory()
        written = self._safely(lambda: self.requests.labels(route, method, str(status)).inc())
        self._safely(lambda: self.latency.labels(route, method).observe(seconds))
        _files["written"] = written
        if not written and _files["retry_at"] <= time.monotonic():
            _files["retry_at"] = time.monotonic() + RETRY_SECONDS

    def observe_quotes(self, quotes: list[dict]) -> None:
        for kind, count in Tally(quote["type"] for quote in quotes).items():
            self._safely(lambda kind=kind, count=count: self.quotes.labels(kind).inc(count))

    def exposition(self) -> bytes:
        """Every worker's values summed, in the Prometheus text format; ``OSError`` if unreadable."""
        if self.directory is None:
            return generate_latest(self.registry)
        self._follow_directory()
        registry = CollectorRegistry()
        try:
            MultiProcessCollector(registry, path=self.directory)
            return generate_latest(registry)
        except (ValueError, RuntimeError) as exc:  # no directory; a file cut short
            raise OSError(f"the metrics directory cannot be read: {exc}") from None

    def _follow_directory(self) -> None:
        """New files when this worker's were lost (the directory deleted or replaced) or could not
        be written, at most once a RETRY_SECONDS; the directory is made again if it is gone."""
        if self.directory is None:
            return
        if _files["written"]:
            mine = os.path.join(self.directory, f"counter_{_files_identity()}.db")
            if os.path.exists(mine):
                return  # the usual case: one stat a request
            _files["written"] = False
        elif _files["retry_at"] == 0.0 or _files["retry_at"] > time.monotonic():
            return  # nothing written yet, or a retry is not due
        _files["generation"] += 1
        _files["retry_at"] = time.monotonic() + RETRY_SECONDS
        try:
            os.makedirs(self.directory, exist_ok=True)
        except OSError as exc:
            self._warn(exc)

    def _safely(self, update: Callable[[], None]) -> bool:
        try:
            update()
        except Exception as exc:  # an unwritable metric must never fail the request it counts
            self._warn(exc)
            return False
        return True

    def _warn(self, exc: Exception) -> None:
        if not self._warned:
            self._warned = True
            log.warning("metrics cannot be written, this worker serves without them: %s", exc)
