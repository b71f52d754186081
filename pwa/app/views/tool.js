// The role tools listed in More, and their screens (each one grows into a feature of its own).

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";

export const TOOLS = [
  { id: "directory", path: "/tools/directory", roles: ["hr", "admin"], icon: "users" },
  { id: "publish", path: "/tools/publish", roles: ["editor", "hr", "admin"],
    icon: "megaphone" },
  { id: "health", path: "/tools/health", roles: ["health_officer"], icon: "activity" },
  { id: "scan", path: "/tools/scan", roles: ["guard"], icon: "scan" },
];

/** The tools this person's roles give them, in a stable order. */
export const toolsFor = (user) =>
  TOOLS.filter((tool) => tool.roles.some((role) => user?.roles?.includes(role)));

export const toolAt = (path) => TOOLS.find((tool) => tool.path === path);

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
