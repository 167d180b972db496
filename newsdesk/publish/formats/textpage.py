"""The article page in the site's text layout (see SITE-TEMPLATE.md), both ways.

Layout, line by line::

    {breadcrumb label}{section parts and page-type crumb joined by " > "}
    {kicker}{kicker separator}{headline}        (just the headline without a kicker)
    {YYYY-MM-DD} {source label}{source}
    (blank)
    {body paragraphs, a blank line between them}
    (blank)
    {credit lines `{Role}{sep}{names}`, a blank line between them}
    (blank)
    {service email label}{address}
    {copyright label}{domain}                   (no final newline)

Every label comes from the `SiteProfile`, so another site (the Chinese one) needs no
code change. Writing always produces exactly this layout; reading is lenient where
pages copied by hand differ (CRLF line ends, a leading byte-order mark, blank lines
around, several credit lines without blank lines between, a missing footer).

Reading decisions:

- Section: the breadcrumb's parts without the trailing page-type crumb (when present).
  An empty section is written as the site's default section.
- Kicker: the title is split at the first kicker separator: the site's own (丨 by
  default) or the fullwidth ｜, which Chinese pages use the same way, with any spaces
  around it. The ASCII `|` does not split a title, because English headlines use it
  in their wording; a kicker can therefore not contain a separator, and a headline
  without kicker cannot contain one either.
- Date line: `YYYY-MM-DD` then the source label and the source. A page of an article
  without a date has only `{source label}{source}` on that line.
- Credits: only at the end of the page, just before the footer, and only a run of
  lines `{Role}{sep}{names}` where `sep` is 丨, | or ｜ (or the site's separator) with
  or without spaces around it. The run must start with a role of the vocabulary;
  lines after it may carry other roles that look like a role label (a few words of
  letters). The names must look like names: letters, spaces and the punctuation names
  are written with, and no sentence punctuation at the end. Everything else, including
  a body paragraph that happens to contain 丨, stays body. Names are split with
  `split_names` (people the newsroom knows first). A role is stored with the label
  the page printed.
- Body: each paragraph is stored as Markdown through `plain_to_markdown`, so text that
  looks like Markdown stays literal; paragraphs are joined by a blank line.
- Footer: the service email line and the copyright line are recognised by their labels
  and are not body.
- Language: the site's language, unless the title clearly is in another: on a site
  whose language is not Chinese, a title whose letters are at least half Chinese
  characters makes the article `zh`; on a Chinese site, a title with Latin letters and
  no Chinese character makes it `en`. The body is not used: articles quoting the other
  language are normal here.

Writing: body paragraphs are the visible text of the rendered body
(`html_blocks_to_text(render_body(article.body))`), so the HTML page and the text page
agree by construction. Credit lines use the site's credit separator and the vocabulary
label in the site's language; names are joined by one space; a credit without names is
not printed. One-line fields (kicker, headline, source, section, names) have their
whitespace runs collapsed so the layout stays one field per line.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.names import is_han, split_names
from newsdesk.domain.site import SiteProfile, split_section
from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import (
    ASCII_WHITESPACE,
    html_blocks_to_text,
    normalize_space,
    plain_to_markdown,
)

logger = logging.getLogger(__name__)

# Credit separators a page may carry: the CJK vertical stroke U+4E28, the ASCII bar
# (left by translation) and the fullwidth bar U+FF5C.
CREDIT_SEPARATORS = ("丨", "|", "｜")
# Title separators: not the ASCII bar (see the module docstring).
KICKER_SEPARATORS = ("丨", "｜")

_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ROLE_LABEL_MAX_WORDS = 4
_ROLE_LABEL_MAX_CHARS = 30
_NAME_PUNCTUATION = frozenset(" ·・.-'’、，,;；")
_NOT_A_NAME_END = frozenset(".,;:、，；：")


# ---------------------------------------------------------------- writing


def write_text_page(
    article: Article,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    body_html: str | None = None,
) -> str:
    """The article as the site's text page, exactly in the site's layout.

    `body_html` is the body already rendered by `render_body` (the export's cache)."""
    vocabulary = CreditVocabulary() if vocabulary is None else vocabulary
    section = [normalize_space(part) for part in article.section if normalize_space(part)]
    crumbs = [*(section or site.default_section_path), site.page_type_crumb]
    breadcrumb = site.breadcrumb_label + site.breadcrumb_separator.join(crumbs)
    headline = normalize_space(article.headline)
    kicker = normalize_space(article.kicker)
    title = f"{kicker}{site.kicker_separator}{headline}" if kicker else headline
    source_part = f"{site.source_label}{normalize_space(article.source)}"
    meta = f"{article.date.isoformat()} {source_part}" if article.date else source_part
    paragraphs = html_blocks_to_text(render_body(article.body) if body_html is None else body_html)
    credit_lines = []
    for credit in article.credits:
        names = [normalize_space(name) for name in credit.names if normalize_space(name)]
        if not names:
            continue
        label = vocabulary.label(normalize_space(credit.role), site.language)
        credit_lines.append(f"{label}{site.credit_separator}{' '.join(names)}")
    footer = (
        f"{site.service_email_label}{site.service_email}\n"
        f"{site.copyright_label}{site.copyright_domain}"
    )
    head = "\n".join((breadcrumb, title, meta))
    return head + "\n\n" + "\n\n".join((*paragraphs, *credit_lines, footer))


# ---------------------------------------------------------------- reading


def read_text_page(
    text: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary | None = None,
    known_people: Iterable[str] = (),
) -> Article:
    """Read a page in the site's text layout into an Article (content fields only).

    Raises InvalidInputError, naming what is missing, for text in no known layout.
    """
    vocabulary = CreditVocabulary() if vocabulary is None else vocabulary
    known_people = tuple(known_people)
    lines = _lines(text)
    if not any(lines):
        raise InvalidInputError("not a text page: the text is empty")

    position = _skip_blank(lines, 0)
    breadcrumb = lines[position]
    if not breadcrumb.startswith(site.breadcrumb_label):
        raise InvalidInputError(
            f"not a text page: no breadcrumb line starting with {site.breadcrumb_label!r}"
            f" (the first line is {_preview(breadcrumb)!r})"
        )
    section = split_section(breadcrumb[len(site.breadcrumb_label) :], site.breadcrumb_separator)
    if section and section[-1] == site.page_type_crumb:
        section.pop()

    position += 1
    if position >= len(lines) or not lines[position]:
        raise InvalidInputError("not a text page: no title line after the breadcrumb")
    title = lines[position]
    kicker, headline = _split_title(title, site)
    if not headline:
        raise InvalidInputError(f"the title line {_preview(title)!r} has no headline")

    position += 1
    if position >= len(lines):
        raise InvalidInputError(
            f"not a text page: no date and {site.source_label!r} line after the title"
        )
    date, source = _parse_meta(lines[position], position + 1, site)

    rest = _drop_footer(lines[position + 1 :], site)
    body_blocks, credit_lines = _split_off_credits(_blocks(rest), vocabulary)
    credits = [_credit_from(line, known_people) for line in credit_lines]
    body = "\n\n".join(
        markdown
        for markdown in (plain_to_markdown(" ".join(block)) for block in body_blocks)
        if markdown
    )
    return Article(
        headline=headline,
        kicker=kicker,
        section=section,
        date=date,
        source=source,
        language=_page_language(title, site),
        body=body,
        credits=credits,
    )


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


def _split_title(title: str, site: SiteProfile) -> tuple[str, str]:
    separators = {site.kicker_separator, *KICKER_SEPARATORS} - {""}
    found = [(title.find(sep), sep) for sep in separators if sep in title]
    if not found:
        return "", title
    index, sep = min(found)
    kicker = title[:index].strip(ASCII_WHITESPACE)
    headline = title[index + len(sep) :].strip(ASCII_WHITESPACE)
    if not kicker:
        return "", headline
    return kicker, headline


def _parse_meta(line: str, line_number: int, site: SiteProfile) -> tuple[dt.date | None, str]:
    label = site.source_label
    if line.startswith(label):
        return None, line[len(label) :].strip(ASCII_WHITESPACE)
    date_text, _, after = line.partition(" ")
    after = after.lstrip(ASCII_WHITESPACE)
    if not _DATE_SHAPE.fullmatch(date_text) or not after.startswith(label):
        raise InvalidInputError(
            f"not a text page: line {line_number} should be 'YYYY-MM-DD {label}…'"
            f" (the date and the source), found {_preview(line)!r}"
        )
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        raise InvalidInputError(f"line {line_number}: {date_text!r} is not a valid date") from None
    return date, after[len(label) :].strip(ASCII_WHITESPACE)


def _drop_footer(lines: list[str], site: SiteProfile) -> list[str]:
    lines = list(lines)
    for label in (site.copyright_label, site.service_email_label):
        while lines and not lines[-1]:
            lines.pop()
        probe = label.strip(ASCII_WHITESPACE)
        if probe and lines and lines[-1].startswith(probe):
            lines.pop()
    return lines


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


@dataclass(frozen=True)
class _CreditLine:
    role: str
    names: str


def _parse_credit_line(line: str) -> _CreditLine | None:
    found = [(line.find(sep), sep) for sep in CREDIT_SEPARATORS if sep in line]
    if not found:
        return None
    index, sep = min(found)
    role = line[:index].strip(ASCII_WHITESPACE)
    names = line[index + len(sep) :].strip(ASCII_WHITESPACE)
    if not role or not names or not _looks_like_names(names):
        return None
    return _CreditLine(role, names)


def _looks_like_names(text: str) -> bool:
    if text[-1] in _NOT_A_NAME_END:
        return False
    return all(
        ch.isalpha() or ch in _NAME_PUNCTUATION or unicodedata.category(ch).startswith("M")
        for ch in text
    )


def _looks_like_role_label(role: str) -> bool:
    if len(role) > _ROLE_LABEL_MAX_CHARS or len(role.split()) > _ROLE_LABEL_MAX_WORDS:
        return False
    return role[0].isalpha() and all(ch.isalpha() or ch in " -&/" for ch in role)


def _split_off_credits(
    blocks: list[list[str]], vocabulary: CreditVocabulary
) -> tuple[list[list[str]], list[_CreditLine]]:
    """Body blocks and the credit lines at the end of the page."""
    start = len(blocks)
    # Walk up from the footer over blocks made only of credit-shaped lines ...
    while start > 0:
        parsed = [_parse_credit_line(line) for line in blocks[start - 1]]
        if not all(
            p is not None and (vocabulary.find(p.role) or _looks_like_role_label(p.role))
            for p in parsed
        ):
            break
        start -= 1
    body = blocks[:start]
    candidates = [line for block in blocks[start:] for line in block]
    # ... then make the credits begin at the first line whose role the vocabulary knows;
    # lines above it are body (a paragraph that merely contains a separator).
    for index, line in enumerate(candidates):
        parsed = _parse_credit_line(line)
        if parsed is not None and vocabulary.find(parsed.role):
            credits = [_parse_credit_line(rest) for rest in candidates[index:]]
            return body + [[text] for text in candidates[:index]], [c for c in credits if c]
    return body + [[text] for text in candidates], []


def _credit_from(line: _CreditLine, known_people: tuple[str, ...]) -> Credit:
    return Credit(role=line.role, names=tuple(split_names(line.names, known_people)))


def _page_language(title: str, site: SiteProfile) -> str:
    letters = [ch for ch in title if ch.isalpha()]
    han = sum(1 for ch in letters if is_han(ch))
    if site.language.lower().startswith("zh"):
        latin = any(ch.isascii() for ch in letters)
        return "en" if han == 0 and latin else site.language
    return "zh" if letters and han * 2 >= len(letters) else site.language
