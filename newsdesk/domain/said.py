"""What the core says to a person, named so that a front end can say it in its language.

The core speaks English: the CLI prints its sentences as they are, and so do the logs.
A front end in another language (the app in Chinese) needs more than the sentence: a
stable name for what is said and the values it names. `Said` is that sentence: a `str`
(everything that joins, prints, logs or compares text goes on working, and the CLI
prints it unchanged) carrying `name` and `params`. The app looks the name up in its own
translations and falls back to the English text for a name it does not know.

A value in `params` may itself be a `Said` (the reason inside "cannot write to X: the
database is read-only, its folder is read-only"), so the inner part is translated too.
Text made from a `Said` by string operations is a plain `str` again: whatever builds a
sentence around one must make a new `Said` or accept that the result stays English.
"""

from __future__ import annotations

from collections.abc import Mapping


class Said(str):
    """An English sentence with a stable `name` and the values (`params`) it names."""

    name: str
    params: Mapping[str, str]

    def __new__(cls, name: str, text: str, /, **params: object) -> Said:
        said = super().__new__(cls, text)
        said.name = name
        # Values are kept as text (what a sentence shows); an inner Said stays one.
        said.params = {
            key: value if isinstance(value, str) else str(value) for key, value in params.items()
        }
        return said

    def __reduce__(self):
        # Crosses process boundaries (the start probe runs in a child process).
        return (_rebuild, (self.name, str(self), dict(self.params)))

    def __repr__(self) -> str:
        return f"Said({self.name!r}, {str(self)!r})"


def _rebuild(name: str, text: str, params: dict[str, str]) -> Said:
    return Said(name, text, **params)


def said_of(value: object) -> Said | None:
    """The `Said` a value is or carries (an exception raised with one), else None."""
    if isinstance(value, Said):
        return value
    if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Said):
        return value.args[0]
    return None
