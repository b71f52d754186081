// News items this phone has seen by id, for a screen that shows one it did not load itself:
// the publish screen lists its editor's items, and their reach screen needs their titles (an
// item need not reach its own editor's feed).

import { get } from "./api.js";

const known = new Map(); // id -> the item as last listed

export const rememberItem = (item) => known.set(item.id, item);

/** The item, from memory or the API; null when it does not reach me (the numbers still do). */
export async function itemFor(id) {
  if (known.has(id)) return known.get(id);
  try {
    return await get(`/api/news/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}
