"""Orchestration: documents → prefilter → spaCy → matches → judged findings → RunResult."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from begriffe.compiled import Compiled, load_compiled, load_lexicon
from begriffe.conditions import ConditionChecker
from begriffe.context import CueSet, DocContext
from begriffe.entries import ContextKind, Entry, RuleKind, Status
from begriffe.document import Usage, document_findings
from begriffe.findings import Finding, Located, RunResult, build_finding, judge_severity
from begriffe.morphology import INVISIBLE, WordAnalyzer
from begriffe.positions import LineIndex, OffsetMap
from begriffe.readers import Document, Segment, SegmentKind, read_text
from begriffe.rules import DEFAULT_PROFILE
from begriffe.suppressions import META_RULES, Known, apply_suppressions

if TYPE_CHECKING:
    from spacy.language import Language

    from begriffe.matching import TermMatcher

BATCH_SIZE = 64
SUPPRESSION_MARK = "begriffe-"


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

    def __post_init__(self) -> None:
        self.entries: dict[str, Entry] = self.compiled.rule_entries()
        self.profile = self.compiled.rules.profile(self.options.profile)
        patterns = self.compiled.patterns
        self.analyzer = WordAnalyzer(patterns, load_lexicon)
        self.cues = CueSet(self.compiled.rules.cues, patterns.lemmas)
        self.conditions = ConditionChecker(patterns.condition_forms, self.analyzer.is_head)
        self.accept = frozenset(word.casefold() for word in self.options.accept)
        self.enabled = self._enabled_rules()
        rules = self.compiled.rules
        self.document_terms = frozenset(
            {rule for m in rules.mixtures for _, group in m.members for rule in group} | {d.term_entry for d in rules.definitions}
        )
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
    def nlp(self) -> Language:
        """The spaCy pipeline (imports spaCy on first use)."""
        from begriffe.nlp import build_nlp

        return build_nlp(self.compiled.patterns.lemmas)

    @cached_property
    def matcher(self) -> TermMatcher:
        """The term matcher bound to this engine's vocabulary."""
        from begriffe.matching import TermMatcher

        return TermMatcher(self.compiled.patterns, self.analyzer, self.nlp.vocab)

    @cached_property
    def _scanner(self):  # noqa: ANN202 - an ahocorasick.Automaton
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for term in self.compiled.patterns.scan_terms:
            automaton.add_word(term, term)
        automaton.make_automaton()
        return automaton

    def may_match(self, text: str) -> bool:
        """Prefilter: could any rule match in ``text``? (Never false for a real match.)"""
        if not self.options.prefilter:
            return True
        lowered = text.translate(INVISIBLE).lower()
        for _ in self._scanner.iter(lowered):
            return True
        return False

    def check_document(self, document: Document) -> list[Finding]:
        """Findings of one document, sorted by position."""
        return next(iter(self.check_documents([document])))[1]

    def check_documents(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        """Findings per document; segments of all documents share one spaCy batch stream."""
        pending: list[tuple[Document, list[Segment]]] = []
        for document in documents:
            candidates = [s for s in document.segments if self.may_match(s.text)]
            pending.append((document, candidates))
            if sum(len(c) for _, c in pending) >= BATCH_SIZE:
                yield from self._analyse(pending)
                pending = []
        if pending:
            yield from self._analyse(pending)

    def _analyse(self, batch: list[tuple[Document, list[Segment]]]) -> Iterator[tuple[Document, list[Finding]]]:
        texts = [segment.text for _, segments in batch for segment in segments]
        docs = iter(self.nlp.pipe(texts, batch_size=BATCH_SIZE)) if texts else iter(())
        for document, segments in batch:
            findings: list[Finding] = []
            usages: list[Usage] = []
            if segments:
                index = LineIndex(document.source)
                for segment in segments:
                    doc = next(docs)
                    quoted = segment.kind is SegmentKind.QUOTE
                    markdown = document.markup == "markdown"
                    for item in self._judge(doc, quoted=quoted, usages=usages, offsets=segment.offsets, markdown=markdown):
                        entry_id = item.entry.id if item.entry.kind is RuleKind.ENTRY else ""
                        findings.append(build_finding(document.path, document.source, index, segment.offsets, item, entry_id=entry_id))
                findings += document_findings(usages, document.source, document.path, self.compiled.rules, self.enabled)
            if SUPPRESSION_MARK in document.source:
                findings = apply_suppressions(findings, document.source, self.known, document.path)
                findings = [f for f in findings if f.rule in self.enabled]
            if document.pages:
                findings = [replace(f, page=bisect_right(document.pages, f.offset)) for f in findings]
            yield document, sorted(findings, key=lambda f: f.sort_key)

    def judge_doc(self, doc) -> list[Located]:  # noqa: ANN001 - a spaCy Doc made by self.nlp's components
        """Judged matches of a prepared Doc (used by the spaCy component)."""
        return list(self._judge(doc, quoted=False, usages=[], offsets=OffsetMap.identity(0, len(doc.text))))

    def _judge(  # noqa: ANN001
        self, doc, *, quoted: bool, usages: list[Usage], offsets: OffsetMap, markdown: bool = False
    ) -> Iterable[Located]:
        """Judged matches of one paragraph; records every use of a term for the document rules."""
        matches = self.matcher.find_matches(doc)
        context = DocContext(doc, self.cues, matches, markdown=markdown)
        for match in matches:
            if match.is_exception or match.rule not in self.enabled:
                continue
            entry = self.entries[match.rule]
            kinds = context.classify(match)
            if match.rule in self.document_terms and ContextKind.MENTION not in kinds:
                usages.append(Usage(match.rule, *offsets.span_to_source(match.start_char, match.end_char)))
            if entry.status is Status.EMPFOHLEN:
                continue
            if self.accept and doc.text[match.start_char : match.end_char].casefold() in self.accept:
                continue
            if not self.conditions.applies(entry, doc, match):
                continue
            if quoted:
                kinds = kinds | {ContextKind.QUOTATION}
            severity = judge_severity(entry, kinds, self.profile)
            if severity is not None:
                yield Located(entry, match.start_char, match.end_char, severity, kinds)


def check_text(text: str, path: str = "<text>", options: Options | None = None, *, markdown: bool = False) -> RunResult:
    """Check text in memory with the shipped glossary."""
    engine = Engine(load_compiled(), options or Options())
    findings = engine.check_document(read_text(path, text, markdown=markdown))
    return RunResult(tuple(findings), files=1)
