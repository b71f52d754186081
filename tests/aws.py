"""Where the AWS adapters are tested: moto's server on loopback, or real AWS when asked."""

import os
import socket
import uuid

import boto3
from botocore.config import Config as BotoConfig

REAL_AWS = os.environ.get("TOGETHER_AWS_TESTS") == "1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(service: str, endpoint: str | None):
    """A boto3 client for moto's server (endpoint) or for real AWS (endpoint None)."""
    return boto3.client(service, endpoint_url=endpoint,
                        region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
                        config=BotoConfig(signature_version="s3v4",
                                          retries={"mode": "standard", "max_attempts": 3}))


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
