"""Offsets in the unit a client slices strings with: code points (Python), UTF-16 code units
(JavaScript, Java), or UTF-8 bytes (Go, Rust, C)."""

from __future__ import annotations

UNITS = ("codepoint", "utf16", "utf8")


def _encoded_length(segment: str, unit: str) -> int:
    if unit == "utf8":
        return len(segment.encode("utf-8", "surrogatepass"))
    return len(segment.encode("utf-16-le", "surrogatepass")) // 2


def converter(text: str, offsets: list[int], unit: str) -> dict[int, int]:
    """Code-point offset -> offset in ``unit``, for each of ``offsets``: one pass over the text."""
    if unit == "codepoint":
        return {o: o for o in offsets}
    table: dict[int, int] = {}
    position, converted = 0, 0
    for offset in sorted(set(offsets)):
        converted += _encoded_length(text[position:offset], unit)
        position = offset
        table[offset] = converted
    return table


def _spans(body: dict):
    """Every object of a result that has a start and an end."""
    for quote in body["quotes"]:
        yield quote
        if quote["speaker"]:
            yield quote["speaker"]
        if quote["cue"]:
            yield quote["cue"]
    for speaker in body["speakers"]:
        yield from speaker["mentions"]


def convert(body: dict, text: str, unit: str) -> dict:
    """``body`` (a dumped result) with every start and end in ``unit``."""
    if unit == "codepoint":
        return body
    spans = list(_spans(body))
    table = converter(text, [o for span in spans for o in (span["start"], span["end"])], unit)
    for span in spans:
        span["start"], span["end"] = table[span["start"]], table[span["end"]]
    body["offsets"] = unit
    return body
