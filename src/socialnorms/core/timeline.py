"""The Timeline: every account and action, sorted and indexed once.

Checks query the Timeline instead of scanning the actions: every query below is a
dictionary look-up or a slice of a pre-sorted tuple. :meth:`Timeline.append` adds
an action later, updating only the index entries it touches.
"""

from __future__ import annotations

import bisect
import copy
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from operator import attrgetter
from types import MappingProxyType
from typing import Any, cast

import attrs

from .models import _CREATING, _POST_TARGETS, Account, Action, ActionKind, Post, network_from_id
from .text import GenericSyntax, TextSyntax, normalize_handle

__all__ = ["Timeline"]

_GENERIC = GenericSyntax()
_EMPTY: tuple[Any, ...] = ()


def _frozen(index: Mapping[Any, list[Any]]) -> dict[Any, tuple[Any, ...]]:
    return {key: tuple(values) for key, values in index.items()}


def _insert(index: dict[Any, tuple[Action, ...]], key: Any, action: Action) -> None:
    """Put ``action`` into the time-ordered tuple at ``key``: appended when it is the
    newest (the usual case), else inserted at its place."""
    found = index.get(key, _EMPTY)
    if not found or _action_order(found[-1]) < _action_order(action):
        index[key] = (*found, action)
    else:
        at = bisect.bisect_right(found, _action_order(action), key=_action_order)
        index[key] = (*found[:at], action, *found[at:])


@attrs.frozen(slots=True)
class PostText:
    """What a post's text says, resolved against the Timeline's accounts."""

    mentions: tuple[str, ...]
    """Account ids of the mentioned accounts."""
    hashtags: tuple[str, ...]
    links: tuple[str, ...]


class Timeline:
    """An indexed view of accounts and actions.

    Build it from accounts and actions in any order::

        timeline = Timeline(accounts, actions)

    ``syntax`` maps a network id to its :class:`~socialnorms.core.text.TextSyntax`
    (network plugins supply them; :func:`socialnorms.load` passes the installed
    ones); networks it does not cover use the generic syntax.

    Raises :class:`ValueError` when two actions share an id, or when a post id is
    reused with different content.

    The accounts are fixed when it is built; actions can be added later with
    :meth:`append` and :meth:`extend`, which keep every index correct without a
    rebuild. Queries return tuples: a tuple a caller holds never changes.
    """

    __slots__ = (
        "_accounts",
        "_actions",
        "_aimed",
        "_by_actor",
        "_by_actor_kind",
        "_by_id",
        "_by_kind",
        "_handles",
        "_kind_lists",
        "_mentions",
        "_ordered",
        "_pairs",
        "_post_action",
        "_post_mentions",
        "_posts",
        "_subjects",
        "_syntax_for",
        "_texts",
    )

    def __init__(
        self,
        accounts: Iterable[Account] = (),
        actions: Iterable[Action] = (),
        *,
        syntax: Mapping[str, TextSyntax] | Callable[[str], TextSyntax | None] | None = None,
    ) -> None:
        self._build(accounts, actions, syntax)

    def _build(
        self,
        accounts: Iterable[Account],
        actions: Iterable[Action],
        syntax: Mapping[str, TextSyntax] | Callable[[str], TextSyntax | None] | None,
    ) -> None:
        self._accounts: dict[str, Account] = {}
        for account in sorted(accounts, key=lambda a: a.id):
            if account.id in self._accounts and self._accounts[account.id] != account:
                raise ValueError(f"account.id: {account.id!r} is given twice with different fields")
            self._accounts[account.id] = account
        ordered = sorted(actions, key=_action_order)
        self._ordered: list[Action] = ordered
        self._actions: tuple[Action, ...] | None = None
        by_id: dict[str, Action] = {}
        by_actor: dict[str, list[Action]] = defaultdict(list)
        by_kind: dict[ActionKind, list[Action]] = defaultdict(list)
        aimed: dict[tuple[str, ActionKind], list[Action]] = defaultdict(list)
        pairs: dict[tuple[str, str], list[Action]] = defaultdict(list)
        posts: dict[str, Post] = {}
        post_action: dict[str, Action] = {}
        creators: list[Action] = []
        for action in ordered:
            by_id[action.id] = action
            actor, kind, target, post = action.actor, action.kind, action.target, action.post
            by_actor[actor].append(action)
            by_kind[kind].append(action)
            if target is not None:
                aimed[target, kind].append(action)
                if kind not in _POST_TARGETS:
                    pairs[actor, target].append(action)
            if post is not None:
                known = posts.get(post.id)
                posts[post.id] = post if known is None else known.merge(post)
                if kind in _CREATING:
                    creators.append(action)
                    if post.id not in post_action:
                        post_action[post.id] = action
        if len(by_id) != len(ordered):
            seen: set[str] = set()
            for action in ordered:
                if action.id in seen:
                    raise ValueError(f"action.id: {action.id!r} is used by two actions")
                seen.add(action.id)
        self._by_id = by_id
        self._by_actor = _frozen(by_actor)
        self._by_actor_kind: dict[str, dict[ActionKind, tuple[Action, ...]]] = {}
        # A kind holds a large share of all actions: kept as a list that an append
        # extends in place, and given out as a tuple made when first asked for.
        self._kind_lists: dict[ActionKind, list[Action]] = dict(by_kind)
        self._by_kind: dict[ActionKind, tuple[Action, ...]] = {}
        self._aimed = _frozen(aimed)
        self._pairs = _frozen(pairs)
        self._posts = posts
        self._post_action = post_action
        subjects: dict[str, list[Account]] = defaultdict(list)
        for account in self._accounts.values():
            if account.subject is not None:
                subjects[account.subject].append(account)
        self._subjects = MappingProxyType({s: tuple(subjects[s]) for s in sorted(subjects)})
        self._syntax_for = _syntax_lookup(syntax)
        self._texts: dict[str, PostText] = {}
        self._post_mentions, self._mentions = self._read_mentions(creators)

    # -- building ---------------------------------------------------------------

    def _read_mentions(
        self, creators: list[Action]
    ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[Action, ...]]]:
        """Mentions of every post, resolved to account ids, and the post, reply and
        quote actions (``creators``, in time order) by mentioned account. Hashtags and
        links are read when a check first asks for a post's :meth:`text`."""
        handles = self._handles = self._handle_index()
        syntaxes: dict[str, TextSyntax] = {}
        resolved: dict[str, dict[str, str]] = {}
        author_networks: dict[str, str] = {}
        found: dict[str, tuple[str, ...]] = {}
        for post in self._posts.values():
            network = post.network  # as post_network(), inlined: this runs for every post
            if not network:
                author = post.author
                if author:
                    network = author_networks.get(author)
                    if network is None:
                        network = author_networks[author] = self.network_of(author)
                else:
                    network = network_from_id(post.id)
            raw = post.mentions
            if raw is None:
                syntax = syntaxes.get(network)
                if syntax is None:
                    syntax = syntaxes[network] = self._syntax_for(network)
                raw = syntax.mentions(post.text)
            if not raw:
                continue
            known = resolved.get(network)
            if known is None:
                known = resolved[network] = {}
            ids = []
            for mention in raw:
                account_id = known.get(mention)
                if account_id is None:
                    account_id = known[mention] = self._resolve(mention, network, handles)
                ids.append(account_id)
            found[post.id] = tuple(dict.fromkeys(ids))
        mentioned: dict[str, list[Action]] = defaultdict(list)
        for action in creators:  # each carries its post
            for account_id in found.get(cast("Post", action.post).id, _EMPTY):
                mentioned[account_id].append(action)
        return found, _frozen(mentioned)

    def _handle_index(self) -> dict[tuple[str, str], str]:
        index: dict[tuple[str, str], str] = {}
        for account in self._accounts.values():
            keys = {normalize_handle(account.id.partition(":")[2] or account.id)}
            if account.handle:
                handle = normalize_handle(account.handle)
                keys.add(handle)
                local, at, _domain = handle.partition("@")
                if at:
                    keys.add(local)
            for key in sorted(keys):
                index.setdefault((account.network, key), account.id)
        return index

    def _mentions_in(self, post: Post) -> tuple[str, ...]:
        """The account ids a post mentions, resolved as :meth:`_read_mentions` does."""
        network = self.post_network(post)
        raw = (
            post.mentions
            if post.mentions is not None
            else self._syntax_for(network).mentions(post.text)
        )
        return tuple(
            dict.fromkeys(self._resolve(mention, network, self._handles) for mention in raw)
        )

    # -- adding actions ------------------------------------------------------------

    def append(self, action: Action) -> None:
        """Add one action, at its place in time, updating every index it touches.

        An action older than the newest is inserted where it belongs. Each index
        entry the action touches (its actor, kind, target, post and mentions) is
        updated; nothing else is rebuilt. Raises :class:`ValueError`, and changes
        nothing, when the id is taken or the post conflicts with a known post.
        """
        if action.id in self._by_id:
            raise ValueError(f"action.id: {action.id!r} is used by two actions")
        post = action.post
        known = merged = None
        if post is not None:
            known = self._posts.get(post.id)
            merged = post if known is None else known.merge(post)  # raises before any change
        self._add(action, known, merged)

    def extend(self, actions: Iterable[Action]) -> None:
        """:meth:`append` each action in turn."""
        for action in actions:
            self.append(action)

    def _add(self, action: Action, known: Post | None, merged: Post | None) -> None:
        ordered = self._ordered
        if not ordered or _action_order(ordered[-1]) < _action_order(action):
            ordered.append(action)
        else:
            bisect.insort(ordered, action, key=_action_order)
        self._actions = None
        self._by_id[action.id] = action
        actor, kind, target = action.actor, action.kind, action.target
        _insert(self._by_actor, actor, action)
        split = self._by_actor_kind.get(actor)
        if split is not None:  # the actor's actions were split by kind already: keep it so
            _insert(split, kind, action)
        same_kind = self._kind_lists.setdefault(kind, [])
        if not same_kind or _action_order(same_kind[-1]) < _action_order(action):
            same_kind.append(action)
        else:
            bisect.insort(same_kind, action, key=_action_order)
        self._by_kind.pop(kind, None)
        if target is not None:
            _insert(self._aimed, (target, kind), action)
            if kind not in _POST_TARGETS:
                _insert(self._pairs, (actor, target), action)
        if merged is None:
            return
        post_id = merged.id
        self._posts[post_id] = merged
        creators: list[Action] = []
        first = self._post_action.get(post_id)
        if first is not None:
            creators.append(first)
        if kind in _CREATING:
            creators.append(action)
            if first is None or _action_order(action) < _action_order(first):
                self._post_action[post_id] = action
        if merged is known:
            mentions = self._post_mentions.get(post_id, _EMPTY)
            for account_id in mentions if kind in _CREATING else ():
                _insert(self._mentions, account_id, action)
            return
        # A new post, or a known one this action completes: read its mentions anew.
        self._texts.pop(post_id, None)
        before = self._post_mentions.get(post_id, _EMPTY) if known is not None else _EMPTY
        after = self._mentions_in(merged)
        if after:
            self._post_mentions[post_id] = after
        else:
            self._post_mentions.pop(post_id, None)
        for account_id in before:
            entries = self._mentions.get(account_id, _EMPTY)
            creators.extend(a for a in entries if a.post.id == post_id)
            kept = tuple(a for a in entries if a.post.id != post_id)
            if kept:
                self._mentions[account_id] = kept
            else:
                self._mentions.pop(account_id, None)
        for account_id in after:
            for creator in dict.fromkeys(creators):
                _insert(self._mentions, account_id, creator)

    def _resolve(self, mention: str, network: str, handles: Mapping[tuple[str, str], str]) -> str:
        if mention in self._accounts or ":" in mention:
            return mention  # an account id (handles never hold a colon)
        key = normalize_handle(mention)
        found = handles.get((network, key))
        if found is None and "@" in key:
            found = handles.get((network, key.partition("@")[0]))
        return found or f"{network}:{key}"

    # -- accounts and subjects ---------------------------------------------------

    @property
    def accounts(self) -> Mapping[str, Account]:
        """Every account with a record, by id."""
        return MappingProxyType(self._accounts)

    def account(self, account_id: str) -> Account | None:
        """The account record for ``account_id``, or ``None`` when it has none."""
        return self._accounts.get(account_id)

    def network_of(self, account_id: str) -> str:
        """The network of an account: its record's, else the prefix of its id."""
        account = self._accounts.get(account_id)
        return account.network if account is not None else network_from_id(account_id)

    @property
    def subjects(self) -> tuple[str, ...]:
        """The audited subjects, sorted."""
        return tuple(self._subjects)

    def accounts_of(self, subject: str) -> tuple[Account, ...]:
        """A subject's accounts across networks, sorted by id."""
        return self._subjects.get(subject, _EMPTY)

    def for_subjects(self, subjects: Iterable[str]) -> Timeline:
        """The same timeline auditing only ``subjects``: checks run on it judge those
        subjects exactly as on the whole timeline (``socialnorms check --jobs`` gives
        each process some of them). Every index is shared; nothing is copied, so
        append to neither while the view is in use: make a new view afterwards."""
        wanted = frozenset(subjects)
        view = copy.copy(self)
        view._subjects = MappingProxyType({s: a for s, a in self._subjects.items() if s in wanted})
        return view

    def subject_of(self, account_id: str) -> str | None:
        """The subject that owns ``account_id``, or ``None``."""
        account = self._accounts.get(account_id)
        return account.subject if account is not None else None

    # -- actions -----------------------------------------------------------------

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every action in time order (ties broken by id)."""
        actions = self._actions
        if actions is None:
            actions = self._actions = tuple(self._ordered)
        return actions

    def __iter__(self) -> Iterator[Action]:
        return iter(self.actions)

    def __len__(self) -> int:
        return len(self._ordered)

    def __repr__(self) -> str:
        return (
            f"<Timeline {len(self._ordered)} actions, {len(self._accounts)} accounts, "
            f"subjects={list(self._subjects)}>"
        )

    @property
    def start(self) -> datetime | None:
        """The time of the first action."""
        return self._ordered[0].at if self._ordered else None

    @property
    def end(self) -> datetime | None:
        """The time of the last action: where the data stops."""
        return self._ordered[-1].at if self._ordered else None

    def action(self, action_id: str) -> Action | None:
        """The action with that id, or ``None``."""
        return self._by_id.get(action_id)

    def by_actor(self, actor: str, kind: ActionKind | str | None = None) -> tuple[Action, ...]:
        """Actions by ``actor`` (optionally of one kind), in time order."""
        if kind is None:
            return self._by_actor.get(actor, _EMPTY)
        kinds = self._by_actor_kind.get(actor)
        if kinds is None:
            # Split an actor's actions by kind when first asked: most actors never are.
            split: dict[ActionKind, list[Action]] = defaultdict(list)
            for action in self._by_actor.get(actor, _EMPTY):
                split[action.kind].append(action)
            kinds = self._by_actor_kind[actor] = {k: tuple(v) for k, v in split.items()}
        return kinds.get(ActionKind(kind), _EMPTY)

    def by_kind(self, kind: ActionKind | str) -> tuple[Action, ...]:
        """Every action of one kind, in time order."""
        kind = ActionKind(kind)
        found = self._by_kind.get(kind)
        if found is None:
            found = self._by_kind[kind] = tuple(self._kind_lists.get(kind, _EMPTY))
        return found

    def aimed_at(self, target: str, kind: ActionKind | str) -> tuple[Action, ...]:
        """Actions of ``kind`` whose target is ``target`` (a post or an account id)."""
        return self._aimed.get((target, ActionKind(kind)), _EMPTY)

    def between(self, actor: str, target: str) -> tuple[Action, ...]:
        """Follows, unfollows, invitations, acceptances and messages from
        ``actor`` to the account ``target``, in time order."""
        return self._pairs.get((actor, target), _EMPTY)

    # -- posts -------------------------------------------------------------------

    @property
    def posts(self) -> Mapping[str, Post]:
        """Every post, by id; a post embedded in several actions is one post."""
        return MappingProxyType(self._posts)

    def post(self, post_id: str) -> Post | None:
        """The post with that id, or ``None``."""
        return self._posts.get(post_id)

    def post_action(self, post_id: str) -> Action | None:
        """The post, reply or quote action that created the post, when present."""
        return self._post_action.get(post_id)

    def post_network(self, post: Post) -> str:
        """The network of a post: its own, else its author's, else its id prefix."""
        if post.network:
            return post.network
        if post.author:
            return self.network_of(post.author)
        return network_from_id(post.id)

    def text(self, post: Post | str) -> PostText:
        """Mentions (as account ids), hashtags and links of a post. A post that is
        not in the timeline (a draft) is read the same way, and not remembered."""
        post_id = post if isinstance(post, str) else post.id
        found = self._texts.get(post_id)
        if found is not None:
            return found
        known = self._posts.get(post_id)
        if known is None:
            if not isinstance(post, Post):
                raise KeyError(post_id)
            return self._read_text(post, self._mentions_in(post))
        found = self._texts[post_id] = self._read_text(
            known, self._post_mentions.get(post_id, _EMPTY)
        )
        return found

    def _read_text(self, post: Post, mentions: tuple[str, ...]) -> PostText:
        """Hashtags and links as the post gives them, else as its network's syntax reads them."""
        syntax = self._syntax_for(self.post_network(post))
        return PostText(
            mentions=mentions,
            hashtags=post.hashtags if post.hashtags is not None else syntax.hashtags(post.text),
            links=post.links if post.links is not None else syntax.links(post.text),
        )

    def replies_to(self, post_id: str) -> tuple[Action, ...]:
        """Reply actions whose parent is ``post_id``, in time order."""
        return self.aimed_at(post_id, ActionKind.REPLY)

    def mentions_of(self, account_id: str) -> tuple[Action, ...]:
        """Post, reply and quote actions whose text mentions ``account_id``."""
        return self._mentions.get(account_id, _EMPTY)

    # -- relationships -----------------------------------------------------------

    def follows(self, follower: str, followed: str, at: datetime | None = None) -> bool:
        """Whether ``follower`` follows ``followed`` (at ``at``, or at the end of
        the data): the latest follow or unfollow between them decides."""
        state = False
        for action in self.between(follower, followed):
            if at is not None and action.at > at:
                break
            if action.kind is ActionKind.FOLLOW:
                state = True
            elif action.kind is ActionKind.UNFOLLOW:
                state = False
        return state

    def followers_of(self, account_id: str) -> tuple[Action, ...]:
        """Follow actions aimed at ``account_id``, in time order."""
        return self.aimed_at(account_id, ActionKind.FOLLOW)


_action_order = attrgetter("at", "id")


def _syntax_lookup(
    syntax: Mapping[str, TextSyntax] | Callable[[str], TextSyntax | None] | None,
) -> Callable[[str], TextSyntax]:
    if syntax is None:
        return lambda _network: _GENERIC
    if callable(syntax):
        return lambda network: syntax(network) or _GENERIC
    return lambda network: syntax.get(network, _GENERIC)
