// Unit tests for the browser verifier pwa/app/pass/verify.js (and live.js, which makes live
// passes): every vector in tests/vectors/pass-vectors.json gets the reason and claims the file
// expects, as tests/vectors/test_vectors.py checks on the Python side.
// Run: `node --test tests/node/`.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import * as base45 from "../../pwa/app/pass/base45.js";
import { bstr, concat, decode, tstr, uint } from "../../pwa/app/pass/cbor.js";
import { sign1 } from "../../pwa/app/pass/cose.js";
import { liveText, PERIOD_S } from "../../pwa/app/pass/live.js";
import { LIVE_WINDOW_S, REASONS, trustFrom, verifyPass } from "../../pwa/app/pass/verify.js";
import { body, DOC, importSeed, publicOf, unb64, vector, VECTORS } from "./vectors.mjs";

const COLOURS = { G: "green", Y: "yellow", R: "red" };
const trustFor = (v) => trustFrom(DOC.jwks,
  { credentials: v.revoked_credentials, devices: v.revoked_devices });

describe("verifyPass: every vector", () => {
  test("the vectors cover every reason verify.js can give", () => {
    assert.ok(VECTORS.length >= 20, `only ${VECTORS.length} vectors`);
    const reasons = new Set(VECTORS.map((v) => v.expected.reason));
    assert.deepEqual([...reasons].sort(), [...REASONS].sort());
  });

  for (const v of VECTORS) {
    test(`${v.name}: ${v.expected.reason}`, async () => {
      const verdict = await verifyPass(v.qr, await trustFor(v), v.now);
      assert.equal(verdict.reason, v.expected.reason);
      assert.equal(verdict.valid, v.expected.valid);
      assert.equal(verdict.valid, v.expected.reason === "ok");
      assert.equal(verdict.live, v.qr.startsWith("TG1L:") && Boolean(v.expected.claims));
      // claims whenever the issuer's signature held (steps 1-6), null otherwise
      assert.deepEqual(verdict.claims, v.expected.claims ?? null);
      assert.equal(verdict.t, v.expected.t ?? null);
      assert.equal(verdict.colour, verdict.valid ? COLOURS[v.expected.claims.st] : null);
      // a static pass is presented as printed ("check photo ID"), a live one as live
      assert.equal(verdict.presentation, v.expected.presentation ?? null);
    });
  }
});

describe("verifyPass: the trust it is given decides", () => {
  test("with no issuer keys every signed pass is unknown_key", async () => {
    const empty = await trustFrom({ keys: [] });
    for (const name of ["static-green", "live-green", "static-tampered"]) {
      const { qr, now } = vector(name);
      assert.equal((await verifyPass(qr, empty, now)).reason, "unknown_key", name);
    }
    const none = await trustFrom(undefined);
    assert.equal((await verifyPass(vector("static-green").qr, none, 0)).reason, "unknown_key");
  });

  test("JWKS entries that are not Ed25519 OKP keys are skipped, not trusted", async () => {
    const [key] = DOC.jwks.keys;
    const trust = await trustFrom({ keys: [{ ...key, kty: "EC" }, { ...key, crv: "X25519" },
      { ...key, kid: "" }, { ...key, x: undefined }] });
    assert.equal(trust.keys.size, 0);
    const v = vector("static-green");
    assert.equal((await verifyPass(v.qr, trust, v.now)).reason, "unknown_key");
  });

  test("a JWKS with the key among others (a rotation) still verifies", async () => {
    const other = await importSeed(new Uint8Array(32).fill(7));
    const x = Buffer.from(await publicOf(other)).toString("base64url");
    const trust = await trustFrom({ keys: [{ kty: "OKP", crv: "Ed25519", kid: "AAAAAAAAAAA", x },
      ...DOC.jwks.keys] });
    assert.equal(trust.keys.size, 2);
    const v = vector("static-green");
    assert.equal((await verifyPass(v.qr, trust, v.now)).reason, "ok");
  });

  test("a pass checked with the default (empty) revocation list is not revoked", async () => {
    for (const name of ["static-revoked", "live-device-revoked"]) {
      const v = vector(name);
      assert.equal((await verifyPass(v.qr, await trustFrom(DOC.jwks), v.now)).reason, "ok", name);
    }
  });

  test("the time edges: exp is exclusive, iat may be 60 s ahead", async () => {
    const v = vector("static-green");
    const trust = await trustFrom(DOC.jwks);
    const { exp, iat } = v.expected.claims;
    assert.equal((await verifyPass(v.qr, trust, exp - 1)).reason, "ok");
    assert.equal((await verifyPass(v.qr, trust, exp)).reason, "expired");
    assert.equal((await verifyPass(v.qr, trust, iat - 60)).reason, "ok");
    assert.equal((await verifyPass(v.qr, trust, iat - 61)).reason, "not_yet_valid");
  });

  test("the live window is 60 s either side of t", async () => {
    assert.equal(LIVE_WINDOW_S, 60);
    const v = vector("live-red-30-byte-name");
    const trust = await trustFrom(DOC.jwks);
    const { t } = v.expected;
    assert.equal((await verifyPass(v.qr, trust, t + 60)).reason, "ok");
    assert.equal((await verifyPass(v.qr, trust, t + 61)).reason, "replayed");
    assert.equal((await verifyPass(v.qr, trust, t - 60)).reason, "ok");
    assert.equal((await verifyPass(v.qr, trust, t - 61)).reason, "not_yet_valid");
  });
});

describe("verifyPass: damaged passes are never ok and never throw", () => {
  test("flipping any bit of any byte of static-green", async () => {
    const v = vector("static-green");
    const trust = await trustFrom(DOC.jwks);
    const bytes = base45.decode(body(v));
    const seen = new Set();
    for (let i = 0; i < bytes.length; i += 1) {
      for (const bit of [0x01, 0x80]) {
        const copy = Uint8Array.from(bytes);
        copy[i] ^= bit;
        const { reason } = await verifyPass("TG1:" + base45.encode(copy), trust, v.now);
        assert.ok(reason === "tampered" || reason === "unknown_key",
          `byte ${i} ^ ${bit}: ${reason}`);
        seen.add(reason);
      }
    }
    assert.deepEqual([...seen].sort(), ["tampered", "unknown_key"]);
  });

  test("every truncation of a static and a live pass text", async () => {
    for (const name of ["static-green", "live-green"]) {
      const v = vector(name);
      const trust = await trustFrom(DOC.jwks);
      for (let n = 0; n < v.qr.length; n += 1) {
        const { reason } = await verifyPass(v.qr.slice(0, n), trust, v.now);
        assert.ok(reason === "tampered" || reason === "not_together",
          `${name} cut to ${n}: ${reason}`);
      }
    }
  });

  test("bytes left over after the credential", async () => {
    const v = vector("static-green");
    const bytes = base45.decode(body(v));
    const longer = "TG1:" + base45.encode(Uint8Array.of(...bytes, 0));
    assert.equal((await verifyPass(longer, await trustFrom(DOC.jwks), v.now)).reason, "tampered");
  });

  test("a live envelope whose payload is not {c: bstr, t: uint}", async () => {
    const devicePrivate = await importSeed(unb64(DOC.test_only_device_private_key));
    const v = vector("live-green");
    const credential = base45.decode(body(vector("bound-credential-shown-static")));
    const payloads = [
      concat(Uint8Array.of(0xa1), tstr("c"), bstr(credential)), // no t
      concat(Uint8Array.of(0xa2), tstr("c"), bstr(credential), tstr("t"), tstr("now")),
      concat(Uint8Array.of(0xa2), tstr("c"), tstr("x"), tstr("t"), uint(v.expected.t)),
      concat(Uint8Array.of(0xa2), tstr("c"), bstr(credential), tstr("t"),
        Uint8Array.of(0x20)), // t: -1
      concat(Uint8Array.of(0xa2), tstr("c"), bstr(credential), tstr("t"),
        Uint8Array.of(0xfb, 0x41, 0xda, 0, 0, 0, 0, 0, 0)), // t: a float
    ];
    const trust = await trustFrom(DOC.jwks);
    for (const payload of payloads) {
      const text = "TG1L:" + base45.encode(await sign1(payload, devicePrivate));
      assert.equal((await verifyPass(text, trust, v.now)).reason, "tampered");
    }
  });
});

describe("live.js: the phone's live pass", () => {
  let devicePrivate;
  before(async () => {
    devicePrivate = await importSeed(unb64(DOC.test_only_device_private_key));
  });

  test("liveText rebuilds the live vectors exactly from their credential, key and t", async () => {
    assert.equal(PERIOD_S, 15);
    const credential = vector("bound-credential-shown-static").qr;
    const names = ["live-green", "live-replayed", "live-edge-of-window", "live-from-the-future",
      "live-device-revoked"];
    for (const name of names) {
      const v = vector(name);
      assert.equal(await liveText(credential, devicePrivate, v.expected.t), v.qr, name);
    }
  });

  test("the credential inside a live pass is the issued bytes, not re-encoded", async () => {
    const v = vector("live-green");
    const outer = decode(base45.decode(body(v)));
    const c = decode(outer.value[2]).get("c");
    assert.equal("TG1:" + base45.encode(c), vector("bound-credential-shown-static").qr);
  });

  test("a live pass made now verifies now, and is replayed after the window", async () => {
    const credential = vector("bound-credential-shown-static").qr;
    const t = vector("live-green").now;
    const text = await liveText(credential, devicePrivate, t);
    const trust = await trustFrom(DOC.jwks);
    assert.equal((await verifyPass(text, trust, t + PERIOD_S)).reason, "ok");
    assert.equal((await verifyPass(text, trust, t + LIVE_WINDOW_S + 1)).reason, "replayed");
  });

  test("signed by another key, the live pass is tampered", async () => {
    const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    const v = vector("live-green");
    const text = await liveText(vector("bound-credential-shown-static").qr, pair.privateKey, v.now);
    assert.equal((await verifyPass(text, await trustFrom(DOC.jwks), v.now)).reason, "tampered");
  });

  test("liveText refuses anything but a TG1: credential", async () => {
    await assert.rejects(liveText(vector("live-green").qr, devicePrivate, 0), TypeError);
    await assert.rejects(liveText("HC1:ABC", devicePrivate, 0), TypeError);
  });
});
