"""Dependencies point one way: handlers -> bot -> knowledge; only the CLI imports handlers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPOSITION_ROOT = ROOT / "bot" / "cli.py"


def imported_packages(path: Path) -> set[str]:
    """Return the top-level packages a module imports, anywhere in its body."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def modules(package: str) -> list[Path]:
    """List the Python files of a package."""
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", modules("knowledge"), ids=lambda p: p.name)
def test_the_knowledge_package_imports_neither_the_core_nor_telegram(path: Path) -> None:
    assert not imported_packages(path) & {"bot", "handlers", "telegram"}


@pytest.mark.parametrize("path", modules("bot"), ids=lambda p: p.name)
def test_the_core_never_imports_telegram_and_only_the_cli_imports_handlers(path: Path) -> None:
    imports = imported_packages(path)
    assert "telegram" not in imports
    if path != COMPOSITION_ROOT:
        assert "handlers" not in imports


def test_the_composition_root_imports_handlers_only_inside_the_run_command() -> None:
    tree = ast.parse(COMPOSITION_ROOT.read_text(encoding="utf-8"))
    top_level = {
        node.module.split(".")[0]
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "handlers" not in top_level


def imported_names(path: Path) -> set[str]:
    """Return the names a module imports from other modules (``from x import NAME``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = (n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom))
    return {alias.name for node in nodes for alias in node.names}


@pytest.mark.parametrize("path", modules("bot") + modules("handlers"), ids=lambda p: p.name)
def test_one_transport_reaches_the_bot_api(path: Path) -> None:
    assert not imported_packages(path) & {"httpx", "bench"}  # the old client lives on in bench/
    assert "HTTPXRequest" not in imported_names(path)
    if path.name != "aiohttp_request.py":
        assert "aiohttp" not in imported_packages(path)
