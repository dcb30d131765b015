"""Read a short noun phrase that names who speaks: a name, a pronoun or a description.

"Dutch Finance Minister Anke Visser" -> name "Anke Visser", role "Dutch Finance Minister";
"la porte-parole de l’ONU" -> description with role and feminine gender; "il" -> pronoun.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lang.lexicon import Lexicon
from ..text.tokens import Token

MAX_PHRASE = 14  # tokens; a longer stretch is a clause, not a speaker's noun phrase


@dataclass(slots=True)
class Mention:
    kind: str  # "name" | "pronoun" | "description"
    text: str
    start: int
    end: int
    role: str | None = None
    gender: str = ""  # m, f, p (plural), or "" when the text does not say
    person: bool | None = None  # None: the phrase alone cannot tell person from organisation
    head: str | None = None  # the role or organisation noun of a description
    age: str | None = None


def role_head(tok: Token, lex: Lexicon) -> str | None:
    for word in (tok.low, tok.low.split("-")[-1]):
        if word in lex.role_nouns:
            return word
    return None


def is_name_word(tok: Token, lex: Lexicon) -> bool:
    if tok.is_word and not tok.is_capitalized and "-" in tok.text:
        prefix, _, rest = tok.text.partition("-")
        return prefix.lower() in lex.particles and rest[:1].isupper()  # "al-Rahman"
    return tok.is_word and tok.is_capitalized and tok.low not in lex.not_names


def _starts_predicate(tok: Token, lex: Lexicon) -> bool:
    """A lower-case word that cannot continue a noun phrase after a name: a verb or an adverb."""
    return (
        not lex.grammar.adjectives_follow_noun  # "la Commission européenne": an adjective follows the noun
        and tok.is_word
        and not tok.is_capitalized
        and tok.low not in lex.determiners
        and tok.low not in lex.prepositions
        and tok.low not in lex.particles
        and tok.low not in lex.clause_breakers
        and role_head(tok, lex) is None
        and tok.low not in lex.organization_nouns
        and tok.low not in lex.function_words
    )


def _trim(tokens: list[Token], lex: Lexicon) -> list[Token]:
    start, end = 0, len(tokens)
    while start < end and (
        (not tokens[start].is_word and not tokens[start].text[0].isdigit()) or tokens[start].low in lex.clause_breakers
    ):
        start += 1
    while end > start and not tokens[end - 1].is_word and not tokens[end - 1].text[0].isdigit():
        if tokens[end - 1].text == "." and end - 2 >= start and tokens[end - 2].low in lex.name_suffixes:
            break  # "Joseph R. Biden Jr."
        end -= 1
    return tokens[start:end]


def _gender(tokens: list[Token], head: str | None, lex: Lexicon) -> str:
    if head and lex.role_nouns.get(head):
        return lex.role_nouns[head]
    for tok in tokens[:2]:
        if lex.titles.get(tok.low):
            return lex.titles[tok.low]
        if lex.gendered_determiners.get(tok.low):
            return lex.gendered_determiners[tok.low]
    return ""


def _name(
    text: str, tokens: list[Token], role: str | None = None, gender: str = "", person: bool | None = None
) -> Mention:
    """A name mention spanning ``tokens``."""
    return Mention("name", _span_text(text, tokens), tokens[0].start, tokens[-1].end, role, gender, person)


def _span_text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def parse(tokens: list[Token], text: str, lex: Lexicon) -> Mention | None:
    """The mention that ``tokens`` form, or None when they are not a speaker phrase."""
    toks = _trim(tokens, lex)
    if not toks or len(toks) > MAX_PHRASE:
        return None
    if len(toks) == 1 and toks[0].low in lex.pronouns:
        return Mention("pronoun", toks[0].text, toks[0].start, toks[0].end, gender=lex.pronouns[toks[0].low])
    lead = 0
    while lead < len(toks) and is_name_word(toks[lead], lex):
        lead += 1
    if 0 < lead < len(toks):
        found = _name_then(toks, lead, text, lex)
        if found is not None:
            return found
    j, complement = (len(toks), False) if toks[0].low in lex.indefinites else _head_name(toks, lex)
    ages = [t.text for t in toks if t.text.isdigit() and len(t.text) <= 3]
    if j < len(toks) and not complement:
        return _named(toks, j, ages, text, lex)
    return _described(toks, ages, text, lex)


def _name_then(toks: list[Token], lead: int, text: str, lex: Lexicon) -> Mention | None:
    """A phrase that opens with a name and goes on with something else than a name."""
    if (
        _starts_predicate(toks[lead], lex)
        and not toks[lead - 1].low.endswith(lex.possessive_endings)
        and not any(role_head(t, lex) for t in toks[lead:])
        and not is_name_word(toks[-1], lex)
    ):
        # "Okafor bluntly", "Okafor went on radio late to": a name, then its verb phrase
        return _name(text, toks[:lead], person=True if lead >= 2 and not toks[0].text.isupper() else None)
    if lead < 2:
        return None
    if toks[lead].low in lex.prepositions and not any(
        t.low in lex.organization_nouns or t.text.isupper() for t in toks[:lead]
    ):
        # "Nadia Ferhat de l’Institut breton des sols": the name, then where from
        return _name(text, toks[:lead], person=True)
    if toks[lead].low in lex.determiners:
        # "Lars Brenner le directeur de Solvane": a name, then its role without a comma
        described = parse(toks[lead:], text, lex)
        if described is not None and described.kind == "description" and described.role:
            return _name(text, toks[:lead], described.role, described.gender, True)
    return None


def _named(toks: list[Token], j: int, ages: list[str], text: str, lex: Lexicon) -> Mention:
    """The name ``toks[j:]`` with what precedes it: a title, a role ("Alliance spokeswoman")."""
    name, before = toks[j:], toks[:j]
    rest = [t for t in before if t.text != "."]
    title = next((t for t in reversed(rest) if t.low in lex.titles), None)
    role_tokens = [t for t in rest if t is not title and t.low not in lex.determiners]
    heads = [h for h in (role_head(t, lex) for t in role_tokens) if h]
    role = _span_text(text, role_tokens) if heads else None
    upper = all(t.text.isupper() for t in name if t.is_word)
    org = any(t.low in lex.organization_nouns for t in name)
    person: bool | None = None
    if title or (heads and not org):
        person = True
    elif org or upper:
        person = False
    elif sum(1 for t in name if t.is_word and t.low not in lex.particles) >= 2:
        person = True
    gender = _gender([title] if title else before, heads[-1] if heads else None, lex)
    mention = _name(text, name, role, gender, person)
    mention.age = ages[0] if ages else None
    return mention


def _described(toks: list[Token], ages: list[str], text: str, lex: Lexicon) -> Mention | None:
    """A description without a name: "the spokeswoman", "le ministère belge de l'Agriculture"."""
    k = 0
    while k < len(toks) and toks[k].low in lex.determiners:
        k += 1
    rest = toks[k:]
    if not rest or (not rest[0].is_word and not rest[0].text[0].isdigit()):
        return None
    if rest[0].low in lex.prepositions or rest[0].low in lex.relatives or rest[0].low in lex.complementizers:
        return None
    # the head noun: before the first preposition where adjectives precede it, first where they
    # follow ("the German foreign minister", "le ministre allemand")
    region = rest[:2] if lex.grammar.adjectives_follow_noun else rest
    for n, tok in enumerate(region):
        if tok.low in lex.prepositions:
            region = region[:n]
            break
    head = next((h for h in (role_head(t, lex) for t in region) if h), None)
    org_head = next((t.low for t in region if t.low in lex.organization_nouns), None)
    if head is None and org_head is None and len(rest) > 6:
        return None
    span = _span_text(text, rest)
    if head:
        age = ages[0] if ages else None
        gender = _gender(toks, head, lex)
        return Mention("description", span, rest[0].start, rest[-1].end, span, gender, True, head, age)
    plural = lex.grammar.plural_by_final_s and rest[-1].low.endswith("s")
    return Mention(
        "description",
        span,
        rest[0].start,
        rest[-1].end,
        person=False if org_head else None,
        head=org_head or rest[0].low,
        gender="p" if plural else "",
    )


def _after_title(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """True when ``toks[i]`` follows a title: "Mr. King" is a name although "king" is a role."""
    k = i - 1
    if k >= 0 and toks[k].text == ".":
        k -= 1
    return k >= 0 and toks[k].low in lex.titles


def _name_run_start(toks: list[Token], end: int, lex: Lexicon) -> int:
    """Where the run of name words ending at ``end`` starts (initials, particles, "Mr. King")."""
    j = end
    while j > 0:
        tok = toks[j - 1]
        named = is_name_word(tok, lex) or (tok.is_capitalized and _after_title(toks, j - 1, lex))
        particle = j < end and j >= 2 and tok.low in lex.particles and toks[j - 2].is_capitalized
        initial = (
            tok.text == "."
            and j >= 2
            and toks[j - 2].is_capitalized
            and (len(toks[j - 2].text) == 1 or toks[j - 2].low in lex.name_suffixes)
        )  # "B. Obama", "Joseph R. Biden Jr."
        if not (named or particle or initial):  # "Charles de Gaulle", "B. Obama"
            break
        j -= 1
    while j < end and not (is_name_word(toks[j], lex) or (toks[j].is_capitalized and _after_title(toks, j, lex))):
        j += 1  # a name starts with a capitalised word, not a particle or an initial's dot
    return j


def _names_a_complement(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """The name at ``toks[j]`` names what a role's complement speaks of, not the speaker: "the head
    of grocer Fernmart", "la porte-parole du collectif Forêts claires"."""
    if j == 0 or not toks[j - 1].is_word or toks[j - 1].is_capitalized or toks[j - 1].low in lex.function_words:
        return False
    if len(toks) - j > 1 and toks[j - 1].low not in lex.organization_nouns:
        return False  # "le ministre de l'Agriculture Paul Ribot": a person's full name
    p = next((n for n in range(j - 1, 0, -1) if toks[n].low in lex.prepositions), None)
    return (
        p is not None
        and any(role_head(t, lex) for t in toks[:p])
        and not any(role_head(t, lex) for t in toks[p + 1 : j])
    )


def _titled_name_before_complement(toks: list[Token], lex: Lexicon) -> tuple[int, bool]:
    """A role or title, a name, then a complement without a name: "Sergeant Ana Ruiz of the
    provincial police" -> the name, the complement cut from ``toks``."""
    end = len(toks)
    if not (toks[0].low in lex.titles or role_head(toks[0], lex)):
        return end, False
    i = 1
    while i < end and not is_name_word(toks[i], lex) and (toks[i].text == "." or role_head(toks[i], lex)):
        i += 1
    k = i
    while k < end and is_name_word(toks[k], lex):
        k += 1
    if k - i >= 2 and k < end and toks[k].low in lex.prepositions:
        del toks[k:]
        return i, False
    return end, False


def _head_name(toks: list[Token], lex: Lexicon) -> tuple[int, bool]:
    """Start of the name that heads the phrase, and whether the only name is a complement.

    The name ends the phrase ("Union spokeswoman Mira Kolar"), or stands before a
    complement ("Representative Ada K. Lowe of Maine", whose complement is cut
    from ``toks``); "le ministre … du Kremlin" has only a complement.
    """
    end = len(toks)
    j = _name_run_start(toks, end, lex)
    if toks[end - 1].low.endswith(lex.possessive_endings):
        return end, False  # a possessive: "Donald Trump’s campaign"
    if j == end:
        return _titled_name_before_complement(toks, lex)
    if _names_a_complement(toks, j, lex):
        return j, True
    k = j
    while k > 0 and (toks[k - 1].low in lex.determiners or toks[k - 1].text == "."):
        k -= 1
    if not any(t.low in lex.prepositions for t in toks[max(0, k - 1) : j]):
        return j, False
    p = k - 1 if k > 0 and toks[k - 1].low in lex.prepositions else k
    while p > 0 and toks[p - 1].low in lex.prepositions:
        p -= 1
    i = _name_run_start(toks, p, lex)
    governed = i > 0 and (toks[i - 1].low in lex.determiners or toks[i - 1].low in lex.prepositions)
    if i < p and not governed and (sum(1 for t in toks[i:p] if t.is_word) >= 2 or _after_title(toks, i, lex)):
        del toks[p:]  # the complement qualifies the name before it
        return i, False
    if (
        end - j >= 3
        and not any(t.text.isupper() for t in toks[end - 2 : end])
        and not any(t.low in lex.organization_nouns for t in toks[j:end])
    ):
        return end - 2, False  # "le ministre du Travail Marc Henrot", "Secretary of Veterans Affairs Leo Marsh"
    return j, True
