// "Turn on notifications": our own card (Home), and the phone's push switch (the notification
// settings). The browser's own question comes only after the person taps "Turn on".

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { dismissed as installDismissed } from "../install.js";
import { notNow, pushState, resting, turnOff, turnOn } from "../push.js";
import { showError, toast } from "../toast.js";

/** Home's soft prompt: shown while push is off here (or needs the Home Screen), unless rested. */
export function pushPrompt() {
  const slot = h("div", { class: "push-slot" });
  pushState().then((state) => {
    if (!["off", "ios"].includes(state) || resting()) return;
    if (state === "ios" && !installDismissed()) return; // Home's install card says it already
    slot.replaceChildren(promptCard(state, () => slot.replaceChildren()));
  }).catch(showError);
  return slot;
}

function promptCard(state, close) {
  const ios = state === "ios";
  const problem = h("p", { class: "push-problem", role: "alert", hidden: true });
  const on = h("button", { type: "button", class: "btn btn-primary btn-small", onclick: async () => {
    on.disabled = true;
    problem.hidden = true;
    try {
      const now = await turnOn();
      if (now === "on") {
        toast(t("push.turnedOn"));
        close();
      } else {
        problem.textContent = t(now === "denied" ? "push.deniedText" : "push.notAnswered");
        problem.hidden = false;
      }
    } catch (error) {
      if (!error.code) throw error;
      problem.textContent = error.message;
      problem.hidden = false;
    } finally {
      on.disabled = false;
    }
  } }, t("push.turnOn"));
  return h("aside", { class: "card push-card", "aria-labelledby": "push-title" },
    h("span", { class: "push-card-icon" }, icon(ios ? "share" : "bell", 24)),
    h("div", { class: "push-card-body" },
      h("h2", { id: "push-title", class: "push-card-title" }, t(ios ? "push.iosTitle" : "push.title")),
      h("p", { class: "push-card-text" }, t(ios ? "push.iosText" : "push.text")),
      problem,
      h("div", { class: "push-card-actions" },
        !ios && on,
        h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: () => {
          notNow();
          close();
        } }, t("push.notNow")))));
}

/** The settings' switch for this phone: what it is now, and the one thing to do about it. */
export function pushSwitch() {
  const box = h("div", { class: "card push-switch", "aria-live": "polite" });
  const show = (state) => {
    const action = { off: "push.turnOn", on: "push.turnOff" }[state];
    const button = action && h("button", { type: "button",
      class: `btn btn-small ${state === "on" ? "btn-secondary" : "btn-primary"}`, onclick: async () => {
        button.disabled = true;
        try {
          show(await (state === "on" ? turnOff() : turnOn()));
        } catch (error) {
          showError(error);
          button.disabled = false;
        }
      } }, t(action));
    box.replaceChildren(
      h("span", { class: `row-icon ${state === "on" ? "is-ok" : ""}` },
        icon(state === "on" ? "bell" : "bellOff", 22)),
      h("div", { class: "row-body" },
        h("p", { class: "row-title" }, t(`push.state.${state}`)),
        h("p", { class: "row-meta" }, t(`push.state.${state}Text`)),
        button && h("div", { class: "row-actions" }, button)));
  };
  pushState().then(show).catch(showError);
  return box;
}
