"""Video shapes: starting an upload, where it stands, and a video as a player sees it."""

from marshmallow import Schema, fields, validate

from ..paging import page_schema

PRINTABLE = validate.Regexp(r"^[^\x00-\x1f\x7f]+$", error="Use printable characters.")


class UploadRequestSchema(Schema):
    filename = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE])
    content_type = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE])
    size = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))


class PartSchema(Schema):
    part_number = fields.Integer()
    size = fields.Integer()
    url = fields.String(metadata={"description": "PUT the part's bytes here; keep the ETag."})


class UploadSchema(Schema):
    video_id = fields.String()
    status = fields.String()
    size = fields.Integer()
    part_size = fields.Integer()
    part_count = fields.Integer()
    parts_done = fields.List(fields.Integer())
    parts = fields.List(fields.Nested(PartSchema),
                        metadata={"description": "Parts still to send, each with a fresh URL."})
    url_expires_in = fields.Integer(metadata={"description": "Seconds the URLs stay valid."})


class PosterSchema(Schema):
    url = fields.String()
    width = fields.Integer()
    height = fields.Integer()


class RenditionSchema(Schema):
    name = fields.String(metadata={"description": "720p or 360p: pick by connection."})
    url = fields.String()
    width = fields.Integer()
    height = fields.Integer()


class PlaybackSchema(Schema):
    video_id = fields.String()
    status = fields.String(metadata={"description": "uploading, processing, ready or failed"})
    duration_s = fields.Float(allow_none=True)
    width = fields.Integer(allow_none=True)
    height = fields.Integer(allow_none=True)
    poster = fields.Nested(PosterSchema, allow_none=True)
    renditions = fields.List(fields.Nested(RenditionSchema))


class VideoSchema(PlaybackSchema):
    filename = fields.String()
    content_type = fields.String()
    size = fields.Integer()
    created_at = fields.Integer()
    news_id = fields.String(allow_none=True)
    reason = fields.String(allow_none=True, metadata={
        "description": "not_video, too_long, damaged, internal or abandoned"})
    reason_message = fields.String(allow_none=True)


class VideoListQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))


VideoPageSchema = page_schema(VideoSchema, "VideoPageSchema")
