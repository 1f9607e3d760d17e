"""argparse in Polish: its own messages (missing option, unknown command, a value that looks
like an option) are translated before they reach the person, and it exits with code 2."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from clerk_app.cli.common import EXIT_USAGE

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), polish) for pattern, polish in (
        (r"^the following arguments are required: (.+)$", "brak wymaganych argumentów: {0}"),
        (r"^argument (.+?): invalid choice: '(.*?)' \(choose from (.+)\)$",
         "argument {0}: nieznana wartość „{1}” (dostępne: {2})"),
        (r"^argument (.+?): expected one argument$", "argument {0}: podaj wartość"),
        (r"^argument (.+?): expected at least one argument$",
         "argument {0}: podaj co najmniej jedną wartość"),
        (r"^argument (.+?): invalid (\w+) value: '(.*)'$",
         "argument {0}: nieprawidłowa wartość „{2}”"),
        (r"^unrecognized arguments: (.+)$", "nieznane argumenty: {0}"),
        (r"^argument (.+?): not allowed with argument (.+)$",
         "argument {0} nie może wystąpić razem z {1}"),
        (r"^one of the arguments (.+) is required$", "wymagany jest jeden z argumentów: {0}"),
        (r"^ambiguous option: (.+?) could match (.+)$",
         "niejednoznaczna opcja {0} (pasuje do: {1})"),
    ))


def polish_message(message: str) -> str:
    """argparse's English message in Polish (unknown ones are kept as they are)."""
    for pattern, polish in _PATTERNS:
        match = pattern.match(message)
        if match:
            return polish.format(*match.groups())
    return message


class PolishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are Polish; sub-parsers inherit the class."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: błąd: {polish_message(message)}\n"
                              f"Pomoc: {self.prog} --help\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "użycie:", 1)

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "użycie:", 1)
        for english, polish in (("options:", "opcje:"), ("positional arguments:", "argumenty:"),
                                ("show this help message and exit", "pokaż tę pomoc"),
                                ("show program's version number and exit",
                                 "pokaż numer wersji")):
            text = text.replace(english, polish)
        return text
