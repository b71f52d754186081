"""The mail port: send one plain-text message to one person."""

import abc


class Mail(abc.ABC):
    """Sends transactional mail (sign-in codes, reminders)."""

    @abc.abstractmethod
    def send(self, to: str, subject: str, text: str) -> None:
        """Send or queue the message; raises on a permanent failure."""
