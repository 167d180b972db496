"""The preview's page: the article as the site shows it, rendered in the preview's
child process. The export machinery (Jinja, Python-Markdown) is imported there, at
the first render, and never by the window's own process at start."""

from __future__ import annotations

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile


def render_site_page(article: Article, *, site: SiteProfile, vocabulary: CreditVocabulary) -> str:
    from newsdesk.publish.formats.page_html import render_page

    return render_page(article, site=site, vocabulary=vocabulary)
