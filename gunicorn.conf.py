"""Gunicorn settings, each from an environment variable with a production default.

The work is CPU-bound regex matching, so sync workers, one or two per core.
"""

import os
import shutil
import tempfile

from service.cpu import available_cpus


def _env(name: str, default):
    value = os.environ.get(name)
    return default if value in (None, "") else type(default)(value)


bind = _env("QUOTES_BIND", "127.0.0.1:8000")
workers = _env("QUOTES_WORKERS", available_cpus() + 1)  # a container's CPU quota, not the node's cores
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


def on_starting(server):
    """One metrics directory for all workers, so /metrics counts every worker's requests."""
    if not os.environ.get("QUOTES_METRICS_DIR"):
        os.environ["QUOTES_METRICS_DIR"] = tempfile.mkdtemp(prefix="quotes-metrics-")  # workers inherit it


def on_exit(server):
    directory = os.environ.get("QUOTES_METRICS_DIR", "")
    if directory.startswith(tempfile.gettempdir()) and "quotes-metrics-" in directory:
        shutil.rmtree(directory, ignore_errors=True)
