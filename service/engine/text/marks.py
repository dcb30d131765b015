"""Find quotations between quotation marks, tolerating the typography of real press text.

One left-to-right pass per paragraph with a stack of open marks, so any input is linear.
Rules for ambiguous marks:
- a quotation still open at the end of its paragraph ends there (newswire convention);
- « closes an open « when only spaces or punctuation follow it (« used as a closing mark);
- ‘ and ’ are quotation marks only where they cannot be apostrophes (l’ONU, Norway’s);
- a straight " closes the innermost open straight " and opens one otherwise;
- quotations nested inside another are part of the outer one and not reported alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .tokens import paragraphs

_TAG = regex.compile(r"<[A-Za-z/][^<>\n]{0,500}>")  # markup left in scraped text: its marks quote nothing
_SPACE = " \t\r\u00a0\u202f\u2009\u2007\ufeff"


@dataclass(frozen=True, slots=True)
class Marked:
    """A top-level quotation: ``open``/``close`` are the marks' spans, ``start``/``end`` the inside."""

    open_start: int
    open_end: int
    close_start: int
    close_end: int
    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _SPACE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACE):
        end -= 1
    return start, end


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch.isdigit()


def _rest_is_blank(text: str, pos: int, end: int) -> bool:
    """True when only spaces or closing punctuation follow ``pos`` up to the next word."""
    i = pos
    while i < end and (text[i] in _SPACE or text[i] in ".,;:!?)]…"):
        i += 1
    return i == end or text[i] in "\n«“"


_SKIP = "skip"  # the mark is an apostrophe here, or closes nothing


# every mark the rules below know how to pair; a language pack's ``quote_marks`` says which it uses
KNOWN_MARKS = (("“", "”"), ("«", "»"), ('"', '"'), ("‘", "’"), ("„", "“"), ("‹", "›"), ("''", "''"), ("``", "''"))


@lru_cache(maxsize=16)
def _mark_pattern(marks: tuple[tuple[str, str], ...]) -> regex.Pattern:
    unknown = {pair for pair in marks if pair not in KNOWN_MARKS}
    if unknown:
        raise ValueError(f"quotation marks the engine cannot pair: {sorted(unknown)}")
    symbols = sorted({mark for pair in marks for mark in pair}, key=len, reverse=True)  # '' before '
    return regex.compile("|".join(map(regex.escape, symbols)))


def find_quotations(text: str, marks: tuple[tuple[str, str], ...] = KNOWN_MARKS) -> list[Marked]:
    """All top-level quotations of ``text``, in order, between the pairs of ``marks``."""
    pattern = _mark_pattern(tuple(map(tuple, marks)))
    found: list[Marked] = []
    for p_start, p_end in paragraphs(text):
        _paragraph_quotations(text, p_start, p_end, pattern, found)
    return found


def _paragraph_quotations(text: str, p_start: int, p_end: int, pattern: regex.Pattern, found: list[Marked]) -> None:
    stack: list[tuple[str, int, int]] = []  # (opening mark, its start, its end)
    opened: dict[str, int] = {}  # how many of each mark are open: a test in constant time
    tags = [t.span() for t in _TAG.finditer(text, p_start, p_end)] if "<" in text[p_start:p_end] else []
    tag = 0
    for m in pattern.finditer(text, p_start, p_end):
        mark, s, e = m.group(), m.start(), m.end()
        while tag < len(tags) and tags[tag][1] <= s:
            tag += 1
        if tag < len(tags) and tags[tag][0] <= s:
            continue
        before = text[s - 1] if s > p_start else " "
        after = text[e] if e < p_end else " "
        closes = _closing(mark, opened, stack, before, after, text, e, p_end)
        if closes == _SKIP:
            continue
        if closes is not None:
            if opened.get(closes):
                _close(text, stack, opened, closes, s, e, found)
            continue
        if (mark in ('"', "''") and after in _SPACE and not stack) or mark == "’":
            continue  # a closing straight mark with nothing open
        stack.append((mark, s, e))
        opened[mark] = opened.get(mark, 0) + 1
    if stack:
        _, o_start, o_end = stack[0]
        _add(found, text, o_start, o_end, p_end, p_end, False)


def _close(text: str, stack: list, opened: dict[str, int], closes: str, s: int, e: int, found: list[Marked]) -> None:
    """Close the innermost open ``closes`` (and what is open inside it); a top-level quote is found."""
    while stack[-1][0] != closes:
        opened[stack.pop()[0]] -= 1
    _, o_start, o_end = stack.pop()
    opened[closes] -= 1
    if not stack:
        _add(found, text, o_start, o_end, s, e, True)


def _closing(mark: str, opened: dict[str, int], stack: list, before: str, after: str, text: str, e: int, p_end: int):
    """The opening mark that ``mark`` closes, None when it opens, ``_SKIP`` when it is no mark here."""
    if mark in ('"', "''"):
        return _straight_closing(mark, opened, stack, before, after)
    if mark == "’":
        return _SKIP if not opened.get("‘") or _is_letter(after) else "‘"  # else an apostrophe
    if mark == "‘":
        return _SKIP if _is_letter(before) else None  # d‘éviter: an apostrophe typed as ‘
    if mark in ("»", "›"):
        return "«" if mark == "»" else "‹"
    if mark == "”":
        # typed pairs get mixed up: “…" and "…” are pairs too
        return "“" if opened.get("“") or not opened.get('"') else '"'
    if mark == "“" and opened.get("„"):
        return "„"
    if mark == "“" and opened.get("“") and not before.isspace() and not _is_letter(after):
        return "“"  # “…“ used as a pair
    if mark == "«" and opened.get("«") and _rest_is_blank(text, e, p_end):
        return "«"
    return None


def _straight_closing(mark: str, opened: dict[str, int], stack: list, before: str, after: str) -> str | None:
    """A straight " closes the innermost open straight " and opens one otherwise."""
    if (opened.get(mark) and not (before in _SPACE and _is_letter(after))) or (
        mark == '"' and stack and stack[-1][0] == '"'
    ):
        return mark
    if mark == '"' and stack and stack[-1][0] == "“" and before not in _SPACE and not _is_letter(after):
        return "“"
    return None


def _add(found: list[Marked], text: str, o_start: int, o_end: int, c_start: int, c_end: int, closed: bool) -> None:
    start, end = _strip(text, o_end, c_start)
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        found.append(Marked(o_start, o_end, c_start, c_end, start, end, closed))
