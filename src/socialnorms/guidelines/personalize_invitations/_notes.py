"""What an invitation note says: whether it names the recipient, a context the two
share and a specific topic, in several languages, without a list of phrases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import attrs

from ...core.models import Account

__all__ = ["Personalization", "personalization", "recipient_names"]

_EVENT = (
    "meetup meet-up conference summit panel talk talks keynote webinar workshop session festival fair "
    "expo booth lunch breakfast dinner roundtable hackathon course class event launch podcast episode "
    "konferenz tagung vortrag veranstaltung messe treffen stammtisch "
    "conférence salon atelier événement soirée "
    "conferencia evento taller feria charla congreso congresso conferenza incontro "
    "会議 イベント セミナー 勉強会 懇親会 展示会 会议 活动 研讨会 讲座 컨퍼런스 행사 세미나 конференция встреча"
)
_CONVERSATION = (
    "met meet meeting chat chatted chatting talked talking spoke speaking conversation discussed "
    "discussion call zoom introduced introduction suggested recommended referred mentioned promised asked "
    "thread post article newsletter blog paper video book review reviewing feedback tip advice "
    "getroffen gespräch gesprochen kennengelernt empfohlen "
    "rencontré rencontre échangé parlé discuté recommandé "
    "conocimos hablamos conversación conversa conhecemos falamos incontrato parlato conosciuto "
    "お会い 話 紹介 见面 聊 介绍 만나 이야기 소개 познакомились говорили"
)
_TOPIC_LEAD = r"(?:about|on|regarding|around|über|zum|zur|sur|sobre|su|sul|sulla|over|about\s+your)"
_GENERIC_OBJECTS = frozenset(
    [
        "profile",
        "network",
        "networks",
        "connection",
        "connections",
        "linkedin",
        "twitter",
        "facebook",
        "instagram",
        "mastodon",
        "bluesky",
        "threads",
        "xing",
        "platform",
        "page",
    ]
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


_EVENT_WORDS = _words(_EVENT)
_CONVERSATION_WORDS = _words(_CONVERSATION)
_UNSPACED_CUES = tuple(
    word for word in (_EVENT_WORDS | _CONVERSATION_WORDS) if not word.isascii() and len(word) <= 4
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
_TOPIC = re.compile(
    rf"\b{_TOPIC_LEAD}\s+(?:the\s+|your\s+|our\s+|my\s+)?([^\W\d_][\w-]{{2,}})", re.IGNORECASE
)
_STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "always",
        "another",
        "because",
        "been",
        "before",
        "being",
        "could",
        "every",
        "from",
        "have",
        "here",
        "into",
        "just",
        "know",
        "like",
        "love",
        "more",
        "most",
        "much",
        "other",
        "over",
        "really",
        "same",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "very",
        "want",
        "well",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
        "yours",
        "connect",
        "connecting",
        "network",
        "together",
        "great",
        "thanks",
        "thank",
        "hello",
        "looking",
        "forward",
        "happy",
        "glad",
    ]
)


@attrs.frozen(slots=True)
class Personalization:
    """How personal a note is, feature by feature, with its score from 0 to 1."""

    names_recipient: bool
    shared_context: tuple[str, ...]
    """The cues of a shared context found: event and conversation words, proper names."""
    topic: tuple[str, ...]
    """The words that make the note specific: a topic it is about, words from the
    recipient's bio or posts."""

    @property
    def score(self) -> float:
        return round(
            0.3 * self.names_recipient + 0.5 * bool(self.shared_context) + 0.2 * bool(self.topic), 2
        )

    @property
    def missing(self) -> tuple[str, ...]:
        """What the note lacks, in words a reader understands."""
        lacks = []
        if not self.names_recipient:
            lacks.append("the recipient's name")
        if not self.shared_context:
            lacks.append("a shared context (an event, a place, a conversation)")
        if not self.topic:
            lacks.append("a specific topic")
        return tuple(lacks)


def recipient_names(account: Account | None, account_id: str) -> tuple[str, ...]:
    """The ways a note can name a recipient: parts of the name, of the handle and of
    the id, of two characters or more, case-folded."""
    found: list[str] = []
    sources = [account_id.partition(":")[2] or account_id]
    if account is not None:
        sources.extend(value for value in (account.name, account.handle) if value)
    for source in sources:
        source = unicodedata.normalize("NFKC", source).lstrip("@").partition("@")[0]
        for part in re.split(r"[\s_.\-]+", source):
            part = part.casefold().strip("'’")
            if len(part) >= 2 and not part.isdigit():
                found.append(part)
    return tuple(dict.fromkeys(found))


def _mentions_name(text: str, names: Iterable[str]) -> bool:
    folded = text.casefold()
    for name in names:
        if name.isascii():
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
                return True
        elif name in folded:
            return True
    return False


def personalization(
    message: str,
    names: Sequence[str],
    known_words: frozenset[str] = frozenset(),
    sender: Sequence[str] = (),
) -> Personalization:
    """Score a note: does it name the recipient (``names``), a context you share, and a
    specific topic (also: a word of ``known_words``, the recipient's bio and posts)?
    The ``sender``'s own names are no shared context."""
    text = unicodedata.normalize("NFKC", message)
    folded_names = set(names)
    words = _WORD.findall(text)
    folded = [word.casefold() for word in words]
    context = [word for word in folded if word in _EVENT_WORDS or word in _CONVERSATION_WORDS]
    context.extend(cue for cue in _UNSPACED_CUES if cue in text)
    context.extend(_proper_names(text, folded_names | set(sender) | _GENERIC_OBJECTS))
    topic = [
        match.group(1).casefold()
        for match in _TOPIC.finditer(text)
        if match.group(1).casefold() not in _GENERIC_OBJECTS
        and match.group(1).casefold() not in folded_names
    ]
    topic.extend(
        word for word in folded if len(word) >= 4 and word in known_words and word not in _STOP
    )
    return Personalization(
        names_recipient=_mentions_name(text, names),
        shared_context=tuple(dict.fromkeys(context)),
        topic=tuple(dict.fromkeys(topic)),
    )


def _proper_names(text: str, names: set[str]) -> list[str]:
    """Capitalised words inside a sentence that are not the recipient's name: places,
    organisations, people you both know."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        before = text[: match.start()].rstrip(" \t\"'“(-–—")
        if not before or _SENTENCE_END.search(before):
            continue
        if (
            word[0].isupper()
            and word.casefold() not in names
            and word not in ("I", "I'm", "I'd", "I’d", "I'll")
        ):
            found.append(word)
    return found
