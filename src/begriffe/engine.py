"""Orchestration: documents → prefilter → spaCy → matches → judged findings → RunResult."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from begriffe.compiled import Compiled, load_compiled, load_lexicon
from begriffe.entries import Entry, RuleKind, Status
from begriffe.findings import Finding, Located, RunResult, build_finding
from begriffe.memo import NOTHING, Analysis, Key, ParagraphMemo
from begriffe.morphology import WordAnalyzer
from begriffe.positions import LineIndex
from begriffe.prefilter import Prefilter
from begriffe.readers import Document, SegmentKind, read_text
from begriffe.rules import DEFAULT_PROFILE
from begriffe.suppressions import META_RULES, Known, apply_suppressions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from begriffe.judge import ParagraphJudge
    from begriffe.matching import TermMatcher

PENDING_LIMIT = 64
"""Documents (or new candidate paragraphs) held back before they are analysed and reported."""
LARGE_BATCH = 1024


@dataclass(frozen=True, slots=True)
class Options:
    """What to report: profile, rule selection and accepted project words."""

    profile: str = DEFAULT_PROFILE
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    prefilter: bool = True


@dataclass
class Engine:
    """Checks documents against one compiled glossary with fixed options."""

    compiled: Compiled
    options: Options = field(default_factory=Options)
    store: Path | None = None
    """Where analyses are kept across runs (see ``memo``); None keeps them for this engine only."""

    def __post_init__(self) -> None:
        self.entries: dict[str, Entry] = self.compiled.rule_entries()
        self.profile = self.compiled.rules.profile(self.options.profile)
        patterns = self.compiled.patterns
        self.analyzer = WordAnalyzer(patterns, load_lexicon)
        self.accept = frozenset(word.casefold() for word in self.options.accept)
        self.enabled = self._enabled_rules()
        rules = self.compiled.rules
        self.document_terms = frozenset(
            {rule for m in rules.mixtures for _, group in m.members for rule in group} | {d.term_entry for d in rules.definitions}
        )
        self.prefilter = Prefilter(patterns, self.analyzer, self._relevant)
        self.memo = ParagraphMemo(self.entries, self.store)
        glossary = self.compiled.glossary
        self.known = Known(
            rules=frozenset(self.entries) | frozenset(META_RULES),
            clusters={rule: entry.cluster for rule, entry in self.entries.items()},
            redirects=dict(glossary.redirects),
        )

    def _enabled_rules(self) -> frozenset[str]:
        select, ignore = set(self.options.select), set(self.options.ignore)
        enabled = set()
        rules = [(rule, entry.cluster) for rule, entry in self.entries.items()]
        rules += [(rule, "") for rule in META_RULES]
        for rule, cluster in rules:
            keys = {rule, cluster} - {""}
            if select and not keys & select and cluster:
                continue
            if keys & ignore:
                continue
            enabled.add(rule)
        return frozenset(enabled)

    @cached_property
    def judge(self) -> ParagraphJudge:
        """The full analysis of a paragraph (imported when the first candidate paragraph needs it)."""
        from begriffe.judge import ParagraphJudge

        return ParagraphJudge(
            self.compiled.patterns, self.compiled.rules, self.analyzer, self.entries, self.enabled, self.profile,
            accept=self.accept, counted=self.document_terms,
        )

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (imports spaCy on first use)."""
        return self.judge.nlp

    @property
    def matcher(self) -> TermMatcher:
        """The term matcher bound to the pipeline's vocabulary."""
        return self.judge.matcher

    def may_match(self, text: str) -> bool:
        """Prefilter: could any rule match in ``text``? (Never false for a real match.)"""
        return not self.options.prefilter or self.prefilter.may_match(text)

    def _relevant(self, rule: str) -> bool:
        """A rule that can report under these options, or a term the document rules count."""
        if rule in self.document_terms:
            return True
        entry = self.entries.get(rule)
        return entry is not None and rule in self.enabled and entry.status is not Status.EMPFOHLEN

    def check_document(self, document: Document) -> list[Finding]:
        """Findings of one document, sorted by position."""
        return next(iter(self.check_documents([document])))[1]

    def check_documents(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        """Findings per document. Paragraphs already seen (in any document of this run) are not
        analysed again; new candidate paragraphs of several documents share one spaCy batch."""
        pending: list[tuple[Document, list[Analysis | Key]]] = []
        fresh: dict[Key, Analysis] = {}
        todo: dict[Key, None] = {}
        for document in documents:
            markdown = document.markup == "markdown"
            items: list[Analysis | Key] = []
            for segment in document.segments:
                key = (segment.text, segment.kind is SegmentKind.QUOTE, markdown)
                known = fresh.get(key) or self.memo.get(key)
                if known is None and key not in todo:
                    if self.may_match(segment.text):
                        todo[key] = None
                    else:
                        known = self.memo.put(key, NOTHING, durable=False)
                items.append(known or key)
                if len(todo) >= LARGE_BATCH:  # a long document: analyse as it is read
                    fresh |= self._analyse(todo)
                    todo = {}
            pending.append((document, items))
            if len(todo) >= PENDING_LIMIT or len(pending) >= PENDING_LIMIT:
                fresh |= self._analyse(todo)
                todo = {}
                yield from self._finish(pending, fresh)
                pending, fresh = [], {}
        fresh |= self._analyse(todo)
        yield from self._finish(pending, fresh)

    def _analyse(self, todo: dict[Key, None]) -> dict[Key, Analysis]:
        """Run spaCy and the matcher over new candidate paragraphs."""
        if not todo:
            return {}
        return {key: self.memo.put(key, analysis) for key, analysis in zip(todo, self.judge.analyse(todo))}

    def _finish(
        self, pending: list[tuple[Document, list[Analysis | Key]]], fresh: dict[Key, Analysis]
    ) -> Iterator[tuple[Document, list[Finding]]]:
        for document, items in pending:
            findings: list[Finding] = []
            used: dict[str, tuple[str, int, int]] = {}
            index = LineIndex(document.source) if any(item is not NOTHING for item in items) else None
            for segment, item in zip(document.segments, items):
                analysis = item if isinstance(item, Analysis) else fresh[item]
                if analysis is NOTHING:
                    continue
                offsets = segment.offsets
                for rule, start, end in analysis.usages:  # the document rules look at first uses only
                    if rule not in used:
                        used[rule] = (rule, *offsets.span_to_source(start, end))
                for located in analysis.located:
                    entry_id = located.entry.id if located.entry.kind is RuleKind.ENTRY else ""
                    findings.append(build_finding(document.path, document.source, index, offsets, located, entry_id=entry_id))
            if used:
                from begriffe.document import document_findings

                findings += document_findings(used.values(), document.source, document.path, index, self.compiled.rules, self.enabled)
            if document.may_hold_directives():
                findings = apply_suppressions(findings, document.source, self.known, document.path)
                findings = [f for f in findings if f.rule in self.enabled]
            if document.pages:
                findings = [replace(f, page=bisect_right(document.pages, f.offset)) for f in findings]
            yield document, sorted(findings, key=lambda f: f.sort_key)

    def judge_doc(self, doc: Doc) -> list[Located]:
        """Judged matches of a Doc made by ``self.nlp`` (used by the spaCy component)."""
        return list(self.judge.judge(doc).located)


def check_text(text: str, path: str = "<text>", options: Options | None = None, *, markdown: bool = False) -> RunResult:
    """Check text in memory with the shipped glossary."""
    engine = Engine(load_compiled(), options or Options())
    findings = engine.check_document(read_text(path, text, markdown=markdown))
    return RunResult(tuple(findings), files=1)
