// Checks a scanned pass offline, in the order docs/pass-format.md prescribes ("Checking a
// pass"): the first check that fails names the reason. Pure: the caller brings the issuer keys,
// the revocation list and the clock, so the same code runs on a guard's phone and in tests.

import * as base45 from "./base45.js";
import { fromB64url, toB64url } from "./b64url.js";
import { HDR_KID, importPublicKey, Malformed, parseSign1, signedBy } from "./cose.js";
import { decode } from "./cbor.js";

export const PREFIX = "TG1:";
export const LIVE_PREFIX = "TG1L:";
export const REASONS = ["ok", "expired", "not_yet_valid", "tampered", "unknown_key", "revoked",
  "replayed", "not_together"];
export const LIVE_WINDOW_S = 60; // a live QR older (or newer) than this is refused
const IAT_SKEW_S = 60; // clocks differ a little: a credential "issued" this far ahead is fine
const COLOURS = { G: "green", Y: "yellow", R: "red" };
const ISS = 1, SUB = 2, EXP = 4, IAT = 6, CTI = 7;

/**
 * What a verifier trusts: issuer keys by kid and revoked ids, from the API's JWKS
 * ({keys: [{kid, x, ...}]}) and revocation list ({credentials: [...], devices: [...]}).
 */
export async function trustFrom(jwks, revocations = {}) {
  const keys = new Map();
  for (const jwk of jwks?.keys || []) {
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.kid || !jwk.x) continue;
    keys.set(jwk.kid, await importPublicKey(fromB64url(jwk.x)));
  }
  return { keys, revokedCredentials: new Set(revocations.credentials || []),
    revokedDevices: new Set(revocations.devices || []) };
}

/**
 * The verdict on a scanned text at `now` (epoch seconds): {reason, valid, live, t, claims}.
 * claims (iss, sub, exp, iat, st, n, and cti and dk in base64url) are set once the issuer's
 * signature held, so a guard sees whose expired or revoked pass it was.
 */
export async function verifyPass(text, trust, now) {
  const live = text.startsWith(LIVE_PREFIX);
  if (!live && !text.startsWith(PREFIX)) return verdict("not_together");
  let claims, t = null;
  try {
    const data = base45.decode(text.slice(live ? LIVE_PREFIX.length : PREFIX.length));
    const outer = live ? parseSign1(data) : null;
    let inner = data;
    if (outer) [inner, t] = livePayload(outer.payload);
    const credential = parseSign1(inner);
    const kid = credential.header.get(HDR_KID);
    const issuer = kid instanceof Uint8Array ? trust.keys.get(toB64url(kid)) : undefined;
    if (!issuer) return verdict("unknown_key");
    if (!(await signedBy(credential, issuer))) return verdict("tampered");
    claims = claimsOf(credential.payload);
    if (outer) {
      if (!claims.dk || !(await signedBy(outer, await importPublicKey(claims.dkBytes)))) {
        return verdict("tampered");
      }
    } else if (claims.dk) {
      // A device-bound credential shown without its device's signature was copied.
      return verdict("replayed", { claims, live });
    }
  } catch (error) {
    // Not base45, not CBOR, not the structure, not a key: all the same to a guard. Anything
    // else is a bug, and must not pass for a verdict.
    if (error instanceof SyntaxError || error instanceof Malformed || error instanceof DOMException) {
      return verdict("tampered");
    }
    throw error;
  }
  const found = { claims, live, t };
  if (claims.iat > now + IAT_SKEW_S) return verdict("not_yet_valid", found);
  if (now >= claims.exp) return verdict("expired", found);
  if (trust.revokedCredentials.has(claims.cti) || (claims.dk && trust.revokedDevices.has(claims.dk))) {
    return verdict("revoked", found);
  }
  if (t !== null && t < now - LIVE_WINDOW_S) return verdict("replayed", found);
  if (t !== null && t > now + LIVE_WINDOW_S) return verdict("not_yet_valid", found);
  return verdict("ok", found);
}

function verdict(reason, { claims = null, live = false, t = null } = {}) {
  if (claims) {
    claims = { ...claims };
    delete claims.dkBytes;
  }
  // A static pass (TG1:) is paper, or a copy of it: the guard is told to check photo ID.
  return { reason, valid: reason === "ok", live, t, claims,
    colour: claims && reason === "ok" ? COLOURS[claims.st] : null,
    presentation: claims ? (live ? "live" : "printed") : null };
}

const isUint = (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0)
  || (typeof v === "bigint" && v >= 0n && v < 2n ** 63n);

function livePayload(payload) {
  const inner = decode(payload);
  if (!(inner instanceof Map && inner.get("c") instanceof Uint8Array && isUint(inner.get("t")))) {
    throw new SyntaxError('live payload must be {"c": bytes, "t": uint}');
  }
  return [inner.get("c"), inner.get("t")];
}

function claimsOf(payload) {
  const c = decode(payload);
  if (!(c instanceof Map && c.get(ISS) === "tg" && typeof c.get(SUB) === "string"
      && isUint(c.get(EXP)) && isUint(c.get(IAT)) && c.get(CTI) instanceof Uint8Array
      && c.get(CTI).length >= 1 && c.get(CTI).length <= 16 && typeof c.get("st") === "string"
      && Object.hasOwn(COLOURS, c.get("st")) && typeof c.get("n") === "string")) {
    throw new SyntaxError("claims missing or of the wrong type");
  }
  const dk = c.get("dk");
  if (c.has("dk") && !(dk instanceof Uint8Array && dk.length === 32)) {
    throw new SyntaxError("dk must be a raw 32-byte Ed25519 public key");
  }
  return { iss: "tg", sub: c.get(SUB), exp: c.get(EXP), iat: c.get(IAT), cti: toB64url(c.get(CTI)),
    st: c.get("st"), n: c.get("n"), ...(c.has("dk") ? { dk: toB64url(dk), dkBytes: dk } : {}) };
}
