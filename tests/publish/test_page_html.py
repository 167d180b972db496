from __future__ import annotations

import dataclasses
import json
import shutil
from html.parser import HTMLParser
from importlib.resources import files

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import CHINESE_SITE, SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.formats.page_html import PageTemplates, render_page
from newsdesk.publish.formats.textpage import write_text_page
from tests.golden import assert_golden
from tests.publish.fixtures_articles import (
    FIXTURES,
    HOSTILE_HEADLINE,
    hostile,
    library_reopens,
    night_ferries,
    wetland_park_zh,
)
from tests.publish.visible_text import squash, visible_blocks

VOCABULARY = CreditVocabulary()
SITE = SiteProfile()
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Element:
    def __init__(self, tag: str, attrs: dict, parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element] = []
        self.text_parts: list[str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(self.text_parts)

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag and (cls is None or cls in e.classes)]

    def find(self, tag: str, cls: str | None = None) -> Element:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls!r}> in the page"
        return found[0]


class TreeBuilder(HTMLParser):
    """A strict little tree builder: every non-void element must be closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.stack = [self.root]
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, dict(attrs), self.stack[-1]))

    def handle_endtag(self, tag):
        assert tag not in VOID, f"end tag for void element </{tag}>"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element.text_parts.append(data)


def parse(html: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed: {[e.tag for e in builder.stack[1:]]}"
    return builder


def page(article: Article, site: SiteProfile = SITE, **kwargs) -> str:
    return render_page(article, site=site, vocabulary=VOCABULARY, **kwargs)


def json_ld(tree: TreeBuilder) -> dict:
    scripts = tree.root.find_all("script")
    assert len(scripts) == 1 and scripts[0].attrs.get("type") == "application/ld+json"
    return json.loads(scripts[0].text())


# --- golden files --------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_page_matches_golden(name):
    factory, site = FIXTURES[name]
    assert_golden(page(factory(), site), f"{name}.html")


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fragment_matches_golden(name):
    factory, site = FIXTURES[name]
    assert_golden(page(factory(), site, fragment=True), f"{name}.fragment.html")


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_text_page_matches_golden(name):
    factory, site = FIXTURES[name]
    assert_golden(write_text_page(factory(), site=site, vocabulary=VOCABULARY), f"{name}.txt")


# --- the page's visible text is the text page ----------------------------------------


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_visible_text_equals_text_page(name):
    factory, site = FIXTURES[name]
    article = factory()
    html = page(article, site)
    text = write_text_page(article, site=site, vocabulary=VOCABULARY)
    assert squash(" ".join(visible_blocks(html))) == squash(text)
    # Stricter than required: block for block, line for line.
    assert [squash(b) for b in visible_blocks(html)] == [
        squash(line) for line in text.split("\n") if line.strip()
    ]


def test_visible_text_of_the_sample_layout():
    blocks = visible_blocks(page(night_ferries()))
    assert blocks[0] == "current location:news > city > text"
    assert blocks[1] == "Live report丨Night ferries return to the harbour after a two-year pause"
    assert blocks[2] == "2025-03-14 source:Harbour Daily"
    assert blocks[-6:] == [
        "Producer丨Marta Oyelaran",
        "Reporter丨Tomas Brandt Ines Okafor",
        "Photography丨Lucia Ferraz Kwame Asante Juno Rask",
        "Editor丨Pavel Novak",
        "Unified Service Email:chinanewsonline@yeah.net",
        "Copyright@ www.china-news-online.com",
    ]


def test_article_without_kicker_source_or_date():
    article = dataclasses.replace(library_reopens(), date=None)
    html = page(article)
    blocks = visible_blocks(html)
    assert blocks[1] == "Eastside library reopens with a longer Sunday"
    assert blocks[2] == "source:"
    tree = parse(html)
    assert not tree.root.find_all("span", "kicker")
    assert not tree.root.find_all("time", "date")
    assert squash(" ".join(blocks)) == squash(write_text_page(article, site=SITE))


_plain = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=25)
_paragraph = st.one_of(
    _plain,
    st.sampled_from(
        [
            "Plain *emphasis* and **strong** text.",
            "- one\n- two",
            "1. first\n2. second",
            "> quoted words",
            "## A subheading",
            "Line one  \nline two",
            "[a link](https://example.org/x) after",
            "```\ncode  with   spaces\n```",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "<b onclick=x>raw</b> html",
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headline=_plain,
    kicker=st.one_of(st.just(""), _plain),
    source=st.one_of(st.just(""), _plain),
    section=st.lists(_plain, max_size=3),
    body=st.lists(_paragraph, max_size=5).map("\n\n".join),
    credits=st.lists(
        st.builds(
            Credit,
            role=st.sampled_from(["Reporter", "记者", "Editor", "Sound design", "  "]),
            names=st.lists(_plain, max_size=3).map(tuple),
        ),
        max_size=4,
    ),
    site=st.sampled_from([SITE, CHINESE_SITE]),
)
def test_visible_text_equals_text_page_for_any_article(
    headline, kicker, source, section, body, credits, site
):
    article = Article(
        headline=headline,
        kicker=kicker,
        source=source,
        section=section,
        body=body,
        credits=credits,
        slug="any",
    )
    html = page(article, site)
    parse(html)
    text = write_text_page(article, site=site, vocabulary=VOCABULARY)
    assert squash(" ".join(visible_blocks(html))) == squash(text)


# --- markup ---------------------------------------------------------------------------


def test_page_is_well_formed_html5_with_documented_classes():
    html = page(night_ferries())
    assert html.startswith("<!DOCTYPE html>\n")
    tree = parse(html)
    assert tree.doctype == "DOCTYPE html"
    root = tree.root
    assert root.find("html").attrs["lang"] == "en"
    head = root.find("head")
    assert head.children[0].tag == "meta" and head.children[0].attrs == {"charset": "utf-8"}
    nav = root.find("nav", "position")
    assert [s.text() for s in nav.find_all("span", "crumb")] == ["news", "city", "text"]
    title = root.find("h1", "title")
    assert title.find("span", "kicker").text() == "Live report"
    assert title.find("span", "sep").text() == "丨"
    assert title.find("span", "headline").text().startswith("Night ferries")
    assert len(root.find_all("h1")) == 1
    info = root.find("div", "info")
    date = info.find("time", "date")
    assert date.attrs["datetime"] == "2025-03-14" and date.text() == "2025-03-14"
    assert info.find("span", "source").text() == "source:Harbour Daily"
    content = root.find("div", "content")
    assert content.find("em").text() == "212 passengers"
    assert content.find("img").attrs["src"] == "morning-gull.jpg"
    credits = root.find("div", "credits").find_all("p", "credit")
    reporter = credits[1]
    assert reporter.find("span", "role").text() == "Reporter"
    assert reporter.find("span", "sep").text() == "丨"
    assert [n.text() for n in reporter.find_all("span", "name")] == ["Tomas Brandt", "Ines Okafor"]
    footer = root.find("footer", "footer")
    assert footer.text().strip().startswith("Unified Service Email:")
    assert root.find("link").attrs == {
        "rel": "canonical",
        "href": "https://www.china-news-online.com/night-ferries-return-to-the-harbour.html",
    }
    assert any(
        link.attrs == {"rel": "stylesheet", "href": "site.css"} for link in root.find_all("link")
    )


def test_head_has_title_description_canonical_and_open_graph():
    tree = parse(page(night_ferries()))
    head = tree.root.find("head")
    assert head.find("title").text() == (
        "Live report丨Night ferries return to the harbour after a two-year pause"
        " - China News Online"
    )
    metas = {
        (m.attrs.get("name") or m.attrs.get("property")): m.attrs.get("content")
        for m in head.find_all("meta")
        if "content" in m.attrs
    }
    # The summary (standfirst) is the description when there is one.
    assert metas["description"] == (
        "The night service is back after the pier was rebuilt, every 40 minutes."
    )
    assert metas["keywords"] == "ferries, harbour, night transport"
    assert metas["og:type"] == "article"
    assert metas["og:title"].startswith("Live report丨Night ferries")
    assert metas["og:url"].endswith("/night-ferries-return-to-the-harbour.html")
    assert metas["og:image"] == "https://www.china-news-online.com/morning-gull.jpg"
    assert metas["og:site_name"] == "China News Online"
    assert metas["article:published_time"] == "2025-03-14"
    assert "robots" not in metas  # approved revision: indexable


def test_description_comes_from_the_body_without_a_summary_and_keywords_reach_json_ld():
    article = dataclasses.replace(night_ferries(), summary="", keywords=[])
    html = page(article)
    tree = parse(html)
    metas = {
        m.attrs.get("name"): m.attrs.get("content")
        for m in tree.root.find("head").find_all("meta")
        if m.attrs.get("name")
    }
    assert metas["description"].startswith("The first night ferry since the pier was rebuilt")
    assert "keywords" not in metas
    script = tree.root.find("script")
    assert "keywords" not in json.loads(script.text())
    with_keywords = parse(page(night_ferries())).root.find("script")
    assert json.loads(with_keywords.text())["keywords"] == [
        "ferries",
        "harbour",
        "night transport",
    ]


def test_long_description_is_cut_at_a_word():
    article = dataclasses.replace(library_reopens(), body="word " * 100)
    tree = parse(page(article))
    description = next(
        m.attrs["content"]
        for m in tree.root.find_all("meta")
        if m.attrs.get("name") == "description"
    )
    assert len(description) <= 160
    assert description.endswith("word…")


def test_json_ld_news_article():
    data = json_ld(parse(page(night_ferries())))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Night ferries return to the harbour after a two-year pause"
    assert data["datePublished"] == "2025-03-14"
    assert data["dateModified"] == "2025-03-14T08:42:10+00:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Tomas Brandt"},
        {"@type": "Person", "name": "Ines Okafor"},
    ]
    assert [
        (c["roleName"], [p["name"] for p in c["contributor"]]) for c in data["contributor"]
    ] == [
        ("Producer", ["Marta Oyelaran"]),
        ("Photography", ["Lucia Ferraz", "Kwame Asante", "Juno Rask"]),
        ("Editor", ["Pavel Novak"]),
    ]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "China News Online",
        "url": "https://www.china-news-online.com",
    }
    assert data["url"].endswith("/night-ferries-return-to-the-harbour.html")


def test_date_modified_falls_back_to_the_date():
    article = dataclasses.replace(library_reopens(), updated_at=None)
    assert json_ld(parse(page(article)))["dateModified"] == "2025-04-02"


def test_chinese_page_uses_the_chinese_labels_and_reporter_role():
    html = page(wetland_park_zh(), CHINESE_SITE)
    tree = parse(html)
    assert tree.root.find("html").attrs["lang"] == "zh"
    blocks = visible_blocks(html)
    assert blocks[0] == "当前位置：新闻 > 社会 > 正文"
    assert blocks[2] == "2025-05-20 来源：城市晚报"
    assert "记者丨林晓雯 欧阳志远" in blocks
    data = json_ld(tree)
    assert [a["name"] for a in data["author"]] == ["林晓雯", "欧阳志远"]
    assert "城南湿地公园" in html  # not escaped to \\u sequences


def test_roles_print_as_stored_on_any_site():
    # Issue 13: an article keeps the labels it was written with; a page never
    # translates them. Only a bare role key takes the label of the page's language.
    article = dataclasses.replace(night_ferries())
    blocks = visible_blocks(page(article, CHINESE_SITE))
    assert "Producer丨Marta Oyelaran" in blocks
    assert "Reporter丨Tomas Brandt Ines Okafor" in blocks
    keyed = dataclasses.replace(article, credits=[Credit("reporter", ("Tomas Brandt",))])
    # A bare key prints the label of the page's language, which is the article's.
    assert "Reporter丨Tomas Brandt" in visible_blocks(page(keyed, CHINESE_SITE))
    chinese = dataclasses.replace(keyed, language="zh")
    assert "记者丨Tomas Brandt" in visible_blocks(page(chinese, SiteProfile()))


# --- safety ----------------------------------------------------------------------------


def _attributes(tree: TreeBuilder):
    for element in tree.root.iter():
        for name, value in element.attrs.items():
            yield element, name, value or ""


def test_hostile_article_page_has_no_script_handler_or_javascript_url():
    html = page(hostile())
    tree = parse(html)
    scripts = tree.root.find_all("script")
    assert [s.attrs for s in scripts] == [{"type": "application/ld+json"}]
    for element, name, value in _attributes(tree):
        assert not name.startswith("on"), f"<{element.tag} {name}=...> survived"
        assert "javascript:" not in value.replace(" ", "").lower(), f"<{element.tag} {name}>"
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "link",
        "script",
        "body",
        "article",
        "nav",
        "span",
        "h1",
        "div",
        "time",
        "p",
        "a",
        "img",
        "footer",
        "#root",
    }
    assert {e.tag for e in tree.root.iter()} <= allowed
    assert "<!--" not in html
    # The JSON-LD block is whole and carries the hostile headline as data.
    assert json_ld(tree)["headline"] == HOSTILE_HEADLINE
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    # Escaped text, not markup: the reader sees the characters.
    blocks = visible_blocks(html)
    assert blocks[1] == "<script>alert('kicker')</script>丨" + HOSTILE_HEADLINE
    assert "Reporter丨</script><script>alert(7)</script> A & B" in blocks


def test_markdown_special_characters_in_plain_fields_stay_literal():
    tree = parse(page(hostile()))
    headline = tree.root.find("span", "headline")
    assert headline.text() == HOSTILE_HEADLINE
    assert not headline.children  # no <em> made of *all*
    assert tree.root.find("span", "source").text() == (
        'source:<a href="javascript:alert(1)">Wire</a> *agency*'
    )


# --- behaviour -------------------------------------------------------------------------


def test_same_article_renders_byte_identical():
    first = page(night_ferries())
    second = page(night_ferries())
    assert first == second


def test_unapproved_page_is_marked_and_not_indexed_but_reads_the_same():
    article = night_ferries()
    approved = page(article)
    unapproved = page(dataclasses.replace(article, status=Status.SUBMITTED))
    assert 'name="robots" content="noindex, nofollow"' in unapproved
    assert '<body class="article-page unapproved">' in unapproved
    assert "robots" not in approved
    assert visible_blocks(approved) == visible_blocks(unapproved)
    # An approval of an older revision does not cover this one.
    stale = dataclasses.replace(article, revision=4, approved_revision=3)
    assert "noindex" in page(stale)
    assert "noindex" not in page(stale, approved=True)


def test_fragment_is_only_the_article_part():
    fragment = page(night_ferries(), fragment=True)
    tree = parse(fragment)
    top = [e.tag for e in tree.root.children]
    assert top == ["article"]
    assert "<html" not in fragment and "<head" not in fragment and "<footer" not in fragment
    assert "<script" not in fragment
    full = page(night_ferries())
    assert fragment.strip() in full


def test_cached_body_html_is_used_as_given():
    html = page(library_reopens(), body_html="<p>From the cache.</p>")
    assert "<p>From the cache.</p>" in html
    assert "Eastside library opened" not in html


def test_other_templates_can_restyle_the_page(tmp_path):
    shutil.copytree(files("newsdesk_resources") / "templates", tmp_path / "templates")
    shutil.copytree(files("newsdesk_resources") / "site", tmp_path / "site")
    shipped = PageTemplates()
    custom = PageTemplates(tmp_path)
    assert custom.fingerprint == shipped.fingerprint
    part = tmp_path / "templates" / "article_part.html"
    part.write_text(part.read_text().replace('class="content"', 'class="content wide"'))
    restyled = PageTemplates(tmp_path)
    assert restyled.fingerprint != shipped.fingerprint
    html = render_page(night_ferries(), site=SITE, vocabulary=VOCABULARY, templates=restyled)
    assert 'class="content wide"' in html


def test_template_error_names_the_template(tmp_path):
    from newsdesk.domain.errors import NewsdeskError

    shutil.copytree(files("newsdesk_resources") / "templates", tmp_path / "templates")
    shutil.copytree(files("newsdesk_resources") / "site", tmp_path / "site")
    part = tmp_path / "templates" / "article_part.html"
    part.write_text(part.read_text() + "{{ page.no_such_field }}")
    with pytest.raises(NewsdeskError, match=r"article_part\.html, line \d+ failed"):
        render_page(
            night_ferries(), site=SITE, vocabulary=VOCABULARY, templates=PageTemplates(tmp_path)
        )
