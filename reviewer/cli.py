"""The command line: parse options, call the Python API, print, map errors to exit codes.

Exit codes: 0 every document reviewed; 1 some documents failed; 2 usage or configuration error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from reviewer.batch import review_paths
from reviewer.documents.base import Limits
from reviewer.errors import ConfigError, ReviewerError
from reviewer.logs import configure as configure_logging
from reviewer.logs import redact
from reviewer.models import DocType
from reviewer.options import ALL_FORMATS, ReviewOptions
from reviewer.progress import make_display, outcome_line, print_summary
from reviewer.rubric import load_rubric, prompts_dir

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


def _handle_errors(fn: F) -> F:
    """The one place errors become ``Error: ...`` on stderr and an exit code."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ConfigError as e:
            if os.environ.get("REVIEWER_RAISE"):
                raise
            click.echo(f"Error: {redact(str(e))}", err=True)
            sys.exit(EXIT_USAGE)
        except ReviewerError as e:
            if os.environ.get("REVIEWER_RAISE"):
                raise
            click.echo(f"Error: {redact(str(e))}", err=True)
            sys.exit(EXIT_SOME_FAILED)

    return wrapper  # type: ignore[return-value]


def _formats(value: str | None) -> tuple[str, ...]:
    if not value or value == "all":
        return ALL_FORMATS
    return tuple(v.strip() for v in value.split(",") if v.strip())


def review_options(fn: F) -> F:
    """Options shared by ``review`` and ``watch``: they build the same ReviewOptions."""
    decorators = [
        click.option("--engine", type=click.Choice(["auto", "screen", "rules", "llm"]), default="auto", show_default=True,
                     help="auto uses the model when one is configured (OPENAI_API_KEY or OPENAI_BASE_URL), else screening. "
                          "screen: offline rules and trained screen; rules: the offline rules alone."),
        click.option("--model", default=None, help="Model name for the LLM engine (or REVIEWER_MODEL)."),
        click.option("--base-url", default=None, help="OpenAI-compatible endpoint (or OPENAI_BASE_URL)."),
        click.option("--structured-method", type=click.Choice(["json_schema", "function_calling"]), default="json_schema",
                     show_default=True, help="function_calling for servers that reject strict json_schema."),
        click.option("--doc-type", type=click.Choice([t.value for t in DocType]), default=None,
                     help="Override the detected document type."),
        click.option("--password", default=None, help="Password for encrypted PDFs."),
        click.option("--rubric", "rubric_path", type=click.Path(path_type=Path), default=None,
                     help="Use a firm's own rubric TOML instead of prompts/rubric.toml."),
        click.option("--format", "formats", default="all", show_default=True,
                     help=f"Comma-separated outputs: {', '.join(ALL_FORMATS)} (or all)."),
        click.option("--fallback", type=click.Choice(["none", "screen"]), default="none", show_default=True,
                     help="When the model fails, review that document offline instead."),
        click.option("--max-cost", type=float, default=None, help="Stop the batch before it would pass this cost in USD."),
        click.option("--jobs", type=int, default=ReviewOptions.jobs, show_default=True, help="Model calls in flight."),
        click.option("--rpm", type=float, default=None, help="Client-side limit: model requests per minute."),
        click.option("--tpm", type=float, default=None, help="Client-side limit: model tokens per minute."),
        click.option("--refresh", is_flag=True, help="Ignore cached reviews."),
        click.option("--timeout", type=float, default=ReviewOptions.timeout, show_default=True,
                     help="Seconds to wait for one model answer before retrying."),
        click.option("--max-attempts", type=int, default=ReviewOptions.max_attempts, show_default=True,
                     help="Model attempts per call (retries on 408/409/429/5xx, timeouts, connection errors)."),
        click.option("--max-retry-seconds", type=float, default=ReviewOptions.max_retry_seconds, show_default=True,
                     help="Give up retrying a model call after this long."),
        click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
                     help="Config file (TOML) with model, base_url, prices."),
        click.option("--max-file-mb", type=float, default=Limits.max_file_mb, show_default=True),
        click.option("--max-pages", type=int, default=Limits.max_pages, show_default=True),
        click.option("--max-unzipped-mb", type=float, default=Limits.max_unzipped_mb, show_default=True,
                     help="DOCX: refuse packages that inflate past this (zip-bomb defence)."),
        click.option("--max-zip-ratio", type=float, default=Limits.max_zip_ratio, show_default=True,
                     help="DOCX: refuse a zip entry compressed more than this many times."),
        click.option("--max-chars", type=int, default=Limits.max_chars, show_default=True,
                     help="Refuse documents with more text than this."),
        click.option("--verbose", "-v", is_flag=True, help="Log each step to stderr (secrets are always redacted)."),
    ]
    for d in reversed(decorators):
        fn = d(fn)
    return fn


def build_options(**kw: Any) -> ReviewOptions:
    """Turn the shared review options (see ``review_options``) into a validated ReviewOptions."""
    configure_logging(verbose=kw["verbose"])
    limits = Limits(max_file_mb=kw["max_file_mb"], max_pages=kw["max_pages"], max_unzipped_mb=kw["max_unzipped_mb"],
                    max_zip_ratio=kw["max_zip_ratio"], max_chars=kw["max_chars"])
    return ReviewOptions(
        engine=kw["engine"], model=kw["model"], base_url=kw["base_url"], structured_method=kw["structured_method"],
        doc_type=DocType(kw["doc_type"]) if kw["doc_type"] else None, password=kw["password"],
        rubric_path=kw["rubric_path"], formats=_formats(kw["formats"]), limits=limits, fallback=kw["fallback"],
        max_cost=kw["max_cost"], jobs=kw["jobs"], refresh=kw["refresh"], config_path=kw["config_path"],
        rpm=kw["rpm"], tpm=kw["tpm"], timeout=kw["timeout"], max_attempts=kw["max_attempts"],
        max_retry_seconds=kw["max_retry_seconds"],
    ).validate()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reviewer")
def cli() -> None:
    """Review AI pilot proposals and post-pilot reports against the ten architectural reasons
    pilots stall, and write annotated gap memos."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("memos"), show_default=True,
              help="Folder for memos and reviews.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable results on stdout.")
@review_options
@_handle_errors
def review(paths: tuple[Path, ...], out: Path, quiet: bool, as_json: bool, **kw: Any) -> None:
    """Review PDF/DOCX files and folders (recursively); write a memo per document into --out."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ConfigError(f"no such file or folder: {', '.join(missing)}.", hint="Check the paths you gave.")
    options = build_options(**kw)
    with make_display(quiet=quiet, as_json=as_json) as display:
        result = review_paths(paths, out=out, options=options, progress=display)
    if not result.outcomes:
        raise ConfigError(f"no PDF or DOCX files found in {', '.join(map(str, paths))}.", hint="Point at files or folders that hold .pdf or .docx documents.")
    if as_json:
        click.echo(json.dumps(result.model_dump(mode="json", exclude={"outcomes": {"__all__": {"review"}}}), indent=2))
    else:
        print_summary(result)
    sys.exit(EXIT_SOME_FAILED if result.failed else EXIT_OK)


@cli.command()
@click.argument("inbox", type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "-o", type=click.Path(path_type=Path), required=True, help="Folder for memos and reviews.")
@click.option("--poll", is_flag=True, help="Poll the folder instead of file-system events (network drives).")
@click.option("--once", is_flag=True, help="Process what is in the inbox now, then exit.")
@click.option("--settle", type=float, default=2.0, show_default=True,
              help="Seconds a file's size and time must hold still before it is taken.")
@click.option("--quiet", "-q", is_flag=True, help="Only problems and the final count.")
@review_options
@_handle_errors
def watch(inbox: Path, out: Path, poll: bool, once: bool, settle: float, quiet: bool, **kw: Any) -> None:
    """Watch INBOX: review each PDF/DOCX dropped there (subfolders too), write memos into --out, then
    move the original to INBOX/processed/, or to INBOX/failed/ with a note saying what went wrong.
    Ctrl-C or SIGTERM finish the documents in hand and exit."""
    from reviewer.batch import Event
    from reviewer.watch import watch as watch_inbox

    if not inbox.is_dir():
        raise ConfigError(f"{inbox}: no such folder to watch.", hint="Create it, or point watch at an existing folder.")
    options = build_options(**kw)

    def show(ev: Event) -> None:
        o = ev.outcome
        if o is None:
            return
        if o.status == "failed":
            click.echo(f"FAILED {ev.path.name}: {o.error}", err=True)
        elif not quiet:
            click.echo(f"{o.status} {ev.path.name}: {outcome_line(o)}")

    if not quiet:
        click.echo(f"Watching {inbox} (memos to {out}); Ctrl-C to stop.", err=True)
    summary = watch_inbox(inbox, out=out, options=options, poll=poll, once=once, settle=settle, progress=show,
                          say=lambda msg: click.echo(msg, err=True))
    click.echo(f"Watcher stopped: {summary.reviewed} reviewed, {summary.cached} cached, {summary.failed} failed.",
               err=True)
    sys.exit(EXIT_SOME_FAILED if once and summary.failed else EXIT_OK)


@cli.command()
@click.option("--rubric", "rubric_path", type=click.Path(path_type=Path), default=None, help="Rubric TOML to load.")
@click.option("--toml", "as_toml", is_flag=True, help="Print the rubric file itself.")
@click.option("--json", "as_json", is_flag=True, help="Print the validated rubric as JSON.")
@_handle_errors
def rubric(rubric_path: Path | None, as_toml: bool, as_json: bool) -> None:
    """Print the rubric in use and its version (content hash)."""
    r = load_rubric(rubric_path)
    if as_toml:
        click.echo((rubric_path or prompts_dir() / "rubric.toml").read_text(encoding="utf-8"))
        return
    if as_json:
        click.echo(r.model_dump_json(indent=2))
        return
    click.echo(f"{r.name}\nversion {r.version}  ({rubric_path or 'built-in prompts/rubric.toml'})\n")
    for reason in r.reasons:
        click.echo(f"{reason.id}  {reason.title}")
        click.echo(f"     proposal: {reason.question_proposal}")
        click.echo(f"     report:   {reason.question_report}")
        click.echo(f"     fix:      {reason.fix}\n")
    click.echo(f"Scoring: {r.scoring_definition}")


@cli.command("eval")
@click.argument("labels", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--engine", type=click.Choice(["auto", "screen", "rules", "llm"]), default="screen", show_default=True,
              help="The engine to score (rules: the screening rules without the trained screen).")
@click.option("--split", type=click.Choice(["all", "demo", "dev", "heldout"]), default="all", show_default=True,
              help="Score only the documents of this split.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--model", default=None, help="Model name for the LLM engine (or REVIEWER_MODEL).")
@click.option("--base-url", default=None, help="OpenAI-compatible endpoint (or OPENAI_BASE_URL).")
@click.option("--rubric", "rubric_path", type=click.Path(path_type=Path), default=None, help="Rubric TOML to use.")
@_handle_errors
def eval_(labels: tuple[Path, ...], engine: str, split: str, as_json: bool, model: str | None, base_url: str | None,
          rubric_path: Path | None) -> None:
    """Score an engine against one or more labels files (pooled): confusion per reason, accuracy,
    gap precision/recall, quotes located, fact matches (per split)."""
    from reviewer.evaluate import evaluate, render_text

    options = ReviewOptions(model=model, base_url=base_url, rubric_path=rubric_path)
    report = evaluate(list(labels), engine=engine, split=split, options=options)  # type: ignore[arg-type]
    click.echo(report.model_dump_json(indent=2) if as_json else render_text(report))


@cli.command("agree")
@click.argument("others", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--reference", "reference", type=click.Path(path_type=Path), default=None,
              help="The labels file to compare against (default: labels.toml beside each OTHER file).")
@click.option("--show", type=int, default=0, show_default=True, help="List this many disagreements, with both sides' reasons.")
@click.option("--json", "as_json", is_flag=True, help="Print the full comparison as JSON.")
@_handle_errors
def agree(others: tuple[Path, ...], reference: Path | None, show: int, as_json: bool) -> None:
    """How far a second labelling agrees with the first: three-way agreement, Cohen's kappa, gap
    agreement and a confusion matrix per reason, pooled over every OTHER labels file."""
    from reviewer.agreement import agreement, reference_beside, render_agreement

    pairs = [(reference or reference_beside(o), o) for o in others]
    result = agreement(pairs)
    click.echo(result.model_dump_json(indent=2) if as_json else render_agreement(result, show=show))


def main() -> None:
    cli(prog_name="reviewer")


if __name__ == "__main__":  # pragma: no cover
    main()
