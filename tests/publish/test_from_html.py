"""The one cleaning path for HTML bodies (paste, agency ninjs, Word): no Qt needed."""

from __future__ import annotations

import html

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdesk.publish.markdown.from_html import html_to_markdown
from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text, normalize_space

_SPECIALS = [*"*_#<>[]&`\\|-+.!()~:=\"'{}", "1. ", "- ", "> ", "```", "&amp;", "<b>", "==="]
_text = st.lists(
    st.one_of(
        st.sampled_from(_SPECIALS),
        st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=3),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_text)
@example("\xa00")  # found by hypothesis: a leading no-break space
@example("\xa0")  # found by hypothesis: a no-break space alone
@example("0\xa0")  # found by hypothesis: a trailing no-break space
def test_text_that_looks_like_markdown_stays_literal(text):
    # Only ASCII whitespace collapses: a no-break space is text (it stays, as in HTML),
    # except at a paragraph's end, where no space shows (and a paragraph of nothing
    # else, Word's blank line, is left out).
    expected = normalize_space(text).rstrip()
    markdown = html_to_markdown(f"<p>{html.escape(text)}</p>").markdown
    shown = html_blocks_to_text(render_body(markdown))
    assert shown == ([expected] if expected else [])


def test_a_paragraph_of_only_no_break_spaces_is_a_blank_line_left_out():
    # Word and web editors write an empty line as <p>&nbsp;</p>.
    assert html_to_markdown("<p>a</p><p>&nbsp;</p><p>b</p>").markdown == "a\n\nb"


def test_styles_that_mean_emphasis_are_read_and_the_rest_dropped():
    source = (
        '<b style="font-weight:normal"><p><span style="font-weight:700">Bold</span>'
        ' <span style="font-style:italic">italic</span> <u>plain</u>'
        ' <span style="color:red;font-family:Impact">plain too</span></p></b>'
        "<pre>code_like *text*</pre>"
    )
    shown = render_body(html_to_markdown(source).markdown)
    assert "<strong>Bold</strong> <em>italic</em> plain plain too" in shown
    assert "<p>code_like *text*</p>" in shown
    assert "color" not in shown and "<u>" not in shown and "<pre>" not in shown


def test_links_and_images_follow_the_callers_policy():
    source = (
        '<p><a href="https://ok.example/a">kept</a> <a href="javascript:x()">trap</a>'
        ' <img src="https://cdn.example/p.jpg" alt="A pier"> <img src="cid:chart"></p>'
    )
    pasted = html_to_markdown(source)
    assert pasted.markdown == "[kept](https://ok.example/a) trap"
    assert pasted.dropped_links == ["javascript:x()"]
    assert pasted.dropped_images == ["https://cdn.example/p.jpg", "cid:chart"]
    web = html_to_markdown(source, image_source=lambda s, _a: s if s.startswith("https") else None)
    assert "![A pier](https://cdn.example/p.jpg)" in web.markdown
    assert web.dropped_images == ["cid:chart"]
