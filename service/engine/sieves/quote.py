"""Quote -> mention: the sieves that read the phrase naming a quotation's speaker.

Each sieve reads a context and returns a new :class:`Attribution` (a mention, the cue, its
rule) or nothing; it never resolves the mention nor writes shared state. Cue sieves read one
cue of a window; the stages below walk the cues. ``pipeline.py`` holds their order.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..lang.lexicon import Lexicon
from ..reading import noun_phrase
from ..reading.clauses import sentence_subject
from ..reading.cues import Cue
from ..reading.noun_phrase import Mention
from ..reading.spans import until_comma
from ..reading.speaker_phrase import (
    according_source,
    dash_signature,
    possessor,
    speaker_opening,
    speaker_right_of,
    tail_is_free,
)
from ..text.document import CONTEXT
from ..text.tokens import Token
from .attribution import Attribution
from .context import QuoteContext, Window
from .registry import sieve

_LABEL = regex.compile(r"(\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]+){0,2}):\s")  # "PENCE: Well, …"


# -- the stages: which cues of which window the cue sieves see ----------------------------------


def first_cue_after(ctx: QuoteContext, sieves: Sequence) -> Attribution | None:
    """The first cue after the quote decides, unless it hangs on a clause or is a possessive."""
    w = ctx.after
    if not w.cues or w.cues[0].inherits or w.cues[0].kind == "possessive":
        return None
    for s in sieves:
        found = s(ctx, w, w.cues[0])
        if found is not None:
            return found
    return None


def nearest_cue_before(ctx: QuoteContext, w: Window, sieves: Sequence) -> Attribution | None:
    """The nearest cue before the quote that names a speaker decides; a vague description is
    kept only if no cue further left does better."""
    tentative: Attribution | None = None
    for c in reversed(w.cues):
        for s in sieves:
            found = s(ctx, w, c)
            if found is None:
                continue
            if not found.tentative:
                return found
            tentative = tentative or found
            break
    return tentative


def _lead(w: Window, c: Cue) -> bool:
    """Words (or numbers) stand between the quote and the cue after it."""
    return any(t.is_word or t.text[0].isdigit() for t in w.tokens[: c.first])


# -- the sieves ------------------------------------------------------------------------------


@sieve("label", 0.9)
def label(ctx: QuoteContext) -> Attribution | None:
    """A transcript label opens the quote: "PENCE: Well, …"."""
    q = ctx.q
    found = _LABEL.match(ctx.text, q.start, min(q.end, q.start + 60))
    if not found:
        return None
    return Attribution(Mention("name", found.group(1), found.start(1), found.end(1), person=True), None, label.rule)


@sieve("dash", 0.85)
def dash(ctx: QuoteContext) -> Attribution | None:
    """A pull quote signed after a dash: "“…” — Commissioner Geoffrey Starks"."""
    speaker = dash_signature(ctx.after.tokens, ctx.text, ctx.lex)
    return Attribution(speaker, None, dash.rule) if speaker else None


@sieve("according-to", 0.9)
def according_to(ctx: QuoteContext, w: Window, c: Cue) -> Attribution | None:
    """The source of "selon X" / "according to X" before the quote, or right after it."""
    if c.kind != "according" or (w is ctx.after and _lead(w, c)):
        return None
    speaker = according_source(w.tokens, c, ctx.text, ctx.lex)
    return Attribution(speaker, c, according_to.rule, w.tokens) if speaker else None


@sieve("cue-after", 0.95)
def cue_after(ctx: QuoteContext, w: Window, c: Cue) -> Attribution | None:
    """A reporting verb right after the quote: "”, said X", "», a déclaré X", "”, X said"."""
    if c.kind != "verb":
        return None
    text, lex, tokens = ctx.text, ctx.lex, w.tokens
    if not _lead(w, c):
        speaker = speaker_right_of(tokens, c, text, lex)
        return Attribution(speaker, c, cue_after.rule, tokens) if speaker else None
    if ctx.open_ended():
        speaker = speaker_opening(tokens, c, text, lex)
        if speaker is not None:
            return Attribution(speaker, c, cue_after.rule, tokens)
    if not tail_is_free(tokens, c, lex) or (c.first > 0 and tokens[c.first - 1].text == ","):
        return None
    speaker = w.subject_of(c)
    if speaker is None or any(t.text == "," for t in tokens[1 : c.first]):
        return None  # with commas between, the verb closes the sentence: sentence-cue
    return Attribution(speaker, c, cue_after.rule, tokens)


@sieve("possessive", 0.8)
def possessive(ctx: QuoteContext, w: Window, c: Cue) -> Attribution | None:
    """Whose claim it is: "Trump’s claim that “…”"."""
    if c.kind != "possessive":
        return None
    speaker = possessor(w.tokens, c, ctx.text, ctx.lex)
    return Attribution(speaker, c, possessive.rule, w.tokens) if speaker is not None else None


@sieve("participle", 0.8)
def participle(ctx: QuoteContext, w: Window, c: Cue) -> Attribution | None:
    """A clause that hangs on the one before: "…, ajoutant que «", "Et d'ajouter", "…, mais a ajouté"."""
    if c.kind != "verb":
        return None
    if c.inherits:
        return Attribution(None, c, participle.rule, w.tokens)
    if w.subject_of(c) is None and (c.first == 0 or w.tokens[c.first - 1].low in ctx.lex.clause_breakers):
        return Attribution(None, c, participle.rule, w.tokens)  # "…, mais a ajouté que": same subject
    return None


@sieve("cue-before", 0.9)
def cue_before(ctx: QuoteContext, w: Window, c: Cue) -> Attribution | None:
    """A reporting verb before the quote in its sentence: "X a déclaré : «", "X accused Moscow of “…”"."""
    if c.kind != "verb" or c.inherits:
        return None
    speaker = w.subject_of(c)
    if speaker is None and w.tokens[c.first].low in ctx.lex.clitic_hosts:
        speaker = speaker_right_of(w.tokens, c, ctx.text, ctx.lex)  # "comme le résume X, « … »"
    if speaker is None:
        return None
    found = Attribution(speaker, c, cue_before.rule, w.tokens)
    if speaker.kind == "description" and not speaker.role and speaker.person is None:
        found.tentative = True  # "la hausse du fonds a confirmé": look for a better subject
    elif speaker.kind == "pronoun":
        found.antecedent = _antecedent_subject(w, c)
    return found


def _antecedent_subject(w: Window, cue: Cue) -> Mention | None:
    """ "L'ONU a déclaré … qu'elle dénonce": a pronoun's nearest antecedent is an earlier subject."""
    for earlier in reversed(w.cues[: w.cues.index(cue)]):
        if earlier.kind == "verb" and not earlier.pronoun:
            mention = w.subject_of(earlier)
            if mention and mention.kind == "name":
                return mention
    return None


@sieve("sentence-cue", 0.8)
def sentence_cue(ctx: QuoteContext, w: Window, c: Cue) -> Attribution | None:
    """A cue closing the sentence: "On the “deadline”, …, Mayor Ruiz said."."""
    if c.kind != "verb" or not _lead(w, c) or not tail_is_free(w.tokens, c, ctx.lex):
        return None
    ends = c.last >= len(w.tokens) or w.tokens[c.last].text in ".!?"  # "…, the leader, X, said."
    if c.first > 0 and w.tokens[c.first - 1].text == "," and c.lemma not in ctx.lex.never_inverted and not ends:
        speaker = speaker_right_of(w.tokens, c, ctx.text, ctx.lex)
        return Attribution(speaker, c, sentence_cue.rule, w.tokens) if speaker else None
    speaker = w.subject_of(c)
    if speaker is None or not any(t.text == "," for t in w.tokens[1 : c.first]):
        return None
    return Attribution(speaker, c, sentence_cue.rule, w.tokens)


@sieve("cue-inside", 0.85)
def cue_inside(ctx: QuoteContext) -> Attribution | None:
    """A speech tag set inside the marks: "« Moi, dit-il, … »", "« On a perdu, constate Ana Ruiz
    après le match. On le savait. »": the tag ends at a comma or a full stop, perhaps after an
    adjunct."""
    q, lex = ctx.q, ctx.lex
    tokens = ctx.doc.tokens(q.start, min(q.end, q.start + CONTEXT))
    for c in ctx.reader.find(tokens):
        if c.kind != "verb" or c.first == 0:
            continue
        if tokens[c.first - 1].text != ",":
            continue  # "…, Ana Ruiz said. …" inside the marks is as often the quote's own report
        speaker = speaker_right_of(tokens, c, ctx.text, lex)
        after = c.last + (0 if c.pronoun else len(until_comma(tokens, c.last, lex)))
        if speaker is None:
            continue
        if after < len(tokens) and tokens[after].text == ",":
            return Attribution(speaker, c, cue_inside.rule, tokens)  # "« Moi, dit-il, … »"
        if _names_speaker(speaker) and _tag_closes(tokens, after, lex):
            return Attribution(speaker, c, cue_inside.rule, tokens)  # "…, explique-t-il. Nous … »"
    return None


def _names_speaker(mention: Mention) -> bool:
    """A tag closed by a full stop or an adjunct must name its speaker: a person's name, a role,
    "he"/"elle" ("…, I said. …" is the quote's own voice; "…, read a banner." is content)."""
    if mention.kind == "pronoun":
        return mention.gender in ("m", "f")
    return bool(mention.person) if mention.kind == "name" else bool(mention.role)


def _tag_closes(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """The tag ends at ``tokens[j]``: a comma or a full stop, or an adjunct, an addressee or a
    time phrase that runs to one ("…, confie Ana Ruiz au téléphone. Nous …")."""
    if j >= len(tokens):
        return False
    first = tokens[j]
    if first.text in ",.":
        return True
    if not (first.low in lex.prepositions or first.low in lex.time_words or first.low in lex.object_words):
        return False
    for tok in tokens[j : j + noun_phrase.MAX_PHRASE]:
        if tok.text in ",.":
            return True
        if tok.text in ';:!?«»“”"' or tok.low in lex.complementizers:
            return False
    return False


@sieve("colon", 0.75)
def colon(ctx: QuoteContext) -> Attribution | None:
    """The subject of a sentence that ends in a colon before the quote:
    "Une étude de l'institut tire le même bilan : « … »"."""
    pre = ctx.before.tokens
    if not pre or pre[-1].text != ":":
        return None
    subject = sentence_subject(ctx.reader, ctx.s_start, ctx.q.open_start)
    return Attribution(subject, None, colon.rule) if subject is not None else None


@sieve("colon-line", 0.85)
def colon_line(ctx: QuoteContext, before: Sequence) -> Attribution | None:
    """The line before a quote paragraph ends in a colon: "And from Chairwoman Rosenworcel:".
    Its cues are read with the ``before`` sieves; failing them, the name that ends the line."""
    doc, q = ctx.doc, ctx.q
    if any(t.is_word for t in ctx.before.tokens):
        return None
    i = doc.paragraph_index(q.open_start)
    if i == 0 or doc.paragraph(q.open_start)[0] != q.open_start:
        return None
    _, p_end = doc.paragraphs[i - 1]
    if doc.text[p_end - 1] != ":":
        return None
    s_start, _ = doc.sentence(p_end - 1)
    w = ctx.window(max(s_start, p_end - CONTEXT), p_end - 1)
    found = nearest_cue_before(ctx, w, before)
    if found and found.mention:
        found.rule = colon_line.rule
        return found
    tokens, k = w.tokens, len(w.tokens)
    while k > 0 and tokens[k - 1].text not in ",;" and tokens[k - 1].low not in ctx.lex.prepositions:
        k -= 1
    speaker = noun_phrase.parse(tokens[k:], doc.text, ctx.lex)
    return Attribution(speaker, None, colon_line.rule) if speaker and speaker.kind == "name" else None
