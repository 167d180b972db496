"""Plain paragraphs into Markdown and visible text out of body HTML."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import (
    html_blocks_to_text,
    normalize_space,
    plain_to_markdown,
)

# Text a reporter might type, heavy on what Markdown and HTML treat specially.
_PIECES = [
    *"*_#<>[]&`\\|-+.!()~{}:=\"'",
    "1. ",
    "12.",
    "- ",
    "+ ",
    "> ",
    "# ",
    "```",
    "~~~",
    "---",
    "***",
    "===",
    "&amp;",
    "&#65;",
    "&nbsp;",
    "<b>",
    "</p>",
    "<!--",
    "<script>x</script>",
    "<a@b.example>",
    "[a]: https://x.example",
    "![i](x.png)",
    "http://x.example/a_b_c",
    "    ",
    "\t",
    "  ",
    "\u3000",
    "\u00a0",
    "丨",
    "｜",
    "，",
    "。",
    "、",
    "「引号」",
    "河流",
    "新闻",
    "Élan",
    "naïve",
    "2025",
]
plain_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.characters(exclude_categories=("Cs", "Cc"))),
    max_size=30,
).map("".join)
paragraph = plain_text.map(normalize_space).filter(bool)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph)
def test_a_plain_paragraph_renders_back_to_exactly_itself(text: str) -> None:
    assert html_blocks_to_text(render_body(plain_to_markdown(text))) == [text]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_paragraphs_joined_by_blank_lines_stay_separate_paragraphs(paragraphs: list[str]) -> None:
    body = "\n\n".join(plain_to_markdown(p) for p in paragraphs)
    assert html_blocks_to_text(render_body(body)) == paragraphs


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "1. not a list",
        "2025. A year",
        "--- not a rule",
        "~~~",
        "*not em* and _not em_ and **not strong**",
        "`not code`",
        "[not a link](https://x.example)",
        "a | b | c",
        "<em>shown as typed</em> & &amp; kept",
        "C:\\Users\\desk",
        "\u3000\u3000两个全角空格开头的段落。",
    ],
)
def test_markdown_specials_stay_literal(text: str) -> None:
    html = render_body(plain_to_markdown(text))
    assert html.startswith("<p>")
    assert html_blocks_to_text(html) == [text]


def test_escaping_is_minimal_so_the_markdown_stays_readable() -> None:
    assert plain_to_markdown("The mayor (re-elected) said: 3.5% - fine!") == (
        "The mayor (re-elected) said: 3.5% - fine!"
    )
    assert plain_to_markdown("- a_b") == "\\- a\\_b"


def test_line_breaks_and_runs_of_spaces_become_one_space() -> None:
    assert plain_to_markdown("  one\n\n# two\t three  ") == "one # two three"
    assert plain_to_markdown(" \n\t") == ""
    assert plain_to_markdown("bell\x07 and \x02stash\x03") == "bell and stash"


def test_blocks_of_rendered_html() -> None:
    html = (
        "<h2>Sub&amp;head</h2>\n<p>One <em>two</em>\n three<br>four</p>"
        "<ul><li>item <strong>a</strong></li><li><p>loose</p><ul><li>nested</li></ul></li></ul>"
        "<blockquote><p>quoted one</p><p>quoted two</p></blockquote>"
        '<figure><img alt="not visible" src="x.jpg"><figcaption>The caption</figcaption></figure>'
        "<table><tr><th>Town</th><th>Rain</th></tr><tr><td>Hill</td><td>12&nbsp;mm</td></tr></table>"
        "<pre><code>line 1\n  line 2</code></pre><hr>"
        "<script>never()</script>"
    )
    assert html_blocks_to_text(html) == [
        "Sub&head",
        "One two three four",
        "item a",
        "loose",
        "nested",
        "quoted one",
        "quoted two",
        "The caption",
        "Town Rain",
        "Hill 12\u00a0mm",
        "line 1 line 2",
    ]


def test_empty_html_has_no_blocks() -> None:
    assert html_blocks_to_text("") == []
    assert html_blocks_to_text("<p> </p><p>\n</p><hr>") == []
