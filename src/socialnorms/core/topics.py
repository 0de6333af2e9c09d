"""Topics that posts are about, for judging whether a post fits a network's audience.

Plugins register :class:`Topic` values through the ``register_topics`` hook; two
registrations of the same topic name add up their terms. A :class:`TopicModel`
scores a post against every topic and reports, for each topic it finds, the
terms it matched: the evidence a finding can show.

How a post is read:

- links are dropped; ``#hashtags`` and ``@handles`` are split at case changes and
  digits (``#GoCowboys`` reads as "go cowboys", ``#Election2026`` as
  "election 2026") and also read whole (``#F1``, ``#PS5``), and an all-lowercase
  tag is split into known words when it can be (``#gocowboys``);
- words are compared case-folded and without possessives; a plural in the text
  also finds a term written in the singular (``touchdowns`` finds
  ``touchdown``), but not the other way round (the team ``Mets`` is not found in
  "we met"); hyphens read as spaces;
- phrases are matched before the words in them, longest first, and a phrase
  matched for one topic is not read again for another (``league of legends`` is
  gaming, not the sports ``league``);
- an *idiom* of a topic (``touch base``, ``ballpark figure``, ``a marathon, not a
  sprint``) is matched like a phrase and then counts for nothing: the words in it
  are not evidence of any topic;
- terms in scripts written without spaces (Chinese, Japanese, Thai) are found
  anywhere in the text.

A topic's score is ``1 - 0.4 ** weight``, where ``weight`` adds 1 for every
distinct term and :data:`WEAK_WEIGHT` for every distinct weak term (words that
often mean something else: ``team``, ``win``, ``pitch``, ``campaign``). One term
gives 0.6, two give 0.84. Weak terms without a term count half, so they always
stay below 0.5: however many of them a post has ("our team scored a big win this
season"), they never decide a topic on their own at the default threshold.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from .text import WORD

__all__ = ["DEFAULT_THRESHOLD", "WEAK_WEIGHT", "Topic", "TopicMatch", "TopicModel", "split_tag"]

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

#: Score a topic needs before :meth:`TopicModel.classify` reports it.
DEFAULT_THRESHOLD = 0.5
#: What a weak term adds to a topic's weight (a full term adds 1).
WEAK_WEIGHT = 0.4
_BASE = 0.4
_CACHE_SIZE = 4096


def _terms(value: object, field: str = "terms") -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise TypeError(f"Topic.{field}: expected a list of words or phrases, got {value!r}")
    terms = []
    for term in value:
        if not isinstance(term, str) or not term.strip():
            raise ValueError(f"Topic.{field}: expected non-empty strings, got {term!r}")
        terms.append(" ".join(term.casefold().split()))
    return tuple(sorted(set(terms)))


@attrs.frozen(slots=True)
class Topic:
    """A subject a post can be about, recognised by its terms (words or phrases).

    ``weak_terms`` are words that often mean something else; they count
    :data:`WEAK_WEIGHT` each. ``idioms`` are phrases that use the topic's words
    but are not about it (``touch base`` is not baseball); their words count
    for no topic.
    """

    name: str = attrs.field()
    terms: tuple[str, ...] = attrs.field(converter=_terms)
    description: str = ""
    weak_terms: tuple[str, ...] = attrs.field(
        default=(), converter=lambda v: _terms(v, "weak_terms")
    )
    idioms: tuple[str, ...] = attrs.field(default=(), converter=lambda v: _terms(v, "idioms"))

    @name.validator
    def _name(self, _attribute: attrs.Attribute, value: object) -> None:
        if not isinstance(value, str) or not _NAME.match(value):
            raise ValueError(f"Topic.name: expected a kebab-case name like 'sports', got {value!r}")

    def extended(self, other: Topic) -> Topic:
        """This topic with the terms of ``other`` (of the same name) added."""
        return attrs.evolve(
            self,
            terms=(*self.terms, *other.terms),
            description=self.description or other.description,
            weak_terms=(*self.weak_terms, *other.weak_terms),
            idioms=(*self.idioms, *other.idioms),
        )


@attrs.frozen(slots=True)
class TopicMatch:
    """A topic found in a post: its score from 0 to 1 and the terms that matched."""

    topic: str
    score: float
    terms: tuple[str, ...]
    """The lexicon terms found in the post, in the order they appear: the evidence."""


# -- reading text ---------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_TAG = re.compile(rf"(?<![{WORD}&/])[#@＃＠]([{WORD}]+)")
_TOKEN = re.compile(rf"[{WORD}]+(?:['’&.][{WORD}]+)*\+*|[^\s{WORD}\x00-\x7f]")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+[a-z]{0,2}|[^\W\d_]+")
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_BREAK = re.compile(r"(?:[.!?;]+|…)(?=\s|$)|[\"“”|\[\]]|\s[-–—]\s")
_SKIN_TONES_AND_SELECTORS = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u200d]")


@functools.lru_cache(maxsize=65536)  # words repeat: each is read once
def _word(token: str) -> str:
    """A token without its possessive ending (``cowboys'`` -> ``cowboys``)."""
    for ending in ("'s", "’s", "'", "’"):
        if token.endswith(ending) and len(token) > len(ending) + 1:
            return token[: -len(ending)]
    return token


@functools.lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    """An English plural made singular (``touchdowns`` -> ``touchdown``), else the word."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    """The words of ``text``, case-folded, without possessive endings."""
    return [_word(token) for token in _TOKEN.findall(text.casefold())]


def split_tag(tag: str, vocabulary: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of a hashtag or handle: ``GoCowboys`` -> ``("go", "cowboys")``.

    A tag in one case is split into words of ``vocabulary`` when it can be read
    wholly as such words (and short fillers); otherwise it stays one word.
    """
    tag = tag.replace("_", " ")
    parts = [piece for chunk in tag.split() for piece in (_CAMEL.findall(chunk) or [chunk])]
    if len(parts) == 1 and vocabulary:
        found = _segment(parts[0].casefold(), vocabulary)
        if found:
            return found
    return tuple(part.casefold() for part in parts)


def _segment(word: str, vocabulary: frozenset[str]) -> tuple[str, ...] | None:
    """``word`` as a sequence of vocabulary words (or one- and two-letter fillers)."""
    if len(word) < 6 or len(word) > 40 or not word.isascii():
        return None

    @functools.cache
    def best(start: int) -> tuple[int, tuple[str, ...]] | None:
        if start == len(word):
            return (0, ())
        options = []
        for end in range(len(word), start, -1):
            piece = word[start:end]
            known = piece in vocabulary or _singular(piece) in vocabulary
            if known or (end - start <= 2 and piece.isalpha()):
                rest = best(end)
                if rest is not None:
                    cost = rest[0] + (0 if known and len(piece) > 2 else 1)
                    options.append((cost, (piece, *rest[1])))
        return min(options, key=lambda option: (option[0], len(option[1]))) if options else None

    found = best(0)
    if found is None or len(found[1]) < 2 or found[0] * 2 > len(found[1]):
        return None  # one word, or more fillers than known words
    return found[1]


# -- the model ------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Entry:
    topic: str | None  # None: an idiom, which consumes its words for no topic
    term: str
    weight: float


class TopicModel:
    """An explainable classifier of posts over a set of topics::

        model = TopicModel(registry.topics)
        for match in model.classify("Cowboys win in overtime! #GoCowboys"):
            print(match.topic, match.score, match.terms)
        # sports 0.8078 ('cowboys', 'win', 'overtime')

    ``threshold`` is the score a topic needs to be reported (default
    :data:`DEFAULT_THRESHOLD`). The model is immutable and caches recent
    results, so checks can classify the same post many times cheaply.
    """

    def __init__(
        self, topics: Mapping[str, Topic], *, threshold: float = DEFAULT_THRESHOLD
    ) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(
                f"TopicModel.threshold: expected a number in (0, 1], got {threshold!r}"
            )
        for key, topic in topics.items():
            if not isinstance(topic, Topic) or topic.name != key:
                raise TypeError(
                    f"TopicModel: {key!r} must map to the Topic of that name, got {topic!r}"
                )
        self._topics = MappingProxyType(dict(sorted(topics.items())))
        self.threshold = float(threshold)
        self._phrases: dict[tuple[str, ...], list[_Entry]] = {}
        self._unspaced: list[tuple[str, _Entry]] = []
        for topic in self._topics.values():
            for terms, weight in ((topic.terms, 1.0), (topic.weak_terms, WEAK_WEIGHT)):
                for term in terms:
                    self._add(term, _Entry(topic.name, term, weight))
            for idiom in topic.idioms:
                self._add(idiom, _Entry(None, idiom, 0.0))
        sizes: dict[str, set[int]] = {}
        for phrase in self._phrases:
            sizes.setdefault(phrase[0], set()).add(len(phrase))
        # the lengths of the phrases that start with a word, longest first
        self._sizes = {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}
        self._tags: dict[str, tuple[str, ...]] = {}
        self._vocabulary = frozenset(
            word for key in self._phrases for word in key if len(word) > 2 and word.isascii()
        ) | frozenset("".join(key) for key in self._phrases if len(key) > 1)
        self._cache: dict[str, tuple[TopicMatch, ...]] = {}

    def _add(self, term: str, entry: _Entry) -> None:
        if _UNSPACED.search(term):
            self._unspaced.append((term, entry))
            return
        key = tuple(_words(term.replace("-", " ")))
        # a phrase is also known in its joined form, as written in a tag: "superbowl"
        for form in (key, ("".join(key),)) if len(key) > 1 else (key,):
            entries = self._phrases.setdefault(form, [])
            if all(known.topic != entry.topic for known in entries):
                entries.append(entry)

    @property
    def topics(self) -> Mapping[str, Topic]:
        """The topics the model knows, by name."""
        return self._topics

    def __len__(self) -> int:
        return len(self._topics)

    def __repr__(self) -> str:
        return f"TopicModel({len(self._topics)} topics, threshold={self.threshold})"

    def classify(self, text: str) -> tuple[TopicMatch, ...]:
        """The topics of ``text`` that pass the threshold, by score (ties by name)."""
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            found = tuple(match for match in self.scores(text) if match.score >= self.threshold)
            self._cache[text] = found
        return found

    def scores(self, text: str) -> tuple[TopicMatch, ...]:
        """Every topic with any evidence in ``text``, below the threshold too."""
        found: dict[str, dict[str, float]] = {}
        for entry in self._matches(text):
            if entry.topic is not None:
                found.setdefault(entry.topic, {}).setdefault(entry.term, entry.weight)
        matches = [
            TopicMatch(topic, _score(terms.values()), tuple(terms))
            for topic, terms in found.items()
        ]
        return tuple(sorted(matches, key=lambda m: (-m.score, m.topic)))

    def _matches(self, text: str) -> Iterator[_Entry]:
        text = unicodedata.normalize("NFC", text)
        for term, entry in self._unspaced:
            if term in text:
                yield entry
        for words in self._segments(text):
            yield from self._scan(words)

    def _segments(self, text: str) -> Iterable[list[str]]:
        """The plain text, then each tag's words, as separate runs (no phrase spans two)."""
        text = _URL.sub(" ", text)
        tags = []

        def tag_words(match: re.Match[str]) -> str:
            tag = match.group(1)
            split = self._tags.get(tag)
            if split is None:
                if len(self._tags) >= _CACHE_SIZE:
                    self._tags.clear()
                split = self._tags[tag] = split_tag(tag, self._vocabulary)
            words = [_word(word) for word in split]
            tags.append(words)
            if len(words) > 1:  # the tag whole as well: #F1, #PS5, #T20 are one word
                tags.append([match.group(1).casefold()])
            return " . "

        plain = _SKIN_TONES_AND_SELECTORS.sub("", _TAG.sub(tag_words, text))
        for sentence in _SENTENCE_BREAK.split(plain):
            yield _words(sentence.replace("-", " "))
        yield from tags

    def _scan(self, words: list[str]) -> Iterator[_Entry]:
        """Longest phrase first at each word. A term matches as written, or with the
        text's plural made singular (``touchdowns`` finds ``touchdown``), never the
        other way: the term ``mets`` is not found in "we met"."""
        singular = [_singular(word) for word in words]
        sizes_of = self._sizes
        if sizes_of.keys().isdisjoint(words) and sizes_of.keys().isdisjoint(singular):
            return  # no phrase starts anywhere here
        phrases = self._phrases
        index = 0
        count = len(words)
        while index < count:
            word, single = words[index], singular[index]
            sizes = sizes_of.get(word, ())
            if single != word and single in sizes_of:
                more = sizes_of[single]
                sizes = tuple(sorted({*sizes, *more}, reverse=True)) if sizes else more
            if not sizes:
                index += 1  # no phrase starts with this word
                continue
            for size in sizes:
                end = index + size
                if end > count:
                    continue
                entries = (
                    phrases.get(tuple(words[index:end]))
                    or phrases.get((*words[index : end - 1], singular[end - 1]))
                    or phrases.get(tuple(singular[index:end]))
                )
                if entries:
                    yield from entries
                    index = end
                    break
            else:
                index += 1


def _score(weights: Iterable[float]) -> float:
    weights = tuple(weights)
    score = 1 - _BASE ** sum(weights)
    if WEAK_WEIGHT < 1 and all(weight < 1 for weight in weights):
        score /= 2  # weak terms alone: never more than half
    return round(score, 4)
