"""Clear rooms: `portal/` is configuration; the apps never import from it."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]
CONFIG_MODULES = {
    "__init__.py",
    "settings.py",
    "settings_third_language.py",
    "urls.py",
    "wsgi.py",
    "asgi.py",
    "together.py",
}


def own_app_folders():
    return [
        Path(config.path)
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(ROOT) and ".venv" not in Path(config.path).parts
    ]


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_no_app_imports_the_configuration_package():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for folder in own_app_folders()
        for path in folder.rglob("*.py")
        for module in imported_modules(path)
        if module == "portal" or module.startswith("portal.")
    ]
    assert offenders == []


def test_the_configuration_package_holds_configuration_only():
    modules = {path.name for path in (ROOT / "portal").glob("*.py")}
    assert modules - {"gunicorn.conf.py"} <= CONFIG_MODULES
    assert not [p for p in (ROOT / "portal").iterdir() if p.is_dir() and p.name != "__pycache__"]


def test_the_web_code_is_an_app():
    assert apps.get_app_config("web").path == str(ROOT / "web")
    assert "portal" not in {config.name for config in apps.get_app_configs()}
