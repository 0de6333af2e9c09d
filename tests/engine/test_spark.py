"""The Spark recipe of docs/scaling.md, as written, gives the report of one process."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (the Spark recipe is optional)")
pytest.importorskip("pyarrow", reason="applyInPandas needs pyarrow")

from socialnorms import Checker
from socialnorms.io import synthetic

DOC = Path(__file__).resolve().parents[2] / "docs" / "scaling.md"


def recipe() -> dict[str, object]:
    [code] = re.findall(
        r"```python\n# spark_recipe.py\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL
    )
    namespace: dict[str, object] = {"__name__": "spark_recipe"}
    exec(compile(code, "scaling.md", "exec"), namespace)
    return namespace


def test_the_spark_recipe_gives_the_report_of_one_process(tmp_path, monkeypatch):
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    path = tmp_path / "activity.jsonl"
    synthetic.write(path, actions=3000, subjects=4, seed=5)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("socialnorms-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    try:
        report = recipe()["check_with_spark"](spark, [str(path)], parts=3)
    finally:
        spark.stop()
    one = Checker().check(path)
    assert len(one.findings) > 20
    assert report.to_json() == one.to_json()
