"""Turn engine results into the JSON the API and the CLI return."""

from __future__ import annotations

from .engine import Result
from .schemas import result_schema


def result_to_dict(result: Result) -> dict:
    return result_schema.dump(result)
