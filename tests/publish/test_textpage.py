"""The text page: reading pages in the site layout and writing them exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditRole, CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import CHINESE_SITE, SiteProfile
from newsdesk.publish.formats.textpage import read_text_page, write_text_page
from newsdesk.publish.markdown.plain_text import normalize_space, plain_to_markdown

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
SAMPLE = Path(__file__).parents[2] / ".." / "shared" / "reference" / "site-article-sample.txt"
SITE = SiteProfile()


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- fixtures of our own


def test_english_page_reads_into_its_fields() -> None:
    article = read_text_page(_page("harbour-barrier.txt"), site=SITE)
    assert article.section == ["regions", "coast"]
    assert article.kicker == "Eyewitness"
    # The ASCII bar is part of the headline, not a kicker separator.
    assert article.headline == "Harbour town tests its tidal barrier | first full closure holds"
    assert article.date == dt.date(2024, 10, 8)
    assert article.source == "Coastal Desk"
    assert article.language == "en"
    assert article.body == (
        "The tidal barrier at Port Elwin closed for its first full test on Tuesday morning,"
        " holding back a 4.2-metre surge while the inner harbour stayed calm.\n\n"
        "\\# of gates: 12. Each gate weighs 300 tonnes &amp; swings on \\*two\\* hydraulic"
        " arms, the builders said.\n\n"
        '1\\. Close the outer gates; 2. pump the basin. "That is the whole routine," said'
        " chief engineer Mara Lind, adding that the &lt;control room> needs only three"
        " staff.\n\n"
        "Fishing crews watched from the quay丨some filmed the test on their phones, others"
        " kept mending nets.\n\n"
        "The council will post the file test\\_results\\_v2 at \\[harbour-data\\] next"
        " month.\n\n"
        "Spring tides丨the next full test is due in March."
    )
    assert article.credits == [
        Credit("Producer", ("Helen Qiu",)),
        Credit("Reporter", ("Tomás Ruiz", "Ada Okafor")),
        Credit("Photography", ("Kwame Mensah", "Ingrid Holm", "Jun Takeda")),
        Credit("Video editing", ("Priya Nair",)),
        # Not in the vocabulary, but a role label after the known roles.
        Credit("Drone pilot", ("Lars Eklund",)),
    ]


def test_english_page_writes_back_with_separators_normalised() -> None:
    article = read_text_page(_page("harbour-barrier.txt"), site=SITE)
    expected = _page("harbour-barrier.expected.txt")
    assert write_text_page(article, site=SITE) == expected
    assert read_text_page(expected, site=SITE).content() == article.content()


def test_chinese_site_profile_needs_no_code_change() -> None:
    article = read_text_page(_page("observatory-zh.txt"), site=CHINESE_SITE)
    assert article.section == ["新闻", "社会"]
    assert article.kicker == "独家视频"
    assert article.headline == "山区小学有了第一座天文台"
    assert article.date == dt.date(2024, 11, 3)
    assert article.source == "本网记者站"
    assert article.language == "zh"
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    # The ideographic-space indent is text and survives (as a character reference).
    assert paragraphs[0].startswith("&#x3000;&#x3000;11月2日晚")
    assert article.credits == [
        Credit("监制", ("高远",)),
        Credit("记者", ("陈晓", "刘洋")),
        Credit("摄像", ("周凯", "孙悦")),
        Credit("剪辑", ("马丽",)),
    ]
    assert write_text_page(article, site=CHINESE_SITE) == _page("observatory-zh.expected.txt")


# ---------------------------------------------------------------- the real sample


def test_the_site_sample_reads_and_writes_back() -> None:
    if not SAMPLE.is_file():
        pytest.skip(f"site sample not available at {SAMPLE}")
    text = SAMPLE.read_text(encoding="utf-8")
    article = read_text_page(text, site=SITE)
    assert article.kicker == "Exclusive video"
    assert article.date == dt.date(2025, 5, 16)
    assert article.source == ""
    assert article.section == ["news", "news"]
    assert len(article.body.split("\n\n")) == 5
    assert [c.role for c in article.credits] == [
        "Producer",
        "Reporter",
        "Photography",
        "Record",
        "Translation",
    ]
    assert [len(c.names) for c in article.credits] == [1, 3, 5, 1, 1]
    # The names, in order, are exactly the words of each credit line of the page.
    for credit in article.credits:
        line = next(line for line in text.split("\n") if line.startswith(credit.role))
        assert " ".join(credit.names) == line.split("丨" if "丨" in line else "|")[1].strip()
    assert write_text_page(article, site=SITE) == text.replace(" |", "丨")


# ---------------------------------------------------------------- reading decisions


def _english_page(*blocks: str, title: str = "Kicker丨Headline here") -> str:
    head = f"current location:news > world > text\n{title}\n2024-01-02 source:Wire\n\n"
    footer = "Unified Service Email:desk@example.org\nCopyright@ www.example.org"
    return head + "\n\n".join([*blocks, footer])


def test_last_paragraph_with_a_separator_stays_body() -> None:
    article = read_text_page(
        _english_page(
            "First paragraph.",
            "Reporter丨Anna Berg said the count would finish by noon.",
            "Editor丨Ivo Stanev",
        ),
        site=SITE,
    )
    assert article.body.split("\n\n") == [
        "First paragraph.",
        "Reporter丨Anna Berg said the count would finish by noon.",
    ]
    assert article.credits == [Credit("Editor", ("Ivo Stanev",))]


def test_label_like_line_above_the_first_known_role_is_body() -> None:
    article = read_text_page(
        _english_page("Lantern night丨Old town", "Reporter丨Anna Berg"), site=SITE
    )
    assert article.body == "Lantern night丨Old town"
    assert article.credits == [Credit("Reporter", ("Anna Berg",))]


def test_credit_lines_only_count_at_the_end_of_the_page() -> None:
    article = read_text_page(
        _english_page("Reporter丨Anna Berg", "A closing paragraph after it."), site=SITE
    )
    assert article.credits == []
    assert article.body == "Reporter丨Anna Berg\n\nA closing paragraph after it."


def test_credit_lines_without_blank_lines_between_and_crlf_line_ends() -> None:
    text = "\ufeff" + _english_page("Body.", "Producer | Ivo Stanev\nReporter｜Anna Berg Li Wen")
    article = read_text_page(text.replace("\n", "\r\n"), site=SITE)
    assert article.body == "Body."
    assert article.credits == [
        Credit("Producer", ("Ivo Stanev",)),
        Credit("Reporter", ("Anna Berg", "Li Wen")),
    ]


def test_known_people_guide_the_name_split() -> None:
    page = _english_page("Body.", "Photography丨Anna Maria Berg Li Wen")
    assert read_text_page(page, site=SITE).credits[0].names == ("Anna Maria", "Berg Li Wen")
    known = read_text_page(page, site=SITE, known_people=["Anna Maria Berg"])
    assert known.credits[0].names == ("Anna Maria Berg", "Li Wen")


def test_the_newsrooms_own_vocabulary_decides_which_roles_are_known() -> None:
    vocabulary = CreditVocabulary([CreditRole("fixer", "Fixer", "向导")])
    page = _english_page("Body.", "Fixer丨Omar Haddad")
    assert read_text_page(page, site=SITE).credits == []
    assert read_text_page(page, site=SITE, vocabulary=vocabulary).credits == [
        Credit("Fixer", ("Omar Haddad",))
    ]


@pytest.mark.parametrize(
    ("title", "kicker", "headline"),
    [
        ("Headline only", "", "Headline only"),
        ("Live | Votes are counted", "", "Live | Votes are counted"),
        ("Analysis 丨 Rates hold", "Analysis", "Rates hold"),
        ("深度｜水价为何上涨", "深度", "水价为何上涨"),
        ("丨Leading separator", "", "Leading separator"),
    ],
)
def test_title_splits_at_the_first_kicker_separator(title: str, kicker: str, headline: str) -> None:
    article = read_text_page(_english_page("Body.", title=title), site=SITE)
    assert (article.kicker, article.headline) == (kicker, headline)


def test_language_follows_the_site_unless_the_title_clearly_differs() -> None:
    assert (
        read_text_page(_english_page("正文。", title="突发丨大桥合龙"), site=SITE).language == "zh"
    )
    assert read_text_page(
        _english_page("正文。", title="News丨大桥合龙 today"), site=SITE
    ).language == ("en")
    chinese = read_text_page(_page("observatory-zh.txt"), site=CHINESE_SITE)
    latin_title = write_text_page(
        dataclasses.replace(chinese, kicker="", headline="Bridge opens"), site=CHINESE_SITE
    )
    assert read_text_page(latin_title, site=CHINESE_SITE).language == "en"


def test_page_without_footer_or_date() -> None:
    text = "current location:text\nJust a headline\nsource:\n\nOne paragraph."
    article = read_text_page(text, site=SITE)
    assert article.section == []
    assert article.date is None
    assert article.body == "One paragraph."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        ("\n \n", "the text is empty"),
        (
            "<html><body>A page</body></html>",
            "no breadcrumb line starting with 'current location:'",
        ),
        ("# A Markdown file\n\nbody", "no breadcrumb line starting with 'current location:'"),
        ("current location:news > text", "no title line"),
        ("current location:news > text\n\nBody", "no title line"),
        ("current location:news > text\nTitle", "no date and 'source:' line"),
        ("current location:news > text\nTitle\nMay 5 source:", "line 3 should be 'YYYY-MM-DD"),
        ("current location:news > text\nTitle\n2024-05-05 from: x", "line 3 should be"),
        ("current location:news > text\nTitle\n2024-02-30 source:", "'2024-02-30' is not a valid"),
        ("current location:news > text\nKicker丨\n2024-02-03 source:", "has no headline"),
    ],
)
def test_text_in_no_known_layout_is_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_text_page(text, site=SITE)
    assert message in str(caught.value)


def test_a_chinese_site_reads_its_english_pages_with_the_english_labels() -> None:
    article = read_text_page(_page("harbour-barrier.txt"), site=CHINESE_SITE)
    assert article.language == "en"
    assert article.headline and article.body


def test_a_page_in_no_known_layout_is_refused_naming_the_site_label() -> None:
    page = _page("harbour-barrier.txt").replace("current location:", "you are here:", 1)
    with pytest.raises(InvalidInputError, match="no breadcrumb line starting with '当前位置：'"):
        read_text_page(page, site=CHINESE_SITE)


# ---------------------------------------------------------------- writing decisions


def test_writing_uses_rendered_text_site_labels_and_defaults() -> None:
    article = Article(
        headline="Rain  returns\nto the valley",
        section=[],
        date=dt.date(2024, 3, 9),
        body=(
            "Farmers are **relieved**; see [the forecast](https://met.example).\n\n"
            "- wells refill\n- rivers rise\n\n"
            "![Dark clouds over the valley](clouds.jpg)\nClouds gather at noon."
        ),
        credits=[
            Credit("reporter", ("Ana Lima", "Jo Park")),
            Credit("记者", ("Ivo Stanev",)),
            Credit("Photography", ()),
            Credit("Sound design", ("Eli Ward",)),
        ],
    )
    assert write_text_page(article, site=SITE) == (
        "current location:news > news > text\n"
        "Rain returns to the valley\n"
        "2024-03-09 source:\n"
        "\n"
        "Farmers are relieved; see the forecast.\n\n"
        "wells refill\n\n"
        "rivers rise\n\n"
        "Clouds gather at noon.\n\n"
        # A bare role key prints the site's label; a stored label prints as stored,
        # never translated (issue 13: 监制 must not come back as Producer).
        "Reporter丨Ana Lima Jo Park\n\n"
        "记者丨Ivo Stanev\n\n"
        "Sound design丨Eli Ward\n\n"
        "Unified Service Email:chinanewsonline@yeah.net\n"
        "Copyright@ www.china-news-online.com"
    )


def test_writing_follows_the_site_profile_settings() -> None:
    site = dataclasses.replace(SITE, credit_separator=" / ", kicker_separator=": ")
    article = Article(
        headline="Dam opens", kicker="Update", section=[], credits=[Credit("Editor", ("Ivo",))]
    )
    page = write_text_page(article, site=site)
    assert page.split("\n")[1] == "Update: Dam opens"
    assert "Editor / Ivo" in page.split("\n")
    chinese = write_text_page(dataclasses.replace(article, language="zh"), site=CHINESE_SITE)
    assert chinese.startswith("当前位置：新闻 > 新闻 > 正文\nUpdate丨Dam opens\n来源：\n")
    assert "\n\nEditor丨Ivo\n\n统一服务邮箱：" in chinese  # the label as stored
    # An English article on the Chinese site prints the site's English labels.
    english = write_text_page(article, site=CHINESE_SITE)
    assert english.startswith("current location:news > news > text\nUpdate丨Dam opens\nsource:\n")


def test_a_page_prints_the_labels_of_its_article_language_on_any_site() -> None:
    article = Article(
        headline="大坝开闸", language="zh", section=[], credits=[Credit("记者", ("陈晓",))]
    )
    for site in (SITE, CHINESE_SITE):
        page = write_text_page(article, site=site)
        assert page.startswith("当前位置：新闻 > 新闻 > 正文\n大坝开闸\n来源：\n"), site.name
        assert "\n\n记者丨陈晓\n\n统一服务邮箱：" in page
        assert page.endswith("版权所有@ www.china-news-online.com")


# ---------------------------------------------------------------- round trip property

_KNOWN_PEOPLE = [
    "Ana Lima",
    "Jo Park",
    "Ivo Stanev",
    "Bai Lu",
    "Ouyang Zhenhua",
    "Mary Ann Cole",
    "Tomás Ruiz",
    "Eli",
    "陈晓",
    "刘洋",
    "欧阳明月",
    "马丽",
]
_EXTRA_ROLES = ["Drone pilot", "Sound design", "航拍"]
_VOCABULARY = CreditVocabulary()
_SPECIALS = [*"*_#<>[]&`\\|-+.!()~:\"'", "1. ", "- ", "> ", "```", "&amp;", "<b>", " ", "  "]


def _text(alphabet: st.SearchStrategy[str], max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(alphabet, max_size=max_size).map("".join)


_any_char = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="丨｜")
_mixed = st.one_of(st.sampled_from([*_SPECIALS, "河", "新闻", "。", "，", "\u3000"]), _any_char)
_latin_word = st.text(st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=3)
_han_char = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5, exclude_characters="丨")
_han_word = st.text(_han_char, min_size=1)


def _latin_line() -> st.SearchStrategy[str]:
    # A Latin word first, then anything with at most one Chinese character: the
    # letters stay mostly Latin, so an English site keeps `en`.
    rest = _text(st.one_of(st.sampled_from(_SPECIALS), _latin_word), 5)
    han = st.one_of(st.just(""), _han_char)
    return st.tuples(_latin_word, rest, han, rest).map(lambda t: _spaced_bars(" ".join(t)))


def _han_line() -> st.SearchStrategy[str]:
    rest = _text(st.one_of(st.sampled_from(["，", "、", "：", "“", "”", "|", " "]), _han_word), 5)
    return st.tuples(_han_word, rest).map(lambda t: _spaced_bars("".join(t)))


def _spaced_bars(line: str) -> str:
    # An unspaced ASCII bar after a short start is a kicker separator (`Video|Floods`),
    # so a title's own wording spaces it: `Live | Votes`.
    return normalize_space(line.replace("|", " | "))


@st.composite
def _articles(draw: st.DrawFn) -> tuple[Article, SiteProfile]:
    site, language, line = draw(
        st.sampled_from(
            [(SITE, "en", _latin_line), (CHINESE_SITE, "zh", _han_line), (SITE, "zh", _han_line)]
        )
    )
    headline = draw(line())
    kicker = draw(st.one_of(st.just(""), line()))
    # Real paragraphs end with sentence punctuation; without it a last paragraph
    # shaped exactly like `Role丨Name` would be a credit line by the page's own rules.
    paragraph = st.tuples(_text(_mixed, 30), st.sampled_from([".", "。", "!", "?"])).map(
        lambda t: normalize_space("".join(t))
    )
    paragraphs = draw(st.lists(paragraph, max_size=5))
    labels = _VOCABULARY.labels(site.language)
    # The run of credit lines starts with a role the vocabulary knows.
    first_role = draw(st.sampled_from(labels))
    more_roles = draw(st.lists(st.sampled_from([*labels, *_EXTRA_ROLES]), max_size=3))
    roles = [first_role, *more_roles]
    credits = [
        Credit(role, tuple(draw(st.lists(st.sampled_from(_KNOWN_PEOPLE), min_size=1, max_size=4))))
        for role in roles
    ][: draw(st.integers(0, len(roles)))]
    section_part = st.one_of(_latin_word, _han_word)
    article = Article(
        headline=headline,
        kicker=kicker,
        section=draw(st.lists(section_part, min_size=1, max_size=3)),
        date=draw(st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))),
        source=draw(_text(_mixed, 10).map(normalize_space)),
        language=language,
        body="\n\n".join(plain_to_markdown(p) for p in paragraphs),
        credits=credits,
    )
    return article, site


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles())
def test_write_then_read_gives_back_the_same_article(case: tuple[Article, SiteProfile]) -> None:
    article, site = case
    page = write_text_page(article, site=site)
    back = read_text_page(page, site=site, known_people=_KNOWN_PEOPLE)
    assert back.content() == article.content()
    assert write_text_page(back, site=site) == page
