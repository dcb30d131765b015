"""Every ``QUOTES_*`` setting: its name, type, range and default, parsed and checked once at start-up.

Values are read as plain strings, never JSON-decoded: ``QUOTES_API_KEYS=31415926`` is one key,
``QUOTES_MAX_CONTENT_LENGTH=1MB`` is an error. An empty value means the default. A bad value
raises :class:`SettingsError` naming the variable; gunicorn's ``on_starting`` turns it into a
refusal to start, and ``create_app`` raises it too, so no server runs on a setting it misread.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

PREFIX = "QUOTES_"
LANGUAGES = ("auto", "en", "fr")
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
# words a templating tool or a shell leaves where a value was meant: never an API key
PLACEHOLDERS = frozenset({"null", "none", "nil", "undefined", "true", "false", "[]", "{}", '""', "''"})


class SettingsError(ValueError):
    """One or more ``QUOTES_*`` variables hold a value this service cannot use."""


def integer(low: int, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        value = int(raw) if raw.isascii() and raw.strip().isdigit() else None
        if value is None or not low <= value <= high:
            raise ValueError(f"expected a whole number from {low} to {high}")
        return value

    return parse


def seconds(low: float, high: float) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"expected a number of seconds above {low:g} and at most {high:g}") from None
        if not math.isfinite(value) or not low < value <= high:
            raise ValueError(f"expected a number of seconds above {low:g} and at most {high:g}")
        return value

    return parse


def choice(*allowed: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw.strip().lower() not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}")
        return raw.strip().lower()

    return parse


def boolean(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError("expected true or false (also 1/0, yes/no, on/off)")


def text(raw: str) -> str:
    return raw


def api_keys(raw: str) -> tuple[str, ...]:
    """Comma-separated keys, each a run of visible ASCII; a placeholder such as ``null`` is refused
    rather than taken for "no keys" (which would open the API) or for a key anyone can guess."""
    keys = tuple(key.strip() for key in raw.split(",") if key.strip())
    if not keys:
        raise ValueError("names no key (leave it unset or empty for an open API)")
    for key in keys:
        if key.lower() in PLACEHOLDERS:
            raise ValueError(f"{key!r} looks like a placeholder, not a key (leave it unset or empty for an open API)")
        if not all("!" <= c <= "~" for c in key):
            raise ValueError("a key may hold only visible ASCII characters, without spaces")
    return keys


def origins(raw: str) -> tuple[str, ...]:
    """Comma-separated origins (``https://newsroom.example``) or ``*``; each a scheme and a host."""
    found = tuple(o.strip().rstrip("/") for o in raw.split(",") if o.strip())
    for origin in found:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise ValueError(f"{origin!r} is not an origin (scheme://host[:port]) nor *")
    return found


@dataclass(frozen=True)
class Setting:
    name: str  # the variable without its prefix, and the app's config key
    default: object
    parse: Callable[[str], object]
    meaning: str
    server: bool = False  # read by gunicorn.conf.py rather than by the app

    @property
    def variable(self) -> str:
        return PREFIX + self.name


SETTINGS = (
    Setting("MAX_CONTENT_LENGTH", 1_000_000, integer(1, 100_000_000), "largest accepted body, in bytes"),
    Setting("DEFAULT_LANGUAGE", "auto", choice(*LANGUAGES), "language when the request names none"),
    Setting("BATCH_MAX_DOCUMENTS", 100, integer(1, 10_000), "documents in one batch request"),
    Setting("BATCH_MAX_BYTES", 10_000_000, integer(1, 1_000_000_000), "body of one batch request, in bytes"),
    Setting(
        "BATCH_BUDGET",
        20.0,
        seconds(0, 3600),
        "seconds one batch may take (below the worker timeout); later documents get a 503",
    ),
    Setting("ENGINE_BUDGET", 10.0, seconds(0, 3600), "seconds one extraction may take before a 503"),
    Setting("MAX_QUOTES", 5000, integer(1, 1_000_000), "quotations returned per document; more sets `truncated`"),
    Setting("API_KEYS", (), api_keys, "comma-separated API keys; empty leaves the API open"),
    Setting("CORS_ORIGINS", (), origins, "comma-separated origins whose browser pages may call /v1/; empty: no CORS"),
    Setting("LOG_REQUESTS", True, boolean, "one JSON line per request on stderr"),
    Setting("BIND", "127.0.0.1:8000", text, "gunicorn bind address", server=True),
    Setting("WORKERS", (os.cpu_count() or 1) + 1, integer(1, 256), "gunicorn workers", server=True),
    Setting("WORKER_CLASS", "gevent", choice("gevent", "sync"), "gunicorn worker class", server=True),
    Setting("WORKER_CONNECTIONS", 1000, integer(1, 100_000), "open connections per gevent worker", server=True),
    Setting("TIMEOUT", 30, integer(1, 3600), "seconds a worker may spend on a request", server=True),
    Setting("GRACEFUL_TIMEOUT", 30, integer(0, 3600), "seconds to finish requests on SIGTERM", server=True),
    Setting("KEEPALIVE", 5, integer(0, 3600), "seconds a keep-alive connection may idle", server=True),
    Setting("MAX_REQUESTS", 10000, integer(0, 100_000_000), "requests before a worker is replaced", server=True),
    Setting("MAX_REQUESTS_JITTER", 1000, integer(0, 100_000_000), "random extra to MAX_REQUESTS", server=True),
    Setting("ACCESS_LOG", "", text, "gunicorn access log target", server=True),
    Setting("LOG_LEVEL", "info", choice(*LOG_LEVELS), "gunicorn log level", server=True),
)
BY_VARIABLE = {s.variable: s for s in SETTINGS}


def defaults() -> dict[str, object]:
    """The app's settings at their defaults, as config keys."""
    return {s.name: s.default for s in SETTINGS if not s.server}


def _parsed(environ: Mapping[str, str], settings: tuple[Setting, ...]) -> dict[str, object]:
    values, problems = {}, []
    for s in settings:
        raw = environ.get(s.variable, "")
        if raw == "":
            continue
        try:
            values[s.name] = s.parse(raw)
        except ValueError as exc:
            shown = raw if len(raw) <= 40 and s.name != "API_KEYS" else f"{raw[:3]}…"  # keys are secrets
            problems.append(f"{s.variable}={shown!r}: {exc}")
    if problems:
        raise SettingsError("Bad setting: " + "; ".join(problems) + ".")
    return values


def from_environ(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """The app's settings that the environment sets, parsed and checked (:class:`SettingsError` if not)."""
    return _parsed(os.environ if environ is None else environ, tuple(s for s in SETTINGS if not s.server))


def check(environ: Mapping[str, str] | None = None) -> list[str]:
    """Check every setting, the server's included; return a warning for each unknown ``QUOTES_*`` name."""
    environ = os.environ if environ is None else environ
    _parsed(environ, SETTINGS)
    warnings = []
    for name in sorted(n for n in environ if n.startswith(PREFIX) and n not in BY_VARIABLE):
        close = difflib.get_close_matches(name, BY_VARIABLE, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        warnings.append(f"{name} is not a setting of this service and is ignored{hint}.")
    return warnings
