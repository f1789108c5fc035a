"""Which generation of the source of truth a view reflects, kept in a small file beside the view."""
from __future__ import annotations

from pathlib import Path

from coalition_graph.errors import StoreError


class GenerationMarker:
    def __init__(self, marker: Path, view_path: Path, view_name: str):
        self.marker = marker
        self.view_path = view_path
        self.view_name = view_name

    def read(self) -> int:
        """The generation the view holds; -1 when the view or its marker is missing."""
        if not self.marker.exists() or not self.view_path.exists():
            return -1
        return int(self.marker.read_text().strip() or -1)

    def write(self, generation: int) -> None:
        # Write then rename, so a crash leaves the old marker or the new one, never half of one.
        tmp = self.marker.with_suffix(".tmp")
        tmp.write_text(str(generation))
        tmp.replace(self.marker)

    def clear(self) -> None:
        self.marker.unlink(missing_ok=True)

    def check_next(self, generation: int) -> None:
        """An incremental update must start from the generation just before."""
        if self.read() != generation - 1:
            raise StoreError(f"{self.view_name} view is out of step; run `coalition reindex`")
