// One tip: its poster (inline) or its PDF (a link), then its text, in my language. Opened
// once, the service worker keeps it and its file for offline (tips-cache.js).

import { get } from "../api.js";
import { h } from "../dom.js";
import { localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { idIn } from "../routes.js";
import { text } from "../ui/event-card.js";
import { megabytes, tagName } from "../ui/tip-card.js";

export const title = () => t("tips.title");

export function render() {
  const id = idIn(location.pathname);
  const slot = h("div", { class: "page-stack" }, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  get(`/api/tips/${encodeURIComponent(id)}`).then((tip) => slot.replaceChildren(...tipPage(tip)), (error) => {
    slot.replaceChildren(h("p", { class: "card events-problem", role: "alert" },
      error.offline ? t("tips.notSaved") : error.message));
  });
  return h("div", { class: "page page-tip" },
    h("a", { href: "/tips", "data-link": true, class: "back-link" }, icon("back", 20), t("tips.back")),
    slot);
}

function tipPage(tip) {
  const heading = localized(tip.title);
  return [
    h("p", { class: "tip-kind" }, t(`tips.kind.${tip.kind}`)),
    text("h1", { class: "page-title tip-heading" }, tip.title),
    tip.file && file(tip.file, heading.text),
    text("div", { class: "card tip-body", dir: "auto" }, tip.body),
    tip.tags?.length > 0 && h("p", { class: "tip-tags" }, tip.tags.map((tag) => h("span", { class: "tip-tag" }, tagName(tag)))),
    h("p", { class: "hint tip-offline" }, icon("check", 18), t("tips.keptHere")),
  ].filter(Boolean);
}

function file(info, alt) {
  if (info.content_type === "application/pdf") {
    return h("a", { href: info.url, target: "_blank", rel: "noopener", class: "btn btn-secondary tip-pdf" },
      icon("download", 20), t("tips.pdf", { size: megabytes(info.size ?? 0) }));
  }
  return h("img", { class: "tip-poster", src: info.url, alt, width: info.width ?? null,
    height: info.height ?? null, decoding: "async" });
}
