// This phone's device key and today's device-bound credential. The key pair is made once, in
// WebCrypto, non-extractable, and kept in IndexedDB; its public half is registered with the
// server, which then binds the person's credential to it. The credential is kept too, so the
// pass shows at a door with no network.

import { get, post } from "../api.js";
import { toB64url } from "./b64url.js";
import * as db from "./db.js";
import { nowS } from "./live.js";
import { proofMessage } from "./proof.js";

const DEVICE = "device";
const CREDENTIAL = "credential";

async function newDevice(user) {
  const keys = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
  const device = { id: DEVICE, employeeId: user.id, keys, publicKey: toB64url(raw),
    registered: false, createdAt: Date.now() };
  await db.put(device);
  return device;
}

/** The device record of this person on this phone: {keys, publicKey, registered}, or null. */
export async function savedDevice(user) {
  const device = await db.get(DEVICE);
  return device && device.employeeId === user.id ? device : null;
}

/** Proves this phone holds the key: it signs a fresh, single-use server challenge. */
async function proof(user, device) {
  const { challenge } = await post("/api/health/devices/challenge", {});
  const signature = await crypto.subtle.sign({ name: "Ed25519" }, device.keys.privateKey,
    proofMessage(challenge, user.id));
  return { public_key: device.publicKey, challenge, signature: toB64url(new Uint8Array(signature)) };
}

/** Registers the public key; a key the server revoked (another phone took over) is replaced. */
async function register(user, device, { again = true } = {}) {
  try {
    const answer = await post("/api/health/devices", await proof(user, device));
    const registered = { ...device, registered: true };
    await db.put(registered);
    if (answer.pass) await keep(user, registered, answer.pass);
    return registered;
  } catch (error) {
    if (!again) throw error;
    if (error.code === "device_challenge_expired") return register(user, device, { again: false });
    // Revoked (another phone took over) or bound to someone else: this phone makes a new key.
    if (error.code !== "device_revoked" && error.code !== "device_key_taken") throw error;
    return register(user, await newDevice(user), { again: false });
  }
}

async function keep(user, device, pass) {
  const record = { id: CREDENTIAL, employeeId: user.id, deviceKey: device.publicKey, ...pass };
  await db.put(record);
  return record;
}

/** Today's credential as last fetched, if it is still this person's, this key's and in date. */
export async function savedPass(user) {
  const [device, pass] = await Promise.all([savedDevice(user), db.get(CREDENTIAL)]);
  if (!device || !pass || pass.employeeId !== user.id || pass.deviceKey !== device.publicKey) {
    return null;
  }
  return pass.expires_at > nowS() ? { pass, device } : null;
}

/**
 * Fetches today's credential for this phone (registering the key first if needed).
 * Resolves to {pass, device}, with pass null when there is no declaration today; rejects
 * with the API's error otherwise (offline, say).
 */
export async function fetchPass(user) {
  let device = (await savedDevice(user)) || (await newDevice(user));
  if (!device.registered) device = await register(user, device);
  let answer = await ask(device);
  if (answer === NOT_REGISTERED) { // another phone of theirs took over: this one, in use, takes over again
    device = await register(user, { ...device, registered: false });
    answer = await ask(device);
  }
  if (answer === null) {
    await db.remove(CREDENTIAL);
    return { pass: null, device };
  }
  if (answer === NOT_REGISTERED) throw new Error("device registered but not recognised");
  return { pass: await keep(user, device, answer), device };
}

const NOT_REGISTERED = Symbol("device_not_registered");

async function ask(device) {
  try {
    return await get(`/api/health/pass?device_key=${device.publicKey}`);
  } catch (error) {
    if (error.code === "declaration_required") return null;
    if (error.code === "device_not_registered") return NOT_REGISTERED;
    throw error;
  }
}
