"""Prometheus metrics summed over gunicorn's workers: ``prometheus_client``'s multiprocess mode.

``gunicorn.conf.py`` sets ``PROMETHEUS_MULTIPROC_DIR`` before any worker starts; each worker
writes its values to files of its own there and a scrape sums them all. Without it (tests, one
process) values live in memory.

Metrics never break serving. A worker gives its files their disk blocks before
prometheus_client maps them (on a full disk, a mapped page with no block behind it kills the
process with SIGBUS); a file that cannot be made or written is skipped, logged once, and tried
again a second later, and the request is answered as usual. A deleted directory is made again
at the next request and every worker moves to new files in it: the counters restart from zero,
which Prometheus reads as a reset. When a worker is replaced, the master folds its files into
one archive per metric type (:func:`fold_dead`), so the directory holds a few files whatever the
number of workers replaced, and counters never go back.
"""

from __future__ import annotations

import fcntl
import glob
import logging
import os
import time
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from flask import request
from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics, generate_latest, values
from prometheus_client.mmap_dict import MmapedDict, mmap_key
from prometheus_client.multiprocess import MultiProcessCollector

log = logging.getLogger(__name__)
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "OPTIONS"})  # others count as "other": labels stay few
UNMATCHED = "unmatched"  # the route of a request no route matched (404, 405): never the raw path

disable_created_metrics()  # the *_created series: the same exposition with and without workers

RETRY_SECONDS = 1.0  # how often a worker whose files failed tries again
FILE_BYTES = 64 * 1024  # prometheus_client's first size for a file; allocated before it is mapped
TYPES = ("counter", "histogram")  # the file of each metric type used here
LOCK = ".lock"  # scrapes read under a shared lock, the archive is replaced under an exclusive one

# This process's files: which generation (bumped each time they are lost), which identity has its
# files allocated, and when to try again after a failure.
_files = {"generation": 0, "allocated": None, "sentinel": "", "retry_at": 0.0}


def _files_identity() -> str:
    """prometheus_client reopens a process's files whenever this changes (it is meant for fork)."""
    generation = _files["generation"]
    return f"{os.getpid()}-{generation}" if generation else str(os.getpid())


def _allocate(path: str, size: int) -> None:
    """Disk blocks for a file before it is mapped: ``OSError`` when the disk is full, not SIGBUS."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        os.posix_fallocate(fd, 0, size)
    except OSError:
        if os.fstat(fd).st_size == 0:
            os.unlink(path)  # no empty file for a scrape to trip on
        raise
    finally:
        os.close(fd)


@contextmanager
def _locked(directory: str, mode: int) -> Iterator[None]:
    try:
        fd = os.open(os.path.join(directory, LOCK), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a directory that cannot be written cannot be folded either: no lock needed
        yield
        return
    try:
        fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)


def fold_dead(directory: str, pid: int) -> None:
    """Fold a dead worker's files into ``<type>_archive.db``, so that the directory does not grow
    by two files for each worker replaced (``mark_process_dead`` leaves counters and histograms)."""
    for typ in TYPES:
        dead = glob.glob(os.path.join(directory, f"{typ}_{pid}.db"))
        dead += glob.glob(os.path.join(directory, f"{typ}_{pid}-*.db"))
        if not dead:
            continue
        archive = os.path.join(directory, f"{typ}_archive.db")
        sources = ([archive] if os.path.exists(archive) else []) + dead
        entries = []
        for metric in MultiProcessCollector.merge(sources, accumulate=False):
            for sample in metric.samples:
                key = mmap_key(
                    metric.name, sample.name, list(sample.labels), list(sample.labels.values()), metric.documentation
                )
                entries.append((key, sample.value))
        fresh = os.path.join(directory, f"{typ}_archive.tmp")  # not *.db: no scrape reads it half-written
        if os.path.exists(fresh):
            os.unlink(fresh)  # left by a fold that failed: its values must not be read twice
        needed = 8 + sum(32 + len(key.encode("utf-8")) for key, _ in entries)
        _allocate(fresh, max(FILE_BYTES, needed))
        folded = MmapedDict(fresh)
        for key, value in entries:
            folded.write_value(key, value, 0.0)
        folded.close()
        with _locked(directory, fcntl.LOCK_EX):
            os.replace(fresh, archive)
            for path in dead:
                os.remove(path)


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
        self._children: dict[tuple, object] = {}
        self._warned = False

    def observe_request(self, status: int, seconds: float) -> None:
        """Count the current request, labelled by its URL rule (``/v1/quotes``), not its raw path."""
        rule = request.url_rule
        route = rule.rule if rule is not None else UNMATCHED
        method = request.method if request.method in METHODS else "other"
        if self._files_ready():
            self._safely(lambda: self._child(self.requests, route, method, str(status)).inc())
            self._safely(lambda: self._child(self.latency, route, method).observe(seconds))

    def observe_quotes(self, quotes: list[dict]) -> None:
        if not self._files_ready():
            return
        for kind, count in Tally(quote["type"] for quote in quotes).items():
            self._safely(lambda kind=kind, count=count: self._child(self.quotes, kind).inc(count))

    def _child(self, metric, *labels: str):
        """``metric.labels(*labels)``, looked up once: labels are few, requests many."""
        key = (metric, labels)
        child = self._children.get(key)
        if child is None:
            child = self._children[key] = metric.labels(*labels)
        return child

    def exposition(self) -> bytes:
        """Every worker's values summed, in the Prometheus text format; ``OSError`` if unreadable."""
        if self.directory is None:
            return generate_latest(self.registry)
        self._files_ready()  # a deleted directory is made again
        registry = CollectorRegistry()
        try:
            MultiProcessCollector(registry, path=self.directory)
            with _locked(self.directory, fcntl.LOCK_SH):
                return generate_latest(registry)
        except Exception as exc:  # no directory; a file cut short or removed while read
            raise OSError(f"the metrics directory cannot be read: {exc}") from None

    def _files_ready(self) -> bool:
        """Whether this process's files are in place: allocated before first use, and anew in a
        new generation when they were lost (the directory deleted or replaced)."""
        if self.directory is None:
            return True
        identity = _files_identity()
        if _files["allocated"] == identity:
            if os.path.exists(_files["sentinel"]):
                return True  # the usual case: one stat a request
            _files["generation"] += 1
            identity = _files_identity()
        elif time.monotonic() < _files["retry_at"]:
            return False
        try:
            os.makedirs(self.directory, exist_ok=True)
            for typ in TYPES:
                _allocate(os.path.join(self.directory, f"{typ}_{identity}.db"), FILE_BYTES)
        except OSError as exc:
            self._warn(exc)
            _files["retry_at"] = time.monotonic() + RETRY_SECONDS
            return False
        _files["allocated"] = identity
        _files["sentinel"] = os.path.join(self.directory, f"{TYPES[0]}_{identity}.db")
        return True

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
