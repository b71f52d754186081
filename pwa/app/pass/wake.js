// Keeps the screen on while a pass is shown (Screen Wake Lock API, where the browser has it).
// The browser drops the lock whenever the page is hidden, so it is asked for again on return.

/** Holds a screen wake lock while `node` is on screen; returns a function that lets go. */
export function keepAwake(node) {
  if (!("wakeLock" in navigator)) return () => {};
  let lock = null;
  const acquire = async () => {
    if (!node.isConnected) return release();
    if (document.visibilityState !== "visible" || (lock && !lock.released)) return;
    try {
      lock = await navigator.wakeLock.request("screen");
    } catch (error) {
      // Refused (battery saver, or no user gesture yet): the pass still works, the screen may dim.
      console.warn("Screen wake lock refused:", error.message);
    }
  };
  const release = () => {
    document.removeEventListener("visibilitychange", acquire);
    lock?.release();
    lock = null;
  };
  document.addEventListener("visibilitychange", acquire);
  acquire();
  return release;
}
