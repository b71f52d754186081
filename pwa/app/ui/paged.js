// A list read a page at a time from the API's `{items, cursor}` answers, with "Show older"
// while there is more: Notes (for me, mine), walls, campaigns and the moderation queues.

import { get } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { showError } from "../toast.js";

/**
 * `url` without a cursor; `item(data)` makes one row or card; `empty()` what shows when the
 * first page has nothing. Returns {element, reload}.
 */
export function pagedList(url, { item, empty, className = "paged-items", label = null }) {
  // A name needs a role to carry it (axe: aria-label on a plain div is not announced).
  const items = h("div", { class: className, role: label ? "region" : null, "aria-label": label });
  const loading = h("p", { class: "app-loading", role: "status" }, t("app.loading"));
  const more = h("button", { type: "button", class: "btn btn-secondary show-older", hidden: true },
    t("notes.older"));
  let cursor = null;
  let ticket = 0;

  async function load(first) {
    const mine = first ? ++ticket : ticket;
    more.disabled = true;
    const sep = url.includes("?") ? "&" : "?";
    try {
      const page = await get(first || !cursor ? url : `${url}${sep}cursor=${encodeURIComponent(cursor)}`);
      if (mine !== ticket) return;
      if (first) items.replaceChildren();
      items.append(...page.items.map(item));
      if (first && !page.items.length && empty) items.append(empty());
      cursor = page.cursor;
    } catch (error) {
      if (mine !== ticket) return;
      if (first && error.offline) items.replaceChildren(h("p", { class: "paged-offline" }, t("notes.offline")));
      else showError(error);
    } finally {
      if (mine === ticket) {
        loading.remove();
        more.disabled = false;
        more.hidden = !cursor;
      }
    }
  }
  more.addEventListener("click", () => load(false));
  load(true);
  return { element: h("div", { class: "paged" }, items, loading, more),
    reload: () => load(true) };
}
