// A karaoke night's running order: who sings what, in order. Someone going signs up for one
// song; their slot is theirs to remove; hosts move slots with up/down buttons (no dragging,
// so it works with a screen reader and a thumb) and may remove any.

import { get, request } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { send } from "../sending.js";
import { showError, toast } from "../toast.js";

const MAX_SONG = 120;

export function runningOrder(ctx, event, { host, open }) {
  const base = `/api/events/${encodeURIComponent(event.id)}/slots`;
  const list = h("ol", { class: "card list running-order", "aria-labelledby": "order-title" });
  const signup = h("div", { class: "order-signup" });
  const status = h("p", { class: "visually-hidden", role: "status" });
  let slots = [];

  const draw = () => {
    list.replaceChildren(...(slots.length ? slots.map((slot, i) => row(slot, i))
      : [h("li", { class: "row row-meta" }, t("karaoke.empty"))]));
    const mine = slots.some((slot) => slot.person.id === ctx.user.id);
    signup.replaceChildren(...(!open || mine ? [] : event.my_rsvp === "going" ? [form()]
      : [h("p", { class: "hint" }, t("karaoke.goingFirst"))]));
  };
  const load = () => get(base).then((page) => { slots = page.items; draw(); }, showError);

  const row = (slot, i) => {
    const mine = slot.person.id === ctx.user.id;
    return h("li", { class: `row order-slot ${mine ? "is-mine" : ""}` },
      h("span", { class: "order-position", "aria-hidden": "true" }, formatNumber(i + 1)),
      h("span", { class: "row-body" },
        h("span", { class: "row-title", dir: "auto" }, slot.song),
        h("span", { class: "row-meta" }, mine ? t("karaoke.you") : slot.person.name)),
      host && open && h("span", { class: "order-moves" },
        h("button", { type: "button", class: "btn btn-quiet order-move", disabled: i === 0,
          "aria-label": t("karaoke.up", { song: slot.song }), onclick: () => move(i, -1) }, "↑"),
        h("button", { type: "button", class: "btn btn-quiet order-move", disabled: i === slots.length - 1,
          "aria-label": t("karaoke.down", { song: slot.song }), onclick: () => move(i, 1) }, "↓")),
      (mine || host) && open && h("button", { type: "button", class: "btn btn-quiet order-remove",
        "aria-label": t("karaoke.remove", { song: slot.song }), onclick: () => remove(slot) }, icon("trash", 20)));
  };

  const move = async (i, by) => {
    const next = [...slots];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    try {
      const page = await request(`${base}/order`, { method: "PUT", body: { ids: next.map((s) => s.id) } });
      slots = page?.items ?? next;
      draw();
      status.textContent = t("karaoke.moved", { song: next[i + by].song, position: formatNumber(i + by + 1) });
      list.querySelectorAll(".order-slot")[i + by]?.querySelector(`.order-move:not(:disabled)`)?.focus();
    } catch (error) {
      showError(error);
    }
  };

  const remove = async (slot) => {
    try {
      await request(`${base}/${encodeURIComponent(slot.id)}`, { method: "DELETE" });
      toast(t("karaoke.removed"));
      load();
    } catch (error) {
      showError(error);
    }
  };

  const form = () => {
    const error = h("p", { id: "song-error", class: "field-error", hidden: true });
    const el = h("form", { class: "order-form", novalidate: true },
      h("div", { class: "field" },
        h("label", { class: "label", for: "song" }, t("karaoke.song")),
        h("input", { id: "song", name: "song", class: "input", maxlength: MAX_SONG, autocomplete: "off",
          placeholder: t("karaoke.songHint"), "aria-describedby": "song-error" }),
        error),
      h("button", { type: "submit", class: "btn btn-primary" }, icon("volume", 20), t("karaoke.signup")));
    el.addEventListener("submit", async (e) => {
      e.preventDefault();
      const song = el.elements.song.value.trim();
      const say = (text) => {
        error.textContent = text;
        error.hidden = false;
        el.elements.song.setAttribute("aria-invalid", "true");
        el.elements.song.focus();
      };
      if (!song) return say(t("karaoke.songMissing"));
      const result = await send({ url: base, body: { song }, label: "outbox.song" });
      if (result.state === "failed") {
        await outbox.discard(result.id);
        return say(result.fields?.song?.[0] ?? result.error ?? t("error.generic"));
      }
      toast(t(result.state === "queued" ? "events.kept" : "karaoke.signedUp"));
      load();
    });
    return el;
  };

  load();
  return h("section", { class: "section event-order" },
    h("h2", { id: "order-title", class: "section-title" }, t("karaoke.order")), list, status, signup);
}
