"""socialnorms.engine.dask on a local cluster of processes: the report of one process."""

from __future__ import annotations

import json

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import socialnorms.engine.dask  # noqa: E402 - only once dask is known to be installed
from socialnorms import Checker  # noqa: E402
from socialnorms.core.config import Config  # noqa: E402
from socialnorms.engine.partition import parse_records  # noqa: E402
from socialnorms.io import InputError, synthetic  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=50,
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def activity_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("dask") / "activity.jsonl"
    synthetic.write(path, actions=4000, subjects=5, seed=3)
    return path


@pytest.fixture(scope="module")
def one_process(activity_file):
    return Checker().check(activity_file)


def test_a_path_gives_the_report_of_one_process(client, activity_file, one_process):
    report = socialnorms.engine.dask.check(activity_file, client=client)
    assert len(one_process.findings) > 50
    assert report.to_json() == one_process.to_json()
    assert report.to_html() == one_process.to_html()


def test_a_bag_of_records_gives_the_same_report(client, activity_file, one_process):
    lines = activity_file.read_text(encoding="utf-8").splitlines()
    bag = dask_bag.from_sequence(lines, npartitions=3).map(json.loads)
    report = socialnorms.engine.dask.check(bag, client=client, parts=3)
    assert report.to_json() == one_process.to_json()


def test_configuration_reaches_the_workers(client, activity_file):
    config = Config(select=["SN3"], severity={"SN302": "error"})
    one = Checker(config=config).check(activity_file)
    assert {f.code[:3] for f in one.findings} == {"SN3"}
    assert (
        socialnorms.engine.dask.check([activity_file], client=client, config=config).to_json()
        == one.to_json()
    )


def test_a_bad_record_in_a_bag_is_named(client):
    records = [
        {"type": "account", "id": "twitter:a", "network": "twitter", "subject": "a"},
        {
            "type": "action",
            "kind": "post",
            "actor": "twitter:a",
            "at": "yesterday",
            "post": {"id": "p"},
        },
    ]
    with pytest.raises(InputError) as caught:
        socialnorms.engine.dask.check(dask_bag.from_sequence(records, npartitions=1), client=client)
    message = str(caught.value)
    assert "bag partition 0" in message and "action.at" in message


def test_parse_records_reads_headers_and_refuses_unknown_types():
    parsed = parse_records(
        [
            {
                "type": "header",
                "format": "socialnorms-activity",
                "version": 1,
                "coverage": [
                    {"guideline": "respond-to-mentions", "level": "partial", "reason": "no replies"}
                ],
            },
            {"type": "account", "id": "twitter:a", "network": "twitter"},
        ]
    )
    assert len(parsed.accounts) == 1 and parsed.coverage[0].level == "partial"
    with pytest.raises(InputError, match="type"):
        parse_records([{"type": "note"}])
