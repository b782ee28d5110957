"""A cheap test that tells which rule patterns cannot match a text, so they are not run at all.

Most rule patterns begin at a word start (``(?<![\\w-])``) with one of a few hundred literal
words. Running each of them over each text is what costs most in screening (issue 21). Here
every such pattern is read once, with the regular-expression parser, for the literal prefixes
(up to three characters) that every match must begin with; each text is read once for the
one-, two- and three-character strings found at its word starts. A pattern none of whose
prefixes is among the text's runs no further: it could not have matched. The test is exact in
that direction (it never skips a pattern that would match); a pattern whose matches can begin
with something other than a literal is always run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any, Final

_ROOM: Final = 40  # literal characters read from the start of a pattern
_HEAD: Final = 4  # a word's first characters kept as keys
_RUN: Final = re.compile(r"[\w-]+")
_WORD_CHAR: Final = re.compile(r"[\w-]")

_ZERO_WIDTH: Final = frozenset({_c.AT, _c.ASSERT, _c.ASSERT_NOT})


_END = "\0"  # marks the end of a word inside a prefix


def _at_word_start(op: Any, av: Any) -> bool:
    """``(?<![\\w-])`` or stricter (``(?<![\\w.,-])``): no word character or hyphen before, so
    every match begins at the start of a word of the text (a run of ``[\\w-]``)."""
    if op is not _c.ASSERT_NOT or av[0] != -1 or len(av[1]) != 1 or av[1][0][0] is not _c.IN:
        return False
    members = av[1][0][1]
    return (_c.CATEGORY, _c.CATEGORY_WORD) in members and (_c.LITERAL, ord("-")) in members


def _word_end(op: Any, av: Any) -> bool:
    """``(?![\\w-])``: no word character follows."""
    return bool(
        op is _c.ASSERT_NOT
        and av[0] == 1
        and len(av[1]) == 1
        and av[1][0][0] is _c.IN
        and (_c.CATEGORY, _c.CATEGORY_WORD) in av[1][0][1]
    )


def _chars(av: Any) -> list[str] | None:
    """The characters of a class of literals and digits (``[ab]``, ``\\d``), or None."""
    chars: list[str] = []
    for o, v in av:
        if o is _c.LITERAL:
            chars.append(chr(v))
        elif o is _c.CATEGORY and v is _c.CATEGORY_DIGIT:
            chars.extend("0123456789")
        else:
            return None
    return chars


def _prefixes(items: Any) -> tuple[set[str], bool] | None:
    """The literal strings every match of ``items`` starts with (as far as they are literal),
    and whether they are the whole of what ``items`` match; None when a match can start with
    something that is not a known literal."""
    results = {""}
    for op, av in items:
        if _word_end(op, av):
            results = {r + _END for r in results}
            continue
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            results = {r + chr(av) for r in results}
        elif op is _c.IN:
            chars = _chars(av)
            if chars is None:
                break
            results = {r + ch for r in results for ch in chars}
        elif (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
            found = _prefixes(av[2])  # "\d+": what its first round starts with
            if found is None:
                break
            results = {r + f for r in results for f in found[0]}
            return None if "" in results else (results, False)
        elif op is _c.SUBPATTERN or op is _c.BRANCH:
            alternatives = [av[3]] if op is _c.SUBPATTERN else av[1]
            grown: set[str] = set()
            complete = True
            for alternative in alternatives:
                found = _prefixes(alternative)
                if found is None:
                    return None if results == {""} else (results, False)
                grown.update(r + f for r in results for f in found[0])
                complete = complete and found[1]
            results = grown
            if not complete:
                return None if "" in results else (results, False)
        else:
            return None if "" in results else (results, False)
        if min(len(r) for r in results) >= _ROOM:
            return results, False
    return None if "" in results else (results, True)


@dataclass(frozen=True, slots=True)
class _Needs:
    words: frozenset[str]  # one of these is a whole word at a word start
    heads: frozenset[str]  # or a word starts with one of these (at most _HEAD characters)


def needs(pattern: re.Pattern[str]) -> _Needs | None:
    """What a text must hold for a word-start pattern to match, or None (always run it)."""
    if pattern.flags & re.IGNORECASE:
        return None
    items = _sre.parse(pattern.pattern, pattern.flags).data
    if not items or not _at_word_start(*items[0]):
        return None
    parsed = _prefixes(items)
    if parsed is None:
        return None
    found = parsed[0]
    words: set[str] = set()
    heads: set[str] = set()
    for prefix in found:
        run = _RUN.match(prefix)
        if run is None:
            return None  # starts with a sign ("$", "@"): always run
        if run.end() < len(prefix):
            words.add(run.group())  # the word ends inside the literal: known whole
        else:
            heads.add(prefix[:_HEAD])
    return _Needs(frozenset(words), frozenset(heads))


class Gate:
    """The word-start patterns of a rule set, indexed by the words and heads they start with.

    Patterns are known by their ``id()`` and a slot number: hashing a compiled pattern hashes
    its whole program, which would cost more than the matching saved."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.by_word: dict[str, list[int]] = {}
        self.by_head: dict[str, list[int]] = {}
        self.slots: dict[int, int] = {}  # id(pattern) -> slot
        self.gated: list[re.Pattern[str]] = []
        self._seen: dict[str, tuple[int, ...]] = {}
        for pattern in patterns:
            if id(pattern) in self.slots:
                continue
            need = needs(pattern)
            if need is None:
                continue
            slot = self.slots[id(pattern)] = len(self.gated)
            self.gated.append(pattern)
            for word in need.words:
                self.by_word.setdefault(word, []).append(slot)
            for head in need.heads:
                self.by_head.setdefault(head, []).append(slot)

    def _slots(self, word: str) -> tuple[int, ...]:
        """The slots of the gated patterns that may match where ``word`` starts (remembered)."""
        found = dict.fromkeys(self.by_word.get(word, ()))
        for k in range(1, min(len(word), _HEAD) + 1):
            found.update(dict.fromkeys(self.by_head.get(word[:k], ())))
        if len(self._seen) > 200_000:  # words seen across texts: bounded
            self._seen.clear()
        slots = self._seen[word] = tuple(found)
        return slots

    def starts(self, folded: str) -> Starts:
        """For each gated pattern, the word starts of ``folded`` where it may match."""
        seen = self._seen
        found: dict[int, list[int]] = {}
        for m in _RUN.finditer(folded):
            word = m.group()
            slots = seen.get(word)
            if slots is None:
                slots = self._slots(word)
            if slots:
                start = m.start()
                for slot in slots:
                    where = found.get(slot)
                    if where is None:
                        found[slot] = [start]
                    else:
                        where.append(start)
        return Starts(self.slots, found)


class Starts:
    """Where each gated pattern may match in one text (word starts, in order)."""

    __slots__ = ("found", "slots")

    def __init__(self, slots: dict[int, int], found: dict[int, list[int]]) -> None:
        self.slots = slots
        self.found = found

    def finditer(self, pattern: re.Pattern[str], folded: str) -> Iterable[re.Match[str]]:
        """The same matches as ``pattern.finditer(folded)``, trying only the word starts where
        one may begin (every match of a gated pattern begins with one of its prefixes)."""
        slot = self.slots.get(id(pattern))
        if slot is None:
            return pattern.finditer(folded)
        where = self.found.get(slot)
        if where is None:
            return ()
        out = []
        after = -1
        match = pattern.match
        for pos in where:
            if pos < after:
                continue
            m = match(folded, pos)
            if m is not None:
                after = max(m.end(), pos + 1)
                out.append(m)
        return out
