"""Fill infra/zappa_settings.json's ${Output} placeholders from the stage's CloudFormation stack.

Usage: python infra/stack_env.py <stage> [--region us-east-1] [--out FILE | --env]
Writes var/zappa_settings.<stage>.json for `zappa deploy|update <stage> -s ...`; with --env,
prints the app's environment as shell exports instead (for operator commands on a laptop).
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "infra" / "zappa_settings.json"
PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


class MissingOutputs(RuntimeError):
    """The settings name outputs the stack does not have (an old stack, or a typo)."""


def stack_name(stage: str) -> str:
    return f"together-{stage}"  # the Serverless Framework's <service>-<stage>


def stack_outputs(cloudformation, name: str) -> dict[str, str]:
    stack = cloudformation.describe_stacks(StackName=name)["Stacks"][0]
    return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}


def placeholders(value) -> set[str]:
    """Every ${Name} used anywhere in a settings value."""
    if isinstance(value, dict):
        return set().union(*map(placeholders, value.values()))
    if isinstance(value, list):
        return set().union(*map(placeholders, value))
    return set(PLACEHOLDER.findall(value)) if isinstance(value, str) else set()


def fill(value, outputs: dict[str, str]):
    if isinstance(value, dict):
        return {k: fill(v, outputs) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, outputs) for v in value]
    if isinstance(value, str):
        return PLACEHOLDER.sub(lambda m: outputs[m.group(1)], value)
    return value


def stage_settings(settings: dict, stage: str, outputs: dict[str, str], region: str) -> dict:
    """The one stage's settings with every placeholder filled; Zappa reads {stage: {...}}."""
    config = settings[stage]
    missing = placeholders(config) - outputs.keys()
    if missing:
        raise MissingOutputs(f"stack {stack_name(stage)} lacks the output(s) "
                             f"{', '.join(sorted(missing))}: serverless deploy --stage {stage}")
    return {stage: {**fill(config, outputs), "aws_region": region}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--out", type=Path, help="default: var/zappa_settings.<stage>.json")
    parser.add_argument("--env", action="store_true", help="print shell exports, write nothing")
    args = parser.parse_args(argv)

    import boto3  # late: the functions above need no AWS

    cloudformation = boto3.client("cloudformation", region_name=args.region)
    outputs = stack_outputs(cloudformation, stack_name(args.stage))
    settings = json.loads(SETTINGS.read_text())
    try:
        merged = stage_settings(settings, args.stage, outputs, args.region)
    except MissingOutputs as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.env:
        config = merged[args.stage]
        for name, value in {**config["environment_variables"], "AWS_REGION": args.region}.items():
            print(f"export {name}={shlex.quote(value)}")
        return 0
    out = args.out or ROOT / "var" / f"zappa_settings.{args.stage}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(merged, indent=4) + "\n")
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
