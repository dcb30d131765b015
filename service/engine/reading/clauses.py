"""The subject of a clause or a sentence that has no reporting cue of its own near the quote:
"During the speech, Trump attacked …", "Le Figaro annonce …, en évoquant « … »"."""

from __future__ import annotations

from ..lang.lexicon import Lexicon
from ..text.document import CONTEXT
from ..text.tokens import Token
from . import noun_phrase
from .cues import Cue, CueIndex, find_cue_word
from .noun_phrase import Mention, is_name_word
from .speaker_phrase import speaker_left_of


def sentence_subject(cues: CueIndex, s_start: int, pos: int) -> Mention | None:
    """The subject of the sentence's first verb: "Le Figaro annonce …, en évoquant « … »"."""
    lex = cues.doc.lex
    tokens = cues.doc.tokens(s_start, min(pos, s_start + CONTEXT))
    leading = clause_opening_subject(cues, tokens)
    if leading is not None:
        return leading
    for i, tok in enumerate(tokens):
        if (i and tok.text in '«“"„') or tok.low in lex.complementizers:
            return None  # a stray mark may open the line; a quote further on ends the subject
        if i and (tok.low in lex.auxiliaries or find_cue_word(tok, lex)):
            verb = Cue(i, i + 1, tok.low, "verb")
            mention = speaker_left_of(tokens, verb, cues.doc.text, lex)
            return mention if mention is not None and specific(mention) else None
    return None


def clause_opening_subject(cues: CueIndex, tokens: list[Token]) -> Mention | None:
    """A clause that opens with a name or a role and goes on with its verb: "During the
    speech, Trump attacked …"; "The Green candidate also proposed …"."""
    lex = cues.doc.lex
    commas = [i + 1 for i, t in enumerate(tokens[:40]) if t.text == ","][:2]
    for start in (0, *commas):
        i = start
        while (
            i < len(tokens)
            and i - start < 3
            and tokens[i].low not in lex.determiners
            and (tokens[i].low in lex.skippable or not tokens[i].is_word)
        ):
            i += 1
        j = _subject_phrase_end(tokens, i, lex)
        if lex.grammar.adjectives_follow_noun:
            # French adjectives and complements follow the noun: read on to a known verb
            k = j
            while k < len(tokens) and k - i < 10 and tokens[k].is_word and not _verb_like(tokens[k], lex):
                k += 1
            if k < len(tokens) and _verb_like(tokens[k], lex):
                j = k
        if i < j < len(tokens) and _opens_predicate(tokens[j], lex):
            mention = noun_phrase.parse(tokens[i:j], cues.doc.text, lex)
            if mention is not None and (mention.kind == "name" or mention.role or mention.person is False):
                return mention
    return None


def _subject_phrase_end(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """End of a noun phrase of names, titles and role nouns, with their modifiers."""
    j = i
    if j + 1 < len(tokens) and tokens[j].low in lex.determiners and tokens[j + 1].is_word:
        j += 2  # a determiner and its noun: "Le fisc", "The campaign"
    while j < len(tokens) and j - i < 8:
        tok = tokens[j]
        named = is_name_word(tok, lex) or tok.low in lex.titles or tok.text == "." or tok.low in lex.role_nouns
        modifier = (
            tok.is_word
            and tok.low not in lex.function_words
            and any(t.low in lex.role_nouns for t in tokens[j + 1 : j + 3])
        )  # "Republican presidential nominee"
        if not (named or modifier):
            break
        j += 1
    return j


def _verb_like(tok: Token, lex: Lexicon) -> bool:
    return tok.low in lex.auxiliaries or find_cue_word(tok, lex)


def _opens_predicate(tok: Token, lex: Lexicon) -> bool:
    """A lower-case word that can start a verb phrase: "attacked", "also", "hardly"."""
    return (
        tok.is_word
        and not tok.is_capitalized
        and tok.low not in lex.prepositions
        and (tok.low in lex.skippable or tok.low not in lex.function_words)
    )


def specific(m: Mention) -> bool:
    """A name, a pronoun, a role or an organisation: "beaucoup" or "l'action" report nothing."""
    return m.kind != "description" or bool(m.role) or m.person is False
