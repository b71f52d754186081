// Every change to one site's stock (/tools/supplies/movements, supplies.manage), newest first:
// what, how many, who and why; and the same as a spreadsheet (CSV, cells that could run as a
// formula neutralised by the server).

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatNumber, formatTime, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { pagedList } from "../ui/paged.js";
import { consoleHead, siteOf } from "../ui/supply-console.js";
import { named } from "../ui/supply-request.js";

export const title = () => t("tools.supplies.title");

export function render(ctx) {
  const site = siteOf(ctx.user);
  const slot = h("div", {}, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  // Movements name their item by id: the catalogue names it in my language.
  get("/api/supplies/items").then(({ items }) => new Map(items.map((item) => [item.id, item])), (error) => {
    showError(error);
    return new Map();
  }).then((catalogue) => slot.replaceChildren(pagedList(`/api/supplies/movements?${new URLSearchParams({ site })}`, {
    className: "card list supply-movements", label: t("suppliesHr.movements"),
    item: (movement) => movementRow(movement, catalogue.get(movement.item)),
    empty: () => h("p", { class: "hint" }, t("suppliesHr.noMovements")) }).element));
  return h("div", { class: "page page-supplies-hr" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.supplies.title")),
    consoleHead(ctx, "movements"),
    h("a", { href: `/api/supplies/movements.csv?${new URLSearchParams({ site })}`, download: `supplies-${site}.csv`,
      class: "btn btn-secondary" }, icon("download", 20), t("suppliesHr.csv")),
    slot);
}

function movementRow(movement, item) {
  const at = new Date(movement.at);
  const signed = movement.qty > 0 && movement.kind !== "dispatched" ? `+${formatNumber(movement.qty)}` : formatNumber(movement.qty);
  return h("div", { class: "row supply-movement", "data-kind": movement.kind },
    h("span", { class: `supply-movement-qty${movement.qty < 0 || movement.kind === "dispatched" ? " is-out" : ""}` }, signed),
    h("span", { class: "row-body" },
      h("span", { class: "row-title" }, item ? named(item.name) : movement.item),
      h("span", { class: "row-meta" }, [t(`suppliesHr.kind.${movement.kind}`), movement.reason, movement.by?.name,
        `${formatDate(at, { day: "numeric", month: "short" })} ${formatTime(at)}`].filter(Boolean).join(" · "))));
}
