"""An export that fails (an unwritable folder, a full disk, something in the way) ends in
a clear ExportError, leaves the previous export byte for byte as it was, and leaves no
temporary or half-written file behind.

The tests run as root in CI, where permissions do not stop writes, so the operating
system's refusals are simulated by making the file operations the exporter uses raise
the OSError the system would raise (EACCES, ENOSPC, EISDIR). The files themselves are
real; one test uses real permissions when not run as root.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import tempfile
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export import staging
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.export.staging import TEMP_PREFIX, ExportError

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()
FORMATS = ("html", "text", "ninjs", "md")
PHOTO = b"\xff\xd8\xff\xe0 lighthouse keepers' cottage, bytes with a known hash"
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def articles(revision: int = 1) -> list[Article]:
    """Three articles; `revision` changes every one of them, so a new export rewrites all."""
    return [
        Article(
            id=number,
            slug=f"coast-story-{number}",
            revision=revision,
            headline=f"Coast story {number}, version {revision}",
            date=dt.date(2026, 7, number),
            source="Coast desk",
            body=(
                f"![The keepers' cottage](cottage-{number}.jpg)\n"
                f"Version {revision} of the story. " * 30
            ),
            credits=[Credit("Reporter", ("Oskar Vang",))],
            images=[Image(f"cottage-{number}.jpg", PHOTO_SHA, "image/jpeg", "The cottage")],
        )
        for number in (1, 2, 3)
    ]


def export(items, out: Path) -> None:
    list(
        export_bundle(
            items,
            out,
            site=SITE,
            vocabulary=VOCABULARY,
            formats=FORMATS,
            image_data=lambda sha: PHOTO,
        )
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def previous(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """A folder holding a finished export, and its exact bytes."""
    out = tmp_path / "export"
    export(articles(1), out)
    return out, snapshot(out)


def assert_untouched(out: Path, before: dict[str, bytes]) -> None:
    after = snapshot(out)
    leftovers = [name for name in after if name.startswith(TEMP_PREFIX) or ".tmp" in name]
    assert leftovers == [], f"temporary files left: {leftovers}"
    assert after.keys() == before.keys()
    changed = [name for name in before if after[name] != before[name]]
    assert changed == [], f"changed by a failed export: {changed}"


class _Failing:
    """Calls the real function, except the `nth` call (1-based) raises OSError(code)."""

    def __init__(self, real, code: int, nth: int = 1, times: int = 1) -> None:
        self.real, self.code, self.nth, self.times, self.calls = real, code, nth, times, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.nth <= self.calls < self.nth + self.times:
            raise OSError(self.code, os.strerror(self.code), str(args[-1]) if args else "")
        return self.real(*args, **kwargs)


# -- an unwritable folder --------------------------------------------------------------


def test_a_folder_refusing_new_files(previous, monkeypatch):
    out, before = previous
    # Every new file refused (the first alone is not enough: the index's spool, a
    # file without a name, falls back to a named one when the first open fails).
    monkeypatch.setattr(os, "open", _Failing(os.open, errno.EACCES, times=10**6))
    with pytest.raises(ExportError, match="Permission denied") as refused:
        export(articles(2), out)
    assert "cannot write" in str(refused.value)
    assert_untouched(out, before)


@pytest.mark.parametrize("nth", [1, 2, 5, 9, 13])
def test_a_rename_refused_part_way_through_the_commit(previous, monkeypatch, nth):
    """The folder (or one file in it, locked by another program) refuses the nth rename
    of the final step: the files already renamed are put back as they were."""
    out, before = previous
    monkeypatch.setattr(os, "replace", _Failing(os.replace, errno.EACCES, nth=nth))
    with pytest.raises(ExportError, match="Permission denied") as refused:
        export(articles(2), out)
    assert "previous export" in str(refused.value)
    assert_untouched(out, before)


def test_a_first_export_refused_part_way_leaves_an_empty_folder(tmp_path, monkeypatch):
    out = tmp_path / "fresh"
    monkeypatch.setattr(os, "replace", _Failing(os.replace, errno.EACCES, nth=4))
    with pytest.raises(ExportError):
        export(articles(1), out)
    assert snapshot(out) == {}


def test_a_read_only_folder_for_real(previous):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; the simulated tests cover this")
    out, before = previous
    out.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="Permission denied"):
            export(articles(2), out)
    finally:
        out.chmod(0o755)
    assert_untouched(out, before)


# -- a full disk ---------------------------------------------------------------------------


class _DiskFillsUp:
    """os.fdopen whose streams, and os.write, write until `budget` bytes in total, then
    fail with ENOSPC after writing part of the buffer, as a full disk does."""

    def __init__(self, budget: int) -> None:
        self.real = os.fdopen
        self.real_write = os.write
        self.left = budget

    def write(self, fd, data):
        if len(data) > self.left:
            self.real_write(fd, data[: self.left])
            self.left = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.left -= len(data)
        return self.real_write(fd, data)

    def __call__(self, fd, mode="r", *args, **kwargs):
        stream = self.real(fd, mode, *args, **kwargs)
        if "w" not in mode:
            return stream
        owner = self

        class Stream:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                stream.close()
                return False

            def write(self, data):
                if len(data) > owner.left:
                    stream.write(data[: owner.left])
                    stream.flush()
                    owner.left = 0
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                owner.left -= len(data)
                return stream.write(data)

            def __getattr__(self, name):
                return getattr(stream, name)

        return Stream()


@pytest.mark.parametrize("budget", [0, 1, 5_000, 20_000])
def test_the_disk_fills_up_during_the_export(previous, monkeypatch, budget):
    out, before = previous
    full = _DiskFillsUp(budget)
    monkeypatch.setattr(os, "fdopen", full)
    monkeypatch.setattr(os, "write", full.write)
    with pytest.raises(ExportError, match="No space left on device"):
        export(articles(2), out)
    assert_untouched(out, before)


# -- something in the way ------------------------------------------------------------------


def test_the_export_folder_is_a_file(tmp_path):
    blocker = tmp_path / "export"
    blocker.write_bytes(b"a file where the folder should be")
    with pytest.raises(ExportError, match="export folder") as refused:
        export(articles(1), blocker)
    assert str(blocker) in str(refused.value)
    assert blocker.read_bytes() == b"a file where the folder should be"


def test_a_file_where_a_parent_folder_should_be(tmp_path):
    (tmp_path / "site").write_bytes(b"not a folder")
    with pytest.raises(ExportError, match="export folder"):
        export(articles(1), tmp_path / "site" / "export")
    assert (tmp_path / "site").read_bytes() == b"not a folder"


@pytest.mark.parametrize(
    "name", ["coast-story-2.html", "coast-story-3.ninjs.json", "cottage-1.jpg", "index.html"]
)
def test_a_folder_in_the_way_of_a_file(previous, name):
    out, _before = previous
    (out / name).unlink()
    (out / name).mkdir()
    (out / name / "keep.txt").write_text("someone's notes", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(ExportError, match="in the way") as refused:
        export(articles(2), out)
    assert name in str(refused.value)
    assert_untouched(out, before)


def test_a_rename_onto_a_folder_is_undone(previous, monkeypatch):
    """The folder appears between the check and the final rename (another program):
    the rename fails with EISDIR and everything renamed before it is put back."""
    out, before = previous
    monkeypatch.setattr(os, "replace", _Failing(os.replace, errno.EISDIR, nth=3))
    with pytest.raises(ExportError, match="Is a directory"):
        export(articles(2), out)
    assert_untouched(out, before)


def test_after_a_failure_the_next_export_completes(previous, monkeypatch):
    out, _before = previous
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _Failing(os.replace, errno.EACCES, nth=6))
        with pytest.raises(ExportError):
            export(articles(2), out)
    export(articles(2), out)
    fresh = tempfile.mkdtemp(dir=out.parent)
    export(articles(2), Path(fresh))
    assert snapshot(out) == snapshot(Path(fresh))


def test_the_real_functions_are_the_ones_patched():
    """Guard for the simulations above: the exporter calls exactly these."""
    source = Path(staging.__file__).read_text(encoding="utf-8")
    assert "os.open(" in source and "os.fdopen(" in source and "os.replace(" in source
    assert "os.write(" in source
