// What a screen shows before its feature has anything in it: what will be here, and why it
// is worth coming back — never a dead end.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";

/** A page for `name` (news, stories, ...): its title, a picture, a sentence, three promises. */
export function emptyPage(name, { art, params = {} }) {
  return h("div", { class: "page" },
    h("h1", { class: "page-title" }, t(`${name}.title`)),
    h("section", { class: "card empty", "aria-labelledby": `${name}-heading` },
      h("div", { class: `empty-art empty-art-${name}` }, icon(art, 44)),
      h("h2", { id: `${name}-heading`, class: "empty-heading" }, t(`${name}.heading`)),
      h("p", { class: "empty-text" }, t(`${name}.text`, params)),
      h("ul", { class: "promises" }, [1, 2, 3].map((n) =>
        h("li", {}, icon("check", 20), h("span", {}, t(`${name}.point${n}`)))))));
}
