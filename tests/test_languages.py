"""Languages are packs in one registry: it feeds the API, the command line, detection and the
contract, an unknown code is an error, and a pack's behaviour comes from its data alone."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from service import __main__ as cli
from service.engine import LANGUAGES, UnsupportedLanguage, extract
from service.engine.lang import register
from service.schemas import LANGUAGE_CHOICES
from service.serialize import result_to_dict

ROOT = Path(__file__).resolve().parent.parent
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]
ENGLISH_SEED = ROOT / "seeds" / "000_a97bea036ea5668e.txt"
SENTENCES = [
    "“We are ready,” Maria Lopez said on Tuesday.",
    "“We are ready,” said Maria Lopez, the party's chief whip. “And we will win.”",
    "Maria Lopez told reporters: “We are ready.” She added that the vote would be close.",
    "According to Paul Grant, “the plan is dead.” Grant’s claim that “nothing works” was denied.",
    "The senator hardly clarified his “position”, adding that he was “open” to talks.",
    "The “premium” add-on costs more. “We will not leave,” the protesters chant.",
    "Mr. Paul Grant met Mrs. Anna Berg on Monday.\n\n“It went well,” she said. “Very well.”",
]


def test_the_registry_feeds_the_api_and_the_command_line():
    assert ("auto", *LANGUAGES) == LANGUAGE_CHOICES
    with pytest.raises(SystemExit):
        cli.main(["extract", "--language", "xx", "-"])
    for code in LANGUAGES:
        assert extract("« Oui », a dit Marie Curie.", code).language == code


def test_openapi_language_enums_are_the_registry():
    request_enums = [
        SCHEMAS["QuotesRequest"]["properties"]["language"]["enum"],
        SCHEMAS["BatchDocument"]["properties"]["language"]["enum"],
        *(p["schema"]["enum"] for p in SPEC["paths"]["/v1/quotes"]["post"]["parameters"] if p["name"] == "language"),
    ]
    assert request_enums and all(enum == ["auto", *LANGUAGES] for enum in request_enums)
    page = SPEC["paths"]["/"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    page = SCHEMAS[page["$ref"].rsplit("/", 1)[1]] if "$ref" in page else page
    assert page["properties"]["language"]["enum"] == ["auto", *LANGUAGES]
    assert SCHEMAS["QuotesResult"]["properties"]["language"]["enum"] == [*LANGUAGES, "und"]


def test_an_unsupported_code_is_an_error_not_a_fallback():
    with pytest.raises(UnsupportedLanguage) as raised:
        extract("“We are ready,” Maria Lopez said.", "de")
    assert "de" in str(raised.value) and all(code in str(raised.value) for code in LANGUAGES)
    assert isinstance(raised.value, ValueError)


@pytest.fixture
def english_copy():
    """The English pack registered again under another code, as a new language would be."""
    register(dataclasses.replace(LANGUAGES["en"], code="xx", name="English, copied"))
    yield "xx"
    del LANGUAGES["xx"]


def _without_language(text: str, code: str) -> dict:
    body = result_to_dict(extract(text, code))
    del body["language"]
    return body


@pytest.mark.parametrize("text", [ENGLISH_SEED.read_text(encoding="utf-8"), *SENTENCES])
def test_the_english_pack_under_another_code_reads_like_english(english_copy, text):
    assert _without_language(text, english_copy) == _without_language(text, "en")


def test_no_engine_code_asks_which_language_it_reads():
    asks = re.compile(r"""language ?(==|!=|in)|== ?"(en|fr)\"""")
    engine = ROOT / "service" / "engine"
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in engine.rglob("*.py")
        if "lang" not in path.relative_to(engine).parts[:1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if asks.search(line)
    ]
    assert found == []


def test_french_inversion_and_gerund_stay_in_the_french_pack():
    (scare,) = extract("The “premium” add-on costs more.", "en", indirect=False).quotes
    assert scare.rule == "none" and scare.speaker is None  # "add-on" is no "add" + inverted "on"
    (chant,) = extract("“We will not leave,” the protesters chant.", "en", indirect=False).quotes
    assert (chant.rule, chant.speaker.name) == ("cue-after", "protesters")  # "chant" is no -ant gerund
    (dit,) = extract("« Nous restons », a-t-il ajouté. Jean Dupont est parti.", "fr", indirect=False).quotes
    assert dit.rule == "cue-after" and dit.cue.text == "a-t-il ajouté"


def test_a_lexicon_key_nothing_reads_fails_loudly(tmp_path):
    import json
    import shutil

    from service.engine.lang import load

    folder = tmp_path / "xy"
    shutil.copytree(LANGUAGES["en"].folder, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    data = json.loads((folder / "lexicon.json").read_text(encoding="utf-8"))
    data["continuation_verbs"] = ["go on"]
    (folder / "lexicon.json").write_text(json.dumps(data), encoding="utf-8")
    register(dataclasses.replace(LANGUAGES["en"], code="xy", folder=folder))
    try:
        with pytest.raises(ValueError, match="continuation_verbs"):
            load("xy")
    finally:
        del LANGUAGES["xy"]
