"""Y4M clips for Chromium's fake camera (`--use-file-for-fake-video-capture`): a QR code drawn
from text, a screenshot (what a camera pointed at a phone sees), or an empty scene.

Y4M is a header line and raw I420 frames, and a screenshot is a PNG, so neither ffmpeg nor an
imaging library is needed: both formats are simple enough to write and read here.
"""

import struct
import zlib
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M

WIDTH, HEIGHT = 640, 480
GREY = 128
QUIET = 4  # white modules around a code drawn from text


class Picture:
    """Luma samples (0-255), row by row."""

    def __init__(self, width: int, height: int, luma: bytes):
        self.width, self.height, self.luma = width, height, luma

    def at(self, x: int, y: int) -> int:
        return self.luma[y * self.width + x]


def qr_picture(text: str) -> Picture:
    """The QR code of text at ECC M, one sample per module, quiet zone included."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET)
    code.add_data(text)
    code.make(fit=True)
    rows = code.get_matrix()
    return Picture(len(rows), len(rows), bytes(0 if dark else 255 for row in rows for dark in row))


def png_picture(png: bytes) -> Picture:
    """The luma of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, data, header = 8, b"", None
    while at < len(png):
        (size,), kind = struct.unpack(">I", png[at:at + 4]), png[at + 4:at + 8]
        body = png[at + 8:at + 8 + size]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            data += body
        at += 12 + size
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and not interlace, f"unsupported PNG {header}"
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(data)
    stride = width * channels
    luma = bytearray(width * height)
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]), previous,
                         channels)
        for x in range(width):
            r, g, b = line[x * channels:x * channels + 3]
            luma[y * width + x] = (299 * r + 587 * g + 114 * b) // 1000
        previous = line
    return Picture(width, height, bytes(luma))


def _unfilter(kind: int, line: bytearray, above: bytearray, bpp: int) -> bytearray:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up, corner = above[i], above[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) \
                & 0xFF
    return line


def frame(picture: Picture | None, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """One I420 frame: the picture centred, as large as fits, on a grey background."""
    luma = bytearray([GREY]) * (width * height)
    if picture:
        side = min(width, height) - 20
        scale = side / max(picture.width, picture.height)
        w, h = int(picture.width * scale), int(picture.height * scale)
        left, top = (width - w) // 2, (height - h) // 2
        for y in range(h):
            sy = min(picture.height - 1, int(y / scale))
            start = (top + y) * width + left
            luma[start:start + w] = bytes(  # studio range (16-235), as cameras deliver it
                16 + picture.at(min(picture.width - 1, int(x / scale)), sy) * 219 // 255
                for x in range(w))
    chroma = bytes([128]) * ((width // 2) * (height // 2))  # no colour
    return bytes(luma) + chroma + chroma


def write_clip(path: Path, picture: Picture | None, *, frames: int = 2) -> Path:
    """A short clip showing picture (or an empty scene), for the fake camera to loop."""
    image = frame(picture)
    with open(path, "wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + image)
    return path
