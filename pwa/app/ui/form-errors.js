// A form's errors where people look: each message next to its field (aria-describedby,
// aria-invalid), and the first field in error scrolled into view and focused, so a message
// is never only at the top of a long form, off-screen.

import { h } from "../dom.js";

/**
 * Shows the API's field errors ({"title": ["…"], "audience": {"department": ["…"]}}) by their
 * fields. `names` maps an API field ("title", "audience.department") to the form's control
 * name when they differ. Returns the messages shown; the first field in error gets the focus.
 */
export function showFieldErrors(form, fields, { names = {} } = {}) {
  const shown = [];
  for (const [path, text] of flatten(fields)) {
    const last = path.split(".").pop();
    const control = [names[path], path, last, names[path.split(".")[0]]]
      .map((name) => name && form.querySelector(`[name="${CSS.escape(name)}"]`)).find(Boolean);
    if (!control || !text) continue;
    mark(control, text);
    shown.push(text);
  }
  if (shown.length) focusFirst(form);
  return shown;
}

/** One message under one control (a check made on the phone), which then gets the focus. */
export function showFieldError(field, text) {
  mark(field, text);
  focusFirst(field.form ?? field.closest("form") ?? field.parentElement);
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll(".form-error, .field-error")) {
    el.textContent = "";
    el.hidden = true;
  }
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

/** A field's message goes once the person changes that field (the rest stay until sent). */
export function clearAsChanged(form) {
  const clear = (event) => {
    const field = event.target;
    if (field.getAttribute?.("aria-invalid") !== "true") return;
    field.removeAttribute("aria-invalid");
    const note = field.id && document.getElementById(`${field.id}-error`);
    if (note) note.hidden = true;
  };
  form.addEventListener("input", clear);
  form.addEventListener("change", clear);
  return form;
}

/** The first control in error, in the order of the form: scrolled to the middle, focused. */
export function focusFirst(form) {
  const first = form.querySelector("[aria-invalid=true]");
  if (!first) return;
  first.scrollIntoView({ block: "center" });
  first.focus({ preventScroll: true });
}

function mark(field, text) {
  const note = noteFor(field);
  note.textContent = text;
  note.hidden = false;
  field.closest(".field")?.removeAttribute("hidden");
  const described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!described.includes(note.id)) field.setAttribute("aria-describedby", [...described, note.id].join(" "));
  field.setAttribute("aria-invalid", "true");
}

/** The field's message element: `<id>-error`, made after the control if the form has none. */
function noteFor(field) {
  if (!field.id) field.id = `field-${field.name}`;
  const id = `${field.id}-error`;
  let note = document.getElementById(id);
  if (!note) {
    note = h("p", { id, class: "field-error", hidden: true });
    (field.closest(".field") ?? field.parentElement).append(note);
  }
  return note;
}

/** [["audience.department", "Missing data…"], …]: nested API errors as dotted paths. */
function flatten(fields, prefix = "") {
  return Object.entries(fields || {}).flatMap(([name, value]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    if (Array.isArray(value)) return [[path, value.filter((m) => typeof m === "string").join(" ")]];
    if (value && typeof value === "object") return flatten(value, path);
    return typeof value === "string" ? [[path, value]] : [];
  });
}
