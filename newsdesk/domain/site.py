"""The site profile: every label and setting a published page uses.

Labels are data, not code: a second site (the Chinese one, say) is a second profile.
The defaults reproduce the site's sample page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from newsdesk.domain.errors import InvalidInputError


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

    @property
    def default_section_path(self) -> list[str]:
        return split_section(self.default_section, self.breadcrumb_separator)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> SiteProfile:
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_setting(self, key: str, value: str) -> SiteProfile:
        """A copy with one setting changed, the value converted to the field's type."""
        fields = {f.name: f for f in dataclasses.fields(self)}
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
    breadcrumb_label="当前位置：",
    default_section="新闻 > 新闻",
    page_type_crumb="正文",
    source_label="来源：",
    service_email_label="统一服务邮箱：",
    copyright_label="版权所有@ ",
)
