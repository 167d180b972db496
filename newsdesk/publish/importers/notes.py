"""Every note and every reason an importer gives, each named (a `Said`), in one place.

An import report's notes and the reasons for what it left out are read by a person
in the import preview, in the interface's language: the app translates them by name
(gui/i18n/import_text.py) and the CLI prints the English. The readers (textpage,
markdown, ninjs, docx) call these functions rather than writing sentences, so a name
and its sentence cannot drift apart, and a new note is one function here plus its
translation.
"""

from __future__ import annotations

from newsdesk.domain.said import Said

# -- notes: decisions the person should know about ---------------------------------


def default_section(source: str, section: str) -> Said:
    """The file names no section, so the site's default is used. `source` says which
    kind of file: "bare-article", "markdown", "ninjs" or "word"."""
    sentence = {
        "bare-article": "no breadcrumb line: a bare article; the section is the site's default",
        "markdown": "no category in the metadata: the section is the site's default",
        "ninjs": "ninjs has no section: the section is the site's default",
        "word": "a Word document has no section: the section is the site's default",
    }[source]
    return Said(f"default-section-{source}", f"{sentence} ({section})", section=section)


def time_on_date_line_not_kept(time: str) -> Said:
    return Said(
        "time-on-date-line-not-kept",
        f"the time {time} on the date line is not kept (an article has a date only)",
        time=time,
    )


def time_of_date_not_kept(time: str) -> Said:
    return Said("time-of-date-not-kept", f"the time {time} of the date is not kept", time=time)


def no_site_footer() -> Said:
    return Said("no-site-footer", "the page has no site footer")


def headline_from_heading() -> Said:
    return Said(
        "headline-from-heading",
        "no title in the metadata: the headline is the body's first heading",
    )


def date_from_file_name(date: str) -> Said:
    return Said("date-from-file-name", f"the date {date} is taken from the file name", date=date)


def pelican_status(status: str) -> Said:
    """A Pelican status with no workflow status of its own ("hidden", "skip")."""
    if status == "hidden":
        return Said(
            "pelican-status-hidden",
            "Pelican status 'hidden' (published, not listed) is imported as published",
        )
    return Said(
        "pelican-status-skip", "Pelican status 'skip' (not rendered) is imported as a draft"
    )


def unknown_status(status: str) -> Said:
    return Said(
        "unknown-status",
        f"status {status!r} is not one we know: imported as a draft",
        status=status,
    )


def slug_lower_cased(slug: str, lowered: str) -> Said:
    return Said(
        "slug-lower-cased",
        f"the slug {slug!r} is lower-cased to {lowered!r}",
        slug=slug,
        lowered=lowered,
    )


def headline_of_role(role: str) -> Said:
    return Said(
        "headline-of-role",
        f"no main headline: the headline is the {role!r} one",
        role=role,
    )


def date_from_field(field: str) -> Said:
    return Said(
        "date-from-field",
        f"the date is {field} (its time of day is not kept)",
        field=field,
    )


def source_is_copyright_holder() -> Said:
    return Said("source-is-copyright-holder", "the source is the copyright holder")


def word_says(message: str) -> Said:
    """A message of mammoth, the Word reader (its own English)."""
    return Said("word-says", f"Word: {message}", message=message)


def tracked_changes(insertions: int, deletions: int) -> Said:
    return Said(
        "tracked-changes",
        f"the document has tracked changes ({insertions} insertion(s), {deletions}"
        " deletion(s)) that were never accepted or rejected: the text is imported as if"
        " all were accepted; check it against the document",
        insertions=insertions,
        deletions=deletions,
    )


def comments_not_imported(count: int) -> Said:
    return Said(
        "comments-not-imported",
        f"the document has {count} comment(s): comments are not imported; read them"
        " in the document",
        count=count,
    )


# -- why something was left out ------------------------------------------------------


def after_the_credits() -> Said:
    return Said("after-the-credits", "after the credits: neither credits nor body")


def link_text_kept() -> Said:
    return Said("link-text-kept", "not a web address: its text is kept")


def link_not_a_web_address() -> Said:
    return Said(
        "link-not-a-web-address",
        "not a web address: the page keeps the link's text, not the link",
    )


def image_without_source() -> Said:
    return Said(
        "image-without-source",
        "no usable source: the checklist names it and the page leaves it out",
    )


def image_not_on_the_web() -> Said:
    return Said("image-not-on-the-web", "not a web address the page can show")


def not_a_picture() -> Said:
    return Said("not-a-picture", "not a picture")


def no_rendition() -> Said:
    return Said("no-rendition", "no rendition with a web address")


def no_article_field() -> Said:
    return Said("no-article-field", "no article field for it")


def should_be_text(field: str) -> Said:
    return Said("should-be-text", f"{field} should be text", field=field)


def should_be_a_list(field: str) -> Said:
    return Said("should-be-a-list", f"{field} should be a list", field=field)


def not_a_date_time() -> Said:
    return Said("not-a-date-time", "not a date-time")


def unreadable_date() -> Said:
    return Said("unreadable-date", "not a date python-dateutil can read; no date is set")


def unsafe_slug() -> Said:
    return Said("unsafe-slug", "not safe as a file name; a slug is made from the headline")


def unusable_slugline() -> Said:
    return Said("unusable-slugline", "not usable as a slug")
