"""The outputs `serverless deploy` gives, as stand-ins: every ${Name} in the Zappa settings."""

STAND_IN = {
    "TableName": "together-dev",
    "MediaBucketName": "together-dev-media",
    "AppOrigin": "https://d3f8k2l9m1n4p7.cloudfront.net",
    "SecretKeyParameter": "/together/dev/secret-key",
    "VapidKeyParameter": "/together/dev/vapid-key",
    "AppRoleArn": "arn:aws:iam::123456789012:role/app",
    "MediaConvertRoleArn": "arn:aws:iam::123456789012:role/mediaconvert",
    "TranscodeEventsQueueArn": "arn:aws:sqs:us-east-1:123456789012:together-dev-transcode",
    "ServerlessDeploymentBucketName": "together-dev-deployments",
}
