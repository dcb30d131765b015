"""The hostile corpus at full size: time per text, and per character, with the size limit in view.

    python benchmarks/hostile.py

Every shape must stay linear: the microseconds per character should not grow with the size.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.engine import extract

SHAPES = {
    "100,000 opening marks": lambda n: "«" * n,
    "200,000 straight quotes": lambda n: '"' * n,
    "quote never closed, then text": lambda n: "« " + "mot " * (n // 4),
    "one capitalised word": lambda n: "Lavrov " * (n // 7),
    "no space at all": lambda n: "a" * n,
    "marks nested deep": lambda n: "«“‘" * (n // 6) + "x" + "’”»" * (n // 6),
    "cue phrases in a row": lambda n: "a déclaré Jean Dupont, " * (n // 23),
    "newlines": lambda n: "\n" * n,
    "bidi overrides and joiners": lambda n: "\u202e\u200d« Oui »\u200d a dit \u202eMarie " * (n // 24),
    "pronouns and names": lambda n: "Paul Grant said he was sure. “Yes,” he said. " * (n // 45),
    "namesakes": lambda n: " ".join(f"Jean{i} Dupont a dit « oui »." for i in range(n // 30)),
    "organisations and plural pronouns": lambda n: "\n".join(
        f"The Agency{i} published a report. They said “we stay careful”. The agency said it was stable."
        for i in range(n // 100)
    ),
    "one sentence of many quotes": lambda n: "Il a dit " + ", ".join(f"« mot{i} »" for i in range(n // 14)) + ".",
    "one sentence of pronoun quotes": lambda n: (
        "Marie Curie a parlé " + ", ".join(f"puis elle a dit « mot{i} »" for i in range(n // 26)) + "."
    ),
    "one person, many roles": lambda n: "\n".join(
        f"Le ministre de la Ville{i} Jean Dupont a dit « oui »." for i in range(n // 55)
    ),
    "quotes, then clauses that hang on them": lambda n: "\n".join(
        f"Jean Dupont{i} a dit « oui ». Il a déclaré que la situation était grave, ajoutant que tout irait bien."
        for i in range(n // 110)
    ),
    "one paragraph of pronouns": lambda n: " ".join(
        f"Marie Dupont{i} a dit : « Oui. » Elle a ajouté : « Non. »" for i in range(n // 55)
    ),
}


def main() -> None:
    for name, make in SHAPES.items():
        cells = []
        for size in (100_000, 1_000_000):
            text = make(size)
            start = time.perf_counter()
            extract(text)
            seconds = time.perf_counter() - start
            cells.append(f"{len(text) / 1e6:.2f} MB {seconds:6.2f} s {seconds / len(text) * 1e6:5.2f} µs/char")
        print(f"{name:40s} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
