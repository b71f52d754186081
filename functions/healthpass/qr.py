"""QR codes for passes: an SVG for printing, and the size a text needs (ECC level M)."""

from __future__ import annotations

import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.svg import SvgPathImage


def _code(text: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=10,
                         image_factory=SvgPathImage)
    code.add_data(text)  # base45 text is all alphanumeric: one QR alphanumeric segment
    code.make(fit=True)
    return code


def svg(text: str) -> bytes:
    """A standalone SVG of the QR code (paths only, no Pillow)."""
    out = io.BytesIO()
    _code(text).make_image().save(out)
    return out.getvalue()


def size(text: str) -> tuple[int, int]:
    """(QR version, modules per side) at ECC M."""
    code = _code(text)
    return code.version, code.modules_count
