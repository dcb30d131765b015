"""Quotations over Dask on a real LocalCluster of worker processes: the same rows as the command line."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from service.rows import COLUMNS, SPARK_SCHEMA, rows, rows_frame, rows_from_result

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")


def generated_corpus(count: int) -> list[dict]:
    """Articles of shuffled seed paragraphs, in English and French, with their language or without."""
    rng = random.Random(13)
    paragraphs = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.setdefault("fr" if "« " in text else "en", []).extend(p for p in text.split("\n") if p.strip())
    documents = []
    for n in range(count):
        language = rng.choice(sorted(paragraphs))
        text = "\n\n".join(rng.sample(paragraphs[language], k=min(4, len(paragraphs[language]))))
        document = {"id": f"article-{n}", "text": text}
        if n % 3:
            document["language"] = language
        documents.append(document)
    return documents


def key(row: dict) -> tuple:
    return row["document_id"], row["quote_start"], row["quote_end"], row["quote_id"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    documents = generated_corpus(60)
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    return path, documents


@pytest.fixture(scope="module")
def cli_rows(corpus) -> list[dict]:
    """The rows of the single-process command line's output."""
    path, _ = corpus
    done = subprocess.run(
        [sys.executable, "-m", "service", "extract", "--jsonl", str(path), "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    found = sorted((r for record in records for r in rows_from_result(record["id"], record["result"])), key=key)
    assert len(found) > 100
    return found


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_a_bag_over_worker_processes_gives_the_command_lines_rows(corpus, cli_rows, client):
    import dask.bag as db

    from service.dask import quotes_bag

    path, _ = corpus
    bag = db.read_text(str(path), blocksize=path.stat().st_size // 6).map(json.loads)
    assert bag.npartitions >= 6
    found = quotes_bag(bag).compute()
    assert sorted(found, key=key) == cli_rows
    # the work ran in both worker processes, not in this one
    assert len(client.run(lambda: __import__("os").getpid())) == 2


def test_a_dataframe_over_worker_processes_gives_the_command_lines_rows(corpus, cli_rows, client):
    import dask.dataframe as dd

    from service.dask import quotes_frame

    _, documents = corpus
    frame = pd.DataFrame(
        {
            "id": [d["id"] for d in documents],
            "text": [d["text"] for d in documents],
            "language": [d.get("language") for d in documents],
        }
    )
    result = quotes_frame(dd.from_pandas(frame, npartitions=4), language="language").compute()
    assert list(result.columns) == list(COLUMNS)
    assert {c: str(t) for c, t in result.dtypes.items()} == COLUMNS
    found = [{k: (None if pd.isna(v) else v) for k, v in r.items()} for r in result.to_dict("records")]
    assert sorted(found, key=key) == cli_rows


def test_a_partition_without_quotes_keeps_the_columns():
    frame = pd.DataFrame({"id": ["a"], "text": ["Nothing was said."]})
    empty = rows_frame(frame)
    assert empty.empty and list(empty.columns) == list(COLUMNS)


def test_one_row_per_quote_with_its_speaker_and_evidence():
    text = "« Nous partons », a déclaré Sergueï Lavrov, ministre des Affaires étrangères."
    (row,) = rows("d1", text, indirect=False)
    assert row["document_id"] == "d1" and row["language"] == "fr"
    assert (row["quote_text"], row["type"], row["speaker_name"], row["rule"]) == (
        "Nous partons",
        "direct",
        "Sergueï Lavrov",
        "cue-after",
    )
    assert row["cue_text"] == "a déclaré" and 0 < row["confidence"] <= 1
    assert row["speaker_role"] == "ministre des Affaires étrangères"


def test_the_spark_schema_names_every_column():
    assert [part.split()[0] for part in SPARK_SCHEMA.split(", ")] == list(COLUMNS)


def test_spark_map_in_pandas_gives_the_same_rows(corpus, cli_rows, monkeypatch):
    """The README's Spark recipe, run when pyspark is installed."""
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # executors run this interpreter, with the package

    _, documents = corpus
    spark = SparkSession.builder.master("local[2]").appName("quotes").getOrCreate()
    try:
        frame = spark.createDataFrame(
            [(d["id"], d["text"], d.get("language")) for d in documents], "id string, text string, language string"
        )
        result = frame.mapInPandas(lambda frames: (rows_frame(f, language="language") for f in frames), SPARK_SCHEMA)
        found = [r.asDict() for r in result.collect()]
    finally:
        spark.stop()
    assert sorted(found, key=key) == cli_rows
