"""The roles stated beside a person's name, read once after the name scan:
"La présidente du club, Maud Keller," and "Ivo Brandt, curator at the museum,"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..reading.noun_phrase import parse
from ..text.tokens import Token

if TYPE_CHECKING:
    from .resolve import Resolver

_APPOSITION_TOKENS = 16  # an apposition stating a role is at most this long
_ROLE_MENTIONS = 4096  # mentions read for the roles stated beside them: a flood costs no more
_BEFORE_APPOSITION = frozenset(",;:.()")
_HEAD_REACH = 3  # words before a role noun that qualify it: "Dutch finance minister"


def scan_roles(r: Resolver) -> None:
    """Record the roles stated beside a person's name: "La présidente du club, Maud Keller,"
    and "Ivo Brandt, curator at the museum," (without a determiner)."""
    budget = _ROLE_MENTIONS
    for entity in r.index.entities:
        if entity.kind != "person":
            continue
        for start, end in entity.mentions[:budget]:
            for role in (role_before(r, start), role_after(r, end)):
                entity.add_role(role)
        budget -= len(entity.mentions)
        if budget <= 0:
            return


def role_before(r: Resolver, start: int) -> str | None:
    """ "Le ROLE [complément], Nom": a role phrase that opens a clause and a comma before the name."""
    doc = r.doc
    tokens = doc.tokens(max(doc.sentence(start)[0], start - 200), start)
    if len(tokens) < 3 or tokens[-1].text != ",":
        return None
    k = len(tokens) - 1
    while k > 0 and tokens[k - 1].text not in _BEFORE_APPOSITION and len(tokens) - k < _APPOSITION_TOKENS:
        k -= 1
    seg = tokens[k:-1]
    while seg and (seg[0].low in r.lex.prepositions or seg[0].low in r.lex.clause_breakers):
        seg = seg[1:]  # ", with the head of the guild, Ines Varga,"
    if not seg or seg[0].low not in r.lex.determiners or seg[0].low in r.lex.indefinites:
        return None
    return role_of(r, seg)


def role_after(r: Resolver, end: int) -> str | None:
    """ "Nom, ROLE [complément]," with or without a determiner, closed by a comma, a stop or
    the end of the line ("— Ann Holt, parent")."""
    doc = r.doc
    p_end = doc.paragraph(end)[1]
    tokens = doc.tokens(end, min(p_end, end + 200))
    if len(tokens) < 2 or tokens[0].text != ",":
        return None
    k = 1
    while k < len(tokens) and tokens[k].text not in _BEFORE_APPOSITION and k <= _APPOSITION_TOKENS:
        k += 1
    closed = k < len(tokens) or end + 200 >= p_end  # a comma, a stop, or the end of the line
    return role_of(r, tokens[1:k]) if closed and k > 1 else None


def role_of(r: Resolver, seg: list[Token]) -> str | None:
    if not seg or not seg[0].is_word or seg[0].low in r.lex.pronouns:
        return None
    found = parse(seg, r.doc.text, r.lex)
    if found is not None and found.kind == "description":
        return found.role if found.role and found.head not in r.lex.epithet_nouns else None
    return headed_role(r, seg)


def headed_role(r: Resolver, seg: list[Token]) -> str | None:
    """A role noun near the start and a complement that holds a name: "analyste à Hi Investment",
    "chief executive of Skyline Air" (the name makes the phrase read as a name)."""
    lex = r.lex
    k = 0
    while k < len(seg) and seg[k].low in lex.determiners:
        k += 1
    for i in range(k, min(len(seg), k + _HEAD_REACH)):
        tok = seg[i]
        if tok.low in lex.role_nouns and tok.low not in lex.epithet_nouns:
            return r.doc.text[seg[k].start : seg[-1].end]
        if not tok.is_word or tok.low in lex.function_words or tok.low in lex.verbs:
            return None
    return None
