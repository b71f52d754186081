"""Directory endpoints: HR imports the CSV and looks people up."""

from dataclasses import asdict

from flask_smorest import Blueprint

from .. import permissions
from ..api import may_refuse
from ..auth.sessions import current_user, require_permission
from ..errors import Forbidden, NotFound
from ..wiring import now, store
from . import changes, service
from .schemas import (
    ChangePageSchema,
    ChangeQuerySchema,
    EmployeePageSchema,
    EmployeeQuerySchema,
    ImportResultSchema,
    ImportSchema,
    ProfileSchema,
)

blp = Blueprint("directory", __name__, url_prefix="/api/directory",
                description="Employees, their units, sites and roles.")


@blp.route("/import", methods=["POST"])
@may_refuse(403)
@blp.arguments(ImportSchema)
@blp.response(200, ImportResultSchema)
def import_directory(args):
    """Upsert employees from CSV; an invalid file is rejected whole, with errors by line."""
    actor = require_permission("directory.manage")
    return asdict(service.import_csv(store(), args["csv"], dry_run=args["dry_run"], actor=actor,
                                     now=now()))


@blp.route("/changes", methods=["GET"])
@may_refuse(403)
@blp.arguments(ChangeQuerySchema, location="query")
@blp.response(200, ChangePageSchema)
def list_changes(args):
    """Every change of someone's roles or email: who, when, before, after (admins)."""
    require_permission("directory.grant")
    items, cursor = changes.list_changes(store(), limit=args["limit"], cursor=args.get("cursor"))
    return {"items": items, "cursor": cursor}


@blp.route("/employees", methods=["GET"])
@may_refuse(403)
@blp.arguments(EmployeeQuerySchema, location="query")
@blp.response(200, EmployeePageSchema)
def list_employees(args):
    """Employees of one business unit or one site, by name, a page at a time."""
    require_permission("directory.manage")
    items, cursor = service.list_employees(store(), unit=args.get("unit"), site=args.get("site"),
                                           limit=args["limit"], cursor=args.get("cursor"))
    return {"items": items, "cursor": cursor}


@blp.route("/employees/<employee_id>", methods=["GET"])
@may_refuse(403)
@blp.response(200, ProfileSchema)
def get_employee(employee_id):
    """One employee's profile (HR and admins, or the person themself)."""
    if not permissions.may_see_profile(current_user(), employee_id):
        raise Forbidden()
    employee = service.get_employee(store(), employee_id)
    if employee is None:
        raise NotFound("employee_not_found")
    return employee
