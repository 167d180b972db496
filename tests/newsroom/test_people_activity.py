"""Deactivating people: they keep their history and credits but cannot act, on every
engine; on a team base the server itself shuts their login out."""

from __future__ import annotations

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.errors import RuleViolation
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.changes import ChangeKind


@pytest.fixture
def newsroom_of(request, engine, tmp_path):
    """`newsroom_of(people)` -> (manager, desk_of): the Newsroom that manages people
    (a file's own; a team base's owner) and each person's own desk."""
    opened: list[Newsroom] = []

    def make(people: dict[str, list[str]]):
        if engine == "sqlite":
            path = tmp_path / "newsroom.db"
            manager = Newsroom.open(path)
            for name, roles in people.items():
                manager.add_person(name, roles)

            def desk_of(name: str) -> Newsroom:
                opened.append(Newsroom.open(path))
                return opened[-1]
        else:
            server = request.getfixturevalue("pg_newsroom")
            for name, roles in people.items():
                server.add_person(name, roles)
            manager = Newsroom.open(server.url)

            def desk_of(name: str) -> Newsroom:
                opened.append(Newsroom.open(server.url_as(name)))
                return opened[-1]

        opened.append(manager)
        return manager, desk_of

    yield make
    for room in opened:
        room.close()


def _story(name: str) -> Article:
    return Article(
        headline="Night buses run again", body="From Friday.", credits=[Credit("Reporter", (name,))]
    )


def test_a_deactivated_person_cannot_act_but_keeps_articles_and_credits(newsroom_of):
    manager, desk_of = newsroom_of({"Ana Costa": ["reporter"], "Ben Ode": ["producer"]})
    article = desk_of("Ana Costa").create_article(_story("Ana Costa"), actor="Ana Costa")
    heard = []
    manager.subscribe(heard.append)

    manager.set_person_active("Ana Costa", False, actor="Ben Ode")

    assert any(c.kind is ChangeKind.PEOPLE for changes in heard for c in changes.items)
    assert [p.name for p in manager.people(active_only=True)] == ["Ben Ode"]
    assert {p.name for p in manager.people()} == {"Ana Costa", "Ben Ode"}
    # A file's desk is refused by the newsroom's rule; a team base's login by the
    # server, which no longer lets it in at all.
    with pytest.raises(RuleViolation, match="deactivated") as refused:
        desk_of("Ana Costa").create_article(_story("Ana Costa"), actor="Ana Costa")
    assert refused.value.rule in {"deactivated-people-do-not-act", "login-in-no-group"}
    kept = desk_of("Ben Ode").article(article.id)
    assert kept.created_by == "Ana Costa" and kept.credits[0].names == ("Ana Costa",)

    manager.set_person_active("Ana Costa", True, actor="Ben Ode")
    assert desk_of("Ana Costa").create_article(_story("Ana Costa"), actor="Ana Costa").id


def test_nobody_deactivates_themselves(engine, tmp_path):
    if engine != "sqlite":
        pytest.skip("on a team base the owner, who is nobody's desk, deactivates people")
    room = Newsroom.open(tmp_path / "newsroom.db")
    room.add_person("Ana Costa", ["producer"])
    with pytest.raises(RuleViolation, match="cannot deactivate themselves"):
        room.set_person_active("Ana Costa", False, actor="Ana Costa")
    assert room.people()[0].active
    room.close()


def test_a_desk_login_may_not_deactivate_anyone(engine, pg_newsroom_if_team):
    if engine == "sqlite":
        pytest.skip("a newsroom file has no logins: any active person manages people")
    server = pg_newsroom_if_team
    server.add_person("Ana Costa", ["producer"])
    server.add_person("Ben Ode", ["reporter"])
    ana = Newsroom.open(server.url_as("Ana Costa"))
    try:
        with pytest.raises(RuleViolation, match="may not add or change people"):
            ana.set_person_active("Ben Ode", False, actor="Ana Costa")
    finally:
        ana.close()


@pytest.fixture
def pg_newsroom_if_team(request, engine):
    return request.getfixturevalue("pg_newsroom") if engine != "sqlite" else None
