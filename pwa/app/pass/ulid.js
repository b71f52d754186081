// ULIDs: 48 bits of milliseconds and 80 random bits in Crockford base32, sortable by time.
// Scan log entries carry one, so a retried upload is recognised as the same scan.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function ulid(ms = Date.now()) {
  let time = "";
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  // 256 is a multiple of 32, so each byte modulo 32 is a uniform base32 digit.
  const random = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => CROCKFORD[b % 32]);
  return time + random.join("");
}
