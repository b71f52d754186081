// HR's stock at one site (/tools/supplies/stock, supplies.manage): each item's quantity and how
// much of it requests hold, low ones first in view; stock received or adjusted (always with a
// reason: it is a movement, kept with who and why), and the level that warns HR.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { icon } from "../icons.js";
import { sendByFields } from "../sending.js";
import { showError, toast } from "../toast.js";
import { clearAsChanged, clearErrors, showFieldError } from "../ui/form-errors.js";
import { consoleHead, siteOf } from "../ui/supply-console.js";
import { named, picture } from "../ui/supply-request.js";

export const title = () => t("tools.supplies.title");

export function render(ctx) {
  const site = siteOf(ctx.user);
  const list = h("div", { class: "supply-list" }, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  const load = () => get(`/api/supplies/stock?${new URLSearchParams({ site })}`).then(({ items }) =>
    list.replaceChildren(...items.map((row) => stockCard(site, row, load))), showError);
  load();
  return h("div", { class: "page page-supplies-hr" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.supplies.title")),
    consoleHead(ctx, "stock"), list);
}

function stockCard(site, row, reload) {
  const { item } = row;
  const forms = h("div", { class: "supply-stock-forms" });
  const open = (kind) => forms.replaceChildren(stockForm(site, row, kind, reload, () => forms.replaceChildren()));
  return h("article", { class: `card supply-stock${row.low ? " is-low" : ""}`, "data-item": item.id,
    "aria-labelledby": `stock-${item.id}` },
  h("div", { class: "supply-stock-head" }, picture(item),
    h("div", { class: "supply-item-body" },
      h("h2", { id: `stock-${item.id}`, class: "supply-item-name" }, named(item.name)),
      h("p", { class: "supply-item-unit" }, named(item.unit))),
    row.low && h("span", { class: "chip supply-low" }, icon("alert", 16), t("suppliesHr.low"))),
  h("dl", { class: "supply-figures" },
    figure(t("suppliesHr.qty"), row.qty), figure(t("suppliesHr.reserved"), row.reserved),
    figure(t("suppliesHr.lowAt"), row.low_at)),
  h("div", { class: "supply-actions" }, ["received", "adjusted", "threshold"].map((kind) =>
    h("button", { type: "button", class: "btn btn-secondary btn-small", onclick: () => open(kind) },
      t(`suppliesHr.open.${kind}`)))),
  forms);
}

const figure = (label, value) => h("div", { class: "supply-figure" }, h("dt", {}, label), h("dd", {}, formatNumber(value ?? 0)));

/** Receive, adjust (a signed change, with a reason) or the low-stock level of one item. */
function stockForm(site, row, kind, reload, close) {
  const id = `${kind}-${row.item.id}`;
  const threshold = kind === "threshold";
  const submit = h("button", { type: "submit", class: "btn btn-primary btn-small" }, t(`suppliesHr.save.${kind}`));
  const form = h("form", { class: "form supply-stock-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "field" },
      h("label", { class: "label", for: `${id}-qty` }, t(`suppliesHr.amount.${kind}`)),
      h("input", { id: `${id}-qty`, name: threshold ? "low_at" : "qty", type: "number", class: "input",
        inputmode: kind === "adjusted" ? "text" : "numeric", min: kind === "received" ? 1 : threshold ? 0 : null,
        value: threshold ? row.low_at : "" }),
      kind === "adjusted" && h("p", { class: "hint" }, t("suppliesHr.adjustHint"))),
    !threshold && h("div", { class: "field" },
      h("label", { class: "label", for: `${id}-reason` }, t("suppliesHr.why")),
      h("input", { id: `${id}-reason`, name: "reason", class: "input", maxlength: 200 })),
    h("div", { class: "supply-actions" }, submit,
      h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: close }, t("suppliesHr.back"))));
  clearAsChanged(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const amount = form.elements[threshold ? "low_at" : "qty"];
    const qty = Number(amount.value);
    if (!amount.value.trim() || !Number.isInteger(qty) || (kind === "received" && qty <= 0) || (kind !== "adjusted" && qty < 0)
      || (kind === "adjusted" && qty === 0)) return showFieldError(amount, t(`suppliesHr.amountWrong.${kind}`));
    if (!threshold && !form.elements.reason.value.trim()) return showFieldError(form.elements.reason, t("suppliesHr.reasonMissing"));
    const request = threshold
      ? { method: "PUT", url: `/api/supplies/stock/${encodeURIComponent(site)}/${encodeURIComponent(row.item.id)}/threshold`,
        body: { low_at: qty }, label: "outbox.supplyThreshold" }
      : { url: "/api/supplies/movements", label: "outbox.supplyMovement",
        body: { site, item: row.item.id, kind, qty, reason: form.elements.reason.value.trim() } };
    const result = await sendByFields(form, submit, request);
    if (result.state === "delivered") {
      toast(t(`suppliesHr.saved.${kind}`));
      reload();
    }
    if (result.state === "queued") toast(t("suppliesHr.savedLater"));
    return null;
  });
  queueMicrotask(() => form.elements[threshold ? "low_at" : "qty"].focus());
  return form;
}
