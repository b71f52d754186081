// The device's proof of possession (docs/pass-format.md, "Registering a device"): the bytes
// the device key signs so the server binds the key only to the person whose phone holds it.

/** UTF-8 of "TG1-DEVICE" 0x00 challenge 0x00 employee-id. */
export function proofMessage(challenge, employeeId) {
  return new TextEncoder().encode(`TG1-DEVICE\0${challenge}\0${employeeId}`);
}
