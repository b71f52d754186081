"""QR codes for passes: the size a text needs (ECC level M; the phone draws the codes)."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def _code(text: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(text)  # base45 text is all alphanumeric: one QR alphanumeric segment
    code.make(fit=True)
    return code


def size(text: str) -> tuple[int, int]:
    """(QR version, modules per side) at ECC M."""
    code = _code(text)
    return code.version, code.modules_count
