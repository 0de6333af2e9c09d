"""Guideline ``describe-images``: give every image a description people can read.

A screen reader reads an image's description (its *alt text*) in place of the
image; people on slow connections, or with images turned off, see only the
description too. On networks whose communities made describing images a habit,
an undescribed image shuts part of the audience out, and is often not shared.

Rules:

- ``ALT001 image-without-description``: the subject posts images without a
  description on a network whose audience expects one.
- ``ALT002 placeholder-description``: a description that describes nothing (a
  file name, "image", "photo", "screenshot").

Only the subject's own posts, replies and quotes are judged: a repost carries
someone else's images. An export that does not record descriptions at all
(Facebook's and Instagram's do not) cannot be judged, which is why those
networks are not among the defaults.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from socialnorms import (
    DATA_OWN_POSTS,
    Action,
    CheckContext,
    Finding,
    Media,
    Option,
    Rule,
    check_function,
    hookimpl,
)

__all__ = [
    "GUIDELINE",
    "PLACEHOLDER",
    "UNDESCRIBED",
    "describe_images",
    "is_placeholder",
    "register_checks",
    "review_draft",
]

GUIDELINE = "describe-images"

_DESCRIBED = "A trail map of the Ridge loop: 12 km, steep climb after the second bridge."


def _example(*alts: str | None, network: str = "mastodon") -> str:
    """Activity-format text: the subject ``acme`` posts one image per description in
    ``alts`` (``None``: no description)."""
    records: list[dict[str, object]] = [
        {"type": "account", "id": f"{network}:acme", "network": network, "subject": "acme"}
    ]
    for number, alt in enumerate(alts, 1):
        image = {"type": "image"} if alt is None else {"type": "image", "alt": alt}
        records.append(
            {
                "type": "action",
                "id": f"p{number}",
                "kind": "post",
                "actor": f"{network}:acme",
                "at": f"2026-03-0{number}T09:00:00Z",
                "post": {
                    "id": f"p{number}",
                    "text": f"Trail report {number} from the Ridge loop",
                    "media": [image],
                },
            }
        )
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


UNDESCRIBED = Rule(
    code="ALT001",
    name="image-without-description",
    needs={DATA_OWN_POSTS},
    summary="The account posts images without a description on a network whose audience expects one.",
    why=(
        "People who use screen readers, and people who cannot load images, get only the "
        "description of an image. On Mastodon and Bluesky describing images is a shared habit: "
        "many people do not boost an undescribed image, and some servers ask for descriptions in "
        "their rules. On LinkedIn a brand's audience includes the colleagues and customers who "
        "rely on them. An image without a description tells part of the audience that the post "
        "was not meant for them."
    ),
    severity="warning",
    example=_example(None, _DESCRIBED),
    quiet_example=_example(
        _DESCRIBED, "Our team of five at the trailhead, waving, in rain jackets."
    ),
    options=(
        Option(
            "networks",
            ["bluesky", "linkedin", "mastodon"],
            "Networks whose audience expects described images (names or aliases). Mastodon's and "
            "Bluesky's communities ask for descriptions; LinkedIn's professional audience expects "
            "accessible posts from brands. Add others if your audience expects it there too.",
        ),
        Option(
            "media_types",
            ["gif", "image"],
            "Attachment types that need a description. Videos are left out by default: most "
            "networks offer captions, not descriptions, for them.",
        ),
    ),
)

PLACEHOLDER = Rule(
    code="ALT002",
    name="placeholder-description",
    needs={DATA_OWN_POSTS},
    summary="An image's description describes nothing: a file name or a word such as 'image'.",
    why=(
        "A description that says 'image', 'photo' or 'IMG_2041.jpg' is read aloud to someone who "
        "cannot see the image and tells them nothing, while it hides from the author that the "
        "image is still undescribed. It is worse than none: tools that warn about missing "
        "descriptions stay silent."
    ),
    severity="warning",
    example=_example("IMG_2041.jpg", "image"),
    quiet_example=_example(
        _DESCRIBED, "Screenshot of the booking page: the 'Reserve' button is greyed out."
    ),
)

_FILE_NAME = re.compile(
    r"^[^\s/\\]+\.(?:jpe?g|png|gif|webp|heic|heif|avif|bmp|tiff?|svg|mp4|mov)$", re.IGNORECASE
)
_CAMERA_NAME = re.compile(
    r"^(?:img|dsc[nf]?|pxl|mvimg|photo|image|screenshot|screen[ _-]?shot)[\s_-]*\d[\w\s.:,-]*$",
    re.IGNORECASE,
)
_GENERIC = frozenset(
    {
        "alt",
        "alt text",
        "alttext",
        "attachment",
        "description",
        "gif",
        "graphic",
        "image",
        "image description",
        "img",
        "media",
        "no description",
        "photo",
        "photo description",
        "pic",
        "picture",
        "screen capture",
        "screen shot",
        "screenshot",
        "untitled",
        # the same words in a few other languages
        "bild",
        "bildschirmfoto",
        "capture d écran",
        "captura",
        "captura de pantalla",
        "foto",
        "imagem",
        "imagen",
        "immagine",
    }
)


def is_placeholder(description: str) -> bool:
    """Whether a non-empty description says nothing about what the image shows: a file
    name, a camera's file name (``IMG_2041``, ``Screenshot 2026-03-01 at 10.15``), a
    generic word, digits and punctuation aside (``Image 1``), or no word at all
    (``.``, an emoji)."""
    text = description.strip()
    if not text:
        return False
    if _FILE_NAME.match(text) or _CAMERA_NAME.match(text):
        return True
    words = re.sub(r"[\W\d_]+", " ", text.lower()).strip()
    return not words or words in _GENERIC


def _judged_media(post_media: tuple[Media, ...], types: frozenset[str]) -> list[Media]:
    return [m for m in post_media if m.type.lower() in types]


def _judge(action: Action, types: frozenset[str]) -> tuple[list[Media], list[Media], list[str]]:
    """One post's judged images, those without a description, and its placeholder
    descriptions: what both the check and the review of a draft read."""
    media = _judged_media(action.post.media if action.post else (), types)
    missing = [m for m in media if not (m.alt or "").strip()]
    placeholders = [m.alt.strip() for m in media if m.alt and is_placeholder(m.alt)]
    return media, missing, placeholders


def _expectations(ctx: CheckContext, network: str) -> tuple[str, bool, frozenset[str]]:
    """The network's readable name, whether its audience expects descriptions
    (``ALT001``'s ``networks``), and the media types judged."""
    shown, names = _network_names(ctx, network)
    expected = bool(names & set(ctx.option("ALT001", "networks", network=network)))
    types = frozenset(t.lower() for t in ctx.option("ALT001", "media_types", network=network))
    return shown, expected, types


def _own_posts(ctx: CheckContext, account_id: str) -> Iterator[Action]:
    """The posts, replies and quotes an account wrote itself."""
    for action in ctx.timeline.by_actor(account_id):
        if action.kind.creates_post and action.post is not None and action.post.media:
            yield action


def _network_names(ctx: CheckContext, network: str) -> tuple[str, set[str]]:
    """A network's readable name and every name it goes by (id and aliases)."""
    profile = ctx.profile(network)
    if profile is None:
        return network, {network}
    return profile.name, {network, profile.id, *profile.aliases}


def _quoted(texts: list[str], limit: int = 3) -> str:
    shown = ", ".join(f'"{t}"' for t in texts[:limit])
    return shown + (f" and {len(texts) - limit} more" if len(texts) > limit else "")


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """ALT001 and ALT002 for one draft post before it goes out: its own images only."""
    if not draft.kind.creates_post or draft.post is None or not draft.post.media:
        return
    account = ctx.timeline.account(draft.actor)
    if account is None or account.subject is None:
        return
    shown, expected, types = _expectations(ctx, ctx.timeline.network_of(draft.actor))
    media, missing, placeholders = _judge(draft, types)
    if ctx.enabled("ALT001") and expected and missing:
        some = "an image" if len(missing) == 1 else f"{len(missing)} images"
        yield ctx.finding(
            "ALT001",
            subject=account.subject,
            account=draft.actor,
            message=f"this post would put {some} without a description on {shown}",
            suggestion=(
                "Before posting, describe each image in its alt text: what it shows that "
                f"matters to the post. People on {shown} who cannot see it get only the description."
            ),
            evidence=[draft.id],
            metrics={"images": len(media), "undescribed_images": len(missing)},
        )
    if ctx.enabled("ALT002") and placeholders:
        yield ctx.finding(
            "ALT002",
            subject=account.subject,
            account=draft.actor,
            message=(
                f"this post describes its images as {_quoted(list(dict.fromkeys(placeholders)))}, "
                "which says nothing"
            ),
            suggestion="Before posting, write a sentence on what each image shows instead.",
            evidence=[draft.id],
            metrics={"placeholders": len(placeholders)},
        )


@check_function(GUIDELINE, [UNDESCRIBED, PLACEHOLDER], review=review_draft)
def describe_images(ctx: CheckContext) -> Iterator[Finding]:
    """ALT001 and ALT002, one finding per account and rule."""
    undescribed_on = ctx.enabled("ALT001")
    placeholders_on = ctx.enabled("ALT002")
    if not (undescribed_on or placeholders_on):
        return
    timeline = ctx.timeline
    for subject in timeline.subjects:
        for account in timeline.accounts_of(subject):
            shown, expected, types = _expectations(ctx, timeline.network_of(account.id))
            illustrated: list[str] = []
            undescribed: list[str] = []
            missing_images = 0
            placeholder_posts: list[str] = []
            placeholder_texts: list[str] = []
            for action in _own_posts(ctx, account.id):
                media, missing, placeholders = _judge(action, types)
                if not media:
                    continue
                illustrated.append(action.id)
                if missing:
                    undescribed.append(action.id)
                    missing_images += len(missing)
                if placeholders:
                    placeholder_posts.append(action.id)
                    placeholder_texts.extend(t for t in placeholders if t not in placeholder_texts)
            if undescribed_on and expected and undescribed:
                yield ctx.finding(
                    "ALT001",
                    subject=subject,
                    account=account.id,
                    message=(
                        f"{len(undescribed)} of {len(illustrated)} posts with images on {shown} "
                        f"have an image without a description"
                    ),
                    suggestion=(
                        f"Describe every image in its alt text: what it shows that matters to the post. "
                        f"People on {shown} who cannot see it get only the description."
                    ),
                    evidence=undescribed,
                    metrics={
                        "posts_with_images": len(illustrated),
                        "undescribed_posts": len(undescribed),
                        "undescribed_images": missing_images,
                        "share": round(len(undescribed) / len(illustrated), 3),
                    },
                )
            if placeholders_on and placeholder_posts:
                yield ctx.finding(
                    "ALT002",
                    subject=subject,
                    account=account.id,
                    message=f"image descriptions that describe nothing: {_quoted(placeholder_texts)}",
                    suggestion=(
                        "Replace each with a sentence on what the image shows, as you would tell "
                        "someone on the phone."
                    ),
                    evidence=placeholder_posts,
                    metrics={"placeholder_posts": len(placeholder_posts)},
                )


@hookimpl
def register_checks(register):
    register(describe_images)
