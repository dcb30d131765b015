"""Stateless replicas behind a real load balancer: nginx in front of two gunicorn instances."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
import requests
from net import free_port, wait_until_up

from conftest import running_gunicorn

NGINX_CONF = """
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{}}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream api {{
        server {a} max_fails=1 fail_timeout=30s;
        server {b} max_fails=1 fail_timeout=30s;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://api;
            proxy_next_upstream error timeout http_502;
        }}
    }}
}}
"""


def _served(url: str) -> int:
    """Articles an instance answered with 200, from its own /metrics."""
    text = requests.get(f"{url}/metrics", timeout=10).text
    line = 'quotes_http_requests_total{method="POST",route="/v1/quotes",status="200"} '
    return int(float(text.split(line)[1].split()[0])) if line in text else 0


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by .ci/run")
def test_requests_spread_over_replicas_and_survive_one_dying(tmp_path: Path):
    port = free_port()
    with running_gunicorn(QUOTES_WORKERS="1") as (url_a, master_a), running_gunicorn(QUOTES_WORKERS="1") as (url_b, _):
        conf = tmp_path / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=tmp_path, port=port, a=url_a[7:], b=url_b[7:]))
        nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.DEVNULL)
        try:
            lb = f"http://127.0.0.1:{port}"
            wait_until_up(f"{lb}/healthz", 10)
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
        finally:
            nginx.send_signal(signal.SIGQUIT)
            nginx.wait(timeout=10)
