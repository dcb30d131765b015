"""Small helpers for tests that start servers on loopback."""

from __future__ import annotations

import socket
import time

import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, seconds: float = 30, alive=lambda: True) -> None:
    """Poll ``url`` until it answers at all; fail after ``seconds`` or when ``alive()`` says no."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            requests.get(url, timeout=2)
            return
        except (requests.ConnectionError, requests.Timeout):  # not up yet, or slow on a busy machine
            if time.monotonic() > deadline or not alive():
                raise TimeoutError(f"{url} did not come up") from None
            time.sleep(0.1)
