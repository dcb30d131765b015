"""Offsets in each unit a client slices strings with, checked by slicing in that unit."""

from __future__ import annotations

import pytest

TEXT = "😀 Titre\n\n« Déjà vu, 𝒳 », a dit Marie Curie. « Ça va », a-t-elle ajouté."


def slice_in(unit: str, text: str, start: int, end: int) -> str:
    if unit == "utf8":
        return text.encode("utf-8")[start:end].decode("utf-8")
    if unit == "utf16":  # what JavaScript's String.prototype.slice does
        return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")
    return text[start:end]


@pytest.mark.parametrize("unit", ["codepoint", "utf16", "utf8"])
def test_every_span_slices_right_in_its_unit(client, unit):
    body = client.post(f"/v1/quotes?offsets={unit}", json={"text": TEXT}).get_json()
    assert body["offsets"] == unit
    assert [q["text"] for q in body["quotes"]] == ["Déjà vu, 𝒳", "Ça va"]
    for quote in body["quotes"]:
        assert slice_in(unit, TEXT, quote["start"], quote["end"]) == quote["text"]
        assert slice_in(unit, TEXT, quote["cue"]["start"], quote["cue"]["end"]) == quote["cue"]["text"]
    for speaker in body["speakers"]:
        for mention in speaker["mentions"]:
            assert slice_in(unit, TEXT, mention["start"], mention["end"]) == mention["text"]


def test_offsets_can_be_asked_in_the_json_body(client):
    body = client.post("/v1/quotes", json={"text": TEXT, "offsets": "utf8"}).get_json()
    assert body["offsets"] == "utf8"
    first = body["quotes"][0]
    assert slice_in("utf8", TEXT, first["start"], first["end"]) == first["text"]


def test_unknown_unit_is_422(client):
    assert client.post("/v1/quotes?offsets=bytes", json={"text": TEXT}).status_code == 422
