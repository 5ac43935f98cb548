// Check page: send a draft to POST /api/check, show every finding in place, explain it, apply suggestions.
import { SEVERITIES, STATUS_LABELS, count, el, fetchJson } from "./dom.js";

const $ = (id) => document.getElementById(id);
const textForm = $("text-form");
const textarea = $("text");
const uploadForm = $("upload-form");
const fileInput = $("file");
const statusLine = $("status");
const inputArea = $("input");
const result = $("result");
const documentView = $("document");
const docName = $("doc-name");
const summary = $("summary");
const groups = $("groups");
const copyButton = $("copy");
const downloadButton = $("download");
const copyFallback = $("copy-fallback");
const copyFallbackLabel = $("copy-fallback-label");
const MAX_BYTES = Number(uploadForm.dataset.maxBytes);
const SEVERITY = Object.fromEntries(SEVERITIES.map((s) => [s.key, s]));
const RANK = { info: 0, warning: 1, error: 2 };

// The last result: source text (what offsets refer to), findings, and where it came from.
const state = { source: "", findings: [], name: "", format: "txt", file: null, marks: [] };
// Per highlight: the findings it covers and where it starts.
const covered = new WeakMap();
// The open note: {popover, mark, pinned}.
let open = null;
let closeTimer = null;
let hoverTimer = null;

function say(message, problem = false) {
  statusLine.textContent = message;
  statusLine.classList.toggle("problem", problem);
}

function selectedFormat() {
  return textForm.querySelector("input[name=format]:checked").value;
}

function setFormat(value) {
  textForm.querySelector(`input[name=format][value=${value === "md" ? "md" : "txt"}]`).checked = true;
}

function describeCounts(findings) {
  if (!findings.length) return "Keine Funde – nichts zu beanstanden.";
  const parts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s.key).length])
    .filter(([, n]) => n)
    .map(([s, n]) => count(n, s.label, s.plural));
  return `${count(findings.length, "Fund", "Funde")}: ${parts.join(", ")}.`;
}

// ---- checking ------------------------------------------------------------

async function runCheck(body, headers) {
  closeNote(false);
  say("Wird geprüft …");
  const { ok, data } = await fetchJson("/api/check", { method: "POST", body, headers });
  if (!ok) {
    say(data.error, true);
    return false;
  }
  show(data);
  return true;
}

async function checkText(text, format) {
  state.file = null;
  return runCheck(JSON.stringify({ text, format }), { "Content-Type": "application/json" });
}

async function checkFile(file) {
  if (file.size > MAX_BYTES) {
    say(`Die Datei ist zu groß: höchstens ${uploadForm.dataset.maxSize}.`, true);
    return false;
  }
  const body = new FormData();
  body.append("file", file);
  state.file = file;
  return runCheck(body, {});
}

function show(data) {
  state.source = data.document.source;
  state.findings = data.findings;
  state.name = data.document.name;
  state.format = data.document.format;
  renderDocument();
  renderPanel();
  docName.textContent = state.name;
  inputArea.hidden = true;
  result.hidden = false;
  copyButton.disabled = !state.findings.length;
  downloadButton.hidden = !(state.file && data.document.annotatable);
  copyFallback.hidden = copyFallbackLabel.hidden = true;
  say(`Geprüft: ${describeCounts(state.findings)}`);
}

// ---- document with highlights --------------------------------------------

// Offsets count Unicode code points; JavaScript strings count UTF-16 units, so work on code points.
function clusters(findings) {
  const sorted = findings.map((f, index) => ({ f, index })).sort((a, b) => a.f.offset - b.f.offset);
  const out = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.f.offset < last.end) {
      last.items.push(item);
      last.end = Math.max(last.end, item.f.offset + item.f.length);
    } else {
      out.push({ start: item.f.offset, end: item.f.offset + item.f.length, items: [item] });
    }
  }
  return out;
}

function renderDocument() {
  const chars = Array.from(state.source);
  const nodes = [];
  state.marks = [];
  let position = 0;
  for (const group of clusters(state.findings)) {
    nodes.push(chars.slice(position, group.start).join(""));
    const severity = group.items.map((i) => i.f.severity).sort((a, b) => RANK[b] - RANK[a])[0];
    const text = chars.slice(group.start, group.end).join("");
    const labels = group.items.map((i) => SEVERITY[i.f.severity].label).join(", ");
    const mark = el("mark", {
      class: `finding ${severity}`,
      tabindex: "0",
      role: "button",
      "aria-haspopup": "dialog",
      "aria-expanded": "false",
      "aria-label": `${text} – ${labels}`,
      text,
    });
    covered.set(mark, { findings: group.items.map((i) => i.f), start: group.start });
    for (const item of group.items) state.marks[item.index] = mark;
    nodes.push(mark);
    position = group.end;
  }
  nodes.push(chars.slice(position).join(""));
  documentView.replaceChildren(...nodes);
}

// ---- side panel -------------------------------------------------------------

function renderPanel() {
  summary.textContent = describeCounts(state.findings);
  const sections = [];
  for (const severity of SEVERITIES) {
    const items = state.findings.map((f, index) => ({ f, index })).filter(({ f }) => f.severity === severity.key);
    if (!items.length) continue;
    const heading = el("h3", {}, [
      el("span", { class: `sev ${severity.key}`, "aria-hidden": "true", text: severity.icon }),
      `${severity.plural} (${items.length})`,
    ]);
    const list = el("ul", {}, items.map(({ f, index }) => {
      const button = el("button", { type: "button", class: `finding-link ${f.severity}` }, [
        el("span", { class: "where", text: `${f.line}:${f.column}` }),
        `„${f.text}“ – ${f.message}`,
      ]);
      button.addEventListener("click", () => {
        const mark = state.marks[index];
        mark.scrollIntoView({ block: "center" });
        openNote(mark, { pinned: true, focus: true });
      });
      return el("li", {}, [button]);
    }));
    sections.push(el("section", { "aria-label": severity.plural }, [heading, list]));
  }
  groups.replaceChildren(...sections);
}

// ---- notes (popover) ----------------------------------------------------------

function noteItem(finding) {
  const severity = SEVERITY[finding.severity];
  const children = [
    el("p", { class: `sev ${finding.severity}` }, [
      el("span", { "aria-hidden": "true", text: `${severity.icon} ` }),
      `${severity.label} · ${STATUS_LABELS[finding.status] || finding.status}`,
    ]),
    el("h3", { text: `„${finding.text}“` }),
    el("p", { text: finding.message }),
  ];
  if (finding.suggestions.length) {
    children.push(el("p", { text: "Vorschläge – ein Klick ersetzt die Stelle und prüft neu:" }));
    children.push(el("div", { class: "suggestions" }, finding.suggestions.map((suggestion) => {
      const button = el("button", { type: "button", text: suggestion, "aria-label": `„${finding.text}“ durch „${suggestion}“ ersetzen` });
      button.addEventListener("click", () => applySuggestion(finding, suggestion));
      return button;
    })));
  }
  children.push(el("p", {}, [el("a", { href: `/eintrag/${encodeURIComponent(finding.rule)}`, text: `Glossareintrag „${finding.term}“` })]));
  return el("div", { class: "item" }, children);
}

function openNote(mark, { pinned = false, focus = false } = {}) {
  clearTimeout(closeTimer);
  if (open && open.mark === mark) {
    open.pinned ||= pinned;
  } else {
    closeNote(false);
    const title = `Hinweis zu „${mark.textContent}“`;
    const closeButton = el("button", { type: "button", class: "close", "aria-label": "Hinweis schließen", text: "×" });
    const popover = el("div", { class: "popover", role: "dialog", "aria-label": title, tabindex: "-1" },
      [...covered.get(mark).findings.map(noteItem), closeButton]);
    closeButton.addEventListener("click", () => closeNote(true));
    popover.addEventListener("mouseenter", () => clearTimeout(closeTimer));
    popover.addEventListener("mouseleave", scheduleClose);
    popover.addEventListener("focusout", (event) => {
      if (!popover.contains(event.relatedTarget) && event.relatedTarget !== mark) closeNote(false);
    });
    mark.after(popover);
    place(popover, mark);
    mark.setAttribute("aria-expanded", "true");
    open = { popover, mark, pinned };
  }
  if (focus) {
    open.popover.focus({ preventScroll: true });
    open.popover.scrollIntoView({ block: "nearest" });
  }
}

function place(popover, mark) {
  const rects = mark.getClientRects();
  const line = rects[rects.length - 1];
  const box = documentView.getBoundingClientRect();
  const width = popover.offsetWidth;
  const left = Math.min(Math.max(line.left - box.left, 8), box.width - width - 8);
  popover.style.left = `${Math.max(left, 8)}px`;
  popover.style.top = `${line.bottom - box.top + 6}px`;
}

function closeNote(restoreFocus) {
  if (!open) return;
  const { popover, mark } = open;
  open = null;
  mark.setAttribute("aria-expanded", "false");
  popover.remove();
  if (restoreFocus) mark.focus();
}

function scheduleClose() {
  clearTimeout(hoverTimer);
  if (open && !open.pinned) closeTimer = setTimeout(() => closeNote(false), 300);
}

documentView.addEventListener("click", (event) => {
  const mark = event.target.closest("mark.finding");
  if (!mark) return;
  if (open && open.mark === mark && open.pinned) closeNote(false);
  else openNote(mark, { pinned: true });
});
documentView.addEventListener("keydown", (event) => {
  const mark = event.target.closest("mark.finding");
  if (!mark || event.target !== mark || (event.key !== "Enter" && event.key !== " ")) return;
  event.preventDefault();
  openNote(mark, { pinned: true, focus: true });
});
documentView.addEventListener("mouseover", (event) => {
  const mark = event.target.closest("mark.finding");
  if (!mark || (open && open.pinned)) return;
  clearTimeout(hoverTimer);
  clearTimeout(closeTimer);
  hoverTimer = setTimeout(() => openNote(mark), 200);
});
documentView.addEventListener("mouseout", (event) => {
  if (event.target.closest("mark.finding")) scheduleClose();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && open) {
    event.preventDefault();
    closeNote(true);
  }
});
document.addEventListener("click", (event) => {
  if (open && !open.popover.contains(event.target) && !event.target.closest("mark.finding, .finding-link")) closeNote(false);
});

// ---- applying a suggestion -------------------------------------------------------

async function applySuggestion(finding, suggestion) {
  const chars = Array.from(state.source);
  const text = chars.slice(0, finding.offset).join("") + suggestion + chars.slice(finding.offset + finding.length).join("");
  const fromFile = state.file !== null;
  textarea.value = text;
  if (fromFile) setFormat(state.format);
  const where = finding.offset + Array.from(suggestion).length;
  if (!(await checkText(text, selectedFormat()))) return;
  const note = fromFile ? " Der Text der Datei steht jetzt im Textfeld; die Datei selbst bleibt unverändert." : "";
  say(`„${finding.text}“ durch „${suggestion}“ ersetzt. Neu geprüft: ${describeCounts(state.findings)}${note}`);
  const next = state.marks.filter(Boolean).find((mark) => covered.get(mark).start >= where);
  (next || $("h-result")).focus();
}

// ---- copy and download -------------------------------------------------------------

function markdown() {
  return state.findings.map((f) => {
    const suggestions = f.suggestions.length ? ` Vorschläge: ${f.suggestions.join(", ")}` : "";
    return `- ${f.line}:${f.column} ${SEVERITY[f.severity].label}: „${f.text}“ – ${f.message}${suggestions}`;
  }).join("\n") + "\n";
}

copyButton.addEventListener("click", async () => {
  const text = markdown();
  try {
    await navigator.clipboard.writeText(text);
    say(`${count(state.findings.length, "Fund", "Funde")} als Markdown in die Zwischenablage kopiert.`);
  } catch {
    copyFallback.value = text;
    copyFallback.hidden = copyFallbackLabel.hidden = false;
    copyFallback.focus();
    copyFallback.select();
    say("Kopieren ist hier nicht erlaubt. Der Text ist markiert: mit Strg+C kopieren.", true);
  }
});

downloadButton.addEventListener("click", async () => {
  const body = new FormData();
  body.append("file", state.file);
  say("Kommentierte Kopie wird erstellt …");
  let response;
  try {
    response = await fetch("/api/annotate", { method: "POST", body });
  } catch {
    say("Keine Verbindung zu begriffe. Läuft „begriffe serve“ noch?", true);
    return;
  }
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    say(data.error || `Die kommentierte Kopie konnte nicht erstellt werden (Status ${response.status}).`, true);
    return;
  }
  const dot = state.name.lastIndexOf(".");
  const link = el("a", { href: URL.createObjectURL(await response.blob()), download: `${state.name.slice(0, dot)}-kommentiert${state.name.slice(dot)}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  say("Kommentierte Kopie heruntergeladen.");
});

// ---- forms ----------------------------------------------------------------------

textForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!textarea.value.trim()) {
    say("Bitte zuerst einen Text einfügen.", true);
    textarea.focus();
    return;
  }
  if (await checkText(textarea.value, selectedFormat())) $("h-result").focus();
});

async function submitFile() {
  const [file] = fileInput.files;
  if (!file) {
    say("Bitte zuerst eine Datei auswählen.", true);
    fileInput.focus();
    return;
  }
  if (await checkFile(file)) $("h-result").focus();
}

uploadForm.addEventListener("submit", (event) => {
  event.preventDefault();
  submitFile();
});
fileInput.addEventListener("change", submitFile);

$("edit").addEventListener("click", () => {
  closeNote(false);
  if (state.file) say("Die Datei bleibt unverändert; im Textfeld steht der zuletzt eingefügte Text.");
  result.hidden = true;
  inputArea.hidden = false;
  textarea.focus();
});
