// HR's supplies queue (/tools/supplies, supplies.manage): one site's requests by state, oldest
// first. Waiting ones are approved together (select all, "Approve selected": each refusal shown
// on its request); each request moves on by one step — pack, dispatch with a tracking note,
// delivered — or is rejected with a reason its requester reads. Home addresses show here only.

import { post } from "../api.js";
import { h } from "../dom.js";
import { plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError, toast } from "../toast.js";
import { clearErrors, showFieldError } from "../ui/form-errors.js";
import { pagedList } from "../ui/paged.js";
import { at, consoleHead, siteOf } from "../ui/supply-console.js";
import { requestCard } from "../ui/supply-request.js";

const STATES = ["requested", "approved", "packed", "dispatched", "delivered", "rejected"];
// What each state moves on to from here: the button, and the form it needs first (if any).
const NEXT = { requested: [["approved"], ["rejected", "reason"]], approved: [["packed"], ["rejected", "reason"]],
  packed: [["dispatched", "tracking"]], dispatched: [["delivered"]] };

export const title = () => t("tools.supplies.title");

export function render(ctx) {
  const site = siteOf(ctx.user);
  const asked = new URLSearchParams(location.search).get("state");
  const state = STATES.includes(asked) ? asked : "requested";
  const refusals = new Map();
  const reload = () => list.reload();
  const list = pagedList(`/api/supplies/queue?${new URLSearchParams({ site, state })}`, { className: "supply-list",
    label: t(`supplies.state.${state}`),
    item: (request) => queueCard(request, state, reload, refusals),
    empty: () => h("p", { class: "card hint supply-empty" }, t("suppliesHr.none", { state: t(`supplies.state.${state}`) })) });
  return h("div", { class: "page page-supplies-hr" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.supplies.title")),
    consoleHead(ctx, "queue"),
    h("div", { class: "supply-states", role: "group", "aria-label": t("suppliesHr.byState") },
      STATES.map((name) => h("a", { href: at("/tools/supplies", site, { state: name }), "data-link": true,
        class: "supply-state-link", "aria-current": name === state ? "page" : null }, t(`supplies.state.${name}`)))),
    state === "approved" && h("a", { href: at("/tools/supplies/picklist", site), "data-link": true,
      class: "btn btn-secondary" }, icon("print", 20), t("suppliesHr.picklist")),
    state === "requested" && bulkBar(list, refusals, reload),
    list.element);
}

/** Select all + "Approve selected": one call for them all, then each refusal by its request
 * (or under the bar, for one that has left this list meanwhile: cancelled, say). */
function bulkBar(list, refusals, reload) {
  const all = h("input", { type: "checkbox", id: "supply-all" });
  const approve = h("button", { type: "button", class: "btn btn-primary btn-small" }, icon("check", 20),
    t("suppliesHr.approveSelected"));
  const notice = h("ul", { class: "supply-bulk-notice", role: "alert" });
  const boxes = () => [...list.element.querySelectorAll("input[name=pick]")];
  all.addEventListener("change", () => boxes().forEach((box) => { box.checked = all.checked; }));
  approve.addEventListener("click", async () => {
    const picked = boxes().filter((box) => box.checked);
    if (!picked.length) return toast(t("suppliesHr.chooseFirst"));
    const names = new Map(picked.map((box) => [box.value, box.dataset.name]));
    approve.disabled = true;
    try {
      const result = await post("/api/supplies/requests/approve", { ids: [...names.keys()] },
        { headers: { "Idempotency-Key": crypto.randomUUID() } });
      refusals.clear();
      for (const refused of result.refused) refusals.set(refused.id, refused.message);
      toast([plural("suppliesHr.approved", result.approved.length),
        result.refused.length ? plural("suppliesHr.refused", result.refused.length) : ""].filter(Boolean).join(" "));
      all.checked = false;
      await reload();
      notice.replaceChildren(...result.refused
        .filter((refused) => !list.element.querySelector(`[data-request="${CSS.escape(refused.id)}"]`))
        .map((refused) => h("li", {}, t("suppliesHr.notApprovedOf",
          { name: names.get(refused.id) ?? "", message: refused.message }))));
    } catch (error) {
      showError(error);
    } finally {
      approve.disabled = false;
    }
    return null;
  });
  return [h("div", { class: "card supply-bulk" },
    h("label", { class: "supply-check", for: "supply-all" }, all, h("span", {}, t("suppliesHr.selectAll"))), approve),
  notice];
}

function queueCard(request, state, reload, refusals) {
  const actions = h("div", { class: "supply-actions" });
  const card = requestCard(request, { who: true, showTimeline: state !== "requested", extra: [
    refusals.has(request.id) && h("p", { class: "field-error supply-refused", role: "alert" },
      t("suppliesHr.notApproved", { message: refusals.get(request.id) })),
    actions] });
  if (state === "requested") {
    card.querySelector(".supply-request-head").prepend(h("input", { type: "checkbox", name: "pick",
      value: request.id, "data-name": request.requester?.name ?? "", class: "supply-pick", "aria-label": t("suppliesHr.pick", { name: request.requester?.name ?? "" }) }));
  }
  const buttons = () => (NEXT[request.state] ?? []).map(([to, needs]) => {
    const button = h("button", { type: "button", class: `btn btn-small ${to === "rejected" ? "btn-secondary" : "btn-primary"}` },
      t(`suppliesHr.to.${to}`));
    button.addEventListener("click", () => (needs
      ? actions.replaceChildren(noteForm(request, to, needs, (body, go) => move(request, body, go, card, reload),
        () => actions.replaceChildren(...buttons())))
      : move(request, { to }, button, card, reload)));
    return button;
  });
  actions.replaceChildren(...buttons());
  return card;
}

async function move(request, body, button, card, reload) {
  button.disabled = true;
  try {
    await post(`/api/supplies/requests/${encodeURIComponent(request.id)}/transitions`, body,
      { headers: { "Idempotency-Key": crypto.randomUUID() } });
    toast(t(`suppliesHr.done.${body.to}`, { name: request.requester?.name ?? "" }));
    await reload();
  } catch (error) {
    button.disabled = false;
    showError(error, { form: card.querySelector("form") ?? undefined });
  }
}

/** A tracking note (may be empty) or a reason (required), then the move or a way back. */
function noteForm(request, to, field, submit, cancel) {
  const id = `${field}-${request.id}`;
  const input = h("textarea", { id, name: field, class: "input supply-textarea", rows: 2,
    maxlength: field === "reason" ? 300 : 200 });
  const go = h("button", { type: "submit", class: "btn btn-primary btn-small" }, t(`suppliesHr.to.${to}`));
  const form = h("form", { class: "form supply-note-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "field" }, h("label", { class: "label", for: id }, t(`suppliesHr.${field}`)), input),
    h("div", { class: "supply-actions" }, go,
      h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: cancel }, t("suppliesHr.back"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form);
    const text = input.value.trim();
    if (field === "reason" && !text) return showFieldError(input, t("suppliesHr.reasonMissing"));
    return submit({ to, [field]: text }, go);
  });
  queueMicrotask(() => input.focus());
  return form;
}
