"""Quote attribution for news articles: regular expressions and heuristics, one language pack each.

``extract(text, language="auto")`` returns a :class:`Result`. Nothing here imports Flask.
See README.md in this folder for where things go.
"""

from .budget import BudgetExceeded
from .lang.registry import LANGUAGES, UnsupportedLanguage
from .model import Quote, Result, Span, Speaker, SpeakerRef
from .pipeline import extract
from .sieves.registry import RULES

__all__ = [
    "LANGUAGES",
    "RULES",
    "BudgetExceeded",
    "Quote",
    "Result",
    "Span",
    "Speaker",
    "SpeakerRef",
    "UnsupportedLanguage",
    "extract",
]
