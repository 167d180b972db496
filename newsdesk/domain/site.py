"""The site profile: every label and setting a published page uses.

Labels are data, not code. A profile carries one set of page labels per language: the
flat fields are those of its own `language`, `page_labels` those of every other
language it prints pages in. A page uses the set of its article's language
(`for_language`), so a Chinese article prints 当前位置：, 来源： on any site. Both
profiles ship ready with an English and a Chinese set; the defaults reproduce the
site's sample page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from newsdesk.domain.errors import InvalidInputError


@dataclass(frozen=True)
class PageLabels:
    """The words a page prints around the article, in one language."""

    breadcrumb_label: str
    page_type_crumb: str
    source_label: str
    service_email_label: str
    copyright_label: str
    default_section: str

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


LABEL_FIELDS = tuple(f.name for f in dataclasses.fields(PageLabels))

ENGLISH_LABELS = PageLabels(
    breadcrumb_label="current location:",
    page_type_crumb="text",
    source_label="source:",
    service_email_label="Unified Service Email:",
    copyright_label="Copyright@ ",
    default_section="news > news",
)
CHINESE_LABELS = PageLabels(
    breadcrumb_label="当前位置：",
    page_type_crumb="正文",
    source_label="来源：",
    service_email_label="统一服务邮箱：",
    copyright_label="版权所有@ ",
    default_section="新闻 > 新闻",
)


def primary_language(tag: str) -> str:
    """`zh` of `zh-CN`, `en` of `en_GB`: what label sets are chosen by."""
    return tag.replace("_", "-").split("-")[0].strip().lower()


@dataclass(frozen=True)
class SiteProfile:
    name: str = "default"
    site_name: str = "China News Online"
    base_url: str = "https://www.china-news-online.com"
    language: str = "en"
    breadcrumb_label: str = "current location:"
    breadcrumb_separator: str = " > "
    default_section: str = "news > news"
    page_type_crumb: str = "text"
    source_label: str = "source:"
    credit_separator: str = "丨"
    kicker_separator: str = "丨"
    service_email_label: str = "Unified Service Email:"
    service_email: str = "chinanewsonline@yeah.net"
    copyright_label: str = "Copyright@ "
    copyright_domain: str = "www.china-news-online.com"
    publisher: str = "China News Online"
    headline_max_length: int = 120
    # The label sets of the other languages pages are printed in: (language, labels).
    page_labels: tuple[tuple[str, PageLabels], ...] = (("zh", CHINESE_LABELS),)

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language this profile has page labels for, its own first."""
        own = primary_language(self.language)
        return (own, *(lang for lang, _ in self.page_labels if lang != own))

    def labels_for(self, language: str) -> PageLabels:
        """The page labels of `language`; the profile's own for a language it lacks."""
        wanted = primary_language(language or self.language)
        if wanted != primary_language(self.language):
            for lang, labels in self.page_labels:
                if lang == wanted:
                    return labels
        return PageLabels(**{name: getattr(self, name) for name in LABEL_FIELDS})

    def for_language(self, language: str) -> SiteProfile:
        """This profile as a page in `language` uses it: that language's labels in the
        flat fields (the other sets kept), everything else unchanged."""
        wanted = primary_language(language or self.language)
        if wanted == primary_language(self.language):
            return self
        own = (primary_language(self.language), self.labels_for(self.language))
        others = tuple(pair for pair in self.page_labels if pair[0] != wanted)
        return dataclasses.replace(
            self,
            language=language,
            page_labels=(own, *others),
            **self.labels_for(wanted).to_dict(),
        )

    @property
    def default_section_path(self) -> list[str]:
        return split_section(self.default_section, self.breadcrumb_separator)

    def to_dict(self) -> dict:
        names = [f.name for f in dataclasses.fields(self) if f.name != "page_labels"]
        data = {name: getattr(self, name) for name in names}
        data["page_labels"] = {lang: labels.to_dict() for lang, labels in self.page_labels}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> SiteProfile:
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "page_labels" in values:
            # A profile stored before label sets existed has none: it keeps the
            # shipped sets of the languages it does not print in itself.
            values["page_labels"] = tuple(
                (lang, PageLabels(**{n: str(labels.get(n, "")) for n in LABEL_FIELDS}))
                for lang, labels in dict(values["page_labels"]).items()
            )
        profile = cls(**values)
        if "page_labels" not in data:
            own = primary_language(profile.language)
            shipped = {"en": ENGLISH_LABELS, "zh": CHINESE_LABELS}
            profile = dataclasses.replace(
                profile,
                page_labels=tuple((lang, lab) for lang, lab in shipped.items() if lang != own),
            )
        return profile

    def with_setting(self, key: str, value: str) -> SiteProfile:
        """A copy with one setting changed, the value converted to the field's type.

        `LANG.LABEL` (`zh.source_label`) sets a label of another language's set (a new
        language starts from a copy of this profile's own labels)."""
        language, _, label = key.rpartition(".")
        if language:
            return self._with_label(language, label, value)
        if key == "language":
            # The labels go with the language: the set of the new one (when the profile
            # has it) becomes the profile's own, the old one's is kept under its code.
            if not primary_language(value).isalpha():
                raise InvalidInputError(f"{value!r} is not a language code such as zh or en")
            return self.for_language(value)
        fields = {f.name: f for f in dataclasses.fields(self) if f.name != "page_labels"}
        if key not in fields:
            raise InvalidInputError(
                f"unknown site setting {key!r} (known: {', '.join(sorted(fields))})"
            )
        current = getattr(self, key)
        if isinstance(current, int):
            try:
                converted: object = int(value)
            except ValueError:
                raise InvalidInputError(f"site setting {key} needs a whole number") from None
            if converted <= 0:
                raise InvalidInputError(f"site setting {key} must be positive")
        else:
            converted = value
        return dataclasses.replace(self, **{key: converted})

    def _with_label(self, language: str, label: str, value: str) -> SiteProfile:
        if label not in LABEL_FIELDS:
            raise InvalidInputError(
                f"unknown page label {label!r} (known: {', '.join(LABEL_FIELDS)})"
            )
        wanted = primary_language(language)
        if not wanted.isalpha():
            raise InvalidInputError(f"{language!r} is not a language code such as zh or en")
        if wanted == primary_language(self.language):
            return self.with_setting(label, value)
        labels = dataclasses.replace(self.labels_for(wanted), **{label: value})
        others = tuple(pair for pair in self.page_labels if pair[0] != wanted)
        return dataclasses.replace(self, page_labels=(*others, (wanted, labels)))


def split_section(path: str, separator: str = " > ") -> list[str]:
    """Split a breadcrumb section path such as `news > world` into its parts.

    The separator as pages write it (` > `, spaces included) splits first, so a part
    that itself contains `>` survives a written page; a path without it, typed by
    hand as `news>world`, is split at the bare `>`.
    """
    bare = separator.strip() or ">"
    parts = path.split(separator) if separator != bare and separator in path else path.split(bare)
    return [part.strip() for part in parts if part.strip()]


CHINESE_SITE = SiteProfile(
    name="zh",
    site_name="中新网",
    language="zh",
    **CHINESE_LABELS.to_dict(),
    page_labels=(("en", ENGLISH_LABELS),),
)
