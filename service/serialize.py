"""Turn engine results into the JSON the API and the CLI return."""

from __future__ import annotations

from dataclasses import asdict

from .engine import Result


def result_to_dict(result: Result) -> dict:
    return asdict(result)
