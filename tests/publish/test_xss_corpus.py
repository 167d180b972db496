"""No exported page can run anything an article brought in.

Every vector of tests/publish/xss_vectors.py goes into every field of an article
(headline, kicker, section, source, language, body as text, link and image, credit
roles and names, image name, alt and caption). The full page, the fragment, the
bundle's pages and index.html, and ninjs' HTML body are then parsed with html.parser
and must hold no executable construct (see `find_executable`). The article's text must
still be on the page, shown as text: escaping, not dropping, is what keeps the
reporter's words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.formats.ninjs import to_ninjs
from newsdesk.publish.formats.page_html import render_page
from newsdesk.publish.markdown.pipeline import ALLOWED_TAGS
from newsdesk.publish.markdown.plain_text import normalize_space
from tests.publish.xss_vectors import VECTORS

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()

# Tags the site templates write, plus the body's allow-list; anything else is foreign.
TEMPLATE_TAGS = frozenset(
    {"html", "head", "body", "meta", "title", "link", "script", "article", "nav", "span"}
    | {"h1", "div", "time", "footer", "p", "a", "ul", "li"}
)
PERMITTED_TAGS = TEMPLATE_TAGS | ALLOWED_TAGS
NEVER_FROM_CONTENT = frozenset(
    {"svg", "math", "iframe", "frame", "frameset", "object", "embed", "applet", "style"}
    | {"form", "input", "button", "textarea", "select", "base", "template", "noscript"}
    | {"xmp", "plaintext", "isindex", "marquee", "video", "audio", "source", "details"}
)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
    | {"srcset", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "manifest", "ping"}
    | {"icon", "usemap", "classid", "archive", "profile", "to", "values", "from", "by"}
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


def browser_url(value: str) -> str:
    """A URL attribute as a browser's URL parser reads it (the parser already decoded
    entities): C0 controls and spaces stripped at both ends, tabs and line breaks
    removed anywhere."""
    return re.sub(r"[\t\n\r]", "", value.strip(_C0_AND_SPACE))


class _PageScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[dict] = []
        self._in_script: dict | None = None
        self._text_of: list[tuple[str, list[str]]] = []
        self.texts: dict[str, list[str]] = {}
        self.all_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check_tag(tag, attrs)
        classes = (dict(attrs).get("class") or "").split()
        for wanted in ("headline", "kicker", "role", "name", "value", "crumb"):
            if wanted in classes:
                self._text_of.append((wanted, []))
        if tag == "script":
            self._in_script = {"attrs": dict(attrs), "data": ""}

    def handle_startendtag(self, tag, attrs):
        self._check_tag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append(self._in_script)
            self._in_script = None
        if tag == "span" and self._text_of:
            name, parts = self._text_of.pop()
            self.texts.setdefault(name, []).append("".join(parts))

    def handle_data(self, data):
        self.all_text.append(data)
        if self._in_script is not None:
            self._in_script["data"] += data
        for _name, parts in self._text_of:
            parts.append(data)

    def handle_comment(self, data):
        self.problems.append(f"a comment: <!--{data[:40]}")

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.problems.append(f"a declaration: <!{decl[:40]}>")

    def unknown_decl(self, data):
        self.problems.append(f"a CDATA or unknown declaration: {data[:40]}")

    def handle_pi(self, data):
        self.problems.append(f"a processing instruction: <?{data[:40]}")

    def _check_tag(self, tag, attrs):
        if tag in NEVER_FROM_CONTENT or tag not in PERMITTED_TAGS:
            self.problems.append(f"a <{tag}> element")
        values = dict(attrs)
        if tag == "meta" and "http-equiv" in values:
            self.problems.append("a <meta http-equiv>")
        if tag == "link" and values.get("rel") not in ("stylesheet", "canonical"):
            self.problems.append(f"a <link rel={values.get('rel')!r}>")
        if tag == "script" and values != {"type": "application/ld+json"}:
            self.problems.append(f"a <script> that is not JSON-LD: {values}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"an event handler {name}= on <{tag}>")
            if name in ("style", "srcdoc", "xmlns", "formaction"):
                self.problems.append(f"a {name}= attribute on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None:
                url = browser_url(value)
                scheme = _SCHEME.match(url)
                if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                    self.problems.append(f"{name}={value!r} on <{tag}>")


def find_executable(html: str, *, json_ld: int) -> tuple[list[str], _PageScan]:
    """Everything in `html` a browser could run, and the scan (for the visible text).

    `json_ld` is the number of JSON-LD blocks the page must have (its only scripts).
    """
    scan = _PageScan()
    scan.feed(html)
    scan.close()
    problems = list(scan.problems)
    if len(scan.scripts) != json_ld:
        problems.append(f"{len(scan.scripts)} script blocks, expected {json_ld} (JSON-LD)")
    for script in scan.scripts:
        data = script["data"]
        if "<" in data:
            problems.append("a '<' inside the JSON-LD block (could end or reopen the script)")
        try:
            json.loads(data)
        except ValueError as error:
            problems.append(f"the JSON-LD block is not JSON: {error}")
    # Independent of the parser: in the raw text, "<script" may only open JSON-LD.
    raw_scripts = len(re.findall(r"<\s*script", html, flags=re.IGNORECASE))
    if raw_scripts != json_ld:
        problems.append(f"'<script' appears {raw_scripts} times in the raw HTML")
    return problems, scan


def hostile_article(vector: str, number: int) -> Article:
    body = "\n\n".join(
        [
            vector,
            f"Before the vector {vector} after it.",
            f"A [link with {vector}]({vector}) and an image ![alt {vector}]({vector}).",
            f"![{vector}]({vector})\n{vector}",
            f'<a href="{vector}">raw link</a> <img src="{vector}" alt="{vector}">',
            f"[reference][{number}]\n\n[{number}]: {vector}",
            f"- {vector}\n- item",
            f"> {vector}",
        ]
    )
    return Article(
        id=number,
        slug=f"hostile-{number}",
        headline=f"Headline {vector}",
        kicker=f"Kicker {vector}",
        section=[vector, f"part {vector}"],
        date=dt.date(2026, 1, 1) + dt.timedelta(days=number),
        source=f"Source {vector}",
        language=vector,
        body=body,
        credits=[
            Credit(role=vector, names=(vector, "Nadia Rahman")),
            Credit(role="Reporter", names=(f"Name {vector}",)),
        ],
        images=[
            Image(
                name=vector,
                sha256="0" * 64,
                media_type="image/jpeg",
                alt=vector,
                caption=vector,
            )
        ],
    )


CASES = list(VECTORS.items())


def test_the_corpus_is_large_enough():
    assert len(VECTORS) >= 50


@pytest.mark.parametrize(("name", "vector"), CASES, ids=[name for name, _ in CASES])
def test_full_page_and_fragment_run_nothing(name, vector):
    article = hostile_article(vector, 1)
    page = render_page(article, site=SITE, vocabulary=VOCABULARY)
    problems, scan = find_executable(page, json_ld=1)
    assert problems == [], f"{name}: {problems}"
    # The words are shown as text, not dropped.
    assert scan.texts["headline"] == [normalize_space(f"Headline {vector}")]
    assert scan.texts["kicker"] == [normalize_space(f"Kicker {vector}")]
    assert normalize_space(f"Name {vector}") in scan.texts["name"]
    json_ld = json.loads(scan.scripts[0]["data"])
    assert json_ld["headline"] == f"Headline {vector}"

    fragment = render_page(article, site=SITE, vocabulary=VOCABULARY, fragment=True)
    problems, _scan = find_executable(fragment, json_ld=0)
    assert problems == [], f"{name} (fragment): {problems}"


@pytest.mark.parametrize(("name", "vector"), CASES, ids=[name for name, _ in CASES])
def test_ninjs_html_body_runs_nothing(name, vector):
    data = to_ninjs(hostile_article(vector, 1), site=SITE, vocabulary=VOCABULARY)
    [html] = [b["value"] for b in data["bodies"] if b["contenttype"] == "text/html"]
    problems, _scan = find_executable(html, json_ld=0)
    assert problems == [], f"{name}: {problems}"


def test_exported_bundle_runs_nothing(tmp_path):
    """The whole corpus in one export: every page and the index."""
    articles = []
    for number, vector in enumerate(VECTORS.values(), start=1):
        article = hostile_article(vector, number)
        # Hostile image names are refused by the exporter (see test_asset_paths.py);
        # here the alt text and caption carry the vector.
        image = article.images[0]
        article.images = [Image("photo.jpg", image.sha256, image.media_type, vector, vector)]
        articles.append(article)
    out = tmp_path / "site"
    list(export_bundle(articles, out, site=SITE, vocabulary=VOCABULARY, formats=["html"]))
    pages = sorted(out.glob("hostile-*.html"))
    assert len(pages) == len(VECTORS)
    for page in pages:
        problems, _scan = find_executable(page.read_text(encoding="utf-8"), json_ld=1)
        assert problems == [], f"{page.name}: {problems}"
    index = (out / "index.html").read_text(encoding="utf-8")
    problems, scan = find_executable(index, json_ld=0)
    assert problems == [], f"index.html: {problems}"
    shown = "".join(scan.all_text)
    for vector in VECTORS.values():
        assert normalize_space(f"Headline {vector}") in shown


# -- the checker itself must catch what it is meant to catch ----------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p><script>alert(1)</script></p>",
        '<p><img src="x" onerror="alert(1)"></p>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="\x01 JAVASCRIPT:alert(1)">x</a>',
        '<a href="vbscript:x">x</a>',
        '<img src="data:image/png;base64,AAAA">',
        "<svg></svg>",
        "<math></math>",
        '<meta http-equiv="refresh" content="0">',
        '<p style="color:red">x</p>',
        "<!-- a comment -->",
        "<![CDATA[x]]>",
        '<form action="https://example.org"></form>',
        '<script type="application/ld+json">{"a": "</b>"}</script>',
    ],
)
def test_the_checker_catches_executable_constructs(html):
    problems, _scan = find_executable(html, json_ld=0)
    assert problems, html


def test_the_checker_accepts_ordinary_markup():
    html = (
        '<p>Text <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">link</a>'
        ' <a href="mailto:desk@example.org">mail</a> <img src="photo.jpg" alt="a photo"></p>'
    )
    assert find_executable(html, json_ld=0)[0] == []


def test_browser_url_normalisation():
    assert browser_url(" \x01java\tscr\nipt:alert(1) ") == "javascript:alert(1)"
    assert Path("photo.jpg").name == browser_url("photo.jpg")
