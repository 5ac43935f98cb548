"""One paragraph, fully analysed: spaCy Doc → matches → context and conditions → judged matches.

The engine only comes here for paragraphs the prefilter lets through and no earlier run has
analysed, so this module (and spaCy with it) is imported only when such a paragraph exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING

from begriffe.conditions import ConditionChecker
from begriffe.context import CueSet, DocContext
from begriffe.entries import ContextKind, Entry, Status
from begriffe.findings import Located, deciding_contexts, judge_severity
from begriffe.memo import Analysis
from begriffe.morphology import WordAnalyzer
from begriffe.patterns import PatternSet
from begriffe.rules import Profile, Rules
from begriffe.sentences import Sentences
from begriffe.suggestions import Suggester

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from begriffe.matching import TermMatcher

BATCH_SIZE = 64


class ParagraphJudge:
    """Finds and judges the glossary terms of paragraphs under one engine's options."""

    def __init__(  # noqa: PLR0913 - the engine's settled options, passed once
        self,
        patterns: PatternSet,
        rules: Rules,
        analyzer: WordAnalyzer,
        entries: Mapping[str, Entry],
        enabled: frozenset[str],
        profile: Profile,
        *,
        accept: frozenset[str] = frozenset(),
        counted: frozenset[str] = frozenset(),
    ) -> None:
        self.patterns = patterns
        self.analyzer = analyzer
        self.entries = entries
        self.enabled = enabled
        self.profile = profile
        self.accept = accept
        self.counted = counted
        self.cues = CueSet(rules.cues, patterns.lemmas)
        self.conditions = ConditionChecker(patterns.condition_forms, analyzer.is_head)
        self.suggester = Suggester(patterns)

    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline (imports spaCy on first use)."""
        from begriffe.nlp import build_nlp

        return build_nlp(self.patterns.lemmas)

    @cached_property
    def matcher(self) -> TermMatcher:
        """The term matcher bound to the pipeline's vocabulary."""
        from begriffe.matching import TermMatcher

        return TermMatcher(self.patterns, self.analyzer, self.nlp.vocab)

    def analyse(self, paragraphs: Iterable[tuple[str, bool, bool]]) -> Iterator[Analysis]:
        """Analyses of (text, quoted, markdown) paragraphs, in order, through one spaCy batch."""
        paragraphs = list(paragraphs)
        docs = self.nlp.pipe((text for text, _, _ in paragraphs), batch_size=BATCH_SIZE)
        for (_, quoted, markdown), doc in zip(paragraphs, docs):
            yield self.judge(doc, quoted=quoted, markdown=markdown)

    def judge(self, doc: Doc, *, quoted: bool = False, markdown: bool = False) -> Analysis:
        """Judged matches of one paragraph, and every use of a term the document rules count."""
        sentences = Sentences(doc)
        matches = self.matcher.find_matches(doc, sentences)
        context = DocContext(doc, self.cues, matches, markdown=markdown, sentences=sentences)
        located: list[Located] = []
        usages: list[tuple[str, int, int]] = []
        for match in matches:
            if match.is_exception or match.rule not in self.enabled:
                continue
            entry = self.entries[match.rule]
            kinds = context.classify(match)
            if match.rule in self.counted and ContextKind.MENTION not in kinds:
                usages.append((match.rule, match.start_char, match.end_char))
            if entry.status is Status.EMPFOHLEN:
                continue
            if self.accept and doc.text[match.start_char : match.end_char].casefold() in self.accept:
                continue
            if not self.conditions.applies(entry, doc, match, sentences):
                continue
            if quoted:
                kinds = kinds | {ContextKind.QUOTATION}
            severity = judge_severity(entry, kinds, self.profile)
            if severity is not None:
                suggestions = self.suggester.suggest(doc, match, entry, sentences)
                deciding = deciding_contexts(entry, kinds, self.profile)
                located.append(Located(entry, match.start_char, match.end_char, severity, deciding, suggestions))
        return Analysis(tuple(located), tuple(usages))
