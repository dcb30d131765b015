"""Languages over HTTP: an unsupported code is a 422 that lists the supported ones; a text no
supported language reads is answered with ``und`` and no quotes; blank text is a 422 everywhere."""

from __future__ import annotations

from service.engine import LANGUAGES

GERMAN = (
    "Die Bundesregierung hat am Montag angekündigt, die Hilfen für die Ukraine auszuweiten. „Wir werden die "
    "Ukraine so lange unterstützen, wie es nötig ist“, sagte Bundeskanzler Olaf Scholz in Berlin. Die Opposition "
    "kritisierte den Plan als unzureichend. „Das ist zu wenig und kommt zu spät“, erklärte Friedrich Merz."
)
SUPPORTED = ["auto", *LANGUAGES]


def _lists_the_supported_codes(detail: str) -> bool:
    return all(code in detail for code in SUPPORTED)


def test_an_article_in_no_supported_language_is_und_without_quotes(client):
    response = client.post("/v1/quotes", json={"text": GERMAN})
    assert response.status_code == 200
    assert response.get_json() == {"language": "und", "offsets": "codepoint", "quotes": [], "speakers": []}
    english = client.post("/v1/quotes", json={"text": "“We stay,” said Maria Lopez. " * 5}).get_json()
    assert english["language"] == "en" and english["quotes"]


def test_an_unsupported_code_is_a_422_listing_the_supported_ones(client):
    for response in (
        client.post("/v1/quotes", json={"text": GERMAN, "language": "de"}),
        client.post("/v1/quotes?language=de", data=GERMAN, content_type="text/plain; charset=utf-8"),
        client.post("/v1/quotes", json={"text": GERMAN, "language": "und"}),
    ):
        assert response.status_code == 422 and response.mimetype == "application/problem+json"
        body = response.get_json()
        assert body["errors"][0]["pointer"] == "/language" and _lists_the_supported_codes(body["detail"])
    batch = client.post("/v1/quotes/batch", json={"documents": [{"id": "a", "text": "x", "language": "de"}]})
    (result,) = batch.get_json()["results"]
    assert result["error"]["status"] == 422 and _lists_the_supported_codes(result["error"]["detail"])


def test_blank_text_is_a_422_on_the_page_and_in_the_api(client):
    assert client.post("/", data={"text": " \n "}).status_code == 422
    assert client.post("/v1/quotes", json={"text": " \n "}).status_code == 422
    assert client.post("/v1/quotes", data=" \n ", content_type="text/plain").status_code == 422
    batch = client.post("/v1/quotes/batch", json={"documents": [{"id": "a", "text": ""}]}).get_json()
    assert batch["results"][0]["error"]["status"] == 422
