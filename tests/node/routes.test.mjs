// The phone's routes: every tool listed under More opens a screen of its own, behind the same
// permission the list asks for (pwa/app/routes.js, pwa/app/tools.js).

import assert from "node:assert/strict";
import { test } from "node:test";

import { allowed, ROUTES } from "../../pwa/app/routes.js";
import { TOOLS } from "../../pwa/app/tools.js";

test("every tool under More has a route behind its own permission", () => {
  const missing = TOOLS.filter((tool) => ROUTES[tool.path]?.permission !== tool.permission);
  assert.deepEqual(missing.map((tool) => tool.path), []);
});

test("a person without the permission may not open a tool's route", () => {
  const scanner = ROUTES["/tools/scan"];
  assert.equal(allowed(scanner, { permissions: ["news.read"] }), false);
  assert.equal(allowed(scanner, { permissions: ["pass.scan"] }), true);
  assert.equal(allowed(ROUTES["/signin"], null), true);
});
