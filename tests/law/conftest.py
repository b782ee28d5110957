"""Helpers for the qualification-core tests: build facts from the contract's JSON form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from lentera.law import Qualification, parse_facts, qualify

JUDGED_ON = date(2026, 11, 23)  # a fixed "today", so no test depends on the calendar


def run_case(obj: dict[str, Any], **kwargs: Any) -> Qualification:
    """Qualify the JSON object ``obj`` (as the CLI would read it)."""
    kwargs.setdefault("today", JUDGED_ON)
    return qualify(parse_facts(obj), **kwargs)


def charge_map(result: Qualification) -> dict[str, Any]:
    """Charges by reference, each as its contract dict."""
    return {charge.ref: charge.to_dict() for charge in result.charges}


@pytest.fixture
def run() -> Callable[..., Qualification]:
    return run_case
