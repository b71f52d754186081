// Unit tests for pwa/app/pass/b64url.js (unpadded base64url: the JWKS's x and kid, cti and dk in
// revocation lists), against the values in tests/vectors/pass-vectors.json.
// Run: `node --test tests/node/`.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { fromB64url, toB64url } from "../../pwa/app/pass/b64url.js";
import { DOC, hex, SIGNED, VECTORS } from "./vectors.mjs";

describe("b64url", () => {
  test("RFC 4648 test vectors, unpadded and URL-safe", () => {
    const cases = [["", ""], ["f", "Zg"], ["fo", "Zm8"], ["foo", "Zm9v"], ["foob", "Zm9vYg"],
      ["fooba", "Zm9vYmE"], ["foobar", "Zm9vYmFy"]];
    for (const [plain, text] of cases) {
      const bytes = new TextEncoder().encode(plain);
      assert.equal(toB64url(bytes), text);
      assert.deepEqual(fromB64url(text), bytes);
    }
    assert.equal(toB64url(Uint8Array.of(0xfb, 0xff, 0xbf)), "-_-_");
    assert.deepEqual(fromB64url("-_-_"), Uint8Array.of(0xfb, 0xff, 0xbf));
  });

  test("every base64url value in the vectors file decodes and encodes back unchanged", () => {
    const values = [DOC.test_only_issuer_private_key, DOC.test_only_device_private_key,
      ...DOC.jwks.keys.flatMap((k) => [k.x, k.kid]),
      ...VECTORS.flatMap((v) => [...v.revoked_credentials, ...v.revoked_devices]),
      ...SIGNED.flatMap((v) => [v.expected.claims.cti, v.expected.claims.dk].filter(Boolean))];
    assert.ok(values.length > 20, `only ${values.length} values`);
    for (const text of values) {
      const bytes = fromB64url(text);
      assert.equal(hex(bytes), Buffer.from(text, "base64url").toString("hex"));
      assert.equal(toB64url(bytes), text);
    }
    assert.equal(fromB64url(DOC.jwks.keys[0].x).length, 32);
    assert.equal(fromB64url(DOC.jwks.keys[0].kid).length, 8);
  });

  test("round trips every length 0..100", () => {
    for (let n = 0; n <= 100; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      assert.deepEqual(fromB64url(toB64url(bytes)), bytes);
      assert.equal(toB64url(bytes), Buffer.from(bytes).toString("base64url"));
    }
  });

  const invalid = [["padding", "Zg=="], ["standard base64 +", "+/+/"], ["a space", "Zm 9v"],
    ["a length of 4n+1", "Zm9vY"], ["non-canonical trailing bits", "Zh"], ["not a string", 42],
    ["null", null]];
  for (const [what, text] of invalid) {
    test(`rejects ${what}`, () => assert.throws(() => fromB64url(text), SyntaxError));
  }
});
