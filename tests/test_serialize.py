"""The JSON of a result: speakers numbered e1, e2, … in order of first mention, quotes pointing at them."""

from __future__ import annotations

import pytest

from conftest import seed_texts
from service.engine import extract
from service.engine.model import Quote, Result, Span, Speaker, SpeakerRef
from service.serialize import result_to_dict


@pytest.mark.parametrize("name", sorted(seed_texts()))
def test_speaker_ids_are_consecutive_in_order_of_first_mention(name):
    body = result_to_dict(extract(seed_texts()[name]))
    ids = [s["id"] for s in body["speakers"]]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
    firsts = [s["mentions"][0]["start"] for s in body["speakers"]]
    assert firsts == sorted(firsts)
    assert {q["speaker"]["entity"] for q in body["quotes"] if q["speaker"]} <= set(ids)


def test_engine_ids_with_gaps_and_out_of_order_are_renumbered():
    def speaker(engine_id: str, name: str, at: int) -> Speaker:
        return Speaker(engine_id, name, "person", [], [], [Span(name, at, at + len(name))])

    def quote(qid: str, entity: str, name: str) -> Quote:
        ref = SpeakerRef(name, entity, "person", None, 0, 1, "name")
        return Quote(qid, "Oui", 0, 3, "direct", ref, None, 0.95, "cue-after")

    result = Result(
        "fr",
        [quote("q1", "e7", "Luc Moreau"), quote("q2", "e3", "Claire Martin"), quote("q3", "e9", "Nobody Listed")],
        [speaker("e7", "Luc Moreau", 40), speaker("e3", "Claire Martin", 10)],
    )
    body = result_to_dict(result)
    assert [(s["id"], s["name"]) for s in body["speakers"]] == [("e1", "Claire Martin"), ("e2", "Luc Moreau")]
    assert [q["speaker"]["entity"] for q in body["quotes"]] == ["e2", "e1", "e3"]
