"""Gunicorn settings, each from an environment variable with a production default.

The work is CPU-bound regex matching, so sync workers, one or two per core.
"""

import glob
import multiprocessing
import os
import shutil
import sys
import tempfile


def _env(name: str, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return type(default)(value)
    except ValueError:  # ranges are checked with every other setting in on_starting
        expected = "a whole number" if isinstance(default, int) else type(default).__name__
        sys.exit(f"Error: Bad setting: {name}={value!r}: expected {expected}.")


bind = _env("QUOTES_BIND", "127.0.0.1:8000")
workers = _env("QUOTES_WORKERS", multiprocessing.cpu_count() + 1)
worker_class = "sync"
timeout = _env("QUOTES_TIMEOUT", 30)  # seconds a worker may spend on one request before it is replaced
graceful_timeout = _env("QUOTES_GRACEFUL_TIMEOUT", 30)
keepalive = _env("QUOTES_KEEPALIVE", 5)
max_requests = _env("QUOTES_MAX_REQUESTS", 10000)
max_requests_jitter = _env("QUOTES_MAX_REQUESTS_JITTER", 1000)
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = _env("QUOTES_ACCESS_LOG", "") or None  # the app logs one JSON line per request already
errorlog = "-"
loglevel = _env("QUOTES_LOG_LEVEL", "info")
# the access log holds no request body: article text is never logged
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'


_made = []  # the metrics directory this server made, removed on exit


def on_starting(server):
    """Check every QUOTES_* setting (a bad one stops the server here, naming it), then give all
    workers one Prometheus multiprocess directory, so /metrics sums every worker's requests."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:  # set before the service is imported: prometheus_client picks its mode at import
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="quotes-metrics-")
        _made.append(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    else:  # the operator's own: one per server, emptied at start as prometheus_client asks
        try:
            os.makedirs(directory, exist_ok=True)
            for stale in glob.glob(os.path.join(directory, "*.db")):
                os.remove(stale)
        except OSError as exc:  # metrics never stop the server: workers serve without them
            server.log.warning("metrics directory %s: %s", directory, exc)
    from service import settings

    try:
        for warning in settings.check():
            server.log.warning(warning)
    except settings.SettingsError as exc:
        on_exit(server)
        raise RuntimeError(str(exc)) from None  # gunicorn prints "Error: <message>" and exits 1


def child_exit(server, worker):
    """prometheus_client's bookkeeping for a dead worker, then its files folded into the archive:
    its counts stay in the totals, and the directory does not grow with each worker replaced."""
    from prometheus_client import multiprocess

    from service.metrics import fold_dead

    try:
        multiprocess.mark_process_dead(worker.pid)
        fold_dead(os.environ["PROMETHEUS_MULTIPROC_DIR"], worker.pid)
    except Exception as exc:  # never the master's end: the files stay, and are still counted
        server.log.warning("metrics of worker %s not folded: %s", worker.pid, exc)


def on_exit(server):
    for directory in _made:
        shutil.rmtree(directory, ignore_errors=True)
