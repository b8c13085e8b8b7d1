"""The MkDocs step, in process: strict build or live server over the generated build/docs.

MkDocs is driven through its Python API rather than its CLI so the docs folder can be the
generator's build folder whatever it is (``load_config`` takes overrides before validation)
and warnings can be shown while still counted by strict mode (MkDocs' own ``--quiet`` hides
them from the counter).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from .diagnostics import printable

# Banners some dependencies print on import (MkDocs 2 plans, Material's end of life, noted in the
# README). They are not our output; set before mkdocs or material is imported.
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _Printer(logging.Handler):
    """MkDocs log records as ``WARNING -  message`` lines on stderr, at the chosen level; counts warnings."""

    counted = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.counted += 1
        print(f"{record.levelname:<7} -  {printable(record.getMessage())}", file=sys.stderr)


def _logging(quiet: bool) -> _Printer:
    handler = _Printer(logging.WARNING if quiet else logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.handlers = [h for h in logger.handlers if not isinstance(h, _Printer)] + [handler]
    return handler


def build(config_file: Path, build_dir: Path, site_dir: Path | None, epoch: int, quiet: bool = False,
          strict: bool = True) -> tuple[Path | None, bool]:
    """MkDocs build of ``build_dir/docs``: (the site folder, or None if nothing was built; True if clean).

    Strict aborts on the first warning's count; not strict builds every page and reports the count.
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    printer = _logging(quiet)
    overrides: dict[str, Any] = {"docs_dir": str((build_dir / "docs").resolve()), "strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    try:
        config = load_config(config_file=str(config_file), **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        print(f"ERROR   -  {printable(str(exc))}", file=sys.stderr)
        return None, False
    return Path(config.site_dir), printer.counted == 0


def serve(config_file: Path, build_dir: Path, dev_addr: str, watch: list[str], epoch: int) -> None:
    """MkDocs' live server over ``build_dir/docs``; the hook regenerates before every rebuild."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    from mkdocs.commands.serve import serve as mkdocs_serve

    _logging(quiet=False)
    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, watch=watch,
                 docs_dir=str((build_dir / "docs").resolve()))
