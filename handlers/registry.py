"""The names PTB handlers answer to, taken from the one command registry (``bot.commands``)."""

from __future__ import annotations

from bot.commands import find_command


def command_names(name: str) -> list[str]:
    """Return the name and aliases of a command of the registry; fail for one it lacks."""
    command = find_command(name)
    if command is None:
        raise LookupError(f"/{name} is not in the command registry (bot.commands)")
    return [command.name, *command.aliases]
