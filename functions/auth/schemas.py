"""Sign-in request and response shapes."""

from marshmallow import Schema, fields, pre_load, validate

from ..directory.schemas import ProfileSchema
from ..permissions import PERMISSIONS


class StartSchema(Schema):
    email = fields.Email(required=True, validate=validate.Length(max=254))

    @pre_load
    def normalise(self, data, **kwargs):
        if isinstance(data, dict) and isinstance(data.get("email"), str):
            data = {**data, "email": data["email"].strip().lower()}
        return data


class VerifySchema(StartSchema):
    code = fields.String(required=True, validate=validate.Regexp(
        r"^\d{6}$", error="Enter the 6 digits from the email."))


class StartedSchema(Schema):
    status = fields.String()


class PreferencesSchema(Schema):
    language = fields.String(required=True, validate=validate.OneOf(("en", "zh-CN")))


class MeSchema(ProfileSchema):
    """The signed-in person's profile, and what their roles let them do."""

    permissions = fields.List(fields.String(validate=validate.OneOf(sorted(PERMISSIONS))),
                              metadata={"description": "Sorted permission names (functions/"
                                        "permissions.py); the app shows what these allow.",
                                        "example": ["news.publish"]})
