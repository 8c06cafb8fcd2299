"""Checks that a regular expression from tags.yaml cannot backtrack without bound on story text.

Python's `re` backtracks: `(a+)+$` takes exponential time on a line of a's, and even `\\d+x` is quadratic on a long
run of digits, as the search retries every start. A pattern passes when the ways it can try to match at one
position are bounded by a constant (MAX_PATHS), so that a search costs at most that constant times the length of
the text: no backreferences, no quantifier over a group that itself holds a quantifier or an alternation (nested
quantifiers), and, for patterns searched through running text (always-rules), no unbounded quantifier (`*`, `+`,
`{n,}`): write `{0,30}` instead.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as constants
    from re import _parser as parser
except ImportError:  # pragma: no cover - Python 3.10 and older
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

MAX_PATHS = 1000  # ways a pattern may try to match at one position
MAX_REPEAT = 100  # the largest bounded repeat allowed, {0,100}
_REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)} - {None}
_BACKREFERENCES = {constants.GROUPREF, constants.GROUPREF_EXISTS} | (
    {constants.GROUPREF_IGNORE} if hasattr(constants, "GROUPREF_IGNORE") else set())


class UnsafePattern(ValueError):
    """A pattern whose matching time could grow faster than the text."""


def check_pattern(pattern: str, unbounded_ok: bool = False) -> None:
    """Raise UnsafePattern (or re.error if it does not parse) for a pattern that may backtrack without bound;
    unbounded_ok allows `*` and `+` for patterns only ever matched whole against one word (topic keywords)."""
    tree = parser.parse(pattern, re.IGNORECASE)
    paths = _paths(tree, unbounded_ok)
    if paths > MAX_PATHS:
        raise UnsafePattern(f"it may try {paths} ways to match at one position (at most {MAX_PATHS})")


def _paths(items, unbounded_ok: bool) -> int:
    """An upper bound on the ways a sequence of parsed items can match at one position."""
    total = 1
    for op, value in items:
        total *= _item_paths(op, value, unbounded_ok)
        if total > MAX_PATHS:
            return total
    return total


def _item_paths(op, value, unbounded_ok: bool) -> int:
    """The ways one parsed item can match at one position."""
    if op in _BACKREFERENCES:
        raise UnsafePattern("backreferences are not allowed")
    if op == constants.SUBPATTERN:
        return _paths(value[-1], unbounded_ok)
    if op == constants.BRANCH:
        return sum(_paths(branch, unbounded_ok) for branch in value[1])
    if op in (constants.ASSERT, constants.ASSERT_NOT):
        return _paths(value[1], unbounded_ok)
    if op == getattr(constants, "ATOMIC_GROUP", None):
        return _paths(value, unbounded_ok)
    if op in _REPEATS:
        low, high, body = value
        if _holds_repeat(body) or _paths(body, unbounded_ok) > 1:
            raise UnsafePattern("nested quantifiers (a quantifier over a group with a quantifier or alternatives)")
        if high == constants.MAXREPEAT:
            if not unbounded_ok:
                raise UnsafePattern("unbounded quantifiers (*, +, {n,}) are not allowed: write {0,30}")
            return 1  # matched whole against one word: one pass
        if high > MAX_REPEAT:
            raise UnsafePattern(f"repeats of more than {MAX_REPEAT} are not allowed")
        return high - low + 1
    return 1


def _holds_repeat(items) -> bool:
    """True if a parsed sequence holds a quantifier anywhere inside it."""
    for op, value in items:
        if op in _REPEATS:
            return True
        if op == constants.SUBPATTERN and _holds_repeat(value[-1]):
            return True
        if op == constants.BRANCH and any(_holds_repeat(branch) for branch in value[1]):
            return True
    return False
