"""``warparse diff`` for a person: one line per added/removed/changed record,
changed fields as ``old → new`` below it."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console
from rich.text import Text

from warparse.records import FIGURE_KEYS

_MARK = {"added": ("+", "green"), "removed": ("-", "red"), "changed": ("~", "yellow")}


def _value(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) or "–"
    return str(value)


def field_line(name: str, old: Any, new: Any) -> Text:
    line = Text(f"    {name}: ")
    line.append(_value(old), style="red")
    line.append(" → ")
    line.append(_value(new), style="green")
    if isinstance(old, list) and isinstance(new, list):
        dropped = [v for v in old if v not in new]
        added = [v for v in new if v not in old]
        notes = [f"dropped {_value(dropped)}"] * bool(dropped) + [f"added {_value(added)}"] * bool(added)
        if notes:
            line.append(f"  ({'; '.join(notes)})", style="dim")
    return line


def details(rec: dict[str, Any]) -> str:
    """What an added or removed record says, beyond its one-line key."""
    if rec.get("type") == "quote":
        return f"„{rec.get('text', '')}“ ({rec.get('kind', 'direct')})"
    if rec.get("type") == "incident":
        return ", ".join(f"{k} {_value(rec[k])}" for k in FIGURE_KEYS if rec.get(k) is not None)
    if rec.get("type") == "count":
        return f"„{rec.get('text', '')}“" if rec.get("text") else ""
    return ""


def render(console: Console, changes: list[dict[str, Any]], old_name: str, new_name: str) -> None:
    console.print(Text(f"--- {old_name}", style="red"))
    console.print(Text(f"+++ {new_name}", style="green"))
    doc = None
    for change in changes:
        if change.get("doc") is not None and change["doc"] != doc:
            doc = change["doc"]
            console.print(Text(f"@@ {doc}", style="bold cyan"))
        mark, style = _MARK[change["change"]]
        head = Text(f"{mark} {change['change']:<7} ", style=style)
        head.append(f"{change['type']:<8} ", style="bold")
        head.append(change["key"])
        console.print(head)
        for name, (old, new) in change.get("fields", {}).items():
            console.print(field_line(name, old, new))
        rec = change.get("new") if change["change"] == "added" else change.get("old")
        if change["change"] != "changed" and rec:
            detail = details(rec)
            if detail:
                console.print(Text(f"    {detail}", style=style))
    tally = Counter(c["change"] for c in changes)
    if changes:
        console.print(
            Text(
                f"{len(changes)} change{'s' * (len(changes) != 1)}: {tally['added']} added, "
                f"{tally['removed']} removed, {tally['changed']} changed",
                style="bold",
            )
        )
    else:
        console.print(Text("no differences", style="bold"))
