/* newsgraph web page: a single page over the JSON API, no build step, no dependencies.
 *
 * Every string from the API is untrusted article data. The page therefore builds its DOM
 * with createElement / textContent only (never innerHTML), links out only to http(s) URLs,
 * and never sets style attributes (the CSP forbids them); colours come from classes.
 */
"use strict";

(() => {
  const TOKEN_KEY = "newsgraph-token";
  const SVG_NS = "http://www.w3.org/2000/svg";
  const view = document.getElementById("view");
  const statusEl = document.getElementById("status");
  const searchForm = document.getElementById("search-form");
  const searchInput = document.getElementById("search-input");

  // CAMEO root codes, so an event reads "Consult" rather than "04".
  const CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
    "04": "Consult", "05": "Diplomatic cooperation", "06": "Material cooperation",
    "07": "Provide aid", "08": "Yield", "09": "Investigate", "10": "Demand",
    "11": "Disapprove", "12": "Reject", "13": "Threaten", "14": "Protest",
    "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Mass violence",
  };
  const QUAD_CLASSES = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
  };
  const TYPE_LABELS = { person: "person", organisation: "org", org: "org", country: "country" };
  const EXPORT_TABLES = {
    documents: "one row per article: title, authors, site, url, dates and text",
    actors: "resolved actors with their type, CAMEO code and aliases",
    mentions: "every actor mention with its offsets and sentence",
    quotes: "quotations with speaker, cue, kind and sentence",
    events: "CAMEO events: source, target, Goldstein value, status, date and place",
    counts: "counted things: killed, injured, displaced, arrested…",
    dates: "date expressions resolved to calendar dates",
    places: "place names with country and coordinates",
  };

  /* ---------- DOM helpers: the only way this file creates elements ---------- */

  function h(tag, attrs, ...children) {
    return fill(document.createElement(tag), attrs, children);
  }

  function s(tag, attrs, ...children) {
    return fill(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function fill(el, attrs, children) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.setAttribute("class", value);
      else if (key === "text") el.textContent = String(value);
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  /** An http(s) URL from article data, or null: never javascript:, data:, relative... */
  function safeUrl(raw) {
    if (typeof raw !== "string" || !raw) return null;
    try {
      const url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function route(...parts) {
    return "#/" + parts.map((part) => encodeURIComponent(String(part))).join("/");
  }

  function withQuery(base, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== "") query.set(key, value);
    }
    const text = query.toString();
    return text ? base + "?" + text : base;
  }

  function list(value) {
    if (Array.isArray(value)) return value;
    if (value && Array.isArray(value.items)) return value.items;
    return [];
  }

  function pick(obj, ...keys) {
    for (const key of keys) {
      if (obj && obj[key] !== undefined && obj[key] !== null && obj[key] !== "") return obj[key];
    }
    return null;
  }

  function truncate(text, max) {
    const str = String(text || "");
    return str.length > max ? str.slice(0, max - 1).trimEnd() + "…" : str;
  }

  function plural(n, word, many) {
    return `${n} ${n === 1 ? word : many || word + "s"}`;
  }

  function fmtNumber(n) {
    return typeof n === "number" ? n.toLocaleString("en") : String(n ?? "");
  }

  function fmtGoldstein(g) {
    if (typeof g !== "number") return "";
    return (g > 0 ? "+" : "") + g.toFixed(1);
  }

  /** Text with every occurrence of the search terms wrapped in <mark class="hit">. */
  function withHits(text, terms) {
    const str = String(text || "");
    if (!terms.length) return [str];
    const lower = str.toLowerCase();
    const out = [];
    let pos = 0;
    while (pos < str.length) {
      let best = -1;
      let bestLen = 0;
      for (const term of terms) {
        const at = lower.indexOf(term, pos);
        if (at !== -1 && (best === -1 || at < best)) {
          best = at;
          bestLen = term.length;
        }
      }
      if (best === -1) break;
      out.push(str.slice(pos, best), h("mark", { class: "hit" }, str.slice(best, best + bestLen)));
      pos = best + bestLen;
    }
    out.push(str.slice(pos));
    return out;
  }

  function searchTerms(query) {
    return String(query || "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((term) => term.length > 1);
  }

  /* ---------- API ---------- */

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  function authHeaders() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { Authorization: "Bearer " + token } : {};
  }

  async function request(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value === null || value === undefined || value === "") continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        url.searchParams.append(key, item);
      }
    }
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json", ...authHeaders() } });
    } catch (err) {
      throw new ApiError(0, "network", "Cannot reach the newsgraph server. Is `newsgraph serve` running?");
    }
    if (!response.ok) {
      let detail = null;
      try {
        detail = (await response.json()).error;
      } catch {
        detail = null;
      }
      throw new ApiError(
        response.status,
        (detail && detail.code) || "http_" + response.status,
        (detail && detail.message) || `${response.status} ${response.statusText}`,
      );
    }
    return response;
  }

  async function getJSON(path, params) {
    return (await request(path, params)).json();
  }

  /* ---------- status line, loading, errors, empty states ---------- */

  let statusTimer = null;

  function flashStatus(message, kind) {
    statusEl.textContent = message;
    statusEl.className = "status visible " + (kind || "");
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      statusEl.className = "status";
    }, 4000);
  }

  function loading(what) {
    return h("div", { class: "loading", "aria-busy": "true" },
      h("span", { class: "spinner", "aria-hidden": "true" }), `Loading ${what || ""}…`);
  }

  function empty(message, hint) {
    return h("div", { class: "empty" }, h("p", {}, message), hint ? h("p", { class: "muted" }, hint) : null);
  }

  function errorBox(err) {
    const title = err.status === 404 ? "Not found" : err.status === 0 ? "Server unreachable" : "Something went wrong";
    return h("div", { class: "error-box", role: "alert" },
      h("h2", {}, title),
      h("p", {}, err.message || String(err)),
      h("p", { class: "muted" }, err.status ? `HTTP ${err.status} · ${err.code}` : ""),
      h("p", {}, h("button", { type: "button", onclick: () => render() }, "Try again"), " ",
        h("a", { href: "#/" }, "Back to home")));
  }

  function tokenForm(refused) {
    const input = h("input", {
      id: "token-input", type: "password", name: "token", required: true,
      autocomplete: "current-password", "aria-label": "Access token",
    });
    // A named user field lets password managers file the token; it is never sent.
    const user = h("input", { type: "text", name: "username", autocomplete: "username",
      value: "newsgraph", hidden: true, tabindex: "-1", "aria-hidden": "true" });
    const form = h("form", { id: "token-form", class: "token-form" }, user,
      h("h1", {}, "Access token needed"),
      h("p", {}, "This newsgraph server was started with a token. Enter it to read the data; ",
        "it is kept in this tab only (sessionStorage)."),
      refused ? h("p", { class: "error-text" }, "The server refused that token.") : null,
      h("div", { class: "row" }, input, h("button", { type: "submit" }, "Continue")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      render();
    });
    setTimeout(() => input.focus(), 0);
    return form;
  }

  /* ---------- shared pieces ---------- */

  function typeBadge(type) {
    const label = TYPE_LABELS[type] || type || "actor";
    return h("span", { class: "badge type-" + label }, label);
  }

  function docMeta(doc) {
    const parts = [];
    if (doc.published) parts.push(h("time", { datetime: doc.published }, doc.published));
    if (doc.site) parts.push(h("span", { class: "site" }, doc.site));
    const authors = list(doc.authors).filter(Boolean);
    if (authors.length) parts.push(h("span", { class: "authors" }, authors.join(", ")));
    if (typeof doc.words === "number") parts.push(h("span", {}, plural(doc.words, "word")));
    const out = [];
    parts.forEach((part, i) => out.push(i ? h("span", { class: "sep", "aria-hidden": "true" }, "·") : null, part));
    return h("div", { class: "meta" }, out);
  }

  function docCard(doc, terms) {
    return h("li", { class: "result result-document" },
      h("a", { class: "result-link", href: route("doc", doc.id) },
        h("span", { class: "result-title" }, withHits(doc.title || "(untitled)", terms || []))),
      docMeta(doc));
  }

  function actorCard(actor, terms) {
    const mentions = typeof actor.mentions === "number" ? actor.mentions : null;
    return h("li", { class: "result result-actor" },
      h("a", { class: "result-link", href: route("actor", actor.id) },
        h("span", { class: "result-title" }, withHits(actor.name, terms || []))),
      h("div", { class: "meta" }, typeBadge(actor.type),
        actor.code ? h("code", {}, actor.code) : null,
        mentions !== null ? h("span", {}, plural(mentions, "mention")) : null));
  }

  function quoteCard(quote, terms) {
    const docId = pick(quote, "doc_id", "document_id", "document");
    const speaker = pick(quote, "speaker", "speaker_text") || "unattributed";
    const target = docId ? withQuery(route("doc", docId), { at: quote.start }) : null;
    const body = h("span", { class: "quote-text" }, withHits(truncate(quote.text, 320), terms || []));
    return h("li", { class: "result result-quote kind-" + (quote.kind || "direct") },
      target ? h("a", { class: "result-link", href: target }, body) : body,
      h("div", { class: "meta" },
        h("span", { class: "speaker" }, "— " + speaker),
        quote.kind ? h("span", { class: "badge" }, quote.kind) : null,
        quote.title ? h("span", { class: "muted" }, truncate(quote.title, 90)) : null,
        quote.published ? h("time", {}, quote.published) : null));
  }

  function section(title, count, body, extra) {
    return h("section", { class: "panel" },
      h("h2", {}, title, count !== null && count !== undefined ? h("span", { class: "count" }, fmtNumber(count)) : null),
      extra || null, body);
  }

  function resultList(items, card, emptyText, terms) {
    if (!items.length) return empty(emptyText);
    return h("ol", { class: "results" }, items.map((item) => card(item, terms)));
  }

  /* ---------- views ---------- */

  async function homeView() {
    const [health, docs, actors] = await Promise.all([
      getJSON("/api/health"),
      getJSON("/api/documents", { limit: 15 }),
      getJSON("/api/actors", { limit: 15 }),
    ]);
    document.title = "newsgraph";
    const total = typeof health.documents === "number" ? health.documents : list(docs).length;
    if (!total) {
      return h("div", { class: "home" },
        h("h1", {}, "No articles yet"),
        empty("This database holds no articles.",
          "Add some with `newsgraph ingest PATH --db URL`, then reload this page."));
    }
    return h("div", { class: "home" },
      h("div", { class: "hero" },
        h("h1", {}, "Your news archive"),
        h("p", { class: "muted" },
          `${plural(total, "article")} · press / to search articles, quotes and actors · `,
          h("a", { href: "#/network" }, "see who did what to whom"))),
      h("div", { id: "results", class: "columns" },
        section("Recent articles", docs.total ?? null,
          resultList(list(docs), docCard, "No articles.")),
        section("Most mentioned actors", actors.total ?? null,
          resultList(list(actors), actorCard, "No actors found."))));
  }

  async function searchView(params) {
    const q = (params.get("q") || "").trim();
    searchInput.value = q;
    document.title = q ? `${q} — newsgraph search` : "Search — newsgraph";
    if (!q) {
      return h("div", { id: "results" }, empty("Type something to search for.",
        "Words match article titles and text, quotations and actor names."));
    }
    const found = await getJSON("/api/search", { q, limit: 25 });
    const terms = searchTerms(q);
    const docs = list(found.documents);
    const quotes = list(found.quotes);
    const actors = list(found.actors);
    const total = docs.length + quotes.length + actors.length;
    const kinds = [
      ["Articles", "articles", docs, docCard],
      ["Actors", "actors", actors, actorCard],
      ["Quotes", "quotes", quotes, quoteCard],
    ];
    // Only kinds with results get a column; the others are named in one line.
    const missing = kinds.filter(([, , items]) => !items.length).map(([, word]) => word);
    return h("div", { class: "search" },
      h("h1", { class: "search-title" }, "Results for ", h("q", {}, q)),
      total ? null : empty(`Nothing matches “${q}”.`, "Try fewer or different words."),
      total && missing.length ? h("p", { class: "muted small" }, `No ${missing.join(" or ")} match.`) : null,
      h("div", { id: "results", class: total ? "columns" : "hidden" },
        kinds.filter(([, , items]) => items.length).map(([title, , items, card]) =>
          section(title, items.length, resultList(items, card, "", terms)))));
  }

  /* --- article reader --- */

  function eventTone(event) {
    const quad = Number(event.quad_class);
    return quad === 1 || quad === 2 ? "cooperation" : quad === 3 || quad === 4 ? "conflict" : "neutral";
  }

  function eventLabel(event) {
    const code = pick(event, "code", "cameo_code", "cameo") || "";
    const root = pick(event, "root", "root_code") || code.slice(0, 2);
    return `${CAMEO_ROOTS[root] || "Event"} (${code})`;
  }

  function eventSentence(event) {
    const source = pick(event, "source_name", "source", "source_text") || "?";
    const target = pick(event, "target_name", "target", "target_text") || "?";
    return `${source} → ${target}`;
  }

  /** All highlightable spans of a document, outermost layer first for equal offsets. */
  function docSpans(doc) {
    const spans = [];
    const textLength = (doc.text || "").length;
    const add = (kind, layer, item, index) => {
      const start = Number(item.start);
      const end = Number(item.end);
      if (!Number.isInteger(start) || !Number.isInteger(end)) return;
      if (start < 0 || end > textLength || end <= start) return;
      spans.push({ kind, layer, item, index, start, end });
    };
    list(doc.quotes).forEach((item, i) => add("quote", 0, item, i));
    list(doc.mentions).forEach((item, i) => add("actor", 1, item, i));
    list(doc.events).forEach((item, i) => add("event", 2, item, i));
    // One mark per kind and offsets: two events coded on one trigger share a mark.
    const merged = new Map();
    for (const span of spans) {
      const key = `${span.kind}:${span.start}:${span.end}`;
      if (merged.has(key)) merged.get(key).others.push(span.item);
      else merged.set(key, { ...span, others: [] });
    }
    return Array.from(merged.values());
  }

  function sortSpans(spans) {
    return spans.sort((a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer);
  }

  function markFor(span) {
    const { kind, item, index } = span;
    const attrs = { class: "hl hl-" + kind, id: `hl-${kind}-${index}`, "data-start": span.start };
    if (kind === "actor") {
      const type = TYPE_LABELS[item.type] || "actor";
      attrs.class += " type-" + type;
      attrs["data-actor"] = item.actor_id || "";
      attrs["data-label"] = item.code || type;
      attrs.title = `${item.actor || item.text} · ${type}${item.code ? " · " + item.code : ""}`;
    } else if (kind === "quote") {
      const speaker = pick(item, "speaker", "speaker_text") || "unattributed";
      const spoken = item.speaker_text && item.speaker && item.speaker_text !== item.speaker
        ? ` (“${item.speaker_text}”)` : "";
      attrs.class += " kind-" + (item.kind || "direct");
      attrs.title = `Quote (${item.kind || "direct"}) · speaker: ${speaker}${spoken}` +
        (item.cue ? ` · cue: ${item.cue}` : "");
    } else {
      const all = [item, ...span.others];
      attrs.class += " tone-" + eventTone(item) + (item.status && item.status !== "fact" ? " not-fact" : "");
      attrs["data-label"] = Array.from(new Set(all.map((e) => pick(e, "code", "cameo_code", "cameo") || "event"))).join(" ");
      attrs.title = all.map((e) => `${eventLabel(e)} · ${eventSentence(e)} · Goldstein ${fmtGoldstein(e.goldstein)}` +
        (e.status && e.status !== "fact" ? ` · ${e.status}` : "") + (e.date ? ` · ${e.date}` : "")).join("\n");
    }
    return h("mark", attrs);
  }

  /**
   * Append text[from, to) to parent with spans as nested <mark>s. A span that starts inside
   * another but ends after it is split at the outer span's end, so marks always nest.
   */
  function renderSpans(parent, text, from, to, spans) {
    let pos = from;
    let pending = sortSpans(spans.slice());
    while (pending.length) {
      const outer = pending.shift();
      if (outer.start < pos) continue;
      parent.append(text.slice(pos, outer.start));
      const inner = [];
      const rest = [];
      while (pending.length && pending[0].start < outer.end) {
        const span = pending.shift();
        if (span.end <= outer.end) {
          inner.push(span);
        } else {
          inner.push({ ...span, end: outer.end, split: true });
          rest.push({ ...span, start: outer.end, split: true });
        }
      }
      const mark = markFor(outer);
      if (outer.split) mark.removeAttribute("id");
      renderSpans(mark, text, outer.start, outer.end, inner.filter((x) => x.end > x.start));
      parent.append(mark);
      pos = outer.end;
      pending = sortSpans(rest.concat(pending));
    }
    parent.append(text.slice(pos, to));
  }

  function focusMark(selector) {
    const marks = Array.from(document.querySelectorAll(selector));
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
    for (const mark of marks) {
      mark.classList.remove("flash");
      void mark.getBoundingClientRect();
      mark.classList.add("flash");
    }
  }

  function jumpButton(label, selector, title) {
    return h("button", { type: "button", class: "jump", title: title || "Show in the text",
      onclick: () => focusMark(selector) }, label);
  }

  function recordPanel(doc) {
    const byActor = new Map();
    for (const mention of list(doc.mentions)) {
      const key = mention.actor_id || mention.actor || mention.text;
      const entry = byActor.get(key) || { mention, count: 0 };
      entry.count += 1;
      byActor.set(key, entry);
    }
    const actors = Array.from(byActor.values()).sort((a, b) => b.count - a.count);
    const quotes = list(doc.quotes);
    const events = list(doc.events);
    const places = list(doc.places);
    const dates = list(doc.dates);
    const counts = list(doc.counts);

    const group = (title, items, row, emptyText) => h("details", { class: "record-group", open: true },
      h("summary", {}, title, h("span", { class: "count" }, fmtNumber(items.length))),
      items.length ? h("ul", {}, items.map(row)) : h("p", { class: "muted small" }, emptyText));

    return h("aside", { id: "record-panel", class: "record-panel", "aria-label": "Extracted record" },
      h("h2", {}, "Extracted record"),
      group("Actors", actors, ({ mention, count }) => h("li", { class: "record-actor" },
        h("span", { class: "who" }, mention.actor_id
          ? h("a", { href: route("actor", mention.actor_id) }, mention.actor || mention.text)
          : h("span", {}, mention.actor || mention.text),
        " ", typeBadge(mention.type), mention.code ? h("code", {}, mention.code) : null),
        jumpButton("×" + count, `mark.hl-actor[data-actor="${CSS.escape(mention.actor_id || "")}"]`)),
      "No actors found."),
      group("Quotes", quotes, (quote) => h("li", { class: "record-quote" },
        h("button", { type: "button", class: "linklike",
          onclick: () => focusMark(`mark.hl-quote[data-start="${Number(quote.start)}"]`) },
          "“" + truncate(quote.text, 140) + "”"),
        h("div", { class: "small" }, "— ",
          quote.speaker_actor_id
            ? h("a", { href: route("actor", quote.speaker_actor_id) }, pick(quote, "speaker", "speaker_text"))
            : h("span", {}, pick(quote, "speaker", "speaker_text") || "unattributed"),
          quote.speaker_text && quote.speaker && quote.speaker_text !== quote.speaker
            ? h("span", { class: "muted" }, ` (“${quote.speaker_text}”)`) : null,
          " ", h("span", { class: "badge" }, quote.kind || "quote"))),
      "No quotations found."),
      group("Events", events, (event) => h("li", { class: "record-event tone-" + eventTone(event) },
        h("button", { type: "button", class: "linklike",
          onclick: () => focusMark(`mark.hl-event[data-start="${Number(event.start)}"]`) },
          eventLabel(event)),
        h("div", { class: "small" }, actorLink(event, "source"), " → ", actorLink(event, "target")),
        h("div", { class: "small muted" },
          `Goldstein ${fmtGoldstein(event.goldstein)}`,
          event.date ? ` · ${event.date}` : "",
          event.status && event.status !== "fact" ? ` · ${event.status}` : "")),
      "No events found."),
      group("Places", places, (place) => h("li", {}, place.name || place.text,
        place.country ? h("code", {}, place.country) : null,
        typeof place.lat === "number" && typeof place.lon === "number"
          ? h("span", { class: "muted small" }, ` ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}`) : null),
      "No places found."),
      group("Dates", dates, (date) => {
        const first = pick(date, "value", "date_start");
        const last = date.date_end && date.date_end !== first ? ` – ${date.date_end}` : "";
        return h("li", {}, h("span", {}, date.text),
          first ? h("span", { class: "muted small" }, ` → ${first}${last}`) : null);
      },
      "No dates found."),
      group("Counts", counts, (count) => h("li", {},
        h("strong", {}, fmtNumber(count.number)), " ", count.object || "", " ",
        h("span", { class: "muted small" }, [count.kind, count.qualifier].filter(Boolean).join(", "))),
      "No counts found."));
  }

  function actorLink(event, role) {
    const name = pick(event, role + "_name", role, role + "_text");
    const id = pick(event, role + "_actor_id");
    if (!name) return h("span", { class: "muted" }, "?");
    return id ? h("a", { href: route("actor", id) }, name) : h("span", {}, name);
  }

  function legend(textEl) {
    const toggle = (kind, label, cls) => {
      const box = h("input", { type: "checkbox", checked: true, "data-kind": kind });
      box.addEventListener("change", () => textEl.classList.toggle("hide-" + kind, !box.checked));
      return h("label", { class: "legend-item" }, box, h("span", { class: "swatch " + cls }), label);
    };
    return h("div", { class: "legend", role: "group", "aria-label": "Highlights" },
      toggle("actor", "actors", "sw-actor"),
      toggle("quote", "quotes", "sw-quote"),
      toggle("event", "events", "sw-event"),
      h("span", { class: "legend-key muted small" },
        h("span", { class: "swatch sw-person" }), "person ",
        h("span", { class: "swatch sw-org" }), "org ",
        h("span", { class: "swatch sw-country" }), "country ",
        h("span", { class: "swatch sw-coop" }), "cooperation ",
        h("span", { class: "swatch sw-conflict" }), "conflict"));
  }

  async function docView(id, params) {
    const doc = await getJSON("/api/documents/" + encodeURIComponent(id));
    document.title = `${doc.title || "Article"} — newsgraph`;
    const text = String(doc.text || "");
    const textEl = h("div", { id: "article-text", class: "article-text" });
    renderSpans(textEl, text, 0, text.length, docSpans(doc));
    const url = safeUrl(doc.url);
    const article = h("article", { class: "reader" },
      h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Home"), " / article"),
      h("h1", { id: "article-title", tabindex: "-1" }, doc.title || "(untitled)"),
      docMeta(doc),
      h("p", { class: "source-line small" },
        url ? h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", class: "source-link" },
          "Original page ↗")
          : doc.url ? h("span", { class: "muted unsafe-url", title: "Not an http(s) link, so not linked" },
            "Source (not linked): ", h("code", {}, truncate(doc.url, 80))) : null,
        doc.language ? h("span", { class: "muted" }, ` · language ${doc.language}`) : null,
        h("span", { class: "muted" }, ` · id ${doc.id}`)),
      legend(textEl),
      text ? textEl : empty("This article has no stored text."));
    const at = params.get("at");
    if (at !== null) {
      setTimeout(() => focusMark(`mark.hl[data-start="${Number(at)}"]`), 50);
    }
    return h("div", { class: "doc-layout" }, article, recordPanel(doc));
  }

  /* --- actor page --- */

  function eventRow(event, role) {
    const docId = pick(event, "doc_id", "document_id", "document");
    const other = role === "source" ? "target" : "source";
    return h("li", { class: "event-row tone-" + eventTone(event) },
      h("span", { class: "dot", "aria-hidden": "true" }),
      h("div", {},
        h("div", {}, h("strong", {}, eventLabel(event)), " ",
          role === "source" ? "→ " : "← ", actorLink(event, other)),
        h("div", { class: "small muted" },
          [event.date, `Goldstein ${fmtGoldstein(event.goldstein)}`,
            event.status && event.status !== "fact" ? event.status : null].filter(Boolean).join(" · "),
          docId ? [" · ", h("a", { href: withQuery(route("doc", docId), { at: event.start }) },
            event.title ? truncate(event.title, 70) : "in article")] : null)));
  }

  function timelineChart(days) {
    const points = list(days)
      .map((day) => ({ ...day, time: Date.parse(day.date + "T00:00:00Z") }))
      .filter((day) => !Number.isNaN(day.time))
      .sort((a, b) => a.time - b.time);
    if (!points.length) return empty("No dated events or quotes for this actor.");
    const width = 760;
    const height = 170;
    const pad = { left: 34, right: 14, top: 12, bottom: 30 };
    const first = points[0].time;
    const last = points[points.length - 1].time;
    const span = Math.max(last - first, 86400000);
    const max = Math.max(1, ...points.map((p) => (p.events || 0) + (p.quotes || 0)));
    const plotW = width - pad.left - pad.right;
    const plotH = height - pad.top - pad.bottom;
    const barW = Math.max(4, Math.min(18, plotW / Math.max(points.length * 2, 1)));
    const x = (t) => pad.left + (points.length === 1 ? plotW / 2 : ((t - first) / span) * (plotW - barW)) ;
    const y = (v) => pad.top + plotH - (v / max) * plotH;
    const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-chart", role: "img",
      "aria-label": "Events and quotes per day" });
    svg.append(s("line", { x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0), class: "axis" }));
    svg.append(s("text", { x: pad.left - 6, y: y(max) + 4, class: "tick", "text-anchor": "end" }, String(max)));
    svg.append(s("text", { x: pad.left - 6, y: y(0), class: "tick", "text-anchor": "end" }, "0"));
    for (const p of points) {
      const ev = p.events || 0;
      const qu = p.quotes || 0;
      const bx = x(p.time);
      const g = s("g", { class: "day" },
        s("title", {}, `${p.date}: ${plural(ev, "event")}, ${plural(qu, "quote")}`));
      if (ev) g.append(s("rect", { x: bx, y: y(ev), width: barW, height: y(0) - y(ev), class: "bar-events" }));
      if (qu) g.append(s("rect", { x: bx, y: y(ev + qu), width: barW, height: y(ev) - y(ev + qu), class: "bar-quotes" }));
      svg.append(g);
    }
    for (const tick of timeTicks(first, last)) {
      const tx = x(tick.time) + barW / 2;
      svg.append(s("line", { x1: tx, x2: tx, y1: y(0), y2: y(0) + 4, class: "axis" }),
        s("text", { x: tx, y: height - 8, class: "tick", "text-anchor": "middle" }, tick.label));
    }
    return h("div", { class: "timeline" }, svg,
      h("div", { class: "legend small muted" },
        h("span", { class: "swatch sw-events" }), "events ", h("span", { class: "swatch sw-quotes" }), "quotes"));
  }

  /** A list of chips showing the first ``shown``, with a button for the rest. */
  function chipList(chips, shown) {
    const items = chips.map((chip, i) => h("li", { class: i < shown ? null : "hidden" }, chip));
    const listEl = h("ul", { class: "chips" }, items);
    if (chips.length <= shown) return listEl;
    const more = h("button", { type: "button", class: "secondary more" }, `Show all ${chips.length}`);
    more.addEventListener("click", () => {
      items.forEach((item) => item.classList.remove("hidden"));
      more.remove();
    });
    return h("div", {}, listEl, more);
  }

  /** Year ticks for long spans, month ticks for short ones, at most about a dozen. */
  function timeTicks(first, last) {
    const start = new Date(first);
    const end = new Date(last);
    const years = end.getUTCFullYear() - start.getUTCFullYear();
    const ticks = [];
    if (years >= 2) {
      const step = Math.ceil(years / 10);
      for (let year = start.getUTCFullYear() + 1; year <= end.getUTCFullYear(); year += step) {
        ticks.push({ time: Date.UTC(year, 0, 1), label: String(year) });
      }
    } else {
      const months = years * 12 + end.getUTCMonth() - start.getUTCMonth();
      const step = Math.max(1, Math.ceil(months / 10));
      for (let m = 0; m <= months; m += step) {
        const time = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
        if (time >= first && time <= last) {
          ticks.push({ time, label: new Date(time).toISOString().slice(0, 7) });
        }
      }
    }
    if (!ticks.length) ticks.push({ time: first, label: new Date(first).toISOString().slice(0, 10) });
    return ticks;
  }

  async function actorView(id) {
    const [actor, docs] = await Promise.all([
      getJSON("/api/actors/" + encodeURIComponent(id)),
      getJSON("/api/documents", { actor: id, limit: 20 }).catch(() => ({ items: [] })),
    ]);
    document.title = `${actor.name} — newsgraph`;
    const quotes = list(actor.quotes);
    const did = list(actor.events_as_source);
    const done = list(actor.events_as_target);
    const co = list(actor.co_occurring);
    const aliases = list(actor.aliases).filter((alias) => alias && alias !== actor.name);
    const mentions = typeof actor.mentions === "number" ? actor.mentions : list(actor.mentions).length;
    return h("div", { class: "actor" },
      h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Home"), " / actor"),
      h("header", { class: "actor-head" },
        h("h1", { id: "actor-name", tabindex: "-1" }, actor.name),
        h("div", { class: "meta" }, typeBadge(actor.type), actor.code ? h("code", {}, actor.code) : null,
          h("span", {}, plural(mentions, "mention")), h("span", {}, plural(quotes.length, "quote")),
          h("span", {}, plural(did.length + done.length, "event")),
          h("a", { href: withQuery("#/network", { actor: actor.id }) }, "Network around this actor")),
        aliases.length ? h("p", { class: "aliases" }, "Also called: ",
          aliases.map((alias, i) => [i ? ", " : "", h("span", { class: "alias" }, alias)])) : null),
      h("section", { id: "actor-timeline", class: "panel" }, h("h2", {}, "Timeline"), timelineChart(actor.timeline)),
      h("div", { class: "columns" },
        section("What they did", did.length,
          did.length ? h("ul", { class: "events" }, did.map((e) => eventRow(e, "source"))) : empty("No events with this actor as source.")),
        section("Done to them", done.length,
          done.length ? h("ul", { class: "events" }, done.map((e) => eventRow(e, "target"))) : empty("No events with this actor as target."))),
      h("div", { class: "columns" },
        section("What they said", quotes.length, resultList(quotes, quoteCard, "No quotations attributed.")),
        h("div", {},
          section("Often mentioned with", co.length, co.length
            ? chipList(co.map((other) => h("a", { href: route("actor", other.id), class: "chip" },
              other.name, h("span", { class: "count" }, fmtNumber(other.count)))), 20)
            : empty("No other actors in the same articles.")),
          section("Articles", docs.total ?? list(docs).length, resultList(list(docs), docCard, "No articles.")))));
  }

  /* --- network --- */

  /** Connected components of the undirected graph, largest first (ties: input order). */
  function components(n, links) {
    const parent = Array.from({ length: n }, (_, i) => i);
    const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (const [a, b] of links) parent[find(a)] = find(b);
    const groups = new Map();
    for (let i = 0; i < n; i += 1) {
      const root = find(i);
      if (!groups.has(root)) groups.set(root, []);
      groups.get(root).push(i);
    }
    return Array.from(groups.values()).sort((a, b) => b.length - a.length || a[0] - b[0]);
  }

  /**
   * Fruchterman-Reingold on one component, in pixels: a deterministic start on a circle
   * and a fixed number of cooling steps, so the same data always gives the same picture.
   */
  function forceLayout(members, links, ideal) {
    const n = members.length;
    const pos = members.map((_, i) => {
      const angle = (2 * Math.PI * i) / n;
      const radius = ideal * Math.sqrt(n) * 0.6;
      return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
    });
    if (n === 1) return [{ x: 0, y: 0 }];
    let temperature = ideal * Math.sqrt(n) * 0.5;
    for (let step = 0; step < 320; step += 1) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i += 1) {
        for (let j = i + 1; j < n; j += 1) {
          let dx = pos[i].x - pos[j].x;
          let dy = pos[i].y - pos[j].y;
          if (Math.abs(dx) + Math.abs(dy) < 0.01) { dx = 0.1 * (j - i); dy = 0.1; }
          const dist = Math.hypot(dx, dy);
          const force = (ideal * ideal) / dist;
          disp[i].x += (dx / dist) * force; disp[i].y += (dy / dist) * force;
          disp[j].x -= (dx / dist) * force; disp[j].y -= (dy / dist) * force;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[a].x - pos[b].x;
        const dy = pos[a].y - pos[b].y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        const force = (dist * dist) / ideal;
        disp[a].x -= (dx / dist) * force; disp[a].y -= (dy / dist) * force;
        disp[b].x += (dx / dist) * force; disp[b].y += (dy / dist) * force;
      }
      for (let i = 0; i < n; i += 1) {
        disp[i].x -= pos[i].x * 0.4;
        disp[i].y -= pos[i].y * 0.4;
        const len = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
        pos[i].x += (disp[i].x / len) * Math.min(len, temperature);
        pos[i].y += (disp[i].y / len) * Math.min(len, temperature);
      }
      temperature = Math.max(temperature * 0.98, 0.5);
    }
    return alongWidth(pos);
  }

  /** Rotate points so their main axis runs horizontally: pages are wider than tall. */
  function alongWidth(pos) {
    const n = pos.length;
    const mx = pos.reduce((sum, p) => sum + p.x, 0) / n;
    const my = pos.reduce((sum, p) => sum + p.y, 0) / n;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (const p of pos) {
      sxx += (p.x - mx) ** 2;
      syy += (p.y - my) ** 2;
      sxy += (p.x - mx) * (p.y - my);
    }
    const angle = -0.5 * Math.atan2(2 * sxy, sxx - syy);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    return pos.map((p) => ({
      x: (p.x - mx) * cos - (p.y - my) * sin,
      y: (p.x - mx) * sin + (p.y - my) * cos,
    }));
  }

  /**
   * Lay out each connected component on its own, then pack the boxes largest first with a
   * skyline packer (each box drops to the lowest free spot), so small pairs sit beside the
   * big component instead of drifting to the edges of one simulation.
   */
  function layoutNetwork(nodes, edges, width) {
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const links = edges
      .map((edge) => [index.get(edge.source), index.get(edge.target)])
      .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    const pos = nodes.map(() => ({ x: 0, y: 0 }));
    const padX = 75;
    const padY = 38;
    const boxes = components(nodes.length, links).map((members) => {
      const local = new Map(members.map((m, i) => [m, i]));
      const own = links.filter(([a]) => local.has(a)).map(([a, b]) => [local.get(a), local.get(b)]);
      const placed = forceLayout(members, own, members.length <= 3 ? 150 : 80);
      const minX = Math.min(...placed.map((p) => p.x));
      const minY = Math.min(...placed.map((p) => p.y));
      return {
        members, placed, minX, minY,
        w: Math.max(...placed.map((p) => p.x)) - minX + 2 * padX,
        h: Math.max(...placed.map((p) => p.y)) - minY + 2 * padY,
      };
    });
    const cell = 8;
    const total = Math.max(width, ...boxes.map((box) => box.w));
    const skyline = new Array(Math.ceil(total / cell) + 1).fill(0);
    let usedWidth = 0;
    let usedHeight = 0;
    for (const box of boxes) {
      const span = Math.ceil(box.w / cell);
      let bestX = 0;
      let bestY = Infinity;
      for (let x = 0; x + span <= skyline.length; x += 1) {
        let top = 0;
        for (let k = x; k < x + span; k += 1) top = Math.max(top, skyline[k]);
        if (top < bestY) {
          bestY = top;
          bestX = x;
        }
      }
      for (let k = bestX; k < bestX + span; k += 1) skyline[k] = bestY + box.h;
      const left = bestX * cell;
      box.members.forEach((m, i) => {
        pos[m] = { x: left + padX + box.placed[i].x - box.minX, y: bestY + padY + box.placed[i].y - box.minY };
      });
      usedWidth = Math.max(usedWidth, left + box.w);
      usedHeight = Math.max(usedHeight, bestY + box.h);
    }
    return { pos, width: Math.max(usedWidth, 1), height: Math.max(usedHeight, 1) };
  }

  function networkSvg(data, packWidth) {
    const nodes = list(data.nodes);
    const known = new Set(nodes.map((node) => node.id));
    const edges = list(data.edges).filter((e) => known.has(e.source) && known.has(e.target));
    const layout = layoutNetwork(nodes, edges, packWidth);
    const width = Math.max(layout.width, 600);
    const height = Math.max(layout.height, 200);
    const shift = (width - layout.width) / 2;
    const pos = layout.pos.map((p) => ({ x: p.x + shift, y: p.y }));
    const at = new Map(nodes.map((node, i) => [node.id, pos[i]]));
    const maxEvents = Math.max(1, ...nodes.map((node) => node.events || 1));
    const radius = (node) => 5 + 13 * Math.sqrt((node.events || 1) / maxEvents);
    const radiusOf = new Map(nodes.map((node) => [node.id, radius(node)]));
    const pairs = new Set(edges.map((e) => e.source + "\u0000" + e.target));

    const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": `Network of ${plural(nodes.length, "actor")} and ${plural(edges.length, "link")}` });
    svg.append(s("defs", {},
      ["cooperation", "conflict"].map((tone) => s("marker", {
        id: "arrow-" + tone, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5, markerHeight: 5,
        orient: "auto-start-reverse", class: "arrow-" + tone }, s("path", { d: "M0,0 L10,5 L0,10 z" })))));
    const edgeLayer = s("g", { class: "edges" });
    const nodeLayer = s("g", { class: "nodes" });
    svg.append(edgeLayer, nodeLayer);

    for (const edge of edges) {
      const a = at.get(edge.source);
      const b = at.get(edge.target);
      const coop = edge.cooperation || 0;
      const conf = edge.conflict || 0;
      const tone = conf > coop ? "conflict" : coop > conf ? "cooperation"
        : (edge.goldstein_mean || 0) < 0 ? "conflict" : "cooperation";
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      // Curve edges whose reverse also exists so A→B and B→A stay apart.
      const bend = pairs.has(edge.target + "\u0000" + edge.source) ? 0.18 : 0.06;
      const cx = (a.x + b.x) / 2 - dy * bend;
      const cy = (a.y + b.y) / 2 + dx * bend;
      const rb = radiusOf.get(edge.target) + 3;
      const ex = b.x - ((b.x - cx) / Math.max(Math.hypot(b.x - cx, b.y - cy), 1)) * rb;
      const ey = b.y - ((b.y - cy) / Math.max(Math.hypot(b.x - cx, b.y - cy), 1)) * rb;
      const widthPx = 1.2 + Math.log2(1 + (edge.events || 1)) * 1.3;
      edgeLayer.append(s("path", {
        d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
        class: "edge edge-" + tone, "stroke-width": widthPx.toFixed(2), "marker-end": `url(#arrow-${tone})`,
        "data-source": edge.source, "data-target": edge.target,
      }, s("title", {}, `${nameOf(nodes, edge.source)} → ${nameOf(nodes, edge.target)}: ` +
        `${plural(edge.events || 0, "event")} (${coop} cooperation, ${conf} conflict), ` +
        `mean Goldstein ${fmtGoldstein(edge.goldstein_mean)}`)));
    }

    const ranked = nodes.slice().sort((a, b) => (b.events || 0) - (a.events || 0));
    const labelled = new Set(ranked.slice(0, 80).map((node) => node.id));
    const labelY = placeLabels(ranked, at, radiusOf);
    for (const node of nodes) {
      const p = at.get(node.id);
      const type = TYPE_LABELS[node.type] || "actor";
      const r = radiusOf.get(node.id);
      const link = s("a", { href: route("actor", node.id), class: "node type-" + type, "data-id": node.id },
        s("title", {}, `${node.name}${node.code ? " (" + node.code + ")" : ""}: ${plural(node.events || 0, "event")}`),
        s("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) }),
        s("text", { x: p.x.toFixed(1), y: labelY.get(node.id).toFixed(1), "text-anchor": "middle",
          class: labelled.has(node.id) ? "label" : "label minor" }, truncate(node.name, 24)));
      link.addEventListener("mouseenter", () => highlightNode(svg, node.id, true));
      link.addEventListener("mouseleave", () => highlightNode(svg, node.id, false));
      link.addEventListener("focus", () => highlightNode(svg, node.id, true));
      link.addEventListener("blur", () => highlightNode(svg, node.id, false));
      nodeLayer.append(link);
    }
    return svg;
  }

  /**
   * Label baselines: below the node unless that box hits a label already placed (busiest
   * nodes first), then above. Text width is estimated, which is close enough here.
   */
  function placeLabels(ranked, at, radiusOf) {
    const boxes = [];
    const result = new Map();
    const overlaps = (box) => boxes.some((other) => box.x1 < other.x2 && other.x1 < box.x2 &&
      box.y1 < other.y2 && other.y1 < box.y2);
    for (const node of ranked) {
      const p = at.get(node.id);
      const r = radiusOf.get(node.id);
      const half = (Math.min(node.name.length, 24) * 6.3) / 2;
      const options = [p.y + r + 12, p.y - r - 5];
      let chosen = options[0];
      for (const baseline of options) {
        const box = { x1: p.x - half, x2: p.x + half, y1: baseline - 10, y2: baseline + 3 };
        if (!overlaps(box)) {
          chosen = baseline;
          break;
        }
      }
      boxes.push({ x1: p.x - half, x2: p.x + half, y1: chosen - 10, y2: chosen + 3 });
      result.set(node.id, chosen);
    }
    return result;
  }

  function nameOf(nodes, id) {
    const node = nodes.find((n) => n.id === id);
    return node ? node.name : id;
  }

  function highlightNode(svg, id, on) {
    svg.classList.toggle("focused", on);
    for (const edge of svg.querySelectorAll(".edge")) {
      const hit = edge.getAttribute("data-source") === id || edge.getAttribute("data-target") === id;
      edge.classList.toggle("active", on && hit);
    }
    for (const node of svg.querySelectorAll(".node")) {
      node.classList.toggle("active", on && node.getAttribute("data-id") === id);
    }
  }

  async function networkView(params) {
    const filters = {
      since: params.get("since") || "",
      until: params.get("until") || "",
      actor: params.get("actor") || "",
      limit: params.get("limit") || "150",
    };
    const [data, actors] = await Promise.all([
      getJSON("/api/network", filters),
      getJSON("/api/actors", { limit: 200 }).catch(() => ({ items: [] })),
    ]);
    document.title = "Network — newsgraph";
    const actorList = list(actors);
    const actorName = actorList.find((a) => a.id === filters.actor);
    const field = (label, input) => h("label", { class: "field" }, h("span", {}, label), input);
    const since = h("input", { type: "date", name: "since", id: "filter-since", value: filters.since });
    const until = h("input", { type: "date", name: "until", id: "filter-until", value: filters.until });
    const actor = h("input", { type: "text", name: "actor", id: "filter-actor", list: "actor-options",
      placeholder: "any actor (name or id)", value: actorName ? actorName.name : filters.actor });
    const limit = h("input", { type: "number", name: "limit", id: "filter-limit", min: 1, max: 500, value: filters.limit });
    const options = h("datalist", { id: "actor-options" }, actorList.map((a) => h("option", { value: a.name })));
    const form = h("form", { id: "network-filters", class: "filters" },
      field("Since", since), field("Until", until), field("Actor", actor), field("Max links", limit), options,
      h("div", { class: "field buttons" }, h("button", { type: "submit" }, "Apply"),
        h("a", { href: "#/network", class: "button secondary" }, "Clear")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const typed = actor.value.trim();
      const match = actorList.find((a) => a.name === typed);
      window.location.hash = withQuery("#/network", {
        since: since.value, until: until.value, actor: match ? match.id : typed,
        limit: limit.value && limit.value !== "150" ? limit.value : "",
      });
    });
    const nodes = list(data.nodes);
    const edges = list(data.edges);
    const coop = edges.filter((e) => (e.cooperation || 0) >= (e.conflict || 0)).length;
    const strongest = edges.slice().sort((a, b) => (b.events || 0) - (a.events || 0)).slice(0, 12);
    return h("div", { class: "network-page" },
      h("h1", {}, "Who did what to whom"),
      h("p", { class: "muted" }, "Actors linked by coded events. Arrows point from the actor who acted to the one acted upon; ",
        "line width grows with the number of events. Click an actor to open its page."),
      form,
      h("div", { class: "legend small" },
        h("span", { class: "swatch sw-coop" }), "mostly cooperation ",
        h("span", { class: "swatch sw-conflict" }), "mostly conflict ",
        h("span", { class: "swatch sw-person" }), "person ",
        h("span", { class: "swatch sw-org" }), "organisation ",
        h("span", { class: "swatch sw-country" }), "country",
        h("span", { class: "muted" }, ` · ${plural(nodes.length, "actor")}, ${plural(edges.length, "link")}` +
          (edges.length ? ` (${coop} mostly cooperative)` : ""))),
      h("div", { id: "network", class: "network" }, nodes.length
        ? networkSvg(data, Math.max(560, Math.min(1300, view.clientWidth - 40)))
        : empty("No events between two known actors match these filters.", "Widen the dates or clear the actor.")),
      strongest.length ? section("Strongest links", strongest.length, h("table", { class: "links" },
        h("thead", {}, h("tr", {}, h("th", {}, "from"), h("th", {}, "to"), h("th", { class: "num" }, "events"),
          h("th", { class: "num" }, "cooperation"), h("th", { class: "num" }, "conflict"), h("th", { class: "num" }, "Goldstein"))),
        h("tbody", {}, strongest.map((e) => h("tr", {},
          h("td", {}, h("a", { href: route("actor", e.source) }, nameOf(nodes, e.source))),
          h("td", {}, h("a", { href: route("actor", e.target) }, nameOf(nodes, e.target))),
          h("td", { class: "num" }, fmtNumber(e.events)), h("td", { class: "num" }, fmtNumber(e.cooperation || 0)),
          h("td", { class: "num" }, fmtNumber(e.conflict || 0)), h("td", { class: "num" }, fmtGoldstein(e.goldstein_mean))))))) : null);
  }

  /* --- export --- */

  function filenameFrom(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const match = /filename="?([^";]+)"?/i.exec(header);
    const name = match ? match[1] : fallback;
    return name.replace(/[^\w.\-]+/g, "_");
  }

  async function download(table, format, button) {
    const ext = { csv: "csv", jsonl: "jsonl", "gdelt-events": "tsv", gkg: "tsv" }[format] || "txt";
    button.disabled = true;
    button.classList.add("busy");
    try {
      const response = await request("/api/export/" + encodeURIComponent(table), { format });
      const blob = await response.blob();
      const name = filenameFrom(response, `${table}.${ext}`);
      const href = URL.createObjectURL(blob);
      const link = h("a", { href, download: name, class: "hidden" });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10000);
      flashStatus(`Saved ${name} (${fmtNumber(Math.ceil(blob.size / 1024))} kB)`, "ok");
    } catch (err) {
      if (err.status === 401) {
        view.replaceChildren(tokenForm(Boolean(sessionStorage.getItem(TOKEN_KEY))));
      } else {
        flashStatus(`Export failed: ${err.message}`, "bad");
      }
    } finally {
      button.disabled = false;
      button.classList.remove("busy");
    }
  }

  function exportButton(label, format, tableOf, hint) {
    const button = h("button", { type: "button", class: "export", "data-format": format, title: hint });
    button.textContent = label;
    button.addEventListener("click", () => download(tableOf(), format, button));
    return button;
  }

  function exportView() {
    document.title = "Export — newsgraph";
    const select = h("select", { id: "export-table", "aria-label": "Table to export" },
      Object.keys(EXPORT_TABLES).map((table) => h("option", { value: table }, table)));
    const about = h("p", { class: "muted small", id: "export-about" }, EXPORT_TABLES[select.value]);
    select.addEventListener("change", () => {
      about.textContent = EXPORT_TABLES[select.value];
    });
    return h("div", { class: "export-page" },
      h("h1", {}, "Export"),
      h("p", { class: "muted" }, "Download the whole store for spreadsheets, scripts or GDELT tools. ",
        "Files are built by the server and saved by your browser."),
      h("section", { class: "panel" }, h("h2", {}, "Tables"),
        h("div", { class: "row" }, h("label", { class: "field" }, h("span", {}, "Table"), select),
          exportButton("CSV", "csv", () => select.value, "Comma-separated values"),
          exportButton("JSONL", "jsonl", () => select.value, "One JSON object per line")),
        about),
      h("section", { class: "panel" }, h("h2", {}, "GDELT formats"),
        h("div", { class: "row" },
          exportButton("GDELT Events", "gdelt-events", () => "events", "GDELT 2.0 Events table (61 columns, facts only)"),
          exportButton("GDELT GKG", "gkg", () => "documents", "GDELT Global Knowledge Graph 2.1, one record per article")),
        h("p", { class: "muted small" }, "Tab-separated files in GDELT 2.0 layout: the Events table ",
          "(61 columns, factual events only) and the Global Knowledge Graph 2.1 (one record per article).")));
  }

  /* ---------- router ---------- */

  function parseHash() {
    const raw = window.location.hash.replace(/^#/, "") || "/";
    const cut = raw.indexOf("?");
    const path = cut === -1 ? raw : raw.slice(0, cut);
    const params = new URLSearchParams(cut === -1 ? "" : raw.slice(cut + 1));
    const parts = path.split("/").filter(Boolean).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
    return { parts, params };
  }

  function notFoundView() {
    document.title = "Not found — newsgraph";
    return empty("There is no such page here.", "Use the search box or go back home.");
  }

  function chooseView(parts, params) {
    const [head, id] = parts;
    if (!head) return { name: "home", run: homeView };
    if (head === "search") return { name: "search", run: () => searchView(params) };
    if (head === "doc" && id) return { name: "doc", run: () => docView(id, params) };
    if (head === "actor" && id) return { name: "actor", run: () => actorView(id) };
    if (head === "network") return { name: "network", run: () => networkView(params) };
    if (head === "export") return { name: "export", run: async () => exportView() };
    return { name: "missing", run: async () => notFoundView() };
  }

  let renderSeq = 0;

  async function render() {
    const seq = ++renderSeq;
    const { parts, params } = parseHash();
    const chosen = chooseView(parts, params);
    document.body.setAttribute("data-view", chosen.name);
    for (const link of document.querySelectorAll(".mainnav a")) {
      link.classList.toggle("current", link.getAttribute("data-nav") === chosen.name);
    }
    if (chosen.name !== "search" && document.activeElement !== searchInput) searchInput.value = "";
    view.setAttribute("aria-busy", "true");
    view.replaceChildren(loading());
    let node;
    try {
      node = await chosen.run();
    } catch (err) {
      if (seq !== renderSeq) return;
      view.removeAttribute("aria-busy");
      if (err instanceof ApiError && err.status === 401) {
        const hadToken = Boolean(sessionStorage.getItem(TOKEN_KEY));
        sessionStorage.removeItem(TOKEN_KEY);
        view.replaceChildren(tokenForm(hadToken));
      } else {
        view.replaceChildren(errorBox(err));
      }
      return;
    }
    if (seq !== renderSeq) return;
    view.removeAttribute("aria-busy");
    view.replaceChildren(node);
    if (!params.get("at")) window.scrollTo(0, 0);
    if (document.activeElement !== searchInput) {
      const heading = view.querySelector("h1[tabindex]");
      if (heading) heading.focus({ preventScroll: true });
    }
  }

  /* ---------- keyboard ---------- */

  function resultLinks() {
    return Array.from(view.querySelectorAll("#results a.result-link"));
  }

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = searchInput.value.trim();
    const target = withQuery("#/search", { q });
    if (window.location.hash === target) render();
    else window.location.hash = target;
  });

  searchInput.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      const links = resultLinks();
      if (links.length) {
        event.preventDefault();
        links[0].focus();
      }
    } else if (event.key === "Escape") {
      searchInput.blur();
    }
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      searchInput.focus();
      searchInput.select();
      return;
    }
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !typing) {
      const links = resultLinks();
      const at = links.indexOf(document.activeElement);
      if (at === -1) return;
      event.preventDefault();
      if (event.key === "ArrowUp" && at === 0) searchInput.focus();
      else links[Math.min(links.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
    }
  });

  window.addEventListener("hashchange", render);
  render();
})();
