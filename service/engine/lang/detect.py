"""Tell the languages apart by counting each one's most frequent words."""

from __future__ import annotations

from .lexicon import load
from .registry import AUTO, LANGUAGES, pack_for

_SAMPLE = 2000  # characters read: a few hundred words are enough for a verdict
_SAMPLE_TOKENS = 400  # tokens read, words and signs: about as many characters' worth


def detect(text: str, words: list[str]) -> str:
    """The registered language whose stopwords and signature characters are most frequent in the
    first of ``words`` (the text's folded tokens) and characters of ``text``; on a tie, the one
    registered first (English)."""
    sample = text[:_SAMPLE]
    words = words[:_SAMPLE_TOKENS]
    scores = {}
    for code in LANGUAGES:
        lexicon = load(code)
        scores[code] = sum(map(lexicon.stopwords.__contains__, words)) + sum(
            sample.count(ch) for ch in lexicon.signature_characters
        )
    return max(LANGUAGES, key=scores.__getitem__)


def language_of(text: str, words: list[str], asked: str) -> str:
    """The code ``asked`` for when a pack is registered for it, the detected language for ``auto``;
    :class:`UnsupportedLanguage` otherwise, never a silent fallback."""
    return detect(text, words) if asked == AUTO else pack_for(asked).code
