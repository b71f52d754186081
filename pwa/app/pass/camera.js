// The guard's camera: the rear camera in a <video>, and a loop that hands frames to the QR
// decoder (in a worker) until a code is found.

const MAX_SIDE = 960; // larger frames cost decode time and do not help at arm's length

/** Starts the camera in `video` (the rear one where there is a choice); resolves to the stream. */
export async function startCamera(video) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: false,
    video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } } });
  video.muted = true; // no sound track anyway; muted lets it play without a tap
  video.srcObject = stream;
  await video.play();
  return stream;
}

export function stopCamera(video) {
  for (const track of video.srcObject?.getTracks() || []) track.stop();
  video.srcObject = null;
}

/**
 * Decodes frames of `video` one at a time; onCode(text) is called once per code found, and the
 * loop then waits for resume(). stop() ends it for good.
 */
export function scanFrames(video, onCode) {
  const worker = new Worker("/app/pass/decoder-worker.js");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let state = "scanning"; // "paused" after a code, "stopped" for good
  let busy = false;
  // However the person leaves the screen (a tab, the back button), the camera goes off.
  const watchdog = setInterval(() => video.isConnected || api.stop(), 1000);

  worker.addEventListener("message", ({ data }) => {
    busy = false;
    if (state !== "scanning") return;
    if (data.text) {
      state = "paused";
      onCode(data.text);
    } else {
      next();
    }
  });
  worker.addEventListener("error", (event) => {
    busy = false;
    console.error("QR decoder failed:", event.message);
  });

  function next() {
    if (state === "scanning") requestAnimationFrame(grab);
  }

  function grab() {
    if (state !== "scanning" || busy) return;
    const { videoWidth: width, videoHeight: height } = video;
    if (!width || !height) return next(); // no frame yet
    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    busy = true;
    worker.postMessage({ width: image.width, height: image.height, buffer: image.data.buffer },
      [image.data.buffer]);
  }

  const api = {
    resume() {
      if (state !== "paused") return;
      state = "scanning";
      next();
    },
    stop() {
      state = "stopped";
      clearInterval(watchdog);
      worker.terminate();
      stopCamera(video);
    },
  };
  next();
  return api;
}
