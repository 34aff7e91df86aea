"""The text catalogue and the command registry: every text in both languages, nothing dangling."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.commands import COMMANDS, CommandService, find_command, menu
from bot.texts import TEXTS, t

ROOT = Path(__file__).resolve().parents[1]


def fields(template: str) -> set[str]:
    """Return the names of a template's placeholders."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue_users() -> Iterator[ast.Module]:
    """Yield the parsed modules that import the catalogue's t()."""
    for package in ("bot", "handlers"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if any(
                isinstance(node, ast.ImportFrom) and node.module == "bot.texts"
                for node in ast.walk(tree)
            ):
                yield tree


def literals(node: ast.AST) -> Iterator[str]:
    """Yield the strings an argument can be: a constant, or either branch of an if."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from literals(node.body)
        yield from literals(node.orelse)


def asked_keys() -> set[str]:
    """Return every key passed literally to t()."""
    return {
        key
        for tree in catalogue_users()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
        for key in literals(node.args[0])
    }


def used_keys() -> set[str]:
    """Return every catalogue key written anywhere in the modules that use the catalogue."""
    return {
        node.value
        for tree in catalogue_users()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in TEXTS
    }


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_bokmal_and_english_with_the_same_placeholders(key: str) -> None:
    entry = TEXTS[key]
    assert set(entry) == {"nb", "en"}
    assert entry["nb"].strip() and entry["en"].strip()
    assert fields(entry["nb"]) == fields(entry["en"])


def test_every_text_the_code_asks_for_is_in_the_catalogue() -> None:
    asked = asked_keys()
    assert len(asked) > 100
    assert asked - set(TEXTS) == set()


def test_every_text_in_the_catalogue_is_used() -> None:
    assert set(TEXTS) - used_keys() == set()


def test_a_text_is_filled_in_in_the_language_asked_for() -> None:
    assert t("unknown_command", "nb", name="x") == (
        "Ukjent kommando /x. Skriv /hjelp for å se hva jeg kan."
    )
    assert t("unknown_command", "en", name="x").startswith("Unknown command /x.")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_is_declared_once_with_both_descriptions_and_a_handler(command) -> None:
    assert re.fullmatch(r"[a-z0-9_]{1,32}", command.name)
    assert 3 <= len(command.nb) <= 256 and 3 <= len(command.en) <= 256
    assert command.nb != command.en or command.nb.isascii()
    assert command.audience in ("everyone", "admin")
    assert getattr(CommandService, command.handler.__name__) is command.handler
    for name in (command.name, *command.aliases):
        assert find_command(name) is command


def test_command_names_and_aliases_are_unique() -> None:
    names = [name for c in COMMANDS for name in (c.name, *c.aliases)]
    assert len(names) == len(set(names))


def test_the_menus_split_everyone_and_the_admins() -> None:
    everyone, admin = menu("everyone"), menu("admin")
    assert {c.name for c in admin} == {"kunngjor", "ny_frist", "oppdater", "ubesvart", "status"}
    assert not {c.name for c in everyone} & {c.name for c in admin}
    assert "avbryt" not in {c.name for c in everyone}, "answered, but not in the menu"


def test_no_telegram_handler_spells_out_a_command_name_the_registry_holds() -> None:
    spelled: list[str] = []
    for path in sorted((ROOT / "handlers").glob("*.py")):
        if path.name == "calculator.py":  # the /beregn dialogue moves into the core (issue 14)
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "CommandHandler"
                and node.args
                and isinstance(node.args[0], ast.Constant | ast.List | ast.Tuple)
            ):
                spelled.append(f"{path.name}:{node.lineno}")
    assert spelled == []


def test_a_handler_asks_the_registry_for_a_command_and_its_aliases() -> None:
    from handlers.registry import command_names

    assert command_names("avbryt") == ["avbryt"]
    with pytest.raises(LookupError):
        command_names("finnes_ikke")
