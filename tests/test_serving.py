"""The real server: gunicorn with the project's ``gunicorn.conf.py``, over HTTP."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from conftest import ROOT, SEEDS, running_gunicorn

PLAIN = {"Content-Type": "text/plain; charset=utf-8"}
JSON = {"Content-Type": "application/json"}


def test_gunicorn_serves_a_seed_article(gunicorn_server):
    url, _ = gunicorn_server
    text = (SEEDS / "002_36dfc2174eb35922.txt").read_text(encoding="utf-8")
    response = requests.post(
        f"{url}/v1/quotes", data=text.encode(), headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=10
    )
    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "fr"
    speakers = {q["speaker"]["name"] for q in body["quotes"] if q["speaker"]}
    assert {"Heiko Maas", "Oana Lungescu"} <= speakers
    for quote in body["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_gunicorn_answers_errors_as_problems(gunicorn_server):
    url, _ = gunicorn_server
    response = requests.post(f"{url}/v1/quotes", data="{", headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    oversized = requests.post(f"{url}/v1/quotes", json={"text": "x" * 1_100_000}, timeout=10)
    assert oversized.status_code == 413


def _workers(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


def _post(url: str, text: str = "« Oui », a dit Marie Curie.") -> int:
    return requests.post(f"{url}/v1/quotes", json={"text": text}, timeout=10).status_code


def test_killed_worker_is_replaced_and_service_keeps_answering():
    with running_gunicorn() as (url, master):
        victim = _workers(master.pid)[0]
        os.kill(victim, signal.SIGKILL)
        statuses = [_post(url) for _ in range(30)]
        assert statuses.count(200) >= 28  # at most the request in the killed worker's hands is lost
        deadline = time.monotonic() + 10
        while len(_workers(master.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert victim not in _workers(master.pid) and len(_workers(master.pid)) == 2
        assert _post(url) == 200


def test_sigterm_lets_in_flight_requests_finish():
    long_text = "Paul Grant said he was sure. “Yes,” he said. " * 2_000  # about a second of work
    with running_gunicorn() as (url, master):
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(_post, url, long_text)
            time.sleep(0.3)
            master.send_signal(signal.SIGTERM)
            assert pending.result(timeout=30) == 200
        assert master.wait(timeout=30) == 0


def test_lying_content_length_gets_an_answer_not_a_hang():
    with running_gunicorn() as (url, _):
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(
                b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                b"Content-Length: 1000\r\n\r\nonly a few bytes"
            )
            sock.shutdown(socket.SHUT_WR)
            reply = sock.recv(4096)
        assert reply == b"" or not reply.startswith(b"HTTP/1.1 5")
        assert _post(url) == 200


def test_short_soak_with_slow_clients_and_batches_has_no_server_or_connection_errors():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from soak import soak

    report = soak(requests=240, clients=4, slow=12, batch_size=4)
    assert report["requests"] == 240
    assert report["server_errors"] == 0 and report["connection_errors"] == 0, report
    assert report["batch documents"] > 0 and report["batch documents 5xx"] == 0, report
    assert {"200", "400", "413", "415", "422"} <= set(report["statuses"])


def test_request_over_the_worker_timeout_is_cut_off_alone():
    heavy = "Paul Grant said he was sure. “Yes,” he said. " * 15_000  # several seconds of work
    with running_gunicorn(QUOTES_TIMEOUT="1", QUOTES_ENGINE_BUDGET="60") as (url, _):

        def post_heavy() -> int | str:
            try:
                return requests.post(f"{url}/v1/quotes", json={"text": heavy}, timeout=30).status_code
            except requests.ConnectionError:
                return "cut off"

        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(post_heavy)
            time.sleep(0.2)
            assert [_post(url) for _ in range(5)] == [200] * 5  # the other worker keeps serving
            assert pending.result(timeout=30) in ("cut off", 500, 502, 503)
        assert _post(url) == 200  # and the killed worker's replacement serves too


def _slow_clients(port: int, count: int) -> list[socket.socket]:
    """``count`` connections that hold a server the three ways a slow client does, in turn."""
    opened = []
    for n in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        if n % 3 == 0:  # headers that never end
            sock.sendall(b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\n")
        elif n % 3 == 1:  # a body announced and never sent in full
            sock.sendall(
                b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 50000\r\n\r\n"
            )
        else:  # answers asked for and never read, through a tiny receive window
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
            sock.sendall(b"GET /openapi.yaml HTTP/1.1\r\nHost: x\r\n\r\n" * 3)
        opened.append(sock)
    return opened


def _trickle(clients: list[socket.socket], until: float) -> None:
    """A byte every half second on each slow sender, as a slowloris does."""
    while time.monotonic() < until:
        for n, sock in enumerate(clients):
            if n % 3 != 2:
                with contextlib.suppress(OSError):
                    sock.sendall(b"X-a: b\r\n" if n % 3 == 0 else b"a")
        time.sleep(0.5)


def test_fifty_slow_clients_do_not_stop_the_service():
    text = (SEEDS / "002_36dfc2174eb35922.txt").read_text(encoding="utf-8")
    with running_gunicorn() as (url, _):
        port = int(url.rsplit(":", 1)[1])
        clients = _slow_clients(port, 50)
        try:
            with ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(_trickle, clients, time.monotonic() + 6)
                time.sleep(1)  # every slow client is now in the server's hands
                for _ in range(3):
                    started = time.monotonic()
                    assert requests.get(f"{url}/healthz", timeout=1).status_code == 200
                    answer = requests.post(f"{url}/v1/quotes", data=text.encode(), timeout=1, headers=PLAIN)
                    assert answer.status_code == 200 and answer.json()["quotes"]
                    assert time.monotonic() - started < 1.5
                    time.sleep(1)
        finally:
            for sock in clients:
                sock.close()


def test_engine_budget_holds_under_the_worker_class():
    heavy = "Paul Grant said he was sure. “Yes,” he said. " * 2_000  # about a second of work, far over a 0.05 s budget
    with running_gunicorn(QUOTES_ENGINE_BUDGET="0.05") as (url, _):
        response = requests.post(f"{url}/v1/quotes", json={"text": heavy}, timeout=10)
        assert response.status_code == 503 and response.headers["Retry-After"] == "1"
        assert response.headers["Content-Type"] == "application/problem+json"
        assert _post(url) == 200  # the worker that gave up serves the next request


def _chunks(data: bytes, size: int = 500):
    """``data`` as an iterator, which requests sends with ``Transfer-Encoding: chunked``."""
    return (data[n : n + size] for n in range(0, len(data), size))


def test_chunked_body_over_the_limit_is_refused_like_any_other():
    with running_gunicorn(QUOTES_MAX_CONTENT_LENGTH="2000") as (url, _):
        article = "« Oui », a dit Marie Curie. " * 100  # 3,000 bytes: cut at 2,000 it would still parse
        response = requests.post(f"{url}/v1/quotes", data=_chunks(article.encode()), headers=PLAIN, timeout=10)
        assert response.status_code == 413
        assert response.headers["Content-Type"] == "application/problem+json"
        assert "2000 bytes" in response.json()["detail"]
        cut_json = json.dumps({"text": article}).encode()
        response = requests.post(f"{url}/v1/quotes", data=_chunks(cut_json), headers=JSON, timeout=10)
        assert response.status_code == 413
        exact = ("« Oui », a dit Marie Curie. " * 70).encode()[:2000]
        exact = exact[: len(exact.decode("utf-8", "ignore").encode())]
        response = requests.post(f"{url}/v1/quotes", data=_chunks(exact), headers=PLAIN, timeout=10)
        assert response.status_code == 200 and response.json()["quotes"]


def _raw(port: int, request: bytes) -> tuple[str, dict[str, str], bytes]:
    """Status line, headers and body of the answer to ``request`` sent as is."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    return status, {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}, body


def test_gunicorn_refusals_are_problems_with_the_security_headers(gunicorn_server):
    url, _ = gunicorn_server
    port = int(url.rsplit(":", 1)[1])
    requests_and_statuses = [
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", "414"),
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % n for n in range(120)) + b"\r\n", "431"),
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: " + b"y" * 9000 + b"\r\n\r\n", "431"),
        (b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", "400"),
    ]
    for request, expected in requests_and_statuses:
        status, headers, body = _raw(port, request)
        assert status.split()[1] == expected, status
        assert headers["content-type"] == "application/problem+json"
        assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"] == "no-store"
        problem = json.loads(body)
        assert problem["status"] == int(expected) and problem["detail"]


def test_log_lines_are_json_a_line_with_controls_escaped_and_tracebacks_whole(tmp_path):
    log = tmp_path / "gunicorn.log"
    with running_gunicorn(log=log, app="failing_app:app") as (url, _):
        assert requests.get(f"{url}/a%E2%80%A8b%C2%9Bc%E2%80%AEd", timeout=10).status_code == 404
        failed = requests.get(f"{url}/v1/fails", headers={"X-Request-ID": "bug-1"}, timeout=10)
        assert failed.status_code == 500 and "a bug" not in failed.text
    raw = log.read_bytes()
    for control in ("\u2028", "\u009b", "\u202e"):
        assert control.encode() not in raw
    entries = [json.loads(line) for line in raw.decode().splitlines()]  # every line is one JSON object
    assert {e["logger"] for e in entries} >= {"gunicorn.error", "service.requests", "service.errors"}
    (request,) = [e for e in entries if e.get("status") == 404]
    assert request["path"] == "/a\u2028b\u009bc\u202ed"
    (error,) = [e for e in entries if e["logger"] == "service.errors"]
    assert error["request_id"] == "bug-1" and "RuntimeError: a bug in a view" in error["exc_info"]


def test_instances_do_not_share_a_control_socket(tmp_path):
    with running_gunicorn(HOME=str(tmp_path)), running_gunicorn(HOME=str(tmp_path)):
        assert not list(tmp_path.rglob("*.ctl"))
