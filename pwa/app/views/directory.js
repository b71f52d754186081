// Directory import (HR, admins): choose HR's CSV, see what it would change (or what is wrong
// with it, line by line, in words) before anything changes, then apply it.

import { ApiError, post } from "../api.js";
import { h } from "../dom.js";
import { has, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError, toast } from "../toast.js";

export const title = () => t("tools.directory.title");

export function render() {
  const result = h("div", { class: "directory-result", "aria-live": "polite" });
  const chosen = h("span", { class: "directory-chosen" }, t("directory.noneChosen"));
  const file = h("input", { type: "file", id: "directory-file", name: "csv",
    class: "visually-hidden", accept: ".csv,text/csv", "aria-describedby": "directory-file-hint",
    onchange: () => chosen.replaceChildren(file.files[0]?.name ?? t("directory.noneChosen")) });
  const check = h("button", { type: "submit", class: "btn btn-primary" }, icon("check", 20),
    t("directory.check"));
  const form = h("form", { class: "form card directory-form", novalidate: true },
    h("div", { class: "field" },
      h("label", { class: "label", for: file.id }, t("directory.file")),
      h("div", { class: "directory-picker" }, h("label", { class: "btn btn-secondary",
        for: file.id, "aria-hidden": "true" }, icon("upload", 20), t("directory.choose")), chosen),
      file,
      h("p", { id: "directory-file-hint", class: "hint" }, t("directory.fileHint"))),
    h("div", { class: "actions" }, check));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!file.files[0]) return result.replaceChildren(h("p", { class: "form-error", role: "alert" },
      t("directory.noFile")));
    check.disabled = true;
    try {
      const csv = await read(file.files[0]);
      result.replaceChildren(await dryRun(csv, result));
    } catch (error) {
      result.replaceChildren();
      showError(error);
    } finally {
      check.disabled = false;
    }
  });
  return h("div", { class: "page page-directory" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.directory.title")),
    h("p", { class: "lead" }, t("tools.directory.text")),
    form, result);
}

function read(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob, "utf-8");
  });
}

/** The dry run's answer: what would change and an Apply button, or the lines to fix. */
async function dryRun(csv, result) {
  let counts;
  try {
    counts = await post("/api/directory/import", { csv, dry_run: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) { // the file, not the app
      return problems(error);
    }
    throw error;
  }
  const apply = h("button", { type: "button", class: "btn btn-primary" }, icon("check", 20),
    t("directory.apply"));
  apply.addEventListener("click", async () => {
    apply.disabled = true;
    try {
      const done = await post("/api/directory/import", { csv, dry_run: false },
        { headers: { "Idempotency-Key": crypto.randomUUID() } });
      toast(t("directory.applied"));
      result.replaceChildren(summary(done, "directory.done"));
    } catch (error) {
      showError(error);
      apply.disabled = false;
    }
  });
  return h("div", {}, summary(counts, "directory.wouldChange"),
    h("div", { class: "actions" }, apply));
}

function summary(counts, heading) {
  return h("section", { class: "section", "aria-labelledby": "directory-summary" },
    h("h2", { id: "directory-summary", class: "section-title" }, t(heading)),
    h("ul", { class: "card list directory-counts" },
      ["created", "updated", "unchanged"].map((kind) => h("li", { class: "row" },
        h("span", { class: "row-title" }, plural(`directory.${kind}`, counts[kind])))),
      h("li", { class: "row row-meta" }, plural("directory.lines", counts.total))));
}

/** Errors by line, in words: "Line 3 · Email: Already used by employee E0002." */
function problems(error) {
  const lines = Object.entries(error.fields || {});
  return h("section", { class: "section", "aria-labelledby": "directory-problems" },
    h("h2", { id: "directory-problems", class: "section-title" },
      lines.length ? plural("directory.problems", lines.length) : error.message),
    lines.length > 0 && h("p", { class: "hint" }, t("directory.nothingChanged")),
    lines.length > 0 && h("ul", { class: "card list directory-problems" }, lines.map(([line, found]) =>
      h("li", { class: "row" }, h("span", { class: "row-body" },
        h("span", { class: "row-title" }, /^\d+$/.test(line) ? t("directory.line", { line }) : line),
        sentences(found).map((text) => h("span", { class: "row-meta" }, text)))))));
}

function sentences(found) {
  const words = (messages) => [].concat(messages).filter((m) => typeof m === "string").join(" ");
  if (!found || typeof found !== "object" || Array.isArray(found)) return [words(found)];
  return Object.entries(found).map(([field, messages]) => `${has(`directory.field.${field}`)
    ? t(`directory.field.${field}`) : field}: ${words(messages)}`);
}
