"""The core's words in the interface's language: statuses, roles, actions, refusals.

The core (domain/, newsroom/) speaks English and knows no Qt. What it says to a person
carries a stable name: each RuleViolation its `rule` and `params`, each failed check
its `name` and `params`. The app translates by that name, here, and falls back to the
core's English sentence for a rule it does not know yet (a newer core, a server's own
rule), so a refusal is never lost for want of a translation.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from newsdesk.domain.checklist import CheckFailure
from newsdesk.domain.errors import ConflictError, RuleViolation
from newsdesk.domain.said import said_of
from newsdesk.gui.i18n.language import speaks_english
from newsdesk.gui.i18n.said_text import said_text

log = logging.getLogger(__name__)

_RULE_TAG = re.compile(r"\s*\[rule: [^\]]*\]$")

STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Status", "draft"),
    "submitted": QT_TRANSLATE_NOOP("Status", "submitted"),
    "approved": QT_TRANSLATE_NOOP("Status", "approved"),
    "published": QT_TRANSLATE_NOOP("Status", "published"),
    "archived": QT_TRANSLATE_NOOP("Status", "archived"),
}
ROLES = {
    "reporter": QT_TRANSLATE_NOOP("Role", "reporter"),
    "producer": QT_TRANSLATE_NOOP("Role", "producer"),
    "web": QT_TRANSLATE_NOOP("Role", "web"),
}
# How each language a site profile prints pages in is named (the editor's Language
# field, the import preview); filed under the field's form, where it was first shown.
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("FieldsForm", "English"),
    "zh": QT_TRANSLATE_NOOP("FieldsForm", "中文 (Chinese)"),
}
# The verbs, as a refusal uses them ("cannot submit ...").
ACTIONS = {
    "submit": QT_TRANSLATE_NOOP("Action", "submit"),
    "return": QT_TRANSLATE_NOOP("Action", "return"),
    "approve": QT_TRANSLATE_NOOP("Action", "approve"),
    "publish": QT_TRANSLATE_NOOP("Action", "publish"),
    "archive": QT_TRANSLATE_NOOP("Action", "archive"),
}

# rule name -> the sentence, with the RuleViolation's params as {placeholders}.
RULES = {
    "create-needs-reporter-or-producer": QT_TRANSLATE_NOOP(
        "Refusal", "{person} may not create articles: only a reporter or producer may"
    ),
    "override-needs-producer": QT_TRANSLATE_NOOP(
        "Refusal", "{person} may not override failed checks: only a producer may"
    ),
    "export-needs-web": QT_TRANSLATE_NOOP(
        "Refusal",
        "{person} may not export articles for the site: only the web team may"
        " (anyone may preview a page)",
    ),
    "site-settings-need-producer-or-web": QT_TRANSLATE_NOOP(
        "Refusal", "{person} may not change the site profile: only a producer or the web team may"
    ),
    "archived-is-read-only": QT_TRANSLATE_NOOP(
        "Refusal", "article {article} is archived and cannot be edited"
    ),
    "web-cannot-edit": QT_TRANSLATE_NOOP(
        "Refusal",
        "{person} may not edit articles: only a reporter or producer may"
        " (the web team exports and publishes)",
    ),
    "no-self-approval": QT_TRANSLATE_NOOP(
        "Refusal", "{person} created article {article} and so may not approve it"
    ),
    "headline-required": QT_TRANSLATE_NOOP("Refusal", "an article needs a headline"),
    "deactivated-people-do-not-act": QT_TRANSLATE_NOOP(
        "Refusal",
        "{person} has been deactivated in this newsroom: their articles and credits stay,"
        " but they cannot act; someone who manages people can activate them again"
        " (File › People…)",
    ),
    "nobody-deactivates-themselves": QT_TRANSLATE_NOOP(
        "Refusal", "{person} cannot deactivate themselves; another person of the newsroom can"
    ),
    "archive-needs-producer-or-creator": QT_TRANSLATE_NOOP(
        "Refusal",
        "{person} may not archive article {article}: only a producer or its creator"
        " ({creator}) may",
    ),
    "delete-only-unsubmitted-drafts": QT_TRANSLATE_NOOP(
        "Refusal",
        "article {article} was submitted once, so it stays in the newsroom (a producer or"
        " its creator may archive it)",
    ),
    "delete-needs-creator": QT_TRANSLATE_NOOP(
        "Refusal",
        "{person} may not delete article {article}: only its creator ({creator}) may delete"
        " a draft",
    ),
    "slug-change-needs-reporter-or-producer": QT_TRANSLATE_NOOP(
        "Refusal",
        "{person} may not change the address of article {article}: only a reporter or producer may",
    ),
    "published-slug-change-needs-producer-or-web": QT_TRANSLATE_NOOP(
        "Refusal",
        "article {article} was published under its address; only a producer or the web team"
        " may change it now (the old address then redirects to the new one)",
    ),
    "checklist": QT_TRANSLATE_NOOP(
        "Refusal",
        "cannot {action}: {count} of the checks failed (a producer may override with a reason)",
    ),
    "desks-never-connect-as-owner": QT_TRANSLATE_NOOP(
        "Refusal",
        "the login {login} owns this newsroom database (or is a superuser), so the"
        " server's own rules would not hold for it; connect with a desk's own login",
    ),
    "login-belongs-to-a-person": QT_TRANSLATE_NOOP(
        "Refusal",
        "the login {login} belongs to no person of this newsroom; the database's owner"
        " links one to it",
    ),
    "act-as-your-login": QT_TRANSLATE_NOOP(
        "Refusal",
        "you are logged in as {login} ({person}), so you act as {person}, not {name};"
        " to act as them, log in as them",
    ),
    "people-are-added-by-the-owner": QT_TRANSLATE_NOOP(
        "Refusal",
        "{person} may not add or change people: the newsroom database's owner (or an"
        " administrator) does",
    ),
}
# Rule names made from an action (and a status or roles): pattern -> sentence.
RULE_FAMILIES = (
    (
        re.compile(r"^(?P<action>[a-z]+)-not-from-(?P<status>[a-z]+)$"),
        QT_TRANSLATE_NOOP(
            "Refusal", "cannot {action} article {article}: it is {status} (allowed from: {allowed})"
        ),
    ),
    (
        re.compile(r"^(?P<action>[a-z]+)-needs-comment$"),
        QT_TRANSLATE_NOOP("Refusal", "a comment is required to {action} article {article}"),
    ),
    (
        re.compile(r"^(?P<action>[a-z]+)-needs-(?P<roles>[a-z]+(-or-[a-z]+)*)$"),
        QT_TRANSLATE_NOOP("Refusal", "{person} may not {action} articles: only a {roles} may"),
    ),
)

# check name -> what a person reads for it (title) and what to fix (message).
CHECK_TITLES = {
    "headline": QT_TRANSLATE_NOOP("Check", "Headline"),
    "body": QT_TRANSLATE_NOOP("Check", "Text"),
    "headline-length": QT_TRANSLATE_NOOP("Check", "Headline length"),
    "reporter-credited": QT_TRANSLATE_NOOP("Check", "Reporter credited"),
    "empty-credit-row": QT_TRANSLATE_NOOP("Check", "No empty credit rows"),
    "date-set": QT_TRANSLATE_NOOP("Check", "Date set"),
    "link-schemes": QT_TRANSLATE_NOOP("Check", "Links are http(s) or mailto"),
    "image-text": QT_TRANSLATE_NOOP("Check", "Images have a caption or alt text"),
    "image-source": QT_TRANSLATE_NOOP("Check", "Images have a usable source"),
}
# (name, has params) -> message; "headline" has two sentences, told apart by params.
CHECK_MESSAGES = {
    ("headline", False): QT_TRANSLATE_NOOP("Check", "the article has no headline"),
    ("headline", True): QT_TRANSLATE_NOOP("Check", "the headline is still “{headline}”"),
    ("body", False): QT_TRANSLATE_NOOP("Check", "the article has no text"),
    ("headline-length", True): QT_TRANSLATE_NOOP(
        "Check", "the headline has {length} characters; the site allows {limit}"
    ),
    ("reporter-credited", False): QT_TRANSLATE_NOOP("Check", "no Reporter is credited"),
    ("empty-credit-row", True): QT_TRANSLATE_NOOP(
        "Check", "the credit row {label} has no role or no names"
    ),
    ("date-set", False): QT_TRANSLATE_NOOP("Check", "the publication date is not set"),
    ("link-schemes", True): QT_TRANSLATE_NOOP(
        "Check", "the link “{link}” is not http, https or mailto"
    ),
    ("image-source", True): QT_TRANSLATE_NOOP(
        "Check",
        "the image “{image}” has no usable source (an attached image's name or an http(s) address)",
    ),
    ("image-text", True): QT_TRANSLATE_NOOP(
        "Check", "the image “{image}” has no caption or alt text"
    ),
}


def _tr(context: str, text: str) -> str:
    # No plural forms here: lupdate marks plurals only in self.tr(), so counts in these
    # sentences are plain {count} placeholders.
    return QCoreApplication.translate(context, text)


def status_name(status: object) -> str:
    """A status as the interface calls it ("已提交" for submitted in Chinese)."""
    key = str(getattr(status, "value", status))
    return _tr("Status", STATUSES[key]) if key in STATUSES else key


def language_name(code: str) -> str:
    """A page language by name ("English", "中文 (Chinese)"); the code when unknown."""
    name = LANGUAGE_NAMES.get(code)
    return QCoreApplication.translate("FieldsForm", name) if name else code


def role_name(role: object) -> str:
    key = str(getattr(role, "value", role))
    return _tr("Role", ROLES[key]) if key in ROLES else key


def action_name(action: object) -> str:
    key = str(getattr(action, "value", action))
    return _tr("Action", ACTIONS[key]) if key in ACTIONS else key


def _or(names: list[str]) -> str:
    return QCoreApplication.translate("Refusal", " or ").join(names)


def english_reason(refusal: str | BaseException) -> str:
    """The core's own sentence, without the rule's tag."""
    text = refusal.message if isinstance(refusal, RuleViolation) else str(refusal)
    return _RULE_TAG.sub("", text)


def _rule_sentence(refusal: RuleViolation) -> str | None:
    params = dict(refusal.params)
    template = RULES.get(refusal.rule)
    if template is None:
        for pattern, family_template in RULE_FAMILIES:
            found = pattern.match(refusal.rule)
            if found:
                template = family_template
                params.update({k: v for k, v in found.groupdict().items() if v})
                break
    if template is None:
        return None
    shown = dict(params)
    if "action" in params:
        shown["action"] = action_name(params["action"])
    if "status" in params:
        shown["status"] = status_name(params["status"])
    if "allowed" in params:
        shown["allowed"] = QCoreApplication.translate("Refusal", ", ").join(
            status_name(s.strip()) for s in params["allowed"].split(",")
        )
    if "roles" in params:
        shown["roles"] = _or([role_name(r) for r in params["roles"].split("-or-")])
    if speaks_english():
        return None  # the interface speaks the core's language: its own words are best
    try:
        return _tr("Refusal", template).format(**shown)
    except (KeyError, IndexError, ValueError):
        # The core named a rule but not what this sentence needs: say it in English.
        log.info("refusal %s lacks what its translation names: %s", refusal.rule, params)
        return None


def refusal_text(refusal: str | BaseException) -> str:
    """A refusal or error from the core, as a sentence in the interface's language
    when the app knows its rule, else in the core's English."""
    if isinstance(refusal, RuleViolation):
        sentence = _rule_sentence(refusal)
        if sentence is not None:
            return sentence
    if isinstance(refusal, ConflictError) and not speaks_english():
        return QCoreApplication.translate(
            "Refusal",
            "article {article} was changed by someone else: you edited revision {expected},"
            " the newest is revision {actual}; nothing was overwritten",
        ).format(article=refusal.article_id, expected=refusal.expected, actual=refusal.actual)
    if said_of(refusal) is not None:  # named by the core: storage, addresses, imports
        return said_text(refusal)
    return english_reason(refusal)


def check_title(name: str) -> str:
    return _tr("Check", CHECK_TITLES[name]) if name in CHECK_TITLES else name


def check_message(failure: CheckFailure) -> str:
    """What to fix, in the interface's language (the core's English when unknown)."""
    template = CHECK_MESSAGES.get((failure.name, bool(failure.params)))
    if template is None:
        return failure.message
    params = dict(failure.params)
    if failure.name == "empty-credit-row":
        row = QCoreApplication.translate("Check", "row {row}").format(row=params.get("row", ""))
        params["label"] = params.get("role") or row
    if speaks_english():
        return failure.message  # the core's own sentence
    try:
        return _tr("Check", template).format(**params)
    except (KeyError, IndexError, ValueError):
        return failure.message


# What the audit log calls each event (AuditEvent.action), as the history lists it: in
# English its stored name, as `newsdesk history` prints it.
AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditAction", "create"),
    "edit": QT_TRANSLATE_NOOP("AuditAction", "edit"),
    "edit-after-approval": QT_TRANSLATE_NOOP("AuditAction", "edit-after-approval"),
    "merge": QT_TRANSLATE_NOOP("AuditAction", "merge"),
    "resolve": QT_TRANSLATE_NOOP("AuditAction", "resolve"),
    "revert": QT_TRANSLATE_NOOP("AuditAction", "revert"),
    "submit": QT_TRANSLATE_NOOP("AuditAction", "submit"),
    "return": QT_TRANSLATE_NOOP("AuditAction", "return"),
    "approve": QT_TRANSLATE_NOOP("AuditAction", "approve"),
    "publish": QT_TRANSLATE_NOOP("AuditAction", "publish"),
    "archive": QT_TRANSLATE_NOOP("AuditAction", "archive"),
    "export": QT_TRANSLATE_NOOP("AuditAction", "export"),
    "comment": QT_TRANSLATE_NOOP("AuditAction", "comment"),
    "override": QT_TRANSLATE_NOOP("AuditAction", "override"),
}


def audit_action_name(action: str) -> str:
    """An audit event's action as the history shows it (its stored name when unknown)."""
    return (
        QCoreApplication.translate("AuditAction", AUDIT_ACTIONS[action])
        if action in AUDIT_ACTIONS
        else action
    )


def revision_note(note: str) -> str:
    """A revision's note: the store writes "created" or the action's name when no one
    gave a comment (translated here); a comment someone wrote is shown as written."""
    if note == "created":
        return QCoreApplication.translate("AuditAction", "created")
    return audit_action_name(note) if note in AUDIT_ACTIONS else system_note(note)


def presence_text(presences, *, me: str = "") -> str:
    """Who else has an article open, as domain.presence.describe says it, in the
    interface's language ("林美正在编辑；高伟正在查看")."""
    from newsdesk.domain.presence import PresenceMode, describe

    if speaks_english():
        return describe(presences, me=me)
    you = QCoreApplication.translate("Presence", "You (at another desk)")
    sentences = {
        PresenceMode.EDITING: QCoreApplication.translate("Presence", "{who} is/are editing"),
        PresenceMode.VIEWING: QCoreApplication.translate("Presence", "{who} is/are viewing"),
    }
    said = []
    presences = list(presences)
    for mode, sentence in sentences.items():
        names = list(
            dict.fromkeys(you if p.person == me else p.person for p in presences if p.mode is mode)
        )
        if names:
            who = QCoreApplication.translate("Presence", ", ").join(names)
            said.append(sentence.format(who=who))
    return QCoreApplication.translate("Presence", "; ").join(said)


# Notes the newsroom itself writes into the history (stored with the revision or the
# audit event, so they stay English in the file): shown in the interface's language.
SYSTEM_NOTES = (
    (
        re.compile(
            r"^edited after (?P<status>approved|published): approval withdrawn,"
            r" needs approval again$"
        ),
        QT_TRANSLATE_NOOP(
            "SystemNote", "edited after {status}: approval withdrawn, needs approval again"
        ),
    ),
    (
        re.compile(
            r"^the text of approved revision (?P<revision>\d+) again: (?P<status>\w+) again$"
        ),
        QT_TRANSLATE_NOOP(
            "SystemNote", "the text of approved revision {revision} again: {status} again"
        ),
    ),
    (
        re.compile(r"^restored revision (?P<revision>\d+)$"),
        QT_TRANSLATE_NOOP("SystemNote", "restored revision {revision}"),
    ),
    (
        re.compile(r"^revision (?P<revision>\d+) to (?P<folder>.+)$"),
        QT_TRANSLATE_NOOP("SystemNote", "revision {revision} to {folder}"),
    ),
    (
        re.compile(
            r"^your version, kept when resolving a conflict with revision (?P<revision>\d+)$"
        ),
        QT_TRANSLATE_NOOP(
            "SystemNote", "your version, kept when resolving a conflict with revision {revision}"
        ),
    ),
)


def system_note(text: str) -> str:
    """A note the newsroom wrote (each part of a "; "-joined note on its own), in the
    interface's language; anything a person wrote stays as written."""
    if speaks_english() or not text:
        return text
    parts = []
    for part in text.split("; "):
        for pattern, template in SYSTEM_NOTES:
            found = pattern.match(part)
            if found:
                values = found.groupdict()
                if "status" in values:
                    values["status"] = status_name(values["status"])
                part = QCoreApplication.translate("SystemNote", template).format(**values)
                break
        parts.append(part)
    return QCoreApplication.translate("SystemNote", "; ").join(parts)
