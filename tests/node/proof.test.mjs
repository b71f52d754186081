// The device's proof of possession (pwa/app/pass/proof.js) against the vectors' device_proofs:
// the same message bytes, and WebCrypto's Ed25519 signature of them (deterministic) is the
// vector's. Run: `node --test tests/node/`.

import assert from "node:assert/strict";
import { test } from "node:test";

import { proofMessage } from "../../pwa/app/pass/proof.js";
import { b64, DOC, fromHex, hex, importSeed, publicOf, unb64 } from "./vectors.mjs";

const PROOFS = DOC.device_proofs;

test("the vectors hold a valid proof and refused ones", () => {
  assert.deepEqual(PROOFS.map((p) => p.valid), [true, false, false]);
});

test("the phone builds the message byte for byte", () => {
  const [good] = PROOFS;
  assert.equal(hex(proofMessage(good.challenge, good.employee_id)), good.message_hex);
  assert.equal(hex(proofMessage("abc", "李")), `${hex(Buffer.from("TG1-DEVICE"))}00`
    + `${hex(Buffer.from("abc"))}00e69d8e`);
});

test("the device key's signature is the vector's, and only valid proofs verify", async () => {
  const device = await importSeed(unb64(DOC.test_only_device_private_key));
  assert.equal(b64(await publicOf(device)), PROOFS[0].public_key);
  const [good] = PROOFS;
  const signature = await crypto.subtle.sign({ name: "Ed25519" }, device, fromHex(good.message_hex));
  assert.equal(b64(new Uint8Array(signature)), good.signature);

  const key = await crypto.subtle.importKey("raw", unb64(good.public_key), { name: "Ed25519" },
    false, ["verify"]);
  for (const proof of PROOFS) {
    const ok = await crypto.subtle.verify({ name: "Ed25519" }, key, unb64(proof.signature),
      proofMessage(proof.challenge, proof.employee_id));
    assert.equal(ok, proof.valid, proof.name);
  }
});
