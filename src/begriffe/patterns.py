"""Compile the glossary and rules into plain lookup tables (pure, cacheable, no spaCy).

Every surface form is expanded to its inflected forms once, here, so that matching needs
only dictionary lookups: whole words (``exact``), first parts of compounds (``modifiers``),
last parts (``heads``), phrases as lemma sequences, and the metaphor patterns.
An empty rule id stands for an exception: it wins like an entry, then reports nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from begriffe import declension, lexicon
from begriffe.entries import Entry, Glossary, Status, WordClass
from begriffe.inflection import Reading
from begriffe.normalize import normalize
from begriffe.rules import Rules

EXCEPTION = ""
FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer eines mit ohne von zu für und oder ist sind "
    "war aus bei im in am an auf als wie nicht kein keine".split()
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A generated form that two rules both claim (the first one keeps it)."""

    form: str
    kept: str
    dropped: str


@dataclass(slots=True)
class PatternSet:
    """Everything the matcher looks up; plain dicts and sets so it pickles quickly."""

    exact: dict[str, str] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    lemmas: dict[str, str] = field(default_factory=dict)
    image_heads: dict[str, str] = field(default_factory=dict)
    image_verbs: dict[str, str] = field(default_factory=dict)
    condition_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    subject_forms: frozenset[str] = frozenset()
    subject_modifiers: frozenset[str] = frozenset()
    linkers: frozenset[str] = frozenset()
    scan_terms: frozenset[str] = frozenset()
    phrase_anchors: frozenset[str] = frozenset()
    conflicts: list[Conflict] = field(default_factory=list)
    # For suggestions that fit the sentence: readings of glossary noun forms, the head of each
    # phrase by (rule, length in tokens), and every preferred term's forms by reading.
    readings: dict[str, frozenset[Reading]] = field(default_factory=dict)
    phrase_heads: dict[tuple[str, int], int] = field(default_factory=dict)
    inflections: dict[str, dict[Reading, str]] = field(default_factory=dict)


def compile_patterns(glossary: Glossary, rules: Rules) -> PatternSet:
    """Build the PatternSet for a glossary and its rules."""
    builder = _Builder()
    for entry in glossary.entries:
        builder.add_entry(entry)
    for pattern in rules.metaphors:
        builder.add_metaphor(pattern.entry.id, pattern.heads, pattern.verbs)
    for entry in (*glossary.entries, *(pattern.entry for pattern in rules.metaphors)):
        builder.add_preferred(entry.preferred)
    for group in rules.exceptions:
        for term in group.terms:
            builder.add_exception(term)
    builder.add_subjects(rules.subjects, rules.linkers)
    for entry in glossary.entries:
        for condition in (*entry.when, *entry.unless):
            builder.add_condition_words(
                condition.prev | condition.next | condition.near | condition.sentence | condition.paragraph
            )
    cues = rules.cues
    builder.add_lemmas(
        (*cues.mention_nouns, *cues.speech_about_words, *cues.speech_verbs, *cues.verbs_after, *cues.copulas_after)
    )
    return builder.result()


class _Builder:
    def __init__(self) -> None:
        self.p = PatternSet()
        self.scan: set[str] = set()
        self.anchors: set[str] = set()
        self.explicit: set[str] = set()
        self.interned: dict[frozenset[Reading], frozenset[Reading]] = {}

    def add_entry(self, entry: Entry) -> None:
        if entry.pos is WordClass.PHRASE:
            for form in entry.surface_forms:
                self._add_phrase(entry.id, form)
            return
        for form in entry.surface_forms:
            if " " in form:
                self._add_phrase(entry.id, form)
                continue
            self.explicit.add(normalize(form))
            self._add_word(entry, form)

    def _add_word(self, entry: Entry, form: str) -> None:
        if entry.pos is WordClass.NOUN and form[:1].isupper():
            forms = _normalized(lexicon.noun_forms(form))
            self._add_readings(form)
            spec = entry.compound
            if spec.modifier:
                modifier_forms: set[str] = set()
                for m in spec.modifier_forms or ():
                    modifier_forms.add(normalize(m))
                if not spec.modifier_forms:
                    modifier_forms = forms | {normalize(form) + "s"}
                for m in modifier_forms:
                    self._claim(self.p.modifiers, m, entry.id)
            if spec.head:
                for h in forms:
                    self._claim(self.p.heads, h, entry.id)
        else:
            forms = _normalized(lexicon.word_forms(form, verb=entry.pos is WordClass.VERB))
        for f in forms:
            self._claim(self.p.exact, f, entry.id, explicit=f == normalize(form))
            self.p.lemmas.setdefault(f, normalize(form))
        self.scan |= forms

    def _claim(self, table: dict[str, str], form: str, rule: str, *, explicit: bool = False) -> None:
        owner = table.get(form)
        if owner is None or owner == rule:
            table[form] = rule
            return
        if owner == EXCEPTION and rule != EXCEPTION:
            table[form] = rule
            return
        if explicit and form not in self.explicit:
            self.p.conflicts.append(Conflict(form, rule, owner))
            table[form] = rule
            return
        if rule != EXCEPTION and table is self.p.exact:
            self.p.conflicts.append(Conflict(form, owner, rule))

    def _add_phrase(self, rule: str, phrase: str) -> None:
        words = phrase_words(phrase)
        sequence = []
        for i, word in enumerate(words):
            attributive = i + 1 < len(words) and word[:1].isupper() and words[i + 1][:1].isupper()
            base = lexicon.base_form(word.lower() if attributive else word)
            for f in _normalized(lexicon.word_forms(base)) | {normalize(word)}:
                self.p.lemmas.setdefault(f, normalize(base))
            sequence.append(self.p.lemmas[normalize(word)])
        self.p.phrases.setdefault(rule, []).append(tuple(sequence))
        head = declension.phrase_head(words) if rule != EXCEPTION else None
        if head is not None:
            self.p.phrase_heads.setdefault((rule, len(words)), head)
            self._add_readings(words[head])
        anchor = max((w for w in words if w.lower() not in FUNCTION_WORDS), key=len, default=words[0])
        anchor_forms = _normalized(lexicon.word_forms(anchor)) | {normalize(anchor)}
        self.scan |= anchor_forms
        self.anchors |= anchor_forms

    def add_exception(self, term: str) -> None:
        if " " in term:
            self._add_phrase(EXCEPTION, term)
            return
        forms = lexicon.noun_forms(term) if term[:1].isupper() else lexicon.adjective_forms(term)
        for f in forms:
            self._claim(self.p.exact, f, EXCEPTION)
            self._claim(self.p.modifiers, f, EXCEPTION)
            self._claim(self.p.heads, f, EXCEPTION)
        self._claim(self.p.modifiers, term.lower() + "s", EXCEPTION)
        self.scan |= forms

    def add_metaphor(self, rule: str, heads: Iterable[str], verbs: Iterable[str]) -> None:
        for head in heads:
            self._add_readings(head)
            for f in lexicon.noun_forms(head):
                self.p.image_heads.setdefault(f, rule)
                self.p.lemmas.setdefault(f, head.lower())
                self.scan.add(f)
        for verb in verbs:
            self.p.image_verbs.setdefault(verb.lower(), rule)
            self.scan.add(verb.lower())

    def _add_readings(self, noun: str) -> None:
        """What each form of ``noun`` can be (case, number, gender), shared between equal sets."""
        for form, readings in declension.form_readings(noun).items():
            merged = readings | self.p.readings.get(form, frozenset())
            self.p.readings[form] = self.interned.setdefault(merged, merged)

    def add_preferred(self, terms: Iterable[str]) -> None:
        """Tables of the preferred terms begriffe can decline."""
        for term in terms:
            if term not in self.p.inflections and (table := declension.inflection_table(term)) is not None:
                self.p.inflections[term] = table

    def add_subjects(self, subjects: Iterable[str], linkers: Iterable[str]) -> None:
        forms: set[str] = set()
        modifiers: set[str] = set()
        for subject in subjects:
            f = lexicon.noun_forms(subject)
            forms |= f
            modifiers |= f | {subject.lower() + "s"}
        self.p.subject_forms = frozenset(forms)
        self.p.subject_modifiers = frozenset(modifiers)
        self.p.linkers = frozenset(w.lower() for w in linkers)

    def add_condition_words(self, words: Iterable[str]) -> None:
        """Every inflected form a condition word stands for (Geflüchtet → Geflüchtete, …)."""
        for word in words:
            if word in self.p.condition_forms:
                continue
            forms = {word.lower()}
            for part in (word, lexicon.base_form(word)):
                forms |= lexicon.word_forms(part)
                if part[:1].isupper():
                    forms |= {part.lower() + ending for ending in lexicon.NOUN_FALLBACK_ENDINGS}
            self.p.condition_forms[word] = frozenset(forms)

    def add_lemmas(self, words: Iterable[str]) -> None:
        for word in words:
            for part in word.split():
                base = lexicon.base_form(part)
                for f in lexicon.word_forms(base) | {part.lower()}:
                    self.p.lemmas.setdefault(f, base.lower())

    def result(self) -> PatternSet:
        self.p.scan_terms = frozenset(s for s in self.scan if len(s) >= 3)
        self.p.phrase_anchors = frozenset(self.anchors)
        return self.p


def _normalized(forms: set[str]) -> set[str]:
    return {normalize(f) for f in forms}


def phrase_words(phrase: str) -> list[str]:
    """Split a phrase the way the tokenizer does: words, and punctuation on its own."""
    return re.findall(r"[^\W\d_](?:[\w:*/·-]*\w)?|\d+|[^\w\s]", phrase)


def reportable(status: Status) -> bool:
    """Whether entries of ``status`` can produce findings."""
    return status is not Status.EMPFOHLEN
