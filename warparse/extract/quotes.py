"""Quote records: direct and indirect speech with its speaker (issue #5)."""

from __future__ import annotations

from warparse.context import Context
from warparse.records import Quote


def extract(ctx: Context) -> list[Quote]:
    return []
