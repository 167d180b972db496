"""What an export would change in a folder: per article, a diff of its files.

Before the web team exports, it sees what is new, what changed since the last export
to that folder (a unified diff of each page file: what is in the folder against what
this export writes) and which articles leave the folder's index. Nothing is written.
"""

from __future__ import annotations

import difflib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export.body_cache import BodyCache
from newsdesk.publish.export.bundle import FORMAT_FILES, normalize_formats
from newsdesk.publish.export.file_bytes import render_file
from newsdesk.publish.export.manifest import MANIFEST_NAME
from newsdesk.publish.formats.page_html import PageTemplates, default_templates, page_title

log = logging.getLogger(__name__)


class ChangeState(StrEnum):
    NEW = "new"  # none of its files is in the folder yet
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    DROPPED = "dropped"  # in the folder's last export, not in this one: leaves the index


@dataclass(frozen=True)
class PageChange:
    article_id: int | None
    slug: str
    title: str
    state: ChangeState
    diff: str = ""  # unified diff of every file that changes ("" when none)
    files: tuple[str, ...] = ()  # the files this export writes again


def export_changes(
    articles: Iterable[Article],
    out_dir: str | Path,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    formats: Iterable[str] = ("html",),
    fragment: bool = False,
    templates: PageTemplates | None = None,
    cache: BodyCache | None = None,
) -> list[PageChange]:
    """Compare each article's files, rendered as `export_bundle` renders them, with the
    files in `out_dir`. Articles of the folder's last manifest that are not in
    `articles` come last, as DROPPED."""
    wanted = normalize_formats(formats)
    templates = templates or default_templates()
    cache = cache if cache is not None else BodyCache()
    out = Path(out_dir)
    changes: list[PageChange] = []
    present: set[int | None] = set()
    for article in articles:
        present.add(article.id)
        body = cache.rendered(article.body)
        diffs: list[str] = []
        rewritten: list[str] = []
        existing = 0
        for fmt in wanted:
            name = FORMAT_FILES[fmt].format(slug=article.slug)
            new = render_file(fmt, article, name, site, vocabulary, fragment, body, templates)
            old = _read(out / name)
            if old is not None:
                existing += 1
            if old == new:
                continue
            rewritten.append(name)
            diffs.append(_unified(name, old, new))
        if not rewritten:
            state = ChangeState.UNCHANGED
        elif existing == 0:
            state = ChangeState.NEW
        else:
            state = ChangeState.CHANGED
        changes.append(
            PageChange(
                article_id=article.id,
                slug=article.slug,
                title=page_title(article, site),
                state=state,
                diff="".join(diffs),
                files=tuple(rewritten),
            )
        )
    for entry in _previous_entries(out):
        if entry.get("id") not in present:
            slug = str(entry.get("slug", ""))
            changes.append(
                PageChange(
                    article_id=entry.get("id"),
                    slug=slug,
                    title=slug,
                    state=ChangeState.DROPPED,
                )
            )
    return changes


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("cannot read %s to compare it: %s", path, error)
        return None


def _unified(name: str, old: bytes | None, new: bytes) -> str:
    before = _lines(old) if old is not None else []
    after = _lines(new)
    label = f"{name} (in the folder)" if old is not None else f"{name} (not in the folder)"
    lines = difflib.unified_diff(before, after, label, f"{name} (this export)")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", errors="replace").splitlines(keepends=True)


def _previous_entries(out: Path) -> list[dict]:
    try:
        manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = manifest.get("articles", []) if isinstance(manifest, dict) else []
    return [entry for entry in entries if isinstance(entry, dict)]
