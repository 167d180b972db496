"""The body pipeline: Markdown dialect, figures, sanitizing, determinism, threads."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsdesk.publish.markdown.pipeline import (
    is_allowed_image_source,
    is_allowed_link,
    render_body,
)


def test_paragraphs_keep_the_reporters_punctuation() -> None:
    html = render_body("\"Not yet,\" she said -- it's 3... or 4 -- 'maybe'.")
    # No smart quotes, no en dash, no ellipsis character: the text is as typed.
    assert html == "<p>\"Not yet,\" she said -- it's 3... or 4 -- 'maybe'.</p>"


def test_emphasis_links_and_lists() -> None:
    html = render_body(
        "The *ferry* is **late**, says [the port](https://port.example/news).\n\n"
        "1. first\n2. second\n\n- loose\n- items"
    )
    assert (
        '<p>The <em>ferry</em> is <strong>late</strong>, says <a href="https://port.example/news"'
        ' rel="noopener noreferrer">the port</a>.</p>'
    ) in html
    # sane_lists: a numbered list followed by a bullet list stays two lists.
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    assert "<ul>\n<li>loose</li>\n<li>items</li>\n</ul>" in html


def test_level_one_heading_becomes_h2_because_the_title_is_the_pages_h1() -> None:
    html = render_body("# Background\n\n### Detail")
    assert "<h1>" not in html
    assert "<h2>Background</h2>" in html
    assert "<h3>Detail</h3>" in html


def test_table_keeps_column_alignment() -> None:
    html = render_body("| Town | Rain |\n|:--|--:|\n| Hilltop | 12 mm |")
    assert '<th align="left">Town</th>' in html
    assert '<td align="right">12 mm</td>' in html
    assert "<tbody>" in html


def test_fenced_code_is_kept_verbatim() -> None:
    html = render_body("```\n<b>not bold</b> *not em*\n```")
    assert html == "<pre><code>&lt;b&gt;not bold&lt;/b&gt; *not em*\n</code></pre>"


def test_image_on_its_own_line_with_caption_becomes_a_figure() -> None:
    html = render_body(
        '![Boats at the start line](regatta.jpg "Regatta")\n'
        "Crews wait for the *signal* at dawn.\n\nNext paragraph."
    )
    assert html == (
        '<figure><img alt="Boats at the start line" src="regatta.jpg" title="Regatta">'
        "<figcaption>Crews wait for the <em>signal</em> at dawn.</figcaption>\n"
        "</figure>\n<p>Next paragraph.</p>"
    )


def test_image_alone_is_a_figure_without_caption_and_inline_image_stays_inline() -> None:
    assert render_body("![Map](map.png)") == '<figure><img alt="Map" src="map.png"></figure>'
    inline = render_body("See ![icon](icon.png) here.\n\n![icon](icon.png) and text after")
    assert "<figure>" not in inline
    assert '<p>See <img alt="icon" src="icon.png"> here.</p>' in inline
    assert '<p><img alt="icon" src="icon.png"> and text after</p>' in inline


@pytest.mark.parametrize(
    "markdown_text",
    [
        "<script>alert(1)</script>Safe text",
        '<p onclick="alert(1)">Safe text</p>',
        '<div style="color:red"><span class="x">Safe text</span></div>',
        "<iframe src='https://evil.example'>hidden</iframe>Safe text",
        "<style>p{}</style>Safe text",
    ],
)
def test_unknown_tags_event_handlers_and_scripts_do_not_survive(markdown_text: str) -> None:
    html = render_body(markdown_text)
    for bad in ("<script", "alert", "onclick", "<div", "<span", "style", "iframe", "hidden"):
        assert bad not in html
    assert "Safe text" in html


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "javascript&#58;alert(1)",
        "  javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "/relative/page.html",
        "ftp://files.example/a",
    ],
)
def test_links_keep_only_http_https_and_mailto_targets(href: str) -> None:
    html = render_body(f'<a href="{href}" title="t">click</a>')
    assert "href" not in html
    # The text stays, the link goes: never an empty <a> (issue 13).
    assert html == "<p>click</p>"


def test_allowed_links_get_rel() -> None:
    html = render_body("[write](mailto:desk@paper.example) [read](http://paper.example/a?b=1&c=2)")
    assert '<a href="mailto:desk@paper.example" rel="noopener noreferrer">write</a>' in html
    assert 'href="http://paper.example/a?b=1&amp;c=2" rel="noopener noreferrer"' in html


@pytest.mark.parametrize(
    ("src", "kept"),
    [
        ("harbour.jpg", True),
        ("images/harbour-2.webp", True),
        ("https://cdn.example/harbour.jpg", True),
        ("http://cdn.example/harbour.jpg", True),
        ("javascript:alert(1)", False),
        ("data:image/png;base64,iVBORw0KGgo=", False),
        ("vbscript:x", False),
        ("mailto:a@b.example", False),
        ("../../etc/passwd", False),
        ("images/../../secret.png", False),
        ("/etc/passwd", False),
        ("//evil.example/x.png", False),
        ("C:\\photos\\x.jpg", False),
        ("https:///no-host.png", False),
        ("{static}/images/harbour.jpg", False),
        ("|filename|harbour.jpg", False),
    ],
)
def test_image_sources(src: str, kept: bool) -> None:
    assert is_allowed_image_source(src) is kept
    html = render_body(f"![alt text]({src.replace(' ', '%20')})")
    assert ("src=" in html) is kept
    # An image without a usable source is left out, never an <img> without src.
    assert ('alt="alt text"' in html) is kept
    assert ("<img" in html) is kept


def test_raw_image_with_event_handler_is_cleaned() -> None:
    html = render_body('<img src="pier.jpg" onerror="alert(1)" width="900">')
    assert html == '<p><img src="pier.jpg"></p>'


def test_link_predicate() -> None:
    assert is_allowed_link("https://a.example")
    assert is_allowed_link("MAILTO:x@y.example")
    assert not is_allowed_link("https")
    assert not is_allowed_link("#top")
    assert not is_allowed_link("\x01javascript:alert(1)")


def test_output_is_deterministic_and_no_state_leaks_between_bodies() -> None:
    uses_ref = "See [the report][ref] and footnote-like text[^1]."
    defines_ref = "[ref]: https://elsewhere.example/report\n\nOther body."
    first = render_body(uses_ref)
    render_body(defines_ref)
    assert render_body(uses_ref) == first
    # The reference defined in another body must not turn into a link here.
    assert "<a" not in first


def test_concurrent_renders_match_sequential_renders() -> None:
    bodies = [
        f"## Report {i}\n\n"
        + "\n\n".join(f"Paragraph {j} of *body* {i}." for j in range(40))
        + f"\n\n[link {i}][r]\n\n[r]: https://site.example/{i}"
        for i in range(24)
    ]
    expected = [render_body(body) for body in bodies]
    # Switch threads very often so that unserialised conversions would interleave.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(render_body, bodies * 4))
    finally:
        sys.setswitchinterval(interval)
    assert results == expected * 4


@pytest.mark.parametrize(
    ("markdown_text", "expected"),
    [
        # Chinese paragraphs are indented with two ideographic spaces: text, not markup.
        ("\u3000\u3000公园今天开放。", "<p>\u3000\u3000公园今天开放。</p>"),
        ("第一段。\n\n\u3000\u3000第二段。", "<p>第一段。</p>\n<p>\u3000\u3000第二段。</p>"),
        # ASCII spaces before it are Markdown's and go; the indent stays.
        ("   \u3000\u3000缩进", "<p>\u3000\u3000缩进</p>"),
        ("- \u3000\u3000条目\n- 二", "<ul>\n<li>\u3000\u3000条目</li>\n<li>二</li>\n</ul>"),
        ("> \u3000\u3000引文", "<blockquote>\n<p>\u3000\u3000引文</p>\n</blockquote>"),
        ("\u00a0kept", "<p>&nbsp;kept</p>"),
        ("  plain", "<p>plain</p>"),
    ],
)
def test_leading_spaces_that_are_text_are_kept(markdown_text: str, expected: str) -> None:
    assert render_body(markdown_text) == expected
