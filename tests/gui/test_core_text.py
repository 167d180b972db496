"""The core's refusals and checks, said by the app in Chinese by their stable names.

The core raises RuleViolation(rule, English message, **params); the app translates by
the rule's name and falls back to the English for a rule it does not know. Every rule
the core can raise is found in its source here (not listed by hand), so a new rule
without a translation fails this test by name.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from newsdesk.domain.article import Article, Credit, Person
from newsdesk.domain.checklist import CheckFailure
from newsdesk.domain.errors import ConflictError, RuleViolation
from newsdesk.domain.status import Status, UserRole
from newsdesk.domain.workflow import Action, check_create, check_edit, check_transition
from newsdesk.gui.i18n import core_text
from newsdesk.gui.i18n.core_text import check_message, refusal_text, status_name
from newsdesk.gui.i18n.language import choose_language, install_translations
from tests.gui.interface_text import english_words

ROOT = Path(__file__).resolve().parents[2]
REPORTER = Person("林美", frozenset({UserRole.REPORTER}))
PRODUCER = Person("唐睿", frozenset({UserRole.PRODUCER}))
WEB = Person("高伟", frozenset({UserRole.WEB}))


@pytest.fixture
def chinese(qapp, tmp_path, interface_in_english):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    choose_language(settings, "zh_CN")
    install_translations(settings)
    yield
    install_translations(interface_in_english)


def _article(status: Status, created_by: str = "林美") -> Article:
    return Article(
        id=7,
        headline="渡轮恢复运营",
        date=dt.date(2026, 9, 14),
        credits=[Credit("记者", ("林美",))],
        status=status,
        created_by=created_by,
    )


def _refusal(check) -> RuleViolation:
    with pytest.raises(RuleViolation) as caught:
        check()
    return caught.value


REFUSALS = {
    "web may not create": lambda: check_create(WEB),
    "web may not edit": lambda: check_edit(_article(Status.DRAFT), WEB),
    "archived": lambda: check_edit(_article(Status.ARCHIVED), REPORTER),
    "approve a draft": lambda: check_transition(_article(Status.DRAFT), Action.APPROVE, PRODUCER),
    "reporter approves": lambda: check_transition(
        _article(Status.SUBMITTED), Action.APPROVE, REPORTER
    ),
    "return without a comment": lambda: check_transition(
        _article(Status.SUBMITTED), Action.RETURN, PRODUCER
    ),
    "self-approval": lambda: check_transition(
        _article(Status.SUBMITTED, created_by="唐睿"), Action.APPROVE, PRODUCER
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_each_refusal_is_said_in_chinese_with_its_names(chinese, case):
    refusal = _refusal(REFUSALS[case])
    text = refusal_text(refusal)
    assert not english_words(text), f"{refusal.rule}: {text}"
    named = [v for k, v in refusal.params.items() if k in ("person", "article")]
    assert all(value in text for value in named), (text, refusal.params)


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_in_english_the_core_speaks_for_itself(qapp, case):
    refusal = _refusal(REFUSALS[case])
    assert refusal_text(refusal) == refusal.message


def test_a_rule_the_app_does_not_know_falls_back_to_the_core_english(chinese):
    refusal = RuleViolation("a-rule-from-a-newer-server", "the server refused this")
    assert refusal_text(refusal) == "the server refused this"
    # A known rule without the values its sentence names: the English too, not a gap.
    bare = RuleViolation("no-self-approval", "Tom created article 3 and so may not approve it")
    assert refusal_text(bare) == bare.message


def test_statuses_conflicts_and_checks_in_chinese(chinese):
    assert [status_name(s) for s in Status] == ["草稿", "已提交", "已批准", "已发布", "已归档"]
    conflict = refusal_text(ConflictError(7, 2, 3))
    assert "7" in conflict and not english_words(conflict)
    failure = CheckFailure(
        "headline-length", "the headline has 130 characters", {"length": "130", "limit": "120"}
    )
    assert check_message(failure) == "标题有 130 个字符，网站最多允许 120 个"


def _raised_rule_names() -> set[str]:
    """Every rule name a RuleViolation is raised with in the core: literal names, and
    f-string names as patterns (their {...} parts as wildcards)."""
    names: set[str] = set()
    for path in [
        *(ROOT / "newsdesk" / "domain").rglob("*.py"),
        *(ROOT / "newsdesk" / "newsroom").rglob("*.py"),
    ]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "RuleViolation"
                and node.args
            ):
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    names.add(first.value)
                elif isinstance(first, ast.JoinedStr):
                    names.add(
                        "".join(
                            part.value if isinstance(part, ast.Constant) else "{}"
                            for part in first.values
                        )
                    )
    return names


def _known(name: str) -> bool:
    if name in core_text.RULES:
        return True
    samples = [name.replace("{}", word) for word in ("submit", "approve", "draft")]
    samples.append(name.replace("{}", "producer-or-web", 1).replace("{}", "x"))
    return any(
        pattern.match(sample) for pattern, _ in core_text.RULE_FAMILIES for sample in samples
    )


def test_every_rule_the_core_raises_has_a_translation():
    names = _raised_rule_names()
    assert len(names) >= 10, names  # the walk found the core's rules
    unknown = sorted(n for n in names if not _known(n))
    assert not unknown, f"add these rules to newsdesk/gui/i18n/core_text.py RULES: {unknown}"


def test_the_rule_walk_can_fail():
    """The check above can fail: an unknown name is not 'known'."""
    assert not _known("a-rule-nobody-translated")
