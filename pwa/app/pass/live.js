// The live pass a phone shows: its credential and the time, signed by the device key, as text
// `TG1L:` + base45(COSE_Sign1). Re-signed every PERIOD_S so a screenshot stops working soon.

import * as base45 from "./base45.js";
import { bstr, concat, uint } from "./cbor.js";
import { sign1 } from "./cose.js";
import { LIVE_PREFIX, PREFIX } from "./verify.js";

export const PERIOD_S = 15;

/** Epoch seconds on this phone's clock. */
export const nowS = () => Math.floor(Date.now() / 1000);

/**
 * The live text for a device-bound credential text (`TG1:...`) at time t (epoch seconds).
 * "c" carries the credential's bytes exactly as issued: they are never re-encoded.
 */
export async function liveText(credentialText, privateKey, t = nowS()) {
  if (!credentialText.startsWith(PREFIX)) throw new TypeError("not a TG1: credential");
  const credential = base45.decode(credentialText.slice(PREFIX.length));
  // {"c": credential, "t": t}: a2 61 63 <bstr c> 61 74 <uint t>
  const payload = concat(Uint8Array.of(0xa2, 0x61, 0x63), bstr(credential),
    Uint8Array.of(0x61, 0x74), uint(t));
  return LIVE_PREFIX + base45.encode(await sign1(payload, privateKey));
}
