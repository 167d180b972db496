"""Reading an article page in the site's text layout, as pages really come.

The layout (see formats/textpage.py and SITE-TEMPLATE.md) is breadcrumb, title, date
line, body, credits, footer. Pages copied from real sites vary, and this reader
accepts what was seen on them:

- Breadcrumb: `{label}{section parts} > {page-type crumb}`. A *bare article* (no
  breadcrumb: title, date line, paragraphs, credits) is accepted too; its section is
  the site's default and the report says so.
- Title: split at the first kicker separator (丨, ｜, the site's own) with any spaces
  around it. The ASCII `|` splits it too when it follows a short kicker (at most four
  words) and is not spaced on both sides: `Exclusive video|Talks in Moscow`,
  `Video |Floods recede`. A bar with spaces on both sides is headline wording
  (`Live | Votes are counted`). A headline without a kicker therefore cannot hold an
  unspaced `|` after its first few words: the page would read back with a kicker.
- Date line, after the title or after one blank line: `YYYY-MM-DD`, optionally a time
  (`10:30`, `08:47:59`), then a source label and the source. The label is the site's
  own or that of any known profile (`source:`, `来源：`, `来源:`). A line of only a
  date (and time) has an empty source; a page without a date has only the label and
  the source. A time is not kept (an article has a date), and the report says so.
- Body: every non-empty line is a paragraph (pages separate paragraphs by single
  line breaks as often as by blank lines), stored as Markdown through
  `plain_to_markdown`, so text that looks like Markdown stays literal.
- Credits, editor's notes and page chrome at the end: see `credits_block`. Names are
  split with `split_names` (people the newsroom knows first); a role keeps the label
  the page printed, alignment spaces removed (`监 制` -> `监制`).
- Footer: the service email and copyright lines of any known profile are not body.
- Language: the site's language unless the title clearly is in another (a title at
  least half Chinese on a non-Chinese site is `zh`; Latin letters and no Chinese on a
  Chinese site are `en`).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Iterable, Sequence

from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.language import detect_language
from newsdesk.domain.site import CHINESE_SITE, SiteProfile, split_section
from newsdesk.publish.importers import notes, refusals
from newsdesk.publish.importers.credits_block import find_credits
from newsdesk.publish.importers.report import ImportReport
from newsdesk.publish.markdown.plain_text import ASCII_WHITESPACE, plain_to_markdown

logger = logging.getLogger(__name__)

KICKER_SEPARATORS = ("丨", "｜")
_ASCII_KICKER_MAX_WORDS = 4
_DATE = r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
_TIME = r"(?:[ T\u3000]+(?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?))?"
_DATE_START = re.compile(_DATE + _TIME + r"(?=$|[\s\u3000]|[^\d:])")
# Source labels pages print, beyond those of the known site profiles.
_EXTRA_SOURCE_LABELS = ("source:", "Source:", "来源:", "来源：", "Source：")


def known_profiles(site: SiteProfile) -> list[SiteProfile]:
    """The site's own profile first, then the site in each other language it prints
    pages in, then the other profiles pages are known in."""
    return list(_known_profiles(site))


@functools.lru_cache(maxsize=8)
def _known_profiles(site: SiteProfile) -> tuple[SiteProfile, ...]:
    # Made once per profile (profiles are frozen): building the other languages'
    # profiles twice a file was a fifth of reading a text page.
    own = [site, *(site.for_language(lang) for lang in site.languages[1:])]
    return (*own, *(p for p in (SiteProfile(), CHINESE_SITE) if p not in own))


def read_text_page_report(
    text: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    known_people: Iterable[str] = (),
    source: str = "",
) -> ImportReport:
    """Read a page in the site's text layout (or a bare article) into an ImportReport.

    Raises InvalidInputError, naming what is missing, for text in no known layout.
    """
    vocabulary = CreditVocabulary() if vocabulary is None else vocabulary
    known_people = tuple(known_people)
    lines = _lines(text)
    if not any(lines):
        raise InvalidInputError(refusals.text_page_empty())
    report = ImportReport(source=source, format="text", article=Article(headline=""))
    profiles = known_profiles(site)

    position = _skip_blank(lines, 0)
    first = lines[position]
    # A page in another of the site's languages is read with that language's labels.
    site = next((p for p in profiles if first.startswith(p.breadcrumb_label)), site)
    if first.startswith(site.breadcrumb_label):
        section = split_section(first[len(site.breadcrumb_label) :], site.breadcrumb_separator)
        if section and section[-1] == site.page_type_crumb:
            section.pop()
        position += 1
        if position >= len(lines) or not lines[position]:
            raise InvalidInputError(refusals.no_title_after_breadcrumb())
    elif _is_bare_article(lines, position, profiles):
        section = site.default_section_path
        report.note(notes.default_section("bare-article", site.breadcrumb_separator.join(section)))
    else:
        raise InvalidInputError(refusals.no_breadcrumb(site.breadcrumb_label, _preview(first)))

    title = lines[position]
    kicker, headline = split_title(title, site)
    if not headline:
        raise InvalidInputError(refusals.title_without_headline(_preview(title)))

    position += 1
    if position + 1 < len(lines) and not lines[position] and lines[position + 1]:
        position += 1  # one blank line between the title and the date line
    if position >= len(lines) or not lines[position]:
        raise InvalidInputError(refusals.no_date_line(site.source_label))
    date, time, source_text = parse_date_line(lines[position], position + 1, site, profiles)
    if time:
        report.note(notes.time_on_date_line_not_kept(time))

    rest, footer_found = _drop_footer(lines[position + 1 :], profiles)
    if not footer_found and first.startswith(site.breadcrumb_label):
        report.note(notes.no_site_footer())
    block = find_credits([line for line in rest if line], vocabulary)
    for line in block.chrome:
        report.leave_out("page chrome", line, notes.after_the_credits())
    credits = [line.credit(known_people) for line in block.credits]
    report.unknown_roles = list(
        dict.fromkeys(line.role for line in block.credits if not line.known)
    )
    body = "\n\n".join(
        markdown for markdown in (plain_to_markdown(line) for line in block.body) if markdown
    )
    report.article = Article(
        headline=headline,
        kicker=kicker,
        section=section,
        date=date,
        source=source_text,
        language=page_language(title, site),
        body=body,
        credits=credits,
    )
    return report


def _lines(text: str) -> list[str]:
    # Split on line feeds only: str.splitlines would also split at U+2028 and friends,
    # which are text inside a paragraph.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip(ASCII_WHITESPACE) for line in text.split("\n")]


def _skip_blank(lines: list[str], position: int) -> int:
    while position < len(lines) and not lines[position]:
        position += 1
    return position


def _preview(line: str, limit: int = 60) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _source_labels(profiles: Sequence[SiteProfile]) -> list[str]:
    labels = [p.source_label for p in profiles] + list(_EXTRA_SOURCE_LABELS)
    # Longest first, so `来源：` is tried before a shorter label it starts with.
    return sorted({label for label in labels if label.strip()}, key=len, reverse=True)


def _is_bare_article(lines: list[str], position: int, profiles: Sequence[SiteProfile]) -> bool:
    """A title line followed (after at most one blank line) by a dated date line."""
    following = lines[position + 1 : position + 3]
    if not following:
        return False
    candidate = following[0] or (following[1] if len(following) > 1 else "")
    return bool(candidate) and bool(_DATE_START.match(candidate))


def is_bare_article(text: str, sites: Sequence[SiteProfile]) -> bool:
    """True for text that starts like a bare article: a title, then a dated line."""
    lines = _lines(text)
    position = _skip_blank(lines, 0)
    return position < len(lines) and _is_bare_article(lines, position, sites)


def split_title(title: str, site: SiteProfile) -> tuple[str, str]:
    """(kicker, headline) of a title line (see the module docstring)."""
    separators = {site.kicker_separator, *KICKER_SEPARATORS} - {""}
    found = [(title.find(sep), sep) for sep in separators if sep in title]
    if not found:
        bar = _ascii_kicker_bar(title)
        if bar is None:
            return "", title
        found = [(bar, "|")]
    index, sep = min(found)
    kicker = title[:index].strip(ASCII_WHITESPACE)
    headline = title[index + len(sep) :].strip(ASCII_WHITESPACE)
    if not kicker:
        return "", headline
    return kicker, headline


def _ascii_kicker_bar(title: str) -> int | None:
    index = title.find("|")
    if index <= 0 or index + 1 >= len(title):
        return None
    spaced_before = title[index - 1] == " "
    spaced_after = title[index + 1] == " "
    kicker = title[:index].strip()
    if (spaced_before and spaced_after) or not kicker:
        return None
    if len(kicker.split()) > _ASCII_KICKER_MAX_WORDS:
        return None
    if not any(ch.isalpha() for ch in kicker) or not any(ch.isalpha() for ch in title[index + 1 :]):
        return None
    return index


def parse_date_line(
    line: str, line_number: int, site: SiteProfile, profiles: Sequence[SiteProfile] = ()
) -> tuple[dt.date | None, str, str]:
    """(date, time as written or "", source) of a page's date line."""
    profiles = profiles or [site]
    labels = _source_labels(profiles)
    for label in labels:
        if line.startswith(label):
            return None, "", line[len(label) :].strip(ASCII_WHITESPACE)
    match = _DATE_START.match(line)
    # Only ASCII whitespace ends a line; an ideographic space may be the source's text.
    after = (
        line[match.end() :].lstrip(ASCII_WHITESPACE + "\u3000").rstrip(ASCII_WHITESPACE)
        if match
        else ""
    )
    label = next((label for label in labels if after.startswith(label)), None)
    if match is None or (after and label is None):
        raise InvalidInputError(
            refusals.bad_date_line(line_number, site.source_label, _preview(line))
        )
    try:
        date = dt.date.fromisoformat(match.group("date"))
    except ValueError:
        raise InvalidInputError(refusals.invalid_date(line_number, match.group("date"))) from None
    time = match.group("time") or ""
    if time:
        try:
            dt.time.fromisoformat(time.zfill(5) if len(time) == 4 else time)
        except ValueError:
            raise InvalidInputError(refusals.invalid_time(line_number, time)) from None
    source = after[len(label) :].strip(ASCII_WHITESPACE) if label else ""
    return date, time, source


def _drop_footer(lines: list[str], profiles: Sequence[SiteProfile]) -> tuple[list[str], bool]:
    lines = list(lines)
    labels = [
        label.strip(ASCII_WHITESPACE)
        for p in profiles
        for label in (p.copyright_label, p.service_email_label)
    ]
    found = False
    while True:
        while lines and not lines[-1]:
            lines.pop()
        if lines and any(label and lines[-1].startswith(label) for label in labels):
            lines.pop()
            found = True
            continue
        return lines, found


def page_language(title: str, site: SiteProfile) -> str:
    return detect_language(title, site.language)
