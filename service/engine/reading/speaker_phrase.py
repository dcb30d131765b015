"""The speaker phrase a reporting cue governs: left of the verb, right of an inverted verb,
opening the stretch after a quote, after "selon"/"according to", after a dash, before "’s"."""

from __future__ import annotations

from ..lang.lexicon import Lexicon
from ..text.tokens import Token
from . import noun_phrase
from .cues import Cue
from .noun_phrase import Mention
from .spans import (
    abbreviated,
    clause_tail,
    is_abbreviation,
    is_predicate_aside,
    merge_apposition,
    name_after_adverbial,
    segments_left,
    skip_statement,
    trailing_name,
    until_comma,
)

_DASHES = frozenset({"—", "–", "-", "―"})


def speaker_left_of(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The speaker phrase left of a reporting verb, across appositions and relative clauses."""
    if cue.pronoun:
        return _pronoun_in(tokens[cue.first], cue.pronoun, lex)
    end = cue.first
    while end > 0 and tokens[end - 1].low in lex.skippable and tokens[end - 1].low not in lex.pronouns:
        end -= 1
    if end > 0 and tokens[end - 1].low in lex.clause_breakers:
        return None  # "…, but added that": the subject is the previous verb's
    relative = end > 0 and tokens[end - 1].low in lex.relatives and tokens[end - 1].low not in lex.complementizers
    found, age = _mentions_left(tokens, end, text, lex, relative)
    if not found:
        return None
    speaker = found[0]
    if [f.kind for f in found] == ["name", "description", "name"] and found[1].role and found[2].person:
        # "X, adviser to the head of the league, Y, said": Y names the head, X speaks
        speaker = merge_apposition(found[2], found[1]) or found[2]
    elif len(found) >= 2 and found[-1].kind == "name" and all(f.kind == "description" for f in found[:-1]):
        # "Ida Moreau, the trade minister of Belgium, a founding member of …, said"
        speaker = merge_apposition(found[-1], found[-2]) or speaker
    elif len(found) >= 2 and found[0].kind == "name" and found[1].role:
        speaker = merge_apposition(found[0], found[1]) or speaker
    speaker.age = speaker.age or age
    return speaker


def _mentions_left(
    tokens: list[Token], end: int, text: str, lex: Lexicon, relative: bool
) -> tuple[list[Mention], str | None]:
    """The mentions of the comma-separated stretches left of ``end``, nearest first, up to the
    one that completes the speaker phrase; and an age met among them ("Irène Falk, 64 ans,")."""
    found: list[Mention] = []
    age: str | None = None
    inner: list[Mention] | None = None  # read inside an aside, kept in case no subject lies beyond it
    stretches = segments_left(tokens, end, lex)
    closed = not stretches[0][0]  # a comma closes the subject phrase: "X, whose firm …, Y, said"
    for n, (stretch, relative_cut) in enumerate(stretches):
        # an aside has a comma on each side: the stretch next to the verb is none
        aside = n > 0 and not relative_cut and is_predicate_aside(stretch, lex)
        if (relative_cut or aside) and found and closed and inner is None:
            # "X, whose firm hired the former mayor, Y, said": Y is inside the aside
            inner, found = found, []
        if aside:
            continue  # "X, visibly shaken, said"
        seg = _speaker_stretch(stretch, lex, relative and bool(found) and found[-1].kind == "description")
        if seg and seg[0].text[0].isdigit() and len(seg) <= 4:
            age = age or seg[0].text
            continue
        if inner is not None and not found and seg and not _opens(stretch, seg[0], lex):
            break  # beyond an aside, the subject opens its stretch: "when the second bus was turned back"
        mention = _stretch_mention(seg, found, text, lex, relative)
        if mention is None:
            if found and seg:
                break
            continue
        found.append(mention)
        named_done = mention.kind == "name" and (len(found) > 1 or mention.role)
        if len(found) == 3 or mention.kind == "pronoun" or mention.person is False or named_done:
            break
    if inner is not None and not (found and _subject_like(found[0])):
        found = inner  # "Appearing tired, particularly in Iowa, Mrs. Clinton said": nothing beyond
    return found, age


def _stretch_mention(seg: list[Token], found: list[Mention], text: str, lex: Lexicon, relative: bool) -> Mention | None:
    """The mention one stretch left of the verb makes, if any."""
    if not seg:
        return None
    mention = noun_phrase.parse(seg, text, lex)
    if relative and found and (mention is None or mention.kind == "description"):
        # "une dispute avec Hugo Ravel, le rival de X, qui lui avait répondu"
        name = name_after_adverbial(seg, lex) or trailing_name(seg, lex)
        mention = noun_phrase.parse(name, text, lex) if name else mention
    return mention


def _opens(stretch: list[Token], first: Token, lex: Lexicon) -> bool:
    """Only determiners or adverbs stand in ``stretch`` before ``first``."""
    for tok in stretch:
        if tok is first:
            return True
        if tok.low not in lex.determiners and tok.low not in lex.skippable:
            return False
    return False


def _subject_like(mention: Mention) -> bool:
    """A phrase that can stand as the subject beyond an aside: a person's or body's name, a role."""
    return mention.kind != "pronoun" and (mention.person is not None or bool(mention.role))


def _speaker_stretch(seg: list[Token], lex: Lexicon, after_description: bool) -> list[Token]:
    """The part of a stretch that may name the speaker, or nothing (a relative clause)."""
    seg = clause_tail(seg, lex)
    first = seg[0].low if seg else ""
    if after_description and seg:
        # "une dispute avec Hugo Ravel, le rival de X, qui lui avait répondu"
        seg = trailing_name(seg, lex) or seg
        first = seg[0].low
    if seg and (first in lex.prepositions or first in lex.according):
        seg = name_after_adverbial(seg, lex)  # "In a radio interview Okafor declared"
    if not seg or first in lex.relatives:
        return []  # "…, who replaced him in July, said"; "…, in the process, accused"
    if len([t for t in seg if t.is_word]) == 1 and seg[0].low in lex.abbreviations:
        return []  # "of Springfield, Va.,": a place, not the speaker
    return seg


def _pronoun_in(tok: Token, pronoun: str, lex: Lexicon) -> Mention:
    offset = tok.text.lower().rfind(pronoun)
    start = tok.start + max(offset, 0)
    return Mention(
        "pronoun",
        tok.text[offset:] if offset >= 0 else pronoun,
        start,
        start + len(pronoun),
        gender=lex.pronouns.get(pronoun, ""),
    )


def speaker_right_of(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The speaker phrase right of an inverted verb: ", said the head of Dutch trade policy, Piet Vos,"."""
    if cue.pronoun:
        return _pronoun_in(tokens[cue.first], cue.pronoun, lex)
    i = cue.last
    while i < len(tokens) and (
        tokens[i].low in lex.time_words
        or tokens[i].text[0].isdigit()
        or (tokens[i].low in lex.skippable and tokens[i].low not in lex.pronouns)
    ):
        i += 1
    i = skip_statement(tokens, i, lex)
    phrase = until_comma(tokens, i, lex)
    if not phrase or phrase[0].low in lex.complementizers or phrase[0].low in lex.prepositions:
        return None
    mention = noun_phrase.parse(phrase, text, lex)
    if mention is None:
        return None
    mention, end = _compound(tokens, i + len(phrase), mention, text, lex)
    return with_apposition(tokens, end, mention, text, lex)


def _compound(tokens: list[Token], i: int, mention: Mention, text: str, lex: Lexicon) -> tuple[Mention, int]:
    """ "ont raconté Léa Morin et Paul Hervé": two names joined after the verb speak together."""
    if mention.kind != "name" or i + 1 >= len(tokens) or tokens[i].low not in lex.coordinators:
        return mention, i
    second_phrase = until_comma(tokens, i + 1, lex)
    second = noun_phrase.parse(second_phrase, text, lex)
    end = i + 1 + len(second_phrase)
    if second is None or second.kind != "name" or (end < len(tokens) and tokens[end].text not in ",.;"):
        return mention, i
    both = Mention("name", text[mention.start : second.end], mention.start, second.end, mention.role, "p", True)
    return both, end


def speaker_opening(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The speaker phrase that opens ``tokens`` and runs, appositions included, up to ``cue``:
    "”, Rep. Ann Hale (R-Neb.) said", "”, Dan Ortiz, the attorney general of Idaho, said"."""
    i = 0
    while i < len(tokens) and not (tokens[i].is_word or tokens[i].text[0].isdigit()):
        i += 1
    if i < len(tokens) and tokens[i].low in lex.clause_breakers:
        return None  # "”, but he said that …" opens a clause of its own
    phrase = until_comma(tokens, i, lex)
    if not phrase or cue.first - i > 30 or any(t.low in lex.auxiliaries for t in phrase):
        return None
    mention = noun_phrase.parse(phrase, text, lex)
    if mention is None or (mention.kind == "description" and not mention.role and mention.person is None):
        return None
    mention, end = read_apposition(tokens, i + len(phrase), mention, text, lex)
    rest = tokens[end : cue.first]
    while rest and rest[-1].low in lex.skippable:
        rest = rest[:-1]
    # whatever stands between the phrase and the verb must be a further aside: ", one of the states suing,"
    if rest and not (rest[-1].text == "," and (rest[0].text == "," or rest[0].low in lex.clause_breakers)):
        return None
    if any(
        t.text in ";:!?«»“”" or (t.text == "." and not is_abbreviation(rest[n - 1], lex)) for n, t in enumerate(rest)
    ):
        return None
    return mention


def with_apposition(tokens: list[Token], i: int, mention: Mention, text: str, lex: Lexicon) -> Mention:
    """Complete ``mention`` with a comma-delimited apposition starting at ``tokens[i]``, if any."""
    return read_apposition(tokens, i, mention, text, lex)[0]


def read_apposition(tokens: list[Token], i: int, mention: Mention, text: str, lex: Lexicon) -> tuple[Mention, int]:
    """``mention`` completed by the apposition at ``tokens[i]``, and the index after what was read."""
    if i < len(tokens) and tokens[i].text == "(":  # "Rep. Gwen Moore (D-Wis.), …"
        close = next((j for j in range(i, min(len(tokens), i + 12)) if tokens[j].text == ")"), None)
        i = close + 1 if close is not None else i
    if i < len(tokens) and tokens[i].text == ",":
        phrase = until_comma(tokens, i + 1, lex)
        if phrase and phrase[0].text[0].isdigit() and len(phrase) <= 4 and i + 1 + len(phrase) < len(tokens):
            mention.age = mention.age or phrase[0].text  # "X, 58 ans, infirmière à Lannion"
            i += 1 + len(phrase)
            phrase = until_comma(tokens, i + 1, lex) if tokens[i].text == "," else []
        if is_predicate_aside(phrase, lex):
            return mention, i  # "X, installé à Aurillac": no role
        apposition = noun_phrase.parse(phrase, text, lex)
        if apposition is not None and apposition.kind != "pronoun":
            merged = merge_apposition(mention, apposition)
            if merged is not None:
                return merged, i + 1 + len(phrase)
    return mention, i


def tail_is_free(tokens: list[Token], cue: Cue, lex: Lexicon) -> bool:
    """True when nothing but time phrases, 'in a statement' or an addressee follows the verb."""
    i = skip_statement(tokens, cue.last, lex)
    while i < len(tokens):
        tok = tokens[i]
        if tok.text in ",.;!?—–)" or tok.text in '«“"':
            return True
        if tok.text == ":" or tok.low in lex.complementizers:
            return False
        if not (
            tok.low in lex.time_words
            or tok.low in lex.object_words
            or tok.text[0].isdigit()
            or tok.low in lex.skippable
            or tok.is_capitalized
        ):
            i = skip_statement(tokens, i, lex)
            if i < len(tokens) and tokens[i] is tok:
                return False
            continue
        i += 1
    return True


def dash_signature(tokens: list[Token], text: str, lex: Lexicon) -> Mention | None:
    """A pull quote signed after a dash: "“…” — Commissioner Geoffrey Starks", "— Ana Ruiz, maire".

    A signature is a name, maybe titled, that ends the sentence or is followed by a comma and
    its role; a dash that goes on with a clause or a description ("— and more", "— the Founding
    Father who…") opens an aside, not a signature."""
    if len(tokens) < 2 or tokens[0].text not in _DASHES:
        return None
    lead = tokens[1]
    if not (noun_phrase.is_name_word(lead, lex) or lead.low in lex.titles or lead.low in lex.role_nouns):
        return None
    phrase = until_comma(tokens, 1, lex)
    after = 1 + len(phrase)
    if after < len(tokens) and tokens[after].text not in ",.;!?":
        return None
    mention = noun_phrase.parse(phrase, text, lex)
    return mention if mention is not None and mention.kind == "name" else None


def possessor(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The name whose claim, statement or warning it is: "Trump’s claim", "Sen. Tim Kaine’s remark"."""
    owner = tokens[cue.first]
    j = cue.first
    while (
        j > 0
        and cue.first - j < 4
        and (
            noun_phrase.is_name_word(tokens[j - 1], lex)
            or abbreviated(tokens, j - 1, lex)
            or tokens[j - 1].low in lex.titles
        )
    ):
        j -= 1
    stem_end = owner.end - 2  # without "’s"
    name = tokens[j : cue.first]
    mention = noun_phrase.parse(name, text, lex) if name else None
    if mention is None or mention.kind != "name":
        return Mention("name", text[owner.start : stem_end], owner.start, stem_end)
    return Mention("name", text[mention.start : stem_end], mention.start, stem_end, mention.role, mention.gender, True)


def according_source(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The source after "selon" / "according to"; a weak one ("pour") needs a name or a role after it."""
    phrase = until_comma(tokens, cue.last, lex)
    if len(phrase) == 1 and phrase[0].low in lex.object_pronouns:
        tok = phrase[0]
        return Mention("pronoun", tok.text, tok.start, tok.end, gender=lex.object_pronouns[tok.low])
    if cue.lemma in lex.weak_according:  # "Pour la principale fédération de défense des cyclistes, la FUB :"
        end = next((j for j in range(cue.last, min(len(tokens), cue.last + 16)) if tokens[j].text == ","), None)
        phrase = tokens[cue.last : end] if end is not None else phrase
    mention = noun_phrase.parse(phrase, text, lex)
    if mention is None:
        return None
    mention = with_apposition(tokens, cue.last + len(phrase), mention, text, lex)
    if (
        cue.lemma in lex.weak_according
        and mention.kind == "description"
        and not mention.role
        and mention.person is not False
    ):
        return None
    return mention
