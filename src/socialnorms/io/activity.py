"""The socialnorms activity format, version 1 (JSON Lines): reading and writing.

Strict by default: the first bad record stops the read with
``FILE:LINE: field: problem``. Tolerant reading skips bad records, counts them and
lists them in the result, never dropping one silently.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ..core.hookspecs import hookimpl
from ..core.models import (
    _CREATING,
    _POST_TARGETS,
    Account,
    Action,
    ActionKind,
    Media,
    Post,
    parse_timestamp,
    trusted_action,
    trusted_post,
)
from . import (
    Coverage,
    CoverageStatement,
    DataCoverage,
    InputError,
    Reader,
    ReadOptions,
    ReadResult,
    SkippedRecord,
)

__all__ = [
    "account_record",
    "action_record",
    "coverage_header",
    "header_coverage",
    "parse_account",
    "parse_action",
    "read_activity",
    "write_activity",
]

FORMAT = "socialnorms-activity"
VERSION = 1
SUFFIXES = (".jsonl", ".ndjson")
_BOM = b"\xef\xbb\xbf"  # written by some Windows tools; not part of the first record

_ACCOUNT_KEYS = (
    "id",
    "network",
    "subject",
    "handle",
    "name",
    "bio",
    "url",
    "created",
    "followers",
    "following",
    "posts",
    "default_avatar",
    "verified",
    "tags",
)
_ACTION_KEYS = ("id", "kind", "actor", "at", "target", "post", "message", "via")
_POST_KEYS = (
    "id",
    "author",
    "network",
    "text",
    "created",
    "mentions",
    "links",
    "hashtags",
    "in_reply_to",
    "quotes",
    "crosspost_of",
    "media",
    "source",
)


try:
    import msgspec
except ImportError:  # the optional "fast" extra is not installed
    msgspec = None  # type: ignore[assignment]
DECODER = "json" if msgspec is None else "msgspec"
"""The JSON decoder reading uses: ``msgspec`` when installed (``socialnorms[fast]``),
else the standard library's ``json``. Both give the same records and the same errors:
a line msgspec refuses is read again, and explained, by ``json``."""

if msgspec is not None:

    class _PostRecord(msgspec.Struct, forbid_unknown_fields=True, gc=False):
        """A post without media or extra keys, typed as the activity format says."""

        id: str
        author: str | None = None
        network: str | None = None
        text: str = ""
        created: str | None = None
        mentions: list[str] | None = None
        links: list[str] | None = None
        hashtags: list[str] | None = None
        in_reply_to: str | None = None
        quotes: str | None = None
        crosspost_of: str | None = None
        source: str | None = None

    class _ActionRecord(msgspec.Struct, forbid_unknown_fields=True, gc=False):
        """An action record without extra keys; msgspec checks every type while decoding."""

        type: str
        kind: str
        actor: str
        at: str
        id: str | None = None
        target: str | None = None
        post: _PostRecord | None = None
        message: str | None = None
        via: str | None = None

    _fast_loads = msgspec.json.Decoder().decode
    _typed_loads = msgspec.json.Decoder(_ActionRecord).decode
else:
    _fast_loads = _typed_loads = None


def _typed_action(raw: bytes, strings: dict[str, str]) -> Action | None:
    """The action of an ordinary line, decoded and type-checked by msgspec in one go;
    ``None`` for anything else (accounts, extra keys, media, wrong types, bad JSON),
    which the general path then reads and explains."""
    try:
        record = _typed_loads(raw)
        if record.type != "action":
            return None
        post = record.post
        fields: tuple[Any, ...] | None = None
        if post is not None:
            fields = (
                post.id,
                post.author,
                post.network,
                post.text,
                post.created,
                None if post.mentions is None else tuple(post.mentions),
                None if post.links is None else tuple(post.links),
                None if post.hashtags is None else tuple(post.hashtags),
                post.in_reply_to,
                post.quotes,
                post.crosspost_of,
                post.source,
            )
        return _assemble(
            strings,
            record.kind,
            record.actor,
            record.at,
            record.id,
            record.target,
            record.message,
            record.via,
            fields,
        )
    except Exception:
        return None


_BLANK = object()
_FAILED = object()

_KINDS = {kind.value: kind for kind in ActionKind}
_WITH_MESSAGE = frozenset({ActionKind.INVITE, ActionKind.MESSAGE})
_PLAIN_ACTION_TEXTS = frozenset(_ACTION_KEYS) - {"post"} | {"type"}
_POST_LISTS = frozenset({"mentions", "links", "hashtags"})
_PLAIN_POST_TEXTS = frozenset(_POST_KEYS) - {"media"} - _POST_LISTS
_NOT_PLAIN = (TypeError, ValueError, KeyError)


def _plain_strings(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if type(value) is not list:
        raise TypeError
    for item in value:
        if type(item) is not str:
            raise TypeError
    return tuple(value)


def _plain_action(data: dict[str, Any], strings: dict[str, str]) -> Action | None:
    """The action of an ordinary, valid record, built without re-validating each field;
    ``None`` for anything unusual (extra keys, media, nulls, a missing or inconsistent
    field), which :func:`parse_action` then reads, so that its errors stay the only errors.

    Builds exactly what :func:`parse_action` builds; shares repeated account ids.
    """
    try:
        record = None
        for key, value in data.items():
            if type(value) is not str:
                if key != "post" or type(value) is not dict:
                    return None
                record = value
            elif key not in _PLAIN_ACTION_TEXTS:
                return None
        post = None
        if record is not None:
            lists = False
            for key, value in record.items():
                if type(value) is not str:
                    if key not in _POST_LISTS:
                        return None
                    lists = True
                elif key not in _PLAIN_POST_TEXTS:
                    return None
            get = record.get
            post = (
                record["id"],
                get("author"),
                get("network"),
                get("text", ""),
                get("created"),
                _plain_strings(get("mentions")) if lists else None,
                _plain_strings(get("links")) if lists else None,
                _plain_strings(get("hashtags")) if lists else None,
                get("in_reply_to"),
                get("quotes"),
                get("crosspost_of"),
                get("source"),
            )
        get = data.get
        return _assemble(
            strings,
            data["kind"],
            data["actor"],
            data["at"],
            get("id"),
            get("target"),
            get("message"),
            get("via"),
            post,
        )
    except _NOT_PLAIN:
        return None


def _assemble(
    strings: dict[str, str],
    kind_name: str,
    actor: str,
    at_text: str,
    action_id: str | None,
    target: str | None,
    message: str | None,
    via: str | None,
    post_fields: tuple[Any, ...] | None,
) -> Action | None:
    """An action from string fields whose types are already checked, made consistent
    as ``Action(...)`` makes it; ``None`` when it is not (the checked path explains).
    Raises ``KeyError``/``ValueError`` for an unknown kind or a bad timestamp."""
    kind = _KINDS[kind_name]
    if not actor:
        return None
    actor = strings.setdefault(actor, actor)
    at = parse_timestamp(at_text)
    post = None
    if post_fields is not None:
        (
            post_id,
            author,
            network,
            text,
            created,
            mentions,
            links,
            hashtags,
            in_reply_to,
            quotes,
            crosspost_of,
            source,
        ) = post_fields
        if not post_id:
            return None
        if created is not None:
            created = parse_timestamp(created)
        if kind in _CREATING:
            if kind is ActionKind.REPLY:
                if target is None:
                    target = in_reply_to
                elif in_reply_to is None:
                    in_reply_to = target
                if target is None or in_reply_to != target:
                    return None
            elif kind is ActionKind.QUOTE:
                if target is None:
                    target = quotes
                elif quotes is None:
                    quotes = target
                if target is None:
                    return None
            if author is None or created is None:
                author = author or actor
                created = created or at
        elif kind in _POST_TARGETS:
            if target is None:
                target = post_id
            elif post_id != target:
                return None
        else:
            return None
        if author is not None:
            author = strings.setdefault(author, author)
        if network is not None:
            network = strings.setdefault(network, network)
        post = trusted_post(
            post_id,
            author,
            network,
            text,
            created,
            mentions,
            links,
            hashtags,
            in_reply_to,
            quotes,
            crosspost_of,
            source,
        )
    elif kind in _CREATING or target is None:
        return None
    elif kind not in _POST_TARGETS:
        target = strings.setdefault(target, target)
    if message is not None and kind not in _WITH_MESSAGE:
        return None
    return trusted_action(kind, actor, at, action_id, target, post, message, via)


class _BadRecord(Exception):
    def __init__(self, field: str | None, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


def _split(error: Exception, prefix: str = "") -> _BadRecord:
    """Turn a model's ``field: problem`` message into a located field and problem."""
    text = str(error)
    field, sep, problem = text.partition(": ")
    if sep and " " not in field:
        if prefix and not field.startswith(prefix):
            field = (
                prefix + field.split(".", 1)[-1] if field.startswith("post.") else prefix + field
            )
        return _BadRecord(field, problem)
    return _BadRecord(prefix.rstrip(".") or None, text)


def _known(data: Mapping[str, Any], keys: Iterable[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    known: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    wanted = set(keys)
    for key, value in data.items():
        (known if key in wanted else extra)[key] = value
    return known, extra


def parse_account(data: Mapping[str, Any]) -> Account:
    """An :class:`Account` from its record (``type`` may be present or not)."""
    fields, extra = _known(data, _ACCOUNT_KEYS)
    extra.pop("type", None)
    for key in ("id", "network"):
        if key not in fields:
            raise _BadRecord(f"account.{key}", "required")
    try:
        return Account(**fields, extra=extra)
    except (TypeError, ValueError) as exc:
        raise _split(exc) from None


def _parse_post(data: Any) -> Post:
    if not isinstance(data, Mapping):
        raise _BadRecord("action.post", f"expected an object, got {json.dumps(data)}")
    fields, extra = _known(data, _POST_KEYS)
    if "id" not in fields:
        raise _BadRecord("action.post.id", "required")
    if "media" in fields and isinstance(fields["media"], list):
        try:
            fields["media"] = [Media.coerce(m) for m in fields["media"]]
        except (TypeError, ValueError) as exc:
            raise _split(exc, "action.post.") from None
    try:
        return Post(**fields, extra=extra)
    except (TypeError, ValueError) as exc:
        raise _split(exc, "action.post.") from None


def parse_action(data: Mapping[str, Any]) -> Action:
    """An :class:`Action` from its record (``type`` may be present or not)."""
    fields, extra = _known(data, _ACTION_KEYS)
    extra.pop("type", None)
    for key in ("kind", "actor", "at"):
        if key not in fields:
            raise _BadRecord(f"action.{key}", "required")
    if fields.get("post") is not None:
        fields["post"] = _parse_post(fields["post"])
    try:
        return Action(**fields, extra=extra)
    except (TypeError, ValueError) as exc:
        raise _split(exc) from None


_STATEMENTS: dict[str, tuple[str, type[Coverage] | type[DataCoverage]]] = {
    "coverage": ("guideline", Coverage),
    "data_coverage": ("data", DataCoverage),
}
"""Header key -> the key naming what its statements are about, and their class."""


def header_coverage(header: Mapping[str, Any]) -> list[CoverageStatement]:
    """The coverage statements of a header record: ``coverage`` (per guideline, as
    older versions write it) and ``data_coverage`` (per kind of data)."""
    statements: list[CoverageStatement] = []
    for key, (about, kind) in _STATEMENTS.items():
        items = header.get(key, [])
        if not isinstance(items, list):
            raise _BadRecord(f"header.{key}", f"expected a list, got {json.dumps(items)}")
        for number, item in enumerate(items):
            try:
                statements.append(kind(item[about], item["level"], item["reason"]))
            except (KeyError, TypeError, ValueError):
                raise _BadRecord(
                    f"header.{key}[{number}]",
                    f'expected {{"{about}": ..., "level": "full"|"partial"|"none", "reason": ...}}',
                ) from None
    return statements


def coverage_header(coverage: Iterable[CoverageStatement]) -> dict[str, list[dict[str, str]]]:
    """The header keys that carry ``coverage``; none for no statements."""
    header: dict[str, list[dict[str, str]]] = {}
    for statement in coverage:
        for key, (about, kind) in _STATEMENTS.items():
            if isinstance(statement, kind):
                item = {about: getattr(statement, about), "level": statement.level}
                header.setdefault(key, []).append({**item, "reason": statement.reason})
    return header


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else "an array"


class _Reading:
    """State of one strict or tolerant read: posts seen so far, ids, skipped records."""

    def __init__(self, name: str, tolerant: bool) -> None:
        self.name = name
        self.tolerant = tolerant
        self.posts: dict[str, Post] = {}
        self.action_ids: set[str] = set()
        self.account_ids: dict[str, Account] = {}
        self.skipped: list[SkippedRecord] = []
        self.strings: dict[str, str] = {}
        self.coverage: list[CoverageStatement] = []

    def fail(self, line: int, field: str | None, problem: str) -> None:
        if not self.tolerant:
            raise InputError(self.name, line, field, problem)
        self.skipped.append(SkippedRecord(self.name, line, field, problem))

    def decode(self, number: int, raw: bytes) -> Any:
        """The JSON value of a line, ``_BLANK`` for a blank one, ``_FAILED`` when bad."""
        if _fast_loads is not None:
            try:
                return _fast_loads(raw)
            except Exception:
                pass
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.fail(
                number,
                "record",
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
            )
            return _FAILED
        if not text.strip():
            return _BLANK
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            self.fail(number, "record", f"invalid JSON: {exc.msg} at column {exc.colno}")
            return _FAILED

    def record(self, number: int, raw: bytes) -> Account | Action | None:
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        if _typed_loads is not None:
            action = _typed_action(raw, self.strings)
            if action is not None:
                try:
                    return self._action(action)
                except _BadRecord as bad:
                    self.fail(number, bad.field, bad.problem)
                    return None
        data = self.decode(number, raw)
        if data is _BLANK or data is _FAILED:
            return None
        if not isinstance(data, dict):
            self.fail(number, "record", f"expected a JSON object, got {_json_type(data)}")
            return None
        kind = data.get("type")
        try:
            if kind == "action":
                action = _plain_action(data, self.strings) or parse_action(data)
                return self._action(action)
            if kind == "account":
                return self._account(parse_account(data))
            if kind == "header":
                self._header(data)
                return None
            raise _BadRecord("type", f'expected "account" or "action", got {json.dumps(kind)}')
        except _BadRecord as bad:
            self.fail(number, bad.field, bad.problem)
            return None

    def _header(self, data: Mapping[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise _BadRecord(
                "header.format", f'expected "{FORMAT}", got {json.dumps(data.get("format"))}'
            )
        if data.get("version") != VERSION:
            raise _BadRecord(
                "header.version",
                f"this socialnorms reads version {VERSION}, got {json.dumps(data.get('version'))}",
            )
        self.coverage.extend(header_coverage(data))

    def _account(self, account: Account) -> Account | None:
        known = self.account_ids.get(account.id)
        if known is not None:
            if known == account:
                return None
            raise _BadRecord("account.id", f"{account.id!r} is given twice with different fields")
        self.account_ids[account.id] = account
        return account

    def _action(self, action: Action) -> Action:
        if action.id in self.action_ids:
            raise _BadRecord("action.id", f"{action.id!r} is used by two actions")
        post = action.post
        if post is not None:
            known = self.posts.get(post.id)
            try:
                merged = post if known is None else known.merge(post)
            except ValueError as exc:
                raise _split(exc, "action.post.") from None
            self.posts[post.id] = merged
        self.action_ids.add(action.id)
        return action


def read_activity(
    path: str | Path | IO[bytes], *, tolerant: bool = False, name: str | None = None
) -> ReadResult:
    """Read an activity file (``-`` is standard input) into accounts and actions."""
    reading_name = name or (
        getattr(path, "name", None) if not isinstance(path, (str, Path)) else str(path)
    )
    reading = _Reading(str(reading_name or "<stream>"), tolerant)
    accounts: list[Account] = []
    actions: list[Action] = []
    with _open(path) as stream:
        for number, raw in enumerate(stream, start=1):
            item = reading.record(number, raw.rstrip(b"\r\n"))
            if isinstance(item, Action):
                actions.append(item)
            elif isinstance(item, Account):
                accounts.append(item)
    return ReadResult(accounts, actions, reading.skipped, reading.coverage)


class _open:
    def __init__(self, path: str | Path | IO[bytes]) -> None:
        self.path = path
        self.owned: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        if isinstance(self.path, (str, Path)):
            if str(self.path) == "-":
                return sys.stdin.buffer
            try:
                self.owned = open(self.path, "rb")
            except OSError as exc:
                raise InputError(
                    str(self.path), None, None, f"cannot read: {exc.strerror or exc}"
                ) from None
            return self.owned
        return self.path

    def __exit__(self, *exc: object) -> None:
        if self.owned is not None:
            self.owned.close()


# -- writing ---------------------------------------------------------------------------


def _time(value: datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _clean(fields: Iterable[tuple[str, Any]], extra: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields:
        if value is None:
            continue
        if isinstance(value, datetime):
            value = _time(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    for key, value in extra.items():
        out.setdefault(key, value)
    return out


def account_record(account: Account) -> dict[str, Any]:
    """The record of an account, as the activity format writes it."""
    fields = [(key, getattr(account, key)) for key in _ACCOUNT_KEYS]
    fields = [(k, v) for k, v in fields if not (k == "tags" and not v)]
    return {"type": "account", **_clean(fields, account.extra)}


def _post_record(post: Post) -> dict[str, Any]:
    fields: list[tuple[str, Any]] = []
    for key in _POST_KEYS:
        value = getattr(post, key)
        if key == "media":
            value = [
                {"type": m.type, **({"alt": m.alt} if m.alt is not None else {}), **m.extra}
                for m in value
            ]
            if not value:
                continue
        fields.append((key, value))
    return _clean(fields, post.extra)


def action_record(action: Action) -> dict[str, Any]:
    """The record of an action, as the activity format writes it."""
    fields: list[tuple[str, Any]] = []
    for key in _ACTION_KEYS:
        value = getattr(action, key)
        if key == "kind":
            value = value.value
        elif key == "post" and value is not None:
            value = _post_record(value)
        fields.append((key, value))
    return {"type": "action", **_clean(fields, action.extra)}


def write_activity(
    target: str | Path | IO[str],
    accounts: Iterable[Account] = (),
    actions: Iterable[Action] = (),
    *,
    header: bool = True,
    coverage: Iterable[CoverageStatement] = (),
) -> None:
    """Write accounts then actions in the activity format (UTF-8 JSON Lines).

    ``coverage`` (what the source export holds of each kind of data, or lets a
    guideline judge) goes into the header, so a converted export reports the same
    gaps as the original.
    """
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="\n") as stream:
            write_activity(stream, accounts, actions, header=header, coverage=coverage)
        return
    if header:
        record: dict[str, Any] = {"type": "header", "format": FORMAT, "version": VERSION}
        record.update(coverage_header(coverage))
        target.write(json.dumps(record, ensure_ascii=False) + "\n")
    for account in accounts:
        target.write(json.dumps(account_record(account), ensure_ascii=False) + "\n")
    for action in actions:
        target.write(json.dumps(action_record(action), ensure_ascii=False) + "\n")


def dumps_activity(
    accounts: Iterable[Account] = (), actions: Iterable[Action] = (), *, header: bool = True
) -> str:
    """The activity format as a string."""
    buffer = io.StringIO()
    write_activity(buffer, accounts, actions, header=header)
    return buffer.getvalue()


# -- the reader plugin -------------------------------------------------------------------


def _detect(path: Path) -> bool:
    if str(path) == "-":
        return True
    if path.suffix.lower() in SUFFIXES:
        return True
    if not path.is_file():
        return False
    with open(path, "rb") as stream:
        head = stream.read(4096).lstrip()
    first = head.split(b"\n", 1)[0]
    # A record's type, not any JSON with a "type" (ActivityStreams documents have one too).
    return head.startswith(b"{") and any(
        f'"type": "{t}"'.encode() in first or f'"type":"{t}"'.encode() in first
        for t in ("header", "account", "action")
    )


def _read(path: Path, options: ReadOptions) -> ReadResult:
    return read_activity(path, tolerant=options.tolerant)


READER = Reader(
    name="activity",
    description="socialnorms activity format v1 (JSON Lines: .jsonl, .ndjson, - for stdin)",
    detect=_detect,
    read=_read,
)


@hookimpl
def register_readers(register) -> None:
    register(READER)
