// Supplies (More → Supplies): what HR can send me, each item with what is left at my site and
// what I may still ask for this week, and the request itself — to my desk, for pickup at
// reception, or to my home in a lockdown. Sent through the outbox: made offline, it arrives once.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { send } from "../sending.js";
import { showError, toast } from "../toast.js";
import { clearAsChanged, clearErrors, showFieldError, showFieldErrors } from "../ui/form-errors.js";
import { quantityStepper } from "../ui/quantity-stepper.js";
import { nameOf, named, picture } from "../ui/supply-request.js";
import { supplyTabs } from "../ui/supply-tabs.js";

const URL = "/api/supplies/requests";

export const title = () => t("supplies.title");

export function render(ctx) {
  const slot = h("div", { class: "supply-slot" }, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  get("/api/supplies/items").then(({ items }) => slot.replaceChildren(requestForm(ctx, items)), (error) => {
    if (!error.offline) showError(error);
    slot.replaceChildren(h("p", { class: "card hint" }, t("supplies.needNetwork")));
  });
  return h("div", { class: "page page-supplies" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("supplies.title")),
    supplyTabs("/supplies"),
    h("p", { class: "page-lead" }, t("supplies.lead", { site: ctx.user.site ?? "" })), slot);
}

function requestForm(ctx, items) {
  const wanted = new Map();
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20), t("supplies.send"));
  const form = h("form", { class: "form supply-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("section", { class: "section", "aria-labelledby": "supply-items" },
      h("h2", { id: "supply-items", class: "section-title" }, t("supplies.items")),
      h("div", { class: "supply-catalogue" }, items.filter((item) => item.active !== false)
        .map((item) => itemCard(item, ctx.user.site, (qty) => wanted.set(item.id, qty))))),
    deliveryFields(ctx.user),
    h("div", { class: "field" },
      h("label", { class: "label", for: "supply-note" }, t("supplies.note")),
      h("textarea", { id: "supply-note", name: "note", class: "input supply-textarea", rows: 2, maxlength: 200 })),
    h("div", { class: "actions" }, submit));
  clearAsChanged(form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sendRequest(ctx, form, submit, items, wanted).catch(showError);
  });
  return form;
}

function itemCard(item, site, onchange) {
  const max = Math.max(0, Math.min(item.available ?? 0, item.allowance ?? 0));
  const why = (item.available ?? 0) <= 0 ? t("supplies.noneLeft")
    : (item.allowance ?? 0) <= 0 ? t("supplies.limitReached", { count: formatNumber(item.limit_per_week) }) : null;
  return h("article", { class: `card supply-item${max ? "" : " is-unavailable"}`, "data-item": item.id,
    "aria-labelledby": `item-${item.id}` },
  picture(item),
  h("div", { class: "supply-item-body" },
    h("h3", { id: `item-${item.id}`, class: "supply-item-name" }, named(item.name)),
    h("p", { class: "supply-item-unit" }, named(item.unit)),
    h("p", { class: "supply-item-left" }, t("supplies.left", { count: formatNumber(item.available ?? 0), site })),
    (item.allowance ?? 0) > 0 && h("p", { class: "supply-item-allowance" },
      t("supplies.allowance", { count: formatNumber(item.allowance) })),
    why && h("p", { class: "supply-item-why" }, why),
    max > 0 && quantityStepper({ id: `qty-${item.id}`, name: nameOf(item), max, onchange })));
}

function deliveryFields(user) {
  const choice = (kind, text) => h("label", { class: "choice" },
    h("input", { type: "radio", name: "delivery", value: kind, checked: kind === "desk" }), h("span", {}, text));
  const field = (name, label, attrs = {}) => h("div", { class: "field" },
    h("label", { class: "label", for: `supply-${name}` }, label),
    h("input", { id: `supply-${name}`, name, class: "input", ...attrs }));
  const desk = h("div", { class: "supply-when-desk" },
    field("desk", t("supplies.desk"), { maxlength: 40, autocomplete: "off", placeholder: t("supplies.deskExample") }));
  const pickup = h("p", { class: "hint supply-when-pickup" }, t("supplies.pickupHint", { site: user.site ?? "" }));
  const home = h("div", { class: "supply-when-home" },
    h("p", { class: "supply-privacy" }, icon("pass", 18), t("supplies.homePrivacy")),
    field("name", t("supplies.addressName"), { autocomplete: "name", value: user.name ?? "" }),
    field("line1", t("supplies.line1"), { autocomplete: "address-line1" }),
    field("line2", t("supplies.line2"), { autocomplete: "address-line2" }),
    field("city", t("supplies.city"), { autocomplete: "address-level2" }),
    field("postcode", t("supplies.postcode"), { autocomplete: "postal-code" }),
    field("phone", t("supplies.phone"), { type: "tel", autocomplete: "tel" }));
  const set = h("fieldset", { class: "section supply-delivery-choice" },
    h("legend", { class: "section-title" }, t("supplies.delivery")),
    h("div", { class: "card segmented supply-segmented" }, choice("desk", t("supplies.desk.short")),
      choice("pickup", t("supplies.pickup.short")), choice("home", t("supplies.home.short"))),
    h("div", { class: "card supply-delivery-fields" }, desk, pickup, home));
  const show = () => {
    const kind = set.querySelector("input[name=delivery]:checked").value;
    desk.hidden = kind !== "desk";
    pickup.hidden = kind !== "pickup";
    home.hidden = kind !== "home";
  };
  set.addEventListener("change", show);
  show();
  return set;
}

/** The body to send, or null after saying what is missing next to its field. */
function read(form, items, wanted) {
  const lines = items.filter((item) => wanted.get(item.id) > 0).map((item) => ({ item: item.id, qty: wanted.get(item.id) }));
  if (!lines.length) {
    showOnTop(form, t("supplies.nothingChosen"));
    return null;
  }
  const kind = form.elements.delivery.value;
  const value = (name) => form.elements[name].value.trim();
  let delivery = { kind };
  if (kind === "desk") {
    if (!value("desk")) return refuse(form.elements.desk, t("supplies.deskMissing"));
    delivery.desk = value("desk");
  }
  if (kind === "home") {
    const missing = ["name", "line1", "city", "phone"].find((name) => !value(name));
    if (missing) return refuse(form.elements[missing], t("supplies.addressMissing"));
    delivery = { kind, address: Object.fromEntries(["name", "line1", "line2", "city", "postcode", "phone"]
      .map((name) => [name, value(name)])) };
  }
  return { lines, delivery, note: value("note") };
}

function refuse(field, text) {
  showFieldError(field, text);
  return null;
}

async function sendRequest(ctx, form, submit, items, wanted) {
  clearErrors(form);
  const body = read(form, items, wanted);
  if (!body) return;
  submit.disabled = true;
  const result = await send({ url: URL, body, label: "outbox.supplyRequest" })
    .finally(() => { submit.disabled = false; });
  if (result.state === "delivered") {
    toast(t("supplies.sent"));
    ctx.navigate(`/supplies/requests/${encodeURIComponent(result.data.id)}`);
  } else if (result.state === "queued") {
    toast(t("supplies.sentLater"));
    ctx.navigate("/supplies/requests");
  } else {
    // The form now says what to change (the stock or the limit moved meanwhile): nothing is left to retry.
    await outbox.discard(result.id);
    showRefusal(form, body.lines, items, result);
    await refreshFigures(form, ctx.user.site);
  }
}

/** After a refusal: what is left and what I may still ask for, as they are now. */
async function refreshFigures(form, site) {
  const { items } = await get("/api/supplies/items");
  for (const item of items) {
    const card = form.querySelector(`[data-item="${CSS.escape(item.id)}"]`);
    if (!card) continue;
    card.querySelector(".supply-item-left").textContent = t("supplies.left", { count: formatNumber(item.available), site });
    const allowance = card.querySelector(".supply-item-allowance");
    if (allowance) allowance.textContent = t("supplies.allowance", { count: formatNumber(item.allowance) });
    card.querySelector(".stepper")?.bound(Math.max(0, Math.min(item.available, item.allowance)));
  }
}

/** A refusal next to the item it is about (by its line, or by the item's name in the message). */
function showRefusal(form, lines, items, { error, fields }) {
  const byItem = new Map();
  const rest = [];
  const place = (text, index) => {
    const id = lines[index]?.item ?? items.find((item) => mentions(text, item))?.id;
    if (id) byItem.set(id, [...(byItem.get(id) ?? []), text]);
    else rest.push(text);
  };
  for (const [path, text] of flatLines(fields?.lines)) place(text, path);
  if (fields?.item) place([fields.item].flat().join(" "));
  if (!Object.keys(fields ?? {}).length && error) place(error); // "out of stock": names the item
  for (const [id, texts] of byItem) {
    const card = form.querySelector(`[data-item="${CSS.escape(id)}"]`);
    if (!card) continue;
    card.classList.add("is-refused");
    const note = card.querySelector(".supply-item-refusal") ?? card.querySelector(".supply-item-body")
      .appendChild(h("p", { class: "field-error supply-item-refusal", role: "alert" }));
    note.textContent = texts.join(" ");
    note.hidden = false;
  }
  const others = Object.fromEntries(Object.entries(fields ?? {}).filter(([name]) => !["lines", "item"].includes(name)));
  showFieldErrors(form, others, { names: { "delivery.desk": "desk" } });
  if (rest.length || (!byItem.size && !form.querySelector("[aria-invalid=true]"))) {
    showOnTop(form, rest.join(" ") || error);
  } else if (byItem.size) {
    form.querySelector(".is-refused").scrollIntoView({ block: "center" });
  }
}

const mentions = (text, item) => Object.values(item.name ?? {}).some((name) => name && text.includes(name))
  || text.includes(item.id);

/** [[lineIndex|null, text], ...] from the API's `lines` errors: by line, or for all of them. */
function flatLines(value, index = null) {
  if (!value) return [];
  if (typeof value === "string") return [[index, value]];
  if (Array.isArray(value)) return value.flatMap((v) => flatLines(v, index));
  return Object.entries(value).flatMap(([key, v]) => flatLines(v, /^\d+$/.test(key) ? Number(key) : index));
}

function showOnTop(form, text) {
  const alert = form.querySelector(".form-error");
  alert.textContent = text || t("error.generic");
  alert.hidden = false;
  alert.scrollIntoView({ block: "center" });
}
