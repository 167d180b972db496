from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import CHINESE_SITE, SiteProfile
from newsdesk.gui.editor.fields_form import FieldsForm

STORY = Article(
    headline="Ferry service resumes on all routes",
    kicker="Update",
    section=["news", "regional"],
    date=dt.date(2025, 3, 4),
    source="Harbour Authority",
    body="The harbour reopened.\n",
    credits=[Credit("Reporter", ("Lin Qiao",))],
    id=42,
)


@pytest.fixture
def form(qtbot):
    widget = FieldsForm(headline_max_length=40)
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(edit, text)


def test_an_article_shows_and_comes_back_unchanged(form):
    changes = []
    form.fields_changed.connect(lambda: changes.append(True))
    form.set_article(STORY)
    assert changes == []
    assert form.section_edit.text() == "news > regional"
    assert form.date_edit.text() == "2025-03-04"
    assert form.values() == {
        "kicker": "Update",
        "headline": "Ferry service resumes on all routes",
        "section": ["news", "regional"],
        "date": dt.date(2025, 3, 4),
        "source": "Harbour Authority",
        "language": "en",
    }
    assert form.is_valid()
    assert form.apply_to(STORY) == STORY


def test_typed_fields_go_into_a_copy_of_the_article(form, qtbot, typer):
    form.set_article(STORY)
    changes = []
    form.fields_changed.connect(lambda: changes.append(True))
    retype(qtbot, form.headline_edit, "Night ferries added ")
    typer(form.headline_edit, "夜间渡轮")
    retype(qtbot, form.section_edit, "news > world > europe")
    retype(qtbot, form.source_edit, "")
    assert changes
    updated = form.apply_to(STORY)
    assert updated.headline == "Night ferries added 夜间渡轮"
    assert updated.section == ["news", "world", "europe"]
    assert updated.source == ""
    assert (updated.id, updated.body, updated.credits) == (STORY.id, STORY.body, STORY.credits)
    assert STORY.headline == "Ferry service resumes on all routes"  # the original is untouched


def test_headline_is_required(form, qtbot):
    form.set_article(STORY)
    validity = []
    form.validity_changed.connect(validity.append)
    retype(qtbot, form.headline_edit, "")
    message = form.messages["headline"]
    assert message.isVisible() and message.text() == "A headline is required."
    assert form.headline_edit.accessibleDescription() == "A headline is required."
    assert not form.is_valid() and validity == [False]
    with pytest.raises(InvalidInputError, match="headline is required"):
        form.apply_to(STORY)
    qtbot.keyClicks(form.headline_edit, "Back")
    assert not message.isVisible()
    assert validity == [False, True]


def test_headline_length_limit_is_counted_as_you_type(form, qtbot):
    form.set_article(STORY)
    retype(qtbot, form.headline_edit, "x" * 40)
    assert form.headline_counter.text() == "40 / 40"
    assert form.is_valid()
    qtbot.keyClicks(form.headline_edit, "yyy")
    assert form.headline_counter.text() == "43 / 40"
    assert form.messages["headline"].text() == (
        "The headline is 43 characters; the site allows 40. Shorten it by 3."
    )
    assert not form.is_valid()


def test_the_kicker_separator_may_not_be_typed_in_kicker_or_headline(form, qtbot, typer):
    form.set_article(STORY)
    typer(form.kicker_edit, "丨more")
    assert "cannot contain 丨" in form.messages["kicker"].text()
    assert not form.is_valid()
    form.kicker_edit.clear()
    assert form.is_valid()
    retype(qtbot, form.headline_edit, "Ferries")
    typer(form.headline_edit, "丨Second part")
    assert "Put the first part in the kicker field" in form.messages["headline"].text()
    assert not form.is_valid()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("news > world", ["news", "world"]),
        ("  news>world  ", ["news", "world"]),
        ("sport", ["sport"]),
    ],
)
def test_section_paths(form, qtbot, typed, expected):
    form.set_article(STORY)
    retype(qtbot, form.section_edit, typed)
    assert form.values()["section"] == expected
    assert form.is_valid()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "A section is required, e.g. news > world."),
        ("news > > world", "The section has an empty part"),
        ("news >", "The section has an empty part"),
    ],
)
def test_bad_section_paths(form, qtbot, typed, message):
    form.set_article(STORY)
    retype(qtbot, form.section_edit, typed)
    assert form.messages["section"].text().startswith(message)
    assert not form.is_valid()


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2025-13-01", "month must be in 1..12"),
        ("2025-02-30", "day is out of range"),
        ("May 16", ""),
    ],
)
def test_bad_dates_are_explained(form, qtbot, typed, reason):
    form.set_article(STORY)
    retype(qtbot, form.date_edit, typed)
    text = form.messages["date"].text()
    assert text.startswith(f"{typed} is not a date")
    assert reason in text
    assert "YYYY-MM-DD" in text
    assert form.values()["date"] is None
    assert not form.is_valid()


def test_no_date_is_allowed_and_compact_iso_dates_are_shown_as_the_page_prints_them(form, qtbot):
    form.set_article(STORY)
    retype(qtbot, form.date_edit, "")
    assert form.is_valid() and form.values()["date"] is None
    qtbot.keyClicks(form.date_edit, "20250516")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Tab)
    assert form.date_edit.text() == "2025-05-16"
    assert form.values()["date"] == dt.date(2025, 5, 16)


def test_the_calendar_sets_the_date_from_the_keyboard(form, qtbot):
    form.set_article(STORY)
    changes = []
    form.fields_changed.connect(lambda: changes.append(True))
    form.calendar_menu.popup(form.calendar_button.mapToGlobal(QPoint(0, 0)))
    qtbot.waitUntil(form.calendar.isVisible)
    assert form.calendar.selectedDate() == QDate(2025, 3, 4)
    view = form.calendar.focusWidget() or form.calendar
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert form.date_edit.text() == "2025-03-05"
    assert not form.calendar_menu.isVisible()
    assert changes


def test_rules_come_from_the_site_profile(qtbot):
    form = FieldsForm.for_site(SiteProfile(headline_max_length=10))
    qtbot.addWidget(form)
    form.set_article(Article(headline="Twelve chars", section=["a", "b"]))
    assert "allows 10" in form.messages["headline"].text()

    chinese = FieldsForm.for_site(CHINESE_SITE)
    qtbot.addWidget(chinese)
    chinese.set_article(Article(headline="渡轮恢复", section=["新闻", "国内"]))
    assert chinese.section_edit.text() == "新闻 > 国内"
    assert chinese.is_valid()


def test_every_field_has_an_accessible_name_and_a_label_shortcut(form):
    names = {name: edit.accessibleName() for name, edit in form.edits.items()}
    assert names == {
        "kicker": "Kicker",
        "headline": "Headline",
        "section": "Section",
        "date": "Date",
        "source": "Source",
    }
    assert form.calendar_button.accessibleName()
    assert form.headline_counter.accessibleName() == "Headline length"


def test_read_only(form, qtbot):
    form.set_article(STORY)
    form.set_read_only(True)
    form.headline_edit.setFocus()
    qtbot.keyClicks(form.headline_edit, "zzz")
    assert form.values()["headline"] == STORY.headline
    assert not form.calendar_button.isEnabled()


@pytest.mark.parametrize("typed", ["2025-13-01", "2025-02-30"])
def test_bad_dates_are_explained_in_chinese_without_pythons_words(chinese_interface, qtbot, typed):
    # Python's own reason ("month must be in 1..12") is English: the Chinese says it.
    from tests.gui.interface_text import english_words

    form = FieldsForm(headline_max_length=40)
    qtbot.addWidget(form)
    form.show()
    form.set_article(STORY)
    retype(qtbot, form.date_edit, typed)
    text = form.messages["date"].text()
    assert text.startswith(f"{typed} 不是有效的日期"), text
    assert not english_words(text, {"YYYY-MM-DD"}), text
