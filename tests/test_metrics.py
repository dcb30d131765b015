"""Metrics: summed over gunicorn's workers, labelled by route, and never a reason to fail a request."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time

import pytest
import requests
from flask.testing import FlaskClient
from prometheus_client.parser import text_string_to_metric_families

from conftest import running_gunicorn
from service import create_app
from service.metrics import RETRY_SECONDS

QUOTE = {"text": "« Oui », a dit Marie Curie."}


def samples(exposition: str) -> dict[tuple, float]:
    """Every sample of a scrape, keyed by name and sorted labels."""
    out = {}
    for family in text_string_to_metric_families(exposition):
        for s in family.samples:
            out[(s.name, *sorted(s.labels.items()))] = s.value
    return out


def answered(scrape: dict, route: str, method: str = "POST", status: str = "200") -> float:
    return scrape.get(("quotes_http_requests_total", ("method", method), ("route", route), ("status", status)), 0)


def timed(scrape: dict, route: str, method: str = "GET") -> float:
    return scrape.get(("quotes_http_request_duration_seconds_count", ("method", method), ("route", route)), 0)


def test_requests_are_labelled_by_route_not_by_raw_path(app, client):
    client.post("/v1/quotes", json={"text": "« Oui », a dit Marie Curie. « Non », a-t-elle ajouté."})
    client.post("/v1/quotes", json={})
    client.get("/healthz")
    client.get("/no/such/path/42")
    FlaskClient(app).get("/static/view.css")  # the stylesheet is not in the contract
    scrape = samples(client.get("/metrics").get_data(as_text=True))
    assert answered(scrape, "/v1/quotes") == 1
    assert answered(scrape, "/v1/quotes", status="422") == 1
    assert scrape[("quotes_found_total", ("type", "direct"))] == 2
    assert timed(scrape, "/v1/quotes", "POST") == 2  # the probe is timed apart, under its own route
    assert timed(scrape, "/healthz") == 1
    assert answered(scrape, "unmatched", "GET", "404") == 1
    assert answered(scrape, "/static/<path:filename>", "GET") == 1
    assert not any("/no/such" in str(key) or "view.css" in str(key) for key in scrape)


def test_an_unusual_method_does_not_add_a_label(client):
    client.open("/healthz", method="PROPFIND")
    scrape = samples(client.get("/metrics").get_data(as_text=True))
    assert answered(scrape, "unmatched", "other", "405") == 1


def test_making_apps_leaves_no_metrics_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for _ in range(3):
        create_app({"TESTING": True}).test_client().post("/v1/quotes", json=QUOTE)
    assert list(tmp_path.iterdir()) == []


def _post_many(url: str, count: int, pause: float = 0.0) -> None:
    for _ in range(count):  # a new connection each: gunicorn spreads them over its workers
        assert requests.post(f"{url}/v1/quotes", json=QUOTE, timeout=10).status_code == 200
        time.sleep(pause)


def test_counts_add_up_over_gunicorn_workers(tmp_path):
    directory = tmp_path / "metrics"
    with running_gunicorn(QUOTES_WORKERS="3", PROMETHEUS_MULTIPROC_DIR=str(directory)) as (url, _):
        _post_many(url, 40)
        scrape = samples(requests.get(f"{url}/metrics", timeout=10).text)
        writers = list(directory.glob("counter_*.db"))
    assert len(writers) >= 2  # more than one worker wrote, and the scrape summed them
    assert answered(scrape, "/v1/quotes") == 40
    assert timed(scrape, "/v1/quotes", "POST") == 40  # readiness polls are under /healthz, not here
    assert timed(scrape, "/healthz") >= 1
    assert scrape[("quotes_found_total", ("type", "direct"))] == 40


def test_a_deleted_directory_neither_stops_serving_nor_readiness(tmp_path):
    directory = tmp_path / "metrics"
    with running_gunicorn(QUOTES_WORKERS="3", PROMETHEUS_MULTIPROC_DIR=str(directory)) as (url, _):
        _post_many(url, 10)
        shutil.rmtree(directory)
        for _ in range(10):
            assert requests.get(f"{url}/readyz", timeout=10).status_code == 200
            assert requests.get(f"{url}/healthz", timeout=10).status_code == 200
        _post_many(url, 12)
        scrape = samples(requests.get(f"{url}/metrics", timeout=10).text)
    # the directory was made again and every worker moved to new files: a counter reset, then counting
    assert answered(scrape, "/v1/quotes") == 12
    assert answered(scrape, "/readyz", "GET") == 10


def test_a_directory_that_cannot_be_written_does_not_stop_serving(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with running_gunicorn(QUOTES_WORKERS="2", PROMETHEUS_MULTIPROC_DIR=str(blocker / "metrics")) as (url, _):
        _post_many(url, 10)
        assert requests.get(f"{url}/readyz", timeout=10).status_code == 200
        metrics = requests.get(f"{url}/metrics", timeout=10)
    assert metrics.status_code == 503
    assert metrics.headers["Content-Type"] == "application/problem+json"


def test_a_directory_replaced_by_a_file_while_serving_does_not_stop_serving(tmp_path):
    directory = tmp_path / "metrics"
    with running_gunicorn(QUOTES_WORKERS="2", PROMETHEUS_MULTIPROC_DIR=str(directory)) as (url, _):
        _post_many(url, 5)
        shutil.rmtree(directory)
        directory.write_text("not a directory")
        _post_many(url, 10)
        assert requests.get(f"{url}/healthz", timeout=10).status_code == 200
        assert requests.get(f"{url}/metrics", timeout=10).status_code == 503
        directory.unlink()  # once it can be written again, each worker's next try finds it
        time.sleep(RETRY_SECONDS + 0.5)
        _post_many(url, 6)
        scrape = samples(requests.get(f"{url}/metrics", timeout=10).text)
    assert answered(scrape, "/v1/quotes") == 6


def test_replaced_workers_are_folded_into_one_archive(tmp_path):
    directory = tmp_path / "metrics"
    env = {"QUOTES_MAX_REQUESTS": "4", "QUOTES_MAX_REQUESTS_JITTER": "0", "PROMETHEUS_MULTIPROC_DIR": str(directory)}
    with running_gunicorn(QUOTES_WORKERS="2", **env) as (url, _):
        _post_many(url, 60, pause=0.15)  # workers replaced as they go: a new one takes a moment to boot
        scrape = samples(requests.get(f"{url}/metrics", timeout=10).text)
        files = sorted(p.name for p in directory.glob("*.db"))
    assert answered(scrape, "/v1/quotes") == 60
    assert timed(scrape, "/v1/quotes", "POST") == 60
    assert "counter_archive.db" in files and "histogram_archive.db" in files
    assert len(files) <= 2 * (2 + 1) + 2  # two live workers (and one being replaced), the archives


@pytest.fixture
def full_disk(tmp_path):
    """A directory on a filesystem with no block left (a 256 KB tmpfs, filled)."""
    mount = tmp_path / "full"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root with CAP_SYS_ADMIN")
    try:
        subprocess.run(["dd", "if=/dev/zero", f"of={mount / 'filler'}", "bs=4k"], capture_output=True)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_does_not_stop_serving(full_disk):
    with running_gunicorn(QUOTES_WORKERS="2", PROMETHEUS_MULTIPROC_DIR=str(full_disk)) as (url, _):
        _post_many(url, 10)  # mapped pages with no block behind them would kill each worker (SIGBUS)
        assert requests.get(f"{url}/readyz", timeout=10).status_code == 200
        (full_disk / "filler").unlink()  # room again: each worker's next try finds it
        time.sleep(RETRY_SECONDS + 0.5)
        _post_many(url, 8)
        scrape = samples(requests.get(f"{url}/metrics", timeout=10).text)
    assert answered(scrape, "/v1/quotes") == 8
