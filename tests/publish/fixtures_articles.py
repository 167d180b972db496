"""Fixture articles for the publish tests and golden files: our own topics and names.

Each function returns a fresh Article so a test may change it freely.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.site import CHINESE_SITE, SiteProfile
from newsdesk.domain.status import Status

UTC = dt.UTC

FERRY_IMAGE_BYTES = b"\xff\xd8\xff\xe0 not really a jpeg, but bytes with a known hash"


def night_ferries() -> Article:
    """Kicker, source, several credit roles, a link, emphasis and an image with caption."""
    return Article(
        id=101,
        slug="night-ferries-return-to-the-harbour",
        kicker="Live report",
        headline="Night ferries return to the harbour after a two-year pause",
        section=["news", "city"],
        date=dt.date(2025, 3, 14),
        source="Harbour Daily",
        language="en",
        body=(
            "The first night ferry since the pier was rebuilt left Quay 4 at 21:30 on"
            " Friday, carrying *212 passengers* and a brass band.\n"
            "\n"
            "![The ferry Morning Gull at the rebuilt pier](morning-gull.jpg)\n"
            "The Morning Gull waits at Quay 4 before the first crossing.\n"
            "\n"
            "The harbour authority said the service will run every 40 minutes until"
            " midnight. Timetables are on the"
            " [authority's site](https://harbour.example.org/timetable).\n"
            "\n"
            "## What changes for commuters\n"
            "\n"
            "- Monthly passes are valid on the night boats.\n"
            "- Bicycles travel free after 22:00.\n"
        ),
        credits=[
            Credit("Producer", ("Marta Oyelaran",)),
            Credit("Reporter", ("Tomas Brandt", "Ines Okafor")),
            Credit("Photography", ("Lucia Ferraz", "Kwame Asante", "Juno Rask")),
            Credit("Editor", ("Pavel Novak",)),
        ],
        images=[
            Image(
                name="morning-gull.jpg",
                sha256=hashlib.sha256(FERRY_IMAGE_BYTES).hexdigest(),
                media_type="image/jpeg",
                alt="The ferry Morning Gull at the rebuilt pier",
                caption="The Morning Gull waits at Quay 4 before the first crossing.",
            )
        ],
        summary="The night service is back after the pier was rebuilt, every 40 minutes.",
        keywords=["ferries", "harbour", "night transport"],
        status=Status.APPROVED,
        revision=3,
        approved_revision=3,
        created_by="Tomas Brandt",
        created_at=dt.datetime(2025, 3, 13, 16, 5, 0, tzinfo=UTC),
        updated_at=dt.datetime(2025, 3, 14, 8, 42, 10, tzinfo=UTC),
        updated_by="Marta Oyelaran",
    )


def library_reopens() -> Article:
    """No kicker, no source, default section, one reporter, plain paragraphs."""
    return Article(
        id=102,
        slug="eastside-library-reopens",
        headline="Eastside library reopens with a longer Sunday",
        section=["news", "news"],
        date=dt.date(2025, 4, 2),
        source="",
        language="en",
        body=(
            "After eight months of repairs to its roof, the Eastside library opened its"
            " doors again on Wednesday morning.\n"
            "\n"
            "Opening hours on Sunday now run from 10:00 to 18:00, two hours longer than"
            " before, after a petition signed by 3,400 residents.\n"
        ),
        credits=[Credit("Reporter", ("Hanna Lindqvist",))],
        status=Status.PUBLISHED,
        revision=5,
        approved_revision=5,
        created_by="Hanna Lindqvist",
        created_at=dt.datetime(2025, 3, 30, 9, 0, 0, tzinfo=UTC),
        updated_at=dt.datetime(2025, 4, 2, 7, 15, 0, tzinfo=UTC),
        updated_by="Hanna Lindqvist",
    )


def wetland_park_zh() -> Article:
    """A Chinese article with Chinese names, published on the Chinese site profile."""
    return Article(
        id=103,
        slug="cheng-nan-shi-di-gong-yuan-chun-ji-kai-fang",
        kicker="独家视频",
        headline="城南湿地公园春季开放 候鸟数量创十年新高",
        section=["新闻", "社会"],
        date=dt.date(2025, 5, 20),
        source="城市晚报",
        language="zh",
        body=(
            "5月20日上午，城南湿地公园在完成为期一年的生态修复后正式对市民开放。\n"
            "\n"
            "公园管理处负责人周明远介绍，今年春季监测到的候鸟已超过一万二千只，"
            "是近十年来最多的一次。\n"
            "\n"
            "　　市民林晓雯说：“带孩子来看白鹭，比在书上看要生动得多。”\n"
        ),
        credits=[
            Credit("监制", ("周明远",)),
            Credit("记者", ("林晓雯", "欧阳志远")),
            Credit("摄像", ("马兰",)),
            Credit("翻译", ("Chen Jie",)),
        ],
        keywords=["湿地", "候鸟"],
        status=Status.APPROVED,
        revision=2,
        approved_revision=2,
        created_by="林晓雯",
        created_at=dt.datetime(2025, 5, 19, 22, 30, 0, tzinfo=UTC),
        updated_at=dt.datetime(2025, 5, 20, 1, 5, 0, tzinfo=UTC),
        updated_by="周明远",
    )


HOSTILE_HEADLINE = 'Budget </script><!-- vote: 50% of *all* [seats] & "more" #1_done'


def hostile() -> Article:
    """Script tags, event handlers and javascript: links everywhere an article has text,
    and Markdown-special characters in fields that are plain text."""
    return Article(
        id=104,
        slug="hostile-content-check",
        kicker="<script>alert('kicker')</script>",
        headline=HOSTILE_HEADLINE,
        section=["news", "<img src=x onerror=alert(1)>"],
        date=dt.date(2025, 6, 1),
        source='<a href="javascript:alert(1)">Wire</a> *agency*',
        language="en",
        body=(
            "Intro with <script>alert('body')</script> and an"
            ' <img src="x.png" onerror="alert(2)" alt="pic"> inline image.\n'
            "\n"
            "[Click me](javascript:alert(3)) and"
            ' <a href="JaVaScRiPt:alert(4)" onclick="alert(5)">this</a>.\n'
            "\n"
            '<div onmouseover="alert(6)" style="color:red">Hover text</div>\n'
            "\n"
            "Closing </script> tag and <!-- a comment --> and <iframe src=evil></iframe>"
            " end.\n"
        ),
        credits=[
            Credit("Reporter", ("</script><script>alert(7)</script>", "A & B")),
            Credit("<i onclick=alert(8)>Editor</i>", ("Name <b>bold</b>",)),
        ],
        summary='Standfirst </script><script>alert(9)</script> & "quotes" <b>bold</b>',
        keywords=["<script>alert(10)</script>", 'say "hi"', "a, b"],
        status=Status.SUBMITTED,
        revision=1,
        approved_revision=None,
        created_by="Someone",
        created_at=dt.datetime(2025, 6, 1, 10, 0, 0, tzinfo=UTC),
        updated_at=dt.datetime(2025, 6, 1, 10, 0, 0, tzinfo=UTC),
        updated_by="Someone",
    )


# name -> (article factory, site profile the golden files are rendered with)
FIXTURES: dict[str, tuple] = {
    "night_ferries": (night_ferries, SiteProfile()),
    "library_reopens": (library_reopens, SiteProfile()),
    "wetland_park_zh": (wetland_park_zh, CHINESE_SITE),
    "hostile": (hostile, SiteProfile()),
}
