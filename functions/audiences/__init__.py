"""Audiences every capability shares: kinds, membership keys, members and exact sizes."""
