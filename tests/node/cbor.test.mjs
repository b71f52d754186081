// Unit tests for pwa/app/pass/cbor.js (RFC 8949 decoder and the live pass's encoders), checked
// against the claims in tests/vectors/pass-vectors.json. Run: `node --test tests/node/`.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { decode as base45 } from "../../pwa/app/pass/base45.js";
import {
  bstr, CborError, concat, decode, Float, head, Tagged, tstr, uint,
} from "../../pwa/app/pass/cbor.js";
import {
  b64, body, CLAIM_NAMES, fromHex, hex, isLive, SIGNED, vector, WELL_FORMED,
} from "./vectors.mjs";

/** The decoded claims map in the vectors file's JSON shape (names, bytes as base64url). */
function readable(claims) {
  assert.ok(claims instanceof Map, "claims must be a CBOR map");
  const out = {};
  for (const [key, value] of claims) {
    out[CLAIM_NAMES.get(key) ?? key] = value instanceof Uint8Array ? b64(value) : value;
  }
  return out;
}

/** [COSE_Sign1 array of the credential, t or undefined] of a vector, decoded with cbor.js only. */
function credentialOf(v) {
  let message = decode(base45(body(v)));
  let t;
  if (isLive(v)) {
    assert.ok(message instanceof Tagged && message.tag === 18);
    const inner = decode(message.value[2]);
    assert.ok(inner instanceof Map);
    assert.deepEqual([...inner.keys()], ["c", "t"]);
    t = inner.get("t");
    message = decode(inner.get("c"));
  }
  assert.ok(message instanceof Tagged, "not tagged");
  assert.equal(message.tag, 18);
  assert.ok(Array.isArray(message.value) && message.value.length === 4);
  return [message.value, t];
}

describe("cbor: the vectors' payloads decode to the claims the vectors file expects", () => {
  test("there are signed vectors with claims to compare", () => {
    assert.ok(SIGNED.length >= 10, `only ${SIGNED.length} vectors with claims`);
  });

  for (const v of SIGNED) {
    test(v.name, () => {
      const [[protectedBytes, unprotected, payload, signature], t] = credentialOf(v);
      const claims = decode(payload);
      assert.deepEqual(readable(claims), v.expected.claims);
      // The server writes the claims in the order docs/pass-format.md gives.
      const order = [1, 2, 4, 6, 7, "st", "n", ...(claims.has("dk") ? ["dk"] : [])];
      assert.deepEqual([...claims.keys()], order);
      assert.equal(t, v.expected.t, "t of a live pass (undefined for a static one)");
      assert.ok(unprotected instanceof Map && unprotected.size === 0);
      assert.ok(protectedBytes instanceof Uint8Array && signature instanceof Uint8Array);
      assert.equal(signature.length, 64);
      const header = decode(protectedBytes);
      assert.deepEqual([...header.keys()], [1, 4]);
      assert.equal(header.get(1), -8);
      assert.equal(header.get(4).length, 8);
    });
  }

  test("every well-formed vector decodes as CBOR all the way down", () => {
    for (const v of WELL_FORMED) assert.doesNotThrow(() => decode(credentialOf(v)[0][2]), v.name);
  });

  test("a 30-byte name and the UTF-8 name come back as text", () => {
    const red = decode(credentialOf(vector("static-red-30-byte-name"))[0][2]);
    assert.equal(red.get("n"), "Maximilian Alexander Schneider");
    assert.equal(new TextEncoder().encode(red.get("n")).length, 30);
    assert.equal(decode(credentialOf(vector("static-green"))[0][2]).get("n"), "Li Na 李娜");
  });

  test("byte strings are views of the input (signatures cover the bytes as sent)", () => {
    const bytes = base45(body(vector("static-green")));
    const [protectedBytes, , payload, signature] = decode(bytes).value;
    for (const part of [protectedBytes, payload, signature]) {
      assert.equal(part.buffer, bytes.buffer);
    }
    assert.equal(protectedBytes.byteOffset, 3);
    assert.equal(payload.byteOffset, 3 + 13 + 1 + 2);
    assert.equal(signature.byteOffset, bytes.length - 64);
  });

  test("keys and integers in any valid CBOR length decode the same (no canonical form)", () => {
    // {1: "tg", 4: 1772467200} with 4 written in 8 bytes and 1 written in 2
    const long = fromHex("a2 1900 01 62 7467 1b 0000000069a5b400 1a 69a5b400");
    assert.deepEqual(decode(long), new Map([[1, "tg"], [1772467200, 1772467200]]));
  });
});

describe("cbor: RFC 8949 Appendix A examples", () => {
  const examples = [
    ["00", 0], ["01", 1], ["0a", 10], ["17", 23], ["1818", 24], ["1819", 25], ["1864", 100],
    ["1903e8", 1000], ["1a000f4240", 1000000], ["1b000000e8d4a51000", 1000000000000],
    ["1bffffffffffffffff", 18446744073709551615n], ["20", -1], ["29", -10], ["3863", -100],
    ["3903e7", -1000], ["3bffffffffffffffff", -18446744073709551616n],
    ["f4", false], ["f5", true], ["f6", null], ["f7", undefined],
    ["40", new Uint8Array(0)], ["4401020304", Uint8Array.of(1, 2, 3, 4)],
    ["60", ""], ["6161", "a"], ["6449455446", "IETF"], ["62c3bc", "ü"], ["63e6b0b4", "水"],
    ["80", []], ["83010203", [1, 2, 3]], ["8301820203820405", [1, [2, 3], [4, 5]]],
    ["a0", new Map()], ["a201020304", new Map([[1, 2], [3, 4]])],
    ["a26161016162820203", new Map([["a", 1], ["b", [2, 3]]])],
    ["c11a514b67b0", new Tagged(1, 1363896240)],
    ["d818456449455446", new Tagged(24, fromHex("6449455446"))],
  ];
  for (const [bytes, value] of examples) {
    test(`${bytes}`, () => assert.deepEqual(decode(fromHex(bytes)), value));
  }

  const floats = [["f90000", 0], ["f98000", -0], ["f93c00", 1], ["f93e00", 1.5], ["f97bff", 65504],
    ["f90001", 5.960464477539063e-8], ["f90400", 0.00006103515625], ["f9c400", -4],
    ["f97c00", Infinity], ["f9fc00", -Infinity], ["f97e00", NaN], ["fa47c35000", 100000],
    ["fb3ff199999999999a", 1.1], ["fbc010666666666666", -4.1]];
  for (const [bytes, value] of floats) {
    test(`${bytes} is a Float, not an integer`, () => {
      const decoded = decode(fromHex(bytes));
      assert.ok(decoded instanceof Float);
      assert.ok(Object.is(decoded.value, value), `${decoded.value} !== ${value}`);
    });
  }
});

describe("cbor: malformed input is a CborError (a SyntaxError: verify.js says tampered)", () => {
  test("CborError is a SyntaxError", () => assert.ok(new CborError("x") instanceof SyntaxError));

  for (const v of [vector("static-green"), vector("live-green")]) {
    test(`${v.name}: every truncation is rejected, and so are bytes left over`, () => {
      const bytes = base45(body(v));
      assert.ok(bytes.length > 100);
      for (let n = 0; n < bytes.length; n += 1) {
        assert.throws(() => decode(bytes.subarray(0, n)), CborError, `first ${n} bytes`);
      }
      assert.throws(() => decode(concat(bytes, Uint8Array.of(0))), /left over/);
      assert.doesNotThrow(() => decode(bytes));
    });
  }

  const malformed = [
    ["nothing at all", ""],
    ["two items", "0000"],
    ["indefinite byte string", "5f42010243030405ff"],
    ["indefinite text", "7f657374726561646d696e67ff"],
    ["indefinite array", "9f018202039f0405ffff"],
    ["indefinite map", "bf61610161629f0203ffff"],
    ["a lone break", "ff"],
    ["reserved additional info 28", "1c"],
    ["reserved additional info 30 in a negative", "3e"],
    ["a one-byte simple value", "f820"],
    ["an unassigned simple value in the reserved range", "fc"],
    ["text that is not UTF-8", "62c328"],
    ["a lone surrogate encoded in UTF-8", "63eda080"],
    ["a byte string longer than the input", "5a ffffffff 00"],
    ["a byte string length beyond 2^53", "5b ffffffffffffffff"],
    ["an array claiming 2^32-1 elements", "9a ffffffff 00"],
    ["a map claiming 2^32-1 pairs", "ba ffffffff 00"],
    ["a map with a key but no value", "a1 01"],
    ["a truncated 8-byte integer", "1b 0000"],
    ["a truncated half float", "f9 3c"],
    ["nesting deeper than 16", "81".repeat(40) + "00"],
    ["tags nested deeper than 16", "c1".repeat(40) + "00"],
  ];
  for (const [what, bytes] of malformed) {
    test(what, () => assert.throws(() => decode(fromHex(bytes)), CborError));
  }

  test("nesting up to the limit still decodes", () => {
    let expected = 0;
    for (let i = 0; i < 16; i += 1) expected = [expected];
    assert.deepEqual(decode(fromHex("81".repeat(16) + "00")), expected);
  });
});

describe("cbor: the encoders the live pass uses", () => {
  const heads = [[0, 0, "00"], [0, 23, "17"], [0, 24, "1818"], [0, 255, "18ff"], [0, 256, "190100"],
    [0, 65535, "19ffff"], [0, 65536, "1a00010000"], [0, 1772416800, "1a69a4ef20"],
    [0, 0xffffffff, "1affffffff"], [2, 64, "5840"], [2, 13, "4d"], [3, 10, "6a"], [4, 4, "84"],
    [5, 7, "a7"], [6, 18, "d2"]];
  for (const [major, n, bytes] of heads) {
    test(`head(${major}, ${n}) = ${bytes}`, () => assert.equal(hex(head(major, n)), bytes));
  }

  test("head refuses 2^32 and above", () => {
    assert.throws(() => head(0, 2 ** 32), RangeError);
    assert.throws(() => uint(2 ** 40), RangeError);
  });

  test("uint, bstr and tstr decode back to what they encode", () => {
    for (const n of [0, 1, 23, 24, 255, 256, 65535, 65536, 1772416795, 0xffffffff]) {
      assert.equal(decode(uint(n)), n);
    }
    for (const size of [0, 1, 23, 24, 64, 143, 255, 256, 300, 70000]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7) & 0xff);
      const encoded = bstr(bytes);
      assert.deepEqual(decode(encoded), bytes);
      assert.equal(encoded.length - size, size < 24 ? 1 : size < 256 ? 2 : size < 65536 ? 3 : 5);
    }
    for (const text of ["", "c", "t", "Signature1", "Li Na 李娜", "x".repeat(300)]) {
      assert.equal(decode(tstr(text)), text);
    }
    assert.equal(hex(tstr("Li Na 李娜")), "6c4c69204e6120e69d8ee5a89c");
    assert.equal(hex(tstr("Signature1")), "6a5369676e617475726531");
  });

  test("concat joins byte arrays in order", () => {
    assert.deepEqual(concat(), new Uint8Array(0));
    assert.deepEqual(concat(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)),
      Uint8Array.of(1, 2, 3));
  });

  test("the live payload template rebuilds live-green's payload byte for byte", () => {
    const v = vector("live-green");
    const outer = decode(base45(body(v)));
    const inner = decode(outer.value[2]);
    const rebuilt = concat(Uint8Array.of(0xa2, 0x61, 0x63), bstr(inner.get("c")),
      Uint8Array.of(0x61, 0x74), uint(v.expected.t));
    assert.equal(hex(rebuilt), hex(outer.value[2]));
  });
});
