"""`coalition explain`: the sentences, articles and rules behind a node or relationship."""
from __future__ import annotations

import json
import textwrap

from coalition_graph.graph.store import Explanation
from coalition_graph.output import jsonable, plural


def render_explanation(explanation: Explanation, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(jsonable(explanation.__dict__), ensure_ascii=False, indent=1)
    e = explanation
    head = f"{e.label} {e.id}" if e.kind == "node" else f"({e.src})-[:{e.label} {e.id}]->({e.dst})"
    lines = [head]
    for key, value in sorted(e.props.items()):
        if key != "sources" and value not in (None, [], ""):
            lines.append(f"  {key}: {jsonable(value)}")
    lines.append(f"  sources: {plural(len(e.sources or e.props.get('sources') or []), 'article')}")
    if not e.evidence:
        lines.append("No evidence sentences are stored for this id (it is named in the facts listed by its sources).")
    for i, ev in enumerate(e.evidence, start=1):
        title = ev["title"] or ev["article_id"]
        lines.append("")
        lines.append(f"[{i}] {title} ({ev['publisher'] or 'unknown publisher'}, {ev['published'] or 'undated'})")
        lines.append(f"    {ev['url'] or ev['article_id']}")
        lines.append(f"    rule {ev['rule']}, characters {ev['start']}–{ev['end']}:")
        lines.extend(textwrap.wrap(f"“{ev['sentence']}”", width=96, initial_indent="    ", subsequent_indent="    "))
    return "\n".join(lines)
