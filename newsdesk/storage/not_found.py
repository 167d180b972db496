"""What either engine says when a thing asked for is not in the newsroom, named (Said).

One sentence per thing for both engines (SQLite and PostgreSQL), so the CLI prints the
same words whichever holds the newsroom and the app translates them by name
(gui/i18n/said_text.py): an article another desk deleted, a revision, a comment, an
image, a person.
"""

from __future__ import annotations

from newsdesk.domain.said import Said


def missing_article(article_id: int) -> Said:
    return Said("article-not-found", f"no article with id {article_id}", article=article_id)


def missing_revision(article_id: int, revision: int) -> Said:
    return Said(
        "revision-not-found",
        f"article {article_id} has no revision {revision}",
        article=article_id,
        revision=revision,
    )


def missing_comment(article_id: int, comment_id: int) -> Said:
    return Said(
        "comment-not-found",
        f"article {article_id} has no comment {comment_id}",
        article=article_id,
        comment=comment_id,
    )


def missing_image(sha256: str) -> Said:
    return Said("image-not-found", f"no image {sha256[:12]} in this database", image=sha256[:12])


def missing_person(name: str) -> Said:
    return Said(
        "person-not-found",
        f"no person named {name!r} in this newsroom (add one with "
        "`newsdesk users add NAME --role ROLE`)",
        person=name,
    )
