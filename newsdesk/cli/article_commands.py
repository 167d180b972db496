"""Subcommands about articles: list, show, workflow actions, history."""

from __future__ import annotations

import argparse

from newsdesk.cli.context import open_newsroom, print_json
from newsdesk.domain.article import Article, ArticleSummary
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status


def article_to_json(article: Article) -> dict:
    return {
        "id": article.id,
        "slug": article.slug,
        "kicker": article.kicker,
        "headline": article.headline,
        "section": list(article.section),
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "language": article.language,
        "status": article.status.value,
        "revision": article.revision,
        "approved_revision": article.approved_revision,
        "body": article.body,
        "credits": [c.to_dict() for c in article.credits],
        "images": [i.to_dict() for i in article.images],
        "created_by": article.created_by,
        "created_at": article.created_at.isoformat() if article.created_at else None,
        "updated_at": article.updated_at.isoformat() if article.updated_at else None,
        "updated_by": article.updated_by,
    }


def summary_to_json(row: ArticleSummary) -> dict:
    return {
        "id": row.id,
        "kicker": row.kicker,
        "headline": row.headline,
        "status": row.status.value,
        "section": list(row.section),
        "reporters": list(row.reporters),
        "date": row.date.isoformat() if row.date else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
        "created_by": row.created_by,
        "revision": row.revision,
    }


def list_articles(args: argparse.Namespace) -> int:
    fields = {
        "status": Status.parse(args.status) if args.status else None,
        "search": args.search or "",
    }
    with open_newsroom(args) as newsroom:
        if args.waiting:
            query = newsroom.waiting_query(newsroom.person(args.actor), **fields)
        else:
            query = ArticleQuery(**fields)
        rows = newsroom.summaries(newsroom.find(query))
    if args.json:
        print_json([summary_to_json(r) for r in rows])
        return 0
    for r in rows:
        title = f"{r.kicker}丨{r.headline}" if r.kicker else r.headline
        date = r.date.isoformat() if r.date else "-"
        reporters = ", ".join(r.reporters) or "-"
        print(f"{r.id}\t{r.status.value}\t{date}\t{reporters}\t{title}")
    return 0


def show_article(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        article = newsroom.article(args.id)
    if args.json:
        print_json(article_to_json(article))
        return 0
    print(f"#{article.id} {article.title}")
    print(f"status: {article.status.value}, revision {article.revision}, by {article.created_by}")
    print(f"section: {' > '.join(article.section)}")
    print(f"date: {article.date.isoformat() if article.date else '-'}  source: {article.source}")
    for credit in article.credits:
        print(f"{credit.role}: {', '.join(credit.names)}")
    print()
    print(article.body)
    return 0


def transition(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        article = newsroom.transition(
            args.id,
            args.action,
            actor=args.actor,
            comment=args.comment,
            override=getattr(args, "override", None),
        )
    print(f"{article.id}\t{article.status.value}")
    return 0


def history(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        revisions = newsroom.revisions(args.id)
        events = newsroom.audit_events(args.id)
        comments = newsroom.comments(args.id)
    if args.json:
        print_json(
            {
                "id": args.id,
                "revisions": [
                    {
                        "revision": r.revision,
                        "saved_at": r.saved_at.isoformat(),
                        "saved_by": r.saved_by,
                        "status": r.status.value,
                        "note": r.note,
                    }
                    for r in revisions
                ],
                "events": [
                    {
                        "at": e.at.isoformat(),
                        "actor": e.actor,
                        "action": e.action,
                        "from": e.from_status,
                        "to": e.to_status,
                        "revision": e.revision,
                        "comment": e.comment,
                    }
                    for e in events
                ],
                "comments": [
                    {
                        "id": c.id,
                        "parent_id": c.parent_id,
                        "at": c.at,
                        "author": c.author,
                        "text": c.text,
                    }
                    for c in comments
                ],
            }
        )
        return 0
    print("revisions:")
    for r in revisions:
        print(
            f"  {r.revision}\t{r.saved_at:%Y-%m-%d %H:%M}\t{r.saved_by}\t{r.status.value}\t{r.note}"
        )
    print("events:")
    for e in events:
        change = f"{e.from_status or '-'} -> {e.to_status}" if e.to_status else ""
        comment = f"\t{e.comment}" if e.comment else ""
        print(f"  {e.at:%Y-%m-%d %H:%M}\t{e.actor}\t{e.action}\t{change}{comment}")
    return 0
