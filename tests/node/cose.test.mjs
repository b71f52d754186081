// Unit tests for pwa/app/pass/cose.js (COSE_Sign1, EdDSA/Ed25519 through WebCrypto) against
// tests/vectors/pass-vectors.json and its test-only keys. Run: `node --test tests/node/`.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { decode as base45 } from "../../pwa/app/pass/base45.js";
import { bstr, CborError, concat, decode, tstr } from "../../pwa/app/pass/cbor.js";
import {
  ALG_EDDSA, HDR_ALG, HDR_KID, importPublicKey, Malformed, parseSign1, PROTECTED_EDDSA,
  sigStructure, sign1, signedBy, TAG_SIGN1,
} from "../../pwa/app/pass/cose.js";
import {
  body, DOC, fromHex, hex, importSeed, isLive, publicOf, SIGNED, unb64, vector, VECTORS,
  WELL_FORMED,
} from "./vectors.mjs";

const [JWK] = DOC.jwks.keys;
const ISSUER_KID = unb64(JWK.kid);
const ISSUER_X = unb64(JWK.x);

/** {outer, credential} of a vector: parsed COSE_Sign1s (outer only for a live pass). */
function parsed(v) {
  const data = base45(body(v));
  if (!isLive(v)) return { outer: null, credential: parseSign1(data) };
  const outer = parseSign1(data);
  return { outer, credential: parseSign1(decode(outer.payload).get("c")) };
}

let issuer, issuerPrivate, device, devicePrivate;
before(async () => {
  issuer = await importPublicKey(ISSUER_X);
  issuerPrivate = await importSeed(unb64(DOC.test_only_issuer_private_key));
  devicePrivate = await importSeed(unb64(DOC.test_only_device_private_key));
  device = await importPublicKey(await publicOf(devicePrivate));
});

describe("cose: the test-only keys", () => {
  test("the JWKS key is the test-only issuer key, and its kid is SHA-256(x)[:8]", async () => {
    assert.equal(JWK.kty, "OKP");
    assert.equal(JWK.crv, "Ed25519");
    assert.equal(ISSUER_X.length, 32);
    assert.equal(hex(await publicOf(issuerPrivate)), hex(ISSUER_X));
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", ISSUER_X));
    assert.equal(hex(ISSUER_KID), hex(digest.subarray(0, 8)));
  });

  test("the test-only device key is the dk the device-bound vectors carry", async () => {
    const dk = vector("live-green").expected.claims.dk;
    assert.equal(hex(await publicOf(devicePrivate)), hex(unb64(dk)));
  });
});

describe("cose: parseSign1 on the vectors", () => {
  test("there are vectors to parse", () => assert.ok(WELL_FORMED.length >= 15));

  for (const v of WELL_FORMED) {
    test(v.name, () => {
      const { outer, credential } = parsed(v);
      for (const message of [outer, credential].filter(Boolean)) {
        assert.equal(message.header.get(HDR_ALG), ALG_EDDSA);
        assert.equal(message.signature.length, 64);
        assert.ok(message.payload instanceof Uint8Array && message.payload.length > 0);
      }
      if (outer) {
        assert.equal(hex(outer.protectedBytes), hex(PROTECTED_EDDSA),
          "a live pass's header is {1: -8}");
        assert.equal(outer.header.has(HDR_KID), false);
      }
      const kid = credential.header.get(HDR_KID);
      assert.ok(kid instanceof Uint8Array && kid.length === 8);
      assert.equal(hex(kid) === hex(ISSUER_KID), v.name !== "static-unknown-key");
    });
  }
});

describe("cose: signatures over the vectors", () => {
  for (const v of SIGNED) {
    const what = isLive(v) ? "the issuer signed the credential, the device the live pass"
      : "the issuer signed the credential";
    test(`${v.name}: ${what}`, async () => {
      const { outer, credential } = parsed(v);
      assert.equal(await signedBy(credential, issuer), true);
      assert.equal(await signedBy(credential, device), false, "the wrong key must not verify");
      if (outer) {
        assert.equal(await signedBy(outer, device), true);
        assert.equal(await signedBy(outer, issuer), false);
      }
    });
  }

  test("static-tampered: the issuer's signature no longer holds (st changed to R)", async () => {
    const { credential } = parsed(vector("static-tampered"));
    assert.equal(decode(credential.payload).get("st"), "R");
    assert.equal(await signedBy(credential, issuer), false);
  });

  test("live-wrong-device: the credential holds, the device signature does not", async () => {
    const { outer, credential } = parsed(vector("live-wrong-device"));
    assert.equal(await signedBy(credential, issuer), true);
    const dk = decode(credential.payload).get("dk");
    assert.equal(await signedBy(outer, await importPublicKey(dk)), false);
  });

  test("live-over-unbound-credential: the credential inside has no dk", async () => {
    const { credential } = parsed(vector("live-over-unbound-credential"));
    assert.equal(await signedBy(credential, issuer), true);
    assert.equal(decode(credential.payload).has("dk"), false);
  });

  test("static-unknown-key: signed, but by a key that is not in the JWKS", async () => {
    const { credential } = parsed(vector("static-unknown-key"));
    assert.equal(await signedBy(credential, issuer), false);
  });

  test("a flipped bit in the signed bytes or the signature breaks it", async () => {
    const { credential } = parsed(vector("static-green"));
    const flipped = (bytes, i) => {
      const copy = Uint8Array.from(bytes);
      copy[i] ^= 0x01;
      return copy;
    };
    for (let i = 0; i < credential.payload.length; i += 1) {
      const payload = flipped(credential.payload, i);
      assert.equal(await signedBy({ ...credential, payload }, issuer), false);
    }
    for (let i = 0; i < credential.protectedBytes.length; i += 1) {
      const protectedBytes = flipped(credential.protectedBytes, i);
      assert.equal(await signedBy({ ...credential, protectedBytes }, issuer), false);
    }
    for (let i = 0; i < 64; i += 8) {
      const signature = flipped(credential.signature, i);
      assert.equal(await signedBy({ ...credential, signature }, issuer), false);
    }
  });
});

describe("cose: Sig_structure and signing", () => {
  test("sigStructure is CBOR [\"Signature1\", protected, h'', payload]", () => {
    const { credential } = parsed(vector("static-green"));
    const expected = concat(Uint8Array.of(0x84), tstr("Signature1"),
      bstr(credential.protectedBytes), Uint8Array.of(0x40), bstr(credential.payload));
    assert.equal(hex(sigStructure(credential.protectedBytes, credential.payload)), hex(expected));
    const structure = decode(sigStructure(credential.protectedBytes, credential.payload));
    assert.equal(structure[0], "Signature1");
    assert.equal(hex(structure[1]), hex(credential.protectedBytes));
    assert.equal(structure[2].length, 0);
    assert.equal(hex(structure[3]), hex(credential.payload));
  });

  test("the live Sig_structure starts as docs/pass-format.md's byte template says", () => {
    const payload = Uint8Array.of(1, 2, 3);
    assert.equal(hex(sigStructure(PROTECTED_EDDSA, payload)),
      hex(fromHex("84 6a 5369676e617475726531 43 a10127 40 43 010203")));
  });

  // Ed25519 is deterministic: the same key and bytes give the same signature.
  test("sign1 with the test-only issuer key reproduces static-green byte for byte", async () => {
    const bytes = base45(body(vector("static-green")));
    const { credential } = parsed(vector("static-green"));
    const signed = await sign1(credential.payload, issuerPrivate, credential.protectedBytes);
    assert.equal(hex(signed), hex(bytes));
  });

  test("sign1 with the test-only device key reproduces live-green byte for byte", async () => {
    const v = vector("live-green");
    const bytes = base45(body(v));
    const { outer } = parsed(v);
    assert.equal(hex(await sign1(outer.payload, devicePrivate)), hex(bytes));
  });

  test("what sign1 makes parses and verifies, with a fresh key pair too", async () => {
    const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    const payload = new TextEncoder().encode("hello");
    const message = parseSign1(await sign1(payload, pair.privateKey));
    assert.equal(hex(message.protectedBytes), "a10127");
    assert.equal(hex(message.payload), hex(payload));
    assert.equal(await signedBy(message, pair.publicKey), true);
    assert.equal(await signedBy(message, issuer), false);
    const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
    assert.equal(await signedBy(message, await importPublicKey(raw)), true);
  });
});

describe("cose: what is not a COSE_Sign1 is rejected", () => {
  const sig = "5840" + "00".repeat(64);
  const cases = [
    ["an untagged array", `84 43a10127 a0 41 00 ${sig}`, Malformed],
    ["tag 17 (COSE_Mac0)", `d1 84 43a10127 a0 41 00 ${sig}`, Malformed],
    ["tag 98 (COSE_Sign)", `d8 62 84 43a10127 a0 41 00 ${sig}`, Malformed],
    ["three elements", `d2 83 43a10127 a0 41 00`, Malformed],
    ["five elements", `d2 85 43a10127 a0 41 00 ${sig} 00`, Malformed],
    ["a map, not an array", `d2 a0`, Malformed],
    ["a 63-byte signature", `d2 84 43a10127 a0 41 00 583f${"00".repeat(63)}`, Malformed],
    ["a 65-byte signature", `d2 84 43a10127 a0 41 00 5841${"00".repeat(65)}`, Malformed],
    ["a text payload", `d2 84 43a10127 a0 61 00 ${sig}`, Malformed],
    ["a text signature", `d2 84 43a10127 a0 41 00 7840${"30".repeat(64)}`, Malformed],
    ["an unprotected array", `d2 84 43a10127 80 41 00 ${sig}`, Malformed],
    ["protected header as a map, not a bstr", `d2 84 a10127 a0 41 00 ${sig}`, Malformed],
    ["no protected header (no alg)", `d2 84 40 a0 41 00 ${sig}`, Malformed],
    ["alg ES256 (-7)", `d2 84 43a10126 a0 41 00 ${sig}`, Malformed],
    ["alg as text \"EdDSA\"", `d2 84 48a101654564445341 a0 41 00 ${sig}`, Malformed],
    ["alg only in the unprotected header", `d2 84 40 a10127 41 00 ${sig}`, Malformed],
    ["a protected header that is an array", `d2 84 42 8100 a0 41 00 ${sig}`, Malformed],
    ["a protected header that is not CBOR", `d2 84 41 ff a0 41 00 ${sig}`, CborError],
    ["bytes left over after the COSE_Sign1", `d2 84 43a10127 a0 41 00 ${sig} 00`, CborError],
    ["truncated signature", `d2 84 43a10127 a0 41 00 5840 0000`, CborError],
  ];
  for (const [what, bytes, error] of cases) {
    test(what, () => assert.throws(() => parseSign1(fromHex(bytes)), error));
  }

  test("the well-formed template those cases break is accepted", () => {
    const message = parseSign1(fromHex(`d2 84 43a10127 a0 41 00 ${sig}`));
    assert.equal(message.header.get(HDR_ALG), -8);
    assert.equal(TAG_SIGN1, 18);
  });

  test("every truncation of every well-formed vector is rejected", () => {
    let checked = 0;
    for (const v of WELL_FORMED) {
      const bytes = base45(body(v));
      for (let n = 0; n < bytes.length; n += 1) {
        assert.throws(() => parseSign1(bytes.subarray(0, n)),
          (e) => e instanceof CborError || e instanceof Malformed);
        checked += 1;
      }
    }
    assert.ok(checked > 3000, `only ${checked} truncations`);
  });

  test("every vector's own bytes parse (the control for the cases above)", () => {
    assert.equal(VECTORS.filter((v) => WELL_FORMED.includes(v)).length, WELL_FORMED.length);
    for (const v of WELL_FORMED) assert.doesNotThrow(() => parsed(v), v.name);
  });
});
