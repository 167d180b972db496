"""Build a large synthetic newsroom database for benchmarks (cached between runs)."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from newsdesk.domain.article import Article, Credit, Person
from newsdesk.domain.status import Status, UserRole
from newsdesk.storage.sqlite.schema import SCHEMA_VERSION
from newsdesk.storage.sqlite.store import SQLiteStore

REPORTERS = ["Lena Park", "Omar Diaz", "Mei Lin", "Ivo Brandt", "Zhou Ning", "Sara Kim"]
WORDS_EN = (
    "council budget harbour ferry school library transit housing river storm election "
    "museum festival hospital market bridge park water energy climate report vote"
).split()
WORDS_ZH = ["新闻", "发布会", "防汛", "交通", "教育", "医院", "市场", "文化", "能源", "天气"]


def _article(rng: random.Random, i: int) -> Article:
    chinese = i % 5 == 0
    if chinese:
        headline = "".join(rng.choice(WORDS_ZH) for _ in range(5)) + f"第{i}号"
        body = "\n\n".join(
            "".join(rng.choice(WORDS_ZH) for _ in range(40)) + "。" for _ in range(4)
        )
    else:
        headline = " ".join(rng.choice(WORDS_EN) for _ in range(6)).capitalize() + f" {i}"
        body = "\n\n".join(
            " ".join(rng.choice(WORDS_EN) for _ in range(60)) + "." for _ in range(4)
        )
    reporter = rng.choice(REPORTERS)
    return Article(
        headline=headline,
        kicker=rng.choice(["", "", "Exclusive", "Analysis"]),
        slug=f"story-{i}",
        date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
        body=body,
        language="zh" if chinese else "en",
        credits=[Credit("Reporter", (reporter,)), Credit("Photography", (rng.choice(REPORTERS),))],
    )


def fixture_path(cache: Path, count: int) -> Path:
    """Where the newsroom of `count` articles is kept between runs. The schema version
    is in the name: a newsdesk of another version (another branch) keeps its own."""
    return cache / f"newsroom-{count}-v{SCHEMA_VERSION}.db"


def build(path: Path, count: int, seed: int = 7) -> Path:
    """Create `path` with `count` articles unless it already holds exactly that many."""
    if path.exists():
        store = SQLiteStore(path)
        try:
            if store.count() == count:
                return path
        finally:
            store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    store = SQLiteStore(path)
    try:
        for name in REPORTERS:
            store.add_person(Person(name, frozenset({UserRole.REPORTER})))
        batch = 2_000
        for start in range(0, count, batch):
            with store.transaction():
                for i in range(start, min(count, start + batch)):
                    store.insert_article(_article(rng, i), actor=rng.choice(REPORTERS))
    finally:
        store.close()
    return path


# Run by the older newsdesk's interpreter: its own fixture, at its own schema.
_BUILD_WITH_OLDER = (
    "import sys; from pathlib import Path;"
    " from benchmarks.newsroom_fixture import build, fixture_path;"
    " count = int(sys.argv[2]);"
    " print(build(fixture_path(Path(sys.argv[1]), count), count))"
)


def fixture_for(code: str | None, cache: Path, count: int) -> Path:
    """The newsroom of `count` articles as the newsdesk in the folder `code` writes it
    (None: this checkout's). An older newsdesk cannot open a file a newer one migrated,
    so it gets a file of its own schema, built by its own code and kept in `cache`."""
    if code is None:
        return build(fixture_path(cache, count), count)
    done = subprocess.run(
        [sys.executable, "-c", _BUILD_WITH_OLDER, str(cache), str(count)],
        env={**os.environ, "PYTHONPATH": code},
        cwd=tempfile.gettempdir(),  # the checkout's folder must not shadow PYTHONPATH
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"the older newsdesk in {code} could not build its fixture: "
            f"{done.stderr.strip()[-2000:]}"
        )
    return Path(done.stdout.strip().splitlines()[-1])


def site_fixture_path(cache: Path, count: int) -> Path:
    """Where the approved site of `count` articles is kept between runs."""
    return cache / f"site-{count}-v{SCHEMA_VERSION}.db"


def build_site(path: Path, count: int, seed: int = 7) -> Path:
    """A newsroom of `count` approved articles (what a whole-site export exports), with
    a web desk "Kai Web"; kept at `path` unless it already holds exactly that many."""
    if path.exists():
        store = SQLiteStore(path)
        try:
            if store.count() == count:
                return path
        finally:
            store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    store = SQLiteStore(path)
    try:
        for name in REPORTERS:
            store.add_person(Person(name, frozenset({UserRole.REPORTER})))
        store.add_person(Person("Kai Web", frozenset({UserRole.WEB})))
        for start in range(0, count, 2_000):
            with store.transaction():
                for i in range(start, min(count, start + 2_000)):
                    stored = store.insert_article(_article(rng, i), actor=rng.choice(REPORTERS))
                    store.set_status(
                        stored.id,
                        actor="Omar Diaz",
                        action="approve",
                        expected_status=Status.DRAFT,
                        new_status=Status.APPROVED,
                    )
    finally:
        store.close()
    return path
