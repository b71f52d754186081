"""Zappa's app_function and the WSGI server's entry point."""

from .app import create_app

app = create_app()
