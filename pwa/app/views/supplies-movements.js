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
    download(site), slot);
}

const DAY_MS = 86400000;
const day = (ms) => new Date(ms).toISOString().slice(0, 10); // the export's days are UTC days

/** The CSV of a span of days (the last 30 unless changed), as a link the browser downloads. */
function download(site) {
  const date = (name, value) => h("div", { class: "field" },
    h("label", { class: "label", for: `csv-${name}` }, t(`suppliesHr.csv.${name}`)),
    h("input", { id: `csv-${name}`, name, type: "date", class: "input", value, max: day(Date.now()) }));
  const link = h("a", { class: "btn btn-secondary", download: "" }, icon("download", 20), t("suppliesHr.csv"));
  const box = h("div", { class: "card supply-csv" },
    h("div", { class: "supply-csv-days" }, date("from", day(Date.now() - 30 * DAY_MS)), date("to", day(Date.now()))), link);
  const update = () => {
    const [from, to] = [...box.querySelectorAll("input")].map((input) => input.value);
    link.href = `/api/supplies/movements.csv?${new URLSearchParams({ site, from, to })}`;
  };
  box.addEventListener("change", update);
  update();
  return box;
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
