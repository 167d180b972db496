"""The window at the sizes reporters use it: 900×600, 1,360×800 and a 2× screen.

The panes adapt (the preview, then the side panel fold away when there is no room for
them, and come back), the fields and the credits fit the panes they are in, and a
window remembered on a larger screen or at another scale comes back on the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom import Newsroom
from tests.gui.conftest import chinese_article

ROOT = Path(__file__).resolve().parents[2]


def _shows_whole_text(edit: QLineEdit) -> bool:
    """Whether all of the field's text is on screen (the clear button takes room)."""
    room = edit.contentsRect().width() - edit.textMargins().left() - edit.textMargins().right()
    for button in edit.findChildren(QToolButton):
        if button.isVisible():
            room -= button.width()
    return edit.fontMetrics().horizontalAdvance(edit.text()) + 8 <= room


def _open_chinese_article(qtbot, window, article_id: int) -> None:
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)


def _credits_fit(window) -> None:
    """Each credit row wholly inside the credits' scroll area across, its ✕ too, and
    every name chip wholly inside its names field."""
    credits = window.side.credits
    viewport = credits.scroll_area.viewport()
    assert not credits.scroll_area.horizontalScrollBar().isVisible()
    for row in credits.rows():
        for button in (row.up_button, row.down_button, row.remove_button):
            left = button.mapTo(viewport, button.rect().topLeft()).x()
            right = button.mapTo(viewport, button.rect().topRight()).x()
            assert left >= 0 and right < viewport.width(), (row.role(), button.text())
        field = row.people
        for chip in field.findChildren(QToolButton):
            chip_frame = chip.parentWidget()
            if chip_frame is field or not chip_frame.isVisible():
                continue
            box = chip_frame.geometry()
            assert field.rect().contains(box), (chip_frame.accessibleName(), box, field.rect())


def _add_credit_on_screen(credits) -> None:
    """The Add credit button wholly on screen, whatever the rows above it: with four
    credits at 1,360×800 it used to sit below the fold, to be found by scrolling."""
    button = credits.add_button
    assert button.isVisible()
    shown = button.visibleRegion().boundingRect()
    assert shown == button.rect(), (shown, button.rect())


def _status_in_view(window) -> None:
    """The list's status column wholly in the list pane, no sideways scroll needed (at
    both sizes the headline column used to push it out of view)."""
    view = window.list_panel.view
    header = view.horizontalHeader()
    left = header.sectionViewportPosition(1)
    assert left >= 0 and left + header.sectionSize(1) <= view.viewport().width(), (
        left,
        header.sectionSize(1),
        view.viewport().width(),
    )
    assert header.sectionSize(0) >= 120  # the headline still readable


def _nothing_overlaps(panel) -> None:
    """The panel's visible parts side by side or one under another, none on another
    (a short window squeezed a wrapped hint over the note box)."""
    parts = [
        w
        for w in panel.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if w.isVisible()
    ]
    for i, one in enumerate(parts):
        for other in parts[i + 1 :]:
            overlap = one.geometry().intersected(other.geometry())
            assert overlap.isEmpty(), (one.accessibleName(), other.accessibleName(), overlap)


def test_at_900_by_600_list_editor_and_credits_fit_and_the_preview_folds(
    qtbot, desk_db, open_window
):
    room = Newsroom.open(desk_db)
    article = chinese_article(room)
    room.close()
    window = open_window(desk_db, size=(900, 600))
    _open_chinese_article(qtbot, window, article.id)
    # Its creator's draft: every workflow button is there, Delete draft too.
    qtbot.waitUntil(window.workflow_bar.delete_button.isEnabled, timeout=5000)
    qtbot.wait(50)

    assert window.size() == QSize(900, 600)  # the window may be that small
    assert window.minimumSizeHint().width() <= 900  # (the bar's buttons wrap)
    assert window.list_panel.isVisible() and window.editor.isVisible()
    assert window.side.isVisible()
    assert not window.preview.isVisible()  # folded: there is no room for four panes
    assert window.user_switcher.isVisible()  # not pushed into the toolbar's overflow
    date = window.editor.fields.date_edit
    assert date.text() == "2026-05-16"
    assert _shows_whole_text(date), date.width()
    for edit in window.editor.fields.edits.values():
        assert edit.width() >= 150, edit.accessibleName()
    _credits_fit(window)
    _add_credit_on_screen(window.side.credits)
    _status_in_view(window)
    _nothing_overlaps(window.notes)
    tip = window.actions.toggle_preview.toolTip()
    assert "too narrow" in tip and not window.actions.toggle_preview.isChecked()

    # F9 asks for the preview: it comes, and the side panel folds instead.
    window.editor.fields.headline_edit.setFocus()
    qtbot.keyClick(window.editor.fields.headline_edit, Qt.Key.Key_F9)
    assert window.preview.isVisible() and not window.side.isVisible()
    assert "too narrow" in window.actions.toggle_side.toolTip()
    assert _shows_whole_text(date)

    # Wide enough again: every pane is back, without being asked.
    window.resize(1360, 800)
    qtbot.waitUntil(lambda: window.side.isVisible() and window.preview.isVisible(), timeout=2000)
    assert window.actions.toggle_side.isChecked() and window.actions.toggle_preview.isChecked()


def test_at_1360_by_800_all_panes_show_and_every_credit_fits(qtbot, desk_db, open_window):
    room = Newsroom.open(desk_db)
    article = chinese_article(room)
    room.close()
    window = open_window(desk_db, size=(1360, 800))
    _open_chinese_article(qtbot, window, article.id)
    qtbot.wait(50)

    for pane in (window.list_panel, window.editor, window.preview, window.side):
        assert pane.isVisible()
    credits = window.side.credits
    assert len(credits.rows()) == 4
    _credits_fit(window)
    viewport = credits.scroll_area.viewport()
    for row in credits.rows():  # all four rows on screen, not scrolled away
        top = row.mapTo(viewport, row.rect().topLeft()).y()
        bottom = row.mapTo(viewport, row.rect().bottomLeft()).y()
        assert top >= 0 and bottom < viewport.height(), row.role()
    _add_credit_on_screen(credits)
    _status_in_view(window)
    chips = {
        chip.name: chip for row in credits.rows() for chip in row.people._chips if chip.isVisible()
    }
    for name in ("王超", "岳弘彬", "牛镛", "严帅楠", "李挺"):
        assert not chips[name].label.is_elided(), name  # short names are whole
        assert chips[name].remove_button.isVisible()
    organisation = chips["中央广播电视总台新闻中心摄像组"]
    # Whole, or visibly shortened with the whole name in its tooltip: never cut off.
    label = organisation.label
    assert not label.is_elided() or (
        label.displayed_text().endswith("…") and label.toolTip() == label.text()
    )


def test_the_side_panel_folds_away_and_back_from_the_keyboard(qtbot, desk_db, open_window):
    window = open_window(desk_db, size=(1360, 800))
    editor_width = window.editor.width()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert not window.side.isVisible() and not window.actions.toggle_side.isChecked()
    qtbot.waitUntil(lambda: window.editor.width() > editor_width, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.side.isVisible() and window.actions.toggle_side.isChecked()


def test_what_was_folded_by_hand_stays_folded_after_a_restart(qtbot, desk_db, open_window):
    window = open_window(desk_db, size=(1360, 800))
    settings = window.settings
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.preview.isVisible()
    # The notes dragged small, to give the credits the room: so it stays too.
    total = sum(window.side.splitter.sizes())
    window.side.splitter.setSizes([total - 160, 160])
    dragged = window.side.splitter.sizes()
    window.close()
    window = open_window(desk_db, size=None, settings=settings)
    assert window.side.isVisible() and not window.preview.isVisible()
    assert window.size() == QSize(1360, 800)
    assert window.side.splitter.sizes() == dragged


# The same window in a child process on a screen of its own: first at 1× on a large
# screen, where it is made big and saved; then at 2× (QT_SCALE_FACTOR=2) on a laptop
# screen of 2,720×1,600 pixels, 1,360×800 in Qt's device-independent pixels.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from newsdesk.gui.main_window import MainWindow
    from newsdesk.newsroom import Newsroom

    db, ini, grow, shot = sys.argv[1], sys.argv[2], sys.argv[3] == "grow", sys.argv[4]
    app = QApplication([])
    newsroom = Newsroom.open(db)
    window = MainWindow(newsroom, db, "Mei Lin", QSettings(ini, QSettings.Format.IniFormat))
    window.show()
    if grow:
        window.setGeometry(60, 50, 2000, 1300)
    # The fields are made when first needed (an article shown): asked for now, they are
    # laid out as the window settles, as they would be for the first article opened.
    date = window.editor.fields.date_edit
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        app.processEvents()
    screen = window.screen()
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    if shot:
        window.grab().save(shot)
    print(json.dumps({
        "area": [area.x(), area.y(), area.width(), area.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "ratio": screen.devicePixelRatio(),
        "shown": sorted(
            name for name in ("list_panel", "editor", "preview", "side")
            if getattr(window, name).isVisible()
        ),
        "date_width": date.width(),
    }), flush=True)
    window.close()
    newsroom.close()
    """
)


def _run_child(tmp_path: Path, db: Path, *, screen: tuple[int, int], scale: int, grow: bool):
    config = tmp_path / f"screen-{scale}.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "s", "x": 0, "y": 0, "width": screen[0], "height": screen[1]}]}
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("QT_SCALE_FACTOR", None)
    if scale != 1:
        env["QT_SCALE_FACTOR"] = str(scale)
    shot = tmp_path / f"window-{scale}x.png"
    arguments = [str(db), str(tmp_path / "s.ini"), "grow" if grow else "keep", str(shot)]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.timeout(120)
def test_at_2x_scale_a_window_remembered_larger_comes_back_on_the_screen(tmp_path, desk_db):
    big = _run_child(tmp_path, desk_db, screen=(3840, 2160), scale=1, grow=True)
    assert big["frame"][2] >= 2000  # made big on the big screen, and remembered so
    small = _run_child(tmp_path, desk_db, screen=(2720, 1600), scale=2, grow=False)
    assert small["ratio"] == 2.0
    assert small["area"] == [0, 0, 1360, 800]  # device-independent pixels
    x, y, width, height = small["frame"]
    assert width <= 1360 and height <= 800, small
    assert x >= 0 and y >= 0 and x + width <= 1360 and y + height <= 800, small
    # And it is laid out for that size: list, editor and side panel, whole fields.
    assert {"list_panel", "editor"} <= set(small["shown"])
    assert small["date_width"] >= 150


def test_a_window_larger_than_the_screen_is_fitted_onto_it(qtbot, desk_db, open_window):
    window = open_window(desk_db, size=None)
    screen = window.screen().availableGeometry()
    window.setGeometry(-300, -200, screen.width() + 800, screen.height() + 600)
    window.close()
    settings = window.settings
    window = open_window(desk_db, size=None, settings=settings)
    frame = window.frameGeometry()
    assert screen.contains(frame), (frame, screen)


def test_credits_with_many_names_wrap_inside_the_row(qtbot, desk_db, open_window):
    names = tuple(f"记者{n}号" for n in range(1, 9))
    room = Newsroom.open(desk_db)
    article = room.create_article(
        Article(headline="多名记者", credits=[Credit("记者", names)]), actor="Mei Lin"
    )
    room.close()
    window = open_window(desk_db, size=(900, 600))
    _open_chinese_article(qtbot, window, article.id)
    qtbot.wait(50)
    _credits_fit(window)
    row = window.side.credits.rows()[0]
    assert row.people.names() == list(names)
    assert row.people.height() > 2 * row.role_combo.height()  # the chips took more lines


def test_a_headline_column_dragged_by_hand_keeps_its_width(qtbot, desk_db, open_window):
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    room = Newsroom.open(desk_db)
    chinese_article(room)
    room.close()
    window = open_window(desk_db, size=(1360, 800))
    qtbot.waitUntil(window.list_panel.view.isVisible, timeout=5000)
    header = window.list_panel.view.horizontalHeader()
    edge = header.sectionSize(0) - 1
    middle = header.height() // 2
    port = header.viewport()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(edge, middle))  # fmt: skip
    QTest.mouseMove(port, QPoint(edge - 60, middle))
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(edge - 60, middle))  # fmt: skip
    dragged = header.sectionSize(0)
    assert dragged < edge  # the drag took
    # The list pane made wider (its splitter handle dragged): the column stays.
    view = window.list_panel.view
    before = view.viewport().width()
    sizes = window.splitter.sizes()
    window.splitter.setSizes([sizes[0] + 120, sizes[1] - 120, *sizes[2:]])
    qtbot.waitUntil(lambda: view.viewport().width() > before + 60, timeout=2000)
    assert header.sectionSize(0) == dragged


def test_the_headline_column_follows_the_list_pane_until_dragged(qtbot, desk_db, open_window):
    room = Newsroom.open(desk_db)
    chinese_article(room)
    room.close()
    window = open_window(desk_db, size=(1360, 800))
    qtbot.waitUntil(window.list_panel.view.isVisible, timeout=5000)
    header = window.list_panel.view.horizontalHeader()
    view = window.list_panel.view
    before = header.sectionSize(0)
    sizes = window.splitter.sizes()
    window.splitter.setSizes([sizes[0] + 80, sizes[1] - 80, *sizes[2:]])
    qtbot.waitUntil(lambda: header.sectionSize(0) > before + 40, timeout=2000)
    _status_in_view(window)
    assert header.sectionSize(0) + header.sectionSize(1) <= view.viewport().width()
