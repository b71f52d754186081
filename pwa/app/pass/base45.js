// Base45 (RFC 9285): bytes as QR alphanumeric characters, the text inside TG1: and TG1L: passes.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const VALUES = new Map([...ALPHABET].map((char, value) => [char, value]));

/** Uint8Array -> base45 text: each 2 bytes become 3 characters, a last odd byte 2. */
export function encode(bytes) {
  let text = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i] * 256 + bytes[i + 1];
    for (let k = 0; k < 3; k += 1) {
      text += ALPHABET[n % 45];
      n = Math.floor(n / 45);
    }
  }
  if (bytes.length % 2) text += ALPHABET[bytes.at(-1) % 45] + ALPHABET[Math.floor(bytes.at(-1) / 45)];
  return text;
}

/** base45 text -> Uint8Array; throws a SyntaxError on anything RFC 9285 does not allow. */
export function decode(text) {
  const digits = [...text].map((char) => {
    const value = VALUES.get(char);
    if (value === undefined) throw new SyntaxError("base45: not in the alphabet");
    return value;
  });
  if (digits.length % 3 === 1) throw new SyntaxError("base45: wrong length");
  const bytes = new Uint8Array(Math.floor(digits.length / 3) * 2 + (digits.length % 3 ? 1 : 0));
  let at = 0;
  for (let i = 0; i < digits.length; i += 3) {
    if (digits.length - i >= 3) {
      const n = digits[i] + digits[i + 1] * 45 + digits[i + 2] * 2025;
      if (n > 0xffff) throw new SyntaxError("base45: group out of range");
      bytes[at++] = n >> 8;
      bytes[at++] = n & 0xff;
    } else {
      const n = digits[i] + digits[i + 1] * 45;
      if (n > 0xff) throw new SyntaxError("base45: group out of range");
      bytes[at++] = n;
    }
  }
  return bytes;
}
