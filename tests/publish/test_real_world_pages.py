"""Issue 13, section 1: text pages as they really come. Each test names the case; the
old reader got every one of them wrong (lost or misfiled credits, refused pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.domain.article import Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.names import split_names
from newsdesk.domain.site import CHINESE_SITE, SiteProfile
from newsdesk.publish.formats.textpage import read_text_page, write_text_page
from newsdesk.publish.importers.files import parse_article_text

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()
EN_FOOTER = "Unified Service Email:desk@example.org\nCopyright@ www.example.org"
ZH_FOOTER = "统一服务邮箱：desk@example.org\n版权所有@ www.example.org"


def _en(*blocks: str, title: str = "Kicker丨A headline", meta: str = "2024-01-02 source:Wire"):
    head = f"current location:news > world > text\n{title}\n{meta}\n\n"
    return head + "\n\n".join([*blocks, EN_FOOTER])


def _zh(*blocks: str, meta: str = "2024-01-02 来源：本网"):
    head = f"当前位置：新闻 > 社会 > 正文\n视频丨标题\n{meta}\n\n"
    return head + "\n\n".join([*blocks, ZH_FOOTER])


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("总监制", "chief_producer"),
        ("制片人", "executive_producer"),
        ("解说", "narration"),
        ("制作", "production"),
        ("协助", "assistance"),
        ("后期", "post_production"),
        ("责编", "editor_in_charge"),
        ("Chief Producer", "chief_producer"),
        ("Camera", "photography"),
        ("Sound", "record"),
        ("Editing", "video_editing"),
        ("Narration", "narration"),
        ("Post-production", "post_production"),
        ("监 制", "producer"),
        ("编\u3000导", "director"),
    ],
)
def test_the_vocabulary_knows_the_roles_real_pages_print(label, key):
    assert VOCABULARY.find(label).key == key


def test_spaced_labels_are_the_same_roles_and_keep_their_label():
    page = _zh("正文第一段。", "监 制丨高远", "编 导丨李婷 王芳")
    article = read_text_page(page, site=CHINESE_SITE)
    assert article.body == "正文第一段。"
    assert article.credits == [Credit("监制", ("高远",)), Credit("编导", ("李婷", "王芳"))]


def test_an_unknown_role_at_the_top_of_the_block_is_a_credit_kept_as_written():
    page = _en("Body text.", "Director system|Li Ting", "Reporter丨Anna Berg")
    article = read_text_page(page, site=SITE)
    assert article.body == "Body text."
    assert article.credits == [
        Credit("Director system", ("Li Ting",)),
        Credit("Reporter", ("Anna Berg",)),
    ]


def test_an_editors_note_appended_to_the_last_credit_is_an_editor_credit():
    page = _zh("正文。", "记者丨陈晓", "摄像丨周凯 (责编:岳弘彬、牛镛)")
    article = read_text_page(page, site=CHINESE_SITE)
    assert article.credits[-2:] == [Credit("摄像", ("周凯",)), Credit("责编", ("岳弘彬", "牛镛"))]
    page = _zh("正文。", "记者丨陈晓", "【编辑:王超】")
    assert read_text_page(page, site=CHINESE_SITE).credits[-1] == Credit("编辑", ("王超",))


def test_page_chrome_after_the_credits_is_neither_credits_nor_body():
    page = _zh("正文。", "记者丨陈晓", "扫码加入微信群，获取更多新闻", "相关新闻：", "旧闻一则")
    article = read_text_page(page, site=CHINESE_SITE)
    assert article.body == "正文。"
    assert article.credits == [Credit("记者", ("陈晓",))]


def test_paragraphs_separated_by_single_line_breaks_are_paragraphs():
    page = _en("First paragraph.\nSecond paragraph.\nReporter丨Anna Berg\nEditor丨Ivo Stanev")
    article = read_text_page(page, site=SITE)
    assert article.body == "First paragraph.\n\nSecond paragraph."
    assert [c.role for c in article.credits] == ["Reporter", "Editor"]


def test_a_bare_article_is_accepted_with_the_sites_default_section():
    text = "Bridge reopens\n2024-03-01 source:Wire\n\nThe bridge reopened.\n\nReporter丨Anna Berg"
    article = parse_article_text("bare.txt", text, site=SITE, vocabulary=VOCABULARY)
    assert article.headline == "Bridge reopens"
    assert article.section == ["news", "news"]
    assert article.date == dt.date(2024, 3, 1)
    assert article.credits == [Credit("Reporter", ("Anna Berg",))]


@pytest.mark.parametrize(
    ("meta", "date", "source"),
    [
        ("2025-05-16 10:30 source:", dt.date(2025, 5, 16), ""),
        ("2022-03-05 08:47:59 来源：新华网", dt.date(2022, 3, 5), "新华网"),
        ("2022-03-05 来源:新华网", dt.date(2022, 3, 5), "新华网"),
        ("2022-03-05", dt.date(2022, 3, 5), ""),
    ],
)
def test_date_lines_with_a_time_or_chinese_labels(meta, date, source):
    article = read_text_page(_en("Body.", meta=meta), site=SITE)
    assert (article.date, article.source) == (date, source)


def test_a_blank_line_between_title_and_date_line():
    page = "current location:news > text\nKicker丨Headline\n\n2024-05-05 source:Wire\n\nBody."
    article = read_text_page(page, site=SITE)
    assert (article.headline, article.date, article.body) == (
        "Headline",
        dt.date(2024, 5, 5),
        "Body.",
    )


@pytest.mark.parametrize(
    ("title", "kicker", "headline"),
    [
        ("Exclusive video|Talks in Moscow", "Exclusive video", "Talks in Moscow"),
        ("Video |Floods recede", "Video", "Floods recede"),
        ("Live | Votes are counted", "", "Live | Votes are counted"),
        (
            "A long headline with five words|and more",
            "",
            "A long headline with five words|and more",
        ),
    ],
)
def test_an_ascii_bar_after_a_short_kicker(title, kicker, headline):
    article = read_text_page(_en("Body.", title=title), site=SITE)
    assert (article.kicker, article.headline) == (kicker, headline)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Yan Shuainan and Wang Shanshan", ["Yan Shuainan", "Wang Shanshan"]),
        ("李娜和周伟", ["李娜", "周伟"]),
        ("王和平", ["王和平"]),
        ("Ana Lima; Jo Park", ["Ana Lima", "Jo Park"]),
        (
            "Camera Team of the General Station News Center",
            ["Camera Team of the General Station News Center"],
        ),
        ("新闻中心摄像组", ["新闻中心摄像组"]),
    ],
)
def test_names_separators_and_organisations(text, names):
    assert split_names(text) == names


def test_an_imported_chinese_page_writes_back_in_its_own_labels_on_any_site():
    page = _zh("正文。", "监制丨高远", "记者丨陈晓")
    article = read_text_page(page, site=CHINESE_SITE)
    english = write_text_page(article, site=SITE, vocabulary=VOCABULARY)
    assert "监制丨高远" in english and "Producer" not in english
    assert read_text_page(english, site=SITE).credits == article.credits


# ---------------------------------------------------------------- the opposite cases


def test_a_body_paragraph_that_merely_contains_the_separator_stays_body():
    page = _en(
        "Crews watched from the quay丨some filmed the test.",
        "Lantern night丨Old town",
        "Reporter丨Anna Berg",
    )
    article = read_text_page(page, site=SITE)
    assert article.body.split("\n\n") == [
        "Crews watched from the quay丨some filmed the test.",
        "Lantern night丨Old town",
    ]
    assert article.credits == [Credit("Reporter", ("Anna Berg",))]


def test_a_paragraph_after_the_credits_keeps_them_in_the_body():
    # Not chrome (no marker): the credit-shaped line was not at the end after all.
    page = _en("Reporter丨Anna Berg", "A closing paragraph after it.")
    article = read_text_page(page, site=SITE)
    assert article.credits == []


def test_credit_shaped_lines_without_a_known_role_stay_body():
    page = _en("Body.", "Opening hours丨Nine To Two", "Stalls丨Forty Two")
    assert read_text_page(page, site=SITE).credits == []
