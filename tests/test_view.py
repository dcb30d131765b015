"""The page people look at, in a real browser: paste an article, see each quote in its speaker's colour."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from webdriver import chromium

from conftest import running_gunicorn

ARTICLE = (
    "La porte-parole de l’ONU, Claire Martin, a déclaré : « Nous attendons une réponse. »\n\n"
    "« Rien ne bouge », a ajouté Luc Moreau, le ministre belge de la Santé.\n\n"
    "Le projet de la « dernière chance » reste sur la table."
)
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


@pytest.mark.skipif(shutil.which("chromedriver") is None, reason="chromium is installed by .ci/run")
def test_paste_an_article_and_see_its_quotes(tmp_path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_gunicorn() as (url, _), chromium(str(tmp_path / "profile")) as browser:
        browser.open(f"{url}/")
        browser.type(browser.find("#text"), ARTICLE)
        browser.click(browser.find("button[type=submit]"))
        marks = browser.wait_for("mark.quote")
        assert browser.title() == "Quotes · 3 found"
        assert [browser.text(m) for m in marks] == [
            "Nous attendons une réponse.",
            "Rien ne bouge",
            "dernière chance",
        ]
        classes = [browser.attribute(m, "class") for m in marks]
        assert classes[0] != classes[1] and classes[2] == "quote nobody"  # two speakers, one scare quote
        assert "speaker: Claire Martin, porte-parole de l’ONU" in browser.attribute(marks[0], "title")
        speakers = browser.text(browser.find("#speakers"))
        assert "Claire Martin" in speakers and "ministre belge de la Santé" in speakers
        browser.screenshot(SCREENSHOTS / "view.png")
    assert (SCREENSHOTS / "view.png").stat().st_size > 10_000
