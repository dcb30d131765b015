"""The languages the engine reads: ``{code: pack}``. The API schema, the command line, language
detection and (held by a test) ``openapi.yaml`` take their choices from here."""

from __future__ import annotations

from . import en, fr
from .pack import Pack

LANGUAGES: dict[str, Pack] = {}
AUTO = "auto"  # tell the language from the text


class UnsupportedLanguage(ValueError):
    """A language code no pack is registered for."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.supported = tuple(LANGUAGES)
        super().__init__(f"unsupported language {code!r}: use one of {', '.join((AUTO, *LANGUAGES))}")


def register(pack: Pack) -> None:
    """Make ``pack`` a language the engine reads (detection weighs it after those registered before)."""
    LANGUAGES[pack.code] = pack


def pack_for(code: str) -> Pack:
    try:
        return LANGUAGES[code]
    except KeyError:
        raise UnsupportedLanguage(code) from None


register(en.PACK)
register(fr.PACK)
