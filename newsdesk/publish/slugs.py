"""URL slugs for articles: ASCII, lowercase, unique, made once and then stored.

A slug names an article's files on the site (`{slug}.html`). Until the article is
first published it follows the headline (newsroom/content_rules.py); after, it changes
only by a deliberate act that keeps the old address as a redirect. Chinese headlines
are transliterated to toneless pinyin with pypinyin (`重庆大桥` -> `chong-qing-da-qiao`);
Latin text loses its accents (`Zürich` -> `zurich`).
When nothing transliterable is left (another script such as Greek, or only symbols),
the slug falls back to `article-` + the first 8 hex digits of the headline's SHA-256,
which is still stable and URL-safe. pypinyin is a required dependency: a missing
install is an error, never a silent switch to hash slugs (that would give the same
headline a different slug on another machine).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Collection

from newsdesk.domain.said import Said

logger = logging.getLogger(__name__)

# Made slugs are letters, digits and single hyphens; imported ones (Pelican accepts
# `mac-osx-10.8`) may also have single dots or underscores between them. Never a
# leading dot or `..`, so a slug stays one safe file name.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-._][a-z0-9]+)*$")
# `index` would overwrite the bundle's index.html.
RESERVED_SLUGS = frozenset({"index"})
DEFAULT_MAX_LENGTH = 80

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")


def is_valid_slug(slug: str) -> bool:
    """True for a slug that is safe as a file name and a URL path segment."""
    return bool(SLUG_RE.match(slug)) and slug not in RESERVED_SLUGS


def make_slug(
    headline: str,
    taken: Callable[[str], bool] | Collection[str],
    *,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> str:
    """A slug for `headline` that `taken` does not already hold.

    `taken` is a set of slugs in use or a function answering whether one is in use
    (for example a store lookup). A taken slug gets `-2`, `-3` ... appended.
    """
    return unique_slug(_base_slug(headline, max_length), taken, max_length=max_length)


def unique_slug(
    base: str,
    taken: Callable[[str], bool] | Collection[str],
    *,
    max_length: int = DEFAULT_MAX_LENGTH,
) -> str:
    """`base` (a `base_slug`), numbered when `taken` holds it (see make_slug)."""
    is_taken = taken if callable(taken) else taken.__contains__
    candidate = base
    counter = 1
    while candidate in RESERVED_SLUGS or is_taken(candidate):
        counter += 1
        suffix = f"-{counter}"
        candidate = _truncate(base, max_length - len(suffix)) + suffix
    return candidate


def base_slug(headline: str, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """The slug `headline` gives before any number is added to make it unique."""
    return _base_slug(headline, max_length)


def slug_problem(slug: str) -> Said | None:
    """Why `slug` cannot be an article's address (named, for the app to translate), or
    None when it can."""
    if not slug:
        return Said("address-required", "An address is required.")
    if len(slug) > DEFAULT_MAX_LENGTH:
        return Said(
            "address-too-long",
            f"The address has {len(slug)} characters; at most {DEFAULT_MAX_LENGTH}.",
            length=len(slug),
            limit=DEFAULT_MAX_LENGTH,
        )
    if slug in RESERVED_SLUGS:
        return Said("address-reserved", f"{slug} is reserved for the site's own pages.", slug=slug)
    if not SLUG_RE.match(slug):
        return Said(
            "address-characters",
            "Use lowercase letters a-z, digits and single hyphens (e.g. harbour-reopens),"
            " with no hyphen at either end.",
        )
    return None


def _base_slug(headline: str, max_length: int) -> str:
    text = _transliterate_han(headline)
    # NFKD splits accented letters into letter + combining mark, and fullwidth forms
    # into ASCII; dropping what is still not ASCII leaves the plain letters.
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG_RE.sub("-", ascii_text.lower()).strip("-")
    slug = _truncate(slug, max_length)
    if not slug:
        digest = hashlib.sha256(headline.encode("utf-8")).hexdigest()[:8]
        slug = f"article-{digest}"
    return slug


def _transliterate_han(text: str) -> str:
    # U+4E28 is a Han character (gun) but the site uses it as the kicker separator.
    text = text.replace("\u4e28", " ")
    if not _HAN_RE.search(text):
        return text
    # Imported on first use, not at module level: loading pypinyin's dictionaries
    # takes about 0.2 s, which would more than double the start of every CLI command.
    from pypinyin import lazy_pinyin

    # Each syllable becomes a word of its own; text that is not Han passes through.
    return " ".join(lazy_pinyin(text))


def load_transliteration() -> None:
    """Load pypinyin's dictionaries now (about a quarter of a second of CPU), for a
    caller with idle time before it makes many slugs; the first Chinese headline
    would load them anyway."""
    _transliterate_han("中")


def _truncate(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    # Prefer to cut at a word boundary so no half word ends the URL.
    if slug[max_length] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")
