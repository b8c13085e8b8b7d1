"""Failures as data: every problem with input is a Diagnostic with a file and a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


def printable(text: str) -> str:
    """``text`` with every character a terminal or log would act on shown as an escape (``\\n``, ``\\x1b``, ``\\u202e``).

    File names and titles come from strangers: a newline in a name could forge a diagnostic line
    or a CI workflow command (``::error``), an ESC sequence could rewrite the terminal, and a
    bidi override could reorder what a reviewer reads.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """``path:line: severity[code]: message`` — the one shape every problem is reported in."""

    path: str
    line: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return printable(f"{where}: {self.severity}[{self.code}]: {self.message}")


@dataclass
class Diagnostics:
    """A collector passed through the read stages; stages add to it instead of raising."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, path: str, line: int, severity: Severity, code: str, message: str) -> None:
        self.items.append(Diagnostic(path, line, severity, code, message))

    def error(self, path: str, line: int, code: str, message: str) -> None:
        self.add(path, line, "error", code, message)

    def warning(self, path: str, line: int, code: str, message: str) -> None:
        self.add(path, line, "warning", code, message)

    def info(self, path: str, line: int, code: str, message: str) -> None:
        self.add(path, line, "info", code, message)

    def extend(self, other: Diagnostics | list[Diagnostic]) -> None:
        self.items.extend(other.items if isinstance(other, Diagnostics) else other)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))
