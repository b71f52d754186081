"""The deploy artifacts, built offline: serverless.yml's CloudFormation and the Zappa settings."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from functions.store.table import ATTRIBUTES, INDEXES, KEY_SCHEMA, TTL_ATTRIBUTE
from infra import stack_env
from infra.stack_env import MissingOutputs, placeholders, stage_settings
from tests.aws import REAL_AWS, client, unique

ROOT = Path(__file__).resolve().parents[2]
SERVERLESS = ROOT / "infra" / "node_modules" / ".bin" / "serverless"
API_DOMAIN = "k3x9q2w7be.execute-api.us-east-1.amazonaws.com"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
BLOCK_ALL = {"BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True,
             "RestrictPublicBuckets": True}


def package(service_dir: Path, stage: str, *params: str) -> Path:
    """`serverless package` of a copy of serverless.yml: the framework empties the service's
    .serverless/ first, and `make package` may be writing the repository's."""
    if not SERVERLESS.exists():
        if os.environ.get("CI"):
            pytest.fail("infra/node_modules/.bin/serverless is missing on CI")
        pytest.skip("the Serverless Framework is not installed: npm install --prefix infra")
    shutil.copy(ROOT / "serverless.yml", service_dir)
    env = {**os.environ, "SLS_TELEMETRY_DISABLED": "1", "SLS_NOTIFICATIONS_MODE": "off",
           "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x"}
    args = [SERVERLESS, "package", "--stage", stage, *(f"--param={p}" for p in params)]
    subprocess.run(args, cwd=service_dir, env=env, check=True, capture_output=True, timeout=120)
    return service_dir / ".serverless" / "cloudformation-template-update-stack.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Template files: dev as first deployed, prod once the API's domain is known."""
    return {"dev": package(tmp_path_factory.mktemp("dev"), "dev"),
            "prod": package(tmp_path_factory.mktemp("prod"), "prod", f"apiDomain={API_DOMAIN}")}


@pytest.fixture(scope="module")
def dev(built):
    return json.loads(built["dev"].read_text())


@pytest.fixture(scope="module")
def prod(built):
    return json.loads(built["prod"].read_text())


@pytest.fixture(scope="module")
def zappa_settings():
    return json.loads((ROOT / "infra" / "zappa_settings.json").read_text())


def by_name(items, key):
    return sorted(items, key=lambda item: item[key])


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_template_passes_cfn_lint(built, stage):
    lint = subprocess.run([Path(sys.executable).with_name("cfn-lint"), "--ignore-checks", "W3005",
                           "--", built[stage]], capture_output=True, text=True)

    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_table_has_the_shape_the_store_code_uses(dev):
    table = dev["Resources"]["Table"]["Properties"]

    assert table["TableName"] == "together-dev"
    assert table["KeySchema"] == KEY_SCHEMA
    assert by_name(table["AttributeDefinitions"], "AttributeName") == by_name(ATTRIBUTES,
                                                                              "AttributeName")
    assert by_name(table["GlobalSecondaryIndexes"], "IndexName") == by_name(INDEXES, "IndexName")
    assert table["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}


def test_prod_keeps_its_data_when_the_stack_goes(prod):
    for name in ("Table", "MediaBucket"):
        assert prod["Resources"][name]["DeletionPolicy"] == "Retain"
        assert prod["Resources"][name]["UpdateReplacePolicy"] == "Retain"
    assert prod["Resources"]["Table"]["Properties"]["DeletionProtectionEnabled"] is True


def test_media_bucket_is_private_and_takes_multipart_uploads_from_the_app(dev):
    bucket = dev["Resources"]["MediaBucket"]["Properties"]

    assert bucket["PublicAccessBlockConfiguration"] == BLOCK_ALL
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    [cors] = bucket["CorsConfiguration"]["CorsRules"]
    assert {"PUT", "POST", "GET", "HEAD"} <= set(cors["AllowedMethods"])
    assert "ETag" in cors["ExposedHeaders"]
    assert "*" not in cors["AllowedOrigins"]
    [rule] = [r for r in bucket["LifecycleConfiguration"]["Rules"]
              if "AbortIncompleteMultipartUpload" in r]
    assert rule["Status"] == "Enabled"
    assert rule["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 2}


def test_pwa_is_served_by_cloudfront_only(dev):
    resources = dev["Resources"]
    assert resources["PwaBucket"]["Properties"]["PublicAccessBlockConfiguration"] == BLOCK_ALL
    [reader] = [s for s in resources["PwaBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
                if s["Effect"] == "Allow"]
    assert reader["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert reader["Action"] == "s3:GetObject"
    cdn = resources["Cdn"]["Properties"]["DistributionConfig"]
    assert cdn["DefaultRootObject"] == "index.html"
    assert cdn["Origins"][0]["OriginAccessControlId"] == {
        "Fn::GetAtt": ["PwaOriginAccessControl", "Id"]}
    assert dev["Parameters"]["ApiDomain"]["Default"] == ""


def test_app_paths_get_the_shell_and_files_stay_files(dev):
    code = dev["Resources"]["PwaRoutes"]["Properties"]["FunctionCode"]
    uris = ["/", "/signin", "/news/2026-11-23", "/sw.js", "/app/views/pass.js",
            "/manifest.webmanifest", "/icons/icon-192.png"]
    script = code + f"console.log(JSON.stringify({json.dumps(uris)}.map("
    script += "u => handler({request: {uri: u}}).uri)))"

    served = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True,
                                       check=True).stdout)

    assert served == ["/index.html", "/index.html", "/index.html", "/sw.js",
                      "/app/views/pass.js", "/manifest.webmanifest", "/icons/icon-192.png"]
    cdn = dev["Resources"]["Cdn"]["Properties"]["DistributionConfig"]
    assert cdn["DefaultCacheBehavior"]["FunctionAssociations"][0] == {
        "EventType": "viewer-request", "FunctionARN": {"Fn::GetAtt": ["PwaRoutes",
                                                                      "FunctionARN"]}}


def test_the_shell_and_the_worker_are_always_revalidated(dev):
    code = dev["Resources"]["PwaShellNoCache"]["Properties"]["FunctionCode"]
    uris = ["/", "/index.html", "/signin", "/sw.js", "/app/main.js", "/manifest.webmanifest"]
    script = code + f"console.log(JSON.stringify({json.dumps(uris)}.map(u => handler("
    script += "{request: {uri: u}, response: {headers: {'cache-control': {value: 'max-age=300'}}}}"
    script += ").headers['cache-control'].value)))"

    sent = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True,
                                     check=True).stdout)

    assert sent == ["no-cache"] * 4 + ["max-age=300"] * 2
    cdn = dev["Resources"]["Cdn"]["Properties"]["DistributionConfig"]
    assert {"EventType": "viewer-response", "FunctionARN": {
        "Fn::GetAtt": ["PwaShellNoCache", "FunctionARN"]}} in cdn["DefaultCacheBehavior"][
            "FunctionAssociations"]


def test_the_pwa_is_compressed_at_the_edge_and_obeys_each_files_cache_control(dev):
    behaviour = dev["Resources"]["Cdn"]["Properties"]["DistributionConfig"][
        "DefaultCacheBehavior"]
    assert behaviour["Compress"] is True
    assert behaviour["CachePolicyId"] == {"Ref": "PwaCachePolicy"}
    policy = dev["Resources"]["PwaCachePolicy"]["Properties"]["CachePolicyConfig"]
    assert policy["MinTTL"] == 0  # a no-cache file is revalidated with S3 every time
    key = policy["ParametersInCacheKeyAndForwardedToOrigin"]
    assert key["EnableAcceptEncodingGzip"] is True
    assert key["EnableAcceptEncodingBrotli"] is True


def test_api_behaviour_forwards_everything_and_caches_nothing(prod):
    assert prod["Parameters"]["ApiDomain"]["Default"] == API_DOMAIN
    assert prod["Parameters"]["ApiOriginPath"]["Default"] == "/prod"
    cdn = prod["Resources"]["Cdn"]["Properties"]["DistributionConfig"]
    condition, [api], _ = cdn["CacheBehaviors"]["Fn::If"]

    assert condition == "HasApiDomain"
    assert api["PathPattern"] == "/api/*"
    assert set(api["AllowedMethods"]) == {"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST",
                                          "DELETE"}
    assert api["CachePolicyId"] == CACHING_DISABLED  # so no cookie or query string is dropped
    assert api["OriginRequestPolicyId"] == ALL_VIEWER_EXCEPT_HOST


def test_app_role_reaches_only_this_stacks_resources(dev):
    policy = dev["Resources"]["AppRole"]["Properties"]["Policies"][0]["PolicyDocument"]
    statements = {s["Sid"]: s for s in policy["Statement"]}

    for statement in statements.values():
        assert statement["Resource"] != "*" and "*" not in statement["Resource"]
        actions = statement["Action"] if isinstance(statement["Action"], list) else [
            statement["Action"]]
        assert not any(a.endswith(":*") for a in actions)
    assert statements["Table"]["Resource"] == [{"Fn::GetAtt": ["Table", "Arn"]},
                                               {"Fn::Sub": "${Table.Arn}/index/*"}]
    assert statements["Secrets"]["Resource"]["Fn::Sub"].endswith(":parameter/together/dev/*")


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_zappa_settings_deploy_the_flask_app_in_the_aws_configuration(zappa_settings, stage):
    config = zappa_settings[stage]

    assert config["runtime"] == "python3.12"
    assert config["app_function"] == "functions.wsgi.app"
    assert config["environment_variables"]["TOGETHER_ENV"] == "aws"
    assert {"TOGETHER_TABLE", "TOGETHER_MEDIA_BUCKET", "TOGETHER_MAIL_FROM", "TOGETHER_APP_ORIGIN",
            "TOGETHER_SECRET_KEY_PARAMETER"} <= config["environment_variables"].keys()
    assert config["manage_roles"] is False  # Zappa's own role would allow s3:* and dynamodb:*
    assert {"tests", "pwa", "docs"} <= set(config["exclude_glob"])


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_every_placeholder_in_zappa_settings_is_a_stack_output(zappa_settings, dev, stage):
    assert placeholders(zappa_settings[stage]) <= dev["Outputs"].keys()


def test_stack_env_fills_placeholders_and_refuses_missing_outputs(zappa_settings, dev):
    outputs = {name: f"value-of-{name}" for name in dev["Outputs"]}

    merged = stage_settings(zappa_settings, "dev", outputs, "eu-west-1")

    assert list(merged) == ["dev"]
    assert merged["dev"]["environment_variables"]["TOGETHER_TABLE"] == "value-of-TableName"
    assert merged["dev"]["role_arn"] == "value-of-AppRoleArn"
    assert merged["dev"]["aws_region"] == "eu-west-1"
    assert not placeholders(merged)
    del outputs["TableName"]
    with pytest.raises(MissingOutputs, match="TableName"):
        stage_settings(zappa_settings, "dev", outputs, "us-east-1")


@pytest.mark.skipif(REAL_AWS, reason="would create a stack named together-dev")
def test_stack_env_reads_the_deployed_stack(moto_endpoint, dev, tmp_path, monkeypatch, capsys):
    # moto cannot create CloudFront, so the stand-in stack has only the outputs.
    marker = {"Type": "AWS::SSM::Parameter",
              "Properties": {"Name": unique("/stack-env-test"), "Type": "String", "Value": "x"}}
    stand_in = {"Resources": {"Marker": marker},
                "Outputs": {name: {"Value": f"deployed-{name}"} for name in dev["Outputs"]}}
    client("cloudformation", moto_endpoint).create_stack(StackName="together-dev",
                                                         TemplateBody=json.dumps(stand_in))
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_endpoint)

    assert stack_env.main(["dev", "--out", str(tmp_path / "dev.json")]) == 0
    written = json.loads((tmp_path / "dev.json").read_text())["dev"]
    assert written["environment_variables"]["TOGETHER_TABLE"] == "deployed-TableName"
    assert written["s3_bucket"] == "deployed-ServerlessDeploymentBucketName"

    assert stack_env.main(["dev", "--env"]) == 0
    exports = capsys.readouterr().out.splitlines()
    assert "export TOGETHER_MEDIA_BUCKET=deployed-MediaBucketName" in exports
    assert "export TOGETHER_MAIL_FROM='Together <no-reply@together.example.com>'" in exports
