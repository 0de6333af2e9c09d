"""What every export reader shares: naming the files it left out, and the missing owner."""

from __future__ import annotations

from socialnorms.io import Coverage, ReadOptions
from socialnorms.io.archive import open_archive
from socialnorms.io.export import UNKNOWN_FILE, ExportReading


def export(tmp_path, names):
    for name in names:
        path = tmp_path / "export" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}")
    return open_archive(tmp_path / "export")


def left_out(reading):
    return sorted(s.reason for s in reading.coverage if isinstance(s, Coverage))


def test_every_member_not_read_is_named_with_why(tmp_path):
    archive = export(tmp_path, ["data/tweets.js", "data/ad-impressions.js", "data/mystery.js"])
    archive.read("data/tweets.js")
    reading = ExportReading("twitter", ReadOptions())
    reading.account_for(archive, {"data/ad-*.js": "advertising, not behaviour"})
    assert left_out(reading) == [
        "left out data/ad-impressions.js: advertising, not behaviour",
        f"left out data/mystery.js: {UNKNOWN_FILE}",
    ]
    assert all(s.guideline == "all" for s in reading.coverage if isinstance(s, Coverage))


def test_a_full_read_leaves_nothing_to_say(tmp_path):
    archive = export(tmp_path, ["outbox.json"])
    archive.read("outbox.json")
    reading = ExportReading("mastodon", ReadOptions())
    reading.account_for(archive, {})
    assert reading.coverage == []


def test_a_folder_of_many_left_out_files_is_named_once_with_a_count(tmp_path):
    media = [f"data/tweets_media/{n}.jpg" for n in range(5)]
    archive = export(tmp_path, [*media, "data/x.jpg"])
    reading = ExportReading("twitter", ReadOptions())
    reading.account_for(archive, {"*.jpg": "media files, not judged"})
    assert left_out(reading) == [
        "left out data/x.jpg, data/tweets_media/ (5 files): media files, not judged"
    ]


def test_the_missing_owner_message_names_the_option_that_works():
    error = ExportReading("linkedin", ReadOptions()).owner_unknown("export.zip", "Profile.csv")
    assert str(error) == (
        "export.zip: no Profile.csv says whose export this is; name its owner with "
        "--owner NAME (ReadOptions(owner=...) from Python)"
    )
