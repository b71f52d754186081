// A pass colour in words: the colour, big, and what it means. Screen readers hear one sentence,
// "Green — OK to enter"; the eye gets the colour from across a room.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";

export function statusLine(colour, id) {
  return h("p", { id, class: "hp-status" },
    h("span", { class: "hp-colour" }, icon(colour === "green" ? "check" : "alert", 40),
      t(`healthpass.colour.${colour}`)),
    h("span", { class: "visually-hidden" }, " — "),
    h("span", { class: "hp-meaning" }, t(`healthpass.meaning.${colour}`)));
}
