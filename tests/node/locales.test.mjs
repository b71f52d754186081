// The two languages of pwa/locales/ name the same strings with the same parameters: the app
// downloads only the language it shows, so a key missing in one would show as its raw name.

import assert from "node:assert/strict";
import { test } from "node:test";

import en from "../../pwa/locales/en.js";
import zhCN from "../../pwa/locales/zh-CN.js";

const parameters = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const PLURAL_FORM = /\.(zero|one|two|few|many)$/; // i18n.plural: forms a language may not use

/** English keys a language must have too: plural forms only where its rules use them. */
function needed(code) {
  const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  return Object.keys(en).filter((key) => !PLURAL_FORM.test(key)
    || forms.includes(key.match(PLURAL_FORM)[1]));
}

test("every English string has a Chinese one, and the other way round", () => {
  assert.deepEqual(needed("zh-CN").filter((key) => !(key in zhCN)), []);
  assert.deepEqual(Object.keys(zhCN).filter((key) => !(key in en)), []);
});

test("each string takes the same parameters in both languages", () => {
  const differ = Object.keys(en).filter((key) => key in zhCN
    && parameters(en[key]).join() !== parameters(zhCN[key]).join());
  assert.deepEqual(differ, []);
});
