// Khabar analyst console: plain JavaScript, no libraries, no network but this server.
// The API key is entered once and kept in sessionStorage (this tab only).
"use strict";

const KEY_STORE = "khabar.key";
const SVG_NS = "http://www.w3.org/2000/svg";
const state = { me: null, choices: null, results: [], geo: null, incident: null, lastSearch: null };

// -- small helpers -----------------------------------------------------------------------------
const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "onclick") node.addEventListener("click", value);
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(message, isError) {
  const box = $("#status");
  box.textContent = message || "";
  box.classList.toggle("error", Boolean(isError));
}

class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function api(path, options) {
  const key = sessionStorage.getItem(KEY_STORE) || "";
  const init = Object.assign({ headers: {} }, options || {});
  init.headers = Object.assign({ Authorization: "Bearer " + key }, init.headers);
  if (init.json !== undefined) {
    init.body = JSON.stringify(init.json);
    init.headers["Content-Type"] = "application/json";
  }
  const resp = await fetch(path, init);
  const text = await resp.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = text; }
  if (!resp.ok) {
    let detail = body && body.detail !== undefined ? body.detail : text;
    if (Array.isArray(detail)) detail = detail.map((d) => (d.loc || []).join(".") + ": " + d.msg).join("; ");
    throw new ApiError(resp.status, String(detail));
  }
  return body;
}

// Links only to http(s) pages: a stored URL is data, never script (no javascript: links).
function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : null; }

function fmt(value) { return value === null || value === undefined || value === "" ? "—" : String(value); }

function place(loc) {
  loc = loc || {};
  return [loc.place, loc.district, loc.province].filter((v, i, all) => v && all.indexOf(v) === i).join(", ") || "—";
}

function option(select, value, label) { select.append(el("option", { value, text: label === undefined ? value : label })); }

// -- sign in -------------------------------------------------------------------------------------
async function signIn(key) {
  sessionStorage.setItem(KEY_STORE, key);
  try {
    state.me = await api("/v1/whoami");
  } catch (err) {
    sessionStorage.removeItem(KEY_STORE);
    $("#login-error").textContent = err.status === 401 ? "That key was not accepted." : "Sign-in failed: " + err.message;
    return false;
  }
  $("#login-error").textContent = "";
  $("#who-name").textContent = state.me.name;
  $("#who-role").textContent = state.me.role;
  $("#who").hidden = false;
  $("#login-view").hidden = true;
  $("#app").hidden = false;
  document.body.dataset.role = state.me.role;
  await loadChoices();
  route();
  return true;
}

function signOut() {
  sessionStorage.removeItem(KEY_STORE);
  state.me = null;
  $("#who").hidden = true;
  $("#app").hidden = true;
  $("#login-view").hidden = false;
  $("#key").value = "";
}

async function loadChoices() {
  if (state.choices) return;
  const c = await api("/v1/gazetteer");
  state.choices = c;
  for (const p of c.provinces) option($("#province"), p);
  for (const d of c.districts) option($("#district"), d.name, d.name + " (" + d.province + ")");
  for (const g of c.groups) option($("#group"), g);
  for (const t of c.event_types) option($("#event_type"), t);
  const form = $("#patch-form");
  for (const t of c.event_types) option(form.event_type, t);
  for (const t of c.target_types) option(form.target_type, t);
  for (const a of c.attributions) option(form.attribution, a);
  for (const g of c.groups) option(form.group, g);
  for (const d of c.districts) option(form.district, d.name, d.name + " (" + d.province + ")");
}

// -- routing -------------------------------------------------------------------------------------
function show(view) {
  for (const v of ["search", "map", "trends", "incident"]) $("#" + v + "-view").hidden = v !== view;
  for (const v of ["search", "map", "trends"]) $("#nav-" + v).classList.toggle("active", v === view);
}

async function route() {
  if (!state.me) return;
  const hash = location.hash || "#/search";
  setStatus("");
  try {
    if (hash.startsWith("#/incident/")) {
      show("incident");
      await openIncident(decodeURIComponent(hash.slice("#/incident/".length)));
    } else if (hash === "#/map") {
      show("map");
      if (!state.lastSearch) await search();
      await drawMap();
    } else if (hash === "#/trends") {
      show("trends");
      await drawTrends();
    } else {
      show("search");
      if (!state.lastSearch) await search();
    }
  } catch (err) {
    setStatus(err.message, true);
  }
}

// -- search ------------------------------------------------------------------------------------
function filterParams() {
  const params = new URLSearchParams();
  for (const name of ["q", "from", "to", "province", "district", "group", "event_type"]) {
    const value = $("#" + name).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

async function search() {
  const kind = $("#kind").value;
  const params = filterParams();
  if (kind === "articles") for (const name of ["province", "district", "group", "event_type"]) params.delete(name);
  if (kind === "incidents" && $("#corrected").value) params.set("corrected", $("#corrected").value === "yes" ? "true" : "false");
  params.set("size", "200");
  $("#results tbody").replaceChildren();
  $("#result-count").textContent = "searching…";
  const seq = (state.searchSeq = (state.searchSeq || 0) + 1);
  const page = await api("/v1/" + kind + "?" + params.toString());
  if (seq !== state.searchSeq) return; // superseded by a newer search
  const items = page.items;
  state.results = kind === "incidents" ? items : [];
  state.lastSearch = kind;
  renderResults(kind, items, page.total);
}

function badges(incident) {
  const out = [];
  if ((incident.corrected || []).length) out.push(el("span", { class: "badge corrected", title: incident.corrected.join(", "), text: "corrected" }));
  if (incident.rejected) out.push(el("span", { class: "badge rejected", text: "rejected" }));
  const review = incident.review_fields || [];
  if (review.length) out.push(el("span", { class: "badge review", title: (incident.review_notes || []).join("; ") || "above what the other sources or the record support", text: review.join(", ") + " under review" }));
  return out;
}

function renderResults(kind, items, total) {
  const head = $("#results thead");
  const body = $("#results tbody");
  head.replaceChildren();
  body.replaceChildren();
  $("#result-count").textContent = items.length + " shown of " + total + " " + kind;
  if (kind === "incidents") {
    head.append(el("tr", {}, ...["Date", "Type", "Place", "Group", "Killed", "Injured", "Sources", ""].map((h) => el("th", { text: h }))));
    for (const inc of items) {
      const row = el("tr", { "data-id": inc.incident_id, class: "incident-row", onclick: () => { location.hash = "#/incident/" + encodeURIComponent(inc.incident_id); } },
        el("td", { text: fmt(inc.date) }),
        el("td", { text: fmt(inc.event_type) }),
        el("td", { text: place(inc.location) }),
        el("td", { text: fmt((inc.perpetrator || {}).name) }),
        el("td", { class: "killed", text: fmt(inc.killed) }),
        el("td", { class: "injured", text: fmt(inc.injured) }),
        el("td", { text: fmt(inc.source_count) }),
        el("td", {}, ...badges(inc)));
      body.append(row);
    }
  } else {
    head.append(el("tr", {}, ...["Published", "Outlet", "Title"].map((h) => el("th", { text: h }))));
    for (const art of items) {
      body.append(el("tr", { class: "article-row" },
        el("td", { text: fmt((art.published_at || "").slice(0, 10)) }),
        el("td", { text: fmt(art.outlet) }),
        el("td", {}, el("a", { href: safeUrl(art.url), target: "_blank", rel: "noopener", text: art.title || art.url }))));
    }
  }
}

// -- map (SVG from the bundled district polygons) ----------------------------------------------------
function projector(features, width, height, pad) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (coords) => {
    if (typeof coords[0] === "number") {
      minX = Math.min(minX, coords[0]); maxX = Math.max(maxX, coords[0]);
      minY = Math.min(minY, coords[1]); maxY = Math.max(maxY, coords[1]);
    } else coords.forEach(visit);
  };
  features.forEach((f) => visit(f.geometry.coordinates));
  const squash = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const scale = Math.min((width - 2 * pad) / ((maxX - minX) * squash), (height - 2 * pad) / (maxY - minY));
  return (lon, lat) => [pad + (lon - minX) * squash * scale, pad + (maxY - lat) * scale];
}

function pathData(geometry, project) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let d = "";
  for (const polygon of polygons) {
    for (const ring of polygon) {
      d += ring.map((pt, i) => {
        const [x, y] = project(pt[0], pt[1]);
        return (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
      }).join("") + "Z";
    }
  }
  return d;
}

async function drawMap() {
  if (!state.geo) state.geo = await api("/v1/geo/districts");
  const map = $("#map");
  map.replaceChildren();
  const project = projector(state.geo.features, 640, 600, 10);
  const counts = {};
  for (const inc of state.results) {
    const d = (inc.location || {}).district;
    if (d && !inc.rejected) counts[d] = (counts[d] || 0) + 1;
  }
  const most = Math.max(1, ...Object.values(counts));
  for (const f of state.geo.features) {
    const n = counts[f.properties.district] || 0;
    const path = svg("path", { d: pathData(f.geometry, project), "data-district": f.properties.district });
    if (n) path.setAttribute("style", "fill: rgba(31, 95, 168, " + (0.15 + 0.6 * n / most).toFixed(2) + ")");
    path.append(svg("title", {}, f.properties.district + ", " + f.properties.province + (n ? " — " + n + " incidents" : "")));
    map.append(path);
  }
  for (const inc of state.results) {
    const loc = inc.location || {};
    if (loc.lat === null || loc.lat === undefined || loc.lon === null || loc.lon === undefined || inc.rejected) continue;
    const [x, y] = project(loc.lon, loc.lat);
    const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (2.5 + Math.sqrt(inc.killed || 0) * 1.5).toFixed(1), class: "incident-dot", "data-id": inc.incident_id });
    dot.append(svg("title", {}, fmt(inc.date) + " " + fmt(inc.event_type) + " in " + place(loc) + ": " + fmt(inc.killed) + " killed"));
    dot.addEventListener("click", () => { location.hash = "#/incident/" + encodeURIComponent(inc.incident_id); });
    map.append(dot);
  }
}

// -- charts ---------------------------------------------------------------------------------------
function barChart(target, labels, values, title) {
  target.replaceChildren();
  const [width, height, left, bottom, top] = [720, 320, 40, 40, 24];
  target.append(svg("text", { x: left, y: 16, class: "chart-label" }, title));
  const most = Math.max(1, ...values);
  const step = (width - left - 10) / Math.max(1, labels.length);
  target.append(svg("line", { x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom, class: "chart-axis" }));
  target.append(svg("text", { x: 4, y: top + 8, class: "chart-label" }, String(most)));
  labels.forEach((label, i) => {
    const h = (height - bottom - top) * values[i] / most;
    const x = left + i * step + step * 0.1;
    const bar = svg("rect", { x: x.toFixed(1), y: (height - bottom - h).toFixed(1), width: (step * 0.8).toFixed(1), height: h.toFixed(1), class: "chart-bar", "data-period": label, "data-value": values[i] });
    bar.append(svg("title", {}, label + ": " + values[i]));
    target.append(bar);
    if (labels.length <= 24 || i % Math.ceil(labels.length / 24) === 0) {
      target.append(svg("text", { x: (x + step * 0.4).toFixed(1), y: height - bottom + 14, "text-anchor": "middle", class: "chart-label" }, label));
    }
  });
}

async function drawTrends() {
  const metric = $("#trend-metric").value;
  const params = new URLSearchParams({ by: "province", interval: "month", metric });
  for (const name of ["from", "to"]) if ($("#" + name).value) params.set(name, $("#" + name).value);
  const seq = (state.trendSeq = (state.trendSeq || 0) + 1);
  const table = await api("/v1/trends?" + params.toString());
  if (seq !== state.trendSeq) return; // a newer request (another measure) superseded this one
  const totals = new Map();
  for (const row of table.rows) totals.set(row.period, (totals.get(row.period) || 0) + row.value);
  const labels = [...totals.keys()].sort();
  barChart($("#trend-chart"), labels, labels.map((l) => totals.get(l)), "Monthly " + metric + " (rejected incidents and security operations left out)");
}

function tollChart(sources) {
  const target = $("#toll-chart");
  target.replaceChildren();
  const points = sources.filter((s) => s.published_at && s.killed !== null && s.killed !== undefined)
    .map((s) => ({ t: Date.parse(s.published_at), k: s.killed, outlet: s.outlet })).sort((a, b) => a.t - b.t);
  if (!points.length) { target.append(svg("text", { x: 10, y: 20, class: "chart-label" }, "no report gave a toll")); return; }
  const [width, height, pad] = [420, 180, 30];
  const t0 = points[0].t, t1 = points[points.length - 1].t;
  const most = Math.max(1, ...points.map((p) => p.k));
  const x = (t) => pad + (t1 > t0 ? (t - t0) / (t1 - t0) : 0.5) * (width - 2 * pad);
  const y = (k) => height - pad - k / most * (height - 2 * pad);
  target.append(svg("line", { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: "chart-axis" }));
  target.append(svg("polyline", { points: points.map((p) => x(p.t).toFixed(1) + "," + y(p.k).toFixed(1)).join(" "), fill: "none", stroke: "#a8321f" }));
  for (const p of points) {
    const dot = svg("circle", { cx: x(p.t).toFixed(1), cy: y(p.k).toFixed(1), r: 3, fill: "#a8321f" });
    dot.append(svg("title", {}, new Date(p.t).toISOString().slice(0, 16).replace("T", " ") + " " + (p.outlet || "") + ": " + p.k + " killed"));
    target.append(dot);
    target.append(svg("text", { x: x(p.t).toFixed(1), y: (y(p.k) - 6).toFixed(1), "text-anchor": "middle", class: "chart-label" }, String(p.k)));
  }
  target.append(svg("text", { x: pad, y: height - 8, class: "chart-label" }, "killed, as each report gave it (by publication time)"));
}

// -- incident page ---------------------------------------------------------------------------------
const FIELD_ROWS = [
  ["event_type", "Type", (i) => i.event_type],
  ["date", "Date", (i) => i.date],
  ["location", "Place", (i) => place(i.location)],
  ["killed", "Killed", (i) => i.killed],
  ["injured", "Injured", (i) => i.injured],
  ["attackers_killed", "Attackers killed", (i) => i.attackers_killed],
  ["kidnapped", "Kidnapped", (i) => i.kidnapped],
  ["perpetrator", "Group", (i) => (i.perpetrator || {}).name ? i.perpetrator.name + " (" + i.perpetrator.attribution + ")" : null],
  ["target_type", "Target", (i) => i.target_type],
];

function suggestionText(field, value) {
  if (value === null || value === undefined) return "—";
  if (field === "location") return place(value);
  if (field === "perpetrator") return fmt(value.name);
  return String(value);
}

function highlighted(text, mentions) {
  const spans = [];
  for (const m of mentions) {
    for (const [field, ev] of Object.entries(m.evidence || {})) {
      if (ev && !ev.in_title && Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.end > ev.start && ev.end <= text.length) spans.push({ start: ev.start, end: ev.end, field });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) { last.end = Math.max(last.end, s.end); if (!last.fields.includes(s.field)) last.fields.push(s.field); }
    else merged.push({ start: s.start, end: s.end, fields: [s.field] });
  }
  const box = el("div", { class: "text" });
  let at = 0;
  for (const s of merged) {
    box.append(text.slice(at, s.start));
    box.append(el("mark", { title: "evidence for " + s.fields.join(", ") }, text.slice(s.start, s.end), el("span", { class: "field", text: s.fields.join(", ") })));
    at = s.end;
  }
  box.append(text.slice(at));
  return box;
}

async function openIncident(id) {
  const inc = await api("/v1/incidents/" + encodeURIComponent(id));
  state.incident = inc;
  if (inc.incident_id !== id) setStatus("Incident " + id + " was merged into " + inc.incident_id + ".");
  $("#incident-title").textContent = fmt(inc.event_type) + " — " + place(inc.location) + " — " + fmt(inc.date);
  $("#incident-title").dataset.id = inc.incident_id;
  const fields = $("#incident-fields");
  fields.replaceChildren(el("tr", {}, el("th", { text: "Incident" }), el("td", { text: inc.incident_id })));
  const corrected = inc.corrected || [];
  for (const [name, label, get] of FIELD_ROWS) {
    const cell = el("td", { "data-field": name, text: fmt(get(inc)) });
    if (corrected.includes(name)) cell.append(" ", el("span", { class: "badge corrected", text: "corrected" }));
    if (inc.suggestions && name in inc.suggestions) cell.append(el("div", { class: "suggestion", text: "machine says: " + suggestionText(name, inc.suggestions[name]) }));
    fields.append(el("tr", {}, el("th", { text: label }), cell));
  }
  fields.append(el("tr", {}, el("th", { text: "Status" }), el("td", {}, ...badges(inc), inc.rejected || corrected.length ? "" : "as extracted")));
  tollChart(inc.sources || []);
  fillForms(inc);
  const [articles, history] = await Promise.all([
    api("/v1/incidents/" + encodeURIComponent(inc.incident_id) + "/articles"),
    api("/v1/incidents/" + encodeURIComponent(inc.incident_id) + "/history"),
  ]);
  const sources = $("#sources");
  sources.replaceChildren();
  for (const art of articles) {
    sources.append(el("div", { class: "source", "data-article": art.id },
      el("div", {}, el("a", { href: safeUrl(art.url), target: "_blank", rel: "noopener", text: art.title || art.url })),
      el("div", { class: "meta", text: fmt(art.outlet) + " · " + fmt((art.published_at || "").slice(0, 16).replace("T", " ")) + " · reported killed " + art.mentions.map((m) => fmt(m.killed)).join("/") }),
      highlighted(art.text || "", art.mentions)));
  }
  const list = $("#history");
  list.replaceChildren();
  for (const h of history.history) {
    const changes = Object.keys(h.after || {}).map((k) => k + ": " + suggestionText(k, (h.before || {})[k]) + " → " + suggestionText(k, h.after[k])).join("; ");
    list.append(el("li", { text: h.at.slice(0, 19).replace("T", " ") + " " + h.key_name + " (" + h.role + ") " + h.action + (changes ? " — " + changes : "") + (h.note ? " — “" + h.note + "”" : "") }));
  }
  if (!history.history.length) list.append(el("li", { text: "no corrections yet" }));
}

function fillForms(inc) {
  const form = $("#patch-form");
  form.event_type.value = inc.event_type || "other";
  form.date.value = inc.date || "";
  for (const name of ["killed", "injured", "attackers_killed", "kidnapped"]) form[name].value = inc[name] === null || inc[name] === undefined ? "" : inc[name];
  form.group.value = (inc.perpetrator || {}).name || "";
  form.attribution.value = (inc.perpetrator || {}).attribution || "unknown";
  form.target_type.value = inc.target_type || "other";
  form.district.value = "";
  form.note.value = "";
  const choices = $("#split-choices");
  choices.replaceChildren();
  for (const s of inc.sources || []) {
    choices.append(el("label", {}, el("input", { type: "checkbox", value: s.mention_id, name: "mention" }), " " + fmt(s.outlet) + ": " + (s.title || s.url)));
  }
  $("#reject-btn").textContent = inc.rejected ? "Restore (it is an incident)" : "Not an incident (reject)";
  $("#correct-panel").hidden = state.me.role !== "analyst";
}

function patchBody(form, inc) {
  const body = {};
  if (form.event_type.value !== inc.event_type) body.event_type = form.event_type.value;
  if (form.date.value && form.date.value !== (inc.date || "")) body.date = form.date.value;
  for (const name of ["killed", "injured", "attackers_killed", "kidnapped"]) {
    const raw = form[name].value.trim();
    const value = raw === "" ? null : Number(raw);
    if (value !== (inc[name] === undefined ? null : inc[name])) body[name] = value;
  }
  const perp = inc.perpetrator || {};
  if (form.group.value !== (perp.name || "") || (form.group.value && form.attribution.value !== perp.attribution)) {
    body.perpetrator = { name: form.group.value || null, attribution: form.attribution.value === "unknown" && form.group.value ? "blamed" : form.attribution.value };
  }
  if (form.target_type.value !== inc.target_type) body.target_type = form.target_type.value;
  if (form.district.value) body.location = { district: form.district.value };
  if (form.note.value.trim()) body.note = form.note.value.trim();
  return body;
}

async function afterChange(message, id) {
  state.lastSearch = null;
  await openIncident(id);
  setStatus(message);
}

async function submitPatch(event) {
  event.preventDefault();
  const inc = state.incident;
  const body = patchBody(event.target, inc);
  if (!Object.keys(body).length) { setStatus("Nothing changed."); return; }
  try {
    const saved = await api("/v1/incidents/" + encodeURIComponent(inc.incident_id), { method: "PATCH", json: body });
    await afterChange("Correction saved.", saved.incident_id);
  } catch (err) { setStatus("Not saved: " + err.message, true); }
}

async function submitSplit(event) {
  event.preventDefault();
  const ids = [...event.target.querySelectorAll("input[name=mention]:checked")].map((c) => c.value);
  if (!ids.length) { setStatus("Tick the reports to split off.", true); return; }
  try {
    const result = await api("/v1/incidents/" + encodeURIComponent(state.incident.incident_id) + "/split", { method: "POST", json: { mention_ids: ids } });
    await afterChange("Split: the ticked reports are now incident " + result.new_incident.incident_id + ".", result.incident.incident_id);
  } catch (err) { setStatus("Not split: " + err.message, true); }
}

async function submitMerge(event) {
  event.preventDefault();
  const others = event.target.others.value.split(/[\s,]+/).filter(Boolean);
  try {
    const result = await api("/v1/incidents/merge", { method: "POST", json: { incident_ids: [state.incident.incident_id, ...others] } });
    event.target.others.value = "";
    location.hash = "#/incident/" + encodeURIComponent(result.incident_id);
    await afterChange("Merged into " + result.incident_id + ".", result.incident_id);
  } catch (err) { setStatus("Not merged: " + err.message, true); }
}

async function submitReject(event) {
  event.preventDefault();
  const note = event.target.note.value.trim();
  try {
    await api("/v1/incidents/" + encodeURIComponent(state.incident.incident_id) + "/reject", { method: "POST", json: { rejected: !state.incident.rejected, note: note || null } });
    event.target.note.value = "";
    await afterChange(state.incident.rejected ? "Restored." : "Rejected: left out of counts, kept for training.", state.incident.incident_id);
  } catch (err) { setStatus("Not changed: " + err.message, true); }
}

// -- wiring ----------------------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  $("#login-form").addEventListener("submit", (e) => { e.preventDefault(); signIn($("#key").value.trim()); });
  $("#logout").addEventListener("click", signOut);
  $("#search-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    try { await search(); if (location.hash !== "#/search") location.hash = "#/search"; } catch (err) { setStatus(err.message, true); }
  });
  $("#trend-metric").addEventListener("change", () => drawTrends().catch((err) => setStatus(err.message, true)));
  $("#patch-form").addEventListener("submit", submitPatch);
  $("#split-form").addEventListener("submit", submitSplit);
  $("#merge-form").addEventListener("submit", submitMerge);
  $("#reject-form").addEventListener("submit", submitReject);
  window.addEventListener("hashchange", route);
  const saved = sessionStorage.getItem(KEY_STORE);
  if (saved) signIn(saved);
});
