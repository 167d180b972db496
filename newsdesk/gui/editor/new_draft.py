"""What a new article starts as in the app."""

from __future__ import annotations

import datetime as dt

from newsdesk.domain.article import Article, Credit, Person
from newsdesk.domain.checklist import PLACEHOLDER_HEADLINE
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import UserRole


def new_draft(site: SiteProfile, vocabulary: CreditVocabulary, person: Person) -> Article:
    """A draft in the site's language: the placeholder headline (the checklist refuses
    it), today's date, the site's default section, and a reporter credited with the
    Reporter label of that language (记者 on a Chinese site). Labels are never
    translated later: the article keeps the role it was written with."""
    credits = []
    if UserRole.REPORTER in person.roles:
        role = vocabulary.find("reporter")
        label = role.label(site.language) if role is not None else "Reporter"
        credits = [Credit(label, (person.name,))]
    return Article(
        headline=PLACEHOLDER_HEADLINE,
        section=site.default_section_path,
        date=dt.date.today(),
        language=site.language,
        credits=credits,
    )
