"""The DynamoDB table's shape, in one place: serverless.yml must declare the same."""

KEY_SCHEMA = [{"AttributeName": "pk", "KeyType": "HASH"},
              {"AttributeName": "sk", "KeyType": "RANGE"}]
ATTRIBUTES = [{"AttributeName": a, "AttributeType": "S"}
              for a in ("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk")]
INDEXES = [
    {"IndexName": name,
     "KeySchema": [{"AttributeName": f"{name}pk", "KeyType": "HASH"},
                   {"AttributeName": f"{name}sk", "KeyType": "RANGE"}],
     "Projection": {"ProjectionType": "ALL"}}
    for name in ("gsi1", "gsi2")
]
TTL_ATTRIBUTE = "expires_at"


def create_table(client, name: str) -> None:
    """Create the table (tests and local DynamoDB only; on AWS serverless.yml owns it)."""
    client.create_table(TableName=name, KeySchema=KEY_SCHEMA, AttributeDefinitions=ATTRIBUTES,
                        GlobalSecondaryIndexes=INDEXES, BillingMode="PAY_PER_REQUEST")
    client.get_waiter("table_exists").wait(TableName=name)
    client.update_time_to_live(TableName=name, TimeToLiveSpecification={
        "Enabled": True, "AttributeName": TTL_ATTRIBUTE})
