"""Near-duplicate texts, found without comparing every pair.

Texts are normalised (Unicode NFKC, case-folded, links dropped), cut into word
shingles (characters for scripts written without spaces), and sketched with
MinHash. Sketches are cut into bands; texts that share a band land in the same
bucket, and only texts in one bucket are compared, by the Jaccard similarity of
their shingles. Exact copies are grouped first by a hash of their normalised
form. The cost grows with the number of texts, not with the number of pairs::

    groups = NearDuplicates(threshold=0.7)
    groups.add("a", "Our report is out: https://x.example/1")
    groups.add("b", "Our report is out! https://x.example/2")
    groups.groups()   # (("a", "b"),)

Every step is deterministic: the same texts give the same groups on every run.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

import attrs

__all__ = [
    "MinHash",
    "NearDuplicates",
    "fingerprint",
    "jaccard",
    "normalize",
    "shingles",
    "similarity",
    "tokens",
]

_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: Scripts written without spaces between words: each character is a token.
_UNSPACED = (
    "\u0e00-\u0e7f"  # Thai
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
)
_TOKEN = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+")
_MAX64 = (1 << 64) - 1


def normalize(text: str) -> str:
    """``text`` in the form used for comparing: NFKC, case-folded, without links,
    with runs of white space made one space."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(_LINK.sub(" ", text).casefold().split())


def tokens(text: str) -> tuple[str, ...]:
    """The words of ``text`` after :func:`normalize`: runs of letters and digits,
    single characters of scripts without spaces, and emoji and other symbols.
    Punctuation is dropped."""
    normal = normalize(text)
    if normal.isascii():
        return tuple(_TOKEN.findall(normal))
    found = []
    position = 0
    for match in _TOKEN.finditer(normal):
        found.extend(_symbols(normal[position : match.start()]))
        found.append(match.group(0))
        position = match.end()
    found.extend(_symbols(normal[position:]))
    return tuple(found)


def _symbols(gap: str) -> list[str]:
    return [char for char in gap if unicodedata.category(char) == "So"]


def shingles(words: Sequence[str], size: int = 3) -> frozenset[str]:
    """The runs of ``size`` consecutive words; a text shorter than that is one shingle."""
    if not words:
        return frozenset()
    if len(words) <= size:
        return frozenset(("\x1f".join(words),))
    return frozenset("\x1f".join(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(
    a: frozenset[Hashable] | set[Hashable], b: frozenset[Hashable] | set[Hashable]
) -> float:
    """Shared shingles over all shingles of the two sets (0.0 for two empty sets)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def similarity(a: str, b: str, size: int = 3) -> float:
    """The Jaccard similarity of the shingles of two texts, from 0.0 to 1.0."""
    return jaccard(shingles(tokens(a), size), shingles(tokens(b), size))


def fingerprint(words: Sequence[str]) -> str:
    """A short stable digest of a token sequence: equal for exact copies."""
    return hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=12).hexdigest()


def _hash64(word: str, key: bytes) -> int:
    return int.from_bytes(
        hashlib.blake2b(word.encode("utf-8"), digest_size=8, key=key).digest(), "big"
    )


class _WordHashes(dict[str, int]):
    """The 64-bit hash of each word, computed when first asked for."""

    __slots__ = ("key",)

    def __init__(self, key: bytes) -> None:
        super().__init__()
        self.key = key

    def __missing__(self, word: str) -> int:
        value = self[word] = _hash64(word, self.key)
        return value


class _ShingleHasher:
    """Word shingles as 64-bit hashes: each distinct word is hashed once, and a
    shingle's hash is mixed from the hashes of its words."""

    __slots__ = ("size", "words")

    def __init__(self, size: int, seed: int) -> None:
        self.size = size
        self.words = _WordHashes(seed.to_bytes(8, "big"))

    def __call__(self, words: Sequence[str]) -> frozenset[int]:
        hashes = list(map(self.words.__getitem__, words))
        size = self.size
        if len(hashes) <= size:
            return frozenset((_mix(hashes),))
        if size == 3:  # the usual size, mixed inline
            return frozenset(map(_mix3, hashes, hashes[1:], hashes[2:]))
        return frozenset(_mix(hashes[i : i + size]) for i in range(len(hashes) - size + 1))


def _mix(hashes: Sequence[int]) -> int:
    value = 0xCBF29CE484222325
    for item in hashes:
        value = ((value ^ item) * 0x100000001B3) & _MAX64
    value ^= value >> 29
    return (value * 0xBF58476D1CE4E5B9) & _MAX64


def _mix3(a: int, b: int, c: int) -> int:
    """``_mix((a, b, c))``, without the loop."""
    value = ((0xCBF29CE484222325 ^ a) * 0x100000001B3) & _MAX64
    value = ((value ^ b) * 0x100000001B3) & _MAX64
    value = ((value ^ c) * 0x100000001B3) & _MAX64
    value ^= value >> 29
    return (value * 0xBF58476D1CE4E5B9) & _MAX64


@attrs.frozen(slots=True)
class MinHash:
    """A MinHash sketch cut into ``bands`` of ``rows`` values.

    One hash per shingle is spread over ``bands * rows`` bins (one-permutation
    hashing); an empty bin borrows the value of the next filled one, so that short
    texts still get a full sketch. Two texts of Jaccard similarity *s* share at
    least one band with probability ``1 - (1 - s**rows) ** bands``: with the
    default 8 bands of 2 rows, 0.99 at *s* = 0.7 and 0.28 at *s* = 0.2.
    """

    bands: int = attrs.field(default=8, validator=attrs.validators.ge(1))
    rows: int = attrs.field(default=2, validator=attrs.validators.ge(1))
    seed: int = 0

    @property
    def size(self) -> int:
        return self.bands * self.rows

    def sketch(self, hashes: Iterable[int]) -> tuple[int, ...]:
        """The sketch of a set of shingles given as 64-bit hashes: ``bands * rows``
        integers."""
        size = self.size
        bins = [_MAX64] * size
        for value in hashes:
            slot = value % size
            if value < bins[slot]:
                bins[slot] = value
        filled = [i for i, value in enumerate(bins) if value != _MAX64]
        if not filled:
            return tuple(bins)
        if len(filled) < size:
            nearest = filled[0]
            for i in range(size - 1, -1, -1):
                if bins[i] != _MAX64:
                    nearest = i
                else:
                    bins[i] = (bins[nearest] + (nearest - i) % size * 0x9E3779B97F4A7C15) & _MAX64
        return tuple(bins)

    def band_keys(self, sketch: Sequence[int]) -> list[tuple[int, tuple[int, ...]]]:
        """(band number, band values) for each band of a sketch: the bucket keys."""
        rows = self.rows
        return [
            (band, tuple(sketch[band * rows : (band + 1) * rows])) for band in range(self.bands)
        ]


class _UnionFind:
    __slots__ = ("parent",)

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


class NearDuplicates:
    """Collects texts and groups those that are the same or nearly the same.

    ``threshold`` is the Jaccard similarity of word shingles above which two texts
    count as near-duplicates (exact copies, after :func:`normalize`, always do).
    ``scope`` keeps texts apart: only texts added with the same scope are grouped
    (for instance, the posts of one subject). Texts without any word are never
    grouped. ``probe`` bounds the comparisons per bucket: a text is compared with
    the latest texts of at most that many groups in each of its buckets, so that a
    crowded bucket costs linear, not quadratic, time.
    """

    def __init__(
        self,
        threshold: float = 0.7,
        *,
        shingle_size: int = 3,
        minhash: MinHash | None = None,
        probe: int = 4,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(
                f"threshold: expected a number above 0 and at most 1, got {threshold!r}"
            )
        self.threshold = threshold
        self.shingle_size = shingle_size
        self.minhash = minhash or MinHash()
        self.probe = probe
        self._keys: list[Hashable] = []
        self._scopes: list[Hashable] = []
        self._words: list[tuple[str, ...]] = []

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: Hashable, text: str, *, scope: Hashable = None) -> None:
        """Add a text under ``key`` (any hashable value, returned in the groups)."""
        self.add_tokens(key, tokens(text), scope=scope)

    def add_tokens(self, key: Hashable, words: Sequence[str], *, scope: Hashable = None) -> None:
        """Add an already tokenised text (see :func:`tokens`)."""
        self._keys.append(key)
        self._scopes.append(scope)
        self._words.append(tuple(words))

    def groups(self, min_size: int = 2) -> tuple[tuple[Hashable, ...], ...]:
        """Groups of at least ``min_size`` near-duplicate texts, each in the order the
        texts were added, the groups ordered by their first text."""
        sets = _UnionFind(len(self._keys))
        representatives = self._group_exact(sets)
        self._group_near(sets, representatives)
        members: dict[int, list[Hashable]] = defaultdict(list)
        for index, key in enumerate(self._keys):
            if self._words[index]:
                members[sets.find(index)].append(key)
        return tuple(
            tuple(group) for _root, group in sorted(members.items()) if len(group) >= min_size
        )

    def _group_exact(self, sets: _UnionFind) -> list[int]:
        first: dict[tuple[Hashable, str], int] = {}
        representatives = []
        for index, words in enumerate(self._words):
            if not words:
                continue
            key = (self._scopes[index], fingerprint(words))
            known = first.get(key)
            if known is None:
                first[key] = index
                representatives.append(index)
            else:
                sets.union(known, index)
        return representatives

    def _group_near(self, sets: _UnionFind, representatives: list[int]) -> None:
        if self.threshold >= 1.0:
            return
        recent = self.probe * 4
        hasher = _ShingleHasher(self.shingle_size, self.minhash.seed)
        buckets: dict[tuple[Hashable, int, tuple[int, ...]], list[int]] = {}
        shingled: dict[int, frozenset[int]] = {}
        for index in representatives:
            shingle_set = hasher(self._words[index])
            shingled[index] = shingle_set
            sketch = self.minhash.sketch(shingle_set)
            for band, values in self.minhash.band_keys(sketch):
                key = (self._scopes[index], band, values)
                bucket = buckets.get(key)
                if bucket is None:
                    buckets[key] = [index]
                    continue
                roots_seen = set()
                for other in reversed(bucket):
                    root = sets.find(other)
                    if root in roots_seen or root == sets.find(index):
                        continue
                    roots_seen.add(root)
                    if jaccard(shingle_set, shingled[other]) >= self.threshold:
                        sets.union(index, other)
                    if len(roots_seen) >= self.probe:
                        break
                bucket.append(index)
                if len(bucket) > recent:
                    del bucket[0]
