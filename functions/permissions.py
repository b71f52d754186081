"""What each role may do: the one table of permissions, asked by services and views alike and
shown to the phone by GET /api/me, so no other module (nor the phone) keeps role lists."""

from __future__ import annotations

from .audiences.keys import unit_of
from .errors import Forbidden

PERMISSIONS = {
    "directory.manage": ("hr", "admin"),  # import the directory, look anyone up
    "news.publish": ("editor", "hr", "admin"),  # editors only inside their editor_units
    "news.manage": ("hr", "admin"),  # pin; publish company-wide, to sites and to any unit
    "videos.manage": ("hr", "admin"),  # see (and publish) a video someone else uploaded
    "health.oversee": ("health_officer",),  # others' declarations (audited), overrides, audit
    "health.rules": ("hr", "health_officer"),  # read and change the status rules
    "health.summary": ("hr", "health_officer"),  # colour counts per site and unit (no names)
    "pass.scan": ("guard",),  # verify passes, fetch revocations, log scans
    "pass.scan_summary": ("hr", "health_officer"),  # scan counts and latest scans of a site
    "notify.send": ("editor", "hr", "admin"),  # editors only inside their editor_units
    "notes.company": ("hr", "admin"),  # a note to the whole company outside a campaign
    "notes.campaigns": ("hr", "admin"),  # open and close campaigns, their display links
    "notes.moderate": ("hr", "admin"),  # moderation queues, blocked words, pause a wall
    "stories.moderate": ("editor", "hr", "admin"),  # release or reject; editors: their units
    "stories.hide": ("hr", "admin"),  # hide and restore released stories, reports; any unit
    "stories.settings": ("hr", "admin"),  # the recording limit and the topic tags
    "stories.feature": ("hr", "admin"),  # feature a story on Home
    "events.host": ("editor", "hr", "admin"),  # live events; editors: audiences in their units
    "tips.publish": ("editor", "hr", "admin"),  # publish, edit and withdraw tips and posters
    # grant or remove the powerful roles, change their holders' emails, read who changed what
    "directory.grant": ("admin",),
}
# Roles that reach other people's data or hand out roles: only an admin grants or removes them.
POWERFUL_ROLES = ("admin", "hr", "health_officer")


def _roles(user: dict) -> set[str]:
    return set(user.get("roles") or ())


def has(user: dict, name: str) -> bool:
    """Whether the person's roles give the permission (an unknown name is a bug: KeyError)."""
    return bool(_roles(user) & set(PERMISSIONS[name]))


def roles(user: dict) -> list[str]:
    """The person's roles, sorted (audiences of a role count and reach people by these)."""
    return sorted(_roles(user))


def of(user: dict) -> list[str]:
    """Every permission the person has, sorted (what /api/me shows)."""
    return sorted(name for name in PERMISSIONS if has(user, name))


def require(user: dict, name: str, message_key: str | None = None) -> dict:
    """The person, if they have the permission; Forbidden (403) otherwise."""
    if not has(user, name):
        raise Forbidden(message_key)
    return user


def _edits(user: dict, unit: str | None) -> bool:
    return unit is not None and has(user, "news.publish") and unit in (
        user.get("editor_units") or ())


def may_publish_to_unit(user: dict, unit: str) -> bool:
    """Whether a unit (or one of its departments) is an audience the person may choose."""
    return has(user, "news.manage") or _edits(user, unit)


def may_publish_to(user: dict, audience: dict) -> bool:
    """News managers publish anywhere; an editor only inside the units they edit."""
    return has(user, "news.manage") or _edits(user, unit_of(audience))


def may_notify(user: dict, audience: dict) -> bool:
    """HR and admins notify anyone; an editor only an audience inside a unit they edit."""
    if has(user, "news.manage") and has(user, "notify.send"):
        return True
    unit = unit_of(audience)
    return (unit is not None and has(user, "notify.send")
            and unit in (user.get("editor_units") or ()))


def may_note_to(user: dict, audience: dict) -> bool:
    """Anyone writes to a person, any unit, any site and their own department; the whole
    company needs notes.company (a campaign for the company is asked of the campaign)."""
    kind = audience["kind"]
    if kind == "company":
        return has(user, "notes.company")
    if kind == "department":
        return (audience["unit"], audience["department"]) == (
            user.get("business_unit"), user.get("department"))
    return kind in ("person", "unit", "site")


def may_manage_unit(user: dict, unit: str | None) -> bool:
    """A unit's items (or, with no unit, company-wide and site items) and who may list them."""
    return has(user, "news.manage") or _edits(user, unit)


def may_manage_news_item(user: dict, item: dict) -> bool:
    """Its author while still a publisher, news managers, and editors of the item's unit:
    permissions follow the current roles, so a demoted editor loses their old items too."""
    return ((item["author_id"] == user["id"] and has(user, "news.publish"))
            or may_manage_unit(user, unit_of(item["audience"])))


def may_moderate_story(user: dict, unit: str | None) -> bool:
    """Release or reject a story by someone of this unit: HR and admins any unit's (they may
    hide stories too), an editor only the units they edit."""
    edits = unit is not None and unit in (user.get("editor_units") or ())
    return has(user, "stories.moderate") and (has(user, "stories.hide") or edits)


def moderated_units(user: dict) -> list[str]:
    """The units whose stories an editor moderates (HR and admins: every unit)."""
    return sorted(user.get("editor_units") or ()) if has(user, "stories.moderate") else []


def may_host_event(user: dict, event: dict) -> bool:
    """A host named on the event, or events.host for its audience (editors: their units)."""
    return (user["id"] in {h["id"] for h in event.get("hosts") or ()}
            or (has(user, "events.host") and may_publish_to(user, event["audience"])))


def may_see_video(user: dict, video: dict) -> bool:
    return video["owner_id"] == user["id"] or has(user, "videos.manage")


def may_see_profile(user: dict, person_id: str) -> bool:
    return user["id"] == person_id or has(user, "directory.manage")


def may_read_declaration(user: dict, person_id: str) -> bool:
    """Everyone reads their own; health officers anyone's (the service audits that read)."""
    return user["id"] == person_id or has(user, "health.oversee")


def refused_directory_change(actor: dict | None, person_id: str, before: dict | None,
                             after: dict) -> str | None:
    """Why the actor may not make this change to a person's roles or email (a message key), or
    None. actor None is the operator at the server's console (CLI, seed): trusted."""
    if actor is None:
        return None
    old_roles = set(before["roles"]) if before else set()
    new_roles = set(after["roles"])
    if person_id == actor["id"] and old_roles != new_roles:
        return "roles_own"
    if (old_roles ^ new_roles) & set(POWERFUL_ROLES) and not has(actor, "directory.grant"):
        return "roles_admin_only"
    if (before and before["email"] != after["email"] and old_roles & set(POWERFUL_ROLES)
            and not has(actor, "directory.grant")):
        return "email_admin_only"
    return None
