"""The export folder's manifest: what the last export wrote (per article its revision,
content hash and files), and the fingerprints that say when a format must be written
again (site settings, vocabulary, library versions, templates)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
from enum import Enum
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.formats.page_html import PageTemplates

logger = logging.getLogger(__name__)

# Bump when the exporter's own output changes, so every file is written again.
EXPORT_VERSION = "1"
MANIFEST_NAME = "manifest.json"


def article_hash(article: Article) -> str:
    """SHA-256 of everything an export of the article can show (all its fields)."""
    payload = json.dumps(article, default=_json_default, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def _json_default(value: object) -> object:
    # A dataclass becomes the dict `dataclasses.asdict` makes of it (so the hashes stay
    # the same), field by field as the encoder reaches it: asdict's deep copy of every
    # field was most of a no-op export's time.
    if dataclasses.is_dataclass(value):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


def format_fingerprints(
    formats: tuple[str, ...],
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    templates: PageTemplates,
    fragment: bool,
) -> dict[str, str]:
    common = {
        "export": EXPORT_VERSION,
        "site": site.to_dict(),
        "vocabulary": [[r.key, r.en, r.zh] for r in vocabulary.roles],
        "libraries": {name: _version(name) for name in ("markdown", "nh3", "jinja2")},
    }
    result = {}
    for fmt in formats:
        data = dict(common, format=fmt)
        if fmt == "html":
            data.update(templates=templates.fingerprint, fragment=fragment)
        encoded = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        result[fmt] = hashlib.sha256(encoded).hexdigest()
    return result


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


def read_manifest(out: Path) -> dict:
    path = out / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        logger.warning("ignoring unreadable %s (%s): every file is written again", path, error)
        return {}
    return data if isinstance(data, dict) else {}
