"""create_app(config): picks adapters, registers one blueprint per capability."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

from flask import Flask

from . import api as edge
from . import idempotency
from .bootstrap import bootstrap
from .config import Config
from .routing import LazyBuildRule


def create_app(config: Config | Mapping | None = None, *, clock=time.time) -> Flask:
    """Build the app; a mapping is read like environment variables (tests pass one)."""
    if not isinstance(config, Config):
        config = Config.from_env(config)
    app = Flask(__name__, static_folder=None)
    app.url_rule_class = LazyBuildRule
    app.config.update(
        TOGETHER=config,
        API_TITLE="Together API",
        API_VERSION="1",
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH=None,
        MAX_CONTENT_LENGTH=8 * 1024 * 1024,  # API bodies; video goes straight to storage
    )
    app.json.sort_keys = False  # keep fields in schema order: easier to read
    app.extensions["together"] = bootstrap(config, clock=clock)
    logging.basicConfig(level=logging.INFO)

    api = edge.Api(app, spec_kwargs={"info": {"description": "Together: informed, connected "
                                              "and safe through a crisis."}})
    app.extensions["together_api"] = api
    if config.is_local:
        # First, so it runs last (after_request goes in reverse): idempotency keeps the answer
        # as JSON text, and a replay is compressed again.
        from .compress import install_json_gzip
        install_json_gzip(app)
    edge.install(app)
    idempotency.install(app)

    from .audiences.routes import blp as audiences_blp
    from .auth.routes import blp as auth_blp
    from .directory.routes import blp as directory_blp
    from .directory.search_routes import blp as people_blp
    from .healthpass.console_routes import blp as console_blp
    from .healthpass.pass_routes import blp as pass_blp
    from .healthpass.routes import blp as health_blp
    from .live_events.routes import blp as live_events_blp
    from .moderation.routes import blp as moderation_blp
    from .news.routes import blp as news_blp
    from .notes.campaign_routes import blp as campaigns_blp
    from .notes.moderation_routes import blp as notes_moderation_blp
    from .notes.routes import blp as notes_blp
    from .notes.wall_routes import blp as walls_blp
    from .notify.inbox_routes import inbox_blp, push_blp
    from .notify.routes import blp as notifications_blp
    from .stories.moderation_routes import blp as stories_moderation_blp
    from .stories.routes import blp as stories_blp
    from .system.routes import blp as system_blp
    from .tips.routes import blp as tips_blp
    from .videos.routes import blp as videos_blp

    for blp in (system_blp, auth_blp, directory_blp, health_blp, pass_blp, console_blp, videos_blp,
                news_blp, audiences_blp, push_blp, notifications_blp, inbox_blp, notes_blp,
                campaigns_blp, walls_blp, moderation_blp, notes_moderation_blp, people_blp,
                stories_blp, stories_moderation_blp, live_events_blp, tips_blp):
        api.register_blueprint(blp)

    if config.media == "local":
        from .media.local_routes import blp as local_media_blp
        api.register_blueprint(local_media_blp)

    if config.dev_routes:
        # Development-only routes: embedded, listening on loopback, and nowhere else.
        from .dev.routes import blp as dev_blp
        api.register_blueprint(dev_blp)
    if config.is_local:
        from .web import blp as web_blp
        app.register_blueprint(web_blp)

    from .cli import register as register_cli
    register_cli(app)
    return app
