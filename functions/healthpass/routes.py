"""Health endpoints: declare, see one's status, rules, overrides, audit and HR's counts."""

import re

from flask_smorest import Blueprint

from .. import permissions
from ..api import may_refuse
from ..auth.sessions import current_user, require_permission
from ..days import day_of
from ..errors import Forbidden, NotFound
from ..i18n import t
from ..wiring import adapters, now, store, zone
from . import audit, rules, service
from .schemas import (
    AuditPageSchema,
    AuditQuerySchema,
    DayQuerySchema,
    DeclarationListSchema,
    DeclarationSchema,
    DeclaredSchema,
    HealthStatusSchema,
    HealthSummarySchema,
    OverriddenSchema,
    OverrideSchema,
    RulesInSchema,
    RulesQuerySchema,
    RulesSchema,
    SymptomListSchema,
)

blp = Blueprint("health", __name__, url_prefix="/api/health",
                description="Daily health declarations, status rules, overrides and counts.")
EMPLOYEE_ID = re.compile(r"^[A-Za-z0-9._-]{1,40}$")  # as the directory allows


@blp.route("/symptoms", methods=["GET"])
@blp.response(200, SymptomListSchema)
def symptoms():
    """The symptoms a declaration can name, with their words in every language."""
    return {"symptoms": [{"code": code, "labels": {lang: t(f"symptom_{code}", lang)
                                                   for lang in ("en", "zh-CN")}}
                         for code in rules.SYMPTOMS]}


@blp.route("/declarations", methods=["POST"])
@blp.arguments(DeclarationSchema)
@blp.response(201, DeclaredSchema)
def declare(args):
    """Today's declaration (a new one today replaces it); answers the resulting status."""
    return service.declare(store(), current_user(), args, now(), zone(), adapters().events)


@blp.route("/status", methods=["GET"])
@blp.response(200, HealthStatusSchema)
def status():
    """The signed-in person's own status now (null without a declaration today)."""
    answer = service.own_status(store(), current_user(), now(), zone())
    answer["message"] = t(f"status_{answer['status'] or 'none'}")
    return answer


@blp.route("/declarations/<employee_id>", methods=["GET"])
@may_refuse(403)
@blp.response(200, DeclarationListSchema)
def declarations(employee_id):
    """A person's declarations: their own, or anyone's for health officers (audited)."""
    user = current_user()
    if not permissions.may_read_declaration(user, employee_id):
        raise Forbidden()
    if not EMPLOYEE_ID.match(employee_id):
        raise NotFound("employee_not_found")  # no such id can exist: don't ask the store
    return {"employee_id": employee_id,
            "items": service.declarations(store(), user, employee_id, now(), zone())}


@blp.route("/rules", methods=["GET"])
@may_refuse(403, 404)
@blp.arguments(RulesQuerySchema, location="query")
@blp.response(200, RulesSchema)
def get_rules(args):
    """The status rules in force, or an older version (`?version=`; 0 is the built-in one)."""
    require_permission("health.rules")
    if "version" in args:
        return rules.version(store(), args["version"])
    return rules.current(store())


@blp.route("/rules", methods=["PUT"])
@may_refuse(403, 409)
@blp.arguments(RulesInSchema)
@blp.response(200, RulesSchema)
def put_rules(args):
    """Replace the rules: a new version, audited; declarations record the version they used."""
    return rules.replace(store(), require_permission("health.rules"), args, now(), zone())


@blp.route("/overrides", methods=["POST"])
@may_refuse(403, 404)
@blp.arguments(OverrideSchema)
@blp.response(201, OverriddenSchema)
def override(args):
    """A health officer sets one person's colour for some days, with a reason (audited)."""
    return service.override(store(), require_permission("health.oversee"), args, now(), zone(),
                            adapters().events)


@blp.route("/audit", methods=["GET"])
@may_refuse(403)
@blp.arguments(AuditQuerySchema, location="query")
@blp.response(200, AuditPageSchema)
def audit_log(args):
    """The audit log, newest first: one day, or about one person and/or of one kind (health
    officers). With both person and kind, a page may hold fewer than `limit` entries."""
    require_permission("health.oversee")
    page = {"limit": args["limit"], "cursor": args.get("cursor")}
    if "person" in args:
        items, cursor = audit.list_person(store(), args["person"], **page)
        if "kind" in args:
            items = [e for e in items if e["action"] == args["kind"]]
    elif "kind" in args:
        items, cursor = audit.list_kind(store(), args["kind"], **page)
    else:
        day = args.get("date") or day_of(now(), zone())
        items, cursor = audit.list_day(store(), day, **page)
        return {"date": day.isoformat(), "items": items, "cursor": cursor}
    return {"date": None, "items": items, "cursor": cursor}


@blp.route("/summary", methods=["GET"])
@may_refuse(403)
@blp.arguments(DayQuerySchema, location="query")
@blp.response(200, HealthSummarySchema)
def summary(args):
    """Counts of green, yellow and red declarations per site and unit for one day."""
    require_permission("health.summary")
    return service.summary(store(), args.get("date") or day_of(now(), zone()))
