// Unit tests for pwa/app/pass/base45.js (RFC 9285) against tests/vectors/pass-vectors.json.
// Run all browser-codec tests from the repo root: `node --test tests/node/` (Node 20+, no npm).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { decode, encode } from "../../pwa/app/pass/base45.js";
import { body, fromHex, hex, vector, VECTORS, WELL_FORMED } from "./vectors.mjs";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const utf8 = (text) => new TextEncoder().encode(text);

describe("base45: RFC 9285 examples", () => {
  // RFC 9285 sections 4.3 and 4.4.
  const examples = [["AB", "BB8"], ["Hello!!", "%69 VD92EX0"], ["base-45", "UJCLQE7W581"],
    ["ietf!", "QED8WEX0"]];
  for (const [plain, text] of examples) {
    test(`${JSON.stringify(plain)} <-> ${JSON.stringify(text)}`, () => {
      assert.equal(encode(utf8(plain)), text);
      assert.equal(new TextDecoder().decode(decode(text)), plain);
    });
  }

  test("the empty string is no bytes, and back", () => {
    assert.equal(encode(new Uint8Array(0)), "");
    assert.deepEqual(decode(""), new Uint8Array(0));
  });

  test("group edges: 00 00, ff ff, a last 00 and a last ff", () => {
    assert.equal(encode(Uint8Array.of(0, 0)), "000");
    assert.equal(encode(Uint8Array.of(0xff, 0xff)), "FGW"); // 65535 = 15 + 16*45 + 32*2025
    assert.equal(encode(Uint8Array.of(0)), "00");
    assert.equal(encode(Uint8Array.of(0xff)), "U5"); // 255 = 30 + 5*45
    assert.deepEqual(decode("FGW"), Uint8Array.of(0xff, 0xff));
    assert.deepEqual(decode("U5"), Uint8Array.of(0xff));
  });
});

describe("base45: the pass vectors", () => {
  test("there are well-formed vectors to check", () => {
    assert.ok(WELL_FORMED.length >= 15, `only ${WELL_FORMED.length} well-formed vectors`);
  });

  for (const v of WELL_FORMED) {
    test(`${v.name}: decodes, and encodes back to exactly the same text`, () => {
      const bytes = decode(body(v));
      assert.ok(bytes instanceof Uint8Array);
      assert.equal(bytes.length, Math.floor(body(v).length / 3) * 2 + (body(v).length % 3 ? 1 : 0));
      assert.equal(bytes[0], 0xd2, "every pass is a COSE_Sign1, CBOR tag 18");
      assert.equal(encode(bytes), body(v));
    });
  }

  test("static-green: the 143 bytes docs/pass-format.md spells out, 219 characters", () => {
    const v = vector("static-green");
    assert.equal(v.qr.length, 219);
    assert.ok(v.qr.startsWith("TG1:RRQT 9P60GO0$+AWKB3UAR098CKUI7*709WESD0"));
    const bytes = decode(body(v));
    assert.equal(bytes.length, 143);
    const documented = fromHex(`d2 84 4d a20127044856475aa75463474c a0 58 3a a7
      01 62 7467  02 65 4530303031  04 1a 69a5b400  06 1a 69a4e110  07 4c 101010101010101010101010
      62 7374 61 47  61 6e 6c 4c69204e6120e69d8ee5a89c  58 40 a62ac892`);
    assert.equal(hex(bytes.subarray(0, documented.length)), hex(documented));
    assert.equal(hex(bytes.subarray(-3)), "7b8504");
  });

  test("every pass text uses only the QR alphanumeric alphabet", () => {
    for (const v of WELL_FORMED) {
      for (const char of body(v)) assert.ok(ALPHABET.includes(char), `${v.name}: ${char}`);
    }
  });
});

describe("base45: round trips", () => {
  test("every length 0..300 of pseudo-random bytes, and every single byte value", () => {
    let seed = 0x12345678;
    const next = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    };
    for (let n = 0; n <= 300; n += 1) {
      const bytes = Uint8Array.from({ length: n }, next);
      const text = encode(bytes);
      assert.equal(text.length, Math.floor(n / 2) * 3 + (n % 2) * 2);
      assert.match(text, /^[0-9A-Z $%*+\-./:]*$/);
      assert.deepEqual(decode(text), bytes);
    }
    for (let b = 0; b < 256; b += 1) {
      assert.deepEqual(decode(encode(Uint8Array.of(b))), Uint8Array.of(b));
      assert.deepEqual(decode(encode(Uint8Array.of(b, 255 - b))), Uint8Array.of(b, 255 - b));
    }
  });
});

describe("base45: invalid text is rejected with a SyntaxError", () => {
  const bad = VECTORS.find((v) => v.name === "static-bad-base45");
  const cases = [
    ["the static-bad-base45 vector (one character short)", bad && bad.qr.slice("TG1:".length)],
    ["one character", "A"],
    ["four characters", "BB8A"],
    ["lower case", "bb8"],
    ["a character outside the alphabet", "BB#"],
    ["a non-ASCII character", "BBÄ"],
    ["a three-character group above 65535", "GGW"],
    ["the largest three-character group", ":::"],
    ["a two-character group above 255", "V5"],
    ["the largest two-character group", "::"],
    ["a newline", "BB8\n"],
  ];
  for (const [what, text] of cases) {
    test(what, () => {
      assert.equal(typeof text, "string", "the vector is missing from pass-vectors.json");
      assert.throws(() => decode(text), SyntaxError);
    });
  }

  test("the bad vector is the good one cut short, and the good one decodes", () => {
    assert.ok(vector("static-bad-base45").qr.length % 3 !== 0);
    assert.equal(vector("static-bad-base45").qr, vector("static-green").qr.slice(0, -1));
    assert.doesNotThrow(() => decode(body(vector("static-green"))));
  });
});
