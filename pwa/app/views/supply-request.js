// One supplies request (/supplies/requests/<id>, where its notification leads): its steps, the
// tracking note once dispatched, HR's reason if rejected; "Cancel" while it waits for HR.

import { get } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { idIn } from "../routes.js";
import { sendForm } from "../sending.js";
import { showError, toast } from "../toast.js";
import { requestCard } from "../ui/supply-request.js";

export const title = () => t("supplies.request");

export function render(ctx) {
  const id = idIn(ctx.path);
  const slot = h("div", {}, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  const show = () => get(`/api/supplies/requests/${encodeURIComponent(id)}`).then((request) =>
    slot.replaceChildren(requestCard(request, { extra: cancel(request, show) })), (error) => {
    showError(error);
    slot.replaceChildren(h("p", { class: "card hint" }, t(error.status === 404 ? "supplies.notFound" : "supplies.needNetwork")));
  });
  show();
  return h("div", { class: "page page-supplies" },
    h("a", { href: "/supplies/requests", "data-link": true, class: "back-link" }, icon("back", 20), t("supplies.mine")),
    h("h1", { class: "page-title" }, t("supplies.request")), slot);
}

function cancel(request, reload) {
  if (request.state !== "requested") return [];
  const button = h("button", { type: "submit", class: "btn btn-secondary" }, t("supplies.cancel"));
  const form = h("form", { class: "supply-cancel" }, h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "actions" }, button));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!confirm(t("supplies.cancelConfirm"))) return;
    const result = await sendForm(form, button, { url: `/api/supplies/requests/${encodeURIComponent(request.id)}/cancel`,
      body: {}, label: "outbox.supplyCancel" });
    if (result.state === "delivered") {
      toast(t("supplies.cancelled"));
      reload();
    }
    if (result.state === "queued") toast(t("supplies.cancelledLater"));
  });
  return [form];
}
