"""The OpenAPI document, built when first read rather than at start-up (a cold start)."""

from __future__ import annotations

import threading


class DocumentedOnFirstRead:
    """A flask-smorest Api mixin: register_blueprint routes at once, but turns the views'
    schemas into OpenAPI (a third of create_app's time) only when something reads `spec`."""

    def init_app(self, app, *args, **kwargs):
        self._documented_app = app
        super().init_app(app, *args, **kwargs)

    def register_blueprint(self, blp, *, parameters=None, **options):
        """flask-smorest's, less the documentation (done in `spec`, when first read)."""
        name = options.get("name", blp.name)
        app = self._documented_app
        app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        app.register_blueprint(blp, **options)
        self._undocumented.append((blp, name, parameters))

    @property
    def spec(self):
        spec = self._spec
        while self._undocumented:
            with self._document_lock:  # waitress threads may read the first document together
                if not self._undocumented:
                    break
                blp, name, parameters = self._undocumented[0]
                blp.register_views_in_doc(self, self._documented_app, spec, name=name,
                                          parameters=parameters)
                spec.tag({"name": name, "description": blp.description})
                self._undocumented.pop(0)
        return spec

    @spec.setter
    def spec(self, spec):
        # flask-smorest sets it once, in init_app, before any blueprint is registered.
        self._spec = spec
        self._undocumented = []
        self._document_lock = threading.Lock()
