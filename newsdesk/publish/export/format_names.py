"""The export formats by name, their file names and aliases: what a command line or
a dialog needs to offer them, without loading the exporters themselves (Jinja,
Python-Markdown: most of a CLI start that exports nothing)."""

from __future__ import annotations

FORMAT_FILES: dict[str, str] = {
    "html": "{slug}.html",
    "text": "{slug}.txt",
    "ninjs": "{slug}.ninjs.json",
    "markdown": "{slug}.md",
}
FORMAT_ALIASES = {"md": "markdown", "txt": "text", "json": "ninjs"}
FORMAT_LABELS = {"html": "page", "text": "text", "ninjs": "ninjs", "markdown": "Markdown"}
