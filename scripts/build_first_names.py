"""Build the first-name gender table the engine reads, from the nomquamgender name data.

Source: nomquamgender 0.1.4 (Ian Van Buskirk, MIT licence, on PyPI), whose ``name_data.json``
gives, for each lower-cased, accent-free name, the number of sources, the number of people
counted and the share of them gendered female. We keep names that are common (``--min-count``
people in at least three sources) and clearly one or the other (share ≥ 0.9 or ≤ 0.1, the
package's own default threshold), and write them one a line, ``name<TAB>f|m``, sorted, to
``service/engine/lang/first_names.tsv``: the table every language pack shares (a pack overrides
a name in its ``lexicon.json`` under ``first_names``). The licence is in LICENSES/nomquamgender.txt.

    pip download --no-deps nomquamgender==0.1.4 -d /tmp/nqg
    python scripts/build_first_names.py /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "service" / "engine" / "lang" / "first_names.tsv"


def reduce(data: dict, min_count: int) -> list[tuple[str, str]]:
    rows = []
    for name, (sources, count, share, *_rest) in data.items():
        if count < min_count or sources < 3 or not name.isascii() or not name.replace("-", "").isalpha():
            continue
        if share >= 0.9:
            rows.append((name, "f"))
        elif share <= 0.1:
            rows.append((name, "m"))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the nomquamgender wheel")
    parser.add_argument("--min-count", type=int, default=500)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        data = json.loads(wheel.read("nomquamgender/name_data.json"))
    rows = reduce(data, args.min_count)
    header = (
        "# first name\tgender (f/m); from nomquamgender 0.1.4 (Ian Van Buskirk, MIT licence: "
        "LICENSES/nomquamgender.txt), built by scripts/build_first_names.py\n"
    )
    args.output.write_text(header + "".join(f"{n}\t{g}\n" for n, g in rows), encoding="utf-8")
    print(f"{len(rows)} names -> {args.output}")


if __name__ == "__main__":
    main()
