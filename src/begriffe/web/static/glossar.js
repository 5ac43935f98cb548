// Glossary page: search as you type and filter, via GET /api/lookup.
import { count, el, fetchJson } from "./dom.js";

const form = document.getElementById("search");
const query = document.getElementById("q");
const cluster = document.getElementById("cluster");
const status = document.getElementById("status-filter");
const list = document.getElementById("entries");
const counter = document.getElementById("count");
let sequence = 0;
let timer = null;

function params() {
  const p = new URLSearchParams();
  if (query.value.trim()) p.set("q", query.value.trim());
  if (cluster.value) p.set("cluster", cluster.value);
  if (status.value) p.set("status", status.value);
  return p;
}

function item(entry) {
  const line = el("p", { class: "line" }, [
    el("a", { href: entry.url, text: entry.term }), " ",
    el("span", { class: `badge status-${entry.status}`, text: entry.status_label }), " ",
    el("span", { class: "cluster", text: entry.cluster_title }),
  ]);
  const children = [line, el("p", { class: "note", text: entry.note })];
  if (entry.preferred.length) children.push(el("p", { class: "preferred", text: `Besser: ${entry.preferred.join(", ")}` }));
  return el("li", {}, children);
}

async function search() {
  const mine = ++sequence;
  const p = params();
  const lookup = new URLSearchParams(p);
  lookup.set("limit", "500");
  const { ok, data } = await fetchJson(`/api/lookup?${lookup}`);
  if (mine !== sequence) return;
  if (!ok) {
    counter.textContent = data.error;
    counter.classList.add("problem");
    return;
  }
  counter.classList.remove("problem");
  list.replaceChildren(...data.entries.map(item));
  const found = count(data.count, "Eintrag", "Einträge");
  counter.textContent = data.count || !p.has("q") ? found : `Kein Eintrag zu „${query.value.trim()}“ gefunden.`;
  history.replaceState(null, "", p.toString() ? `/glossar?${p}` : "/glossar");
}

function later() {
  clearTimeout(timer);
  timer = setTimeout(search, 150);
}

query.addEventListener("input", later);
cluster.addEventListener("change", search);
status.addEventListener("change", search);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  search();
});
