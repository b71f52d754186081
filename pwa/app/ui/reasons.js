// Rule conditions and hold reasons in words ("fever", "symptom:cough"), with the symptom names
// the API sends in both languages; and a colour as a small chip.

import { get } from "../api.js";
import { h } from "../dom.js";
import { lang, t } from "../i18n.js";

let symptoms = null;

/** The symptoms' names by code, in my language (loaded once; empty when offline). */
export async function loadSymptoms() {
  if (!symptoms) {
    const answer = await get("/api/health/symptoms");
    symptoms = Object.fromEntries(answer.symptoms.map((s) => [s.code, s.labels[lang] || s.labels.en]));
  }
  return symptoms;
}

export const symptomCodes = () => Object.keys(symptoms || {});

/** "Fever", "Any symptom", "Symptom: Cough". */
export function conditionText(code) {
  if (code.startsWith("symptom:")) {
    const name = code.slice("symptom:".length);
    return t("console.condition.symptom", { name: symptoms?.[name] || name });
  }
  return t(`console.condition.${code}`);
}

export const chip = (colour) => h("span", { class: `colour-chip hp-${colour}` },
  t(`console.colour.${colour}`));
