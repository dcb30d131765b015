"""Tell the languages apart by counting each one's most frequent words."""

from __future__ import annotations

from operator import itemgetter

from .lexicon import load
from .registry import AUTO, LANGUAGES, UnsupportedLanguage, pack_for

_SAMPLE = 2000  # characters read: a few hundred words are enough for a verdict
_SAMPLE_TOKENS = 400  # tokens read, words and signs: about as many characters' worth
UNDETERMINED = "und"  # ISO 639-2: no registered language reads the text confidently
# Below this share of a language's stopwords among the words, a text of enough words is not in
# that language: news in English or French has 13 % or more, German 3 to 4 %.
_MIN_STOPWORD_SHARE = 0.1
_MIN_WORDS = 20  # fewer words say too little to rule a language out: the best guess stands


def detect(text: str, words: list[str]) -> str:
    """The registered language whose stopwords and signature characters are most frequent in the
    first of ``words`` (the text's folded tokens) and characters of ``text``; on a tie, the one
    registered first (English). ``und`` when the text has words enough and too few of the best
    language's stopwords among them (a German article), or no word at all."""
    sample = text[:_SAMPLE]
    words = words[:_SAMPLE_TOKENS]
    scores, stopwords = {}, {}
    for code in LANGUAGES:
        lexicon = load(code)
        stopwords[code] = sum(map(lexicon.stopwords.__contains__, words))
        scores[code] = stopwords[code] + sum(sample.count(ch) for ch in lexicon.signature_characters)
    best = max(LANGUAGES, key=scores.__getitem__)
    count = sum(map(str.isalpha, map(itemgetter(0), words)))  # words, not signs: at C speed
    if count == 0 or (count >= _MIN_WORDS and stopwords[best] < _MIN_STOPWORD_SHARE * count):
        return UNDETERMINED
    return best


def language_of(text: str, words: list[str], asked: str) -> str:
    """The code ``asked`` for when a pack is registered for it, the detected language for ``auto``;
    :class:`UnsupportedLanguage` otherwise, never a silent fallback."""
    if asked == UNDETERMINED:
        raise UnsupportedLanguage(asked)
    return detect(text, words) if asked == AUTO else pack_for(asked).code
