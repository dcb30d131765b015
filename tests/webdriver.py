"""A minimal W3C WebDriver client over HTTP: enough to drive Debian's chromium in the tests."""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import time

import requests
from net import free_port, wait_until_up

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
]


class Browser:
    def __init__(self, base: str, session: str) -> None:
        self._url = f"{base}/session/{session}"

    def _call(self, method: str, path: str = "", payload: dict | None = None):
        response = requests.request(method, self._url + path, json=payload, timeout=30)
        response.raise_for_status()
        return response.json()["value"]

    def open(self, url: str) -> None:
        self._call("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        return self._call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def find_all(self, css: str) -> list[str]:
        return [e[ELEMENT] for e in self._call("POST", "/elements", {"using": "css selector", "value": css})]

    def type(self, element: str, text: str) -> None:
        self._call("POST", f"/element/{element}/value", {"text": text})

    def click(self, element: str) -> None:
        self._call("POST", f"/element/{element}/click", {})

    def text(self, element: str) -> str:
        return self._call("GET", f"/element/{element}/text")

    def attribute(self, element: str, name: str) -> str | None:
        return self._call("GET", f"/element/{element}/attribute/{name}")

    def wait_for(self, css: str, seconds: float = 10) -> list[str]:
        """The elements ``css`` selects, once there are some (a submitted form loads a new page)."""
        deadline = time.monotonic() + seconds
        while not (found := self.find_all(css)):
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing matches {css!r}")
            time.sleep(0.05)
        return found

    def title(self) -> str:
        return self._call("GET", "/title")

    def screenshot(self, path) -> None:
        path.write_bytes(base64.b64decode(self._call("GET", "/screenshot")))

    def execute(self, script: str, *args):
        """Run ``script`` (a function body; ``arguments`` holds ``args``) in the page, return its value."""
        return self._call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def execute_async(self, script: str, *args):
        """Like ``execute``, but the script ends by calling its last argument with the value."""
        return self._call("POST", "/execute/async", {"script": script, "args": list(args)})

    def press(self, element: str, key: str) -> None:
        """Focus ``element`` and press ``key`` (a WebDriver key code, e.g. ENTER)."""
        self._call("POST", f"/element/{element}/value", {"text": key})

    def window_size(self, width: int, height: int) -> None:
        self._call("POST", "/window/rect", {"width": width, "height": height})

    def requested_urls(self, page_prefix: str) -> list[str]:
        """Every URL that pages under ``page_prefix`` asked for since the last call, blocked ones
        included (from DevTools' network log; the browser's own pages are left out)."""
        entries = self._call("POST", "/se/log", {"type": "performance"})
        messages = (json.loads(entry["message"])["message"] for entry in entries)
        return [
            m["params"]["request"]["url"]
            for m in messages
            if m["method"] == "Network.requestWillBeSent" and m["params"].get("documentURL", "").startswith(page_prefix)
        ]

    def cdp(self, command: str, params: dict) -> dict:
        """A Chrome DevTools Protocol command (chromedriver's extension), e.g. to emulate dark mode."""
        return self._call("POST", "/goog/cdp/execute", {"cmd": command, "params": params})


ENTER = "\ue007"  # a WebDriver key code


@contextlib.contextmanager
def chromium(profile_dir: str):
    """Debian's chromium under its chromedriver, headless, with an empty profile."""
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/status", 20)
        options = {"binary": "/usr/bin/chromium", "args": [*CHROMIUM_ARGS, f"--user-data-dir={profile_dir}"]}
        match = {"browserName": "chrome", "goog:chromeOptions": options, "goog:loggingPrefs": {"performance": "ALL"}}
        capabilities = {"capabilities": {"alwaysMatch": match}}
        session = requests.post(f"{base}/session", json=capabilities, timeout=60).json()["value"]["sessionId"]
        try:
            yield Browser(base, session)
        finally:
            requests.delete(f"{base}/session/{session}", timeout=30)
    finally:
        driver.terminate()
        driver.wait(timeout=10)
