"""Request bodies held to the size limit whatever their framing.

Werkzeug refuses a ``Content-Length`` over the limit before reading, but it reads a chunked body
(``Transfer-Encoding: chunked``, no length) only up to the limit and stops there, silently: the
rest of the article would be cut off and analysed. Here a body from a server that ends it itself
(gunicorn: ``wsgi.input_terminated``) is counted as it comes and refused with 413 as soon as more
than the limit has arrived; lines are read with the server's own ``readline``, so an NDJSON line
is handed over as soon as it is complete.
"""

from __future__ import annotations

import io
import typing as t

from flask import Request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import cached_property
from werkzeug.wsgi import get_input_stream


class _Capped(io.RawIOBase):
    """A stream that raises 413 once more than ``limit`` bytes came through it."""

    def __init__(self, stream: t.IO[bytes], limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._seen = 0

    def readable(self) -> bool:
        return True

    def _count(self, data: bytes) -> bytes:
        self._seen += len(data)
        if self._seen > self._limit:
            raise RequestEntityTooLarge()
        return data

    def readinto(self, buffer) -> int:
        data = self._count(self._stream.read(len(buffer)))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        return self._count(self._stream.readline(-1 if size is None else size))


class LimitedRequest(Request):
    """Flask's request, with a chunked body held to ``max_content_length`` like any other."""

    @cached_property
    def stream(self) -> t.IO[bytes]:
        limit = self.max_content_length
        if limit is None or not self.environ.get("wsgi.input_terminated"):
            return get_input_stream(self.environ, max_content_length=limit)
        if self.content_length is not None and self.content_length > limit:
            raise RequestEntityTooLarge()
        return _Capped(self.environ["wsgi.input"], limit)
