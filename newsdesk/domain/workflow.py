"""Editorial rules: who may do what to an article, and what status follows.

These functions decide; they never write. The newsroom service asks them before every
change and the store then writes conditionally, so a rule cannot be skipped by any
front end (GUI, CLI, or a future server).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsdesk.domain.article import Article, Person
from newsdesk.domain.errors import RuleViolation
from newsdesk.domain.status import Status, UserRole


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"
    PUBLISH = "publish"
    ARCHIVE = "archive"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status
    roles: frozenset[UserRole]
    needs_comment: bool = False


_ALL_LIVE = frozenset({Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED})

TRANSITIONS: dict[Action, Transition] = {
    Action.SUBMIT: Transition(
        frozenset({Status.DRAFT}),
        Status.SUBMITTED,
        frozenset({UserRole.REPORTER, UserRole.PRODUCER}),
    ),
    Action.RETURN: Transition(
        frozenset({Status.SUBMITTED, Status.APPROVED}),
        Status.DRAFT,
        frozenset({UserRole.PRODUCER}),
        needs_comment=True,
    ),
    Action.APPROVE: Transition(
        frozenset({Status.SUBMITTED}), Status.APPROVED, frozenset({UserRole.PRODUCER})
    ),
    Action.PUBLISH: Transition(
        frozenset({Status.APPROVED}), Status.PUBLISHED, frozenset({UserRole.WEB})
    ),
    # Producers archive any article; an article's creator may archive their own too
    # (see check_transition).
    Action.ARCHIVE: Transition(_ALL_LIVE, Status.ARCHIVED, frozenset({UserRole.PRODUCER})),
}

EDITOR_ROLES = frozenset({UserRole.REPORTER, UserRole.PRODUCER})


def _role_names(roles: frozenset[UserRole]) -> str:
    return " or ".join(sorted(r.value for r in roles))


def check_create(person: Person) -> None:
    if not person.roles & EDITOR_ROLES:
        raise RuleViolation(
            "create-needs-reporter-or-producer",
            f"{person.name} may not create articles: only a reporter or producer may",
            person=person.name,
        )


def check_override(person: Person) -> None:
    if UserRole.PRODUCER not in person.roles:
        raise RuleViolation(
            "override-needs-producer",
            f"{person.name} may not override failed checks: only a producer may",
            person=person.name,
        )


def check_export(person: Person) -> None:
    """Exporting pages for the site is the web team's job (its export events tell the
    web team's queue which approved revision went out)."""
    if UserRole.WEB not in person.roles:
        raise RuleViolation(
            "export-needs-web",
            f"{person.name} may not export articles for the site: only the web team may"
            " (anyone may preview a page)",
            person=person.name,
        )


def check_site_settings(person: Person) -> None:
    if not person.roles & frozenset({UserRole.PRODUCER, UserRole.WEB}):
        raise RuleViolation(
            "site-settings-need-producer-or-web",
            f"{person.name} may not change the site profile: only a producer or web may",
            person=person.name,
        )


def check_edit(article: Article, person: Person) -> Status:
    """Allow an edit of content or credits, and return the status it leaves the article in.

    An edit of an approved or published article withdraws the approval: the article
    goes back to submitted, because approval is bound to the approved content.
    """
    if article.status is Status.ARCHIVED:
        raise RuleViolation(
            "archived-is-read-only",
            f"article {article.id} is archived and cannot be edited",
            article=article.id,
        )
    if not person.roles & EDITOR_ROLES:
        raise RuleViolation(
            "web-cannot-edit",
            f"{person.name} may not edit articles: only a reporter or producer may"
            " (the web team exports and publishes)",
            person=person.name,
        )
    if article.status in (Status.APPROVED, Status.PUBLISHED):
        return Status.SUBMITTED
    return article.status


def check_transition(article: Article, action: Action, person: Person, comment: str = "") -> Status:
    """Allow `action` on `article` by `person`, and return the status it leads to."""
    rule = TRANSITIONS[action]
    if article.status not in rule.sources:
        allowed = ", ".join(sorted(s.value for s in rule.sources))
        raise RuleViolation(
            f"{action.value}-not-from-{article.status.value}",
            f"cannot {action.value} article {article.id}: it is {article.status.value}"
            f" (allowed from: {allowed})",
            article=article.id,
            action=action.value,
            status=article.status.value,
            allowed=allowed,
        )
    if action is Action.ARCHIVE:
        if not (person.roles & rule.roles or article.created_by == person.name):
            raise RuleViolation(
                "archive-needs-producer-or-creator",
                f"{person.name} may not archive article {article.id}: only a producer or"
                f" its creator ({article.created_by}) may",
                person=person.name,
                article=article.id,
                creator=article.created_by,
            )
    elif not person.roles & rule.roles:
        raise RuleViolation(
            f"{action.value}-needs-{'-or-'.join(sorted(r.value for r in rule.roles))}",
            f"{person.name} may not {action.value} articles: only a {_role_names(rule.roles)} may",
            person=person.name,
            action=action.value,
        )
    if rule.needs_comment and not comment.strip():
        raise RuleViolation(
            f"{action.value}-needs-comment",
            f"a comment is required to {action.value} article {article.id}",
            article=article.id,
            action=action.value,
        )
    if action is Action.APPROVE and article.created_by == person.name:
        raise RuleViolation(
            "no-self-approval",
            f"{person.name} created article {article.id} and so may not approve it",
            person=person.name,
            article=article.id,
        )
    return rule.target


def refusals_by_action(article: Article, person: Person) -> dict[Action, RuleViolation | None]:
    """Each action with None when allowed, else the refusal (its rule and params let a
    front end say it in its own language)."""
    result: dict[Action, RuleViolation | None] = {}
    for action in Action:
        try:
            check_transition(article, action, person, comment="(checked)")
        except RuleViolation as refusal:
            result[action] = refusal
        else:
            result[action] = None
    return result


def allowed_actions(article: Article, person: Person) -> dict[Action, str | None]:
    """Each action with None when allowed, else the reason it is refused (for tooltips)."""
    return {
        action: None if refusal is None else str(refusal)
        for action, refusal in refusals_by_action(article, person).items()
    }


def check_delete(article: Article, person: Person, *, ever_submitted: bool) -> None:
    """Allow deleting a junk draft: only one never submitted, only by its creator. The
    article leaves every list; the audit log keeps its creation and its deletion."""
    if article.status is not Status.DRAFT or ever_submitted:
        raise RuleViolation(
            "delete-only-unsubmitted-drafts",
            f"article {article.id} was submitted once, so it stays in the newsroom"
            " (a producer or its creator may archive it)",
            article=article.id,
        )
    if article.created_by != person.name:
        raise RuleViolation(
            "delete-needs-creator",
            f"{person.name} may not delete article {article.id}: only its creator"
            f" ({article.created_by}) may delete a draft",
            person=person.name,
            article=article.id,
            creator=article.created_by,
        )


def check_slug_change(article: Article, person: Person, *, published: bool) -> None:
    """Allow changing the article's web address (its slug).

    Until the article is first published the address is the newsroom's own business:
    whoever may edit the article may change it (and it follows the headline). Once the
    site has carried it, links point at it: changing it is a deliberate act of a
    producer or the web team, and the old address keeps a redirect.
    """
    if article.status is Status.ARCHIVED:
        raise RuleViolation(
            "archived-is-read-only",
            f"article {article.id} is archived and cannot be changed",
            article=article.id,
        )
    if not published:
        if not person.roles & EDITOR_ROLES:
            raise RuleViolation(
                "slug-change-needs-reporter-or-producer",
                f"{person.name} may not change the address of article {article.id}: only a"
                " reporter or producer may",
                person=person.name,
                article=article.id,
            )
        return
    if not person.roles & frozenset({UserRole.PRODUCER, UserRole.WEB}):
        raise RuleViolation(
            "published-slug-change-needs-producer-or-web",
            f"article {article.id} was published under its address; only a producer or the"
            " web team may change it now (the old address then redirects to the new one)",
            article=article.id,
        )


def restored_approval(
    current: Article,
    new_content: dict,
    *,
    approved: Article | None,
    withdrawn_from: Status | None,
) -> Status | None:
    """The status a save gives back when it undoes an edit that withdrew the approval.

    While the approval is withdrawn (`withdrawn_from`: the status the withdrawing edit
    left, approved or published), a save whose content equals the approved revision's
    (`approved`) returns the article to that status; None otherwise.
    """
    if (
        current.status is not Status.SUBMITTED
        or approved is None
        or withdrawn_from not in (Status.APPROVED, Status.PUBLISHED)
        or approved.content() != new_content
    ):
        return None
    return withdrawn_from
