"""The one list of rules the API reports as ``rule``, each with the confidence its evidence is worth.

A rule is a function registered with ``@sieve(name, confidence)``; its docstring's first line
describes it. ``openapi.yaml``'s ``rule`` enum, the README's list and the example corpora are
tested against ``RULES``. The resolution of the speaker phrase scales the confidence down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    confidence: float
    description: str


RULES: dict[str, Rule] = {}
RESOLUTION_FACTOR = {"name": 1.0, "description": 0.85, "pronoun": 0.8, "continuation": 1.0, "repeat": 1.0}
UNATTRIBUTED = "none"


def sieve(name: str, confidence: float) -> Callable:
    """Register the decorated function as the rule ``name``; the function keeps its name in ``.rule``."""

    def register(func: Callable) -> Callable:
        if name in RULES:
            raise ValueError(f"rule {name!r} is registered twice")
        RULES[name] = Rule(name, confidence, (func.__doc__ or "").strip().splitlines()[0])
        func.rule = name
        return func

    return register


def confidence(rule: str, resolution: str) -> float:
    """What an attribution by ``rule``, resolved by ``resolution``, is worth."""
    return round(RULES[rule].confidence * RESOLUTION_FACTOR.get(resolution, 0.8), 2)


RULES[UNATTRIBUTED] = Rule(UNATTRIBUTED, 0.0, "Nothing in the text names the speaker.")
