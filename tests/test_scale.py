"""Stateless replicas behind a real load balancer: nginx in front of two gunicorn instances."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest
import requests
from net import free_port, wait_until_up

from conftest import ROOT, running_gunicorn

SHIPPED = ROOT / "deploy" / "nginx.conf"


def nginx_conf(directory: Path, port: int, upstreams: list[str]) -> str:
    """The shipped ``deploy/nginx.conf`` on loopback: local replicas, paths in ``directory``."""
    text = SHIPPED.read_text(encoding="utf-8")
    replacements = {
        "worker_processes auto;": f"daemon off;\npid {directory}/nginx.pid;\nerror_log {directory}/error.log;\n"
        "worker_processes auto;",
        "http {": f"http {{\n    client_body_temp_path {directory}/body;\n    proxy_temp_path {directory}/proxy;\n"
        f"    fastcgi_temp_path {directory}/fastcgi;\n    uwsgi_temp_path {directory}/uwsgi;\n"
        f"    scgi_temp_path {directory}/scgi;",
        "server api:8000 max_fails=1 fail_timeout=5s;": "\n".join(
            f"server {u} max_fails=1 fail_timeout=30s;" for u in upstreams
        ),
        "listen 8080 backlog=4096;": f"listen 127.0.0.1:{port} backlog=4096;",
    }
    for shipped, local in replacements.items():
        assert text.count(shipped) == 1, f"deploy/nginx.conf no longer has {shipped!r}"
        text = text.replace(shipped, local)
    return text


@contextlib.contextmanager
def running_nginx(directory: Path, upstreams: list[str]):
    """nginx with the shipped settings in front of ``upstreams``; yields its URL."""
    port = free_port()
    conf = directory / "nginx.conf"
    conf.write_text(nginx_conf(directory, port, upstreams))
    nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(directory)], stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{url}/healthz", 10, alive=lambda: nginx.poll() is None)
        yield url
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=10)


def _served(url: str) -> int:
    """Articles an instance answered with 200, from its own /metrics."""
    text = requests.get(f"{url}/metrics", timeout=10).text
    line = 'quotes_http_requests_total{method="POST",route="/v1/quotes",status="200"} '
    return int(float(text.split(line)[1].split()[0])) if line in text else 0


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by .ci/run")
def test_requests_spread_over_replicas_and_survive_one_dying(tmp_path: Path):
    with (
        running_gunicorn(QUOTES_WORKERS="1") as (url_a, master_a),
        running_gunicorn(QUOTES_WORKERS="1") as (url_b, _),
        running_nginx(tmp_path, [url_a[7:], url_b[7:]]) as lb,
    ):
        before = _served(url_a), _served(url_b)
        for _ in range(20):
            response = requests.post(f"{lb}/v1/quotes", json={"text": "« Oui », a dit Marie Curie."}, timeout=10)
            assert response.status_code == 200
        spread = _served(url_a) - before[0], _served(url_b) - before[1]
        assert min(spread) >= 5 and sum(spread) >= 20  # round robin: both replicas took a share

        # one replica dies without a word: its master and its worker, killed outright
        workers = subprocess.run(["pgrep", "-P", str(master_a.pid)], capture_output=True, text=True).stdout.split()
        for pid in [master_a.pid, *map(int, workers)]:
            os.kill(pid, signal.SIGKILL)
        master_a.wait(timeout=10)
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{url_a}/healthz", timeout=2)
        statuses = [
            requests.post(f"{lb}/v1/quotes", json={"text": "« Non », a dit Marie Curie."}, timeout=10).status_code
            for _ in range(20)
        ]
        assert statuses == [200] * 20


def _answer(sock: socket.socket) -> bytes:
    """Everything the server sent until it closed the connection."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by .ci/run")
def test_nginx_holds_more_than_256_clients_at_once(tmp_path: Path):
    """300 clients with a request in flight at once: the default 512 connections reset some of them."""
    article = json.dumps({"text": "« Oui », a dit Marie Curie. " * 40}).encode()
    request = (
        b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(article), article)
    )
    with (
        running_gunicorn(QUOTES_WORKERS="1") as (url_a, _),
        running_gunicorn(QUOTES_WORKERS="1") as (url_b, _),
        running_nginx(tmp_path, [url_a[7:], url_b[7:]]) as lb,
    ):
        host, port = lb[7:].split(":")
        clients = [socket.create_connection((host, int(port)), timeout=60) for _ in range(300)]
        try:
            for sock in clients:
                sock.sendall(request)
            outcomes = []
            for sock in clients:
                try:
                    outcomes.append(_answer(sock).split(b" ", 2)[1].decode())
                except (ConnectionResetError, IndexError):
                    outcomes.append("reset")
        finally:
            for sock in clients:
                sock.close()
        request_id = requests.get(f"{lb}/healthz", headers={"X-Request-ID": "client-chosen-id"}, timeout=10)
        new_id = requests.get(f"{lb}/healthz", timeout=10)
    assert outcomes.count("200") == 300, {o: outcomes.count(o) for o in set(outcomes)}
    assert request_id.headers["X-Request-ID"] == "client-chosen-id"
    assert len(new_id.headers["X-Request-ID"]) == 32  # nginx's $request_id
    assert "nginx/" not in request_id.headers.get("Server", "")
