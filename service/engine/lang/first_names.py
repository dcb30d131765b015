"""The first-name gender table every language pack shares (``first_names.tsv``: "marie" -> f).

Built from the nomquamgender name data by ``scripts/build_first_names.py``; read once, on the
first lookup, so importing the engine stays fast. A pack reads a name its own way through
``first_names`` in its ``lexicon.json`` (French "jean" is a man's name).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("first_names.tsv")


@cache
def first_name_table() -> dict[str, str]:
    """Folded, accent-free first name -> "f" or "m"; names the data leaves unclear are absent."""
    with TABLE.open(encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f if line[0] != "#")
