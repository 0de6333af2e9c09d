"""Reading an AT Protocol repository export: a CAR v1 file of DAG-CBOR blocks.

The file starts with a header naming the root (the signed commit); the commit
points at the root of a Merkle Search Tree whose keys are record paths
(``app.bsky.feed.post/<rkey>``) and whose values are the records' CIDs.
:func:`records` walks the tree in key order and yields each record decoded.
DAG-CBOR is decoded with ``cbor2``; links (CBOR tag 42) become :class:`CID`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import cbor2

__all__ = ["CID", "CarError", "Repository", "read_car"]


class CarError(ValueError):
    """A CAR file or its blocks cannot be read; the message says where."""


class CID(bytes):
    """The binary form of a content identifier (a link to a block)."""


def _tag(*args: Any) -> Any:
    # cbor2 5 calls hook(decoder, tag), cbor2 6 calls hook(tag, immutable).
    tag = next(arg for arg in args if isinstance(arg, cbor2.CBORTag))
    if tag.tag == 42:
        if not isinstance(tag.value, bytes) or not tag.value.startswith(b"\0"):
            raise CarError("a link (CBOR tag 42) is not a binary CID")
        return CID(tag.value[1:])
    return tag


def decode(data: bytes) -> Any:
    """One DAG-CBOR block as Python values (links as :class:`CID`)."""
    try:
        return cbor2.loads(data, tag_hook=_tag)
    except (cbor2.CBORDecodeError, ValueError, TypeError, EOFError) as exc:
        raise CarError(f"a block is not valid DAG-CBOR: {exc}") from None


def _varint(data: bytes, offset: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if offset >= len(data):
            raise CarError(f"file ends inside a length at byte {offset}")
        byte = data[offset]
        value |= (byte & 0x7F) << shift
        offset += 1
        if not byte & 0x80:
            return value, offset
        shift += 7
        if shift > 63:
            raise CarError(f"a length at byte {offset} is too long")


def _cid_length(data: bytes, offset: int) -> int:
    if data[offset : offset + 2] == b"\x12\x20":  # CIDv0: a bare sha2-256 multihash
        return 34
    start = offset
    for _ in range(3):  # version, codec, hash function
        _, offset = _varint(data, offset)
    size, offset = _varint(data, offset)
    return offset + size - start


class Repository:
    """The blocks of one repository export, its owner's DID and its records."""

    def __init__(self, root: CID, blocks: Mapping[bytes, bytes]) -> None:
        self.blocks = blocks
        commit = self.block(root, "the commit")
        if not isinstance(commit, Mapping) or not isinstance(commit.get("did"), str):
            raise CarError("the root block is not a repository commit (no did)")
        self.did: str = commit["did"]
        self._data = commit.get("data")

    def block(self, cid: Any, what: str) -> Any:
        if not isinstance(cid, CID) or bytes(cid) not in self.blocks:
            raise CarError(f"{what} is missing from the file")
        return decode(self.blocks[bytes(cid)])

    def records(self) -> Iterator[tuple[str, Any]]:
        """``(path, record)`` for every record, in key order."""
        if self._data is None:
            return
        yield from self._walk(self._data)

    def _walk(self, cid: CID, depth: int = 0) -> Iterator[tuple[str, Any]]:
        if depth > 64:
            raise CarError("the record tree is deeper than any real repository")
        node = self.block(cid, "a node of the record tree")
        if not isinstance(node, Mapping) or not isinstance(node.get("e"), list):
            raise CarError("a node of the record tree has no entries")
        if node.get("l") is not None:
            yield from self._walk(node["l"], depth + 1)
        key = b""
        for entry in node["e"]:
            key = key[: entry["p"]] + entry["k"]
            value = entry["v"]
            if bytes(value) in self.blocks:
                yield key.decode("utf-8", "replace"), decode(self.blocks[bytes(value)])
            if entry.get("t") is not None:
                yield from self._walk(entry["t"], depth + 1)


def read_car(data: bytes) -> Repository:
    """The repository in a CAR v1 file's bytes."""
    length, offset = _varint(data, 0)
    header = decode(data[offset : offset + length])
    if not isinstance(header, Mapping) or header.get("version") != 1 or not header.get("roots"):
        raise CarError("not a CAR v1 file (the header has no version 1 and roots)")
    offset += length
    blocks: dict[bytes, bytes] = {}
    while offset < len(data):
        size, offset = _varint(data, offset)
        end = offset + size
        if end > len(data):
            raise CarError(f"file ends inside a block at byte {offset}")
        cid_end = offset + _cid_length(data, offset)
        blocks[data[offset:cid_end]] = data[cid_end:end]
        offset = end
    return Repository(header["roots"][0], blocks)
