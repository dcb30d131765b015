"""A pass over the article: interview turns that carry no cue. Once one speaker has asked and
the other answered, a question standing alone as a paragraph is the asker's, and the paragraph
right after it the other's: "“What did you eat?” ¶ “Dates and nuts.”"."""

from __future__ import annotations

from ..text.document import Document
from ..text.marks import Marked
from .attribution import Attribution
from .passes import Article, standalone
from .registry import sieve

_TURN_END = "?"


def _asks(doc: Document, q: Marked) -> bool:
    return doc.text[q.start : q.end].rstrip(" ,.…»”\"'’").endswith(_TURN_END)


def _alone(doc: Document, q: Marked) -> bool:
    """The quote is its paragraph: no cue, no words around it."""
    p_start, p_end = doc.paragraph(q.open_start)
    return (
        p_start == q.open_start and standalone(doc, q) and not any(c.isalnum() for c in doc.text[q.close_end : p_end])
    )


def _turns(article: Article, i: int) -> tuple[int, int] | None:
    """The last quotes of the two paragraphs before quote ``i``'s, when both are attributed."""
    doc, marked = article.doc, article.marked
    here = doc.paragraph_index(marked[i].open_start)
    j = i - 1
    if j < 0 or doc.paragraph_index(marked[j].open_start) != here - 1:
        return None
    k = j
    while k >= 0 and doc.paragraph_index(marked[k].open_start) == here - 1:
        k -= 1
    if k < 0 or doc.paragraph_index(marked[k].open_start) != here - 2:
        return None
    return k, j


@sieve("dialogue-turn", 0.6)
def dialogue_turns(article: Article) -> None:
    """A stand-alone question goes to the speaker who asked before; the answer after it to the other."""
    doc, marked, attributions = article.doc, article.marked, article.attributions
    for i, a in enumerate(attributions):
        if a.entity is not None or not _alone(doc, marked[i]):
            continue
        turns = _turns(article, i)
        if turns is None:
            continue
        first, last = (attributions[t] for t in turns)
        if first.entity is None or last.entity is None or first.entity is last.entity:
            continue
        asked_last = _asks(doc, marked[turns[1]])
        asker, other = (last, first) if asked_last else (first, last)
        if not asked_last and not _asks(doc, marked[turns[0]]):
            continue
        source: Attribution | None = asker if _asks(doc, marked[i]) else (other if asked_last else None)
        if source is not None:
            a.adopt(source, dialogue_turns.rule, "continuation", keep_role=False)
