"""How node types look everywhere we draw them (HTML page, GEXF viz, matplotlib plots), and display names."""
from __future__ import annotations

from typing import Any

# One colour and shape per label; shapes are Cytoscape.js names, markers are matplotlib's.
# (Not Cytoscape's star, diamond or vee: in 3.35 a click at their exact centre misses the node.)
NODE_STYLE: dict[str, dict[str, str]] = {
    "Person": {"color": "#1f77b4", "shape": "ellipse", "marker": "o"},
    "Country": {"color": "#2ca02c", "shape": "round-rectangle", "marker": "s"},
    "Organization": {"color": "#9467bd", "shape": "hexagon", "marker": "h"},
    "Meeting": {"color": "#d62728", "shape": "pentagon", "marker": "*"},
    "Pledge": {"color": "#ff7f0e", "shape": "round-diamond", "marker": "D"},
    "Statement": {"color": "#17becf", "shape": "round-tag", "marker": "v"},
    "Article": {"color": "#7f7f7f", "shape": "rectangle", "marker": "p"},
}
DEFAULT_STYLE = {"color": "#bcbd22", "shape": "ellipse", "marker": "o"}


def style_of(label: str) -> dict[str, str]:
    return NODE_STYLE.get(label, DEFAULT_STYLE)


def rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def money(amount: float | None, currency: str | None) -> str:
    """'€1.9bn', 'GBP 450m', '' when unknown."""
    if amount is None:
        return ""
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency or "", f"{currency or ''} ")
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= size:
            return f"{symbol}{amount / size:.3g}{suffix}"
    return f"{symbol}{amount:.0f}"


def display_name(node_id: str, data: dict[str, Any]) -> str:
    """A short human name for a node: its name, an article's title, a pledge's amount and what, a statement's start."""
    label = data.get("label")
    if data.get("name"):
        return str(data["name"])
    if label == "Article":
        return str(data.get("title") or data.get("url") or node_id)
    if label == "Pledge":
        parts = [money(data.get("amount"), data.get("currency")), str(data.get("what") or "")]
        text = " ".join(p for p in parts if p).strip()
        return text or "pledge"
    if label == "Statement":
        text = str(data.get("text") or "")
        return f"“{text[:57]}…”" if len(text) > 60 else f"“{text}”"
    return node_id
