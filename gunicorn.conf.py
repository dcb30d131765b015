"""Gunicorn settings, each from an environment variable with a production default.

The work is CPU-bound regex matching, so one or two workers per core. They are gevent workers,
not sync ones: a sync worker reads a request with no time limit, so a client that sends its
headers or body slowly, or never reads the answer, holds a whole worker, and three of them stop
the service. A gevent worker holds such a client in a greenlet and keeps serving the others,
for about 0.6 ms more CPU per request than a sync worker (``make bench`` prints both).
"""

import glob
import json
import logging
import os
import shutil
import sys
import tempfile

import gunicorn.util

from service.cpu import available_cpus


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
workers = _env("QUOTES_WORKERS", available_cpus() + 1)  # a container's CPU quota, not the node's cores
worker_class = _env("QUOTES_WORKER_CLASS", "gevent")
worker_connections = _env("QUOTES_WORKER_CONNECTIONS", 1000)  # open connections per gevent worker
timeout = _env("QUOTES_TIMEOUT", 30)  # seconds a worker may spend on one request before it is replaced
graceful_timeout = _env("QUOTES_GRACEFUL_TIMEOUT", 30)
keepalive = _env("QUOTES_KEEPALIVE", 5)  # seconds a request's headers may take (see pre_request)
max_requests = _env("QUOTES_MAX_REQUESTS", 10000)
max_requests_jitter = _env("QUOTES_MAX_REQUESTS_JITTER", 1000)
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
control_socket_disable = True  # one fixed path per user otherwise: instances would remove each other's
accesslog = _env("QUOTES_ACCESS_LOG", "") or None  # the app logs one JSON line per request already
errorlog = "-"
loglevel = _env("QUOTES_LOG_LEVEL", "info")
# the access log holds no request body: article text is never logged
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'


class _RequestId(logging.Filter):
    """Adds the id of the request a line was logged in (a traceback's, say), when there is one."""

    def filter(self, record: logging.LogRecord) -> bool:
        flask = sys.modules.get("flask")  # never imported here: the master stays free of the app
        if flask is not None and not hasattr(record, "request_id") and flask.has_request_context():
            record.request_id = flask.g.get("request_id")
        return True


def _handler(target: str | None) -> dict:
    where = {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}
    if target not in (None, "-"):
        where = {"class": "logging.FileHandler", "filename": target}
    return {**where, "formatter": "json", "filters": ["request_id"]}


# gunicorn's lines and the app's in one JSON format (the same as service/observe.py's), one object
# a line: a traceback is one line with its request id, a path's U+2028 or U+202E is escaped.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "filters": {"request_id": {"()": _RequestId}},
    "handlers": {"error": _handler("-"), "access": _handler(accesslog)},
    "root": {"level": loglevel.upper(), "handlers": ["error"]},
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["error"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access"] if accesslog else [], "propagate": False},
    },
}


def _problem_error(sock, status: int, reason: str, detail: str) -> None:
    """Gunicorn's own refusals (400, 414, 431, a worker's 500) as problem+json with the app's headers."""
    body = json.dumps({"type": "about:blank", "title": reason, "status": status, "detail": detail or reason})
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
        f"Content-Length: {len(body)}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
        "X-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n"
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n"
    )
    gunicorn.util.write_nonblock(sock, (head + body).encode("latin-1"))


gunicorn.util.write_error = _problem_error  # gunicorn writes these itself, as text/html
_made = []  # the metrics directory this server made, removed on exit


def pre_request(worker, req):
    """One request per connection, as with sync workers: each request goes to a free worker.

    A gevent worker keeps a kept-alive connection, and runs one extraction at a time: clients
    stuck on a busy worker waited while another sat idle (wrk, 16 connections: p95 1.4 s and
    timeouts, against 0.5 s without keep-alive). ``keepalive`` still bounds the wait for headers.
    """
    req.must_close = True


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
