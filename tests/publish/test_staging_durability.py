"""After a power cut the export folder holds the previous export or the new one, each
file whole: the staged files' data reaches the disk before any of them is renamed into
place (one flush for the export, not a sync per file), and the renames themselves are
put on disk once they are all done."""

from __future__ import annotations

import os

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export.bundle import export_bundle
from tests.publish.fixtures_articles import library_reopens, night_ferries, wetland_park_zh


def test_data_is_flushed_once_before_the_renames_and_the_folder_synced_after(tmp_path, monkeypatch):
    calls: list[str] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src, dst, *args, **kwargs):
        calls.append("rename")
        return real_replace(src, dst, *args, **kwargs)

    def fsync(fd):
        calls.append("folder synced" if os.path.isdir(f"/proc/self/fd/{fd}") else "file synced")
        return real_fsync(fd)

    monkeypatch.setattr(os, "sync", lambda: calls.append("flushed"))
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    articles = [night_ferries(), library_reopens(), wetland_park_zh()]
    list(
        export_bundle(
            articles,
            tmp_path / "out",
            site=SiteProfile(),
            vocabulary=CreditVocabulary(),
            formats=("html", "text"),
        )
    )
    renames = calls.count("rename")
    assert renames == 3 * 2 + 3  # the pages, index, stylesheet and manifest
    assert calls == ["flushed", *["rename"] * renames, "folder synced"]
