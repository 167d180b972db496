"""Which language an article is written in, told from its text.

A page prints the labels of its article's language (site.py), so the language must be
right without anyone setting it: it is told from the script. The site profiles know
English and Chinese, and between those the script decides (Han characters or not),
which needs no statistical model. A Latin text on a site whose language is neither
keeps the site's language: telling French from English is not the script's to say.
"""

from __future__ import annotations

from newsdesk.domain.names import is_han
from newsdesk.domain.site import primary_language


def detect_language(text: str, default: str) -> str:
    """`zh` for a text mostly in Han characters, `en` for one without any on a Chinese
    site, else `default` (the site's language; also for a text with no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    han = sum(1 for ch in letters if is_han(ch))
    if primary_language(default) == "zh":
        latin = any(ch.isascii() for ch in letters)
        return "en" if han == 0 and latin else default
    return "zh" if letters and han * 2 >= len(letters) else default


def article_text(headline: str, kicker: str, body: str) -> str:
    """The text an article's language is told from."""
    return "\n".join((kicker, headline, body))
