"""Development tools stay apart from the product (STYLE.md, "Product and tools apart"): the
product apps never import ``devtools``, and settings install it only when ``DEVTOOLS`` is on."""

import ast
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCT_APPS = ("portal", "events", "insights")
PRODUCTION = {"DEBUG": "false", "SECRET_KEY": "test", "ALLOWED_HOSTS": "dwarsverband.nl"}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def run_python(*args, tmp_path, **env):
    """Run Python in the project with only ``env`` set among the portal's switches, on a
    throwaway SQLite file."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DEBUG", "DEVTOOLS", "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS")
    }
    environment.update(env, SQLITE_PATH=str(tmp_path / "portal.sqlite3"))
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_product_apps_never_import_devtools():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {module}"
        for app in PRODUCT_APPS
        for path in sorted((settings.BASE_DIR / app).rglob("*.py"))
        for module in imported_modules(path)
        if module == "devtools" or module.startswith("devtools.")
    ]
    assert found == []


@pytest.mark.parametrize(
    ("env", "installed"),
    [
        ({}, True),
        ({"DEVTOOLS": "false"}, False),
        (PRODUCTION, False),
        ({**PRODUCTION, "DEVTOOLS": "true"}, True),
    ],
    ids=["development", "development-without", "production", "production-with"],
)
def test_devtools_is_installed_when_the_switch_says_so(tmp_path, env, installed):
    code = "from portal import settings; print(*settings.INSTALLED_APPS)"
    apps = run_python("-c", code, tmp_path=tmp_path, **env).split()
    assert ("devtools" in apps) == installed


def test_the_portal_checks_and_migrates_without_devtools(tmp_path):
    plan = run_python("manage.py", "migrate", "--plan", tmp_path=tmp_path, **PRODUCTION)
    assert "insights.0001_initial" in plan
    assert "devtools" not in plan
