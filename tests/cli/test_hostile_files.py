"""Hostile files given to `newsdesk import`: each ends in one clear line naming the file,
exit status 1, and nothing in the database changes (no article, no revision, no audit
entry)."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.formats.ninjs import to_ninjs
from newsdesk.publish.importers.files import MAX_IMPORT_BYTES
from newsdesk.storage.sqlite.store import SQLiteStore

FIXTURES = Path(__file__).parents[1] / "fixtures" / "pages"

PAGE = """current location:news > science > text
Night sky丨Amateur astronomers map a new comet's tail
2026-05-19 source:Science desk

Members of the valley astronomy club photographed the comet on three clear nights.

Their images show the tail bending as the comet passed the sun.

Reporter丨Nadia Rahman

Photography丨Jonas Weber Clara Holt

Unified Service Email:chinanewsonline@yeah.net
Copyright@ www.china-news-online.com"""

NINJS = to_ninjs(
    Article(
        headline="Amateur astronomers map a new comet's tail",
        slug="comet",
        body="Members of the club photographed the comet. " * 40,
        credits=[Credit("Reporter", ("Nadia Rahman",))],
    ),
    site=SiteProfile(),
    vocabulary=CreditVocabulary(),
)


def _state(db: str) -> tuple:
    store = SQLiteStore(db)
    try:
        return (store.count(), len(store.audit_events()), Path(db).stat().st_size)
    finally:
        store.close()


def _refused(cli, path: Path, *extra: str) -> str:
    before = _state(cli.db)
    code, out, err = cli("import", str(path), "--as", "Nadia Rahman", *extra)
    assert code == 1, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"newsdesk: {path}:"), err
    assert "nothing was written" in lines[-1]
    assert "Traceback" not in err
    assert _state(cli.db) == before
    return lines[0]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_good_versions_import(cli, tmp_path):
    """The hostile variants below are cut or garbled from these: the originals work."""
    for name, data in (
        ("comet.txt", PAGE.encode("utf-8")),
        ("comet.ninjs.json", json.dumps(NINJS).encode("utf-8")),
    ):
        code, out, err = cli("import", str(_write(tmp_path, name, data)), "--as", "Nadia Rahman")
        assert code == 0, err
        assert "comet" in out


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        ("archive.md", gzip.compress(PAGE.encode("utf-8")), "binary|not valid UTF-8"),
        ("noise.txt", random.Random(5).randbytes(4096), "binary|not valid UTF-8"),
        ("program.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64, "binary"),
        ("late-nul.txt", (PAGE + "\x00" * 4).encode("utf-8"), "binary"),
    ],
    ids=["png", "gzip", "random-bytes", "elf", "nul-at-the-end"],
)
def test_binary_files(cli, tmp_path, name, data, problem):
    message = _refused(cli, _write(tmp_path, name, data))
    assert any(word in message for word in problem.split("|")), message


@pytest.mark.parametrize(
    "data",
    [b"", b"\n\n   \n\t\n", "\ufeff".encode(), "\ufeff\n  \n".encode()],
    ids=["zero-bytes", "whitespace", "bom-only", "bom-and-blank-lines"],
)
def test_empty_files(cli, tmp_path, data):
    assert "empty" in _refused(cli, _write(tmp_path, "blank.txt", data))


def test_wrong_encodings(cli, tmp_path):
    chinese = (FIXTURES / "observatory-zh.txt").read_text(encoding="utf-8")
    message = _refused(cli, _write(tmp_path, "gbk-page.txt", chinese.encode("gbk")))
    assert "not valid UTF-8" in message and "--encoding" in message
    latin = PAGE.replace("Night sky", "Ciel étoilé").replace("丨", "|").encode("latin-1")
    assert "not valid UTF-8" in _refused(cli, _write(tmp_path, "latin1.txt", latin))
    utf16 = _write(tmp_path, "utf16.txt", PAGE.encode("utf-16"))
    assert "binary" in _refused(cli, utf16)
    utf8 = _write(tmp_path, "utf8.txt", PAGE.encode("utf-8"))
    assert "not valid ascii" in _refused(cli, utf8, "--encoding", "ascii")
    code, _out, err = cli("import", str(utf8), "--as", "Nadia Rahman", "--encoding", "klingon")
    assert code == 1 and "unknown encoding 'klingon'" in err


@pytest.mark.parametrize(
    "cut_after",
    ["Jonas Web", "Reporter丨", "Photography丨Jonas Weber Clara Holt\n\nUnified Service"],
    ids=["inside-a-name", "after-a-role", "inside-the-footer"],
)
def test_a_text_page_cut_off_is_refused(cli, tmp_path, cut_after):
    cut = PAGE[: PAGE.index(cut_after) + len(cut_after)]
    message = _refused(cli, _write(tmp_path, "cut.txt", cut.encode("utf-8")))
    assert "cut off" in message and "footer" in message


def test_a_text_page_cut_in_the_body_is_refused(cli, tmp_path):
    cut = PAGE[: PAGE.index("passed the sun")]
    assert "cut off" in _refused(cli, _write(tmp_path, "cut-body.txt", cut.encode("utf-8")))


def test_a_chinese_page_cut_off_is_refused(cli, tmp_path):
    page = (FIXTURES / "observatory-zh.txt").read_text(encoding="utf-8")
    cut = page[: page.index("摄像") + 4]
    assert "cut off" in _refused(cli, _write(tmp_path, "zh-cut.txt", cut.encode("utf-8")))


@pytest.mark.parametrize("fraction", [0.5, 0.1, 0.95])
def test_ninjs_cut_short_is_refused(cli, tmp_path, fraction):
    whole = json.dumps(NINJS, ensure_ascii=False, indent=2).encode("utf-8")
    cut = whole[: int(len(whole) * fraction)]
    message = _refused(cli, _write(tmp_path, "story.ninjs.json", cut))
    assert "not valid JSON" in message and "line" in message


def test_a_cut_inside_a_multibyte_character_is_refused(cli, tmp_path):
    page = (FIXTURES / "observatory-zh.txt").read_bytes()
    # The first UTF-8 continuation byte after the middle: the cut splits a character.
    middle = next(i for i in range(len(page) // 2, len(page)) if 0x80 <= page[i] <= 0xBF)
    message = _refused(cli, _write(tmp_path, "zh-half.txt", page[:middle]))
    assert "not valid UTF-8" in message


def test_a_21_mb_file_hits_the_documented_limit(cli, tmp_path):
    big = tmp_path / "huge.txt"
    paragraph = ("The valley astronomy club met again. " * 50 + "\n\n").encode("utf-8")
    with big.open("wb") as handle:
        handle.write(PAGE.split("Members")[0].encode("utf-8"))
        while handle.tell() < 21 * 1024 * 1024:
            handle.write(paragraph)
    assert big.stat().st_size > 2 * MAX_IMPORT_BYTES
    message = _refused(cli, big)
    assert "21.0 MB" in message and f"{MAX_IMPORT_BYTES // 1_048_576} MB import limit" in message


def test_a_sparse_huge_file_is_refused_without_reading_it(cli, tmp_path):
    sparse = tmp_path / "sparse.txt"
    with sparse.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # 4 GB of nothing on disk
    assert "import limit" in _refused(cli, sparse)


def test_things_that_are_not_regular_files(cli, tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "not a file" in _refused(cli, folder)
    assert "no such file" in _refused(cli, tmp_path / "missing.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    assert "not a file" in _refused(cli, fifo)


def test_a_hostile_file_does_not_stop_the_good_ones(cli, tmp_path):
    good = _write(tmp_path, "comet.txt", PAGE.encode("utf-8"))
    cut = _write(tmp_path, "cut.txt", PAGE[:200].encode("utf-8"))
    binary = _write(tmp_path, "photo.txt", b"\x00\x01\x02")
    code, out, err = cli("import", str(cut), str(good), str(binary), "--as", "Nadia Rahman")
    assert code == 1
    assert out.count("\n") == 1 and "comet" in out
    assert "cut.txt" in err and "photo.txt" in err and "2 of 3 file(s) refused" in err
    assert _state(cli.db)[0] == 1
