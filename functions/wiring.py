"""The one place that picks adapters; each is built lazily, once per warm container."""

from __future__ import annotations

import time
from functools import cached_property
from zoneinfo import ZoneInfo

from flask import current_app

from .config import Config
from .events import Bus


class Adapters:
    """The ports' adapters for one configuration (nothing is connected until first use)."""

    def __init__(self, config: Config, clock=time.time):
        self.config = config
        self.clock = clock
        self.sleep = time.sleep  # waits between push retries (tests hand in their own)
        self.events = Bus()  # subscriptions are made by functions.bootstrap

    def client(self, service: str):
        """A boto3 client with adaptive retries (imported late: the embedded app never needs it)."""
        import boto3
        from botocore.config import Config as BotoConfig

        return boto3.client(service, region_name=self.config.aws_region,
                            endpoint_url=self.config.aws_endpoint_url,
                            config=BotoConfig(signature_version="s3v4",
                                              retries={"mode": "adaptive", "max_attempts": 6}))

    @cached_property
    def store(self):
        if self.config.store == "dynamodb":
            from .store.dynamodb import DynamoStore
            return DynamoStore(self.config.table_name, self.client("dynamodb"), clock=self.clock)
        from .store.sqlite import SqliteStore
        return SqliteStore(self.config.sqlite_path, clock=self.clock)

    @cached_property
    def mail(self):
        if self.config.mail == "ses":
            from .mail.ses import SesMail
            return SesMail(self.client("sesv2"), self.config.mail_from)
        from .mail.outbox import OutboxMail, to_console
        return OutboxMail(self.store, clock=self.clock, echo=to_console)

    @cached_property
    def media(self):
        if self.config.media == "s3":
            from .media.s3 import S3Media
            return S3Media(self.client("s3"), self.config.media_bucket,
                           max_bytes=self.config.upload_max_bytes)
        from .media.local import LocalMedia
        return LocalMedia(self.config.media_dir, self.secret_key, clock=self.clock,
                          max_bytes=self.config.upload_max_bytes)

    @cached_property
    def media_server(self):
        """The embedded server side of LocalMedia's signed links (None with S3: S3 is it)."""
        if self.config.media != "local":
            return None
        from .media.local_server import LocalMediaServer
        return LocalMediaServer(self.config.media_dir, self.secret_key, clock=self.clock,
                                max_bytes=self.config.upload_max_bytes)

    @cached_property
    def transcode(self):
        if self.config.transcode == "mediaconvert":
            # Without a role the adapter refuses each job, naming the setting, and the video
            # fails with reason "internal" (retryable) instead of waiting forever.
            from .transcode.mediaconvert import MediaConvertTranscoder
            return MediaConvertTranscoder(self.client("mediaconvert"),
                                          bucket=self.config.media_bucket,
                                          role_arn=self.config.mediaconvert_role_arn,
                                          queue_arn=self.config.mediaconvert_queue_arn)
        from .transcode.ffmpeg import FfmpegTranscoder
        return FfmpegTranscoder(self.media)

    @cached_property
    def worker(self):
        """Background work in this process (embedded); None on AWS, where S3's ObjectCreated
        event invokes functions.workers in its own Lambda call instead."""
        if not self.config.is_local:
            return None
        from .background import LocalWorker
        return LocalWorker()

    @cached_property
    def pass_keys(self):
        """The health pass issuer key ring: in SSM (TOGETHER_PASS_KEY_PARAMETER) or, embedded,
        in the data directory. On AWS without the parameter only the pass fails, naming it."""
        from .healthpass.key_store import FileKeySource, PassKeys, SsmKeySource
        if self.config.pass_key_parameter:
            return PassKeys(SsmKeySource(self.client("ssm"), self.config.pass_key_parameter))
        if not self.config.is_local:
            return PassKeys(None)
        return PassKeys(FileKeySource(self.config.data_dir / "issuer-keys"))

    @cached_property
    def push(self):
        """Web Push with the VAPID key from SSM (AWS) or the data directory (embedded); the key
        is read when first needed, not here."""
        from .push.vapid import FileVapidKey, SsmVapidKey, Vapid
        from .push.webpush import WebPush
        if self.config.vapid_key_parameter:
            source = SsmVapidKey(self.client("ssm"), self.config.vapid_key_parameter)
        else:
            source = FileVapidKey(self.config.data_dir / "vapid_private.pem")
        return WebPush(Vapid(source, self.config.vapid_subject, clock=self.clock),
                       allow_loopback=self.config.push_allow_loopback)

    @cached_property
    def secret_key(self) -> bytes:
        """Signing key: from the environment, or SSM Parameter Store (SecureString) on AWS."""
        if self.config.secret_key:
            return self.config.secret_key.encode()
        value = self.client("ssm").get_parameter(Name=self.config.secret_key_parameter,
                                                 WithDecryption=True)
        return value["Parameter"]["Value"].encode()


def adapters() -> Adapters:
    return current_app.extensions["together"]


def store():
    return adapters().store


def now() -> int:
    return int(adapters().clock())


def zone() -> ZoneInfo:
    """The company's time zone (functions/days.py counts its days)."""
    return ZoneInfo(adapters().config.timezone)
