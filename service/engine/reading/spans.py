"""Stretches of tokens around a cue: comma-separated segments, the phrase up to a comma,
the tail of a clause, runs of name words. Shared by the speaker-phrase readers."""

from __future__ import annotations

from ..lang.lexicon import Lexicon
from ..text.tokens import Token
from . import noun_phrase
from .cues import find_cue_word
from .noun_phrase import Mention

MAX_SEGMENTS = 5  # comma-separated stretches looked at left of a verb for its subject


def _aside_dash(tokens: list[Token], i: int) -> bool:
    """A dash that sets off an aside ("—", "–", "--"), not one inside "2021-10"."""
    text = tokens[i].text
    if text in ("—", "–", "―"):
        return True
    return text == "-" and (
        (i > 0 and tokens[i - 1].text == "-") or (i + 1 < len(tokens) and tokens[i + 1].text == "-")
    )


def segments_left(tokens: list[Token], end: int, lex: Lexicon) -> list[tuple[list[Token], bool]]:
    """Comma-separated stretches left of ``end``, nearest first, each cut at a clause boundary,
    each with whether a relative clause was cut from it ("X, whose firm …, said")."""
    segments: list[tuple[list[Token], bool]] = []
    current: list[Token] = []
    relative = False
    i = end - 1
    while i >= 0 and len(segments) < MAX_SEGMENTS:
        tok = tokens[i]
        if tok.text == "," or _aside_dash(tokens, i):  # "X -- the head of Y -- told me": an aside, as commas
            segments.append((current[::-1], relative))
            current, relative = [], False
        elif tok.text == "." and i > 0 and is_abbreviation(tokens[i - 1], lex):
            current.append(tok)  # "Marc H. Morial", "Mr. King"
        elif tok.text == ")":
            # "Sen. Ann Hale (R-Neb.) said": a parenthesis is an aside
            opening = next((j for j in range(i - 1, max(-1, i - 12), -1) if tokens[j].text == "("), None)
            if opening is None:
                break
            i = opening
        elif (
            tok.low in lex.relatives
            and tok.low not in lex.subject_relatives
            and current
            and current[-1].low in lex.determiners
        ):
            break  # "a loaf that the critic Sam Ode calls", "dont la navigatrice X dit": the verb's own subject
        elif tok.low in lex.relatives and (
            tok.low not in lex.complementizers
            or (
                tok.low == "that"  # French subject relatives take "qui"; "que" keeps its subject after it
                and i > 0
                and tokens[i - 1].is_word
                and not find_cue_word(tokens[i - 1], lex)
                and current
                and current[-1].low not in lex.pronouns  # "qu'elle accuse": "elle" is the subject
                and not current[-1].is_capitalized
            )
        ):
            # "a farmer who joined the march", "a firm that owns two papers": a relative
            # clause is not the subject ("that" after a noun relates; after "said" it reports)
            current, relative = [], tok.low not in lex.complementizers
        elif tok.text in '.;:!?()«»“”"' or tok.low in lex.complementizers or (find_cue_word(tok, lex) and current):
            break
        else:
            current.append(tok)
        i -= 1
    if current or not segments:
        segments.append((current[::-1], relative))
    return segments


def is_predicate_aside(seg: list[Token], lex: Lexicon) -> bool:
    """A stretch set off by commas that describes without naming: "visibly shaken", "furieux",
    "interrogé mardi par la radio", "speaking from Kabul"; not "acting director of X"."""
    if not seg or not seg[0].is_word or seg[0].is_capitalized:
        return False
    low = seg[0].low
    if (
        low in lex.function_words
        or low in lex.titles
        or noun_phrase.role_head(seg[0], lex)
        or low in lex.organization_nouns
        or (len(seg) > 1 and noun_phrase.role_head(seg[1], lex))
    ):
        return False
    return len(seg) == 1 or low.endswith(lex.predicate_aside_endings)


def _name_tail_start(seg: list[Token], lex: Lexicon) -> int:
    """Where the run of name words that ends ``seg`` starts."""
    j = len(seg)
    while j > 0 and noun_phrase.is_name_word(seg[j - 1], lex):
        j -= 1
    return j


def trailing_name(seg: list[Token], lex: Lexicon) -> list[Token]:
    """The full name (two words or more) that ends ``seg``, or nothing."""
    j = _name_tail_start(seg, lex)
    return seg[j:] if len(seg) - j >= 2 else []


def name_after_adverbial(seg: list[Token], lex: Lexicon) -> list[Token]:
    """The name that ends a stretch opening with a prepositional phrase, or nothing."""
    j = _name_tail_start(seg, lex)
    if j in (0, len(seg)) or seg[j - 1].low in lex.prepositions or seg[j - 1].low in lex.determiners:
        return []
    return seg[j:]


def merge_apposition(a: Mention, b: Mention) -> Mention | None:
    """A name and a description of the same person side by side, in either order, are one speaker:
    "La porte-parole de l'ONU, Mira Kolar," / "Piet Vos, the Dutch trade minister,"."""
    name, desc = (a, b) if a.kind == "name" else (b, a)
    if name.kind != "name" or desc.kind != "description":
        return None
    if desc.person is False or name.person is False:
        # "la principale fédération de défense des cyclistes, la FUB": the organisation's name
        return name if desc.person is False and name.person is not True else None
    name.role = name.role or desc.role or desc.text
    name.gender = name.gender or desc.gender
    name.age = name.age or desc.age
    name.person = True
    return name


def clause_tail(seg: list[Token], lex: Lexicon) -> list[Token]:
    """The last noun phrase of a stretch: after its last conjunction or verb."""
    start = 0
    auxiliary_ends = lex.grammar.auxiliary_ends_subject
    for i, tok in enumerate(seg):
        if (
            tok.low in lex.clause_breakers
            or tok.low in lex.complementizers
            or find_cue_word(tok, lex)
            or (auxiliary_ends and tok.low in lex.auxiliaries and i > 0)
        ):
            start = i + 1
    while start < len(seg) and seg[start].low in lex.skippable and seg[start].low not in lex.pronouns:
        start += 1
    tail = seg[start:]
    while tail and ((tail[-1].low in lex.skippable and tail[-1].low not in lex.pronouns) or _is_adverb(tail[-1], lex)):
        tail = tail[:-1]
    return tail


def _is_adverb(tok: Token, lex: Lexicon) -> bool:
    """An adverb between a subject and its verb: "Mr. Trump hardly clarified"."""
    return tok.low.endswith(lex.adverb_endings) and not tok.is_capitalized and len(tok.low) > 4


def until_comma(tokens: list[Token], i: int, lex: Lexicon) -> list[Token]:
    out: list[Token] = []
    while i < len(tokens) and len(out) <= noun_phrase.MAX_PHRASE:
        tok = tokens[i]
        if tok.text == "." and out and is_abbreviation(out[-1], lex) and i + 1 < len(tokens):
            out.append(tok)  # "V. Sapounov", "Mr. Kamin", "G.K. Butterfield"
            i += 1
            continue
        if tok.text in ',.;:!?()«»“”"—–' or tok.low in lex.relatives or tok.low in lex.complementizers:
            break
        if out and (find_cue_word(tok, lex) or tok.low in lex.clause_breakers):
            break
        if out and (tok.low in lex.days or tok.low in lex.months):
            break
        if tok.low in lex.adjunct_prepositions and any(noun_phrase.is_name_word(t, lex) for t in out):
            break  # "said Sgt. Ana Ruiz of the police during a briefing": the adjunct is no part of it
        out.append(tok)
        i += 1
    while out and out[-1].low in lex.time_words and not out[-1].is_capitalized:
        out.pop()
    return out


def abbreviated(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """True when ``tokens[i]`` is the dot of a title or an initial: "M. Orlov", "B. Okafor"."""
    return tokens[i].text == "." and i > 0 and is_abbreviation(tokens[i - 1], lex)


def is_abbreviation(tok: Token, lex: Lexicon) -> bool:
    return (len(tok.text) == 1 and tok.is_capitalized) or tok.low in lex.titles or tok.low in lex.abbreviations


def skip_statement(tokens: list[Token], i: int, lex: Lexicon) -> int:
    words = [t.low for t in tokens[i : i + 6]]
    for phrase in lex.statement_phrases:
        if tuple(words[: len(phrase)]) == phrase:
            return i + len(phrase)
    return i
