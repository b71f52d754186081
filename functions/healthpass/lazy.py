"""Modules the pass views import on first use: cryptography and qrcode cost every cold start
about 25 ms, and most requests a warm container serves never touch them."""

import importlib


class _Lazy:
    """A module imported the first time one of its attributes is read."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr):
        module = importlib.import_module(self._name, __package__)
        return getattr(module, attr)


devices, passes, printed = _Lazy(".devices"), _Lazy(".passes"), _Lazy(".printed")
