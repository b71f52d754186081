// A tool's screen until it grows into a feature of its own (the list is in app/tools.js).

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { toolAt } from "../tools.js";

export const title = (ctx) => t(`tools.${toolAt(ctx.path).id}.title`);

export function render(ctx) {
  const tool = toolAt(ctx.path);
  const units = (ctx.user.editor_units || []).join(", ");
  return h("div", { class: "page" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t(`tools.${tool.id}.title`)),
    h("section", { class: "card empty" },
      h("div", { class: "empty-art empty-art-tool" }, icon(tool.icon, 40)),
      h("p", { class: "empty-text" }, t(`tools.${tool.id}.text`, { units }))));
}
