"""Settings: the project's settings file (pelicanconf.py, or publishconf.py importing it), executed once per
command and handed to Pelican.

`read` executes the file with Pelican's own loader and keeps its values until a Python file beside it changes,
so a command that needs a setting before building (ingest's DEFAULT_YEAR) and the build itself execute it once,
and `serve --watch` sees every edit. `pelican_settings` gives Pelican's complete settings for one build."""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path

from generator.errors import NewsdigestError

DEFAULT_SITE_URL = "http://localhost:8000/"  # the site's address when none is given (make serve's)
_read: dict[Path, tuple[tuple, dict]] = {}  # settings file -> (stamps of the Python files beside it, its values)


def read(settings_file: Path) -> dict:
    """The values the settings file sets (its upper-case names), executed again only when a Python file beside it
    (the file itself, one it imports) changed since the last read in this process."""
    from pelican.settings import get_settings_from_file

    path = settings_file.resolve()
    stamps = python_files_stamps(path.parent)
    known = _read.get(path)
    if known is None or known[0] != stamps:
        forget_modules_of(path.parent)
        if not path.is_file():
            raise NewsdigestError(f"{settings_file}: no such settings file")
        try:
            _read[path] = (stamps, get_settings_from_file(str(path)))
        except Exception as error:  # noqa: BLE001 - a broken settings file is one line naming it
            raise NewsdigestError(f"{settings_file}: cannot be read ({type(error).__name__}: {error})") from error
    return _read[path][1]


def python_files_stamps(folder: Path) -> tuple:
    """Name, size and modification time of each Python file in the folder."""
    stamps = []
    for path in sorted(folder.glob("*.py")):
        stat = path.stat()
        stamps.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def forget_modules_of(folder: Path) -> None:
    """Forget the modules named like the settings' folder's Python files (not plugins there), so that a settings
    file importing another (publishconf.py imports pelicanconf.py) reads its current text, not the one an earlier
    build in this process loaded (`serve --watch`; Pelican registers each settings file under its bare name)."""
    for path in folder.glob("*.py"):
        module = sys.modules.get(path.stem)
        if module is not None and not hasattr(module, "register"):  # a Pelican plugin stays: imported again, it
            del sys.modules[path.stem]  # would connect its handlers a second time


def pelican_settings(settings_file: Path, content: Path, output: Path, site_url: str) -> dict:
    """Pelican's settings from the settings file with our folders and site URL: as Pelican's read_settings makes
    them (defaults filled in, paths relative to the settings file made absolute), from the values read once."""
    from pelican.settings import read_settings

    site = site_url.rstrip("/")
    values = {key: own_copy(value) for key, value in read(settings_file).items()}
    values |= {"PATH": str(content.resolve()), "OUTPUT_PATH": str(output.resolve()), "SITEURL": site, "FEED_DOMAIN": site}
    return read_settings(None, override=absolute_paths(values, settings_file.resolve().parent))


def own_copy(value: object) -> object:
    """A copy of a setting's value that one build may change (Pelican adds to some lists and dicts)."""
    try:
        return copy.deepcopy(value)
    except (TypeError, copy.Error):  # a module or an open file: nothing Pelican changes
        return value


def absolute_paths(values: dict, folder: Path) -> dict:
    """THEME (when such a folder exists), CACHE_PATH and PLUGIN_PATHS relative to the settings file's folder made
    absolute, as Pelican does when it reads a settings file itself."""
    for key in ("THEME", "CACHE_PATH"):
        value = values.get(key)
        if isinstance(value, (str, Path)) and not os.path.isabs(value):
            absolute = os.path.abspath(os.path.normpath(folder / value))
            if key != "THEME" or os.path.exists(absolute):
                values[key] = absolute
    if values.get("PLUGIN_PATHS") is not None:
        values["PLUGIN_PATHS"] = [os.path.abspath(os.path.normpath(folder / path)) for path in values["PLUGIN_PATHS"]]
    return values


def default_year(settings_file: Path) -> int | None:
    """DEFAULT_YEAR of the settings file; None when it sets none or there is no such file."""
    return read(settings_file).get("DEFAULT_YEAR") if settings_file.is_file() else None
