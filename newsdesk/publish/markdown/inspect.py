"""What a body links to and which images it shows, read before sanitizing.

The submit checklist needs the links and images as the reporter wrote them: the
sanitizer would already have dropped a bad link, hiding the problem from the
checklist instead of reporting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from newsdesk.publish.markdown.pipeline import render_markdown_unsafe


@dataclass(frozen=True)
class BodyImage:
    src: str
    alt: str
    caption: str


@dataclass(frozen=True)
class BodyReferences:
    links: tuple[str, ...]
    images: tuple[BodyImage, ...]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.images: list[dict] = []
        self._figure: list[dict] | None = None
        self._in_caption = False
        self._caption: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        elif tag == "img":
            image = {"src": values.get("src", ""), "alt": values.get("alt", ""), "caption": ""}
            self.images.append(image)
            if self._figure is not None:
                self._figure.append(image)
        elif tag == "figure":
            self._figure = []
        elif tag == "figcaption":
            self._in_caption = True
            self._caption = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption":
            self._in_caption = False
            caption = " ".join("".join(self._caption).split())
            for image in self._figure or []:
                image["caption"] = caption
        elif tag == "figure":
            self._figure = None

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self._caption.append(data)


def body_references(markdown_text: str) -> BodyReferences:
    collector = _Collector()
    collector.feed(render_markdown_unsafe(markdown_text))
    collector.close()
    return BodyReferences(
        links=tuple(collector.links),
        images=tuple(BodyImage(**image) for image in collector.images),
    )
