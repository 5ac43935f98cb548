"""``begriffe glossary validate``: schema problems, every example run, glossary lint.

Like prh's specs and codespell's dictionary tests: every entry proves its own examples, no
preferred term is ever flagged ("no loops"), every reference resolves, every source is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from begriffe.compiled import Compiled
from begriffe.engine import Engine, Options
from begriffe.entries import Entry, Example, RuleKind, Severity, Status
from begriffe.errors import Problem
from begriffe.findings import Finding
from begriffe.readers import read_text

QUOTED = re.compile(r"[„\"»«‚'“]")


@dataclass
class Report:
    """Problems fail validation; notes (cross-talk, form conflicts) only inform."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    examples_run: int = 0


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One example of one entry, as pytest and the validator see it."""

    entry: Entry
    kind: str
    index: int
    example: Example

    @property
    def name(self) -> str:
        """``<id>/<flag|ok>/<i>``."""
        return f"{self.entry.id}/{self.kind}/{self.index}"


def example_cases(compiled: Compiled) -> list[ExampleCase]:
    """Every example of every entry and metaphor pattern."""
    cases = []
    for entry in compiled.rule_entries().values():
        for kind, examples in (("flag", entry.examples.flag), ("ok", entry.examples.ok)):
            cases += [ExampleCase(entry, kind, i, ex) for i, ex in enumerate(examples)]
    return sorted(cases, key=lambda c: c.name)


def run_examples(engine: Engine, cases: list[ExampleCase]) -> dict[str, list[Finding]]:
    """Findings for each case name (all cases analysed in one batch)."""
    documents = [read_text(case.name, case.example.text) for case in cases]
    return {document.path: findings for document, findings in engine.check_documents(documents)}


def example_problem(case: ExampleCase, findings: list[Finding]) -> Problem | None:
    """Why a case fails, or None."""
    own = [f for f in findings if f.rule == case.entry.id]
    where = case.example.location
    ex = case.example
    if case.kind == "ok":
        if own:
            found = ", ".join(f"„{f.text}“ ({f.severity.value})" for f in own)
            return Problem("B222", f"„ok“-Beispiel von „{case.entry.id}“ ergab einen Treffer: {found}.", where)
        return None
    if not own:
        other = ", ".join(f"{f.rule}: „{f.text}“" for f in findings) or "keinen Treffer"
        return Problem("B221", f"Beispiel sollte „{case.entry.id}“ auslösen, ergab {other}.", where)
    if ex.match is not None and not any(f.text == ex.match for f in own):
        got = ", ".join(f"„{f.text}“" for f in own)
        return Problem("B223", f"Treffer sollte „{ex.match}“ sein, war {got}.", where)
    if ex.severity is not None and not any(f.severity is ex.severity for f in own):
        got = ", ".join(f.severity.value for f in own)
        return Problem("B224", f"Schweregrad sollte {ex.severity.value} sein, war {got}.", where)
    return None


def validate(compiled: Compiled) -> Report:
    """Run every check on a loaded glossary and return the report."""
    report = Report()
    engine = Engine(compiled, Options())
    cases = example_cases(compiled)
    results = run_examples(engine, cases)
    report.examples_run = len(cases)
    for case in cases:
        findings = results[case.name]
        problem = example_problem(case, findings)
        if problem is not None:
            report.problems.append(problem)
        elif case.kind == "ok":
            others = [f for f in findings if f.rule != case.entry.id and f.severity is not Severity.INFO]
            if others:
                names = ", ".join(f"{f.rule} („{f.text}“)" for f in others)
                report.notes.append(Problem("B229", f"„ok“-Beispiel von „{case.entry.id}“ löst andere Einträge aus: {names}.", case.example.location))
    report.problems += lint(compiled, engine)
    report.notes += [
        Problem("B213", f"Form „{c.form}“ gehört zu „{c.kept}“ und auch zu „{c.dropped}“ (bleibt bei „{c.kept}“).")
        for c in compiled.patterns.conflicts
    ]
    return report


def lint(compiled: Compiled, engine: Engine) -> list[Problem]:
    """Glossary lint: no loops, used sources, quoted ok examples, metaphor references, exceptions."""
    problems: list[Problem] = []
    glossary = compiled.glossary
    entries = compiled.rule_entries()
    problems += _no_loops(engine, entries)
    used = {key for entry in entries.values() for key in entry.sources}
    for key in sorted(set(glossary.sources) - used):
        problems.append(Problem("B220", f"Quelle „{key}“ wird von keinem Eintrag verwendet."))
    for entry in entries.values():
        if entry.kind is RuleKind.DOCUMENT:
            continue
        if entry.status in (Status.VERMEIDEN, Status.DISKRIMINIEREND) and not any(QUOTED.search(e.text) for e in entry.examples.ok):
            problems.append(Problem("B228", f"„{entry.id}“ braucht ein „ok“-Beispiel, das den Begriff in Anführungszeichen erwähnt.", entry.location))
        for ref in entry.see_also:
            if ref not in entries and ref not in glossary.redirects:
                problems.append(Problem("B211", f"„see_also“ verweist auf unbekannte Kennung „{ref}“.", entry.location))
        for key in entry.sources:
            if key not in glossary.sources:
                problems.append(Problem("B212", f"Unbekannte Quelle „{key}“.", entry.location))
    for mixture in compiled.rules.mixtures:
        for label, ids in mixture.members:
            for ref in ids:
                if ref not in entries:
                    problems.append(Problem("B211", f"Mischung „{mixture.entry.id}“ ({label}) verweist auf unbekannte Kennung „{ref}“.", mixture.entry.location))
    for definition in compiled.rules.definitions:
        if definition.term_entry not in entries:
            problems.append(Problem("B211", f"Definitionsregel „{definition.entry.id}“ verweist auf unbekannte Kennung „{definition.term_entry}“.", definition.entry.location))
    forms = {form.casefold(): e.id for e in glossary.entries for form in e.surface_forms}
    for group in compiled.rules.exceptions:
        for term in group.terms:
            if term.casefold() in forms:
                problems.append(Problem("B232", f"Ausnahme „{term}“ ist zugleich Form von Eintrag „{forms[term.casefold()]}“."))
    return problems


def _no_loops(engine: Engine, entries: dict[str, Entry]) -> list[Problem]:
    """No preferred term and no recommended headword may be flagged at warning or error."""
    texts: dict[str, Entry] = {}
    for entry in entries.values():
        words = list(entry.preferred)
        if entry.status is Status.EMPFOHLEN:
            words.append(entry.term)
        for word in words:
            texts.setdefault(word, entry)
    documents = [read_text(word, word) for word in texts]
    problems = []
    for document, findings in engine.check_documents(documents):
        for f in findings:
            if f.severity is not Severity.INFO:
                entry = texts[document.path]
                problems.append(
                    Problem("B225", f"Empfohlener Begriff „{document.path}“ (aus „{entry.id}“) wird als „{f.rule}“ gemeldet ({f.severity.value}).", entry.location)
                )
    return problems
