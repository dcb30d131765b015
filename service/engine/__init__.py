"""Quote attribution for news articles in English and French: regular expressions and heuristics.

``extract(text, language="auto")`` returns a :class:`Result`. Nothing here imports Flask.
"""

from .budget import BudgetExceeded
from .extract import extract
from .lexicon import LANGUAGES
from .model import Quote, Result, Span, Speaker, SpeakerRef

__all__ = ["LANGUAGES", "BudgetExceeded", "Quote", "Result", "Span", "Speaker", "SpeakerRef", "extract"]
