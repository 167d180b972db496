"""Synthetic articles for the benchmarks: the same bodies for newsdesk and its peers.

Deterministic (seeded), in English and Chinese, written as the site's text pages
(what the import reads), as Markdown files with Pelican's metadata (what Pelican
builds), and as long bodies for the typing harness.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

WORDS_EN = (
    "council budget harbour ferry school library transit housing river storm election "
    "museum festival hospital market bridge park water energy climate report vote"
).split()
WORDS_ZH = ["新闻", "发布会", "防汛", "交通", "教育", "医院", "市场", "文化", "能源", "天气"]
FOOTER = "Unified Service Email:desk@example.org\nCopyright@ www.example.org"


def paragraphs(rng: random.Random, count: int, chinese: bool = False) -> list[str]:
    if chinese:
        return ["".join(rng.choice(WORDS_ZH) for _ in range(40)) + "。" for _ in range(count)]
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS_EN) for _ in range(rng.randint(40, 80))]
        words[0] = words[0].capitalize()
        out.append(" ".join(words) + ".")
    return out


def story(rng: random.Random, number: int) -> dict:
    chinese = number % 5 == 0
    if chinese:
        headline = "".join(rng.choice(WORDS_ZH) for _ in range(5)) + f"第{number}号"
    else:
        headline = " ".join(rng.choice(WORDS_EN) for _ in range(6)).capitalize() + f" {number}"
    return {
        "headline": headline,
        "kicker": rng.choice(["", "", "Exclusive", "Analysis"]),
        "date": dt.date(2026, 1, 1) + dt.timedelta(days=number % 300),
        "paragraphs": paragraphs(rng, 6, chinese),
        "reporter": rng.choice(["Lena Park", "Omar Diaz", "Mei Lin", "Ivo Brandt"]),
        "chinese": chinese,
    }


def text_page(item: dict) -> str:
    """The site's text page of a story (what `newsdesk import` reads)."""
    title = f"{item['kicker']}丨{item['headline']}" if item["kicker"] else item["headline"]
    return (
        "current location:news > news > text\n"
        f"{title}\n"
        f"{item['date'].isoformat()} source:City desk\n\n"
        + "\n\n".join(item["paragraphs"])
        + f"\n\nReporter丨{item['reporter']}\n\n"
        + FOOTER
    )


def pelican_markdown(item: dict, number: int) -> str:
    """The same story as a Pelican Markdown source (Pelican's peer build)."""
    return (
        f"Title: {item['headline']}\nDate: {item['date'].isoformat()}\n"
        f"Slug: story-{number}\nAuthor: {item['reporter']}\n\n"
        + "\n\n".join(item["paragraphs"])
        + "\n"
    )


def write_text_pages(folder: Path, count: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = folder / f"story-{number:05d}.txt"
        path.write_text(text_page(story(rng, number)), encoding="utf-8")
        paths.append(path)
    return paths


def write_pelican_sources(folder: Path, count: int, seed: int = 7) -> Path:
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for number in range(count):
        text = pelican_markdown(story(rng, number), number)
        (content / f"story-{number:05d}.md").write_text(text, encoding="utf-8")
    return content
