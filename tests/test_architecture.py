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


def imported_modules(path: Path) -> set[str]:
    """Return the dotted modules a module imports from (``from a.b import c`` gives a.b, a.b.c)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


# A question's way through the core: understanding -> calc -> answers, never back.
LAYERS = {
    "understanding": ("bot.calc", "bot.answers", "bot.engine"),
    "calc": ("bot.answers", "bot.engine"),
    "answers": ("bot.engine",),
}


@pytest.mark.parametrize(
    ("package", "path"),
    [(name, p) for name in LAYERS for p in modules(f"bot/{name}")],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_the_core_packages_import_only_the_layers_before_them(package: str, path: Path) -> None:
    forbidden = LAYERS[package]
    imports = imported_modules(path)
    assert not {m for m in imports for f in forbidden if m == f or m.startswith(f + ".")}


def test_the_old_flat_modules_are_gone() -> None:
    for name in ("nlu", "calc", "tableq", "compose"):
        assert not (ROOT / "bot" / f"{name}.py").exists()
    for package in LAYERS:
        assert (ROOT / "bot" / package / "__init__.py").exists()
