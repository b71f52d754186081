"""SES adapter of the mail port (SESv2 API)."""

from .port import Mail


class SesMail(Mail):
    """Sends through Amazon SES from a verified address."""

    def __init__(self, client, sender: str):
        self.client = client
        self.sender = sender

    def send(self, to, subject, text):
        self.client.send_email(
            FromEmailAddress=self.sender,
            Destination={"ToAddresses": [to]},
            Content={"Simple": {"Subject": {"Data": subject, "Charset": "UTF-8"},
                                "Body": {"Text": {"Data": text, "Charset": "UTF-8"}}}})
