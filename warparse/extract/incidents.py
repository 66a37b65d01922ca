"""Incident records: attacks and other events with date, weapons, places,
actor and figures (issue #4)."""

from __future__ import annotations

from warparse.context import Context
from warparse.records import Incident


def extract(ctx: Context) -> list[Incident]:
    return []
