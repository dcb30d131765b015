"""Quote-attribution HTTP service: POST an article, get its quotations, speakers, roles and spans.

The application factory lives in ``service.app``; it is imported on first use of
``service.create_app``, so ``import service.engine`` never loads Flask.
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name in ("create_app", "DEFAULTS", "OPENAPI_PATH"):
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module 'service' has no attribute {name!r}")
