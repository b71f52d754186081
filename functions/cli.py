"""Operator commands: `flask --app functions.wsgi <command>`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import click
from flask import Flask

from .errors import ApiError


def register(app: Flask) -> None:
    """Attach the commands to the app's CLI."""

    @app.cli.command("seed-demo")
    def seed_demo_command():
        """Import the demo directory (once per data directory) and list the demo accounts."""
        from .seed import DEMO_ACCOUNTS, seed_demo

        seeded = seed_demo(app)
        click.echo("Seeded the demo directory." if seeded else "Demo data is already there.")
        try:
            from .seed_news import seed_demo_news
            from .transcode.port import TranscodeError

            if seed_demo_news(app, int(app.extensions["together"].clock())):
                click.echo("Published two demo news videos (company-wide, and Retail's daily).")
            from .seed_stories import seed_demo_stories

            if seed_demo_stories(app, int(app.extensions["together"].clock())):
                click.echo("Released three demo stories (one featured); one waits for review.")
        except (OSError, subprocess.SubprocessError, RuntimeError, TranscodeError) as exc:
            # The demo still works without videos (no ffmpeg here, say): say so and go on.
            click.echo(f"Demo videos skipped: {exc}", err=True)
        from .seed_notes import seed_demo_notes

        if seed_demo_notes(app, int(app.extensions["together"].clock())):
            click.echo("Wrote the demo notes: a campaign for Wuhan, notes to employee@example.com.")
        from .seed_events import seed_demo_events

        if seed_demo_events(app, int(app.extensions["together"].clock())):
            click.echo("Scheduled the demo events (karaoke tomorrow, a town hall) and six tips.")
        click.echo("Demo accounts (sign in with the code shown in the dev outbox):")
        for email, who in DEMO_ACCOUNTS.items():
            click.echo(f"  {email:<24} {who}")

    @app.cli.command("import-directory")
    @click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--dry-run", is_flag=True, help="Check the file without changing anything.")
    def import_directory_command(csv_file: Path, dry_run: bool):
        """Upsert employees from HR's CSV; nothing changes if any line is wrong."""
        from .directory.service import import_csv
        from .i18n import t

        try:
            result = import_csv(app.extensions["together"].store,
                                csv_file.read_text(encoding="utf-8-sig"), dry_run=dry_run)
        except ApiError as exc:
            click.echo(t(exc.message_key, "en", **exc.params), err=True)
            for sentence in line_errors(exc.fields or {}):
                click.echo(f"  {sentence}", err=True)
            raise SystemExit(1) from None
        click.echo(json.dumps(result.__dict__))

    @app.cli.command("rotate-pass-key")
    @click.option("--immediately", is_flag=True,
                  help="Make a new key and sign with it now (after a leak); else one step at a "
                       "time.")
    def rotate_pass_key_command(immediately: bool):
        """Rotate the pass issuer key: publish a next key, then (run again later) sign with it."""
        from .encoding import b64url

        a = app.extensions["together"]
        rotated, message = a.pass_keys.rotate(int(a.clock()), immediately=immediately)
        click.echo(message)
        for key in rotated.keys:
            click.echo(f"  {b64url(key.kid)}  {key.state}"
                       + (f" until {key.until}" if key.until else ""))


def line_errors(fields: dict) -> list[str]:
    """The import's errors by line as sentences: "line 3: email: Already used by employee E0002."
    (a problem with the whole line, or the file, has no field name)."""
    sentences = []
    for line, problems in fields.items():
        where = f"line {line}" if str(line).isdigit() else str(line)
        if isinstance(problems, dict):
            for field, messages in problems.items():
                text = " ".join(messages) if isinstance(messages, list) else str(messages)
                sentences.append(f"{where}: {field}: {text}")
        else:
            text = " ".join(problems) if isinstance(problems, list) else str(problems)
            sentences.append(f"{where}: {text}")
    return sentences
