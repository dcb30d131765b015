"""Languages as packs: one folder per language (``en/``, ``fr/``) with its words, its named
traits and its inflection, and a registry ``{code: pack}`` (``registry.py``)."""

from .detect import UNDETERMINED
from .lexicon import Lexicon, fold, load
from .pack import Grammar, Pack
from .registry import AUTO, LANGUAGES, UnsupportedLanguage, pack_for, register

__all__ = [
    "AUTO",
    "LANGUAGES",
    "UNDETERMINED",
    "Grammar",
    "Lexicon",
    "Pack",
    "UnsupportedLanguage",
    "fold",
    "load",
    "pack_for",
    "register",
]
