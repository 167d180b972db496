"""Splitting a Markdown file into its metadata and its body, in any of the usual forms.

- YAML front matter (Jekyll, Hugo, Pandoc, ...): the file starts with a line `---`,
  the metadata ends at the next `---` or `...` line. Parsed with PyYAML's safe loader.
- TOML front matter (Hugo): between two `+++` lines. Parsed with `tomllib`.
- A Pelican header: `Key: value` lines up to the first blank line, continuation
  lines indented by four spaces or more. Parsed by Python-Markdown's own `meta`
  preprocessor, the one Pelican uses, so both read the same keys. The header may
  start with any key (`category: yeah` first is as good as `Title:`).

Keys are returned lower-cased; values as the parser gave them (YAML and TOML values
keep their types: lists, dates, booleans; a Pelican value is the list of its lines).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from types import SimpleNamespace

from newsdesk.domain.errors import InvalidInputError
from newsdesk.publish.importers import refusals

_PELICAN_KEY_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*:(\s|$)")
_CONTINUATION = re.compile(r"^ {4,}\S")
_YAML_OPEN = "---"
_YAML_CLOSE = ("---", "...")
_TOML_FENCE = "+++"


@dataclass
class FrontMatter:
    kind: str  # "yaml", "toml", "pelican" or "" (no metadata)
    meta: dict[str, object]
    body: str


def split_front_matter(text: str) -> FrontMatter:
    """The metadata and body of a Markdown file (raises InvalidInputError when the
    metadata cannot be parsed, naming the line)."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    first = lines[0].rstrip() if lines else ""
    if first == _YAML_OPEN:
        return _fenced(lines, _YAML_CLOSE, "yaml")
    if first == _TOML_FENCE:
        return _fenced(lines, (_TOML_FENCE,), "toml")
    if has_pelican_header(text):
        # Loaded for a Pelican header only: telling whether a file has one (every
        # file of an import is asked) needs none of Python-Markdown.
        from markdown.extensions.meta import MetaPreprocessor

        holder = SimpleNamespace(Meta={})
        rest = MetaPreprocessor(holder).run(list(lines))
        return FrontMatter("pelican", dict(holder.Meta), "\n".join(rest))
    return FrontMatter("", {}, text)


def has_pelican_header(text: str) -> bool:
    """True when the text opens with `Key: value` lines and then a blank line.

    One line with an unknown key (`Note: the figures are provisional.`) followed by
    text is prose; a known key (`Title:`, `Date:` ...) or two key lines make a header.
    """
    lines = text.removeprefix("\ufeff").split("\n")
    header: list[str] = []
    for line in lines:
        if not line.strip():
            break
        if _PELICAN_KEY_LINE.match(line) or (header and _CONTINUATION.match(line)):
            header.append(line)
            continue
        return False
    keys = [line.split(":", 1)[0].lower() for line in header if _PELICAN_KEY_LINE.match(line)]
    return bool(keys) and (len(keys) >= 2 or keys[0] in KNOWN_KEYS)


KNOWN_KEYS = frozenset(
    {
        "title",
        "date",
        "modified",
        "status",
        "author",
        "authors",
        "category",
        "tags",
        "slug",
        "summary",
        "lang",
        "kicker",
        "section",
        "source",
        "newsdesk-status",
        "credit",
        "image",
        "keywords",
        "description",
    }
)


def _fenced(lines: list[str], closers: tuple[str, ...], kind: str) -> FrontMatter:
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closers:
            source = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :]).lstrip("\n")
            return FrontMatter(kind, _parse(source, kind), body)
    fence = lines[0].rstrip()
    raise InvalidInputError(refusals.front_matter_not_closed(kind, fence))


def _parse(source: str, kind: str) -> dict[str, object]:
    if kind == "toml":
        try:
            data: object = tomllib.loads(source)
        except tomllib.TOMLDecodeError as exc:
            raise InvalidInputError(refusals.front_matter_invalid(kind, "", str(exc))) from None
    else:
        import yaml  # for the first YAML front matter only

        try:
            data = yaml.safe_load(source) if source.strip() else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
            raise InvalidInputError(refusals.front_matter_invalid(kind, where, problem)) from None
    if not isinstance(data, dict):
        raise InvalidInputError(refusals.front_matter_not_a_mapping(kind))
    return {str(key).lower(): value for key, value in data.items()}
