"""Directory shapes: a CSV row as HR writes it, and a profile as the API shows it."""

from marshmallow import Schema, ValidationError, fields, pre_load, validate, validates_schema

from ..paging import page_schema

ROLES = ("employee", "editor", "hr", "health_officer", "guard", "admin", "safety")
LANGUAGES = ("en", "zh-CN")
ID = validate.Regexp(r"^[A-Za-z0-9._-]{1,40}$",
                     error="Use 1-40 letters, digits, dots, dashes or underscores.")
NAME = validate.Length(min=1, max=80)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


class EmployeeRowSchema(Schema):
    """One line of the directory CSV; lists are separated by ';'."""

    id = fields.String(required=True, validate=ID)
    name = fields.String(required=True, validate=NAME)
    email = fields.Email(required=True, validate=validate.Length(max=254))
    business_unit = fields.String(required=True, validate=NAME)
    department = fields.String(required=True, validate=NAME)
    site = fields.String(required=True, validate=NAME)
    region = fields.String(required=True, validate=NAME)
    language = fields.String(load_default="en", validate=validate.OneOf(LANGUAGES))
    photo_url = fields.String(load_default=None, allow_none=True,
                              validate=validate.Regexp(r"^(https://|/)\S{1,500}$",
                                                       error="Use an https:// or /path URL."))
    phone = fields.String(load_default=None, allow_none=True, validate=validate.Regexp(
        r"^\+?[0-9 ()./-]{3,30}$", error="Use digits, spaces and + ( ) - . / only."))
    roles = fields.List(fields.String(validate=validate.OneOf(ROLES)), load_default=list)
    editor_units = fields.List(fields.String(validate=NAME), load_default=list)

    @pre_load
    def from_csv(self, row, **kwargs):
        """CSV gives strings: trim, drop empty optional cells, split the lists."""
        row = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items()}
        for optional in ("photo_url", "language", "phone"):
            if row.get(optional) == "":
                row.pop(optional)
        for listed in ("roles", "editor_units"):
            if isinstance(row.get(listed), str):
                row[listed] = _split(row[listed])
        if isinstance(row.get("email"), str):
            row["email"] = row["email"].lower()
        return row

    @validates_schema
    def editors_need_units(self, data, **kwargs):
        if "editor" in data.get("roles", []) and not data.get("editor_units"):
            raise ValidationError("An editor needs at least one unit in editor_units.",
                                  "editor_units")


class ImportSchema(Schema):
    csv = fields.String(required=True, validate=validate.Length(min=1, max=5_000_000))
    dry_run = fields.Boolean(load_default=False)


class ImportResultSchema(Schema):
    total = fields.Integer()
    created = fields.Integer()
    updated = fields.Integer()
    unchanged = fields.Integer()
    dry_run = fields.Boolean()


class ProfileSchema(Schema):
    id = fields.String()
    name = fields.String()
    email = fields.String()
    business_unit = fields.String()
    department = fields.String()
    site = fields.String()
    region = fields.String()
    language = fields.String()
    photo_url = fields.String(allow_none=True)
    phone = fields.String(allow_none=True, metadata={
        "description": "Shown to the person and to HR; to safety operators in check-ins."})
    roles = fields.List(fields.String())
    editor_units = fields.List(fields.String())


class EmployeeQuerySchema(Schema):
    unit = fields.String(validate=NAME)
    site = fields.String(validate=NAME)
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))

    @validates_schema
    def one_filter(self, data, **kwargs):
        if bool(data.get("unit")) == bool(data.get("site")):
            raise ValidationError("Give either unit or site.", "unit")


EmployeePageSchema = page_schema(ProfileSchema, "EmployeePageSchema")


class ChangeQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))


class WatchedSchema(Schema):
    roles = fields.List(fields.String())
    email = fields.String()


class ChangeSchema(Schema):
    at = fields.Integer()
    actor_id = fields.String(allow_none=True, metadata={
        "description": "Who made the change; null: the operator at the server's console."})
    actor_name = fields.String(allow_none=True)
    subject_id = fields.String()
    subject_name = fields.String()
    before = fields.Nested(WatchedSchema, allow_none=True, metadata={
        "description": "null: the person was new."})
    after = fields.Nested(WatchedSchema)


ChangePageSchema = page_schema(ChangeSchema, "DirectoryChangePageSchema")
