"""The checks an article must pass before it is submitted or approved.

Each failure has a stable name (for tests, the CLI and the app's checklist) and a
sentence saying what to fix. A producer may override failed checks with a reason,
which the audit log records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import RuleViolation
from newsdesk.domain.site import SiteProfile


@dataclass(frozen=True)
class CheckFailure:
    name: str
    message: str
    # The values the message names, so a front end can say it in another language.
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


@dataclass(frozen=True)
class ImageRef:
    src: str
    alt: str = ""
    caption: str = ""


class ChecklistFailed(RuleViolation):
    def __init__(self, action: str, failures: list[CheckFailure]) -> None:
        listed = "; ".join(str(f) for f in failures)
        super().__init__(
            "checklist",
            f"cannot {action}: {len(failures)} check(s) failed: {listed}"
            " (a producer may --override with a reason)",
            action=action,
            count=len(failures),
        )
        self.failures = failures


# What a new article is called until its reporter gives it a headline.
PLACEHOLDER_HEADLINE = "Untitled article"

CHECK_NAMES = (
    "headline",
    "body",
    "headline-length",
    "reporter-credited",
    "empty-credit-row",
    "date-set",
    "link-schemes",
    "image-text",
    "image-source",
)


def run_checklist(
    article: Article,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    links: Iterable[str],
    images: Iterable[ImageRef],
    link_allowed: Callable[[str], bool],
    image_allowed: Callable[[str], bool] | None = None,
) -> list[CheckFailure]:
    failures: list[CheckFailure] = []
    headline = article.headline.strip()
    if not headline:
        failures.append(CheckFailure("headline", "the article has no headline"))
    elif headline.casefold() == PLACEHOLDER_HEADLINE.casefold():
        failures.append(
            CheckFailure(
                "headline",
                f"the headline is still {PLACEHOLDER_HEADLINE!r}",
                {"headline": PLACEHOLDER_HEADLINE},
            )
        )
    elif len(headline) > site.headline_max_length:
        failures.append(
            CheckFailure(
                "headline-length",
                f"the headline has {len(headline)} characters; the site allows"
                f" {site.headline_max_length}",
                {"length": str(len(headline)), "limit": str(site.headline_max_length)},
            )
        )
    if not article.body.strip():
        failures.append(CheckFailure("body", "the article has no text"))
    reporter = vocabulary.find("Reporter")
    credited = [
        c for c in article.credits if c.names and (vocabulary.find(c.role) or None) == reporter
    ]
    if not credited:
        failures.append(CheckFailure("reporter-credited", "no Reporter is credited"))
    for position, credit in enumerate(article.credits, start=1):
        if not credit.role.strip() or not [n for n in credit.names if n.strip()]:
            label = credit.role.strip() or f"row {position}"
            failures.append(
                CheckFailure(
                    "empty-credit-row",
                    f"the credit row {label} has no role or no names",
                    {"role": credit.role.strip(), "row": str(position)},
                )
            )
    if article.date is None:
        failures.append(CheckFailure("date-set", "the publication date is not set"))
    for link in links:
        if not link_allowed(link):
            failures.append(
                CheckFailure(
                    "link-schemes",
                    f"the link {link!r} is not http, https or mailto",
                    {"link": link},
                )
            )
    for image in images:
        # An image the page cannot show (no source, or a generator's placeholder such
        # as Pelican's {static}/...) is named here; the export leaves it out.
        if not image.src.strip() or (image_allowed is not None and not image_allowed(image.src)):
            failures.append(
                CheckFailure(
                    "image-source",
                    f"the image {image.src or image.alt!r} has no usable source (an attached"
                    " image's name or an http(s) address)",
                    {"image": image.src or image.alt},
                )
            )
        if not image.alt.strip() and not image.caption.strip():
            failures.append(
                CheckFailure(
                    "image-text",
                    f"the image {image.src!r} has no caption or alt text",
                    {"image": image.src},
                )
            )
    return failures
