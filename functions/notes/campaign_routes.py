"""Campaign endpoints: list, open, change, the wall; display links; pausing big screens."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import campaigns, displays, views, walls
from .schemas import (
    CampaignChangeSchema,
    CampaignPageSchema,
    CampaignSchema,
    DisplayPageSchema,
    DisplaySchema,
    NotePageSchema,
    NotesQuerySchema,
    ShownCampaignSchema,
    WallQuerySchema,
)

blp = Blueprint("campaigns", __name__, url_prefix="/api/campaigns",
                description="Message campaigns and their walls.")


@blp.route("", methods=["GET"])
@blp.arguments(NotesQuerySchema, location="query")
@blp.response(200, CampaignPageSchema)
def listing(args):
    """Open campaigns first, then upcoming, then closed."""
    items, cursor = campaigns.page(adapters().store, current_user(), args.get("cursor"),
                                   args["limit"], now())
    return {"items": items, "cursor": cursor}


@blp.route("", methods=["POST"])
@may_refuse(403)
@blp.arguments(CampaignSchema)
@blp.response(201, ShownCampaignSchema)
def create(args):
    """Open a campaign (HR, admins)."""
    user = current_user()
    return campaigns.view(campaigns.create(adapters().store, user, args, now()), user, now())


@blp.route("/<campaign_id>", methods=["GET"])
@blp.response(200, ShownCampaignSchema)
def get(campaign_id):
    """One campaign."""
    return campaigns.view(campaigns.found(adapters().store, campaign_id), current_user(), now())


@blp.route("/<campaign_id>", methods=["PATCH"])
@may_refuse(403, 409)
@blp.arguments(CampaignChangeSchema)
@blp.response(200, ShownCampaignSchema)
def change(args, campaign_id):
    """Move the closing time, or close (or reopen) now (HR, admins)."""
    user = current_user()
    return campaigns.view(campaigns.change(adapters().store, user, campaign_id, args, now()),
                          user, now())


@blp.route("/<campaign_id>/notes", methods=["GET"])
@blp.arguments(WallQuerySchema, location="query")
@blp.response(200, NotePageSchema)
def wall(args, campaign_id):
    """The campaign's wall: its published notes, newest or most cheered first."""
    store, user = adapters().store, current_user()
    campaigns.found(store, campaign_id)
    notes, cursor = walls.page(store, campaign_id, args["sort"], args.get("cursor"),
                               args["limit"])
    return {"items": views.shown(store, user, notes), "cursor": cursor}


@blp.route("/<campaign_id>/pause", methods=["POST"])
@may_refuse(403)
@blp.response(204)
def pause(campaign_id):
    """Stop the campaign's big screens where they are (moderators)."""
    campaigns.set_paused(adapters().store, current_user(), campaign_id, True)


@blp.route("/<campaign_id>/pause", methods=["DELETE"])
@may_refuse(403)
@blp.response(204)
def resume(campaign_id):
    """Let the campaign's big screens go on (moderators)."""
    campaigns.set_paused(adapters().store, current_user(), campaign_id, False)


@blp.route("/<campaign_id>/displays", methods=["POST"])
@may_refuse(403)
@blp.arguments(DisplaySchema)
@blp.response(201, DisplaySchema)
def create_display(args, campaign_id):
    """A read-only link to the wall for a lobby screen (its URL is shown only now)."""
    return displays.create(adapters().store, current_user(), campaign_id, args["name"], now())


@blp.route("/<campaign_id>/displays", methods=["GET"])
@may_refuse(403)
@blp.response(200, DisplayPageSchema)
def list_displays(campaign_id):
    """The campaign's display links (without their URLs)."""
    return {"items": displays.listing(adapters().store, current_user(), campaign_id),
            "cursor": None}


@blp.route("/<campaign_id>/displays/<display_id>", methods=["DELETE"])
@may_refuse(403)
@blp.response(204)
def revoke_display(campaign_id, display_id):
    """Revoke a display link: the screen stops showing the wall at once."""
    displays.revoke(adapters().store, current_user(), campaign_id, display_id)
