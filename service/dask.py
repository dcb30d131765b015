"""Quotations over a Dask Bag or DataFrame, partition by partition (``pip install quote-service[dask]``).

Dask schedules; each partition goes through :func:`service.rows.rows`, the same function the
Spark recipe in the README maps. The result is one flat row per quotation (``rows.COLUMNS``),
ready for ``to_parquet``. Each worker process loads the lexicons once, on its first document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .rows import empty_frame, rows, rows_frame

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd


def quotes_bag(
    documents: db.Bag,
    text: str = "text",
    id: str = "id",  # the field's name, as callers write it
    indirect: bool = True,
    offsets: str = "codepoint",
) -> db.Bag:
    """A bag of row dicts from a bag of ``{"id", "text", "language"?}`` dicts, e.g.
    ``db.read_text("archive/*.jsonl").map(json.loads)``."""
    return documents.map(_document_rows, text, id, indirect, offsets).flatten()


def _document_rows(document: dict, text: str, id: str, indirect: bool, offsets: str) -> list[dict]:
    return rows(document[id], document[text], document.get("language") or "auto", indirect, offsets)


def quotes_frame(
    documents: dd.DataFrame,
    text: str = "text",
    id: str = "id",
    language: str | None = None,
    indirect: bool = True,
    offsets: str = "codepoint",
) -> dd.DataFrame:
    """A frame of rows from a frame with an id and a text column (``dd.read_parquet(...)``)."""
    return documents.map_partitions(
        rows_frame,
        text=text,
        id=id,
        language=language,
        indirect=indirect,
        offsets=offsets,
        meta=empty_frame(),
    )
