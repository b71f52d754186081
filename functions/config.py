"""Settings from the environment: explicit local defaults, required cloud settings."""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

REPO_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """A setting is missing or contradicts another; start-up must stop."""


@dataclass(frozen=True)
class Config:
    """Everything the app reads from its environment, resolved once at start-up."""

    env: str = "local"  # "local" (one machine, embedded) or "aws"
    store: str = "sqlite"  # sqlite | dynamodb
    media: str = "local"  # local | s3
    mail: str = "outbox"  # outbox | ses
    data_dir: Path = REPO_ROOT / "var"
    pwa_dir: Path = REPO_ROOT / "pwa"
    secret_key: str = ""
    secret_key_parameter: str | None = None  # AWS: SSM SecureString holding secret_key instead
    table_name: str = "together"
    media_bucket: str = ""
    aws_region: str = "us-east-1"
    aws_endpoint_url: str | None = None  # moto server in tests; never set on AWS
    mail_from: str = "Together <no-reply@together.local>"
    app_origin: str = "http://127.0.0.1:8000"
    upload_max_bytes: int = 500 * 1024 * 1024
    session_days: int = 30
    timezone: str = "Asia/Shanghai"  # the company's day: one health declaration counts per day
    # SSM parameter (SecureString) holding the pass issuer key ring. Optional at start-up: the
    # health pass raises a ConfigError naming it when first needed on AWS without it.
    pass_key_parameter: str | None = None
    transcode: str = "ffmpeg"  # ffmpeg (embedded) | mediaconvert (AWS)
    # The IAM role MediaConvert jobs run as, and an optional queue. Optional at start-up: the
    # video worker raises a ConfigError naming TOGETHER_MEDIACONVERT_ROLE_ARN when it needs it.
    mediaconvert_role_arn: str | None = None
    mediaconvert_queue_arn: str | None = None
    # Where the embedded server listens (`make run HOST=...`). Beyond loopback, the dev outbox
    # (every sign-in code) is switched off: the codes are printed on the server's console.
    listen_host: str = "127.0.0.1"
    # Web Push: the SSM SecureString holding the VAPID private key (PEM) on AWS, required there;
    # embedded, the key is made once in the data directory. Loopback push endpoints (a local
    # push service played by tests and the bench) are accepted only by the embedded default.
    vapid_key_parameter: str | None = None
    vapid_subject: str = "mailto:no-reply@together.local"
    push_allow_loopback: bool = True

    @property
    def is_local(self) -> bool:
        return self.env == "local"

    @property
    def dev_routes(self) -> bool:
        """The dev outbox exists: embedded, and listening on this machine only."""
        return self.is_local and is_loopback(self.listen_host)

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "together.sqlite3"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    def with_(self, **changes) -> Config:
        """A copy with some settings changed (tests and CLI use it)."""
        return replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Config:
        """Read TOGETHER_* settings; in the AWS configuration every cloud setting is required."""
        env = dict(os.environ if environ is None else environ)
        kind = env.get("TOGETHER_ENV", "local")
        if kind not in ("local", "aws"):
            raise ConfigError(f"TOGETHER_ENV must be 'local' or 'aws', not {kind!r}")
        if kind == "aws":
            return cls._aws(env)
        return cls._local(env)

    @classmethod
    def _local(cls, env: dict) -> Config:
        data_dir = Path(env.get("TOGETHER_DATA_DIR") or REPO_ROOT / "var").resolve()
        store = env.get("TOGETHER_STORE", "sqlite")
        media = env.get("TOGETHER_MEDIA", "local")
        _check_choice("TOGETHER_STORE", store, ("sqlite", "dynamodb"))
        _check_choice("TOGETHER_MEDIA", media, ("local", "s3"))
        transcode = env.get("TOGETHER_TRANSCODE", "ffmpeg")
        _check_choice("TOGETHER_TRANSCODE", transcode, ("ffmpeg", "mediaconvert"))
        if media == "s3" and not env.get("TOGETHER_MEDIA_BUCKET"):
            raise ConfigError("TOGETHER_MEDIA=s3 needs TOGETHER_MEDIA_BUCKET")
        if transcode == "mediaconvert" and media != "s3":
            raise ConfigError("TOGETHER_TRANSCODE=mediaconvert needs TOGETHER_MEDIA=s3")
        return cls(
            env="local",
            store=store,
            media=media,
            mail="outbox",
            data_dir=data_dir,
            secret_key=env.get("TOGETHER_SECRET_KEY") or _local_secret(data_dir),
            table_name=env.get("TOGETHER_TABLE", "together"),
            media_bucket=env.get("TOGETHER_MEDIA_BUCKET", ""),
            aws_region=env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1",
            aws_endpoint_url=env.get("TOGETHER_AWS_ENDPOINT_URL") or None,
            app_origin=env.get("TOGETHER_APP_ORIGIN", "http://127.0.0.1:8000"),
            upload_max_bytes=_int(env, "TOGETHER_UPLOAD_MAX_BYTES", cls.upload_max_bytes),
            timezone=_timezone(env),
            pass_key_parameter=env.get("TOGETHER_PASS_KEY_PARAMETER") or None,
            transcode=transcode,
            **_mediaconvert(env),
            listen_host=env.get("TOGETHER_LISTEN_HOST") or "127.0.0.1",
            vapid_key_parameter=env.get("TOGETHER_VAPID_KEY_PARAMETER") or None,
            push_allow_loopback=env.get("TOGETHER_PUSH_ALLOW_LOOPBACK", "1") == "1",
        )

    @classmethod
    def _aws(cls, env: dict) -> Config:
        required = ["TOGETHER_TABLE", "TOGETHER_MEDIA_BUCKET", "TOGETHER_MAIL_FROM",
                    "TOGETHER_APP_ORIGIN", "TOGETHER_VAPID_KEY_PARAMETER"]
        missing = [name for name in required if not env.get(name)]
        if not (env.get("TOGETHER_SECRET_KEY") or env.get("TOGETHER_SECRET_KEY_PARAMETER")):
            missing.append("TOGETHER_SECRET_KEY_PARAMETER (or TOGETHER_SECRET_KEY)")
        region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
        if not region:
            missing.append("AWS_REGION")
        if missing:
            raise ConfigError("The AWS configuration is missing: " + ", ".join(missing))
        return cls(
            env="aws",
            store="dynamodb",
            media="s3",
            mail="ses",
            data_dir=Path("/tmp/together"),
            secret_key=env.get("TOGETHER_SECRET_KEY") or "",
            table_name=env["TOGETHER_TABLE"],
            media_bucket=env["TOGETHER_MEDIA_BUCKET"],
            aws_region=region,
            aws_endpoint_url=env.get("TOGETHER_AWS_ENDPOINT_URL") or None,
            mail_from=env["TOGETHER_MAIL_FROM"],
            app_origin=env["TOGETHER_APP_ORIGIN"],
            upload_max_bytes=_int(env, "TOGETHER_UPLOAD_MAX_BYTES", cls.upload_max_bytes),
            timezone=_timezone(env),
            pass_key_parameter=env.get("TOGETHER_PASS_KEY_PARAMETER") or None,
            transcode="mediaconvert",
            **_mediaconvert(env),
            secret_key_parameter=env.get("TOGETHER_SECRET_KEY_PARAMETER") or None,
            vapid_key_parameter=env["TOGETHER_VAPID_KEY_PARAMETER"],
            vapid_subject="mailto:" + _address(env["TOGETHER_MAIL_FROM"]),
            push_allow_loopback=False,
        )


def _address(mail_from: str) -> str:
    """The address inside "Name <address>" (VAPID's contact for push services)."""
    return mail_from.rsplit("<", 1)[-1].rstrip(">").strip()


def _int(env: dict, name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number of bytes, not {raw!r}") from None


def _mediaconvert(env: dict) -> dict:
    return {"mediaconvert_role_arn": env.get("TOGETHER_MEDIACONVERT_ROLE_ARN") or None,
            "mediaconvert_queue_arn": env.get("TOGETHER_MEDIACONVERT_QUEUE_ARN") or None}


def _timezone(env: dict) -> str:
    name = env.get("TOGETHER_TIMEZONE") or Config.timezone
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"TOGETHER_TIMEZONE must be an IANA time zone such as "
                          f"Asia/Shanghai, not {name!r}") from None
    return name


def _check_choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ConfigError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")


def _local_secret(data_dir: Path) -> str:
    """The embedded server's signing key: made once per data directory, never committed."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def is_loopback(host: str) -> bool:
    """Whether host names this machine only (0.0.0.0 and :: mean every interface)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to any interface
