// Notification settings (More → Notifications): push on this phone, the topics a person mutes,
// and quiet hours. Crisis messages come through anyway. Saved through the outbox.

import { get } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { sendForm } from "../sending.js";
import { clearErrors, showError, toast } from "../toast.js";
import { pushSwitch } from "../ui/push-card.js";

export const TOPICS = ["news", "health", "hr", "notes", "events", "stories", "safety"];
const PREFS = "/api/push/preferences";
const DEFAULTS = { muted_topics: [], quiet_hours: null };

export const title = () => t("push.settings");

export function render() {
  const slot = h("div", { class: "push-prefs-slot" });
  get(PREFS).then((prefs) => slot.replaceChildren(form(prefs)), (error) => {
    if (!error.offline) showError(error);
    slot.replaceChildren(h("p", { class: "hint" }, t("push.prefsOffline")), form(DEFAULTS));
  });
  return h("div", { class: "page page-push-settings" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("push.settings")),
    h("section", { class: "section", "aria-labelledby": "push-phone" },
      h("h2", { id: "push-phone", class: "section-title" }, t("push.thisPhone")), pushSwitch()),
    slot);
}

function form(prefs) {
  const quiet = prefs.quiet_hours;
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("push.save"));
  const el = h("form", { class: "form push-prefs", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("push.topics")),
      h("div", { class: "card publish-fields" }, TOPICS.map((topic) => h("label", { class: "toggle" },
        h("span", { class: "toggle-text" }, h("span", { class: "toggle-label" }, t(`push.topic.${topic}`)),
          h("span", { class: "toggle-hint" }, t(`push.topicHint.${topic}`))),
        h("input", { type: "checkbox", name: "topic", value: topic, role: "switch",
          checked: !prefs.muted_topics.includes(topic) }))))),
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, icon("moon", 18), t("push.quiet")),
      h("div", { class: "card publish-fields" },
        h("label", { class: "toggle" },
          h("span", { class: "toggle-text" }, h("span", { class: "toggle-label" }, t("push.quietOn")),
            h("span", { class: "toggle-hint" }, t("push.quietHint"))),
          h("input", { type: "checkbox", name: "quiet", role: "switch", checked: Boolean(quiet) })),
        h("div", { class: "push-quiet-times" },
          time("start", t("push.quietFrom"), quiet?.start ?? "22:00"),
          time("end", t("push.quietTo"), quiet?.end ?? "07:00")))),
    h("p", { class: "hint push-crisis" }, icon("alert", 18), t("push.crisisNote")),
    h("div", { class: "actions" }, submit));
  const showTimes = () => {
    el.querySelector(".push-quiet-times").hidden = !el.elements.quiet.checked;
  };
  el.addEventListener("change", showTimes);
  showTimes();
  el.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(el);
    const on = new Set(new FormData(el).getAll("topic"));
    const body = { muted_topics: TOPICS.filter((topic) => !on.has(topic)),
      quiet_hours: el.elements.quiet.checked
        ? { start: el.elements.start.value, end: el.elements.end.value } : null };
    const result = await sendForm(el, submit, { method: "PUT", url: PREFS, body, label: "outbox.pushPrefs" });
    if (result.state === "delivered") toast(t("push.saved"));
    if (result.state === "queued") toast(t("push.savedLater"));
  });
  return el;
}

function time(name, label, value) {
  const id = `push-${name}`;
  return h("div", { class: "field" }, h("label", { class: "label", for: id }, label),
    h("input", { id, name, type: "time", class: "input", value }));
}
