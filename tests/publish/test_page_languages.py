"""A page prints the labels of its article's language, from the site profile's label
set for that language: in the HTML page, the text page and ninjs."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import CHINESE_SITE, SiteProfile
from newsdesk.publish.formats.ninjs import to_ninjs
from newsdesk.publish.formats.page_html import render_page
from newsdesk.publish.formats.textpage import write_text_page
from tests.publish.visible_text import visible_blocks

VOCABULARY = CreditVocabulary()


def _chinese() -> Article:
    return Article(
        id=7,
        slug="cheng-nan-shi-di",
        headline="城南湿地公园春季开放",
        section=["新闻", "社会"],
        date=dt.date(2026, 4, 2),
        source="本台",
        language="zh",
        body="湿地公园周六起开放，游客可预约参观。",
        credits=[Credit("记者", ("陈晓", "刘洋")), Credit("编辑", ("王芳",))],
    )


@pytest.mark.parametrize("site", [SiteProfile(), CHINESE_SITE], ids=["english-site", "zh-site"])
def test_a_chinese_article_prints_chinese_labels_on_any_site(site):
    article = _chinese()
    blocks = visible_blocks(render_page(article, site=site, vocabulary=VOCABULARY))
    text = write_text_page(article, site=site, vocabulary=VOCABULARY)
    assert blocks[0] == "当前位置：新闻 > 社会 > 正文"
    assert "2026-04-02 来源：本台" in blocks
    assert "记者丨陈晓 刘洋" in blocks and "编辑丨王芳" in blocks
    assert text.splitlines()[0] == "当前位置：新闻 > 社会 > 正文"
    assert "2026-04-02 来源：本台" in text.splitlines()
    assert text.endswith("版权所有@ www.china-news-online.com")
    ninjs = to_ninjs(article, site=site, vocabulary=VOCABULARY)
    assert ninjs["language"] == "zh"
    assert ninjs["copyrightnotice"] == "版权所有@ www.china-news-online.com"
    assert ninjs["by"] == "陈晓、刘洋"


def test_an_english_article_on_the_chinese_site_prints_english_labels():
    article = dataclasses.replace(
        _chinese(),
        headline="Wetland park opens for spring",
        section=["news", "city"],
        language="en",
        body="The park opens on Saturday.",
        credits=[Credit("Reporter", ("Chen Xiao",))],
    )
    blocks = visible_blocks(render_page(article, site=CHINESE_SITE, vocabulary=VOCABULARY))
    assert blocks[0] == "current location:news > city > text"
    assert "Reporter丨Chen Xiao" in blocks


def test_each_label_set_is_data_a_site_may_change():
    site = SiteProfile().with_setting("zh.source_label", "出处：")
    text = write_text_page(_chinese(), site=site, vocabulary=VOCABULARY)
    assert "2026-04-02 出处：本台" in text.splitlines()
    assert (
        write_text_page(
            dataclasses.replace(_chinese(), language="en"), site=site, vocabulary=VOCABULARY
        )
        .splitlines()[2]
        .endswith("source:本台")
    )
    with pytest.raises(InvalidInputError, match="unknown page label"):
        site.with_setting("zh.colour", "red")


def test_profiles_ship_with_an_english_and_a_chinese_set_and_keep_them_stored():
    for site in (SiteProfile(), CHINESE_SITE):
        assert set(site.languages) == {"en", "zh"}
        assert SiteProfile.from_dict(site.to_dict()) == site
    stored_before_label_sets = {
        k: v for k, v in SiteProfile().to_dict().items() if k != "page_labels"
    }
    assert SiteProfile.from_dict(stored_before_label_sets).labels_for("zh").source_label == "来源："
    switched = SiteProfile().with_setting("language", "zh")
    assert switched.breadcrumb_label == "当前位置："
    assert switched.labels_for("en").breadcrumb_label == "current location:"
