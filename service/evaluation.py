"""Score predictions against gold annotations, exactly as the reference ``score.py`` does.

Matching: a predicted quote matches a gold quote when their spans overlap by at least half
of the shorter one, greedily, largest overlap first. Optional gold quotes are neither misses
nor false alarms. Speakers match after case and accent folding, on the name, an alias, or
the last word of either.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path

MAIN = frozenset({"direct", "mixed"})
TRACKS = {"direct+mixed": MAIN, "indirect": frozenset({"indirect"})}


def fold(name: str | None) -> str:
    name = unicodedata.normalize("NFKD", name or "")
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.casefold().replace("’", "'").split())


def last_word(name: str | None) -> str:
    words = fold(name).replace("'", " ").split()
    return words[-1] if words else ""


def speaker_name(quote: dict) -> str | None:
    speaker = quote.get("speaker")
    if isinstance(speaker, dict):
        speaker = speaker.get("name") or speaker.get("text")
    return speaker


def same_speaker(predicted: str | None, gold: dict) -> bool:
    if not predicted:
        return False
    names = [gold["speaker"], *(gold.get("speaker_aliases") or [])]
    if fold(predicted) in {fold(n) for n in names}:
        return True
    return last_word(predicted) in {last_word(n) for n in names if len(last_word(n)) > 2}


def _shared(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def overlap(a: dict, b: dict) -> bool:
    shared = _shared(a, b)
    return shared > 0 and shared * 2 >= min(a["end"] - a["start"], b["end"] - b["start"])


def match(golds: list[dict], preds: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching, largest overlap first (ties as the reference breaks them)."""
    pairs = sorted(
        ((_shared(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if overlap(g, p)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((golds[gi], preds[pi]))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _role(pred: dict) -> str | None:
    speaker = pred.get("speaker")
    return speaker.get("role") if isinstance(speaker, dict) else pred.get("role")


def score(gold_docs: list[dict], pred_docs: dict[str, list[dict]], kinds: frozenset[str]):
    """Figures for one track, and the errors behind them as (doc, kind, text, gold, predicted)."""
    t = dict(tp=0, pred=0, gold=0, spk_ok=0, spk_n=0, e2e=0, role_ok=0, role_n=0)
    errors = []
    for doc in gold_docs:
        golds = [q for q in doc["quotes"] if q["type"] in kinds]
        preds = [
            q
            for q in pred_docs.get(doc["id"], [])
            if q.get("type", "direct") in kinds or (kinds == MAIN and not q.get("type"))
        ]
        pairs = match(golds, preds)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        t["gold"] += sum(1 for g in golds if not g.get("optional"))
        t["pred"] += sum(1 for p in preds if id(p) not in matched_p)
        for g, p in pairs:
            if g.get("optional"):
                continue
            t["pred"] += 1
            t["tp"] += 1
            if not g.get("speaker"):
                t["e2e"] += 1
            else:
                t["spk_n"] += 1
                ok = same_speaker(speaker_name(p), g)
                t["spk_ok"] += ok
                t["e2e"] += ok
                if not ok:
                    errors.append((doc["id"], "speaker", g["text"][:60], g["speaker"], speaker_name(p)))
            if g.get("role"):
                t["role_n"] += 1
                role = _role(p)
                t["role_ok"] += bool(role) and (fold(role) in fold(g["role"]) or fold(g["role"]) in fold(role))
        for g in golds:
            if id(g) not in matched_g and not g.get("optional"):
                errors.append((doc["id"], "missed", g["text"][:60], g.get("speaker"), None))
        for p in preds:
            if id(p) not in matched_p:
                errors.append(
                    (doc["id"], "false alarm", doc["text"][p["start"] : p["end"]][:60], None, speaker_name(p))
                )
    qp, qr, qf = prf(t["tp"], t["pred"], t["gold"])
    _, _, ef = prf(t["e2e"], t["pred"], t["gold"])
    return {
        "quotes_gold": t["gold"],
        "quotes_pred": t["pred"],
        "quotes_matched": t["tp"],
        "quote_precision": qp,
        "quote_recall": qr,
        "quote_f1": qf,
        "speaker_accuracy": round(t["spk_ok"] / t["spk_n"], 4) if t["spk_n"] else None,
        "role_accuracy": round(t["role_ok"] / t["role_n"], 4) if t["role_n"] else None,
        "end_to_end_f1": ef,
    }, errors


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(gold_docs: Iterable[dict], predict) -> tuple[dict, list]:
    """Run ``predict(text, lang) -> [quote dicts]`` on each gold article and score both tracks."""
    gold_docs = list(gold_docs)
    preds = {doc["id"]: predict(doc["text"], doc.get("lang", "auto")) for doc in gold_docs}
    results, errors = {}, []
    for name, kinds in TRACKS.items():
        results[name], errs = score(gold_docs, preds, kinds)
        errors.extend((name, *e) for e in errs)
    return results, errors


def table(results: dict) -> str:
    """The figures as a Markdown table."""

    def cell(value) -> str:
        return "–" if value is None else f"{value:.3f}"

    rows = [
        "| track | quote P | quote R | quote F1 | speaker acc | role acc | end-to-end F1 | gold / pred / matched |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        rows.append(
            f"| {name} | {cell(r['quote_precision'])} | {cell(r['quote_recall'])} | {cell(r['quote_f1'])} "
            f"| {cell(r['speaker_accuracy'])} | {cell(r['role_accuracy'])} | {cell(r['end_to_end_f1'])} "
            f"| {r['quotes_gold']} / {r['quotes_pred']} / {r['quotes_matched']} |"
        )
    return "\n".join(rows)
