"""What an import did: the article it would make and everything decided on the way.

One `ImportReport` per file, the same for every reader (text page, Markdown with any
metadata, ninjs, Word), so a front end shows one kind of preview: the CLI's
`import --dry-run --json` prints `ImportReport.to_json()`, and the app can show the
same fields before anything is saved. Plain data, no Qt, nothing written anywhere.

- `notes`: decisions the user should know about (the section came from the site's
  default, a time on the date line was not kept, a Pelican status became a note).
- `left_out`: text or data that is in the file but not in the article, each with why
  (page chrome after the credits, an image with no usable source, unknown fields).
  Each note and each reason is a `Said` made in notes.py: English text (what the JSON
  and the CLI show) with a stable name and parameters, so the app can say it in the
  interface's language.
- `unknown_roles`: credit roles the newsroom's vocabulary does not know, kept as
  written on the credits and offered to the vocabulary.
- `images`: image files the article needs stored (embedded in a Word document); the
  article's `images` already name them by `sha256`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from newsdesk.domain.article import Article
from newsdesk.domain.said import Said

# The body pipeline (nh3) writes captions in exactly this form.
_FIGCAPTION = re.compile(r"<figcaption>.*?</figcaption>", re.DOTALL)


@dataclass(frozen=True)
class LeftOut:
    """Something in the file that the article does not carry, and why."""

    what: str
    text: str
    reason: str  # a Said of notes.py

    def to_json(self) -> dict:
        return {"what": self.what, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class ImageFile:
    """An image file that came inside the imported file (a Word document's picture)."""

    name: str
    media_type: str
    data: bytes = field(repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class ImportReport:
    source: str
    format: str
    article: Article
    notes: list[Said] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    unknown_roles: list[str] = field(default_factory=list)
    images: list[ImageFile] = field(default_factory=list)
    # The slug the headline gives (publish.slugs.base_slug) when the reader made it
    # already (many_files.py, for an import's storing process); else "".
    slug_base: str = ""

    def note(self, said: Said) -> None:
        if said not in self.notes:
            self.notes.append(said)

    def leave_out(self, what: str, text: str, reason: Said) -> None:
        self.left_out.append(LeftOut(what, text, reason))

    def paragraph_count(self) -> int:
        """Blocks of text the body shows (paragraphs, headings, list items), captions
        of images not counted."""
        # The body pipeline is loaded by the previews only: an import, and the process
        # reading its files, store the article without rendering it.
        from newsdesk.publish.markdown.pipeline import render_body
        from newsdesk.publish.markdown.plain_text import html_blocks_to_text

        html = _FIGCAPTION.sub("", render_body(self.article.body))
        return len(html_blocks_to_text(html))

    def image_count(self) -> int:
        """Images the body shows plus attached images it does not show."""
        from newsdesk.publish.markdown.inspect import body_references

        shown = body_references(self.article.body).images
        names = {image.src for image in shown}
        return len(shown) + sum(1 for image in self.article.images if image.name not in names)

    def to_json(self) -> dict:
        article = self.article
        return {
            "file": self.source,
            "format": self.format,
            "fields": {
                "kicker": article.kicker,
                "headline": article.headline,
                "section": list(article.section),
                "date": article.date.isoformat() if article.date else None,
                "source": article.source,
                "language": article.language,
                "summary": article.summary,
                "slug": article.slug,
                "status": article.status.value,
            },
            "credits": [credit.to_dict() for credit in article.credits],
            "keywords": list(article.keywords),
            "paragraphs": self.paragraph_count(),
            "images": self.image_count(),
            "notes": list(self.notes),
            "left_out": [item.to_json() for item in self.left_out],
            "unknown_roles": list(self.unknown_roles),
        }
