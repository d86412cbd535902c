"""Resume state: which articles of an output folder are done, for which input bytes and pipeline build.

`<out>/.state/done.jsonl` gets one line per article, appended and flushed right after its profile file has been
renamed into place. A re-run skips an article whose input sha256 and pipeline fingerprint match its line and
whose output files exist; an interrupted run (Ctrl-C, kill, power loss) therefore resumes where it stopped.
A torn last line (killed mid-write) is ignored. At the end of a completed run it is compacted to one line per article.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.export.atomic import atomic_write_text


class DoneLog:
    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / ".state" / "done.jsonl"
        self.entries: dict[str, dict] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    entry = json.loads(line)
                    self.entries[entry["doc_id"]] = entry
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue  # a line torn by a kill
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = None

    def is_done(self, doc_id: str, sha256: str, fingerprint: str, required: list[Path]) -> bool:
        entry = self.entries.get(doc_id)
        return (entry is not None and entry.get("sha256") == sha256 and entry.get("fingerprint") == fingerprint
                and all(p.exists() for p in required))

    def mark_done(self, doc_id: str, sha256: str, fingerprint: str) -> None:
        if self._handle is None:
            self._handle = open(self.path, "a", encoding="utf-8")
        entry = {"doc_id": doc_id, "sha256": sha256, "fingerprint": fingerprint}
        self.entries[doc_id] = entry
        self._handle.write(json.dumps(entry) + "\n")
        self._handle.flush()

    def close(self, compact: bool = False) -> None:
        """Close; `compact` rewrites the log with one line per article (after a completed run)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if compact:
            atomic_write_text(self.path, "".join(json.dumps(self.entries[d]) + "\n" for d in sorted(self.entries)))
