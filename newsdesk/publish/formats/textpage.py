"""The article page in the site's text layout (see SITE-TEMPLATE.md), both ways.

Layout, line by line::

    {breadcrumb label}{section parts and page-type crumb joined by " > "}
    {kicker}{kicker separator}{headline}        (just the headline without a kicker)
    {YYYY-MM-DD} {source label}{source}
    (blank)
    {body paragraphs, a blank line between them}
    (blank)
    {credit lines `{Role}{sep}{names}`, a blank line between them}
    (blank)
    {service email label}{address}
    {copyright label}{domain}                   (no final newline)

Every label comes from the `SiteProfile`, in the set of the article's language (a
Chinese article prints 当前位置： and 来源：), so another site needs no code change.
Writing always produces exactly this layout. Reading is
`publish/importers/textpage.py` (lenient, as real pages come); `read_text_page` here
returns just the article it reads.

Writing: body paragraphs are the visible text of the rendered body
(`html_blocks_to_text(render_body(article.body))`), so the HTML page and the text page
agree by construction. Credit lines use the site's credit separator and the label the credit
was stored with (`CreditVocabulary.label`: never translated; only a bare role key
prints the label of the site's language); names are joined by one space; a credit without names is
not printed. One-line fields (kicker, headline, source, section, names) have their
whitespace runs collapsed so the layout stays one field per line.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.importers.credits_block import PAGE_SEPARATORS
from newsdesk.publish.importers.textpage import KICKER_SEPARATORS, read_text_page_report
from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text, normalize_space

logger = logging.getLogger(__name__)

# Credit separators a page may carry: the CJK vertical stroke U+4E28, the ASCII bar
# (left by translation) and the fullwidth bar U+FF5C.
CREDIT_SEPARATORS = PAGE_SEPARATORS
__all__ = ["CREDIT_SEPARATORS", "KICKER_SEPARATORS", "read_text_page", "write_text_page"]


# ---------------------------------------------------------------- writing


def write_text_page(
    article: Article,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    body_html: str | None = None,
    body_blocks: Sequence[str] | None = None,
) -> str:
    """The article as the site's text page, exactly in the site's layout.

    `body_html` is the body already rendered by `render_body` (the export's cache), and
    `body_blocks` its visible text (`html_blocks_to_text` of it), when known."""
    vocabulary = CreditVocabulary() if vocabulary is None else vocabulary
    site = site.for_language(article.language or site.language)  # its language's labels
    section = [normalize_space(part) for part in article.section if normalize_space(part)]
    crumbs = [*(section or site.default_section_path), site.page_type_crumb]
    breadcrumb = site.breadcrumb_label + site.breadcrumb_separator.join(crumbs)
    headline = normalize_space(article.headline)
    kicker = normalize_space(article.kicker)
    title = f"{kicker}{site.kicker_separator}{headline}" if kicker else headline
    source_part = f"{site.source_label}{normalize_space(article.source)}"
    meta = f"{article.date.isoformat()} {source_part}" if article.date else source_part
    if body_blocks is not None and body_html is not None:
        paragraphs = list(body_blocks)
    else:
        paragraphs = html_blocks_to_text(
            render_body(article.body) if body_html is None else body_html
        )
    credit_lines = []
    for credit in article.credits:
        names = [normalize_space(name) for name in credit.names if normalize_space(name)]
        if not names:
            continue
        label = vocabulary.label(normalize_space(credit.role), site.language)
        credit_lines.append(f"{label}{site.credit_separator}{' '.join(names)}")
    footer = (
        f"{site.service_email_label}{site.service_email}\n"
        f"{site.copyright_label}{site.copyright_domain}"
    )
    head = "\n".join((breadcrumb, title, meta))
    return head + "\n\n" + "\n\n".join((*paragraphs, *credit_lines, footer))


# ---------------------------------------------------------------- reading


def read_text_page(
    text: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    known_people: Iterable[str] = (),
) -> Article:
    """Read a page in the site's text layout into an Article (content fields only).

    Raises InvalidInputError, naming what is missing, for text in no known layout.
    What the reader decided on the way is in `read_text_page_report`.
    """
    return read_text_page_report(
        text, site=site, vocabulary=vocabulary, known_people=known_people
    ).article
