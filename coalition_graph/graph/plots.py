"""Static plots with matplotlib (Agg, no display): pledges over time, who attended what, the network.

Each plot is two steps, so tests and notebooks can check the numbers behind a picture:
a *data* function that takes the named queries' JSON rows (`run_named(backend, "pledges")`) or
the graph, and a *draw* function that writes a PNG, SVG or PDF of a given size in pixels.

Made for reports: SVG and PDF keep their text as text (searchable, editable), long names are cut after a
whole word, every plot has a caption with its source and date range, node types keep the page's outlines
(`style.NODE_STYLE`), and nothing is printed on stderr.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from coalition_graph.errors import CoalitionError
from coalition_graph.graph.export.filters import node_dates
from coalition_graph.graph.export.style import display_name, shorten, style_of

DPI = 100
DEFAULT_SIZE = (1200, 800)
MAX_DONORS = 10  # more donors than this are summed up as "others"
TICK_CHARS = 34  # longest meeting or person name on an axis, cut after a whole word
DEFAULT_SOURCE = "Coalition Graph"
# text stays text in SVG and PDF (TrueType embedded), and the files carry no creation date to differ on
REPORT_RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "coalition-graph"}


class PlotError(CoalitionError):
    """Nothing to plot, or an output the plots cannot write."""


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        from coalition_graph.errors import MissingDependency

        raise MissingDependency("plots need matplotlib: pip install 'coalition-graph[plots]'") from None

    matplotlib.use("Agg", force=True)
    matplotlib.rcParams.update(REPORT_RC)
    import matplotlib.pyplot as plt

    return plt


def _figure(size: tuple[int, int]):
    plt = _pyplot()
    width, height = size
    return plt, plt.figure(figsize=(width / DPI, height / DPI), dpi=DPI, layout="constrained")


def caption(source: str | None, first: str | dt.date | None, last: str | dt.date | None) -> str:
    """'Source: … · 2025-01-15 to 2025-10-24', the line under every plot."""
    dates = f"{first} to {last}" if first and str(first) != str(last) else str(first or "no dates")
    return f"Source: {source or DEFAULT_SOURCE} · {dates}"


def _save(fig, out: Path, caption_text: str) -> None:
    plt = _pyplot()
    suffix = Path(out).suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        plt.close(fig)
        raise PlotError(f"cannot write {out}: plots are .png, .svg or .pdf")
    fig.supxlabel(caption_text, x=0.01, ha="left", fontsize="small", color="#555555")
    metadata = {"Creator": "Coalition Graph", "Date": None} if suffix == ".svg" else {"Creator": "Coalition Graph"}
    if suffix == ".pdf":
        metadata["CreationDate"] = None
    fig.savefig(str(out), dpi=DPI, format=suffix[1:], metadata=metadata)
    plt.close(fig)


# ---------------------------------------------------------------- pledges over time


def month_of(day: str | dt.date) -> str:
    return str(day)[:7]


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def donor_name(row: dict[str, Any]) -> str:
    donor = row.get("donor") or {}
    return donor.get("name") or donor.get("iso3") or donor.get("id") or "unknown"


def counted(row: dict[str, Any]) -> bool:
    """Whether a pledge row adds to the totals: it has a euro amount and a date, and is not an item of a package."""
    return row.get("amount_eur") is not None and bool(row.get("announced")) and not row.get("part_of")


@dataclass
class PledgeSeries:
    months: list[str]
    per_month: dict[str, list[float]]  # donor → euros pledged in each month
    cumulative: dict[str, list[float]] = field(default_factory=dict)  # donor → running total at each month's end


def pledge_series(rows: Iterable[dict[str, Any]]) -> PledgeSeries:
    """Euros pledged by donor and month, from the `pledges` named query's rows."""
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        if counted(row):
            totals[donor_name(row)][month_of(row["announced"])] += float(row["amount_eur"])
    if not totals:
        return PledgeSeries([], {}, {})
    all_months = sorted({m for by_month in totals.values() for m in by_month})
    months = _months(all_months[0], all_months[-1])
    per_month = {d: [round(totals[d].get(m, 0.0), 2) for m in months] for d in sorted(totals)}
    cumulative = {}
    for donor, values in per_month.items():
        running, acc = 0.0, []
        for v in values:
            running += v
            acc.append(round(running, 2))
        cumulative[donor] = acc
    return PledgeSeries(months, per_month, cumulative)


def _top_donors(series: dict[str, list[float]], limit: int = MAX_DONORS) -> dict[str, list[float]]:
    ranked = sorted(series, key=lambda d: (-sum(series[d]) if series[d] else 0, d))
    if len(ranked) <= limit:
        return {d: series[d] for d in ranked}
    keep = ranked[:limit - 1]
    others = [round(sum(vals), 2) for vals in zip(*(series[d] for d in ranked[limit - 1:]))]
    return {**{d: series[d] for d in keep}, "others": others}


def write_pledges_csv(rows: Iterable[dict[str, Any]], out: Path) -> None:
    """The data table behind the pledges plot: one line per pledge, original currency and euros."""
    rows = sorted(rows, key=lambda r: (r.get("announced") or "9999", donor_name(r), r.get("id") or ""))
    running: dict[str, float] = defaultdict(float)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["announced", "month", "donor", "donor_iso3", "amount", "currency", "amount_eur",
                    "counted", "donor_cumulative_eur", "what", "kind", "status", "part_of", "id"])
        for r in rows:
            is_counted = counted(r)
            if is_counted:
                running[donor_name(r)] += float(r["amount_eur"])
            w.writerow([r.get("announced") or "", month_of(r["announced"]) if r.get("announced") else "", donor_name(r),
                        (r.get("donor") or {}).get("iso3") or "", _num(r.get("amount")), r.get("currency") or "",
                        _num(r.get("amount_eur")), "yes" if is_counted else "no",
                        _num(round(running[donor_name(r)], 2)) if is_counted else "", r.get("what") or "",
                        r.get("kind") or "", r.get("status") or "", r.get("part_of") or "", r.get("id") or ""])


def _num(value: Any) -> str:
    if value is None:
        return ""
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def plot_pledges(rows: Iterable[dict[str, Any]], out: Path, *, cumulative: bool = True,
                 size: tuple[int, int] = DEFAULT_SIZE, source: str | None = None) -> PledgeSeries:
    """Pledges in euros by donor: cumulative lines, or stacked bars per month. Returns the data drawn."""
    rows = list(rows)
    series = pledge_series(rows)
    if not series.months:
        raise PlotError("no pledges with a euro amount and a date to plot")
    plt, fig = _figure(size)
    ax = fig.add_subplot()
    shown = _top_donors(series.cumulative if cumulative else series.per_month)
    x = list(range(len(series.months)))
    if cumulative:
        for donor, values in shown.items():
            # one more point so the last month's level is drawn across its width too
            ax.step(x + [len(x)], [v / 1e9 for v in values + values[-1:]], where="post", label=donor, linewidth=2)
        ax.set_title("Pledges over time, cumulative, by donor")
    else:
        bottom = [0.0] * len(x)
        for donor, values in shown.items():
            ax.bar(x, [v / 1e9 for v in values], bottom=bottom, label=donor)
            bottom = [b + v / 1e9 for b, v in zip(bottom, values)]
        ax.set_title("Pledges per month, by donor")
    step = max(1, len(x) // 12)
    ax.set_xticks(x[::step], series.months[::step], rotation=45, ha="right")
    ax.set_ylabel("billion euros")
    ax.grid(axis="y", alpha=0.3)
    fig.legend(loc="outside right upper", fontsize="small")  # beside the plot: never over a line
    days = sorted(str(r["announced"])[:10] for r in rows if counted(r))
    _save(fig, out, caption(source, days[0], days[-1]))
    return series


# ---------------------------------------------------------------- attendance matrix

STATUS_VALUE = {"attended": 2, "expected": 1, "absent": -1}


@dataclass
class AttendanceMatrix:
    people: list[tuple[str, str]]     # (id, name), most meetings first
    meetings: list[tuple[str, str, str | None]]  # (id, name, start), by date
    cells: list[list[int]]            # people × meetings: 2 attended, 1 expected, -1 absent, 0 not recorded


def attendance_matrix(rows: Iterable[dict[str, Any]]) -> AttendanceMatrix:
    """Leaders × meetings from the `attendance` named query's rows (rows about a person only)."""
    status: dict[tuple[str, str], int] = {}
    people: dict[str, str] = {}
    meetings: dict[str, tuple[str, str | None]] = {}
    for row in rows:
        person = row.get("person")
        if not person:
            continue
        m = row["meeting"]
        people[person["id"]] = person.get("name") or person["id"]
        meetings[m["id"]] = (m.get("name") or m["id"], m.get("start"))
        value = STATUS_VALUE.get(row.get("status") or "attended", 2)
        key = (person["id"], m["id"])
        status[key] = max(status.get(key, value), value)
    meeting_order = sorted(meetings, key=lambda i: (meetings[i][1] or "9999", i))
    attended = {p: sum(1 for m in meeting_order if status.get((p, m)) == 2) for p in people}
    people_order = sorted(people, key=lambda p: (-attended[p], people[p]))
    cells = [[status.get((p, m), 0) for m in meeting_order] for p in people_order]
    return AttendanceMatrix([(p, people[p]) for p in people_order],
                            [(m, meetings[m][0], meetings[m][1]) for m in meeting_order], cells)


def plot_attendance(rows: Iterable[dict[str, Any]], out: Path, *, size: tuple[int, int] = DEFAULT_SIZE,
                    max_people: int = 40, source: str | None = None) -> AttendanceMatrix:
    """Who was at which meeting: leaders (rows) by meetings (columns, by date). Returns the whole matrix."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    matrix = attendance_matrix(rows)
    if not matrix.people:
        raise PlotError("no attendance by people to plot")
    people = matrix.people[:max_people]
    cells = matrix.cells[:max_people]
    plt, fig = _figure(size)
    ax = fig.add_subplot()
    colours = ["#d62728", "#ffffff", "#9ecae1", "#08519c"]  # absent, none, expected, attended
    ax.imshow([[c + 1 if c >= 0 else 0 for c in row] for row in cells], cmap=ListedColormap(colours),
              vmin=0, vmax=3, aspect="auto", interpolation="nearest")
    ax.set_yticks(range(len(people)), [shorten(name, TICK_CHARS) for _, name in people], fontsize="small")
    ax.set_xticks(range(len(matrix.meetings)),
                  [f"{start or 'undated'} {shorten(name, TICK_CHARS)}" for _, name, start in matrix.meetings],
                  rotation=60, ha="right", rotation_mode="anchor", fontsize="small")
    ax.set_xticks([i - 0.5 for i in range(1, len(matrix.meetings))], minor=True)
    ax.set_yticks([i - 0.5 for i in range(1, len(people))], minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    ax.set_title("Who attended which meeting" + (f" (top {max_people} of {len(matrix.people)} people)"
                                                 if len(matrix.people) > max_people else ""))
    fig.legend(handles=[Patch(color=colours[3], label="attended"), Patch(color=colours[2], label="expected"),
                        Patch(color=colours[0], label="absent")], loc="outside upper right", fontsize="small",
               ncols=3, frameon=False)
    starts = sorted(start for _, _, start in matrix.meetings if start)
    _save(fig, out, caption(source, starts[0] if starts else None, starts[-1] if starts else None))
    return matrix


# ---------------------------------------------------------------- network drawing


def plot_network(graph: nx.MultiDiGraph, out: Path, *, size: tuple[int, int] = DEFAULT_SIZE,
                 title: str = "Coalition Graph", max_labels: int = 25,
                 source: str | None = None) -> dict[str, tuple[float, float]]:
    """A static drawing of a (sub)graph, nodes coloured and shaped by type. Returns the positions drawn."""
    from matplotlib.lines import Line2D

    from coalition_graph.graph.export.layout import layout

    if graph.number_of_nodes() == 0:
        raise PlotError("the graph to draw is empty")
    pos = layout(graph)
    pos = {n: (x, -y) for n, (x, y) in pos.items()}  # the page's y axis points down, matplotlib's up
    plt, fig = _figure(size)
    ax = fig.add_subplot()
    ax.set_axis_off()
    simple = nx.DiGraph(graph)
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color="#bbbbbb", width=0.7, arrows=graph.number_of_nodes() <= 200,
                           arrowsize=6, node_size=60)
    degree = dict(graph.degree())
    labels_present = []
    for label in sorted({d.get("label", "") for _, d in graph.nodes(data=True)}):
        nodes = [n for n, d in graph.nodes(data=True) if d.get("label", "") == label]
        st = style_of(label)
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, ax=ax, node_color=st["color"], node_shape=st["marker"],
                               node_size=[30 + 25 * degree[n] ** 0.5 for n in nodes], linewidths=0, label=label)
        labels_present.append((label, st))
    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], str(n)))[:max_labels]
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=7,
                            labels={n: shorten(display_name(n, graph.nodes[n]), 28) for n in ranked})
    ax.legend(handles=[Line2D([], [], marker=st["marker"], color=st["color"], linestyle="", markersize=8, label=label)
                       for label, st in labels_present], loc="lower right", fontsize="small")
    ax.set_title(title)
    days = sorted(d for _, data in graph.nodes(data=True) for d in node_dates(data) if d)
    _save(fig, out, caption(source, days[0] if days else None, days[-1] if days else None))
    return pos
