"""Each contract test runs once per adapter of its port."""

import pytest

from functions.store.dynamodb import DynamoStore
from functions.store.sqlite import SqliteStore
from functions.store.table import create_table
from tests.aws import REAL_AWS, client, unique

STORE_KINDS = ["sqlite", "dynamodb-moto"] + (["dynamodb-aws"] if REAL_AWS else [])


@pytest.fixture(params=STORE_KINDS)
def store(request, tmp_path, clock):
    """A fresh, empty store of each kind, sharing the test's clock."""
    if request.param == "sqlite":
        yield SqliteStore(tmp_path / "store.sqlite3", clock=clock)
        return
    endpoint = None if request.param == "dynamodb-aws" else request.getfixturevalue("moto_endpoint")
    dynamodb = client("dynamodb", endpoint)
    name = unique("together-contract")
    create_table(dynamodb, name)
    yield DynamoStore(name, dynamodb, clock=clock)
    dynamodb.delete_table(TableName=name)
