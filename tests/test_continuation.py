"""A stand-alone quote without a cue goes on with the previous speaker, when that one is sure."""

from service.engine import extract


def attributions(text: str, language: str) -> list[tuple[str | None, str]]:
    return [(q.speaker.name if q.speaker else None, q.rule) for q in extract(text, language, indirect=False).quotes]


def test_continuation_from_a_sure_attribution():
    text = "“We will appeal,” Ivo Brandt said on Monday.\n\n“Nothing is decided yet.”"
    assert attributions(text, "en") == [("Ivo Brandt", "cue-after"), ("Ivo Brandt", "continuation")]
    text = "« Nous ferons appel », a déclaré Ivo Brandt lundi.\n\n« Rien n'est encore décidé. »"
    assert attributions(text, "fr") == [("Ivo Brandt", "cue-after"), ("Ivo Brandt", "continuation")]


def test_no_continuation_from_a_weak_attribution():
    # the first speaker rests on the sentence's subject alone: a guess, not handed on
    text = "Ivo Brandt openly admires the “old ways” of the trade.\n\n“Nothing beats a handshake.”"
    assert attributions(text, "en") == [("Ivo Brandt", "sentence-subject"), (None, "none")]
    text = "Ivo Brandt admire ouvertement les « vieilles méthodes » du métier.\n\n« Rien ne vaut une poignée de main. »"
    assert attributions(text, "fr") == [("Ivo Brandt", "sentence-subject"), (None, "none")]
