"""Decide who said each quotation, and resolve the phrase that names them to a speaker.

For each quotation the engine reads its sentence on both sides, nearest evidence first:
1. a transcript label opening the quote ("PENCE: …");
2. a cue right after it: "”, said X" / "», a déclaré X" / "”, X said" / "» — X";
3. a cue before it in its sentence: "X a déclaré : «", "X accused Moscow of “…”", "selon X, «",
   "X’s claim that “…”", or a participle hanging on the clause before ("…, ajoutant que «");
4. a cue closing the sentence: "In case of “emergency”, …, Sergei Lavrov said.";
5. a speech tag inside the marks ("« Moi, dit-il, … »");
6. the subject of a sentence ending in a colon, or a line ending in a colon before the quote.
``extract`` then tries, for quotes still without a speaker: the quote before in the same
sentence, a repeated attributed quote (headlines), the speaker the sentence before introduces,
the previous speaker (continuation), and, weakest, the named subject of the fragment's sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

import regex

from . import cues as cue_rules
from .cues import Cue
from .document import CONTEXT, Document
from .entities import Entity, EntityIndex
from .lexicon import Lexicon
from .marks import Marked
from .mentions import Mention, is_name_word
from .names import scan_names
from .text import Token

_LABEL = regex.compile(r"(\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]+){0,2}):\s")  # "PENCE: Well, …"
_FEW_PEOPLE = 64  # the single-person fallback reads this many entities at most
_QUOTES_BACK = 64  # attributed quotes read back from a position, for a pronoun or a hanging clause
_start = itemgetter(0)
# how much each kind of evidence is worth; the resolution of the phrase scales it down
_RULE_CONFIDENCE = {
    "cue-after": 0.95,
    "cue-before": 0.9,
    "according-to": 0.9,
    "label": 0.9,
    "cue-inside": 0.85,
    "dash": 0.85,
    "colon-line": 0.85,
    "sentence-cue": 0.8,
    "participle": 0.8,
    "possessive": 0.8,
    "colon": 0.75,
    "same-sentence": 0.75,
    "repeat": 0.7,
    "previous-sentence": 0.65,
    "continuation": 0.6,
    "sentence-subject": 0.4,
}
_RESOLUTION_FACTOR = {"name": 1.0, "description": 0.85, "pronoun": 0.8, "continuation": 1.0, "repeat": 1.0}


@dataclass(slots=True)
class Attribution:
    mention: Mention | None
    cue: Cue | None
    rule: str
    cue_tokens: list[Token] | None = None
    entity: Entity | None = None
    resolution: str = "name"
    role: str | None = None
    antecedent: Mention | None = None  # for a pronoun subject: the subject of an earlier verb in its sentence

    def adopt(
        self, source: Attribution, rule: str | None = None, resolution: str | None = None, keep_role: bool = True
    ) -> None:
        """Take the speaker ``source`` found: its entity, mention and (unless told) role."""
        self.entity, self.mention = source.entity, source.mention
        self.role = source.role if keep_role else None
        self.rule = rule or self.rule
        self.resolution = resolution or source.resolution
        source.entity.quotes += 1

    @property
    def confidence(self) -> float:
        if self.entity is None:
            return 0.0
        return round(_RULE_CONFIDENCE.get(self.rule, 0.5) * _RESOLUTION_FACTOR.get(self.resolution, 0.8), 2)


class Attributor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lex: Lexicon = doc.lex
        self.index = EntityIndex()
        self.attributed: list[tuple[int, int, Attribution]] = []  # (start, end, attribution), text order
        scan_names(doc, self.index)

    # -- one quotation ------------------------------------------------------------------------

    def attribute(self, q: Marked, previous: Marked | None, following: Marked | None) -> Attribution:
        doc = self.doc
        s_start, s_end = doc.sentence(q.open_start)
        pre_start = max(
            s_start,
            previous.close_end if previous and previous.close_end <= q.open_start else 0,
            q.open_start - CONTEXT,
        )
        post_end = min(
            s_end if s_end > q.close_end else doc.paragraph(q.close_end)[1],
            following.open_start if following else len(doc.text),
            q.close_end + CONTEXT,
        )
        label = _LABEL.match(doc.text, q.start, min(q.end, q.start + 60))
        if label:  # a transcript line: the speaker's name opens the quote
            return Attribution(
                Mention("name", label.group(1), label.start(1), label.end(1), person=True), None, "label"
            )
        post = doc.tokens(q.close_end, post_end)
        pre = doc.tokens(pre_start, q.open_start)
        open_ended = doc.text[q.end - 1] in ",?!—–-…" or (bool(post) and post[0].text == ",")
        after = self._after(post, open_ended)
        if after and after.rule != "sentence-cue":
            return after
        before = self._before(pre)
        if before:
            return before
        if after:
            return after
        inside = self._inside(q)
        if inside:
            return inside
        if pre and pre[-1].text == ":":
            # "Un rapport de la Ligue arabe apporte la même conclusion : « … »"
            subject = self.sentence_subject(s_start, q.open_start)
            if subject is not None:
                return Attribution(subject, None, "colon")
        if not any(t.is_word for t in pre):
            line = self._colon_line(q)
            if line:
                return line
        return Attribution(None, None, "none")

    def _after(self, post: list[Token], open_ended: bool) -> Attribution | None:
        """A cue after the quote. ``open_ended``: the quote ends in , ? ! or a comma follows it,
        so what comes next is its attribution ("”, Scott Pruitt, the attorney general, said")."""
        lex, text = self.lex, self.doc.text
        dash = cue_rules.dash_speaker(post, text, lex)
        if dash:
            return Attribution(dash, None, "dash")
        found = self.doc.find_cues(post)
        if not found:
            return None
        c = found[0]
        if c.inherits or c.kind == "possessive":
            return None
        lead = [t for t in post[: c.first] if t.is_word or t.text[0].isdigit()]
        if not lead:
            if c.kind == "according":
                speaker = cue_rules.according_speaker(post, c, text, lex)
                return Attribution(speaker, c, "according-to", post) if speaker else None
            speaker = cue_rules.inverted_subject(post, c, text, lex)
            return Attribution(speaker, c, "cue-after", post) if speaker else None
        if c.kind == "according":
            return None
        if open_ended:
            speaker = cue_rules.leading_subject(post, c, text, lex)
            if speaker is not None:
                return Attribution(speaker, c, "cue-after", post)
        if not cue_rules.tail_is_free(post, c, lex):
            return None
        if c.first > 0 and post[c.first - 1].text == ",":
            speaker = cue_rules.inverted_subject(post, c, text, lex)
            return Attribution(speaker, c, "sentence-cue", post) if speaker else None
        speaker = cue_rules.subject(post, c, text, lex)
        if speaker is None:
            return None
        commas = any(t.text == "," for t in post[1 : c.first])
        return Attribution(speaker, c, "sentence-cue" if commas else "cue-after", post)

    def _before(self, pre: list[Token]) -> Attribution | None:
        lex, text = self.lex, self.doc.text
        found = self.doc.find_cues(pre)
        weak: Attribution | None = None
        for c in reversed(found):
            if c.kind == "possessive":
                speaker = cue_rules.possessor(pre, c, text, lex)
                if speaker is not None:
                    return Attribution(speaker, c, "possessive", pre)
                continue
            if c.kind == "according":
                speaker = cue_rules.according_speaker(pre, c, text, lex)
                if speaker:
                    return Attribution(speaker, c, "according-to", pre)
                continue
            if c.inherits:
                return Attribution(None, c, "participle", pre)
            speaker = cue_rules.subject(pre, c, text, lex)
            if speaker is None:
                if c.first == 0 or pre[c.first - 1].low in lex.clause_breakers:
                    return Attribution(None, c, "participle", pre)  # "…, mais a ajouté que": same subject
                continue
            attribution = Attribution(speaker, c, "cue-before", pre)
            if speaker.kind == "description" and not speaker.role and speaker.person is None:
                weak = weak or attribution  # "l'action de l'alliance a confirmé": look for a better subject
                continue
            if speaker.kind == "pronoun":
                attribution.antecedent = self._earlier_subject(pre, found, c)
            return attribution
        return weak

    def _inside(self, q: Marked) -> Attribution | None:
        """A speech tag set inside the marks: "« Moi, dit-il, j'ai l'impression … »"."""
        lex, text = self.lex, self.doc.text
        tokens = self.doc.tokens(q.start, min(q.end, q.start + CONTEXT))
        for c in self.doc.find_cues(tokens):
            if c.kind != "verb" or c.first == 0 or tokens[c.first - 1].text != ",":
                continue
            speaker = cue_rules.inverted_subject(tokens, c, text, lex)
            after = c.last + (0 if c.pronoun else len(cue_rules._until_comma(tokens, c.last, lex)))
            if speaker is not None and after < len(tokens) and tokens[after].text == ",":
                return Attribution(speaker, c, "cue-inside", tokens)
        return None

    def _earlier_subject(self, tokens: list[Token], found: list[Cue], cue: Cue) -> Mention | None:
        """ "L'Otan a annoncé … qu'elle accuse": a pronoun's nearest antecedent is an earlier subject."""
        for earlier in reversed(found[: found.index(cue)]):
            if earlier.kind == "verb" and not earlier.pronoun:
                mention = cue_rules.subject(tokens, earlier, self.doc.text, self.lex)
                if mention and mention.kind == "name":
                    return mention
        return None

    def _colon_line(self, q: Marked) -> Attribution | None:
        """ "And from Chairwoman Rosenworcel:" on the line before a quote paragraph."""
        doc = self.doc
        i = doc.paragraph_index(q.open_start)
        if i == 0 or doc.paragraph(q.open_start)[0] != q.open_start:
            return None
        _, p_end = doc.paragraphs[i - 1]
        if doc.text[p_end - 1] != ":":
            return None
        s_start, _ = doc.sentence(p_end - 1)
        tokens = doc.tokens(max(s_start, p_end - CONTEXT), p_end - 1)
        before = self._before(tokens)
        if before and before.mention:
            before.rule = "colon-line"
            return before
        k = len(tokens)
        while k > 0 and tokens[k - 1].text not in ",;" and tokens[k - 1].low not in self.lex.prepositions:
            k -= 1
        speaker = cue_rules.mentions.parse(tokens[k:], doc.text, self.lex)
        return Attribution(speaker, None, "colon-line") if speaker and speaker.kind == "name" else None

    # -- from a mention to an entity ------------------------------------------------------------

    def resolve(self, a: Attribution) -> None:
        """Tie the phrase ``a`` names its speaker with to an entity, and count the quote."""
        m = a.mention
        if m is None:
            return
        a.entity, a.resolution = self.entity_for(m, a.antecedent)
        a.role = m.role or (a.entity.roles[0] if a.entity and a.entity.roles else None)
        if a.entity:
            a.entity.quotes += 1

    def entity_for(self, m: Mention, antecedent: Mention | None = None) -> tuple[Entity | None, str]:
        """The entity a mention designates, and how it was found (name, pronoun, description)."""
        if m.kind == "name":
            return self._named_entity(m), "name"
        if m.kind == "pronoun":
            entity = self.entity_for(antecedent)[0] if antecedent is not None else self._pronoun_antecedent(m)
            if entity:
                self.index.mention(entity, m.start, m.end)
            return entity, "pronoun"
        return self._described_entity(m), "description"

    def _described_entity(self, m: Mention) -> Entity:
        index = self.index
        entity = index.by_description(m.head, m.age, m.person, m.start)
        if entity is None and m.person:
            # "le ministre … a déclaré" in an article that has named one person only
            # (a person: someone quoted, or given a title; "New York" looks like a name too)
            people = [
                e
                for e in (index.entities if len(index.entities) <= _FEW_PEOPLE else ())
                if e.kind == "person" and (e.quotes or e.gender) and 0 <= e.first < m.start
            ]
            if (
                len(people) == 1
                and not people[0].roles
                and (not m.gender or not people[0].gender or people[0].gender == m.gender)
            ):
                entity = people[0]
        if entity is None and m.person is False:
            fuller = self._earlier_description(m)
            if fuller is not None:  # "Le ministère belge de la Santé a publié … a noté le ministère"
                entity = index.organization(fuller.text, fuller.start, fuller.end)
        if entity is None:
            entity = index.organization(m.text, m.start, m.end)
            if m.person is not False:
                entity.kind = "person"
        else:
            index.mention(entity, m.start, m.end)
            entity.add_role(m.role)
        return entity

    def _named_entity(self, m: Mention) -> Entity:
        """The entity a name designates: a person (by surname) or an organisation."""
        index = self.index
        person = m.person
        if person is None:
            person = index.known_person(m.text) or " " in m.text
        entity = (
            index.person(m.text, m.start, m.end, m.gender, m.role)
            if person
            else index.organization(m.text, m.start, m.end)
        )
        entity.add_role(m.role)
        if m.age:
            entity.ages.add(m.age)
        return entity

    def _earlier_description(self, m: Mention) -> Mention | None:
        """A fuller description with the same head noun as the subject of a recent sentence."""
        doc = self.doc
        start = doc.sentence(m.start)[0]
        floor = doc.paragraphs[max(0, doc.paragraph_index(m.start) - 2)][0]
        for _ in range(6):
            if start <= floor:
                return None
            start, end = doc.sentence(start - 1)[0], start
            subject = self.sentence_subject(start, end)
            if subject is not None and subject.head == m.head and len(subject.text) > len(m.text):
                return subject
        return None

    def _recent_subject(self, m: Mention) -> Entity | None:
        """The named subject of the nearest reporting verb before a pronoun, in its sentence or
        the three before: in "Sen. Perdue said he doubted it. “…,” he said", he is Perdue."""
        doc, lex = self.doc, self.lex
        start, end = doc.sentence(m.start)[0], m.start
        floor = doc.paragraphs[max(0, doc.paragraph_index(m.start) - 1)][0]
        for back in range(4):
            tokens = doc.outside_quotes(doc.tokens(max(start, end - CONTEXT), end))
            subjects = [
                # "…, explique Joechen Zaumseil": after a comma the subject follows the verb
                cue_rules.inverted_subject(tokens, c, doc.text, lex)
                if c.first == 0 or tokens[c.first - 1].text == ","
                else cue_rules.subject(tokens, c, doc.text, lex)
                for c in doc.find_cues(tokens)
                if c.kind == "verb" and not c.pronoun and not c.inherits
            ]
            for subject in subjects:
                if subject is not None and subject.kind == "name":
                    entity = self._named_entity(subject)
                    if self._agrees(m.gender, entity) and (entity.kind == "person" or lex.language == "fr"):
                        return entity
                if subject is not None and subject.kind == "description" and _specific(subject):
                    # "ajoute le documentaire qui précise que …, selon lui, …"
                    entity = self._described_entity(subject)
                    if self._agrees(m.gender, entity):
                        return entity
            if back or (end - start > 2 and not doc.has_quote(start, end)):  # its subject is salient too
                subject = self.sentence_subject(start, end)
                if subject is not None and subject.kind == "name":
                    entity = self._named_entity(subject)
                    if entity.kind == "person" and self._agrees(m.gender, entity):
                        return entity
            if start <= floor:
                return None
            start, end = doc.sentence(start - 1)[0], start
        return None

    def _pronoun_antecedent(self, m: Mention) -> Entity | None:
        """The subject of a recent reporting verb, else the latest compatible person mentioned,
        or a speaker quoted after it (a ministry is "il" too)."""
        recent = self._recent_subject(m)
        if recent is not None:
            return recent
        s_start, _ = self.doc.sentence(m.start)
        text, i = self.doc.text, m.start
        while i > s_start and text[i - 1].isspace():
            i -= 1  # read back from the pronoun, never the whole sentence
        fronted = i > s_start and text[i - 1] == ","
        # "Surpris par la politique du président X, il déclara": il is not X
        person = self.index.by_pronoun(m.gender, s_start if fronted else m.start)
        person_at = person.latest_before(m.start) if person else -1
        p_start = self.doc.paragraphs[max(0, self.doc.paragraph_index(m.start) - 1)][0]
        for start, _, other in self._attributed_before(m.start + CONTEXT):
            at = other.mention.start if other.mention else start
            if start < p_start or at < person_at:
                break
            entity = other.entity
            if entity is not None and at < m.start and self._agrees(m.gender, entity):
                return entity
        return person

    @staticmethod
    def _agrees(gender: str, entity: Entity) -> bool:
        if entity.kind == "organization":
            return gender != "x"
        return gender in ("", "x") or not entity.gender or entity.gender == gender

    def sentence_speaker(self, a: Attribution, q: Marked) -> None:
        """A fragment in a sentence with no reporting verb, whose subject is a named person:
        "Trump openly admires Putin as a “strong leader”". Weak evidence, low confidence."""
        s_start, _ = self.doc.sentence(q.open_start)
        subject = self.sentence_subject(s_start, q.open_start)
        if subject is None or subject.kind != "name":
            return
        entity = self._named_entity(subject)
        if entity.kind == "person":
            a.mention, a.entity, a.rule, a.resolution = subject, entity, "sentence-subject", "name"
            a.role = subject.role or (entity.roles[0] if entity.roles else None)
            entity.quotes += 1

    def previous_sentence(self, q: Marked) -> Attribution | None:
        """A stand-alone quote after a sentence that names who speaks but quotes nothing:
        "Khalid Mahmood, a Labour MP, said he was worried. “…”"."""
        doc, lex = self.doc, self.lex
        s_start, _ = doc.sentence(q.open_start)
        if s_start == 0:
            return None
        p_start, p_end = doc.sentence(s_start - 1)
        if doc.paragraph_index(p_start) < doc.paragraph_index(q.open_start) - 1 or doc.has_quote(p_start, p_end):
            return None
        tokens = doc.tokens(max(p_start, p_end - CONTEXT), p_end)
        for c in self.doc.find_cues(tokens):
            if c.kind == "verb" and not c.inherits:
                speaker = cue_rules.subject(tokens, c, doc.text, lex)
                if speaker is not None and _specific(speaker):
                    return Attribution(speaker, c, "previous-sentence", tokens)
        return None

    def _attributed_before(self, pos: int) -> Iterator[tuple[int, int, Attribution]]:
        """The attributed quotes that start before ``pos``, nearest first, a bounded number of them."""
        i = bisect.bisect_left(self.attributed, pos, key=_start)
        for k in range(i - 1, max(-1, i - 1 - _QUOTES_BACK), -1):
            yield self.attributed[k]

    def inherit(self, a: Attribution, pos: int) -> None:
        """Give ``a`` the speaker its clause hangs on: "…, ajoutant que", "Et d'ajouter", "…, adding".

        In order: the quote before it in its sentence, the subject of its sentence, the quote
        before it in its paragraph, the person its paragraph last named.
        """
        s_start, _ = self.doc.sentence(pos)
        p_start, _ = self.doc.paragraph(pos)
        earlier, earlier_start = None, -1
        for start, end, other in self._attributed_before(pos):
            if start < p_start:
                break
            if end <= pos and other.entity is not None:
                earlier, earlier_start = other, start
                break
        if earlier is not None and earlier_start >= s_start:
            a.adopt(earlier)
            return
        subject = self.sentence_subject(s_start, pos)
        if subject is not None:
            a.mention = subject
            self.resolve(a)
            if a.entity is not None:
                return
        if earlier is not None:
            a.adopt(earlier)
            return
        person = self.index.latest(pos, lambda e: e.kind == "person" and e.latest_before(pos) >= p_start)
        if person is not None:
            a.entity, a.resolution, a.mention = person, "name", None
            person.quotes += 1

    def _leading_subject(self, tokens: list[Token]) -> Mention | None:
        """A clause that opens with a name or a role and goes on with its verb: "During the
        speech, Trump attacked …"; "The Republican nominee also outlined …"."""
        lex = self.lex
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
            if lex.language == "fr":
                # French adjectives and complements follow the noun: read on to a known verb
                k = j
                while k < len(tokens) and k - i < 10 and tokens[k].is_word and not _verb_like(tokens[k], lex):
                    k += 1
                if k < len(tokens) and _verb_like(tokens[k], lex):
                    j = k
            if i < j < len(tokens) and _opens_predicate(tokens[j], lex):
                mention = cue_rules.mentions.parse(tokens[i:j], self.doc.text, lex)
                if mention is not None and (mention.kind == "name" or mention.role or mention.person is False):
                    return mention
        return None

    def sentence_subject(self, s_start: int, pos: int) -> Mention | None:
        """The subject of the sentence's first verb: "Le Figaro annonce …, en évoquant « … »"."""
        lex = self.lex
        tokens = self.doc.tokens(s_start, min(pos, s_start + CONTEXT))
        leading = self._leading_subject(tokens)
        if leading is not None:
            return leading
        for i, tok in enumerate(tokens):
            if (i and tok.text in '«“"„') or tok.low in lex.complementizers:
                return None  # a stray mark may open the line; a quote further on ends the subject
            if i and (tok.low in lex.auxiliaries or cue_rules.find_cue_word(tok, lex)):
                verb = Cue(i, i + 1, tok.low, "verb")
                mention = cue_rules.subject(tokens, verb, self.doc.text, lex)
                return mention if mention is not None and _specific(mention) else None
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
    return tok.low in lex.auxiliaries or cue_rules.find_cue_word(tok, lex)


def _opens_predicate(tok: Token, lex: Lexicon) -> bool:
    """A lower-case word that can start a verb phrase: "attacked", "also", "hardly"."""
    return (
        tok.is_word
        and not tok.is_capitalized
        and tok.low not in lex.prepositions
        and (tok.low in lex.skippable or tok.low not in lex.function_words)
    )


def _specific(m: Mention) -> bool:
    """A name, a pronoun, a role or an organisation: "beaucoup" or "l'action" report nothing."""
    return m.kind != "description" or bool(m.role) or m.person is False
