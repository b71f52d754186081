"""Phones of several people posting, moderating and watching stories; tiny clips for them."""

import itertools
import subprocess
from pathlib import Path

import imageio_ffmpeg

from tests.api.conftest import Auth

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
WAIT_S = 60  # the local worker's join: a bound, never a sleep
AUTHOR, COLLEAGUE = "employee@example.com", "staff0009@example.com"  # both Retail, Wuhan
EDITOR, OTHER_EDITOR, HR = "editor@example.com", "staff0007@example.com", "hr@example.com"


def _ffmpeg(*args: str, out=None) -> None:
    subprocess.run([FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
                   check=True, stdout=out, stderr=subprocess.PIPE)


def make_clips(folder: Path) -> dict[str, bytes]:
    """Two-second clips a phone sends (small: the machine is shared), and what goes wrong."""
    source = ["-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=15",
              "-f", "lavfi", "-i", "sine=duration=2"]
    webm = ["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "200k", "-c:a", "libopus"]
    _ffmpeg(*source, *webm, str(folder / "clip.webm"))
    with open(folder / "recorded.webm", "wb") as out:  # a stream, as MediaRecorder writes it:
        _ffmpeg(*source, *webm, "-f", "webm", "pipe:1", out=out)  # no duration in its header
    # 70 s of one tiny frame a second: longer than the 60 s limit, cheap to make and to read
    _ffmpeg("-f", "lavfi", "-i", "color=c=navy:size=32x32:rate=1:duration=70",
            "-c:v", "libx264", "-preset", "ultrafast", str(folder / "long.mp4"))
    clips = {p.stem + p.suffix.replace(".", "_"): p.read_bytes() for p in folder.iterdir()}
    clips["text"] = b"Minutes of the meeting, not a video.\n" * 100
    clips["damaged_webm"] = clips["clip_webm"][: len(clips["clip_webm"]) // 3]
    return clips


class Stories:
    """What the phones do: post a story, send its video, complete; the worker runs here."""

    def __init__(self, app, clock, clips):
        self.app, self.clock, self.clips = app, clock, clips
        self.adapters = app.extensions["together"]
        self._phones, self._addresses = {}, itertools.count(1)

    def phone(self, email: str):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.2.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def start(self, email: str = AUTHOR, data: bytes | None = None, **body):
        data = self.clips["clip_webm"] if data is None else data
        return self.phone(email).post("/api/stories", json={
            "caption": "Packing orders from my kitchen table", "caption_lang": "en",
            "tags": ["wfh"], "filename": "story.webm", "content_type": "video/webm",
            "size": len(data), **body})

    def post(self, email: str = AUTHOR, clip: str = "clip_webm", **body) -> dict:
        """A story whose video is uploaded and processed: its id."""
        data = self.clips[clip]
        answer = self.start(email, data, **body)
        assert answer.status_code == 201, answer.get_json()
        upload = answer.get_json()["upload"]
        phone = self.phone(email)
        for part in upload["parts"]:
            start = (part["part_number"] - 1) * upload["part_size"]
            sent = phone.put(part["url"], data=data[start:start + part["size"]])
            assert sent.status_code == 200, sent.get_json()
        done = phone.post(f"/api/videos/uploads/{upload['video_id']}/complete")
        assert done.status_code == 202, done.get_json()
        assert self.adapters.worker.join(timeout=WAIT_S)
        self.clock.advance(1)
        return answer.get_json()["story"]["id"]

    def get(self, email: str, story_id: str):
        return self.phone(email).get(f"/api/stories/{story_id}")

    def story(self, email: str, story_id: str) -> dict:
        answer = self.get(email, story_id)
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def act(self, email: str, story_id: str, action: str, **body):
        return self.phone(email).post(f"/api/stories/{story_id}/{action}", json=body or None)

    def released(self, email: str = AUTHOR, **body) -> str:
        story_id = self.post(email, **body)
        answer = self.act(HR, story_id, "release")
        assert answer.status_code == 200, answer.get_json()
        self.clock.advance(1)
        return story_id

    def page(self, email: str, path: str = "/api/stories", **query) -> dict:
        answer = self.phone(email).get(path, query_string=query)
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def feed(self, email: str = COLLEAGUE, path: str = "/api/stories", **query) -> list[str]:
        """The ids of every story in a feed, page by page."""
        page = self.page(email, path, **query, limit=2)
        ids = [s["id"] for s in page["items"]]
        while page["cursor"]:
            page = self.page(email, path, **query, limit=2, cursor=page["cursor"])
            ids += [s["id"] for s in page["items"]]
        return ids

    def video_id(self, story_id: str) -> str:
        return self.adapters.store.get(f"STORY#{story_id}", "STORY")["video_id"]

    def files(self, video_id: str) -> list[str]:
        """The media keys of a video's files that exist (original, renditions, poster)."""
        keys = [f"uploads/{video_id}/original.webm", f"uploads/{video_id}/original.mp4",
                *(f"videos/{video_id}/video-{n}" for n in ("720p.mp4", "360p.mp4", "poster.jpg"))]
        return [k for k in keys if self.adapters.media.head(k) is not None]
