"""The ``quote-service`` command: ``extract`` articles, ``evaluate`` against gold, ``serve`` over HTTP.

``extract`` streams: documents are read one at a time, sent to worker processes in small
chunks with a bounded number of chunks in flight, and written back in input order, so memory
stays flat on a JSONL file of any size. A document that cannot be read or parsed gets an
error record in the output (the API batch's shape) and a one-line message on standard error;
the run goes on, and the exit status is 1 if any document failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import IO, NamedTuple

from .cpu import available_cpus
from .offsets import UNITS
from .records import Document, analyse_document, problem
from .version import __version__

PROG = "quote-service"
CHUNK_DOCUMENTS = 64  # documents sent to a worker at once
CHUNK_BYTES = 1 << 20  # ... unless they already make this many bytes
IN_FLIGHT_PER_JOB = 2  # chunks queued per worker: enough to keep it busy, few enough to bound memory


class Options(NamedTuple):
    language: str
    indirect: bool
    offsets: str


# ---- reading -------------------------------------------------------------------------------


def _jsonl_documents(name: str) -> Iterator[Document]:
    """One document per non-blank line of a JSONL file (``-``: standard input), parsed later."""
    label = "<stdin>" if name == "-" else name
    try:
        stream = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Document(label, None, problem=_unreadable(exc))
        return
    try:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield Document(label, number, raw=line)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _file_documents(names: list[str]) -> Iterator[Document]:
    """One document per text file (``-``: standard input), read whole."""
    for name in names:
        label = "<stdin>" if name == "-" else name
        try:
            raw = sys.stdin.buffer.read() if name == "-" else _read(name)
        except OSError as exc:
            yield Document(label, None, id=name, problem=_unreadable(exc))
            continue
        yield Document(label, None, id=name, raw=raw, whole=True)


def _read(name: str) -> bytes:
    with open(name, "rb") as f:
        return f.read()


def _unreadable(exc: OSError) -> dict:
    if isinstance(exc, FileNotFoundError):
        return problem(404, "Not Found", "No such file.")
    return problem(400, "Bad Request", f"Cannot read the file: {exc.strerror or exc}.")


def _count_lines(name: str) -> int | None:
    """Lines of a regular file, for the progress bar's total: a fast pass over its bytes."""
    if name == "-" or not os.path.isfile(name):
        return None
    count, last = 0, b"\n"
    with open(name, "rb") as f:
        while block := f.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


# ---- running -------------------------------------------------------------------------------


def _chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for document in documents:
        chunk.append(document)
        size += len(document.raw or b"")
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _quiet_worker() -> None:
    """Ctrl-C is the parent's to handle (it stops the pool): no traceback from every worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _line(document: Document, options: Options) -> tuple[str, str | None]:
    """A document's output line, serialised where it was analysed, and its error message if any."""
    record, message = analyse_document(document, *options)
    return json.dumps(record, ensure_ascii=False) + "\n", message


def _analyse_chunk(chunk: list[Document], options: Options) -> list[tuple[str, str | None]]:
    return [_line(document, options) for document in chunk]


def run(documents: Iterable[Document], options: Options, pool=None, jobs: int = 1) -> Iterator[tuple[str, str | None]]:
    """Every document's output line and message, in input order: here, or in ``pool``'s ``jobs`` processes."""
    if pool is None:
        for document in documents:
            yield _line(document, options)
        return
    in_flight = IN_FLIGHT_PER_JOB * jobs
    pending: deque = deque()
    for chunk in _chunks(documents):
        pending.append(pool.apply_async(_analyse_chunk, (chunk, options)))
        if len(pending) >= in_flight:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()


def _progress(total: int | None, enabled: bool):
    from tqdm import tqdm

    # at most two redraws a second; rate and ETA from a smoothed average
    return tqdm(total=total, unit="doc", file=sys.stderr, disable=not enabled, mininterval=0.5, dynamic_ncols=True)


def _extract(args: argparse.Namespace) -> int:
    options = Options(args.language, not args.no_indirect, args.offsets)
    single = not args.jsonl and len(args.files) == 1
    if args.jsonl:
        documents: Iterable[Document] = _jsonl_documents(args.jsonl)
        total = _count_lines(args.jsonl) if _show_progress(args) else None
    else:
        documents = _file_documents(args.files)
        total = len(args.files)
    if single:  # the API's JSON, indented
        record, message = analyse_document(next(iter(documents)), *options)
        if message:
            print(f"{PROG}: {message}", file=sys.stderr)
        with open(args.output, "w", encoding="utf-8") if args.output else contextlib.nullcontext(sys.stdout) as out:
            out.write(json.dumps(record.get("result", record.get("error")), ensure_ascii=False, indent=2) + "\n")
        return 1 if message else 0
    jobs = args.jobs
    piped = args.jsonl == "-"
    failed = 0
    with contextlib.ExitStack() as stack:
        # the workers start before the progress bar's monitor thread: no fork with threads running
        pool = stack.enter_context(multiprocessing.Pool(jobs, _quiet_worker)) if jobs > 1 else None
        out: IO[str] = stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
        bar = stack.enter_context(_progress(total, _show_progress(args)))
        for line, message in run(documents, options, pool, jobs):
            if message:
                failed += 1
                bar.write(f"{PROG}: {message}", file=sys.stderr)
            out.write(line)
            if piped:  # whoever reads the output gets each record as soon as it is ready
                out.flush()
            bar.update()
        if bar.total is not None and bar.n != bar.total:  # blank lines were counted
            bar.total = bar.n
            bar.refresh()
    return 1 if failed else 0


def _show_progress(args: argparse.Namespace) -> bool:
    return args.progress if args.progress is not None else sys.stderr.isatty()


# ---- evaluate and serve --------------------------------------------------------------------


def predict_quotes(text: str, language: str) -> list[dict]:
    """The quotes of one article as the API returns them: what ``evaluate`` scores."""
    from .engine import extract
    from .serialize import result_to_dict

    return result_to_dict(extract(text, language))["quotes"]


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import evaluate, read_jsonl, table

    gold = read_jsonl(args.gold)
    predictions: list[list[dict]] = []

    def predict(text: str, language: str) -> list[dict]:
        quotes = predict_quotes(text, language)
        predictions.append(quotes)
        return quotes

    results, errors = evaluate(gold, predict)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as out:
            for doc, quotes in zip(gold, predictions, strict=True):
                out.write(json.dumps({"id": doc["id"], "quotes": quotes}, ensure_ascii=False) + "\n")
    if args.show_errors:
        for error in errors:
            print(*error, sep=" | ", file=sys.stderr)
    print(json.dumps(results, indent=2) if args.json else table(results))
    return 0


def gunicorn_config() -> str:
    """The gunicorn settings file shipped in the package (the repository's gunicorn.conf.py)."""
    return str(resources.files("service") / "gunicorn.conf.py")


def _serve(args: argparse.Namespace) -> int:
    """Replace this process with gunicorn, so that signals reach the server directly."""
    if args.bind:
        os.environ["QUOTES_BIND"] = args.bind
    if args.workers:
        os.environ["QUOTES_WORKERS"] = str(args.workers)
    argv = [sys.executable, "-m", "gunicorn", "-c", gunicorn_config(), "service.wsgi:app"]
    sys.stdout.flush()
    os.execv(sys.executable, argv)
    return 0  # not reached


# ---- arguments -----------------------------------------------------------------------------


def _jobs(value: str) -> int:
    jobs = int(value)
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def parser() -> argparse.ArgumentParser:
    from .engine import LANGUAGES

    top = argparse.ArgumentParser(prog=PROG, description="Quotations, speakers and roles in English and French news.")
    top.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = top.add_subparsers(dest="command", required=True)

    ex = commands.add_parser(
        "extract",
        help="print the quotes of an article as the API returns them; of many, one JSON line each",
        description="One file: the API's JSON. Several files or --jsonl: one {id, result} or {id, error} line each.",
    )
    ex.add_argument("files", nargs="*", default=["-"], help="article text files, or - for standard input")
    ex.add_argument("--jsonl", metavar="FILE", help='documents, one {"id", "text", "language"?} a line (- for stdin)')
    ex.add_argument("--output", metavar="FILE", help="write there instead of standard output")
    ex.add_argument("--language", default="auto", choices=["auto", *LANGUAGES])
    ex.add_argument("--no-indirect", action="store_true", help="only quotes between quotation marks")
    ex.add_argument("--offsets", default="codepoint", choices=UNITS, help="unit of every start and end")
    cores = available_cpus()
    ex.add_argument(
        "--jobs", type=_jobs, default=cores, metavar="N", help=f"worker processes (default {cores}: every core)"
    )
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on standard error (default: when it is a terminal)",
    )

    ev = commands.add_parser("evaluate", help="score the engine on a gold JSONL file (see seeds/gold.jsonl)")
    ev.add_argument("gold")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--show-errors", action="store_true", help="list misses, false alarms and wrong speakers")
    ev.add_argument("--predictions", metavar="FILE", help="also write the predictions as JSONL")

    sv = commands.add_parser("serve", help="serve the HTTP API with gunicorn (settings: QUOTES_* variables)")
    sv.add_argument("--bind", metavar="HOST:PORT", help="address to listen on (default: QUOTES_BIND or 127.0.0.1:8000)")
    sv.add_argument("--workers", type=_jobs, metavar="N", help="gunicorn workers (default: QUOTES_WORKERS)")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    command = {"extract": _extract, "evaluate": _evaluate, "serve": _serve}[args.command]
    try:
        return command(args)
    except BrokenPipeError:  # "quote-service extract … | head": the reader has had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
