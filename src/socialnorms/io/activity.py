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

from ..hookspecs import hookimpl
from ..models import Account, Action, Media, Post
from . import Coverage, InputError, ReadOptions, Reader, ReadResult, SkippedRecord

__all__ = [
    "account_record",
    "action_record",
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
    "id", "network", "subject", "handle", "name", "bio", "url", "created",
    "followers", "following", "posts", "default_avatar", "verified", "tags",
)
_ACTION_KEYS = ("id", "kind", "actor", "at", "target", "post", "message", "via")
_POST_KEYS = (
    "id", "author", "network", "text", "created", "mentions", "links", "hashtags",
    "in_reply_to", "quotes", "crosspost_of", "media", "source",
)


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
            field = prefix + field.split(".", 1)[-1] if field.startswith("post.") else prefix + field
        return _BadRecord(field, problem)
    return _BadRecord(prefix.rstrip(".") or None, text)


def _known(data: Mapping[str, Any], keys: Iterable[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    known, extra = {}, {}
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
        self.coverage: list[Coverage] = []

    def fail(self, line: int, field: str | None, problem: str) -> None:
        if not self.tolerant:
            raise InputError(self.name, line, field, problem)
        self.skipped.append(SkippedRecord(self.name, line, field, problem))

    def record(self, number: int, raw: bytes) -> Account | Action | None:
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM):]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.fail(number, "record", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
            return None
        if not text.strip():
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            self.fail(number, "record", f"invalid JSON: {exc.msg} at column {exc.colno}")
            return None
        if not isinstance(data, dict):
            self.fail(number, "record", f"expected a JSON object, got {_json_type(data)}")
            return None
        kind = data.get("type")
        try:
            if kind == "action":
                return self._action(parse_action(data))
            if kind == "account":
                return self._account(parse_account(data))
            if kind == "header":
                self._header(data, number)
                return None
            raise _BadRecord("type", f'expected "account" or "action", got {json.dumps(kind)}')
        except _BadRecord as bad:
            self.fail(number, bad.field, bad.problem)
            return None

    def _header(self, data: Mapping[str, Any], number: int) -> None:
        if data.get("format") != FORMAT:
            raise _BadRecord("header.format", f'expected "{FORMAT}", got {json.dumps(data.get("format"))}')
        if data.get("version") != VERSION:
            raise _BadRecord(
                "header.version", f"this socialnorms reads version {VERSION}, got {json.dumps(data.get('version'))}"
            )
        coverage = data.get("coverage", [])
        if not isinstance(coverage, list):
            raise _BadRecord("header.coverage", f"expected a list, got {json.dumps(coverage)}")
        for number, item in enumerate(coverage):
            try:
                self.coverage.append(Coverage(item["guideline"], item["level"], item["reason"]))
            except (KeyError, TypeError, ValueError):
                raise _BadRecord(
                    f"header.coverage[{number}]",
                    'expected {"guideline": ..., "level": "full"|"partial"|"none", "reason": ...}',
                ) from None

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


def read_activity(path: str | Path | IO[bytes], *, tolerant: bool = False, name: str | None = None) -> ReadResult:
    """Read an activity file (``-`` is standard input) into accounts and actions."""
    reading_name = name or (getattr(path, "name", None) if not isinstance(path, (str, Path)) else str(path))
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
                self.owned = open(self.path, "rb")  # noqa: SIM115 - closed in __exit__
            except OSError as exc:
                raise InputError(str(self.path), None, None, f"cannot read: {exc.strerror or exc}") from None
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
            value = [{"type": m.type, **({"alt": m.alt} if m.alt is not None else {}), **m.extra} for m in value]
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
    coverage: Iterable[Coverage] = (),
) -> None:
    """Write accounts then actions in the activity format (UTF-8 JSON Lines).

    ``coverage`` (what the source export lets each guideline judge) goes into the
    header, so a converted export reports the same gaps as the original.
    """
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="\n") as stream:
            write_activity(stream, accounts, actions, header=header, coverage=coverage)
        return
    if header:
        record: dict[str, Any] = {"type": "header", "format": FORMAT, "version": VERSION}
        statements = [{"guideline": c.guideline, "level": c.level, "reason": c.reason} for c in coverage]
        if statements:
            record["coverage"] = statements
        target.write(json.dumps(record, ensure_ascii=False) + "\n")
    for account in accounts:
        target.write(json.dumps(account_record(account), ensure_ascii=False) + "\n")
    for action in actions:
        target.write(json.dumps(action_record(action), ensure_ascii=False) + "\n")


def dumps_activity(accounts: Iterable[Account] = (), actions: Iterable[Action] = (), *, header: bool = True) -> str:
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
    return head.startswith(b"{") and any(f'"type": "{t}"'.encode() in first or f'"type":"{t}"'.encode() in first
                                         for t in ("header", "account", "action"))


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
