"""Together's server side: the Flask app (functions.wsgi) and the Lambda workers."""

from .lazy_patterns import import_marshmallow

import_marshmallow()  # before anything imports it: see functions/lazy_patterns.py
