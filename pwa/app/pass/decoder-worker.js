// Decodes QR codes off the main thread (a classic worker: the vendored jsQR is a UMD script).
// In: {width, height, buffer} of RGBA pixels. Out: {text} (null when no code was found).

importScripts("/vendor/jsqr/jsQR.js");

self.addEventListener("message", ({ data }) => {
  const pixels = new Uint8ClampedArray(data.buffer);
  // Passes are dark on light; skipping the inverted pass halves the work per frame.
  const code = self.jsQR(pixels, data.width, data.height, { inversionAttempts: "dontInvert" });
  self.postMessage({ text: code ? code.data : null });
});
