"""``warparse show``: a bulletin for a person, rendered with rich.

The text comes first with the evidence of every record highlighted by type
(incidents on a dark background, quotes in italics, counts in bold), then
one table each for incidents, counts and quotes. Tables fold their columns
to fit 80 columns. Without colour (a pipe, ``NO_COLOR``, ``--color never``)
the same content is printed as plain text.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from warparse.records import FIGURE_KEYS

STYLES = {"incident": "on grey23", "quote": "italic green", "count": "bold yellow"}
# drawn in this order, so a count inside a quote inside an incident shows all three
_LAYERS = ("incident", "quote", "count")
_QUOTE_MAX = 240


class _Console(Console):
    """A closed pipe (``| head``) ends the command quietly with status 0, not rich's 1."""

    def on_broken_pipe(self) -> None:
        from warparse.output import PipeClosed, silence_stdout

        self.quiet = True
        silence_stdout()
        raise PipeClosed


def make_console(
    color: bool, width: int | None = None, file: IO[str] | None = None, record: bool = False
) -> Console:
    """A console that colours only when told to; 80 columns unless on a terminal."""
    stream = file if file is not None else sys.stdout
    if width is None:
        isatty = getattr(stream, "isatty", lambda: False)()
        width = shutil.get_terminal_size((80, 24)).columns if isatty else 80
    return _Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        width=width,
        highlight=False,
        emoji=False,
        record=record,
    )


def highlighted(text: str, records: list[dict[str, Any]]) -> Text:
    """The bulletin with every record's span styled by its type."""
    out = Text(text.rstrip("\n"))
    for layer in _LAYERS:
        for rec in records:
            if rec.get("type") == layer and rec.get("span"):
                start, end = rec["span"]
                out.stylize(STYLES[layer], start, end)
    return out


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def rules_grid(records: list[dict[str, Any]], kind: str) -> Table:
    """--explain: the rules behind each row of a table, by row number."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="dim")
    grid.add_column(overflow="fold")
    for n, rec in enumerate(records, 1):
        grid.add_row(f"{kind} {n}", ", ".join(rec.get("rules", [])) or "–")
    return grid


def _table(title: str, expand: bool = False) -> Table:
    # one space between columns, none at the edges: what fits in 80 columns
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
        title_justify="left",
        expand=expand,
    )


def incidents_table(records: list[dict[str, Any]], explain: bool) -> Table:
    table = _table("Incidents")
    for name in ("#", "date", "event", "weapons", "places", "figures"):
        table.add_column(name, overflow="fold", min_width={"places": 12, "figures": 18}.get(name))
    for n, rec in enumerate(records, 1):
        date = rec.get("date") or "–"
        if rec.get("date_end"):
            date += f" –\n{rec['date_end']}"
        if rec.get("time_of_day"):
            date += f"\n{rec['time_of_day']}"
        weapons = "\n".join(
            f"{w.get('class')}\n {w['name']}" if w.get("name") else str(w.get("class"))
            for w in rec.get("weapons", [])
        )
        places = "\n".join(
            (loc.get("canonical") or loc.get("name", ""))
            + ("" if loc.get("role", "target") == "target" else f" ({loc['role']})")
            for loc in rec.get("locations", [])
        )
        figures = "\n".join(f"{k} {_num(rec[k])}" for k in FIGURE_KEYS if rec.get(k) is not None)
        row = [str(n), date, str(rec.get("event", "")), weapons or "–", places or "–", figures or "–"]
        table.add_row(*row)
    return table


def counts_table(records: list[dict[str, Any]], explain: bool) -> Table:
    table = _table("Counts")
    table.add_column("#", overflow="fold")
    table.add_column("value", justify="right", overflow="fold")
    for name in ("item", "category", "outcome", "evidence"):
        table.add_column(name, overflow="fold")
    for n, rec in enumerate(records, 1):
        value = _num(rec.get("value"))
        if rec.get("value_max") is not None:
            value += f"–{_num(rec['value_max'])}"
        if rec.get("qualifier", "exact") != "exact":
            value = f"{rec['qualifier']} {value}"
        row = [
            str(n),
            value,
            str(rec.get("item", "")),
            str(rec.get("category", "")),
            str(rec.get("outcome", "")),
            str(rec.get("text", "")),
        ]
        table.add_row(*row)
    return table


def quotes_table(records: list[dict[str, Any]], explain: bool) -> Table:
    table = _table("Quotes", expand=True)
    table.add_column("#")
    table.add_column("speaker", ratio=2, min_width=12, overflow="fold")
    table.add_column("kind")
    table.add_column("text", ratio=5, overflow="fold")
    for n, rec in enumerate(records, 1):
        text = rec.get("text", "")
        if len(text) > _QUOTE_MAX:
            text = text[: _QUOTE_MAX - 1].rstrip() + "…"
        speaker = rec.get("speaker") or "?"
        if rec.get("role"):
            speaker += f"\n({rec['role']})"
        row = [str(n), speaker, str(rec.get("kind", "")), text]
        table.add_row(*row)
    return table


def render(
    console: Console,
    text: str,
    records: list[dict[str, Any]],
    name: str = "-",
    ref_date: str | None = None,
    explain: bool = False,
) -> None:
    """Print the highlighted bulletin and the record tables to ``console``."""
    body = [r for r in records if r.get("type") in STYLES]
    tally = Counter(r["type"] for r in body)
    summary = ", ".join(f"{tally[t]} {t}{'s' * (tally[t] != 1)}" for t in ("incident", "count", "quote"))
    console.print(Rule(Text(f"{name} · ref date {ref_date or 'unknown'}"), style="dim"))
    legend = Text("highlighted: ")
    for i, t in enumerate(("count", "incident", "quote")):
        legend.append(t, style=STYLES[t])
        legend.append(", " if i < 2 else "")
    legend.append(f"   ({summary})")
    console.print(legend)
    console.print()
    console.print(highlighted(text, body))
    console.print()
    by_type = {t: [r for r in body if r["type"] == t] for t in STYLES}
    for t, make in (("incident", incidents_table), ("count", counts_table), ("quote", quotes_table)):
        if by_type[t]:
            console.print(make(by_type[t], explain))
            if explain:
                console.print(Text(f"rules of the {t}s:", style="dim"))
                console.print(rules_grid(by_type[t], t))
                console.print()
        else:
            console.print(Text(f"No {t}s.", style="dim"))
            console.print()
