"""The bytes of one exported file, exactly as the export writes it, in whichever
process renders it (the export's own or a page process, see page_workers)."""

from __future__ import annotations

import json

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export import problems
from newsdesk.publish.export.body_cache import RenderedBody
from newsdesk.publish.export.staging import ExportError
from newsdesk.publish.formats.markdown_meta import write_markdown_document
from newsdesk.publish.formats.ninjs import to_ninjs
from newsdesk.publish.formats.page_html import PageTemplates, render_page
from newsdesk.publish.formats.textpage import write_text_page


def render_file(
    fmt: str,
    article: Article,
    name: str,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    fragment: bool,
    body: RenderedBody | None,
    templates: PageTemplates,
) -> bytes:
    """The bytes of `article`'s file `name` in format `fmt`, exactly as the export writes
    them (`body`: the body already rendered, for html, text and ninjs, or None)."""
    body_html = body.html if body is not None else None
    blocks = body.blocks if body is not None else None
    try:
        if fmt == "html":
            text = render_page(
                article,
                site=site,
                vocabulary=vocabulary,
                fragment=fragment,
                body_html=body_html,
                templates=templates,
                body_blocks=blocks,
            )
        elif fmt == "text":
            text = write_text_page(
                article, site=site, vocabulary=vocabulary, body_html=body_html, body_blocks=blocks
            )
        elif fmt == "ninjs":
            data = to_ninjs(article, site=site, vocabulary=vocabulary, body_html=body_html)
            text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        else:
            text = write_markdown_document(article, site=site)
    except NewsdeskError as error:
        raise ExportError(problems.cannot_render(name, article.id, error)) from None
    return text.encode("utf-8")
