// Form fields as the host and tips tools lay them out: a label, the control, its message.

import { h } from "../dom.js";

/** A labelled input (or textarea, or select when `choices` [[value, text]] are given). */
export function field(prefix, name, label, { value = "", type = "text", multiline = false, choices = null,
  hint = null, ...attrs } = {}) {
  const id = `${prefix}-${name}`;
  const describedBy = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" ");
  const common = { id, name, class: "input", "aria-describedby": describedBy, ...attrs };
  const control = choices ? h("select", common, choices.map(([v, text]) => h("option", { value: v, selected: v === value }, text)))
    : multiline ? h("textarea", { rows: 4, ...common }, value ?? "")
      : h("input", { type, value: value ?? "", ...common });
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label), control,
    hint && h("p", { id: `${id}-hint`, class: "hint" }, hint),
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}

export function group(legend, children) {
  return h("fieldset", { class: "section publish-group" },
    h("legend", { class: "section-title" }, legend),
    h("div", { class: "card publish-fields" }, children));
}

/** {en, zh-CN} from two fields, leaving out the empty ones. */
export const texts = (en, zh) => Object.fromEntries([["en", en], ["zh-CN", zh]]
  .map(([code, text]) => [code, (text || "").trim()]).filter(([, text]) => text));
