// Who something is for, picked from GET /api/audiences/options: everyone, a business unit, one
// of its departments, or a site, each a <select> (the department's follows the unit chosen).
// Used by the Campaigns tool (who a campaign is for, who may write to it) and check-ins, which
// also offer "people": listed by name (ui/people-chooser.js).

import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { peopleChooser } from "./people-chooser.js";

/**
 * `prefix` keeps the controls' ids and names apart when a form has two pickers ("audience",
 * "writers"); `kinds` the kinds offered, in order. Returns {element, value()}.
 */
export function audiencePicker(options, { prefix, legend, kinds = ["company", "unit", "department", "site"] }) {
  const name = (part) => `${prefix}_${part}`;
  const sized = (item) => [item.name, item.size == null ? item.name
    : t("picker.sized", { name: item.name, count: formatNumber(item.size) })];
  const kind = select(name("kind"), t("picker.kind"), kinds.map((k) => [k, t(`picker.kind.${k}`)]));
  const unit = select(name("unit"), t("picker.unit"), options.units.map(sized));
  const department = select(name("department"), t("picker.department"), []);
  const site = select(name("site"), t("picker.site"), (options.sites ?? []).map(sized));
  const people = kinds.includes("people")
    ? peopleChooser({ id: `picker-${name("people")}`, name: name("people"), label: t("picker.people") }) : null;
  const element = h("fieldset", { class: "section publish-group" },
    h("legend", { class: "section-title" }, legend),
    h("div", { class: "card publish-fields" }, kind, unit, department, site, people?.element));
  const control = (field) => field.querySelector("select");

  const update = () => {
    const chosen = control(kind).value;
    unit.hidden = !["unit", "department"].includes(chosen);
    department.hidden = chosen !== "department";
    site.hidden = chosen !== "site";
    if (people) people.element.hidden = chosen !== "people";
    const units = options.units.find((u) => u.name === control(unit).value);
    if (control(department).dataset.unit !== control(unit).value) {
      control(department).replaceChildren(...(units?.departments ?? []).map((d) => {
        const [value, text] = sized(d);
        return h("option", { value }, text);
      }));
      control(department).dataset.unit = control(unit).value;
    }
  };
  element.addEventListener("change", update);
  update();

  return {
    element,
    value() {
      const chosen = control(kind).value;
      if (chosen === "company") return { kind: "company" };
      if (chosen === "site") return { kind: "site", site: control(site).value };
      if (chosen === "people") return { kind: "people", people: people.ids() };
      const audience = { kind: chosen, unit: control(unit).value };
      if (chosen === "department") audience.department = control(department).value;
      return audience;
    },
    reset() {
      control(kind).selectedIndex = 0;
      update();
    },
  };
}

function select(name, label, choices) {
  const id = `picker-${name}`;
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    h("select", { id, name, class: "input", "aria-describedby": `${id}-error` },
      choices.map(([value, text]) => h("option", { value }, text))),
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}
