"""Reporting cues ("said", "a déclaré", "a-t-il ajouté", "selon") and the speaker phrase they govern."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from . import mentions
from .lexicon import Lexicon
from .mentions import Mention
from .text import Token

_INVERSION = regex.compile(r"^(.+?)(?:-t)?-(il|elle|ils|elles|on)$")
_INVERTED_ENDS = ("-il", "-elle", "-ils", "-elles", "-on")  # what every _INVERSION match ends with
_PASSIVE_EN = frozenset({"be", "is", "was", "were", "been", "being", "are"})
_DASHES = frozenset({"—", "–", "-", "―"})
MAX_SEGMENTS = 5  # comma-separated stretches looked at left of a verb for its subject


@dataclass(frozen=True, slots=True)
class Cue:
    first: int  # token index where the cue starts (auxiliary included)
    last: int  # token index after the cue
    lemma: str
    kind: str  # "verb" | "according"
    pronoun: str | None = None  # the subject carried by an inversion: "a-t-il" -> "il"
    inherits: bool = False  # "…, adding that", "Et d'ajouter que": the subject is the previous speaker's


def find_cues(tokens: Sequence[Token], lex: Lexicon, words: list[str] | None = None) -> list[Cue]:
    """Every reporting cue among ``tokens``, left to right (``words``: their folded forms)."""
    words = [t.low for t in tokens] if words is None else words
    cues: list[Cue] = []
    i = 0
    for n in _candidates(words, lex):
        if n < i:
            continue  # inside the cue found before
        cue = _cue_at(tokens, words, n, lex)
        if cue:
            cues.append(cue)
            i = cue.last
    return cues


def _candidates(words: list[str], lex: Lexicon) -> list[int]:
    """Indices of the words a cue may start with, or of inversions ("a-t-il"), in order.

    Found with C-level iteration: most words start no cue, and a loop over them in Python
    would cost more than everything done at the few candidates."""
    starting = itertools.compress(itertools.count(), map(lex.cue_starts.__contains__, words))
    inverted = itertools.compress(itertools.count(), map(str.endswith, words, itertools.repeat(_INVERTED_ENDS)))
    return sorted({*starting, *inverted})


def _cue_at(tokens: list[Token], words: list[str], i: int, lex: Lexicon) -> Cue | None:
    word = words[i]
    if not word[0].isalpha():
        return None
    for phrase in lex.according.get(word, ()):
        if (
            (len(phrase) == 1 or words[i + 1 : i + 2] == [phrase[1]])
            and tuple(words[i : i + len(phrase)]) == phrase
            and (" ".join(phrase) not in lex.weak_according or _followed_by_name(words, i + len(phrase)))
        ):
            return Cue(i, i + len(phrase), " ".join(phrase), "according")
    if word not in lex.verb_starts and not word.endswith(_INVERTED_ENDS):
        return None  # "de", "in": the first word of an "according to" phrase, and no verb
    tok = tokens[i]
    if tok.is_capitalized and i > 0 and tokens[i - 1].text not in '.!?«»“”"':
        return None  # a capitalised word inside a sentence is a name, not a verb
    inverted = _INVERSION.match(tok.low)
    if inverted and inverted.group(1) in lex.auxiliaries:
        j = i + 1
        while j < len(tokens) and words[j] in lex.skippable:
            j += 1
        found = lex.verb_at(words, j) if j < len(tokens) else None
        if found:
            return Cue(i, j + found[1], found[0], "verb", inverted.group(2))
        return None
    if inverted and inverted.group(1) in lex.verbs:
        return Cue(i, i + 1, lex.verbs[inverted.group(1)], "verb", inverted.group(2))
    found = lex.verb_at(words, i)
    if not found:
        if tok.low in lex.infinitives and i >= 2 and (words[i - 2], words[i - 1]) in lex.infinitive_leads:
            return Cue(i - 2, i + 1, lex.infinitives[tok.low], "verb", inherits=True)  # "Et d'ajouter que"
        return None
    lemma, width = found
    previous = words[i - 1] if i > 0 else ""
    after = words[i + width] if i + width < len(words) else ""
    if (
        lex.language == "en"
        and previous.endswith("'s")
        and tokens[i - 1].is_capitalized
        and (after in lex.complementizers or after == ":")
    ):
        return Cue(i - 1, i + width, lemma, "possessive")  # "Trump’s claim that …": Trump said it
    if (
        (lex.language == "en" and previous.endswith("'s"))
        or previous in lex.determiners
        or (previous in lex.prepositions and lex.language == "en" and previous != "to")
    ):
        return None  # "the report", "l'annonce": a noun
    if lex.language == "en":
        following = words[i + width] if i + width < len(words) else ""
        progressive = tok.low.endswith("ing")
        if (previous in _PASSIVE_EN and not progressive) or (tok.low.endswith("ed") and following in ("by", "of")):
            return None  # passive or adjectival participle: "was told", "accused of being"
    else:
        if previous in ("été", "être"):
            return None
        if tok.low in lex.participles and not any(w in lex.auxiliaries for w in words[max(0, i - 4) : i]):
            return None  # "un jeune appelé": a participle without an auxiliary is no verb
    first = i
    while first > 0 and (words[first - 1] in lex.auxiliaries or words[first - 1] in lex.skippable) and i - first < 4:
        first -= 1
    while first < i and words[first] not in lex.auxiliaries:
        first += 1
    # "…, adding that" hangs on the clause before; "is describing" is a verb of its own
    participle = tok.low.endswith(("ing", "ant")) and first == i and previous not in _PASSIVE_EN
    return Cue(first, i + width, lemma, "verb", inherits=participle)


def _followed_by_name(words: list[str], i: int) -> bool:
    """ "Pour X, …" reports X's view only when X is a name or a determiner phrase closed by a comma."""
    for n, word in enumerate(words[i : i + 16]):
        if word == ",":
            return True
        if not word[0].isalpha() and not (word == "." and n and len(words[i + n - 1]) == 1):
            return False  # "Pour B. Obama," reads on past the initial
    return False


def _aside_dash(tokens: list[Token], i: int) -> bool:
    """A dash that sets off an aside ("—", "–", "--"), not one inside "2021-10"."""
    text = tokens[i].text
    if text in ("—", "–", "―"):
        return True
    return text == "-" and (
        (i > 0 and tokens[i - 1].text == "-") or (i + 1 < len(tokens) and tokens[i + 1].text == "-")
    )


def _segments_left(tokens: list[Token], end: int, lex: Lexicon) -> list[list[Token]]:
    """Comma-separated stretches left of ``end``, nearest first, each cut at a clause boundary."""
    segments: list[list[Token]] = []
    current: list[Token] = []
    i = end - 1
    while i >= 0 and len(segments) < MAX_SEGMENTS:
        tok = tokens[i]
        if tok.text == "," or _aside_dash(tokens, i):  # "X -- the head of Y -- told me": an aside, as commas
            segments.append(current[::-1])
            current = []
        elif tok.text == "." and i > 0 and _abbreviation(tokens[i - 1], lex):
            current.append(tok)  # "Marc H. Morial", "Mr. King"
        elif tok.text == ")":
            # "Sen. David Perdue (R-Ga.) said": a parenthesis is an aside
            opening = next((j for j in range(i - 1, max(-1, i - 12), -1) if tokens[j].text == "("), None)
            if opening is None:
                break
            i = opening
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
            # "a historian who attended the session", "a firm that owns two papers": a relative
            # clause is not the subject ("that" after a noun relates; after "said" it reports)
            current = []
        elif tok.text in '.;:!?()«»“”"' or tok.low in lex.complementizers or (find_cue_word(tok, lex) and current):
            break
        else:
            current.append(tok)
        i -= 1
    if current or not segments:
        segments.append(current[::-1])
    return segments


def find_cue_word(tok: Token, lex: Lexicon) -> bool:
    return tok.low in lex.verbs and not tok.is_capitalized and tok.low not in lex.participles


def subject(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The speaker phrase left of a reporting verb, across appositions and relative clauses."""
    if cue.pronoun:
        return _pronoun(tokens[cue.first], cue.pronoun, lex)
    end = cue.first
    while end > 0 and tokens[end - 1].low in lex.skippable and tokens[end - 1].low not in lex.pronouns:
        end -= 1
    if end > 0 and tokens[end - 1].low in lex.clause_breakers:
        return None  # "…, but added that": the subject is the previous verb's
    found: list[Mention] = []
    age: str | None = None  # "Sergei Lavrov, 71 ans, a annoncé"
    relative = end > 0 and tokens[end - 1].low in lex.relatives and tokens[end - 1].low not in lex.complementizers
    for seg in _segments_left(tokens, end, lex):
        seg = _clause_tail(seg, lex)
        first = seg[0].low if seg else ""
        if relative and found and seg and found[-1].kind == "description":
            # "un clash avec Bernard Bonnet, le successeur de X, qui lui avait rétorqué"
            seg = _trailing_name(seg, lex) or seg
            first = seg[0].low
        if seg and (first in lex.prepositions or first in lex.according):
            seg = _name_after_adverbial(seg, lex)  # "In a Bloomberg interview Trump declared"
        if not seg or first in lex.relatives:
            continue  # "…, who replaced him in July, said"; "…, in the process, accused"
        if seg[0].text[0].isdigit() and len(seg) <= 4:
            age = age or seg[0].text
            continue
        if len([t for t in seg if t.is_word]) == 1 and seg[0].low in lex.abbreviations:
            continue  # "of Springfield, Va.,": a place, not the speaker
        mention = mentions.parse(seg, text, lex)
        if relative and found and (mention is None or mention.kind == "description"):
            # "un clash avec Bernard Bonnet, le successeur de X, qui lui avait rétorqué"
            name = _name_after_adverbial(seg, lex) or _trailing_name(seg, lex)
            mention = mentions.parse(name, text, lex) if name else mention
        if mention is None:
            if found:
                break
            continue
        found.append(mention)
        named_done = mention.kind == "name" and (len(found) > 1 or mention.role)
        if len(found) == 3 or mention.kind == "pronoun" or mention.person is False or named_done:
            break
    if not found:
        return None
    speaker = found[0]
    if len(found) >= 2 and found[-1].kind == "name" and all(f.kind == "description" for f in found[:-1]):
        # "Jean-Marc Ayrault, the foreign minister of France, a permanent member of …, said"
        speaker = merge_apposition(found[-1], found[-2]) or speaker
    elif len(found) >= 2 and found[0].kind == "name" and found[1].role:
        speaker = merge_apposition(found[0], found[1]) or speaker
    speaker.age = speaker.age or age
    return speaker


def _name_tail(seg: list[Token], lex: Lexicon) -> int:
    """Where the run of name words that ends ``seg`` starts."""
    j = len(seg)
    while j > 0 and mentions.is_name_word(seg[j - 1], lex):
        j -= 1
    return j


def _trailing_name(seg: list[Token], lex: Lexicon) -> list[Token]:
    """The full name (two words or more) that ends ``seg``, or nothing."""
    j = _name_tail(seg, lex)
    return seg[j:] if len(seg) - j >= 2 else []


def _name_after_adverbial(seg: list[Token], lex: Lexicon) -> list[Token]:
    """The name that ends a stretch opening with a prepositional phrase, or nothing."""
    j = _name_tail(seg, lex)
    if j in (0, len(seg)) or seg[j - 1].low in lex.prepositions or seg[j - 1].low in lex.determiners:
        return []
    return seg[j:]


def merge_apposition(a: Mention, b: Mention) -> Mention | None:
    """A name and a description of the same person side by side, in either order, are one speaker:
    "La porte-parole de l'OTAN, Oana Lungescu," / "Heiko Maas, the German foreign minister,"."""
    name, desc = (a, b) if a.kind == "name" else (b, a)
    if name.kind != "name" or desc.kind != "description":
        return None
    if desc.person is False or name.person is False:
        # "la principale association de défense du logiciel libre, l'April": the organisation's name
        return name if desc.person is False and name.person is not True else None
    name.role = name.role or desc.role or desc.text
    name.gender = name.gender or desc.gender
    name.age = name.age or desc.age
    name.person = True
    return name


def _clause_tail(seg: list[Token], lex: Lexicon) -> list[Token]:
    """The last noun phrase of a stretch: after its last conjunction or verb."""
    start = 0
    for i, tok in enumerate(seg):
        if (
            tok.low in lex.clause_breakers
            or tok.low in lex.complementizers
            or find_cue_word(tok, lex)
            or (lex.language == "fr" and tok.low in lex.auxiliaries and i > 0)
        ):
            start = i + 1
    while start < len(seg) and seg[start].low in lex.skippable and seg[start].low not in lex.pronouns:
        start += 1
    tail = seg[start:]
    while tail and ((tail[-1].low in lex.skippable and tail[-1].low not in lex.pronouns) or _adverb(tail[-1], lex)):
        tail = tail[:-1]
    return tail


def _adverb(tok: Token, lex: Lexicon) -> bool:
    """An English -ly adverb between a subject and its verb: "Mr. Trump hardly clarified"."""
    return lex.language == "en" and tok.low.endswith("ly") and not tok.is_capitalized and len(tok.low) > 4


def _pronoun(tok: Token, pronoun: str, lex: Lexicon) -> Mention:
    offset = tok.text.lower().rfind(pronoun)
    start = tok.start + max(offset, 0)
    return Mention(
        "pronoun",
        tok.text[offset:] if offset >= 0 else pronoun,
        start,
        start + len(pronoun),
        gender=lex.pronouns.get(pronoun, ""),
    )


def inverted_subject(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The speaker phrase right of an inverted verb: ", said the head of German diplomacy, Heiko Maas,"."""
    if cue.pronoun:
        return _pronoun(tokens[cue.first], cue.pronoun, lex)
    i = cue.last
    while i < len(tokens) and (
        tokens[i].low in lex.time_words
        or tokens[i].text[0].isdigit()
        or (tokens[i].low in lex.skippable and tokens[i].low not in lex.pronouns)
    ):
        i += 1
    i = _skip_statement(tokens, i, lex)
    phrase = _until_comma(tokens, i, lex)
    if not phrase or phrase[0].low in lex.complementizers or phrase[0].low in lex.prepositions:
        return None
    mention = mentions.parse(phrase, text, lex)
    if mention is None:
        return None
    return with_apposition(tokens, i + len(phrase), mention, text, lex)


def leading_subject(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The speaker phrase that opens ``tokens`` and runs, appositions included, up to ``cue``:
    "”, Rep. Gwen Moore (D-Wis.) said", "”, Scott Pruitt, the attorney general of Oklahoma, said"."""
    i = 0
    while i < len(tokens) and not (tokens[i].is_word or tokens[i].text[0].isdigit()):
        i += 1
    if i < len(tokens) and tokens[i].low in lex.clause_breakers:
        return None  # "”, but he said that …" opens a clause of its own
    phrase = _until_comma(tokens, i, lex)
    if not phrase or cue.first - i > 30 or any(t.low in lex.auxiliaries for t in phrase):
        return None
    mention = mentions.parse(phrase, text, lex)
    if mention is None or (mention.kind == "description" and not mention.role and mention.person is None):
        return None
    mention, end = _apposition(tokens, i + len(phrase), mention, text, lex)
    rest = tokens[end : cue.first]
    while rest and rest[-1].low in lex.skippable:
        rest = rest[:-1]
    # whatever stands between the phrase and the verb must be a further aside: ", one of the states suing,"
    if rest and not (rest[-1].text == "," and (rest[0].text == "," or rest[0].low in lex.clause_breakers)):
        return None
    if any(t.text in ";:!?«»“”" or (t.text == "." and not _abbreviation(rest[n - 1], lex)) for n, t in enumerate(rest)):
        return None
    return mention


def with_apposition(tokens: list[Token], i: int, mention: Mention, text: str, lex: Lexicon) -> Mention:
    """Complete ``mention`` with a comma-delimited apposition starting at ``tokens[i]``, if any."""
    return _apposition(tokens, i, mention, text, lex)[0]


def _apposition(tokens: list[Token], i: int, mention: Mention, text: str, lex: Lexicon) -> tuple[Mention, int]:
    """``mention`` completed by the apposition at ``tokens[i]``, and the index after what was read."""
    if i < len(tokens) and tokens[i].text == "(":  # "Rep. Gwen Moore (D-Wis.), …"
        close = next((j for j in range(i, min(len(tokens), i + 12)) if tokens[j].text == ")"), None)
        i = close + 1 if close is not None else i
    if i < len(tokens) and tokens[i].text == ",":
        phrase = _until_comma(tokens, i + 1, lex)
        apposition = mentions.parse(phrase, text, lex)
        if apposition is not None and apposition.kind != "pronoun":
            merged = merge_apposition(mention, apposition)
            if merged is not None:
                return merged, i + 1 + len(phrase)
    return mention, i


def _until_comma(tokens: list[Token], i: int, lex: Lexicon) -> list[Token]:
    out: list[Token] = []
    while i < len(tokens) and len(out) <= mentions.MAX_PHRASE:
        tok = tokens[i]
        if tok.text == "." and out and _abbreviation(out[-1], lex) and i + 1 < len(tokens):
            out.append(tok)  # "V. Sapounov", "Mr. Kamin", "G.K. Butterfield"
            i += 1
            continue
        if tok.text in ',.;:!?()«»“”"—–' or tok.low in lex.relatives or tok.low in lex.complementizers:
            break
        if out and (find_cue_word(tok, lex) or tok.low in lex.clause_breakers):
            break
        if out and (tok.low in lex.days or tok.low in lex.months):
            break
        out.append(tok)
        i += 1
    while out and out[-1].low in lex.time_words and not out[-1].is_capitalized:
        out.pop()
    return out


def abbreviated(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """True when ``tokens[i]`` is the dot of a title or an initial: "M. Lavrov", "B. Obama"."""
    return tokens[i].text == "." and i > 0 and _abbreviation(tokens[i - 1], lex)


def _abbreviation(tok: Token, lex: Lexicon) -> bool:
    return (len(tok.text) == 1 and tok.is_capitalized) or tok.low in lex.titles or tok.low in lex.abbreviations


def _skip_statement(tokens: list[Token], i: int, lex: Lexicon) -> int:
    words = [t.low for t in tokens[i : i + 6]]
    for phrase in lex.statement_phrases:
        if tuple(words[: len(phrase)]) == phrase:
            return i + len(phrase)
    return i


def tail_is_free(tokens: list[Token], cue: Cue, lex: Lexicon) -> bool:
    """True when nothing but time phrases, 'in a statement' or an addressee follows the verb."""
    i = _skip_statement(tokens, cue.last, lex)
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
            i = _skip_statement(tokens, i, lex)
            if i < len(tokens) and tokens[i] is tok:
                return False
            continue
        i += 1
    return True


def dash_speaker(tokens: list[Token], text: str, lex: Lexicon) -> Mention | None:
    """A pull quote signed after a dash: "“…” — Commissioner Geoffrey Starks"."""
    if tokens and tokens[0].text in _DASHES:
        return mentions.parse(_until_comma(tokens, 1, lex), text, lex)
    return None


def possessor(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The name whose claim, statement or warning it is: "Trump’s claim", "Sen. Tim Kaine’s remark"."""
    owner = tokens[cue.first]
    j = cue.first
    while (
        j > 0
        and cue.first - j < 4
        and (
            mentions.is_name_word(tokens[j - 1], lex)
            or abbreviated(tokens, j - 1, lex)
            or tokens[j - 1].low in lex.titles
        )
    ):
        j -= 1
    stem_end = owner.end - 2  # without "’s"
    name = tokens[j : cue.first]
    mention = mentions.parse(name, text, lex) if name else None
    if mention is None or mention.kind != "name":
        return Mention("name", text[owner.start : stem_end], owner.start, stem_end)
    return Mention("name", text[mention.start : stem_end], mention.start, stem_end, mention.role, mention.gender, True)


def according_speaker(tokens: list[Token], cue: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The source after "selon" / "according to"; a weak one ("pour") needs a name or a role after it."""
    phrase = _until_comma(tokens, cue.last, lex)
    if len(phrase) == 1 and phrase[0].low in lex.object_pronouns:
        tok = phrase[0]
        return Mention("pronoun", tok.text, tok.start, tok.end, gender=lex.object_pronouns[tok.low])
    if cue.lemma in lex.weak_according:  # "Pour la principale association de défense du logiciel libre, l'April :"
        end = next((j for j in range(cue.last, min(len(tokens), cue.last + 16)) if tokens[j].text == ","), None)
        phrase = tokens[cue.last : end] if end is not None else phrase
    mention = mentions.parse(phrase, text, lex)
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
