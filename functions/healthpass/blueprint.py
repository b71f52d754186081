"""The health blueprint object; views attach to it in routes.py and pass_routes.py."""

from flask_smorest import Blueprint

# cli_group=None: the rotation command is `flask rotate-pass-key`, not `flask health ...`.
blp = Blueprint("health", __name__, url_prefix="/api/health", cli_group=None,
                description="Daily health declarations, status rules and the health pass.")
