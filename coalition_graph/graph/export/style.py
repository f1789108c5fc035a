"""How node types look everywhere we draw them (HTML page, GEXF viz, matplotlib plots), and display names."""
from __future__ import annotations

import re

from typing import Any

# One colour and one outline per label, drawn alike everywhere: `shape` is the Cytoscape.js name the page
# uses, `marker` the matplotlib marker of the same outline (SAME_OUTLINE pairs them; a test checks both).
# (Not Cytoscape's star, diamond or vee: in 3.35 a click at their exact centre misses the node.)
SAME_OUTLINE: dict[str, str] = {
    "ellipse": "o", "round-rectangle": "s", "hexagon": "h", "pentagon": "p", "round-diamond": "D",
    "round-triangle": "^", "octagon": "8",
}
NODE_STYLE: dict[str, dict[str, str]] = {
    label: {"color": color, "shape": shape, "marker": SAME_OUTLINE[shape]}
    for label, color, shape in (
        ("Person", "#1f77b4", "ellipse"),
        ("Country", "#2ca02c", "round-rectangle"),
        ("Organization", "#9467bd", "hexagon"),
        ("Meeting", "#d62728", "pentagon"),
        ("Pledge", "#ff7f0e", "round-diamond"),
        ("Statement", "#17becf", "round-triangle"),
        ("Article", "#7f7f7f", "octagon"),
    )
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
        amount = money(data.get("amount"), data.get("currency"))
        what = pledged_thing(str(data.get("what") or ""), after_amount=bool(amount))
        if amount and what:
            return f"{amount} {what}"
        if what:
            return what[:1].upper() + what[1:]
        return f"{amount} pledge" if amount else KIND_LABELS.get(str(data.get("kind")), "Pledge")
    if label == "Statement":
        return f"“{shorten(str(data.get('text') or ''), 60)}”"
    return node_id


# Where the words after an amount stop saying what was pledged: a quote closes, a clause or an aside begins,
# the sentence names its source ("…, Macron said", "the text reads", "according to …").
_CLAUSE_END = re.compile(r"\s*(?:[,;:](?=\s|$)|[(\[—–”\"]|\s-\s|\baccording to\b|\b(?:as|when|while|after) (?:he|she|they|it|we)\b"
                         r"|\band (?:we|I|he|she|they)\b)")
_REPORTED = re.compile(r"^(?:(?:he|she|they|it|we|the \w+(?: \w+)?|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*)\s+)?"
                       r"(?:said|says|reads|read|added|noted|stated|wrote|announced|respectively|are also participating)\W*$",
                       re.I)
_AMOUNT_TAIL = re.compile(r"^[^()]{0,40}?\)\s*")  # "1.11 billion) over 2024-2027": the rest of "(…)" after the amount
_LEADING = re.compile(r"^(?:in|for|to|of|on|as|and|with|from|towards?|worth|per|which|that)\s+", re.I)


KIND_LABELS = {"military": "Military aid pledge", "financial": "Financial support pledge",
               "humanitarian": "Humanitarian aid pledge", "reconstruction": "Reconstruction aid pledge",
               "troops": "Troops pledge"}
# words that start a verb phrase or a bare date, never a thing pledged ("would also share", "financed by", "2023")
_NOT_A_THING = re.compile(r"^(?:would|will|also|announced|announces|financed|funded|has|had|have|is|was|were|are|"
                          r"be|been|said|says|(?:19|20)\d\d)\b", re.I)


def pledged_thing(what: str, *, after_amount: bool) -> str:
    """What a pledge's label says was pledged, from the words the article put after the amount: the
    phrase up to the first clause or aside, without a reporting verb ("he said", "the text reads"); a
    leading "in"/"for" stays after an amount ("€50m in humanitarian aid"), goes without one."""
    text = _AMOUNT_TAIL.sub("", " ".join(what.split()), count=1)
    end = _CLAUSE_END.search(text)
    text = text[:end.start()] if end else text
    text = text.strip(" .,;:'\"“”‘’")
    if text.count("“") > text.count("”"):
        text = text.replace("“", "")  # the quote it opened was cut off
    if not text or _REPORTED.match(text) or len(text.split()) < 2 and _LEADING.match(text + " ") or \
            _NOT_A_THING.match(text):
        return ""
    if not after_amount:
        text = _LEADING.sub("", text)
    return text


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after a whole word and marked with '…' (never mid-word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else ""
    head = head.rstrip(" ,;:–-—(")
    return (head or text[:limit - 1]) + "…"


def wrap_label(text: str, width: int = 24, lines: int = 2) -> str:
    """A label in at most `lines` lines of about `width` characters, broken between words; what does not fit
    is cut after a whole word with '…' (a single word longer than a line is the only thing cut inside)."""
    out: list[str] = []
    current = ""
    for word in " ".join(text.split()).split(" "):
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        elif len(out) + 1 < lines:
            out.append(current)
            current = word
        else:
            current = current.rstrip(" ,;:–-—(") + "…"
            break
    out.append(current if len(current) <= width + 1 else shorten(current, width))
    return "\n".join(out)
