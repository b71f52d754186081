"""Notifications: push to devices, an inbox that never misses, escalation by email."""
