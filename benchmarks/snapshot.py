"""Snapshot of the engine's output: the full JSON of ``extract`` for every article of a set of files.

    python benchmarks/snapshot.py OUT.json                  # ../shared/eval/*.jsonl and seeds/*.txt
    python benchmarks/snapshot.py OUT.json a.jsonl b.txt    # those files only
    cmp before.json after.json                              # a refactoring must change nothing

Each ``.jsonl`` line is an article (``text``, and ``language`` or ``lang`` when known); a ``.txt``
file is one article. Every article is extracted twice: with its stated language (``auto`` when
none) and with ``auto``, so language detection is held too. The output is deterministic: one JSON
document, keys sorted, one line per article.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import extract  # noqa: E402
from service.serialize import result_to_dict  # noqa: E402

DEFAULT_SOURCES = (*sorted((ROOT.parent / "shared" / "eval").glob("*.jsonl")), *sorted((ROOT / "seeds").glob("*.txt")))


def articles(path: Path):
    """(key, text, stated language) of every article in ``path``."""
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                if line.strip():
                    doc = json.loads(line)
                    yield f"{path.name}:{n}", doc["text"], doc.get("language") or doc.get("lang") or "auto"
    else:
        yield path.name, path.read_text(encoding="utf-8"), "auto"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out_path, sources = Path(argv[0]), [Path(a) for a in argv[1:]] or list(DEFAULT_SOURCES)
    count = 0
    with out_path.open("w", encoding="utf-8") as out:
        out.write("{\n")
        for source in sources:
            for key, text, language in articles(source):
                for asked in dict.fromkeys((language, "auto")):
                    body = result_to_dict(extract(text, asked))
                    separator = ",\n" if count else ""
                    out.write(f"{separator}{json.dumps(f'{key}:{asked}')}: {json.dumps(body, sort_keys=True)}")
                    count += 1
        out.write("\n}\n")
    print(f"{count} extractions written to {out_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
