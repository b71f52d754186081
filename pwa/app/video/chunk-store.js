// A story's recording kept on the phone as it is made: one record per 1-second chunk from
// MediaRecorder, next to a record about the recording (its type, when it started, and later what
// the person wrote and where the upload stands). A crash or a closed tab loses at most the last
// second, and the recording can still be shared. Store "recordings" (app/storage.js).

import * as db from "../storage.js";

const STORE = "recordings";
const SEP = "#"; // <recording id>#<chunk number, zero-padded>: chunks sort by their id

/** Starts a recording's record; resolves to its id. */
export async function begin({ mimeType, source = "camera" }) {
  const id = crypto.randomUUID();
  await db.put(STORE, { id, kind: "recording", mimeType, source, startedAt: Date.now(),
    state: "recording", chunks: 0 });
  return id;
}

/** Keeps one chunk (seq from 0); empty chunks are skipped. */
export async function addChunk(id, seq, blob) {
  if (!blob.size) return;
  await db.put(STORE, { id: `${id}${SEP}${String(seq).padStart(6, "0")}`, kind: "chunk", recording: id,
    seq, blob });
}

/** A whole file kept as one chunk (a video chosen from the phone, shared offline). */
export async function keepFile(file) {
  const id = await begin({ mimeType: file.type, source: "file" });
  await addChunk(id, 0, file);
  await update(id, { state: "recorded", chunks: 1, filename: file.name });
  return id;
}

export async function update(id, changes) {
  const record = await db.get(STORE, id);
  if (record) await db.put(STORE, { ...record, ...changes });
  return record && { ...record, ...changes };
}

export const about = (id) => db.get(STORE, id);

/** Every recording on this phone (without its chunks), newest first, each with its chunk count. */
export async function recordings() {
  const records = await db.all(STORE);
  const counts = new Map();
  for (const r of records) if (r.kind === "chunk") counts.set(r.recording, (counts.get(r.recording) ?? 0) + 1);
  return records.filter((r) => r.kind === "recording")
    .map((r) => ({ ...r, stored: counts.get(r.id) ?? 0 }))
    .sort((a, b) => b.startedAt - a.startedAt);
}

/** The recording as one file, from its chunks in order (null if none were kept). */
export async function assemble(id) {
  const [meta, records] = await Promise.all([db.get(STORE, id), db.all(STORE)]);
  const chunks = records.filter((r) => r.kind === "chunk" && r.recording === id)
    .sort((a, b) => a.seq - b.seq).map((r) => r.blob);
  if (!meta || !chunks.length) return null;
  const type = (meta.mimeType || chunks[0].type || "video/webm").split(";")[0];
  const ext = type === "video/mp4" ? "mp4" : type === "video/quicktime" ? "mov" : "webm";
  return new File(chunks, meta.filename || `story-${new Date(meta.startedAt).toISOString()
    .slice(0, 19).replace(/[:T]/g, "-")}.${ext}`, { type });
}

/** Forgets a recording and its chunks. */
export async function remove(id) {
  const records = await db.all(STORE);
  await Promise.all(records.filter((r) => r.id === id || r.recording === id)
    .map((r) => db.remove(STORE, r.id)));
}

/** Forgets every recording (signing out). */
export const clear = () => db.clear(STORE);
