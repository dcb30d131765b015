"""``quote-service extract`` over a corpus: errors per document, standard input, offsets, worker processes."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from service.records import Document, analyse_document

FRENCH = "« Oui », a dit Marie Curie."


def quote_service(*args, input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command as a user runs it: a process of its own, so its worker processes are real."""
    return subprocess.run(
        [sys.executable, "-m", "service", *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )


def corpus(count: int) -> list[dict]:
    """``count`` documents made of the seed articles, each under its own id."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [{"id": f"doc-{n}", "text": texts[n % len(texts)]} for n in range(count)]


def jsonl(documents: list[dict]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)


def test_bad_documents_get_an_error_record_and_a_one_line_message_and_the_run_goes_on(tmp_path):
    source = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "good", "text": FRENCH}),
        '{"id": "broken", "text": ',  # cut JSON
        json.dumps({"id": "untitled"}),  # no "text"
        json.dumps({"id": "number", "text": 42}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "last", "text": FRENCH}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = quote_service("extract", "--jsonl", source, "--jobs", "2")
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == ["good", "2", "untitled", "number", "5", "last"]
    assert [("result" in r) for r in records] == [True, False, False, False, False, True]
    assert records[-1]["result"]["quotes"][0]["speaker"]["name"] == "Marie Curie"
    # the API batch's error shape: an RFC 9457 problem with a status and a specific detail
    assert records[1]["error"]["status"] == 400 and records[1]["error"]["detail"].startswith("Malformed JSON")
    assert records[2]["error"]["errors"] == [{"pointer": "/text", "detail": "Missing data for required field."}]
    assert records[3]["error"]["status"] == 422
    messages = done.stderr.splitlines()
    assert len(messages) == 4 and "Traceback" not in done.stderr
    assert messages[0].startswith(f"quote-service: {source}:2: Malformed JSON")
    assert messages[1] == f"quote-service: {source}:3: /text: Missing data for required field."


def test_a_missing_file_is_an_error_record_among_the_others(tmp_path):
    seed = SEEDS / "000_a97bea036ea5668e.txt"
    done = quote_service("extract", tmp_path / "absent.txt", seed)
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records[0] == {
        "id": str(tmp_path / "absent.txt"),
        "error": {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "No such file."},
    }
    assert records[1]["result"]["language"] == "en"
    assert done.stderr == f"quote-service: {tmp_path / 'absent.txt'}: No such file.\n"


def test_a_missing_jsonl_file_fails_in_one_line():
    done = quote_service("extract", "--jsonl", "absent.jsonl")
    assert done.returncode == 1
    assert done.stderr == "quote-service: absent.jsonl: No such file.\n"


def test_invalid_utf8_fails_that_line_alone(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"id": "b", "text": FRENCH}).encode() + b"\n")
    done = quote_service("extract", "--jsonl", source, "--jobs", "1")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records[0]["error"]["detail"].startswith("Not valid UTF-8")
    assert records[1]["id"] == "b" and "result" in records[1]


def test_jsonl_from_standard_input():
    documents = corpus(7)
    done = quote_service("extract", "--jsonl", "-", input=jsonl(documents))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == [d["id"] for d in documents]


def test_the_output_streams_while_the_input_is_still_being_written():
    """The first records come back before standard input ends: nothing reads the whole input first."""
    process = subprocess.Popen(
        [sys.executable, "-m", "service", "extract", "--jsonl", "-", "--jobs", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        # more than the documents in flight, less than a pipe's buffer, so that neither side waits on the other
        process.stdin.write(jsonl([{"id": f"d{n}", "text": FRENCH} for n in range(600)]).encode())
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "no output while standard input is open"
        assert json.loads(process.stdout.readline())["id"] == "d0"
    finally:
        process.stdin.close()
        process.stdout.read()
        process.wait(timeout=60)
    assert process.returncode == 0


def test_offsets_in_the_unit_asked_for():
    text = "🙂 « Oui », a dit Marie Curie."  # one code point, two UTF-16 units, four UTF-8 bytes before the quote
    by_unit = {}
    for unit in ("codepoint", "utf16", "utf8"):
        done = quote_service("extract", "--offsets", unit, "-", input=text)
        by_unit[unit] = json.loads(done.stdout)
    assert by_unit["codepoint"]["quotes"][0]["start"] == 4
    assert by_unit["utf16"]["quotes"][0]["start"] == 5 and by_unit["utf16"]["offsets"] == "utf16"
    assert by_unit["utf8"]["quotes"][0]["start"] == len("🙂 « ".encode())


def test_version():
    done = quote_service("--version")
    assert done.stdout.startswith("quote-service ") and done.returncode == 0


def test_worker_processes_keep_input_order_and_give_the_same_records(tmp_path):
    documents = [*corpus(150), {"id": "bad"}, *corpus(3)]
    source = tmp_path / "docs.jsonl"
    source.write_text(jsonl(documents), encoding="utf-8")
    one = quote_service("extract", "--jsonl", source, "--jobs", "1")
    two = quote_service("extract", "--jsonl", source, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [d["id"] for d in documents]


def test_progress_shows_rate_and_a_total_for_a_file(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text(jsonl(corpus(5)) + "\n", encoding="utf-8")  # a blank line at the end
    done = quote_service("extract", "--jsonl", source, "--progress", "--output", tmp_path / "out.jsonl")
    last = done.stderr.replace("\r", "\n").strip().splitlines()[-1]
    assert "5/5" in last and "doc/s" in last


def test_progress_on_standard_input_has_no_total():
    done = quote_service("extract", "--jsonl", "-", "--progress", input=jsonl(corpus(3)))
    last = done.stderr.replace("\r", "\n").strip().splitlines()[-1]
    assert last.startswith("3doc [") and "doc/s" in last  # a count and a rate, no total to reach


def test_jobs_default_to_every_core_this_process_may_use():
    from service.cli import parser
    from service.cpu import available_cpus

    args = parser().parse_args(["extract", "x.txt"])
    assert args.jobs == available_cpus()


def test_an_engine_failure_is_one_documents_error(monkeypatch):
    import service.records

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(service.records, "extract", broken)
    outcome = analyse_document(Document("docs.jsonl", 3, raw=b'{"id": "x", "text": "t"}'), "auto", True, "codepoint")
    assert outcome.record == {
        "id": "x",
        "error": {
            "type": "about:blank",
            "title": "Internal Server Error",
            "status": 500,
            "detail": "The engine failed on this document (RuntimeError).",
        },
    }
    assert outcome.message == "docs.jsonl:3: The engine failed on this document (RuntimeError)."


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads VmHWM from /proc")
def test_memory_stays_flat_on_a_long_input(tmp_path):
    """The reading process's peak memory barely moves between 500 and 10,000 documents: the input streams."""

    def peak_kb(count: int) -> int:
        source = tmp_path / f"{count}.jsonl"
        source.write_text(jsonl([{"id": str(n), "text": FRENCH + " " * (n % 7)} for n in range(count)]))
        code = (
            "import re; from service.cli import main; "
            f"main(['extract', '--jsonl', {str(source)!r}, '--jobs', '2', '--output', '/dev/null']); "
            "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
        return int(done.stdout.strip())

    small = peak_kb(500)
    large = peak_kb(10_000)
    assert large < small + 5_000  # KB: 20 times the documents, not 20 times the memory
