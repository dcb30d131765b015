"""Command line: ``python -m service extract FILE`` and ``python -m service evaluate GOLD.jsonl``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from .engine import extract
from .engine.lang import AUTO, LANGUAGES
from .evaluation import evaluate, read_jsonl, table
from .serialize import result_to_dict


def _predict(text: str, language: str) -> list[dict]:
    return result_to_dict(extract(text, language))["quotes"]


def _documents(args) -> Iterator[tuple[str, str, str]]:
    """(id, text, language) of every document the command line names."""
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as f:
            for n, line in enumerate(f):
                if line.strip():
                    doc = json.loads(line)
                    yield str(doc.get("id", n)), doc["text"], doc.get("language", args.language)
        return
    for name in args.files:
        if name == "-":
            yield "-", sys.stdin.read(), args.language
        else:
            with open(name, encoding="utf-8") as f:
                yield name, f.read(), args.language


def _count(args) -> int | None:
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as f:
            return sum(1 for line in f if line.strip())
    return len(args.files)


def _progress(done: int, total: int | None) -> None:
    """A progress bar on a terminal; nothing when standard error is a file or a pipe."""
    if not sys.stderr.isatty():
        return
    if total:
        filled = int(30 * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
    else:
        sys.stderr.write(f"\r{done} documents")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _extract(args) -> int:
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        single = not args.jsonl and len(args.files) == 1
        total = _count(args)
        for done, (name, text, language) in enumerate(_documents(args), 1):
            body = result_to_dict(extract(text, language, indirect=not args.no_indirect))
            if single:
                json.dump(body, out, ensure_ascii=False, indent=2)
            else:
                json.dump({"id": name, "result": body}, out, ensure_ascii=False)
            out.write("\n")
            if not single:
                _progress(done, total)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser(
        "extract",
        help="print the quotes of an article as the API returns them; of many, one JSON line each",
    )
    ex.add_argument("files", nargs="*", default=["-"], help="article text files, or - for standard input")
    ex.add_argument("--jsonl", metavar="FILE", help='documents to read, one {"id", "text", "language"?} a line')
    ex.add_argument("--output", metavar="FILE", help="write there instead of standard output")
    ex.add_argument("--language", default=AUTO, choices=[AUTO, *LANGUAGES])
    ex.add_argument("--no-indirect", action="store_true", help="only quotes between quotation marks")
    ev = commands.add_parser("evaluate", help="score the engine on a gold JSONL file (see seeds/gold.jsonl)")
    ev.add_argument("gold")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--show-errors", action="store_true", help="list misses, false alarms and wrong speakers")
    ev.add_argument("--predictions", metavar="FILE", help="also write the predictions as JSONL")
    args = parser.parse_args(argv)

    if args.command == "extract":
        return _extract(args)

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
    try:
        sys.exit(main())
    except BrokenPipeError:  # "python -m service extract … | head": the reader has had enough
        sys.stderr.close()
        sys.exit(0)
