"""The exception tree: every error names where it happened and why."""

from __future__ import annotations

import re
from pathlib import Path

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # and bidi overrides


def printable(text: str) -> str:
    """Text that prints as one line and moves no terminal: control characters (a line feed or an escape in a
    file name) as \\xNN, undecodable bytes of a file name too."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROLS.sub(lambda found: f"\\x{ord(found.group()):02x}" if ord(found.group()) < 256 else
                         f"\\u{ord(found.group()):04x}", text)


class NewsdigestError(Exception):
    """Base of every error the CLI reports as one line."""


class SeedError(NewsdigestError):
    """A seed that cannot be read or parsed."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None):
        self.path = Path(path)
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __reduce__(self):
        return type(self), (self.path, self.reason, self.line)  # rebuilt from its fields in another process

    def __str__(self) -> str:
        where = f"{printable(str(self.path))}:{self.line}" if self.line else printable(str(self.path))
        return f"{where}: {self.reason}"


class ConfigError(NewsdigestError):
    """A setting that is unknown, invalid or conflicting; names its key."""

    def __init__(self, key: str, reason: str):
        self.key = key
        self.reason = reason
        super().__init__(f"setting {key}: {reason}")

    def __reduce__(self):
        return type(self), (self.key, self.reason)


class BuildError(NewsdigestError):
    """The site build failed; the previous output/ is left as it was."""


class WriteError(NewsdigestError):
    """A file could not be written (a full disk, no permission): the run stopped, what it wrote is consistent."""
