// The outbox as a person sees it: what is still on this phone, and what the server refused.

import { h, live } from "../dom.js";
import { formatAgo, has, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { showError } from "../toast.js";

export const labelOf = (entry) => (has(entry.label) ? t(entry.label) : entry.label || entry.url);

/** A section listing the outbox; it follows changes made anywhere (other tabs, the worker). */
export function outboxSection() {
  const list = h("div", { class: "outbox-list" });
  const section = h("section", { class: "section", "aria-labelledby": "outbox-title" },
    h("h2", { id: "outbox-title", class: "section-title" }, t("outbox.title")),
    list);
  const update = async () => list.replaceChildren(rows(await outbox.list()));
  live(section, outbox.subscribe, update);
  update().catch(showError);
  return section;
}

function rows(entries) {
  if (!entries.length) {
    return h("p", { class: "card outbox-empty" }, icon("check", 20), t("outbox.empty"));
  }
  return h("ul", { class: "card list" }, entries.map((entry) => {
    const failed = entry.state === "failed";
    return h("li", { class: `row outbox-entry ${failed ? "is-failed" : ""}`, "data-id": entry.id },
      h("span", { class: "row-icon" }, icon(failed ? "alert" : "clock", 22)),
      h("div", { class: "row-body" },
        h("p", { class: "row-title" }, labelOf(entry)),
        h("p", { class: "row-meta" }, failed
          ? t("outbox.failed", { message: entry.error })
          : `${t("outbox.waiting")} · ${t("outbox.written", { time: formatAgo(entry.createdAt) })}`),
        failed && h("div", { class: "row-actions" },
          h("button", { type: "button", class: "btn btn-secondary btn-small",
            onclick: () => outbox.retry(entry.id).catch(showError) }, t("outbox.retry")),
          h("button", { type: "button", class: "btn btn-quiet btn-small",
            onclick: () => outbox.discard(entry.id).catch(showError) }, t("outbox.discard")))));
  }));
}
