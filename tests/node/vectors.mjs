// Shared by tests/node/*.test.mjs (run them: `node --test tests/node/` from the repo root).
// Not a test file itself: loads tests/vectors/pass-vectors.json (the vectors the Python side
// checks in tests/vectors/test_vectors.py) and fails loudly if it holds nothing to test.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const FILE = new URL("../vectors/pass-vectors.json", import.meta.url);
export const DOC = JSON.parse(readFileSync(FILE, "utf8"));
export const VECTORS = DOC.vectors;
assert.ok(Array.isArray(VECTORS) && VECTORS.length > 0, "pass-vectors.json holds no vectors");
assert.ok(DOC.jwks?.keys?.length > 0, "pass-vectors.json holds no issuer keys");

const byName = new Map(VECTORS.map((v) => [v.name, v]));
assert.equal(byName.size, VECTORS.length, "vector names must be unique");

/** The vector called `name`; throws if the file no longer has it (so no test skips silently). */
export function vector(name) {
  const found = byName.get(name);
  assert.ok(found, `pass-vectors.json has no vector "${name}"`);
  return found;
}

export const PREFIX = "TG1:";
export const LIVE_PREFIX = "TG1L:";
export const isLive = (v) => v.qr.startsWith(LIVE_PREFIX);
/** Vectors whose text is a Together pass made of well-formed base45 (every one but a few). */
export const WELL_FORMED = VECTORS.filter((v) => (v.qr.startsWith(PREFIX) || isLive(v))
  && v.name !== "static-bad-base45");
/** Vectors whose issuer signature holds: the vectors file then says what the pass claims. */
export const SIGNED = VECTORS.filter((v) => v.expected.claims);
assert.ok(WELL_FORMED.length > 0 && SIGNED.length > 0);

/** The base45 text after the prefix. */
export const body = (v) => v.qr.slice(isLive(v) ? LIVE_PREFIX.length : PREFIX.length);

export const hex = (bytes) => Buffer.from(bytes).toString("hex");
export const fromHex = (text) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ""), "hex"));
/** Unpadded base64url, written independently of pwa/app/pass/b64url.js. */
export const b64 = (bytes) => Buffer.from(bytes).toString("base64url");
export const unb64 = (text) => new Uint8Array(Buffer.from(text, "base64url"));

/** CWT claim numbers, named as the vectors file names them. */
export const CLAIM_NAMES = new Map([[1, "iss"], [2, "sub"], [4, "exp"], [6, "iat"], [7, "cti"]]);

/** A raw 32-byte Ed25519 seed (as in the vectors file) as a WebCrypto private key. */
export function importSeed(seed) {
  const pkcs8 = new Uint8Array([...fromHex("302e020100300506032b657004220420"), ...seed]);
  return crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, true, ["sign"]);
}

/** The raw public key of a private CryptoKey made by importSeed. */
export async function publicOf(privateKey) {
  const jwk = await crypto.subtle.exportKey("jwk", privateKey);
  return unb64(jwk.x);
}
