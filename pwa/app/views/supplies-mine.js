// My requests (Supplies → My requests): the ones still on this phone first, then each request
// the server has, newest first, with its steps; a request can be cancelled while it waits for HR.

import { get } from "../api.js";
import { h, live } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { showError } from "../toast.js";
import { pagedList } from "../ui/paged.js";
import { nameOf, requestCard } from "../ui/supply-request.js";
import { supplyTabs } from "../ui/supply-tabs.js";

export const title = () => t("supplies.mine");

export function render() {
  const list = pagedList("/api/supplies/requests/mine", { className: "supply-list", label: t("supplies.mine"),
    item: (request) => requestCard(request, { link: `/supplies/requests/${encodeURIComponent(request.id)}` }),
    empty: () => h("section", { class: "card notes-empty" },
      h("span", { class: "notes-empty-art", "aria-hidden": "true" }, icon("box", 36)),
      h("h2", { class: "notes-empty-title" }, t("supplies.noneYet")),
      h("a", { href: "/supplies", "data-link": true, class: "btn btn-primary" }, t("supplies.ask"))) });
  return h("div", { class: "page page-supplies" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("supplies.title")),
    supplyTabs("/supplies/requests"),
    waiting(list), list.element);
}

/** Requests made offline: shown until the server has them, then its own list has them. */
function waiting(list) {
  const slot = h("div", { class: "supply-list supply-waiting" });
  let shown = 0;
  // The catalogue as last read (the service worker keeps it offline) names the items.
  const names = get("/api/supplies/items").then(({ items }) => new Map(items.map((item) => [item.id, nameOf(item)])),
    () => new Map());
  const update = async () => {
    const name = await names;
    const entries = (await outbox.list()).filter((entry) => entry.method === "POST"
      && entry.url === "/api/supplies/requests" && entry.state === "waiting");
    if (entries.length < shown) list.reload();
    shown = entries.length;
    slot.replaceChildren(...entries.reverse().map((entry) => h("article", { class: "card supply-request is-waiting" },
      h("p", { class: "supply-waiting-title" }, icon("clock", 18), t("supplies.waiting")),
      h("ul", { class: "supply-lines" }, entry.body.lines.map((line) =>
        h("li", {}, t("supplies.waitingLine", { qty: line.qty, item: name.get(line.item) ?? line.item })))))));
  };
  live(slot, outbox.subscribe, () => update().catch(showError));
  update().catch(showError);
  return slot;
}
