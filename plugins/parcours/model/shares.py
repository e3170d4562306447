"""Shares of customers: written from 0 to 100, and never a fraction taken for a percent.

Reporting tools often export a share as a fraction (0.64 for 64 %). Read
as a percent, it would say « 0,64 % satisfaits » and pass every check. The
rule, the same in the YAML and in the exports:

- a share is a number from 0 to 100 (`64`);
- a number strictly between 0 and 1 (`0.64`, `0,93`) is a fraction: it is
  refused, and the suggestion is the percent (`64`, `93`), which means what
  the tool meant;
- a share truly below 1 % is written with its sign (`0,5 %`), which says so;
  so is any share, when the analyst prefers (`72 %`).

0 and 1 are whole numbers, read as 0 % and 1 %.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

from ..language.numbers import read_number


def written(number: float) -> str:
    """A number as YAML takes it: `72`, `4.5`."""
    number = round(number, 6)
    return str(int(number)) if number.is_integer() else repr(number)


def is_fraction(value: float) -> bool:
    """Whether a share, written without its sign, is a fraction of one."""
    return 0 < value < 1


def as_percent(value: float) -> str:
    """The percent a fraction means, as it should be written: `0.64` → `64`."""
    return written(value * 100)


def read_share(value: Any) -> Any:
    """A share as written: a number, or a text with a `%` sign (explicit, always a percent)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return value
    shown = value if isinstance(value, str) else written(float(value))
    if isinstance(value, str):
        number = read_number(value)
        if number is None:
            return value
        if value.strip().endswith("%"):
            return number
        if not is_fraction(number):
            raise PydanticCustomError("decimal_comma", "decimal comma", {"value": value, "suggestion": written(number)})
        value = number
    if is_fraction(float(value)):
        raise PydanticCustomError("share_fraction", "fraction", {"value": shown, "suggestion": as_percent(float(value))})
    return value
