"""The LinkedIn data export (``Basic_LinkedInDataExport_<date>.zip`` or its folder).

Columns are read by name (their order and number change between exports):

- ``Invitations.csv``: an ``invite`` per row, outgoing (by the owner) or incoming
  (to the owner), with the personal note when there is one.
- ``Connections.csv`` (after its "Notes:" preamble): a connection whose
  invitation is listed becomes the ``accept`` of that invitation, dated by day.
- ``messages.csv``: a ``message`` from the sender to each recipient; drafts skipped.
- ``Shares.csv``: a ``post`` per share.

LinkedIn writes most times without a zone. The zone is never guessed: give it
with ``ReadOptions.timezone`` (``--timezone``); without it the first zone-less
time stops the read with a message saying so. Accounts are ``linkedin:<slug>``
from the profile URL (``linkedin.com/in/<slug>``), else ``linkedin:<name>``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from socialnorms import (
    DATA_FOLLOWERS,
    DATA_FOLLOWS,
    DATA_INVITATIONS,
    DATA_MENTIONS_RECEIVED,
    DATA_OTHER_NETWORKS,
    DATA_SHARED_POSTS,
)
from socialnorms.core.models import Account, Post
from socialnorms.io import InputError, Reader, ReadOptions, ReadResult
from socialnorms.io.archive import Archive, file_names, open_archive
from socialnorms.io.export import ExportReading, bad, html_to_text

__all__ = ["READER", "read_linkedin_export"]

NETWORK = "linkedin"
_SLUG = re.compile(r"linkedin\.com/in/([^/?#]+)", re.IGNORECASE)
_ZONED = ("%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%d %H:%M UTC")
_LOCAL = ("%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
_DAYS = ("%d %b %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y")
_MARKERS = frozenset({"Connections.csv", "Invitations.csv", "messages.csv", "Shares.csv"})


def slug(url: str | None) -> str | None:
    """The public profile slug of a LinkedIn profile URL."""
    match = _SLUG.search(url or "")
    return unquote(match.group(1)).strip() if match else None


class _LinkedInExport:
    def __init__(self, archive: Archive, options: ReadOptions) -> None:
        self.archive = archive
        self.reading = ExportReading(NETWORK, options)
        self.zone = None
        if options.timezone is not None:
            try:
                self.zone = ZoneInfo(options.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                raise InputError(
                    str(archive.path),
                    None,
                    "timezone",
                    f"unknown time zone {options.timezone!r}; expected an IANA name such as Europe/Paris",
                ) from None
        self.owner = self._owner()

    # -- times and accounts -----------------------------------------------------------

    def time(self, value: str, field: str) -> tuple[datetime, bool]:
        """``(moment, precise)``: an aware time; ``precise`` is False for a day alone."""
        text = value.strip()
        for pattern in _ZONED:
            try:
                return datetime.strptime(text, pattern).replace(tzinfo=UTC), True
            except ValueError:
                pass
        for patterns, precise in ((_LOCAL, True), (_DAYS, False)):
            for pattern in patterns:
                try:
                    moment = datetime.strptime(text, pattern)
                except ValueError:
                    continue
                if self.zone is None:
                    raise bad(
                        field,
                        f"LinkedIn gives {text!r} without a time zone; give the zone the export "
                        "was made in with --timezone (e.g. Europe/Paris): socialnorms does not guess it",
                    )
                return moment.replace(tzinfo=self.zone), precise
        raise bad(field, f"not a date or time LinkedIn writes: {value!r}")

    def person(self, name: str | None, url: str | None) -> str:
        key = slug(url) or (name or "").strip()
        if not key:
            raise bad(None, "a person has neither a name nor a profile URL")
        if self.owner_keys and key in self.owner_keys:
            return self.owner
        return self.reading.account(
            f"{NETWORK}:{key}", name=(name or "").strip() or None, url=url or None, handle=slug(url)
        )

    def _owner(self) -> str:
        name = None
        profile = self.archive.first("Profile.csv")
        if profile is not None:
            for _line, row in self.archive.csv(profile):
                name = " ".join(
                    p
                    for p in (row.get("First Name", "").strip(), row.get("Last Name", "").strip())
                    if p
                )
                break
        url = None
        invitations = self.archive.first("Invitations.csv")
        if invitations is not None:
            for _line, row in self.archive.csv(invitations):
                direction = row.get("Direction", "").strip().upper()
                url = (
                    row.get("inviterProfileUrl")
                    if direction == "OUTGOING"
                    else row.get("inviteeProfileUrl")
                )
                if slug(url):
                    break
                url = None
        key = slug(url) or name or self.reading.options.owner
        if not key:
            raise self.reading.owner_unknown(
                str(self.archive.path), "Profile.csv or Invitations.csv"
            )
        self.owner_keys = {k for k in (slug(url), name) if k}
        return self.reading.account(
            f"{NETWORK}:{key}",
            subject=self.reading.options.owner or key,
            name=name,
            url=url,
            handle=slug(url),
        )

    # -- files ---------------------------------------------------------------------

    def invitations(self) -> dict[str, str]:
        """Read Invitations.csv; return who invited whom: ``{other person: "in" | "out"}``."""
        directions: dict[str, str] = {}
        name = self.archive.first("Invitations.csv")
        if name is None:
            return directions
        label = self.archive.label(name)
        for line, row in self.archive.csv(name):
            with self.reading.record(label, line):
                direction = row.get("Direction", "").strip().upper()
                if direction not in ("OUTGOING", "INCOMING"):
                    raise bad(
                        "Direction", f"expected OUTGOING or INCOMING, got {row.get('Direction')!r}"
                    )
                at, _ = self.time(row.get("Sent At") or "", "Sent At")
                note = (row.get("Message") or "").strip() or None
                if direction == "OUTGOING":
                    other = self.person(row.get("To"), row.get("inviteeProfileUrl"))
                    self.reading.act("invite", self.owner, at, target=other, message=note)
                else:
                    other = self.person(row.get("From"), row.get("inviterProfileUrl"))
                    self.reading.act("invite", other, at, target=self.owner, message=note)
                directions[other] = "out" if direction == "OUTGOING" else "in"
        return directions

    def connections(self, directions: Mapping[str, str]) -> tuple[int, int]:
        """Read Connections.csv; return (connections, those whose invitation is unknown)."""
        name = self.archive.first("Connections.csv")
        if name is None:
            return 0, 0
        label = self.archive.label(name)
        count = unknown = 0
        for line, row in self.archive.csv(name, header_starts="First Name"):
            with self.reading.record(label, line):
                full = " ".join(
                    p
                    for p in (row.get("First Name", "").strip(), row.get("Last Name", "").strip())
                    if p
                )
                other = self.person(full, row.get("URL"))
                count += 1
                if other in self.reading.accounts:
                    self.reading.accounts[other] = self._evolve_bio(other, row)
                direction = directions.get(other)
                if direction is None:
                    unknown += 1
                    continue
                at, _ = self.time(row.get("Connected On") or "", "Connected On")
                actor, target = (self.owner, other) if direction == "in" else (other, self.owner)
                self.reading.act("accept", actor, at, target=target, extra={"at_precision": "day"})
        return count, unknown

    def _evolve_bio(self, account_id: str, row: Mapping[str, str]) -> Account:
        account = self.reading.accounts[account_id]
        work = " at ".join(
            p for p in (row.get("Position", "").strip(), row.get("Company", "").strip()) if p
        )
        return attrs.evolve(account, bio=account.bio or work or None)

    def messages(self) -> int:
        name = self.archive.first("messages.csv")
        if name is None:
            return 0
        label = self.archive.label(name)
        count = 0
        for line, row in self.archive.csv(name):
            with self.reading.record(label, line):
                if (row.get("IS MESSAGE DRAFT") or "").strip().lower() == "yes":
                    continue
                sender = self.person(row.get("FROM"), row.get("SENDER PROFILE URL"))
                at, _ = self.time(row.get("DATE") or "", "DATE")
                urls = [
                    u.strip()
                    for u in (row.get("RECIPIENT PROFILE URLS") or "").split(",")
                    if u.strip()
                ]
                names = [n.strip() for n in (row.get("TO") or "").split(",") if n.strip()]
                recipients = [self.person(None, u) for u in urls] or [
                    self.person(n, None) for n in names
                ]
                text = html_to_text(row.get("CONTENT") or "")
                for recipient in recipients:
                    if recipient != sender:
                        self.reading.act(
                            "message",
                            sender,
                            at,
                            target=recipient,
                            message=text,
                            extra={"conversation": row.get("CONVERSATION ID")},
                        )
                        count += 1
        return count

    def shares(self) -> int:
        name = self.archive.first("Shares.csv")
        if name is None:
            return 0
        label = self.archive.label(name)
        count = 0
        for line, row in self.archive.csv(name):
            with self.reading.record(label, line):
                at, _ = self.time(row.get("Date") or "", "Date")
                link = (row.get("ShareLink") or "").strip()
                if not link:
                    raise bad("ShareLink", "required")
                shared = (row.get("SharedUrl") or "").strip()
                post = Post(
                    id=link,
                    author=self.owner,
                    network=NETWORK,
                    text=(row.get("ShareCommentary") or "").strip(),
                    links=[shared] if shared else None,
                    extra={"visibility": row["Visibility"]} if row.get("Visibility") else {},
                )
                self.reading.act("post", self.owner, at, post=post)
                count += 1
        return count

    def read(self) -> ReadResult:
        directions = self.invitations()
        connections, unknown = self.connections(directions)
        self.messages()
        self.shares()
        self.coverage(connections, unknown)
        return self.reading.result()

    def coverage(self, connections: int, unknown: int) -> None:
        """State what the export holds of each kind of data."""
        holds = self.reading.holds
        if self.archive.first("Invitations.csv"):
            holds(
                DATA_INVITATIONS,
                "partial",
                "Invitations.csv lists the invitations LinkedIn still keeps, with their notes; "
                f"{unknown} of {connections} connections came from invitations no longer listed",
            )
        else:
            holds(DATA_INVITATIONS, "none", "the export has no Invitations.csv")
        holds(
            DATA_MENTIONS_RECEIVED,
            "none",
            "a LinkedIn export holds no posts or comments that mention the account",
        )
        holds(
            DATA_SHARED_POSTS,
            "none",
            "Shares.csv does not say which shares repost someone else's post",
        )
        holds(DATA_FOLLOWS, "none", "following pages and people is not in the export")
        holds(
            DATA_FOLLOWERS,
            "none",
            "followers are not in the export; connections are mutual and dated by day",
        )
        holds(
            DATA_OTHER_NETWORKS,
            "none",
            "only the LinkedIn side of a cross-post is here; read the other networks' exports along with it",
        )


def read_linkedin_export(path: Path, options: ReadOptions) -> ReadResult:
    """Read a LinkedIn data export (zip or folder) into accounts, actions and coverage."""
    with open_archive(path) as archive:
        return _LinkedInExport(archive, options).read()


def _detect(path: Path) -> bool:
    return bool(file_names(path) & _MARKERS)


READER = Reader(
    name="linkedin",
    description="LinkedIn data export (the .zip or its folder: Invitations.csv, Connections.csv, messages.csv, ...)",
    detect=_detect,
    read=read_linkedin_export,
)
