// Links that come from the server (a notification's "link") are data, not trusted: only a path
// inside this app is followed, never another origin. Shared by the inbox and the service worker.

/** The link as a path in this app ("/news?id=1"), or null for anything else. */
export function inApp(link, origin = self.location.origin) {
  if (typeof link !== "string" || !link.startsWith("/") || link.startsWith("//")) return null;
  const url = new URL(link, origin);
  return url.origin === origin ? url.pathname + url.search : null;
}
