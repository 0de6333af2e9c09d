"""One interface over a folder, a zip and a tar.gz, bounded against decompression bombs."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from socialnorms.io import InputError
from socialnorms.io.archive import Limits, is_archive, open_archive

FILES = {"data/tweets.js": b"window.YTD.tweets.part0 = []", "README.txt": b"hello\n"}


def folder(root: Path, files=FILES) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def zip_of(path: Path, files=FILES) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def tar_of(path: Path, files=FILES) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"./{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture(params=["folder", "zip", "tar.gz"])
def any_archive(request, tmp_path):
    make = {
        "folder": lambda: folder(tmp_path / "export"),
        "zip": lambda: zip_of(tmp_path / "export.zip"),
        "tar.gz": lambda: tar_of(tmp_path / "export.tar.gz"),
    }[request.param]
    return make()


def test_members_are_listed_and_read_alike(any_archive):
    archive = open_archive(any_archive)
    assert is_archive(any_archive)
    assert archive.names() == sorted(FILES)
    assert archive.read("README.txt") == b"hello\n"
    assert archive.find("tweets.js") == ["data/tweets.js"]
    assert archive.first("tweet.js", "tweets.js") == "data/tweets.js"


def test_members_are_named_inside_the_archive(tmp_path):
    archive = open_archive(zip_of(tmp_path / "x.zip"))
    assert archive.label("data/tweets.js") == f"{tmp_path / 'x.zip'}!data/tweets.js"
    with pytest.raises(InputError, match=r"x\.zip!nope\.js: no such member"):
        archive.read("nope.js")


def test_json_errors_are_located_by_line(tmp_path):
    archive = open_archive(zip_of(tmp_path / "x.zip", {"a.json": b'{\n  "a": 1,\n}'}))
    with pytest.raises(InputError, match=r"x\.zip!a\.json:3: invalid JSON"):
        archive.json("a.json")


def test_csv_header_is_found_after_a_preamble(tmp_path):
    text = (
        b'Notes:\n"Some words, with a comma"\n\nFirst Name,Last Name\nAda,Lovelace\n\nAlan,Turing\n'
    )
    archive = open_archive(zip_of(tmp_path / "x.zip", {"Connections.csv": text}))
    rows = list(archive.csv("Connections.csv", header_starts="First Name"))
    assert rows == [
        (5, {"First Name": "Ada", "Last Name": "Lovelace"}),
        (7, {"First Name": "Alan", "Last Name": "Turing"}),
    ]


def test_a_zip_bomb_is_refused_before_inflating(tmp_path):
    bomb = zip_of(tmp_path / "bomb.zip", {"data/tweets.js": b"\0" * (20 * 1024 * 1024)})
    archive = open_archive(bomb)
    with pytest.raises(
        InputError,
        match=r"bomb\.zip!data/tweets\.js: refused: compressed \d+:1, a decompression bomb",
    ):
        archive.read("data/tweets.js")


def test_a_tar_gz_bomb_is_refused(tmp_path):
    bomb = tar_of(tmp_path / "bomb.tar.gz", {"outbox.json": b" " * (20 * 1024 * 1024)})
    with pytest.raises(InputError, match="decompression bomb"):
        open_archive(bomb)


def test_an_oversized_member_is_refused(any_archive):
    archive = open_archive(any_archive, Limits(member=6))
    with pytest.raises(
        InputError, match=r"tweets\.js: member is 28 bytes uncompressed, more than the limit"
    ):
        archive.read("data/tweets.js")
    assert archive.read("README.txt") == b"hello\n"


def test_reading_more_than_the_total_is_refused(tmp_path):
    archive = open_archive(folder(tmp_path / "x"), Limits(total=30))
    archive.read("data/tweets.js")
    with pytest.raises(
        InputError, match=r"README\.txt brings what was read to 34 bytes, more than"
    ):
        archive.read("README.txt")


def test_members_never_read_do_not_count(tmp_path):
    photos = {**FILES, "data/tweets_media/1.jpg": bytes(range(256)) * 4096}
    archive = open_archive(zip_of(tmp_path / "x.zip", photos), Limits(total=100))
    assert archive.read("data/tweets.js")


def test_a_corrupt_archive_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(InputError, match=r"broken\.tar\.gz"):
        open_archive(broken)


def test_file_names_for_detection(any_archive, tmp_path):
    from socialnorms.io.archive import file_names

    assert file_names(any_archive) == {"tweets.js", "README.txt"}
    plain = tmp_path / "plain.jsonl"
    plain.write_text("{}\n")
    assert file_names(plain) == frozenset()


def test_archives_close_their_file(tmp_path):
    with open_archive(tar_of(tmp_path / "x.tar.gz")) as archive:
        assert archive.read("README.txt") == b"hello\n"
    assert archive._tar.closed
