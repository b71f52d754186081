// ESLint for the phone (pwa/): `sh infra/lint-js.sh`, run from anywhere (it runs from the repo
// root, so the patterns below are relative to it). ESLint's recommended rules, and a few that
// keep the house habits (STYLE.md): no view imports another, offline is asked as error.offline.

import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["pwa/vendor/**"] },
  {
    files: ["pwa/**/*.js", "pwa/**/*.mjs"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: globals.browser,
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      ...js.configs.recommended.rules,
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": ["error", { allow: ["warn", "error"] }], // toast.js speaks to people
      "no-var": "error",
      "object-shorthand": "error",
      "prefer-const": "error",
      "no-restricted-syntax": ["error", {
        selector: "UnaryExpression[operator='!'] > MemberExpression[property.name='status']",
        message: "No answer is error.offline (app/api.js); a status is an answer.",
      }],
    },
  },
  {
    files: ["pwa/app/views/**/*.js"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{
        group: ["./*"],
        message: "Views do not import each other: a shared piece goes in app/ui/ or a module of its own.",
      }] }],
    },
  },
  {
    files: ["pwa/sw.js"],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ["pwa/app/pass/decoder-worker.js"], // a classic worker (jsQR is a UMD script)
    languageOptions: { sourceType: "script", globals: globals.worker },
  },
];
