"""One article through the engine, into the shape the API and the view return."""

from __future__ import annotations

from flask import current_app

from .engine import extract
from .observe import metrics
from .offsets import convert
from .serialize import result_to_dict


def analyse(text: str, language: str, indirect: bool, unit: str) -> dict:
    """One article's result, as the API returns it."""
    if language == "auto":
        language = current_app.config["DEFAULT_LANGUAGE"]
    cap = current_app.config["MAX_QUOTES"]
    # one more than the cap: the engine stops attributing there, and the answer knows it was cut
    result = extract(text, language, indirect=indirect, budget=current_app.config["ENGINE_BUDGET"], max_quotes=cap + 1)
    dumped = result_to_dict(result, max_quotes=cap)
    metrics().observe_quotes(dumped["quotes"])
    return convert(dumped, text, unit)
