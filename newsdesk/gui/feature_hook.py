"""PySide6's `__feature__` import hook, taken off as soon as PySide6 is loaded.

Loading PySide6 replaces `builtins.__import__` by its `__feature_import__`, which
serves `from __feature__ import snake_case, true_property`. Besides, after every
module imported from then on it reads that module's whole source file
(`inspect.getsource`) to see whether it names PySide6: at a start, 233 modules, 25-45
ms of CPU of each launch. newsdesk uses no `__feature__`, so the import function the
hook wraps is put back (PySide6 keeps it as `builtins.__orig_import__`); without
features selected, PySide6 treats every module as one that selected none, as before.

Imported first by gui/app.py, so the start's own imports run without the hook.
"""

from __future__ import annotations

import builtins

import PySide6.QtCore  # noqa: F401  (installs the hook, if this PySide6 has one)


def drop_feature_hook() -> bool:
    """Put back the import function under PySide6's feature hook; True if it was on."""
    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is None or wrapped is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = wrapped
    return True


drop_feature_hook()
