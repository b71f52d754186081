"""URL rules that write their url_for code on first use (cold start: most rules never build)."""

from __future__ import annotations

from werkzeug.routing import Rule


class LazyBuildRule(Rule):
    """werkzeug compiles two URL builders per rule when the rule is added (ast + compile(), a
    third of create_app's time with sixty routes); these compile on the first url_for instead."""

    def _compile_builder(self, append_unknown: bool = True):
        compile_now = super()._compile_builder
        name = "_build_unknown" if append_unknown else "_build"

        def build_on_first_use(rule, **values):
            built = compile_now(append_unknown).__get__(rule, None)
            setattr(rule, name, built)  # two threads may both compile: the same code
            return built(**values)

        return build_on_first_use
