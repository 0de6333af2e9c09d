"""Guideline ``personalize-invitations``: an invitation should say why this person,
and an accepted one should be followed by a conversation.

Generic invitations are found without a list of phrases: an empty note, a
network's stock text (from its profile, compared after normalisation and
tolerant to small edits), or one text sent to several people with only names
and small details changed (names, capitalised words and numbers are replaced by
placeholders, and the shapes are grouped with MinHash buckets, see
:mod:`socialnorms.core.similarity`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from difflib import SequenceMatcher
from statistics import mean
from typing import Any, cast

import attrs

from ..core.checks import CheckContext, Finding, Option, Rule, Severity, check_function
from ..core.hookspecs import hookimpl
from ..core.models import Account, Action, ActionKind
from ..core.ruleparts import DATA_INVITATIONS, Chart
from ..core.similarity import NearDuplicates, jaccard, shingles, tokens
from ..core.timeline import Timeline

__all__ = [
    "RULES",
    "Personalization",
    "personalization",
    "personalize_invitations",
    "register_checks",
]

GUIDELINE = "personalize-invitations"

_ACCOUNTS = (
    '{"type": "account", "id": "linkedin:acme", "network": "linkedin", "subject": "acme", "name": "Acme"}\n'
    '{"type": "account", "id": "linkedin:jane", "network": "linkedin", "name": "Jane Doe", '
    '"bio": "Head of growth at a running-shoe brand"}\n'
    '{"type": "account", "id": "linkedin:omar", "network": "linkedin", "name": "Omar Haddad"}\n'
    '{"type": "account", "id": "linkedin:li", "network": "linkedin", "name": "Li Wei"}\n'
)

GENERIC = Rule(
    code="SN401",
    name="generic-invitation",
    needs={DATA_INVITATIONS},
    summary="Invitations without a note, with the network's stock text, or from one template.",
    why=(
        "An invitation that could have been sent to anyone tells the recipient nothing about "
        "why they should accept. Stock and template notes are the ones people refuse, leave "
        "unanswered or mark as spam; a line about where you met makes the difference."
    ),
    example=_ACCOUNTS
    + '{"type": "action", "id": "i1", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"target": "linkedin:jane", "message": "Hi Jane, I came across your profile and would love to connect!"}\n'
    '{"type": "action", "id": "i2", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:05:00Z", '
    '"target": "linkedin:omar", "message": "Hi Omar, I came across your profile and would love to connect!"}\n'
    '{"type": "action", "id": "i3", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:10:00Z", '
    '"target": "linkedin:li", "message": "Hi Li, I came across your profile and would love to connect!"}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "action", "id": "i1", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"target": "linkedin:jane", "message": "Jane, great meeting you at the Leeds running expo; I would love to '
    'hear how the trail-shoe test went."}\n'
    '{"type": "action", "id": "i2", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:05:00Z", '
    '"target": "linkedin:omar", "message": "Hi Omar, thanks for the tip on cohort dashboards at the analytics '
    'meetup on Tuesday."}\n'
    '{"type": "action", "id": "i3", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:10:00Z", '
    '"target": "linkedin:li", "message": "Li, we sat together at the Content Marketing lunch and talked about '
    'newsletter pricing. Let us stay in touch."}\n',
    options=cast(  # attrs' converter=tuple confuses mypy's attrs plugin
        "Iterable[Any]",
        (
            Option(
                "min_generic",
                2,
                "From this many generic invitations the finding is a warning; a single one is "
                "reported for information. One stock note among personal ones is a slip, two are a "
                "habit.",
            ),
            Option(
                "min_template_recipients",
                3,
                "A note counts as a template when its shape (names, capitalised words and numbers "
                "replaced) was sent to at least this many people. Two similar notes can be "
                "coincidence, three are a mail merge.",
            ),
            Option(
                "template_similarity",
                0.7,
                "Jaccard similarity of word triples of two shapes from which they are one template. "
                "0.7 lets a changed detail (a job title, a city in lower case, an added word) through "
                "while keeping notes that share only a polite opening apart.",
            ),
            Option(
                "default_similarity",
                0.85,
                "How close a note must be to one of the network's stock texts (sequence ratio after "
                "normalisation) to count as the stock text: 0.85 tolerates a name added in front or "
                "a punctuation change.",
            ),
        ),
    ),
)

WEAK = Rule(
    code="SN402",
    name="weak-personalization",
    needs={DATA_INVITATIONS},
    charts=(
        Chart(
            ident="personalization",
            title="Invitation personalisation score",
            measurement="personalization_score",
            kind="bar",
            desc="How personal the subject's invitations were, per network, from 0 (a stock or "
            "template note) to 1 (names the person and a shared context).",
            absent="No invitation personalisation was measured (no invitations, or the check did not run).",
            unit="number",
            max_value=1.0,
        ),
    ),
    summary="Personal notes that name nobody and nothing you share.",
    why=(
        "A note that names the recipient and the context you share (an event, a place, a "
        "conversation, a piece of their work) shows you know who you are inviting. Without "
        "those, a personal-looking note is as easy to decline as the stock one."
    ),
    example=_ACCOUNTS
    + '{"type": "action", "id": "i1", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"target": "linkedin:jane", "message": "Let us connect, always good to grow the network."}\n'
    '{"type": "action", "id": "i2", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-03T09:00:00Z", '
    '"target": "linkedin:omar", "message": "Looking forward to being connected with you!"}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "action", "id": "i1", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"target": "linkedin:jane", "message": "Jane, your talk on growth loops at the Leeds meetup was great."}\n'
    '{"type": "action", "id": "i2", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-03T09:00:00Z", '
    '"target": "linkedin:omar", "message": "Omar, thanks for the chat after the panel about pricing pages!"}\n',
    options=cast(  # attrs' converter=tuple confuses mypy's attrs plugin
        "Iterable[Any]",
        (
            Option(
                "min_score",
                0.5,
                "A note scores 0.3 for the recipient's name, 0.5 for a shared context and 0.2 for a "
                "specific topic; below 0.5 it is weak. A shared context alone passes; a name alone "
                "does not, since a mail merge adds names.",
            ),
            Option(
                "min_weak",
                2,
                "From this many weak notes, making at least half of the personal notes, the finding "
                "is a warning; otherwise it is for information.",
            ),
        ),
    ),
)

NO_FOLLOW_UP = Rule(
    code="SN403",
    name="no-follow-up",
    needs={DATA_INVITATIONS},
    summary="Accepted invitations not followed by a message.",
    why=(
        "An accepted invitation opens a door. Writing soon after, to thank the person and "
        "pick up what you talked about, turns a connection into a relationship; silence "
        "makes the invitation look like collecting contacts."
    ),
    example=_ACCOUNTS
    + '{"type": "action", "id": "i1", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"target": "linkedin:jane", "message": "Jane, great meeting you at the Leeds running expo."}\n'
    '{"type": "action", "id": "a1", "kind": "accept", "actor": "linkedin:jane", "at": "2026-03-02T12:00:00Z", '
    '"target": "linkedin:acme"}\n'
    '{"type": "action", "id": "p1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-20T09:00:00Z", '
    '"post": {"id": "linkedin:p1", "text": "Spring collection is out"}}\n',
    quiet_example=_ACCOUNTS
    + '{"type": "action", "id": "i1", "kind": "invite", "actor": "linkedin:acme", "at": "2026-03-02T09:00:00Z", '
    '"target": "linkedin:jane", "message": "Jane, great meeting you at the Leeds running expo."}\n'
    '{"type": "action", "id": "a1", "kind": "accept", "actor": "linkedin:jane", "at": "2026-03-02T12:00:00Z", '
    '"target": "linkedin:acme"}\n'
    '{"type": "action", "id": "m1", "kind": "message", "actor": "linkedin:acme", "at": "2026-03-03T09:00:00Z", '
    '"target": "linkedin:jane", "message": "Thanks for connecting, Jane! Here are the test results I mentioned."}\n'
    '{"type": "action", "id": "p1", "kind": "post", "actor": "linkedin:acme", "at": "2026-03-20T09:00:00Z", '
    '"post": {"id": "linkedin:p1", "text": "Spring collection is out"}}\n',
    options=cast(  # attrs' converter=tuple confuses mypy's attrs plugin
        "Iterable[Any]",
        (
            Option(
                "follow_up_days",
                7,
                "Days after the acceptance within which a message, reply or mention to the person "
                "counts as a follow-up. A week leaves room for busy schedules while the connection "
                "is still fresh in both minds. Acceptances closer than this to the end of the data "
                "are not judged.",
            ),
            Option(
                "min_missing_share",
                0.5,
                "The finding is a warning when at least this share of the judged acceptances had no "
                "follow-up, and for information below it: forgetting one in many is human.",
            ),
        ),
    ),
)

RULES = (GENERIC, WEAK, NO_FOLLOW_UP)


# -- what a note says ------------------------------------------------------------------------

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


# -- generic notes ------------------------------------------------------------------------------


def _shape(message: str, names: Sequence[str]) -> tuple[str, ...]:
    """The words of a note with the recipient's names, capitalised words and numbers
    replaced by placeholders: equal shapes mean one template."""
    text = unicodedata.normalize("NFKC", message)
    for name in sorted(names, key=len, reverse=True):
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)" if name.isascii() else re.escape(name)
        text = re.sub(pattern, " Name ", text, flags=re.IGNORECASE)
    shaped = []
    for word in re.findall(r"\w+|[^\w\s]", text):
        if word.isdigit():
            shaped.append("<n>")
        elif word[0].isupper():
            shaped.append("<name>")
        elif word[0].isalnum() or word[0] == "_":
            shaped.append(word.casefold())
    return tuple(shaped) or tokens(message)


def _is_default(shape: Sequence[str], defaults: Sequence[tuple[str, ...]], ratio: float) -> bool:
    joined = " ".join(shape)
    return any(
        joined == " ".join(default)
        or SequenceMatcher(None, joined, " ".join(default)).ratio() >= ratio
        for default in defaults
    )


@attrs.frozen(slots=True)
class _Invitation:
    action: Action
    recipient: str
    names: tuple[str, ...]
    kind: str | None = None
    """``empty``, ``default``, ``template`` or ``None`` for a personal note."""
    personal: Personalization | None = None


def _target(action: Action) -> str:
    """The target of an invite or a reply, which always has one:
    :class:`~socialnorms.core.models.Action` refuses either without a target."""
    assert action.target is not None
    return action.target


def _personal(invitation: _Invitation) -> Personalization:
    """The score of an invitation already known to have one."""
    assert invitation.personal is not None
    return invitation.personal


def _stock_texts(ctx: CheckContext, network: str) -> tuple[list[tuple[str, ...]], float]:
    """The shapes of the network's stock invitation texts, and how similar counts as one."""
    profile = ctx.profile(network)
    defaults = (
        [_shape(text, ()) for text in profile.default_invitations] if profile is not None else []
    )
    return defaults, ctx.option("SN401", "default_similarity", network)


def plain_kind(
    message: str, names: Sequence[str], defaults: Sequence[tuple[str, ...]], ratio: float
) -> tuple[str | None, tuple[str, ...] | None]:
    """SN401, on one invitation alone: ``empty`` (no note), ``default`` (the network's
    stock text) or ``None``, with the note's shape (``None`` when empty). Whether it
    comes from a template is judged against the account's other invitations."""
    if not any(char.isalnum() for char in message):
        return "empty", None
    shape = _shape(message, names)
    if defaults and _is_default(shape, defaults, ratio):
        return "default", shape
    return None, shape


def _classify(ctx: CheckContext, invitations: list[_Invitation], network: str) -> list[_Invitation]:
    defaults, ratio = _stock_texts(ctx, network)
    shapes: dict[str, tuple[str, ...]] = {}
    classified: dict[str, str] = {}
    for invitation in invitations:
        kind, shape = plain_kind(invitation.action.message or "", invitation.names, defaults, ratio)
        if shape is not None:
            shapes[invitation.action.id] = shape
        if kind is not None:
            classified[invitation.action.id] = kind
    groups = NearDuplicates(threshold=ctx.option("SN401", "template_similarity", network))
    for invitation in invitations:
        if invitation.action.id in shapes and invitation.action.id not in classified:
            groups.add_tokens(invitation.action.id, shapes[invitation.action.id])
    recipients = {invitation.action.id: invitation.recipient for invitation in invitations}
    least = ctx.option("SN401", "min_template_recipients", network)
    for group in groups.groups():
        # the keys added are action ids
        if len({recipients[cast(str, key)] for key in group}) >= least:
            for key in group:
                classified[cast(str, key)] = "template"
    return [
        attrs.evolve(invitation, kind=classified.get(invitation.action.id))
        for invitation in invitations
    ]


# -- what the data knows about a recipient -------------------------------------------------------


def _known_words(timeline: Timeline, recipient: str) -> frozenset[str]:
    account = timeline.account(recipient)
    texts = [account.bio] if account is not None and account.bio else []
    texts.extend(
        action.post.text for action in timeline.by_actor(recipient) if action.post is not None
    )
    return frozenset(word for text in texts for word in tokens(text) if len(word) >= 4)


def _first_name(timeline: Timeline, recipient: str) -> str:
    account = timeline.account(recipient)
    if account is not None and account.name:
        return account.name.split()[0]
    handle = (
        account.handle if account is not None and account.handle else recipient.partition(":")[2]
    )
    return "@" + handle.lstrip("@") if handle else recipient


def _hint(timeline: Timeline, own: set[str], recipient: str) -> str:
    """What a personal note to ``recipient`` could mention, from what the data knows."""
    account = timeline.account(recipient)
    who = _first_name(timeline, recipient)
    facts = []
    if account is not None and account.bio:
        bio = " ".join(account.bio.split())
        facts.append(f"what they do (“{bio[:70]}{'…' if len(bio) > 70 else ''}”)")
    shared = _shared(timeline, own, recipient)
    if shared:
        facts.append(shared)
    if not facts:
        facts.append("where you met or what you talked about")
    return f"{who}: {' and '.join(facts)}"


def _shared(timeline: Timeline, own: set[str], recipient: str) -> str | None:
    """The latest interaction between the subject and the recipient in the timeline."""
    for action in reversed(timeline.by_actor(recipient)):
        if action.post is not None and action.kind.creates_post:
            mentioned = set(timeline.text(action.post).mentions)
            parent = (
                timeline.post(action.target)
                if action.kind is ActionKind.REPLY and action.target
                else None
            )
            if mentioned & own or (parent is not None and parent.author in own):
                return f"the {action.kind.value} they wrote you on {action.at:%d %B} (“{_short(action.post.text)}”)"
        if action.kind in (ActionKind.REPOST, ActionKind.LIKE) and action.target:
            post = timeline.post(action.target)
            if post is not None and post.author in own:
                return f"the {action.kind.value} they gave your post “{_short(post.text)}”"
    return None


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- the check ------------------------------------------------------------------------------------


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge before sending an invitation without a note, with the network's stock text
    or from the account's template (SN401), or with a note that names nobody and
    nothing shared (SN402)."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or draft.kind is not ActionKind.INVITE:
        return
    network = timeline.network_of(draft.actor)
    recipient = draft.target
    assert recipient is not None  # Action refuses an invite without a target
    names = recipient_names(timeline.account(recipient), recipient)
    if ctx.profile(network) is None and ctx.enabled("SN401"):
        ctx.note(
            f"no profile for network {network!r}: invitations there were not compared with its stock texts"
        )
    kind, shape = plain_kind(draft.message or "", names, *_stock_texts(ctx, network))
    if kind is None:
        assert shape is not None  # plain_kind gives a shape whenever the kind is None
        kind = _template_or_unsure(ctx, draft, network, shape)
        if kind == "unsure":
            return  # nearly the same as another note: only the whole check can group it
    own = {account.id for account in timeline.accounts_of(subject)}
    who = _first_name(timeline, recipient)
    hint = _hint(timeline, own, recipient)
    if kind is not None:
        if not ctx.enabled("SN401"):
            return
        profile = ctx.profile(network)
        what = {
            "empty": "has no note",
            "default": f"uses {profile.name if profile else network}'s stock text",
            "template": "is the account's template with only the name changed",
        }[kind]
        yield ctx.finding(
            "SN401",
            subject=subject,
            account=draft.actor,
            network=network,
            message=f"This invitation to {who} {what}.",
            suggestion=(
                f"Write it for {who}: say where you met or what you talked about, and why you "
                f"want to stay in touch. For example, mention {hint}."
            ),
            evidence=[draft.id],
            metrics={"kind": kind},
        )
        return
    if not ctx.enabled("SN402"):
        return
    sender = timeline.account(draft.actor)
    personal = personalization(
        draft.message or "",
        names,
        _known_words(timeline, recipient),
        recipient_names(sender, draft.actor),
    )
    threshold = ctx.option("SN402", "min_score", network)
    if personal.score >= threshold:
        return
    yield ctx.finding(
        "SN402",
        subject=subject,
        account=draft.actor,
        network=network,
        message=(
            f"This invitation note to {who} scores {personal.score:g} of 1 (below {threshold:g}): "
            f"it lacks {', '.join(personal.missing)}."
        ),
        suggestion=f"Name the person and what you share. For example, mention {hint}.",
        evidence=[draft.id],
        metrics={"score": personal.score, "missing": list(personal.missing)},
    )


def _template_or_unsure(
    ctx: CheckContext, draft: Action, network: str, shape: tuple[str, ...]
) -> str | None:
    """``template`` when the note has the very shape of notes the account sent to enough
    other people; ``unsure`` when it is only near one (the check's grouping decides);
    else ``None``."""
    timeline = ctx.timeline
    threshold = ctx.option("SN401", "template_similarity", network)

    def sent() -> list[tuple[str, tuple[str, ...], frozenset[str]]]:
        defaults, ratio = _stock_texts(ctx, network)
        found = []
        for action in timeline.by_actor(draft.actor, ActionKind.INVITE):
            target = _target(action)
            names = recipient_names(timeline.account(target), target)
            kind, other = plain_kind(action.message or "", names, defaults, ratio)
            if kind is None:
                assert other is not None  # plain_kind gives a shape whenever the kind is None
                found.append((target, other, shingles(other)))
        return found

    notes = ctx.cached((GUIDELINE, "sent", draft.actor, network), sent, about=[draft.actor])
    same = {recipient for recipient, other, _shingles in notes if other == shape} | {draft.target}
    if len(same) >= ctx.option("SN401", "min_template_recipients", network):
        return "template"
    mine = shingles(shape)
    if any(jaccard(mine, theirs) >= threshold for _r, _other, theirs in notes):
        return "unsure"
    return None


@check_function(GUIDELINE, RULES, review=review_draft)
def personalize_invitations(ctx: CheckContext) -> Iterator[Finding]:
    """Generic and weakly personal invitations, and acceptances left without a word."""
    timeline = ctx.timeline
    for subject in timeline.subjects:
        own = {account.id for account in timeline.accounts_of(subject)}
        for account in timeline.accounts_of(subject):
            sent = timeline.by_actor(account.id, ActionKind.INVITE)
            accepted = timeline.aimed_at(account.id, ActionKind.ACCEPT)
            if not sent and not accepted:
                continue
            network = account.network
            sender_names = recipient_names(account, account.id)
            if sent and ctx.profile(network) is None and ctx.enabled("SN401"):
                ctx.note(
                    f"no profile for network {network!r}: invitations there were not compared "
                    "with its stock texts"
                )
            invitations = [
                _Invitation(
                    action,
                    _target(action),
                    recipient_names(timeline.account(_target(action)), _target(action)),
                )
                for action in sent
            ]
            invitations = _classify(ctx, invitations, network)
            invitations = [
                attrs.evolve(
                    invitation,
                    personal=personalization(
                        invitation.action.message or "",
                        invitation.names,
                        _known_words(timeline, invitation.recipient),
                        sender_names,
                    ),
                )
                if invitation.kind is None
                else invitation
                for invitation in invitations
            ]
            if invitations:
                scores = [inv.personal.score if inv.personal else 0.0 for inv in invitations]
                ctx.measure(subject, network, "invitations", len(invitations))
                ctx.measure(
                    subject,
                    network,
                    "generic_invitations",
                    sum(1 for inv in invitations if inv.kind),
                )
                ctx.measure(subject, network, "personalization_score", round(mean(scores), 3))
            yield from _generic(ctx, subject, account, invitations, own)
            yield from _weak(ctx, subject, account, invitations, own)
            yield from _no_follow_up(ctx, subject, account, accepted, own)


def _generic(
    ctx: CheckContext,
    subject: str,
    account: Account,
    invitations: Sequence[_Invitation],
    own: set[str],
) -> Iterator[Finding]:
    generic = [inv for inv in invitations if inv.kind]
    if not generic or not ctx.enabled("SN401"):
        return
    kinds = Counter(inv.kind for inv in generic)
    profile = ctx.profile(account.network)
    network_name = profile.name if profile is not None else account.network
    parts = []
    if kinds["empty"]:
        parts.append(f"{kinds['empty']} without a note")
    if kinds["default"]:
        parts.append(f"{kinds['default']} with {network_name}'s stock text")
    if kinds["template"]:
        parts.append(f"{kinds['template']} from a template with only the name changed")
    least = ctx.option("SN401", "min_generic", account.network)
    hints = "; ".join(_hint(ctx.timeline, own, inv.recipient) for inv in generic[:3])
    yield ctx.finding(
        "SN401",
        subject=subject,
        account=account.id,
        message=f"{len(generic)} of {len(invitations)} invitations were generic: {', '.join(parts)}",
        suggestion=(
            "Write each invitation for its recipient: say where you met or what you talked "
            f"about, and why you want to stay in touch. For example, mention {hints}."
        ),
        evidence=[inv.action.id for inv in generic],
        metrics={
            "invitations": len(invitations),
            "generic": len(generic),
            "empty": kinds["empty"],
            "default_text": kinds["default"],
            "template": kinds["template"],
        },
        severity=Severity.WARNING if len(generic) >= least else Severity.INFO,
    )


def _weak(
    ctx: CheckContext,
    subject: str,
    account: Account,
    invitations: Sequence[_Invitation],
    own: set[str],
) -> Iterator[Finding]:
    if not ctx.enabled("SN402"):
        return
    personal = [inv for inv in invitations if inv.personal is not None]
    threshold = ctx.option("SN402", "min_score", account.network)
    weak = [inv for inv in personal if _personal(inv).score < threshold]
    if not weak:
        return
    missing = Counter(lack for inv in weak for lack in _personal(inv).missing)
    least = ctx.option("SN402", "min_weak", account.network)
    warn = len(weak) >= least and len(weak) * 2 >= len(personal)
    average = round(mean(_personal(inv).score for inv in weak), 2)
    hints = "; ".join(_hint(ctx.timeline, own, inv.recipient) for inv in weak[:3])
    lacks = ", ".join(f"{what} ({count})" for what, count in missing.most_common())
    yield ctx.finding(
        "SN402",
        subject=subject,
        account=account.id,
        message=(
            f"{len(weak)} of {len(personal)} personal invitation notes score below {threshold} "
            f"(average {average}); they lack {lacks}"
        ),
        suggestion=f"Name the person and what you share. For example, mention {hints}.",
        evidence=[inv.action.id for inv in weak],
        metrics={
            "weak": len(weak),
            "personal": len(personal),
            "mean_score": average,
            "missing": dict(sorted(missing.items())),
        },
        severity=Severity.WARNING if warn else Severity.INFO,
    )


def _replies_by_author(timeline: Timeline, account: str) -> dict[str, list[datetime]]:
    """When ``account`` replied to each author, by author."""
    found: dict[str, list[datetime]] = defaultdict(list)
    for action in timeline.by_actor(account, ActionKind.REPLY):
        parent = timeline.post(_target(action))
        if parent is not None and parent.author:
            found[parent.author].append(action.at)
    return found


def _follow_ups(
    timeline: Timeline, account: str, recipient: str, replies: dict[str, list[datetime]]
) -> list[datetime]:
    """When ``account`` wrote to ``recipient``: messages, replies to them, mentions of them."""
    times = [a.at for a in timeline.between(account, recipient) if a.kind is ActionKind.MESSAGE]
    times.extend(a.at for a in timeline.mentions_of(recipient) if a.actor == account)
    times.extend(replies.get(recipient, ()))
    return sorted(times)


def _no_follow_up(
    ctx: CheckContext, subject: str, account: Account, accepted: Sequence[Action], own: set[str]
) -> Iterator[Finding]:
    if not accepted:
        return
    timeline = ctx.timeline
    window = timedelta(days=ctx.option("SN403", "follow_up_days", account.network))
    missing: list[Action] = []
    followed = pending = 0
    replies = _replies_by_author(timeline, account.id)
    for acceptance in accepted:
        times = [
            at
            for at in _follow_ups(timeline, account.id, acceptance.actor, replies)
            if at >= acceptance.at
        ]
        if times and times[0] - acceptance.at <= window:
            followed += 1
        elif timeline.end is not None and timeline.end - acceptance.at < window and not times:
            pending += 1
        else:
            missing.append(acceptance)
    judged = followed + len(missing)
    ctx.measure(subject, account.network, "accepted_invitations", len(accepted))
    if judged:
        ctx.measure(subject, account.network, "follow_up_rate", round(followed / judged, 3))
    if not missing or not ctx.enabled("SN403"):
        return
    share = len(missing) / judged
    days = (
        window.days
        if window.days * 86400 == window.total_seconds()
        else round(window.total_seconds() / 86400, 1)
    )
    names = ", ".join(_first_name(timeline, a.actor) for a in missing[:5]) + (
        ", …" if len(missing) > 5 else ""
    )
    hints = "; ".join(_hint(timeline, own, a.actor) for a in missing[:3])
    yield ctx.finding(
        "SN403",
        subject=subject,
        account=account.id,
        message=(
            f"{len(missing)} of {judged} accepted invitations had no message within {days} days "
            f"({names})"
        ),
        suggestion=f"Thank them for connecting and continue the conversation; mention {hints}.",
        evidence=[a.id for a in missing],
        metrics={
            "accepted": judged,
            "without_follow_up": len(missing),
            "pending": pending,
            "share": round(share, 3),
        },
        severity=Severity.WARNING
        if share >= ctx.option("SN403", "min_missing_share", account.network)
        else Severity.INFO,
    )


@hookimpl
def register_checks(register) -> None:
    register(personalize_invitations)
