// Small DOM helpers shared by the pages. User data only ever goes into text nodes.

export const SEVERITIES = [
  { key: "error", label: "Fehler", plural: "Fehler", icon: "✖" },
  { key: "warning", label: "Warnung", plural: "Warnungen", icon: "▲" },
  { key: "info", label: "Hinweis", plural: "Hinweise", icon: "ℹ" },
];

export const STATUS_LABELS = {
  diskriminierend: "diskriminierend",
  vermeiden: "vermeiden",
  kontextabhaengig: "kontextabhängig",
  empfohlen: "empfohlen",
};

/** Create an element; ``attrs.text`` sets textContent, strings in ``children`` become text nodes. */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...[].concat(children));
  return node;
}

/** Fetch JSON; returns {ok, status, data}; a network failure becomes a German error message. */
export async function fetchJson(url, options = {}) {
  let response;
  try {
    response = await fetch(url, options);
  } catch {
    return { ok: false, status: 0, data: { error: "Keine Verbindung zu begriffe. Läuft „begriffe serve“ noch?" } };
  }
  const data = await response.json().catch(() => ({ error: `Unerwartete Antwort (Status ${response.status}).` }));
  return { ok: response.ok, status: response.status, data };
}

/** „n Wort“ with the right German number. */
export function count(n, singular, plural) {
  return `${n} ${n === 1 ? singular : plural}`;
}
