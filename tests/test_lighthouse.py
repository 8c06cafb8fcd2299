"""Lighthouse (npm lighthouse with Debian's Chromium) on the front and article pages served by nginx."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from checktools import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, KEY_PAGES, LIGHTHOUSE, Site
from conftest import PROJECT, need_tool

pytest_plugins = ["corpus_site"]

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 0.95
RUN_TIMEOUT = 300


def lighthouse(url: str, report: str) -> dict:
    """Audit one URL in a fresh headless Chromium; keep the JSON and HTML reports under report.*."""
    node = shutil.which("node")
    need_tool(node is not None, "Node.js (Debian package nodejs)")
    need_tool(LIGHTHOUSE.is_file(), f"Lighthouse ({LIGHTHOUSE.relative_to(PROJECT)}: npm ci in tools/)")
    need_tool(CHROMIUM.is_file(), f"Chromium at {CHROMIUM} (Debian package chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [node, str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output=html",
               f"--output-path={ARTIFACTS / report}", f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={flags}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                          env=dict(os.environ, CHROME_PATH=str(CHROMIUM)))
    assert done.returncode == 0, f"lighthouse failed on {url}:\n{done.stderr[-3000:]}"
    return json.loads((ARTIFACTS / f"{report}.report.json").read_text(encoding="utf-8"))


def shortfalls(result: dict) -> list[str]:
    """The categories under the minimum, each with its weighted audits that did not pass."""
    lines = []
    for name in CATEGORIES:
        category = result["categories"][name]
        if category["score"] is None or category["score"] < MINIMUM:
            failing = [f"{ref['id']} ({result['audits'][ref['id']]['score']})" for ref in category["auditRefs"]
                       if ref["weight"] > 0 and (result["audits"][ref["id"]]["score"] or 0) < 1]
            lines.append(f"{name} {category['score']}: {', '.join(failing)}")
    return lines


@pytest.mark.parametrize("name", ["front", "article"])
def test_lighthouse_scores_at_least_95(served_site: Site, name: str) -> None:
    result = lighthouse(served_site.url + KEY_PAGES[name], f"lighthouse-{name}")
    assert result["finalDisplayedUrl"] == served_site.url + KEY_PAGES[name]
    assert not result.get("runtimeError"), result["runtimeError"]
    assert shortfalls(result) == []
