"""The LinkedIn export reader on hand-built exports with the real files' columns."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from socialnorms import Checker
from socialnorms.io import DataCoverage, InputError, ReadOptions
from socialnorms_linkedin.export import READER, read_linkedin_export

ME = "https://www.linkedin.com/in/acme-trail"
PROFILE = "First Name,Last Name,Maiden Name,Headline\nAcme,Trail,,Outdoor gear\n"
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    'Acme Trail,Priya Raman,"1/29/26, 2:37 PM","Priya, your PCT gear list helped our team, glad to connect.",'
    f"OUTGOING,{ME},https://www.linkedin.com/in/priya-raman\n"
    f'Acme Trail,Sam Oduya,"1/29/26, 2:38 PM",,OUTGOING,{ME},https://www.linkedin.com/in/sam-oduya\n'
    f'Lee Park,Acme Trail,"1/30/26, 9:05 AM",,INCOMING,https://www.linkedin.com/in/lee-park,{ME}\n'
)
CONNECTIONS = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing.'
    ' You will only see email addresses for connections who have allowed it."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Trail Co,Guide,31 Jan 2026\n"
    "Lee,Park,https://www.linkedin.com/in/lee-park,,,,30 Jan 2026\n"
    "Old,Friend,https://www.linkedin.com/in/old-friend,,,,02 Feb 2019\n"
)
MESSAGES = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,"
    "FOLDER,IS MESSAGE DRAFT\n"
    f"c1,,Acme Trail,{ME},Priya Raman,https://www.linkedin.com/in/priya-raman,2026-02-01 09:00:00 UTC,,"
    '"<p>Thanks for connecting!</p>",INBOX,No\n'
    f"c1,,Acme Trail,{ME},Priya Raman,https://www.linkedin.com/in/priya-raman,2026-02-01 10:00:00 UTC,,"
    "draft,INBOX,Yes\n"
)
SHARES = (
    "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
    '2026-02-02 08:30:00,https://www.linkedin.com/feed/update/urn:li:share:1,"New repair guide,\n""out now""",'
    "https://acmetrail.example/guide,,MEMBER_NETWORK\n"
)
FILES = {
    "Profile.csv": PROFILE,
    "Invitations.csv": INVITATIONS,
    "Connections.csv": CONNECTIONS,
    "messages.csv": MESSAGES,
    "Shares.csv": SHARES,
}
PARIS = ReadOptions(timezone="Europe/Paris")


def export(tmp_path: Path, files=FILES, name="Basic_LinkedInDataExport_02-03-2026.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text)
    return path


def test_invitations_outgoing_and_incoming_with_their_notes(tmp_path):
    result = read_linkedin_export(export(tmp_path), PARIS)
    invites = [a for a in result.actions if a.kind.value == "invite"]
    assert [(a.actor, a.target, a.message is not None) for a in invites] == [
        ("linkedin:acme-trail", "linkedin:priya-raman", True),
        ("linkedin:acme-trail", "linkedin:sam-oduya", False),
        ("linkedin:lee-park", "linkedin:acme-trail", False),
    ]
    assert invites[0].at.isoformat() == "2026-01-29T13:37:00+00:00"


def test_connections_accept_the_listed_invitations(tmp_path):
    result = read_linkedin_export(export(tmp_path), PARIS)
    accepts = [(a.actor, a.target) for a in result.actions if a.kind.value == "accept"]
    assert accepts == [
        ("linkedin:acme-trail", "linkedin:lee-park"),
        ("linkedin:priya-raman", "linkedin:acme-trail"),
    ]
    assert {a.id: a for a in result.accounts}["linkedin:priya-raman"].bio == "Guide at Trail Co"
    held = {c.data: (c.level, c.reason) for c in result.coverage if isinstance(c, DataCoverage)}
    assert held["invitations"][0] == "partial" and "1 of 3 connections" in held["invitations"][1]


def test_the_notes_say_what_the_export_cannot_show(tmp_path):
    result = read_linkedin_export(export(tmp_path), PARIS)
    assert Checker().coverage_notes(result.coverage) == [
        "coverage: crosspost-with-consideration: partial: only the LinkedIn side of a cross-post "
        "is here; read the other networks' exports along with it",
        "coverage: no-autofollow: none: followers are not in the export; connections are mutual "
        "and dated by day; following pages and people is not in the export",
        "coverage: personalize-invitations: partial: Invitations.csv lists the invitations "
        "LinkedIn still keeps, with their notes; 1 of 3 connections came from invitations no "
        "longer listed",
        "coverage: respond-to-mentions: none: a LinkedIn export holds no posts or comments that "
        "mention the account",
        "coverage: retweet-carefully: none: Shares.csv does not say which shares repost someone "
        "else's post",
    ]


def test_messages_and_shares(tmp_path):
    result = read_linkedin_export(export(tmp_path), PARIS)
    (message,) = [a for a in result.actions if a.kind.value == "message"]
    assert (message.target, message.message) == ("linkedin:priya-raman", "Thanks for connecting!")
    (share,) = [a for a in result.actions if a.kind.value == "post"]
    assert share.post.text == 'New repair guide,\n"out now"'
    assert share.post.links == ("https://acmetrail.example/guide",)


def test_the_owner_is_the_subject(tmp_path):
    owner = {a.id: a for a in read_linkedin_export(export(tmp_path), PARIS).accounts}[
        "linkedin:acme-trail"
    ]
    assert (owner.subject, owner.name) == ("acme-trail", "Acme Trail")


def test_a_time_without_zone_is_never_guessed(tmp_path):
    with pytest.raises(InputError) as error:
        read_linkedin_export(export(tmp_path), ReadOptions())
    assert "Invitations.csv:2: Sent At:" in str(error.value) and "--timezone" in str(error.value)


def test_an_unknown_zone_is_refused(tmp_path):
    with pytest.raises(InputError, match="unknown time zone 'Mars/Olympus'"):
        read_linkedin_export(export(tmp_path), ReadOptions(timezone="Mars/Olympus"))


def test_a_bad_row_is_located(tmp_path):
    files = {**FILES, "Invitations.csv": INVITATIONS + "A,B,yesterday,,OUTGOING,,\n"}
    with pytest.raises(InputError, match=r"Invitations\.csv:5: Sent At: not a date or time"):
        read_linkedin_export(export(tmp_path, files), PARIS)
    tolerant = read_linkedin_export(
        export(tmp_path, files, "b.zip"), ReadOptions(timezone="UTC", tolerant=True)
    )
    assert len(tolerant.skipped) == 1


def test_folder_and_zip_read_the_same(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert READER.detect(folder)
    assert (
        read_linkedin_export(folder, PARIS).actions
        == read_linkedin_export(export(tmp_path), PARIS).actions
    )


def test_check_detects_the_export_and_a_conversion_checks_the_same(tmp_path):
    from click.testing import CliRunner

    from socialnorms import Checker, Config
    from socialnorms.cli import main

    path = export(tmp_path)
    report = Checker(config=Config(timezone="Europe/Paris")).check(path)
    assert report.actions == 7
    converted = tmp_path / "acme.jsonl"
    result = CliRunner().invoke(
        main, ["convert", str(path), "--timezone", "Europe/Paris", "-o", str(converted)]
    )
    assert result.exit_code == 0, result.output
    again = Checker().check(converted)
    assert (again.findings, again.notes, again.actions) == (
        report.findings,
        report.notes,
        report.actions,
    )
    refused = CliRunner().invoke(main, ["convert", str(path), "-o", str(converted)])
    assert refused.exit_code == 2 and "--timezone" in refused.output
