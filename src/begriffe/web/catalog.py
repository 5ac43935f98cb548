"""The glossary as the web page shows it: resolve ids, search and filter, JSON-ready views."""

from __future__ import annotations

from begriffe.compiled import Compiled
from begriffe.describe import STATUS_LABELS
from begriffe.entries import Entry, Status
from begriffe.lookup import LookupIndex

SEARCH_POOL = 200


class Catalog:
    """Entries of one compiled glossary, indexed once for lookups."""

    def __init__(self, compiled: Compiled) -> None:
        self.glossary = compiled.glossary
        self.entries = compiled.rule_entries()
        self.index = LookupIndex(self.glossary)

    def resolve(self, entry_id: str) -> tuple[Entry | None, str]:
        """The entry for ``entry_id`` (following renames) and the id it is known by now."""
        key = self.glossary.redirects.get(entry_id, entry_id)
        return self.entries.get(key), key

    def clusters(self) -> list[tuple[str, str]]:
        """(name, title) of every cluster that has entries, by title."""
        used = {e.cluster for e in self.glossary.entries}
        return sorted(((n, c.title) for n, c in self.glossary.clusters.items() if n in used), key=lambda item: item[1])

    def search(self, query: str, cluster: str = "", status: str = "", limit: int = 50) -> list[Entry]:
        """Entries matching the fuzzy ``query`` (all if empty), filtered by cluster and status."""
        if query.strip():
            found = [hit.entry for hit in self.index.search(query, limit=SEARCH_POOL)]
        else:
            found = sorted(self.glossary.entries, key=lambda e: (e.term.casefold(), e.id))
        chosen = [e for e in found if cluster in ("", e.cluster) and status in ("", e.status.value)]
        return chosen[:limit]

    def summary(self, entry: Entry) -> dict[str, object]:
        """One line of an entry: term, status, note, preferred terms."""
        cluster = self.glossary.clusters.get(entry.cluster)
        return {
            "id": entry.id,
            "term": entry.term,
            "status": entry.status.value,
            "status_label": STATUS_LABELS[entry.status],
            "cluster": entry.cluster,
            "cluster_title": cluster.title if cluster else entry.cluster,
            "note": entry.note,
            "preferred": list(entry.preferred),
            "url": f"/eintrag/{entry.id}",
        }

    def detail(self, entry: Entry) -> dict[str, object]:
        """The whole entry, with sources and neighbours resolved."""
        neighbours = [self.resolve(ref)[0] for ref in entry.see_also]
        sources = [self.glossary.sources[key] for key in entry.sources if key in self.glossary.sources]
        return {
            **self.summary(entry),
            "context": [" ".join(p.split()) for p in entry.context.split("\n\n") if p.strip()],
            "legal": entry.legal,
            "forms": list(entry.forms),
            "sources": [
                {"title": s.title, "publisher": s.publisher, "year": s.year, "url": _web_url(s.url)} for s in sources
            ],
            "see_also": [self.summary(n) for n in neighbours if n is not None],
            "examples": {"flag": [e.text for e in entry.examples.flag], "ok": [e.text for e in entry.examples.ok]},
        }


def _web_url(url: str) -> str:
    """Only http(s) links are shown as links (never javascript: or data:)."""
    return url if url.lower().startswith(("https://", "http://")) else ""


STATUSES = [
    (s.value, STATUS_LABELS[s])
    for s in (Status.DISKRIMINIEREND, Status.VERMEIDEN, Status.KONTEXTABHAENGIG, Status.EMPFOHLEN)
]
