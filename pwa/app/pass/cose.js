// COSE_Sign1 (RFC 9052) with EdDSA/Ed25519 through WebCrypto: take one apart, check it, make one.

import { bstr, concat, decode, Tagged, tstr } from "./cbor.js";

export const TAG_SIGN1 = 18;
export const ALG_EDDSA = -8;
export const HDR_ALG = 1;
export const HDR_KID = 4;
const ED25519 = { name: "Ed25519" };
const SIGNATURE1 = tstr("Signature1");
const EMPTY_BSTR = Uint8Array.of(0x40); // external_aad: h''
// { 1: -8 }: the protected header of a live pass (no kid: the key is the credential's "dk").
export const PROTECTED_EDDSA = Uint8Array.of(0xa1, 0x01, 0x27);

/** Bytes that are not the structure the format prescribes. */
export class Malformed extends Error {}

/**
 * A tagged COSE_Sign1 taken apart: {protectedBytes, header, payload, signature}.
 * Throws Malformed (or the decoder's CborError) on anything else.
 */
export function parseSign1(bytes) {
  const message = decode(bytes);
  if (!(message instanceof Tagged) || message.tag !== TAG_SIGN1) {
    throw new Malformed("not a tagged COSE_Sign1");
  }
  const parts = message.value;
  if (!(Array.isArray(parts) && parts.length === 4 && parts[0] instanceof Uint8Array
      && parts[1] instanceof Map && parts[2] instanceof Uint8Array
      && parts[3] instanceof Uint8Array && parts[3].length === 64)) {
    throw new Malformed("not [protected, unprotected, payload, signature]");
  }
  const header = parts[0].length ? decode(parts[0]) : new Map();
  if (!(header instanceof Map) || header.get(HDR_ALG) !== ALG_EDDSA) {
    throw new Malformed("protected header must name alg EdDSA (-8)");
  }
  return { protectedBytes: parts[0], header, payload: parts[2], signature: parts[3] };
}

/** CBOR of ["Signature1", protected, h'', payload]: what the signature covers. */
export const sigStructure = (protectedBytes, payload) =>
  concat(Uint8Array.of(0x84), SIGNATURE1, bstr(protectedBytes), EMPTY_BSTR, bstr(payload));

/** True if the Ed25519 public CryptoKey signed this COSE_Sign1. */
export function signedBy(sign1, publicKey) {
  return crypto.subtle.verify(ED25519, publicKey, sign1.signature,
    sigStructure(sign1.protectedBytes, sign1.payload));
}

/** A tagged COSE_Sign1 over payload, signed with an Ed25519 private CryptoKey. */
export async function sign1(payload, privateKey, protectedBytes = PROTECTED_EDDSA) {
  const signature = new Uint8Array(await crypto.subtle.sign(ED25519, privateKey,
    sigStructure(protectedBytes, payload)));
  // d2 = tag 18, 84 = array(4), a0 = {} (no unprotected headers)
  return concat(Uint8Array.of(0xd2, 0x84), bstr(protectedBytes), Uint8Array.of(0xa0),
    bstr(payload), bstr(signature));
}

/** A raw 32-byte Ed25519 public key as a CryptoKey for verifying. */
export const importPublicKey = (raw) =>
  crypto.subtle.importKey("raw", raw, ED25519, false, ["verify"]);
