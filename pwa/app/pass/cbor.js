// A small CBOR (RFC 8949) decoder for what passes carry — integers, byte and text strings,
// arrays, maps, tags, simple values and floats — plus the few encoders the live pass needs.
// Byte strings come back as views of the input, so signatures are checked over the bytes as sent.

const MAX_DEPTH = 16; // passes nest 4 deep; anything far deeper is an attack, not a pass
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A tagged item, e.g. COSE_Sign1 is Tagged(18, [...]). */
export class Tagged {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
}

/** A floating-point number: kept apart from integers, which claims such as exp must be. */
export class Float {
  constructor(value) {
    this.value = value;
  }
}

export class CborError extends SyntaxError {}

/** The one CBOR item that fills `bytes` exactly; throws CborError otherwise. */
export function decode(bytes) {
  const reader = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), at: 0 };
  const value = item(reader, 0);
  if (reader.at !== bytes.length) throw new CborError("cbor: bytes left over");
  return value;
}

function need(reader, n) {
  if (reader.at + n > reader.bytes.length) throw new CborError("cbor: truncated");
}

function argument(reader, info) {
  if (info < 24) return info;
  const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
  if (!size) throw new CborError("cbor: indefinite or reserved length");
  need(reader, size);
  const { view, at } = reader;
  reader.at += size;
  if (size === 1) return view.getUint8(at);
  if (size === 2) return view.getUint16(at);
  if (size === 4) return view.getUint32(at);
  const big = view.getBigUint64(at);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function length(reader, info) {
  const n = argument(reader, info);
  if (typeof n !== "number") throw new CborError("cbor: too long");
  return n;
}

function item(reader, depth) {
  if (depth > MAX_DEPTH) throw new CborError("cbor: nested too deep");
  need(reader, 1);
  const initial = reader.bytes[reader.at++];
  const major = initial >> 5;
  const info = initial & 0x1f;
  switch (major) {
    case 0:
      return argument(reader, info);
    case 1: {
      const n = argument(reader, info);
      return typeof n === "number" && n < Number.MAX_SAFE_INTEGER ? -1 - n : -1n - BigInt(n);
    }
    case 2:
    case 3: {
      const n = length(reader, info);
      need(reader, n);
      const chunk = reader.bytes.subarray(reader.at, reader.at + n);
      reader.at += n;
      if (major === 2) return chunk;
      try {
        return utf8.decode(chunk);
      } catch {
        throw new CborError("cbor: text is not UTF-8");
      }
    }
    case 4: {
      const n = length(reader, info);
      need(reader, n); // each element takes at least one byte
      const array = [];
      for (let i = 0; i < n; i += 1) array.push(item(reader, depth + 1));
      return array;
    }
    case 5: {
      const n = length(reader, info);
      need(reader, 2 * n);
      const map = new Map();
      for (let i = 0; i < n; i += 1) {
        const key = item(reader, depth + 1);
        map.set(key, item(reader, depth + 1));
      }
      return map;
    }
    case 6:
      return new Tagged(argument(reader, info), item(reader, depth + 1));
    default:
      return simple(reader, info);
  }
}

function simple(reader, info) {
  const known = { 20: false, 21: true, 22: null, 23: undefined };
  if (info in known) return known[info];
  const size = { 25: 2, 26: 4, 27: 8 }[info];
  if (!size) throw new CborError("cbor: unsupported simple value");
  need(reader, size);
  const { view, at } = reader;
  reader.at += size;
  if (size === 4) return new Float(view.getFloat32(at));
  if (size === 8) return new Float(view.getFloat64(at));
  return new Float(half(view.getUint16(at)));
}

function half(bits) {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

// Encoding: only what a live pass needs (see the byte template in docs/pass-format.md).

/** The head of an item: major type and a length or value below 2^32. */
export function head(major, n) {
  if (n < 24) return Uint8Array.of((major << 5) | n);
  if (n < 0x100) return Uint8Array.of((major << 5) | 24, n);
  if (n < 0x10000) return Uint8Array.of((major << 5) | 25, n >> 8, n & 0xff);
  if (n < 0x100000000) {
    const out = new Uint8Array(5);
    out[0] = (major << 5) | 26;
    new DataView(out.buffer).setUint32(1, n);
    return out;
  }
  throw new RangeError("cbor: value too large");
}

export const uint = (n) => head(0, n);
export const bstr = (bytes) => concat(head(2, bytes.length), bytes);
export const tstr = (text) => {
  const bytes = new TextEncoder().encode(text);
  return concat(head(3, bytes.length), bytes);
};

/** The byte arrays one after another. */
export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
