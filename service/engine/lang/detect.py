"""Tell English from French by counting each language's most frequent words."""

from __future__ import annotations

from .lexicon import LANGUAGES, load

_SAMPLE = 2000  # characters read: a few hundred words are enough for a verdict
_SAMPLE_TOKENS = 400  # tokens read, words and signs: about as many characters' worth


def detect(text: str, words: list[str]) -> str:
    """``en`` or ``fr`` from the first of ``words`` (the text's folded tokens) and characters of
    ``text``; English when nothing tells."""
    sample = text[:_SAMPLE]
    words = words[:_SAMPLE_TOKENS]
    scores = {}
    for lang in LANGUAGES:
        lexicon = load(lang)
        scores[lang] = sum(map(lexicon.stopwords.__contains__, words)) + sum(
            sample.count(ch) for ch in lexicon.signature_characters
        )
    return max(LANGUAGES, key=lambda lang: (scores[lang], lang == "en"))
