"""One way to read a network's export, whether it is a folder, a ``.zip`` or a ``.tar.gz``.

Members are listed and read in memory, never extracted to disk. Reading is
bounded: reading a member larger than :attr:`Limits.member` or compressed more
than :attr:`Limits.ratio` (a decompression bomb) stops with an
:class:`~socialnorms.io.InputError` before it is inflated, and so does reading more
than :attr:`Limits.total` in all. Members never read (the photos of an archive) do
not count. Listing a ``.tar.gz`` inflates it, so a tar stream compressed more than
the ratio is refused while it is listed.

A member is named in messages as ``archive.zip!data/tweets.js``, a file in a
folder by its path, so errors point at the place to look.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import attrs

from . import InputError

__all__ = ["Archive", "Limits", "file_names", "is_archive", "open_archive"]

MiB = 1024 * 1024


@attrs.frozen(slots=True)
class Limits:
    """Bounds on what reading an archive may inflate."""

    member: int = 512 * MiB
    """Largest member, uncompressed, in bytes."""
    total: int = 4096 * MiB
    """Most bytes read from one archive in all, uncompressed."""
    ratio: float = 200.0
    """Highest ratio of uncompressed to compressed size, for members above 1 MiB."""


def _size(count: int) -> str:
    return f"{count / MiB:.1f} MiB" if count >= MiB else f"{count} bytes"


def is_archive(path: Path) -> bool:
    """Whether ``path`` is a folder, a zip file or a gzip-compressed tar file."""
    if path.is_dir():
        return True
    if not path.is_file():
        return False
    with open(path, "rb") as stream:
        head = stream.read(4)
    return head.startswith((b"PK\x03\x04", b"\x1f\x8b"))


def open_archive(path: Path, limits: Limits | None = None) -> Archive:
    """The archive at ``path``: a folder, a ``.zip`` or a ``.tar.gz``/``.tgz``."""
    limits = limits or Limits()
    if path.is_dir():
        return _Folder(path, limits)
    if zipfile.is_zipfile(path):
        return _Zip(path, limits)
    try:
        return _Tar(path, limits)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InputError(
            str(path), None, None, f"not a folder, zip or tar.gz archive: {exc}"
        ) from None


def file_names(path: Path) -> frozenset[str]:
    """The file names (without folders) of the members of the archive at ``path``, or
    nothing if it is not an archive. For readers' ``detect``: each archive is listed
    once however many readers ask (a tar.gz must be inflated to be listed)."""
    if not is_archive(path):
        return frozenset()
    stat = path.stat()
    return _file_names(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _file_names(path: str, _mtime: int, _size: int) -> frozenset[str]:
    with open_archive(Path(path)) as archive:
        return frozenset(PurePosixPath(name).name for name in archive.names())


class Archive:
    """Members of an export, by their ``/``-separated path inside it.

    Use it as a context manager (``with open_archive(path) as archive:``) to close
    the underlying file.
    """

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self._read_total = 0
        self.read_names: set[str] = set()
        """Members read so far: what a reader left out is every other member."""

    def names(self) -> list[str]:
        """Every member's path, sorted."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the underlying file (a folder has none)."""

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, name: str) -> bytes:
        raise NotImplementedError

    def read(self, name: str) -> bytes:
        """The bytes of one member."""
        if name not in self._names_set:
            raise InputError(self.label(name), None, None, "no such member in the archive")
        self._check_member(name)
        data = self._read(name)
        self.read_names.add(name)
        self._read_total += len(data)
        if self._read_total > self.limits.total:
            raise InputError(
                str(self.path),
                None,
                None,
                f"refused: reading {self.label(name)} brings what was read to "
                f"{_size(self._read_total)}, more than the limit of {_size(self.limits.total)}",
            )
        return data

    @property
    def _names_set(self) -> frozenset[str]:
        return frozenset(self.names())

    def label(self, name: str) -> str:
        """How messages name a member: ``archive.zip!data/tweets.js`` or ``folder/data/tweets.js``."""
        return f"{self.path}!{name}"

    def find(self, filename: str) -> list[str]:
        """Members whose file name is ``filename`` (any folder), shortest path first."""
        found = [n for n in self.names() if PurePosixPath(n).name == filename]
        return sorted(found, key=lambda n: (n.count("/"), n))

    def first(self, *filenames: str) -> str | None:
        """The first member found for any of ``filenames``, in the order given."""
        for filename in filenames:
            found = self.find(filename)
            if found:
                return found[0]
        return None

    def text(self, name: str) -> str:
        """A member decoded as UTF-8 (a byte-order mark is dropped)."""
        data = self.read(name)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(
                self.label(name), line, None, f"not valid UTF-8 (byte 0x{data[exc.start]:02x})"
            ) from None

    def json(self, name: str, text: str | None = None, **options: Any) -> Any:
        """A member parsed as JSON (or ``text`` taken from it), errors located by line."""
        try:
            return json.loads(self.text(name) if text is None else text, **options)
        except json.JSONDecodeError as exc:
            raise InputError(
                self.label(name), exc.lineno, None, f"invalid JSON: {exc.msg} at column {exc.colno}"
            ) from None

    def csv(
        self, name: str, header_starts: str | None = None
    ) -> Iterator[tuple[int, dict[str, str]]]:
        """Rows of a CSV member as ``(line, {column: value})``.

        ``header_starts`` finds the header row by its first column, skipping any
        preamble before it; without it the first row is the header.
        """
        lines = self.text(name).splitlines(keepends=True)
        start = 0
        if header_starts is not None:
            for number, line in enumerate(lines):
                if line.lstrip('"').startswith(header_starts):
                    start = number
                    break
            else:
                raise InputError(
                    self.label(name), None, None, f"no header row starting with {header_starts!r}"
                )
        reader = csv.reader(io.StringIO("".join(lines[start:])))
        header = [column.strip() for column in next(reader, [])]
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            yield start + reader.line_num, dict(zip(header, row, strict=False))

    def rows(self, name: str) -> Iterator[tuple[int, list[str]]]:
        """Rows of a header-less CSV member as ``(line, cells)``; blank lines skipped."""
        reader = csv.reader(io.StringIO(self.text(name)))
        for row in reader:
            if any(cell.strip() for cell in row):
                yield reader.line_num, [cell.strip() for cell in row]

    def _sizes(self, name: str) -> tuple[int, int | None]:
        """A member's size and compressed size (``None`` when not compressed)."""
        raise NotImplementedError

    def _check_member(self, name: str) -> None:
        """Refuse a member beyond the limits before reading it."""
        size, compressed = self._sizes(name)
        if size > self.limits.member:
            raise InputError(
                self.label(name),
                None,
                None,
                f"member is {_size(size)} uncompressed, more than the limit of "
                f"{_size(self.limits.member)}",
            )
        if compressed is not None and size > MiB and size > self.limits.ratio * max(compressed, 1):
            raise InputError(
                self.label(name),
                None,
                None,
                f"refused: compressed {size // max(compressed, 1)}:1, a decompression bomb "
                f"(the limit is {self.limits.ratio:g}:1)",
            )


class _Folder(Archive):
    def __init__(self, path: Path, limits: Limits) -> None:
        super().__init__(path, limits)
        self._files = {
            file.relative_to(path).as_posix(): file
            for file in sorted(path.rglob("*"))
            if file.is_file()
        }

    def names(self) -> list[str]:
        return list(self._files)

    @property
    def _names_set(self) -> frozenset[str]:
        return frozenset(self._files)

    def label(self, name: str) -> str:
        return str(self.path / name)

    def _sizes(self, name: str) -> tuple[int, int | None]:
        return self._files[name].stat().st_size, None

    def _read(self, name: str) -> bytes:
        try:
            return self._files[name].read_bytes()
        except OSError as exc:
            raise InputError(
                self.label(name), None, None, f"cannot read: {exc.strerror or exc}"
            ) from None


class _Zip(Archive):
    def __init__(self, path: Path, limits: Limits) -> None:
        super().__init__(path, limits)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputError(str(path), None, None, f"not a readable zip file: {exc}") from None
        self._infos = {info.filename: info for info in self._zip.infolist() if not info.is_dir()}

    def names(self) -> list[str]:
        return sorted(self._infos)

    @property
    def _names_set(self) -> frozenset[str]:
        return frozenset(self._infos)

    def close(self) -> None:
        self._zip.close()

    def _sizes(self, name: str) -> tuple[int, int | None]:
        info = self._infos[name]
        return info.file_size, info.compress_size

    def _read(self, name: str) -> bytes:
        info = self._infos[name]
        try:
            with self._zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise InputError(
                self.label(name), None, None, f"cannot read from the zip file: {exc}"
            ) from None
        if len(data) > info.file_size:
            raise InputError(
                self.label(name), None, None, "member is larger than the zip file declares"
            )
        return data


class _Tar(Archive):
    def __init__(self, path: Path, limits: Limits) -> None:
        super().__init__(path, limits)
        self._tar = tarfile.open(path, "r:*")  # noqa: SIM115 - closed by close()
        try:
            self._list(path, limits)
        except BaseException:
            self._tar.close()
            raise

    def _list(self, path: Path, limits: Limits) -> None:
        compressed = max(path.stat().st_size, 1)
        self._members: dict[str, tarfile.TarInfo] = {}
        total = 0
        # Members are checked as their headers arrive, before the stream is inflated past them.
        for member in self._tar:
            if not member.isfile():
                continue
            name = member.name.removeprefix("./")
            total += member.size
            if total > MiB and total > limits.ratio * compressed:
                raise InputError(
                    str(path),
                    None,
                    None,
                    f"refused: compressed {total // compressed}:1, a decompression bomb "
                    f"(the limit is {limits.ratio:g}:1)",
                )
            self._members[name] = member

    def names(self) -> list[str]:
        return sorted(self._members)

    @property
    def _names_set(self) -> frozenset[str]:
        return frozenset(self._members)

    def close(self) -> None:
        self._tar.close()

    def _sizes(self, name: str) -> tuple[int, int | None]:
        return self._members[name].size, None

    def _read(self, name: str) -> bytes:
        member = self._members[name]
        try:
            stream = self._tar.extractfile(member)
            data = stream.read(member.size) if stream is not None else b""
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise InputError(
                self.label(name), None, None, f"cannot read from the tar file: {exc}"
            ) from None
        return data
