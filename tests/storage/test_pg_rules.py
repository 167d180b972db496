"""The database itself enforces the rules: plain SQL with a desk's login, no newsdesk
code in between, is refused by PostgreSQL wherever the newsroom's rules say no."""

from __future__ import annotations

import dataclasses
import datetime as dt

import psycopg
import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.status import Status
from newsdesk.newsroom import Newsroom
from newsdesk.storage.postgres.schema import init_server

pytestmark = pytest.mark.usefixtures("pg_server")


@pytest.fixture
def team(pg_newsroom):
    """A newsroom with a reporter, a second reporter, a producer and a web editor, each
    with their own login, and one submitted article by the reporter."""
    for name, role in (
        ("Rita Vance", "reporter"),
        ("Sam Okafor", "reporter"),
        ("Pia Holm", "producer"),
        ("Wes Tan", "web"),
    ):
        pg_newsroom.add_person(name, [role])
    rita = Newsroom.open(pg_newsroom.url_as("Rita Vance"))
    try:
        article = rita.create_article(
            Article(
                headline="Library extends opening hours",
                date=dt.date(2026, 4, 1),
                body="The central library opens until ten.",
                credits=[Credit("Reporter", ("Rita Vance",))],
            ),
            actor="Rita Vance",
        )
        rita.transition(article.id, "submit", actor="Rita Vance")
    finally:
        rita.close()
    pg_newsroom.article_id = article.id
    return pg_newsroom


def _sql_as(team, person: str, statement: str, params=()) -> None:
    with psycopg.connect(team.url_as(person), autocommit=True) as conn:
        conn.execute(statement, params)


def _refused(team, person: str, statement: str, params=()) -> str:
    """Run `statement` as `person`'s login; it must be refused for want of privilege
    (42501); returns the server's message."""
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
        _sql_as(team, person, statement, params)
    return refused.value.diag.message_primary


def _row(team, statement: str, params=()):
    with psycopg.connect(team.url, autocommit=True) as conn:
        return conn.execute(statement, params).fetchone()


def test_a_reporter_cannot_approve_or_publish_by_sql(team):
    message = _refused(
        team,
        "Sam Okafor",
        "UPDATE articles SET status = 'approved', approved_revision = revision WHERE id = %s",
        [team.article_id],
    )
    assert "approve-needs-producer" in message
    message = _refused(
        team,
        "Sam Okafor",
        "UPDATE articles SET status = 'published', updated_by = 'Sam Okafor' WHERE id = %s",
        [team.article_id],
    )
    assert "cannot go from submitted to published" in message
    assert _row(team, "SELECT status FROM articles WHERE id = %s", [team.article_id]) == (
        "submitted",
    )


def test_a_reporter_cannot_approve_their_own_article_even_as_producer_by_sql(team):
    # Pia is a producer; an article she created she may not approve, SQL or not.
    pia = Newsroom.open(team.url_as("Pia Holm"))
    try:
        own = pia.create_article(
            Article(
                headline="Pia's own",
                date=dt.date(2026, 4, 2),
                body="A producer writes too.",
                credits=[Credit("Reporter", ("Pia Holm",))],
            ),
            actor="Pia Holm",
        )
        pia.transition(own.id, "submit", actor="Pia Holm")
    finally:
        pia.close()
    message = _refused(
        team,
        "Pia Holm",
        "UPDATE articles SET status = 'approved', approved_revision = revision,"
        " updated_by = 'Pia Holm' WHERE id = %s",
        [own.id],
    )
    assert "no-self-approval" in message


def test_a_producer_may_approve_by_sql_so_the_wall_is_the_role_not_sql(team):
    _sql_as(
        team,
        "Pia Holm",
        "UPDATE articles SET status = 'approved', approved_revision = revision,"
        " updated_by = 'Pia Holm' WHERE id = %s",
        [team.article_id],
    )
    assert _row(team, "SELECT status FROM articles WHERE id = %s", [team.article_id]) == (
        "approved",
    )
    # ... and the web team may publish it, but not edit what it says.
    _sql_as(
        team,
        "Wes Tan",
        "UPDATE articles SET status = 'published', updated_by = 'Wes Tan' WHERE id = %s",
        [team.article_id],
    )
    _refused(
        team,
        "Wes Tan",
        "UPDATE articles SET body = 'sneaky', updated_by = 'Wes Tan' WHERE id = %s",
        [team.article_id],
    )


def test_editing_an_approved_article_by_sql_must_withdraw_the_approval(team):
    _sql_as(
        team,
        "Pia Holm",
        "UPDATE articles SET status = 'approved', approved_revision = revision,"
        " updated_by = 'Pia Holm' WHERE id = %s",
        [team.article_id],
    )
    message = _refused(
        team,
        "Rita Vance",
        "UPDATE articles SET body = 'changed quietly', revision = revision + 1,"
        " updated_by = 'Rita Vance', content_updated_by = 'Rita Vance' WHERE id = %s",
        [team.article_id],
    )
    assert "edit-withdraws-approval" in message


def test_a_reporter_cannot_write_under_another_persons_name(team):
    aid = team.article_id
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _sql_as(
            team,
            "Rita Vance",
            "INSERT INTO comments (article_id, at, author, text) VALUES (%s, '', 'Pia Holm',"
            " 'Approved, says Pia')",
            [aid],
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _sql_as(
            team,
            "Rita Vance",
            "UPDATE articles SET updated_by = 'Pia Holm' WHERE id = %s",
            [aid],
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _sql_as(
            team,
            "Rita Vance",
            "INSERT INTO articles (slug, headline, status, revision, created_by, updated_by,"
            " content_updated_by) VALUES ('forged', 'Forged', 'draft', 1, 'Sam Okafor',"
            " 'Sam Okafor', 'Sam Okafor')",
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _sql_as(
            team,
            "Rita Vance",
            "INSERT INTO revisions (article_id, revision, saved_by, data)"
            " VALUES (%s, 99, 'Pia Holm', '\\x00')",
            [aid],
        )
    head_id, head_hash = _row(team, "SELECT id, hash FROM audit_head")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _sql_as(
            team,
            "Rita Vance",
            "INSERT INTO audit (id, actor, action, prev_hash, hash)"
            " VALUES (%s, 'Pia Holm', 'approve', %s, 'x')",
            [head_id + 1, head_hash],
        )
    # Nor may a desk insert an article already approved.
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _sql_as(
            team,
            "Rita Vance",
            "INSERT INTO articles (slug, headline, status, revision, created_by, updated_by,"
            " content_updated_by) VALUES ('pre-approved', 'Pre', 'approved', 1, 'Rita Vance',"
            " 'Rita Vance', 'Rita Vance')",
        )


@pytest.mark.parametrize(
    "table", ["articles", "revisions", "audit", "comments", "people", "settings", "images"]
)
def test_nobody_at_a_desk_deletes_anything(team, table):
    for person in ("Rita Vance", "Pia Holm", "Wes Tan"):
        message = _refused(team, person, f"DELETE FROM {table}")
        assert "permission denied" in message
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql_as(team, "Rita Vance", f"TRUNCATE {table}")


def test_the_audit_log_cannot_be_changed_or_removed(team):
    before = _row(team, "SELECT count(*), max(hash) FROM audit")
    for statement in (
        "UPDATE audit SET comment = 'nothing happened'",
        "UPDATE audit SET actor = 'Rita Vance' WHERE actor = 'Rita Vance'",
        "DELETE FROM audit WHERE action = 'submit'",
        "UPDATE audit_head SET hash = 'x'",
    ):
        for person in ("Rita Vance", "Pia Holm", "Wes Tan"):
            _refused(team, person, statement)
    assert _row(team, "SELECT count(*), max(hash) FROM audit") == before
    owner = Newsroom.open(team.url)
    try:
        assert owner.check() == []
    finally:
        owner.close()


def test_a_reporter_cannot_change_roles_people_or_the_site_profile(team):
    _refused(team, "Rita Vance", "UPDATE people SET roles = '[\"producer\"]'")
    _refused(
        team,
        "Rita Vance",
        "INSERT INTO people (name, roles, created_at, login) VALUES ('Eve', '[\"producer\"]',"
        " '', current_user)",
    )
    _refused(team, "Rita Vance", "UPDATE settings SET value = '{}' WHERE key = 'site_profile'")
    _refused(team, "Rita Vance", "ALTER TABLE articles DISABLE TRIGGER ALL")
    # The search index changes only together with a save of the article.
    message = _refused(
        team, "Rita Vance", "SELECT newsdesk_set_search(%s, '{}')", [team.article_id]
    )
    assert "search-follows-a-save" in message


def test_an_archived_article_cannot_be_revived_by_sql(team):
    _sql_as(
        team,
        "Pia Holm",
        "UPDATE articles SET status = 'archived', updated_by = 'Pia Holm' WHERE id = %s",
        [team.article_id],
    )
    message = _refused(
        team,
        "Pia Holm",
        "UPDATE articles SET status = 'draft', updated_by = 'Pia Holm' WHERE id = %s",
        [team.article_id],
    )
    assert "archived-is-read-only" in message


def test_the_newsroom_names_the_rule_the_server_refused(team):
    # The same refusal through the store: a RuleViolation naming the rule, nothing
    # written (the Python rules are bypassed here on purpose).
    from newsdesk.domain.errors import RuleViolation

    sam = Newsroom.open(team.url_as("Sam Okafor"))
    try:
        with pytest.raises(RuleViolation) as refused:
            sam.store.set_status(
                team.article_id,
                actor="Sam Okafor",
                action="approve",
                expected_status=Status.SUBMITTED,
                new_status=Status.APPROVED,
            )
        assert refused.value.rule == "approve-needs-producer"
        assert sam.article(team.article_id).status is Status.SUBMITTED
        assert [e.action for e in sam.audit_events(team.article_id)] == ["create", "submit"]
    finally:
        sam.close()


def test_two_newsrooms_on_one_server_keep_their_groups_apart(team, pg_server):
    from newsdesk.storage.open import init_server

    other_name = pg_server.unique_name("nd_other")
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{other_name}"')
    groups: list[str] = []
    try:
        report = init_server(pg_server.database_url(other_name))
        groups = list(report.group_roles.values())
        ours = _row(
            team, "SELECT array_agg(value ORDER BY key) FROM newsdesk_meta WHERE key LIKE '%%role'"
        )[0]
        assert set(ours).isdisjoint(report.group_roles.values())
        # Rita's login reads nothing in the other newsroom.
        with (
            pytest.raises(psycopg.errors.InsufficientPrivilege),
            psycopg.connect(
                pg_server.database_url(other_name, user=team.logins["Rita Vance"]),
                autocommit=True,
            ) as conn,
        ):
            conn.execute("SELECT * FROM articles")
    finally:
        with psycopg.connect(pg_server.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{other_name}" WITH (FORCE)')
            for role in groups:
                conn.execute(f'DROP ROLE "{role}"')


def _approve_and_withdraw(team) -> None:
    """Approve the team's article, then let its reporter edit it (approval withdrawn)."""
    _sql_as(
        team,
        "Pia Holm",
        "UPDATE articles SET status = 'approved', approved_revision = revision,"
        " updated_by = 'Pia Holm' WHERE id = %s",
        [team.article_id],
    )
    _sql_as(
        team,
        "Rita Vance",
        "UPDATE articles SET body = 'changed', revision = revision + 1, status = 'submitted',"
        " updated_by = 'Rita Vance', content_updated_by = 'Rita Vance' WHERE id = %s",
        [team.article_id],
    )


def test_an_approval_comes_back_by_sql_only_with_the_approved_text(team):
    _approve_and_withdraw(team)
    restore = (
        "UPDATE articles SET body = %s, revision = revision + 1, status = 'approved',"
        " approved_revision = revision + 1, updated_by = 'Rita Vance',"
        " content_updated_by = 'Rita Vance' WHERE id = %s"
    )
    message = _refused(team, "Rita Vance", restore, ["another text", team.article_id])
    assert "restore-needs-the-approved-text" in message
    _sql_as(team, "Rita Vance", restore, ["The central library opens until ten.", team.article_id])
    assert _row(
        team,
        "SELECT status, approved_revision, revision FROM articles WHERE id = %s",
        [team.article_id],
    ) == ("approved", 3, 3)


def test_server_init_knows_the_approved_text_of_articles_edited_before_schema_2(team):
    pia = Newsroom.open(team.url_as("Pia Holm"))
    rita = Newsroom.open(team.url_as("Rita Vance"))
    try:
        approved = pia.transition(team.article_id, "approve", actor="Pia Holm")
        rita.save_article(dataclasses.replace(approved, body="changed"), actor="Rita Vance")
        with psycopg.connect(team.url, autocommit=True) as owner:
            # As a database upgraded from schema 1 has it: no digest of the approved text.
            owner.execute("UPDATE articles SET approved_digest = NULL")
            init_server(owner)
        back = rita.save_article(rita.article(team.article_id), actor="Rita Vance")
        back = rita.save_article(dataclasses.replace(back, body=approved.body), actor="Rita Vance")
    finally:
        pia.close()
        rita.close()
    assert back.status is Status.APPROVED


def test_a_published_address_is_changed_by_sql_only_by_producer_or_web_keeping_it(team):
    _sql_as(
        team,
        "Pia Holm",
        "UPDATE articles SET status = 'approved', approved_revision = revision,"
        " updated_by = 'Pia Holm' WHERE id = %s",
        [team.article_id],
    )
    wes = Newsroom.open(team.url_as("Wes Tan"))
    try:
        wes.transition(team.article_id, "publish", actor="Wes Tan")
    finally:
        wes.close()
    rename = "UPDATE articles SET slug = 'library', updated_by = %s WHERE id = %s"
    keep = (
        "INSERT INTO former_slugs (article_id, slug, replaced_at, replaced_by, published)"
        " SELECT id, slug, 'now', %s, true FROM articles WHERE id = %s"
    )
    assert "published-slug-change-needs-producer-or-web" in _refused(
        team, "Rita Vance", rename, ["Rita Vance", team.article_id]
    )
    # Without keeping the former address (a redirect) even the web team is refused.
    assert "a-slug-change-keeps-the-former-slug" in _refused(
        team, "Wes Tan", rename, ["Wes Tan", team.article_id]
    )
    with psycopg.connect(team.url_as("Wes Tan")) as conn:
        conn.execute(keep, ["Wes Tan", team.article_id])
        conn.execute(rename, ["Wes Tan", team.article_id])
    assert _row(team, "SELECT slug FROM articles WHERE id = %s", [team.article_id]) == ("library",)


def test_only_a_never_submitted_draft_is_deleted_by_sql_and_only_by_its_creator(team):
    delete = (
        "INSERT INTO deleted_articles (article_id, deleted_at, deleted_by) VALUES (%s, 'now', %s)"
    )
    assert "delete-only-unsubmitted-drafts" in _refused(
        team, "Rita Vance", delete, [team.article_id, "Rita Vance"]
    )
    rita = Newsroom.open(team.url_as("Rita Vance"))
    try:
        junk = rita.create_article(
            Article(headline="Junk", credits=[Credit("Reporter", ("Rita Vance",))]),
            actor="Rita Vance",
        )
    finally:
        rita.close()
    assert "delete-needs-creator" in _refused(team, "Sam Okafor", delete, [junk.id, "Sam Okafor"])
    _sql_as(team, "Rita Vance", delete, [junk.id, "Rita Vance"])
    assert "deleted-is-gone" in _refused(
        team,
        "Rita Vance",
        "UPDATE articles SET headline = 'back', updated_by = 'Rita Vance' WHERE id = %s",
        [junk.id],
    )
