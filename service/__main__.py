"""Command line: ``python -m service extract FILE`` and ``python -m service evaluate GOLD.jsonl``."""

from __future__ import annotations

import argparse
import json
import sys

from .engine import extract
from .evaluation import evaluate, read_jsonl, table
from .serialize import result_to_dict


def _predict(text: str, language: str) -> list[dict]:
    return result_to_dict(extract(text, language))["quotes"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("extract", help="print the quotes of an article as the API returns them")
    ex.add_argument("file", help="article text file, or - for standard input")
    ex.add_argument("--language", default="auto", choices=["auto", "en", "fr"])
    ex.add_argument("--no-indirect", action="store_true", help="only quotes between quotation marks")
    ev = commands.add_parser("evaluate", help="score the engine on a gold JSONL file (see seeds/gold.jsonl)")
    ev.add_argument("gold")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--show-errors", action="store_true", help="list misses, false alarms and wrong speakers")
    ev.add_argument("--predictions", metavar="FILE", help="also write the predictions as JSONL")
    args = parser.parse_args(argv)

    if args.command == "extract":
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as f:
                text = f.read()
        result = extract(text, args.language, indirect=not args.no_indirect)
        json.dump(result_to_dict(result), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0

    gold = read_jsonl(args.gold)
    predictions: dict[str, list[dict]] = {}

    def predict(text: str, language: str) -> list[dict]:
        quotes = _predict(text, language)
        predictions[str(len(predictions))] = quotes
        return quotes

    results, errors = evaluate(gold, predict)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as out:
            for doc, quotes in zip(gold, predictions.values(), strict=True):
                out.write(json.dumps({"id": doc["id"], "quotes": quotes}, ensure_ascii=False) + "\n")
    if args.show_errors:
        for error in errors:
            print(*error, sep=" | ", file=sys.stderr)
    print(json.dumps(results, indent=2) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
