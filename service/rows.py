"""One flat row per quotation: the shape for data frames, Parquet and SQL engines.

``rows(document_id, text)`` is the one function every distributed recipe maps over its
documents (Dask in service/dask.py, Spark's ``mapInPandas`` in the README): the cluster's
engine does the scheduling, this does one document. ``rows_frame`` does a pandas partition.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .engine import extract
from .offsets import convert
from .serialize import result_to_dict

if TYPE_CHECKING:
    import pandas as pd

# column -> pandas dtype; nullable where a quote may have no speaker, role or cue
COLUMNS: dict[str, str] = {
    "document_id": "string",
    "language": "string",
    "quote_id": "string",
    "quote_start": "int64",
    "quote_end": "int64",
    "quote_text": "string",
    "type": "string",
    "speaker_name": "string",
    "speaker_entity": "string",
    "speaker_kind": "string",
    "speaker_role": "string",
    "rule": "string",
    "confidence": "float64",
    "cue_text": "string",
    "continues": "string",
}

# the same columns as a Spark DDL schema, for mapInPandas(..., schema=SPARK_SCHEMA)
_SPARK_TYPES = {"string": "string", "int64": "bigint", "float64": "double"}
SPARK_SCHEMA = ", ".join(f"{name} {_SPARK_TYPES[dtype]}" for name, dtype in COLUMNS.items())


def rows_from_result(document_id: str, result: dict) -> list[dict[str, Any]]:
    """The rows of one result as the API and the command line return it."""
    out = []
    for quote in result["quotes"]:
        speaker = quote["speaker"] or {}
        out.append(
            {
                "document_id": document_id,
                "language": result["language"],
                "quote_id": quote["id"],
                "quote_start": quote["start"],
                "quote_end": quote["end"],
                "quote_text": quote["text"],
                "type": quote["type"],
                "speaker_name": speaker.get("name"),
                "speaker_entity": speaker.get("entity"),
                "speaker_kind": speaker.get("kind"),
                "speaker_role": speaker.get("role"),
                "rule": quote["rule"],
                "confidence": quote["confidence"],
                "cue_text": quote["cue"]["text"] if quote["cue"] else None,
                "continues": quote["continues"],
            }
        )
    return out


def rows(
    document_id: str, text: str, language: str = "auto", indirect: bool = True, offsets: str = "codepoint"
) -> list[dict[str, Any]]:
    """One row per quotation of ``text``, spans in ``offsets`` units."""
    if not isinstance(text, str):
        raise TypeError(f"document {document_id!r}: the text is {type(text).__name__}, not str")
    result = convert(result_to_dict(extract(text, language, indirect=indirect)), text, offsets)
    return rows_from_result(str(document_id), result)


def empty_frame() -> pd.DataFrame:
    """No rows, the right columns and dtypes: Dask's ``meta``."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in COLUMNS.items()})


def rows_frame(
    frame: pd.DataFrame,
    text: str = "text",
    id: str = "id",  # the column's name, as callers write it
    language: str | None = None,
    indirect: bool = True,
    offsets: str = "codepoint",
) -> pd.DataFrame:
    """The rows of every document of a pandas frame (column ``language`` per document; missing: auto)."""
    import pandas as pd

    languages: Iterable = frame[language] if language else ["auto"] * len(frame)
    found = [
        row
        for ident, body, lang in zip(frame[id], frame[text], languages, strict=True)
        for row in rows(ident, body, lang if isinstance(lang, str) and lang else "auto", indirect, offsets)
    ]
    if not found:
        return empty_frame()
    return pd.DataFrame.from_records(found, columns=list(COLUMNS)).astype(COLUMNS)
