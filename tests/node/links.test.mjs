// A notification's link is followed only inside the app (pwa/app/links.js).

import assert from "node:assert/strict";
import { test } from "node:test";

import { inApp } from "../../pwa/app/links.js";

const ORIGIN = "https://together.example.com";

test("a path in the app is followed, with its query", () => {
  assert.equal(inApp("/news", ORIGIN), "/news");
  assert.equal(inApp("/watch?id=N1", ORIGIN), "/watch?id=N1");
});

test("anything else is not: other origins, protocol-relative and scheme links, non-strings", () => {
  for (const link of ["https://evil.example/", "//evil.example/news", "javascript:alert(1)",
    "news", "", null, undefined, 42, "/\\evil.example"]) {
    assert.equal(inApp(link, ORIGIN), null, String(link));
  }
});
