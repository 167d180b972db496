"""A save that started from an older revision is merged when the edits do not overlap,
on every engine: the merged text is the new revision, the audit log says it was merged
and from which revisions; overlapping edits are refused and nothing is written."""

from __future__ import annotations

import dataclasses

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.errors import ConflictError
from newsdesk.domain.merge import MergeConflict

MEI, TOM = "Mei Lin", "Tom Reed"
BODY = "The council met at nine.\n\nIt voted on the harbour.\n\nThe vote was close."


@pytest.fixture
def room(open_desks):
    desks = open_desks({MEI: ["reporter"], TOM: ["producer", "reporter"]})
    article = desks.create_article(
        Article(headline="Harbour vote", body=BODY, credits=[Credit("Reporter", (MEI,))]),
        actor=MEI,
    )
    return desks, article


def test_edits_of_different_paragraphs_become_one_merged_revision(room):
    desks, article = room
    tom = dataclasses.replace(article, body=BODY.replace("at nine", "at ten"))
    desks.save_article(tom, actor=TOM)  # revision 2
    mine = dataclasses.replace(
        article,
        headline="Harbour vote passes",
        body=BODY.replace("was close", "was 7 to 6"),
        credits=[Credit("Reporter", (MEI,)), Credit("Photography", (TOM,))],
    )
    saved = desks.merge_save(article.id, mine, actor=MEI, base_revision=1)
    assert saved.article.revision == 3
    assert saved.theirs.revision == 2
    stored = desks.article(article.id)
    assert stored.body == (
        "The council met at ten.\n\nIt voted on the harbour.\n\nThe vote was 7 to 6."
    )
    assert stored.headline == "Harbour vote passes"
    assert [c.role for c in stored.credits] == ["Reporter", "Photography"]
    assert saved.merge.summary(MEI, TOM) == (
        "paragraph 1 from Tom Reed; headline, the Photography credit and paragraph 3 from Mei Lin"
    )
    event = desks.audit_events(article.id)[-1]
    assert event.action == "merge" and event.actor == MEI and event.revision == 3
    assert "merged revision 2 (Tom Reed) with Mei Lin's edit of revision 1" in event.comment
    assert [r.revision for r in desks.revisions(article.id)] == [1, 2, 3]  # all kept


def test_a_merged_save_follows_the_headline_and_keeps_the_language_as_an_edit_does(room):
    """The address and language rules apply to what is saved, the merged article."""
    desks, article = room
    assert article.slug == "harbour-vote"
    desks.save_article(
        dataclasses.replace(article, body=BODY.replace("at nine", "at ten")), actor=TOM
    )
    mine = dataclasses.replace(article, headline="Harbour vote passes")
    desks.merge_save(article.id, mine, actor=MEI, base_revision=1)
    stored = desks.article(article.id)
    assert stored.slug == "harbour-vote-passes"
    assert stored.body.startswith("The council met at ten.")  # theirs, merged in
    assert stored.language == "en"


def test_overlapping_edits_are_refused_naming_the_paragraphs_and_nothing_is_written(room):
    desks, article = room
    desks.save_article(
        dataclasses.replace(article, body=BODY.replace("harbour", "new harbour")), actor=TOM
    )
    events = len(desks.audit_events())
    mine = dataclasses.replace(article, body=BODY.replace("harbour.", "harbour plan."))
    with pytest.raises(MergeConflict) as refused:
        desks.merge_save(article.id, mine, actor=MEI, base_revision=1)
    assert refused.value.merge.conflicts == ["paragraph 2"]
    assert "Tom Reed saved revision 2 since revision 1" in str(refused.value)
    assert "paragraph 2" in str(refused.value)
    assert desks.article(article.id).revision == 2
    assert len(desks.audit_events()) == events


def test_a_save_from_the_newest_revision_is_a_plain_edit(room):
    desks, article = room
    saved = desks.merge_save(
        article.id,
        dataclasses.replace(article, body=BODY + "\n\nMore."),
        actor=MEI,
        base_revision=1,
    )
    assert saved.merge is None and saved.article.revision == 2
    assert desks.audit_events(article.id)[-1].action == "edit"


def test_a_resolved_conflict_keeps_my_version_and_the_resolution_in_the_history(room):
    desks, article = room
    theirs = desks.save_article(
        dataclasses.replace(article, body=BODY.replace("harbour", "new harbour")), actor=TOM
    )
    mine = dataclasses.replace(article, body=BODY.replace("harbour.", "harbour plan."))
    resolved = dataclasses.replace(article, body=BODY.replace("harbour.", "new harbour plan."))
    stored = desks.save_resolution(
        article.id,
        mine,
        resolved,
        actor=MEI,
        theirs_revision=theirs.revision,
        summary="paragraph 2 both",
    )
    assert stored.revision == 4 and stored.body == resolved.body
    assert desks.revision(article.id, 3).body == mine.body  # mine, whole, kept
    events = desks.audit_events(article.id)[-2:]
    assert [e.action for e in events] == ["edit", "merge"]
    assert events[1].comment == "resolved a conflict with revision 2 (Tom Reed): paragraph 2 both"
    with pytest.raises(ConflictError):  # someone saved again meanwhile: nothing written
        desks.save_resolution(article.id, mine, resolved, actor=MEI, theirs_revision=2)
    assert desks.article(article.id).revision == 4
