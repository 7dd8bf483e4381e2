// ties serve: the browser page. Plain JavaScript, no framework, no build step, no network access
// beyond this server: the query editor (POST /sparql), the entity search (/api/entities), the
// network view (/api/network), drawn in SVG with a small force-directed layout of its own, and an
// entity's review (/api/curation/entity) with its curation buttons (POST /api/curation/…, with
// the token, on a writable server).
'use strict';

(() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- small helpers

  /** An HTML element with attributes (`class`, `text`, others as attributes) and children. */
  function h(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  /** An SVG element with attributes. */
  function s(tag, attrs = {}, ...children) {
    const e = document.createElementNS(SVG_NS, tag);
    setAttrs(e, attrs);
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.setAttribute('class', v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }

  const PREFIXES = [
    ['urn:ties:vocab#', 'ties:'],
    ['https://schema.org/', 'schema:'],
    ['http://schema.org/', 'schema:'],
    ['http://www.w3.org/ns/org#', 'org:'],
    ['http://www.w3.org/ns/prov#', 'prov:'],
    ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:'],
    ['http://www.w3.org/2000/01/rdf-schema#', 'rdfs:'],
    ['http://www.w3.org/2001/XMLSchema#', 'xsd:'],
    ['http://www.w3.org/2002/07/owl#', 'owl:'],
    ['http://www.w3.org/2004/02/skos/core#', 'skos:'],
    ['http://purl.org/dc/terms/', 'dcterms:'],
    ['http://xmlns.com/foaf/0.1/', 'foaf:'],
    ['urn:ties:', ''],
  ];

  /** urn:ties:person/ana-ruiz → person/ana-ruiz; vocabulary IRIs → prefix:name. */
  function shortIri(iri) {
    for (const [ns, p] of PREFIXES) {
      if (iri.startsWith(ns) && iri.length > ns.length) return p + iri.slice(ns.length);
    }
    return iri;
  }

  /** Of these IRIs, the people, organisations, places and events (by their rdf:type in the
   *  graph, asked of the server): the network view can draw them. */
  async function entityIris(iris) {
    if (!iris.length) return new Set();
    const values = iris.map((i) => `<${i}>`).join(' ');
    const query = `SELECT DISTINCT ?e WHERE { VALUES ?e { ${values} }
      VALUES ?t { schema:Person schema:Organization schema:Event schema:Place } ?e a ?t }`;
    const res = await fetch('/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
      body: query,
    });
    if (!res.ok) return new Set();
    const data = await res.json();
    return new Set(data.results.bindings.map((b) => b.e.value));
  }

  /** Turns the IRI cells of the results that name entities into links to their network. */
  async function linkEntities(box) {
    const spans = [...box.querySelectorAll('span.iri[data-iri]')];
    const iris = [...new Set(spans.map((s) => s.dataset.iri))].filter((i) => !/[<>"{}|^`\\\s]/.test(i));
    const entities = await entityIris(iris.slice(0, 500));
    for (const span of spans) {
      if (!entities.has(span.dataset.iri)) continue;
      const a = h('a', { class: 'iri', href: '#network', title: `${span.dataset.iri} (click to draw its network)`, text: span.textContent });
      a.dataset.iri = span.dataset.iri;
      span.replaceWith(a);
    }
  }

  const KIND_NAMES = {
    person: 'person',
    organization: 'organisation',
    event: 'event',
    place: 'place',
    other: 'other',
  };
  const normKind = (k) => {
    const v = String(k || '').toLowerCase();
    if (v === 'organisation' || v === 'org') return 'organization';
    return KIND_NAMES[v] ? v : 'other';
  };

  const TIE_NAMES = {
    membership: 'Membership (role in an organisation)',
    participation: 'Participation (part in an event)',
    partof: 'Part of',
    location: 'Location',
    custom: 'Tie',
  };

  /** Reads a failed response's message (the server sends text/plain). */
  async function failure(res) {
    let text = '';
    try {
      text = (await res.text()).trim();
    } catch (_) {
      /* no body */
    }
    return text || `${res.status} ${res.statusText}`;
  }

  function showError(box, title, message) {
    box.replaceChildren(h('strong', { text: title }), document.createTextNode(message || ''));
    box.hidden = false;
  }

  function hideError(box) {
    box.hidden = true;
    box.replaceChildren();
  }

  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  // ---------------------------------------------------------------- query editor

  const sparqlBox = $('sparql');
  const runButton = $('run');
  const namedSelect = $('named-query');
  const namedDescription = $('named-description');
  const queryError = $('query-error');
  const resultStatus = $('result-status');
  const resultBox = $('result');
  const MAX_ROWS_SHOWN = 2000;
  let named = [];
  let running = null;

  async function loadNamedQueries() {
    try {
      const res = await fetch('/api/queries', { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(await failure(res));
      named = await res.json();
    } catch (e) {
      namedSelect.replaceChildren(h('option', { value: '', text: 'Named queries unavailable' }));
      showError(queryError, 'Could not load the named queries', e.message);
      return;
    }
    namedSelect.replaceChildren(
      h('option', { value: '', text: `Choose one of ${named.length}…` }),
      ...named.map((q) => h('option', { value: q.name, title: q.description || null, text: q.name })),
    );
  }

  namedSelect.addEventListener('change', () => {
    const q = named.find((n) => n.name === namedSelect.value);
    if (!q) {
      namedDescription.textContent = '';
      return;
    }
    sparqlBox.value = q.query.replace(/\s+$/, '') + '\n';
    namedDescription.textContent = q.description || '';
    sparqlBox.focus();
    sparqlBox.setSelectionRange(0, 0);
    sparqlBox.scrollTop = 0;
  });

  sparqlBox.addEventListener('input', () => {
    // Edited text is no longer the named query.
    const q = named.find((n) => n.name === namedSelect.value);
    if (q && sparqlBox.value.trim() !== q.query.trim()) {
      namedSelect.value = '';
      namedDescription.textContent = '';
    }
  });

  $('query').addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      runQuery();
    }
  });
  runButton.addEventListener('click', () => runQuery());

  // ---------------------------------------------------------------- writes and the token

  /** The token a writable server printed when it started: the page is opened at `/?token=…`.
   *  It is kept for this tab (sessionStorage) and taken out of the address bar, so it is not
   *  copied along with the address; every write carries it in the X-Ties-Token header. */
  const TOKEN = (() => {
    const url = new URL(window.location.href);
    const given = url.searchParams.get('token');
    if (given) {
      try { sessionStorage.setItem('ties-token', given); } catch { /* storage off: keep it in memory */ }
      url.searchParams.delete('token');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
      return given;
    }
    try { return sessionStorage.getItem('ties-token') || ''; } catch { return ''; }
  })();

  /** True when the text is a SPARQL Update (its first keyword after the prologue and comments). */
  function isUpdate(text) {
    let rest = text;
    for (;;) {
      rest = rest.replace(/^\s+/, '');
      const skip =
        /^#[^\n]*/.exec(rest) ||
        /^PREFIX\s+[^\s:]*:\s*<[^>]*>/i.exec(rest) ||
        /^BASE\s*<[^>]*>/i.exec(rest);
      if (!skip) break;
      rest = rest.slice(skip[0].length);
    }
    return /^(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i.test(rest);
  }

  async function runQuery() {
    const text = sparqlBox.value;
    if (!text.trim()) {
      showError(queryError, 'Nothing to run', 'Write a SPARQL query or choose a named one.');
      return;
    }
    if (running) running.abort();
    const controller = new AbortController();
    running = controller;
    hideError(queryError);
    runButton.disabled = true;
    runButton.textContent = 'Running…';
    resultStatus.textContent = 'Running…';
    const started = performance.now();
    try {
      const update = isUpdate(text);
      const headers = update
        ? { 'Content-Type': 'application/sparql-update' }
        : { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json, text/turtle;q=0.8' };
      if (update && TOKEN) headers['X-Ties-Token'] = TOKEN;
      const res = await fetch('/sparql', { method: 'POST', headers, body: text, signal: controller.signal });
      if (!res.ok) {
        const message = await failure(res);
        const title =
          res.status === 400
            ? `The ${update ? 'update' : 'query'} has an error`
            : res.status === 503
              ? 'The query took too long'
              : res.status === 403 && update
                ? 'The update was refused'
                : `The server answered ${res.status} ${res.statusText}`;
        throw Object.assign(new Error(message), { title });
      }
      const type = res.headers.get('Content-Type') || '';
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (update) {
        resultBox.replaceChildren(h('div', { class: 'ask-result', text: 'Update done' }));
        resultStatus.textContent = `Update done · ${seconds} s`;
      } else if (/json/.test(type)) {
        showResults(await res.json(), seconds);
      } else {
        const body = await res.text();
        resultBox.replaceChildren(h('pre', { class: 'graph-result', text: body }));
        resultStatus.textContent = `Graph result (${type.split(';')[0] || 'text'}) · ${seconds} s`;
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
      resultStatus.textContent = '';
      resultBox.replaceChildren();
      showError(queryError, e.title || 'Could not reach the server', e.message);
    } finally {
      if (running === controller) {
        running = null;
        runButton.disabled = false;
        runButton.textContent = 'Run';
      }
    }
  }

  function showResults(data, seconds) {
    if (typeof data.boolean === 'boolean') {
      resultBox.replaceChildren(h('div', { class: 'ask-result', text: `ASK: ${data.boolean ? 'true' : 'false'}` }));
      resultStatus.textContent = `Answer: ${data.boolean ? 'yes' : 'no'} · ${seconds} s`;
      return;
    }
    const vars = (data.head && data.head.vars) || [];
    const rows = (data.results && data.results.bindings) || [];
    const table = h('table', { class: 'results' });
    const headRow = h('tr', {}, h('th', { class: 'rownum', scope: 'col', text: '#' }));
    for (const v of vars) headRow.append(h('th', { scope: 'col', text: v }));
    table.append(h('thead', {}, headRow));
    const body = h('tbody');
    const shown = rows.slice(0, MAX_ROWS_SHOWN);
    shown.forEach((row, i) => {
      const tr = h('tr', {}, h('td', { class: 'rownum', text: String(i + 1) }));
      for (const v of vars) tr.append(cell(row[v]));
      body.append(tr);
    });
    table.append(body);
    resultBox.replaceChildren(table);
    resultBox.scrollTop = 0;
    linkEntities(table).catch(() => {});
    let status = plural(rows.length, 'row', 'rows');
    if (rows.length > shown.length) status += ` (the first ${shown.length} shown)`;
    resultStatus.textContent = `${status} · ${seconds} s`;
  }

  const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger)$/;

  function cell(term) {
    const td = h('td');
    if (!term) {
      td.className = 'unbound';
      return td;
    }
    if (term.type === 'uri') {
      const short = shortIri(term.value);
      const span = h('span', { class: 'iri', title: term.value, text: short });
      if (term.value.startsWith('urn:') || term.value.startsWith('http')) span.dataset.iri = term.value;
      td.append(span);
      if (short.length > 60) td.className = 'long';
    } else if (term.type === 'bnode') {
      td.textContent = `_:${term.value}`;
    } else if (term.type === 'triple') {
      const t = term.value || {};
      const show = (x) => (x ? (x.type === 'uri' ? shortIri(x.value) : x.value) : '?');
      td.textContent = `<< ${show(t.subject)} ${show(t.predicate)} ${show(t.object)} >>`;
    } else {
      td.append(document.createTextNode(term.value));
      const lang = term['xml:lang'];
      if (lang) td.append(h('span', { class: 'lang', text: `@${lang}` }));
      if (term.datatype && NUMERIC.test(term.datatype)) td.className = 'num';
      if (term.value.length > 60) td.className = 'long';
    }
    return td;
  }

  resultBox.addEventListener('click', (e) => {
    const a = e.target.closest('a.iri[data-iri]');
    if (!a) return;
    e.preventDefault();
    $('network').scrollIntoView({ behavior: 'smooth', block: 'start' });
    loadFocus(a.dataset.iri, a.textContent);
  });

  // ---------------------------------------------------------------- entity search

  const searchBox = $('entity-search');
  const suggestions = $('suggestions');
  let searchTimer = 0;
  let searchSeq = 0;
  let lastHits = [];

  searchBox.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(suggest, 150);
  });

  searchBox.addEventListener('keydown', async (e) => {
    if (e.key === 'ArrowDown') {
      const first = suggestions.querySelector('button');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Escape') {
      closeSuggestions();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(searchTimer);
      const hits = await suggest();
      if (hits && hits.length) choose(hits[0]);
    }
  });

  suggestions.addEventListener('keydown', (e) => {
    const buttons = [...suggestions.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && i >= 0) {
      e.preventDefault();
      (buttons[i + 1] || buttons[i]).focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      if (i === 0) searchBox.focus();
      else buttons[i - 1].focus();
    } else if (e.key === 'Escape') {
      closeSuggestions();
      searchBox.focus();
    }
  });

  suggestions.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-index]');
    if (b) choose(lastHits[Number(b.dataset.index)]);
  });

  document.addEventListener('click', (e) => {
    if (!e.target.closest('.search')) closeSuggestions();
  });

  function closeSuggestions() {
    suggestions.hidden = true;
    searchBox.setAttribute('aria-expanded', 'false');
  }

  async function suggest() {
    const q = searchBox.value.trim();
    const seq = ++searchSeq;
    if (!q) {
      closeSuggestions();
      return [];
    }
    let hits;
    try {
      const res = await fetch(`/api/entities?q=${encodeURIComponent(q)}`, { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(await failure(res));
      hits = await res.json();
    } catch (e) {
      if (seq === searchSeq) showError($('network-error'), 'The search failed', e.message);
      return null;
    }
    if (seq !== searchSeq) return null; // a newer search is on its way
    hideError($('network-error'));
    lastHits = hits;
    suggestions.replaceChildren();
    if (!hits.length) {
      suggestions.append(h('li', { class: 'none', text: `Nothing matches “${q}”.` }));
    }
    hits.forEach((hit, i) => {
      const kind = normKind(hit.kind);
      const b = h(
        'button',
        { type: 'button', title: hit.id, 'data-index': i, 'aria-label': `${hit.label}, ${KIND_NAMES[kind]}` },
        h('span', { class: `swatch ${kind}`, 'aria-hidden': 'true' }),
        h('span', { class: 'name', text: hit.label }),
        h('span', { class: 'kind', text: KIND_NAMES[kind] }),
      );
      b.dataset.kind = kind;
      suggestions.append(h('li', {}, b));
    });
    suggestions.hidden = false;
    searchBox.setAttribute('aria-expanded', 'true');
    return hits;
  }

  function choose(hit) {
    if (!hit) return;
    closeSuggestions();
    searchBox.value = hit.label;
    loadFocus(hit.id, hit.label);
  }

  // ---------------------------------------------------------------- network model

  const svg = $('graph');
  const edgeLayer = $('edges');
  const edgeLabelLayer = $('edge-labels');
  const nodeLayer = $('nodes');
  const graphStatus = $('graph-status');
  const networkError = $('network-error');
  const details = $('details-body');

  const NODE_R = 11;
  const FOCUS_R = 15;
  const LINE_H = 15;
  const EDGE_LABEL_H = 17;

  /** The drawn network: nodes by IRI, edges by (source, target, kind, label). */
  const graph = {
    nodes: new Map(),
    edges: new Map(),
    expanded: new Set(),
    focus: null,
    selectedEdge: null,
    generation: 0,
  };

  const measureCanvas = document.createElement('canvas').getContext('2d');
  function textWidth(text, font) {
    measureCanvas.font = font;
    return measureCanvas.measureText(text).width;
  }
  const fontFamily = () => getComputedStyle(document.body).fontFamily || 'sans-serif';

  /** Breaks a label into lines of about `max` characters, at most three. */
  function wrapLabel(label, max = 22) {
    const words = label.split(/\s+/).filter(Boolean);
    const lines = [];
    let line = '';
    for (const w of words) {
      if (line && (line + ' ' + w).length > max) {
        lines.push(line);
        line = w;
      } else {
        line = line ? `${line} ${w}` : w;
      }
    }
    if (line) lines.push(line);
    if (lines.length > 3) {
      const rest = lines.slice(2).join(' ');
      lines.length = 2;
      lines.push(rest.length > max + 2 ? rest.slice(0, max) + '…' : rest);
    }
    return lines.length ? lines : [label];
  }

  function nodeRadius(n) {
    return n.iri === graph.focus ? FOCUS_R : NODE_R;
  }

  /** Measures a node's label and its box (shape plus label below it). */
  function measureNode(n) {
    const font = `600 12.5px ${fontFamily()}`;
    n.lines = wrapLabel(n.label);
    n.labelW = Math.max(...n.lines.map((l) => textWidth(l, font)));
    const r = nodeRadius(n);
    n.halfW = Math.max(n.labelW / 2, r) + 4;
    n.top = r + 3;
    n.bottom = r + 5 + n.lines.length * LINE_H;
  }

  /** Merges a Cytoscape.js elements document into the drawn network; returns the new nodes. */
  function merge(doc, anchorIri) {
    const els = (doc && doc.elements) || {};
    const byId = new Map();
    const fresh = [];
    for (const { data } of els.nodes || []) {
      const iri = data.iri || data.id;
      byId.set(data.id, iri);
      if (!graph.nodes.has(iri)) {
        const n = { iri, label: data.label || shortIri(iri), type: normKind(data.type), x: 0, y: 0 };
        graph.nodes.set(iri, n);
        fresh.push(n);
      }
    }
    let newEdges = 0;
    for (const { data } of els.edges || []) {
      const source = byId.get(data.source);
      const target = byId.get(data.target);
      if (!source || !target) continue;
      const kind = String(data.kind || 'custom').toLowerCase();
      const label = data.label || '';
      const key = [source, target, kind, label].join('\u0001');
      let edge = graph.edges.get(key);
      if (!edge) {
        edge = { key, source, target, kind, label, weight: data.weight || 1, evidence: [] };
        graph.edges.set(key, edge);
        newEdges++;
      }
      for (const ev of data.evidence || []) {
        if (!edge.evidence.some((x) => x.report === ev.report && x.sentence === ev.sentence)) {
          edge.evidence.push({ report: ev.report, sentence: ev.sentence });
        }
      }
    }
    for (const n of graph.nodes.values()) measureNode(n);
    placeFresh(fresh, anchorIri);
    return { fresh, newEdges };
  }

  /** Deterministic start positions: around the anchor, away from the rest of the drawing. */
  function placeFresh(fresh, anchorIri) {
    if (!fresh.length) return;
    const anchor = graph.nodes.get(anchorIri);
    const old = [...graph.nodes.values()].filter((n) => !fresh.includes(n));
    const golden = Math.PI * (3 - Math.sqrt(5));
    if (!anchor || !old.length) {
      // A first drawing: the anchor in the middle, the rest on a sunflower spiral.
      let i = 0;
      for (const n of fresh) {
        if (n === anchor) {
          n.x = 0;
          n.y = 0;
          continue;
        }
        i++;
        const r = 90 * Math.sqrt(i);
        n.x = r * Math.cos(i * golden);
        n.y = r * Math.sin(i * golden);
      }
      return;
    }
    let cx = 0;
    let cy = 0;
    for (const n of old) {
      cx += n.x;
      cy += n.y;
    }
    cx /= old.length;
    cy /= old.length;
    const away = Math.hypot(anchor.x - cx, anchor.y - cy) > 1 ? Math.atan2(anchor.y - cy, anchor.x - cx) : 0;
    const spread = old.length > 1 ? Math.PI * 0.9 : Math.PI * 2;
    fresh.forEach((n, i) => {
      const t = fresh.length === 1 ? 0 : i / (fresh.length - (spread >= Math.PI * 2 ? 0 : 1)) - 0.5;
      const a = away + t * spread;
      const r = 150 + 25 * (i % 3);
      n.x = anchor.x + r * Math.cos(a);
      n.y = anchor.y + r * Math.sin(a);
    });
  }

  // ---------------------------------------------------------------- force-directed layout

  /**
   * Fruchterman–Reingold with a cooling temperature, then box collision so that labels do not
   * overlap: `free` nodes move, the others stay where they are. About 300 iterations, then static.
   */
  function layout(free) {
    const all = [...graph.nodes.values()];
    const moving = all.filter((n) => free.has(n));
    if (!moving.length) return;
    const index = new Map(all.map((n, i) => [n, i]));
    const pairs = new Map();
    for (const e of graph.edges.values()) {
      const a = graph.nodes.get(e.source);
      const b = graph.nodes.get(e.target);
      if (!a || !b || a === b) continue;
      const k = index.get(a) < index.get(b) ? `${index.get(a)}:${index.get(b)}` : `${index.get(b)}:${index.get(a)}`;
      // A tie with a long label wants to be long enough to show it.
      const labelW = e.label ? textWidth(e.label, `italic 11.5px ${fontFamily()}`) + 60 : 0;
      const p = pairs.get(k);
      if (!p) pairs.set(k, [a, b, labelW]);
      else p[2] = Math.max(p[2], labelW);
    }
    const links = [...pairs.values()];
    const N = all.length;
    const nodeEdge = N * links.length <= 60000; // keeps nodes off ties they are not part of
    const K = 120; // ideal distance
    const ITER = 300;
    const fx = new Float64Array(N);
    const fy = new Float64Array(N);
    // The centre of gravity: the fixed nodes' centre when there are any, else the origin.
    const fixed = all.filter((n) => !free.has(n));
    let gx = 0;
    let gy = 0;
    if (fixed.length) {
      for (const n of fixed) {
        gx += n.x;
        gy += n.y;
      }
      gx /= fixed.length;
      gy /= fixed.length;
    }
    const t0 = K * 0.9;
    for (let it = 0; it < ITER; it++) {
      const temp = t0 * (1 - it / ITER) + 1.5;
      fx.fill(0);
      fy.fill(0);
      for (let i = 0; i < N; i++) {
        const a = all[i];
        for (let j = i + 1; j < N; j++) {
          const b = all[j];
          let dx = a.x - b.x;
          let dy = a.y - b.y;
          let d2 = dx * dx + dy * dy;
          if (d2 < 0.01) {
            // Coincident: a deterministic nudge.
            dx = ((i * 7 + j * 13) % 11) - 5 + 0.5;
            dy = ((i * 11 + j * 7) % 13) - 6 + 0.5;
            d2 = dx * dx + dy * dy;
          }
          const d = Math.sqrt(d2);
          // Wide labels push harder: the distance wanted grows with the boxes' widths.
          const want = K + (a.halfW + b.halfW) * 0.35;
          // Far apart nodes leave each other alone (FR's grid variant): compact drawings.
          if (d > want * 2.6) continue;
          const f = (want * want) / d;
          fx[i] += (dx / d) * f;
          fy[i] += (dy / d) * f;
          fx[j] -= (dx / d) * f;
          fy[j] -= (dy / d) * f;
        }
      }
      for (const [a, b, labelW] of links) {
        const i = index.get(a);
        const j = index.get(b);
        const dx = a.x - b.x;
        const dy = a.y - b.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
        const f = (d * d) / Math.max(K, labelW);
        fx[i] -= (dx / d) * f;
        fy[i] -= (dy / d) * f;
        fx[j] += (dx / d) * f;
        fy[j] += (dy / d) * f;
        if (labelW) {
          // Room for the tie's label between the two boxes, whatever the direction.
          const ux = Math.abs(dx / d) + 1e-6;
          const uy = Math.abs(dy / d) + 1e-6;
          const ext = (n) => Math.min(n.halfW / ux, (n.top + n.bottom) / 2 / uy);
          const labelExt = Math.min((labelW - 60) / ux, EDGE_LABEL_H / uy);
          const short = labelExt + 14 - (d - ext(a) - ext(b));
          if (short > 0) {
            fx[i] += (dx / d) * short * 0.6;
            fy[i] += (dy / d) * short * 0.6;
            fx[j] -= (dx / d) * short * 0.6;
            fy[j] -= (dy / d) * short * 0.6;
          }
        }
        if (!nodeEdge) continue;
        // A node lying on this tie is pushed off it, and the tie off the node.
        for (let c = 0; c < N; c++) {
          if (c === i || c === j) continue;
          const n = all[c];
          const t = ((n.x - b.x) * dx + (n.y - b.y) * dy) / (d * d);
          if (t <= 0.02 || t >= 0.98) continue;
          const px = b.x + t * dx;
          const py = b.y + t * dy;
          let ox = n.x - px;
          let oy = n.y - py;
          let off = Math.hypot(ox, oy);
          const reach = 34 + n.halfW * 0.3;
          if (off >= reach) continue;
          if (off < 0.01) {
            // Exactly on the line: push to a fixed side.
            ox = -dy / d;
            oy = dx / d;
            off = 1;
          }
          const push = (reach - off) * 1.5;
          const ux = ox / off;
          const uy = oy / off;
          fx[c] += ux * push;
          fy[c] += uy * push;
          fx[i] -= ux * push * t;
          fy[i] -= uy * push * t;
          fx[j] -= ux * push * (1 - t);
          fy[j] -= uy * push * (1 - t);
        }
      }
      for (let i = 0; i < N; i++) {
        const n = all[i];
        if (!free.has(n)) continue;
        // Gravity, stronger vertically: the drawing area is wider than it is tall.
        fx[i] -= (n.x - gx) * 0.1;
        fy[i] -= (n.y - gy) * 0.17;
        const len = Math.hypot(fx[i], fy[i]);
        if (len > 0) {
          const step = Math.min(len, temp);
          n.x += (fx[i] / len) * step;
          n.y += (fy[i] / len) * step;
        }
      }
      if (it > ITER * 0.45) collide(all, free, 1);
    }
    collide(all, free, 60);
    // Fixed nodes never moved; round the others for a tidy SVG.
    for (const n of moving) {
      n.x = Math.round(n.x * 10) / 10;
      n.y = Math.round(n.y * 10) / 10;
    }
  }

  /** Pushes overlapping node boxes (shape and label) apart; only free nodes move. */
  function collide(all, free, passes) {
    const gap = 6;
    for (let p = 0; p < passes; p++) {
      let moved = false;
      for (let i = 0; i < all.length; i++) {
        const a = all[i];
        for (let j = i + 1; j < all.length; j++) {
          const b = all[j];
          const fa = free.has(a);
          const fb = free.has(b);
          if (!fa && !fb) continue;
          const ox = Math.min(a.x + a.halfW, b.x + b.halfW) - Math.max(a.x - a.halfW, b.x - b.halfW) + gap;
          const oy = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y - a.top, b.y - b.top) + gap;
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          const shareA = fa && fb ? 0.5 : fa ? 1 : 0;
          const shareB = 1 - shareA;
          if (ox < oy) {
            const dir = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
            a.x += dir * ox * shareA;
            b.x -= dir * ox * shareB;
          } else {
            const dir = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
            a.y += dir * oy * shareA;
            b.y -= dir * oy * shareB;
          }
        }
      }
      if (!moved) break;
    }
  }

  // ---------------------------------------------------------------- drawing

  function shape(type, r) {
    switch (type) {
      case 'person':
        return s('circle', { r, class: 'shape person' });
      case 'organization': {
        const a = r * 0.9;
        return s('rect', { x: -a, y: -a, width: 2 * a, height: 2 * a, rx: 2, class: 'shape organization' });
      }
      case 'event': {
        const a = r * 1.2;
        return s('polygon', { points: `0,${-a} ${a},0 0,${a} ${-a},0`, class: 'shape event' });
      }
      case 'place': {
        const a = r * 1.15;
        return s('polygon', {
          points: `0,${-a} ${(a * 0.9).toFixed(1)},${(a * 0.72).toFixed(1)} ${(-a * 0.9).toFixed(1)},${(a * 0.72).toFixed(1)}`,
          class: 'shape place',
        });
      }
      default: {
        const pts = [];
        for (let k = 0; k < 6; k++) {
          const a = (Math.PI / 3) * k;
          pts.push(`${(r * Math.cos(a)).toFixed(1)},${(r * Math.sin(a)).toFixed(1)}`);
        }
        return s('polygon', { points: pts.join(' '), class: 'shape other' });
      }
    }
  }

  /** The geometry of every edge: straight, or bent when two entities share several ties. */
  function edgeGeometry() {
    const groups = new Map();
    for (const e of graph.edges.values()) {
      const k = e.source < e.target ? `${e.source}\u0002${e.target}` : `${e.target}\u0002${e.source}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(e);
    }
    const geo = new Map();
    for (const list of groups.values()) {
      list.forEach((e, i) => {
        const a = graph.nodes.get(e.source);
        const b = graph.nodes.get(e.target);
        if (!a || !b) return;
        // Orient by the pair's sorted IRIs so parallel edges bend to distinct sides.
        const [p, q] = e.source < e.target ? [a, b] : [b, a];
        const bend = (i - (list.length - 1) / 2) * 46;
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        const d = Math.hypot(dx, dy) || 1;
        const nx = -dy / d;
        const ny = dx / d;
        const cx = (p.x + q.x) / 2 + nx * bend * 2;
        const cy = (p.y + q.y) / 2 + ny * bend * 2;
        const at = (t) => ({
          x: (1 - t) * (1 - t) * p.x + 2 * (1 - t) * t * cx + t * t * q.x,
          y: (1 - t) * (1 - t) * p.y + 2 * (1 - t) * t * cy + t * t * q.y,
        });
        const path = bend === 0 ? `M${p.x},${p.y} L${q.x},${q.y}` : `M${p.x},${p.y} Q${cx.toFixed(1)},${cy.toFixed(1)} ${q.x},${q.y}`;
        geo.set(e.key, { path, at });
      });
    }
    return geo;
  }

  /** How much of the area of `r` the boxes cover (summed). */
  function coverage(r, boxes) {
    let area = 0;
    for (const b of boxes) {
      const w = Math.min(r.x2, b.x2) - Math.max(r.x1, b.x1);
      const h = Math.min(r.y2, b.y2) - Math.max(r.y1, b.y1);
      if (w > 0 && h > 0) area += w * h;
    }
    return area;
  }

  function render() {
    edgeLayer.replaceChildren();
    edgeLabelLayer.replaceChildren();
    nodeLayer.replaceChildren();
    const empty = svg.querySelector('.empty-graph');
    if (empty) empty.remove();
    if (!graph.nodes.size) {
      svg.append(
        s('text', { class: 'empty-graph', x: 450, y: 240, 'text-anchor': 'middle', text: 'Find an entity above to draw its network.' }),
      );
      svg.setAttribute('viewBox', '0 0 900 480');
      svg.style.height = '';
      view = null;
      return;
    }
    const geo = edgeGeometry();
    const nodeBoxes = [...graph.nodes.values()].map((n) => ({
      x1: n.x - n.halfW,
      x2: n.x + n.halfW,
      y1: n.y - n.top,
      y2: n.y + n.bottom,
    }));
    const placed = [];
    const labelFont = `italic 11.5px ${fontFamily()}`;
    for (const e of graph.edges.values()) {
      const g = geo.get(e.key);
      if (!g) continue;
      const from = graph.nodes.get(e.source);
      const to = graph.nodes.get(e.target);
      const name = `${e.label || TIE_NAMES[e.kind] || e.kind}: ${from.label} – ${to.label}. Show the evidence.`;
      const group = s(
        'g',
        { class: `edge ${e.kind}`, tabindex: 0, role: 'button', 'aria-label': name },
        s('title', { text: `${e.label || e.kind} (${plural(e.evidence.length, 'sentence', 'sentences')}): click for evidence` }),
        s('path', { d: g.path, class: 'hit' }),
        s('path', { d: g.path, class: `edge-line ${e.kind}` }),
      );
      group.dataset.key = e.key;
      if (graph.selectedEdge === e.key) group.classList.add('selected');
      edgeLayer.append(group);
      if (!e.label) continue;
      const text = e.label.length > 28 ? e.label.slice(0, 27) + '…' : e.label;
      const w = textWidth(text, labelFont) + 8;
      // The free spot nearest the middle of the tie, else the least covered one.
      let best = null;
      let bestCover = Infinity;
      for (const t of [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8]) {
        const p = g.at(t);
        const r = { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - EDGE_LABEL_H / 2, y2: p.y + EDGE_LABEL_H / 2 };
        const cover = coverage(r, nodeBoxes) + coverage(r, placed) * 2;
        if (cover < bestCover - 0.5) {
          best = r;
          bestCover = cover;
        }
        if (cover === 0) break;
      }
      placed.push(best);
      const label = s(
        'g',
        { class: 'edge-label', transform: `translate(${((best.x1 + best.x2) / 2).toFixed(1)},${((best.y1 + best.y2) / 2).toFixed(1)})`, 'aria-hidden': 'true' },
        s('title', { text: e.label }),
        s('rect', { x: (-w / 2).toFixed(1), y: -EDGE_LABEL_H / 2, width: w.toFixed(1), height: EDGE_LABEL_H, rx: 3 }),
        s('text', { 'text-anchor': 'middle', y: 4, text }),
      );
      label.dataset.key = e.key;
      if (graph.selectedEdge === e.key) label.classList.add('selected');
      edgeLabelLayer.append(label);
    }
    for (const n of graph.nodes.values()) {
      const r = nodeRadius(n);
      const expanded = graph.expanded.has(n.iri);
      const g = s(
        'g',
        {
          class: `node ${n.type}${expanded ? ' expanded' : ''}${n.iri === graph.focus ? ' focus' : ''}`,
          transform: `translate(${n.x},${n.y})`,
          tabindex: 0,
          role: 'button',
          'aria-label': `${n.label}, ${KIND_NAMES[n.type]}${expanded ? ', all ties drawn' : ', expand'}`,
        },
        s('title', { text: `${n.label} (${KIND_NAMES[n.type]})\n${n.iri}${expanded ? '' : '\nClick to expand'}` }),
        shape(n.type, r),
      );
      const label = s('text', { class: 'node-label', 'text-anchor': 'middle', y: r + 5 });
      n.lines.forEach((line, i) => label.append(s('tspan', { x: 0, dy: i === 0 ? '0.9em' : LINE_H, text: line })));
      g.append(label);
      g.dataset.iri = n.iri;
      nodeLayer.append(g);
    }
    graph.labelBoxes = placed;
  }

  // ---------------------------------------------------------------- view box: fit, zoom, pan

  let view = null; // {x, y, w, h}
  const MIN_HEIGHT = 480;
  const MAX_HEIGHT = 700;

  function applyView() {
    if (view) svg.setAttribute('viewBox', `${view.x.toFixed(1)} ${view.y.toFixed(1)} ${view.w.toFixed(1)} ${view.h.toFixed(1)}`);
  }

  function bounds() {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const n of graph.nodes.values()) {
      x1 = Math.min(x1, n.x - n.halfW);
      x2 = Math.max(x2, n.x + n.halfW);
      y1 = Math.min(y1, n.y - n.top);
      y2 = Math.max(y2, n.y + n.bottom);
    }
    for (const b of graph.labelBoxes || []) {
      x1 = Math.min(x1, b.x1);
      x2 = Math.max(x2, b.x2);
      y1 = Math.min(y1, b.y1);
      y2 = Math.max(y2, b.y2);
    }
    return { x1, y1, x2, y2 };
  }

  /** Shows the whole drawing, never magnified beyond its natural size. */
  function fit() {
    if (!graph.nodes.size) return;
    const b = bounds();
    const pad = 24;
    const cw = svg.clientWidth || 900;
    // A tall drawing gets a taller area (within limits) rather than shrinking to illegibility.
    const scale = Math.min(1, cw / (b.x2 - b.x1 + 2 * pad));
    const wanted = Math.round((b.y2 - b.y1 + 2 * pad) * scale);
    svg.style.height = `${Math.min(Math.max(wanted, MIN_HEIGHT), MAX_HEIGHT)}px`;
    const ch = svg.clientHeight || 560;
    let w = Math.max(b.x2 - b.x1 + 2 * pad, cw);
    let h = Math.max(b.y2 - b.y1 + 2 * pad, ch);
    if (w / h > cw / ch) h = (w * ch) / cw;
    else w = (h * cw) / ch;
    view = { x: (b.x1 + b.x2) / 2 - w / 2, y: (b.y1 + b.y2) / 2 - h / 2, w, h };
    applyView();
  }

  /** Fits again unless everything is already in view. */
  function fitIfNeeded() {
    if (!view) return fit();
    const b = bounds();
    if (b.x1 < view.x || b.y1 < view.y || b.x2 > view.x + view.w || b.y2 > view.y + view.h) fit();
  }

  function zoom(factor, cx, cy) {
    if (!view) return;
    const px = cx ?? view.x + view.w / 2;
    const py = cy ?? view.y + view.h / 2;
    const w = Math.min(Math.max(view.w * factor, 120), 40000);
    const f = w / view.w;
    view = { x: px - (px - view.x) * f, y: py - (py - view.y) * f, w: view.w * f, h: view.h * f };
    applyView();
  }

  $('zoom-in').addEventListener('click', () => zoom(1 / 1.25));
  $('zoom-out').addEventListener('click', () => zoom(1.25));
  $('zoom-fit').addEventListener('click', () => fit());
  $('relayout').addEventListener('click', () => {
    if (!graph.nodes.size) return;
    // Every node free, starting from where it is, drawn closer together.
    const all = [...graph.nodes.values()];
    const cx = all.reduce((t, n) => t + n.x, 0) / all.length;
    const cy = all.reduce((t, n) => t + n.y, 0) / all.length;
    for (const n of all) {
      n.x = (n.x - cx) * 0.6;
      n.y = (n.y - cy) * 0.6;
    }
    layout(new Set(all));
    render();
    fit();
    graphStatus.textContent = `Laid out afresh: ${summary()}.`;
  });
  $('graph-clear').addEventListener('click', () => {
    graph.generation++;
    clearGraph();
    graphStatus.textContent = 'No entity chosen yet.';
    showDetailsHint();
  });

  svg.addEventListener(
    'wheel',
    (e) => {
      if (!view || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      const p = svgPoint(e);
      zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    },
    { passive: false },
  );

  function svgPoint(e) {
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  let pan = null;
  svg.addEventListener('pointerdown', (e) => {
    if (!view || e.button !== 0 || e.target.closest('g.node, g.edge, g.edge-label')) return;
    pan = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    svg.setPointerCapture(e.pointerId);
    svg.classList.add('panning');
  });
  svg.addEventListener('pointermove', (e) => {
    if (!pan || e.pointerId !== pan.id) return;
    const scale = view.w / (svg.clientWidth || 900);
    view.x = pan.vx - (e.clientX - pan.x) * scale;
    view.y = pan.vy - (e.clientY - pan.y) * scale;
    applyView();
  });
  const endPan = (e) => {
    if (!pan || e.pointerId !== pan.id) return;
    pan = null;
    svg.classList.remove('panning');
  };
  svg.addEventListener('pointerup', endPan);
  svg.addEventListener('pointercancel', endPan);

  // ---------------------------------------------------------------- interaction

  svg.addEventListener('click', (e) => {
    const node = e.target.closest('g.node');
    if (node) return expand(node.dataset.iri);
    const edge = e.target.closest('g.edge, g.edge-label');
    if (edge) selectEdge(edge.dataset.key);
  });
  svg.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const target = e.target.closest('g.node, g.edge');
    if (!target) return;
    e.preventDefault();
    if (target.classList.contains('node')) expand(target.dataset.iri);
    else selectEdge(target.dataset.key);
  });

  function clearGraph() {
    graph.nodes.clear();
    graph.edges.clear();
    graph.expanded.clear();
    graph.focus = null;
    graph.selectedEdge = null;
    graph.labelBoxes = [];
    view = null;
    render();
  }

  async function fetchNetwork(focus) {
    const res = await fetch(`/api/network?focus=${encodeURIComponent(focus)}&depth=1`, {
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) throw new Error(await failure(res));
    return res.json();
  }

  function summary() {
    return `${plural(graph.nodes.size, 'entity', 'entities')}, ${plural(graph.edges.size, 'tie', 'ties')}`;
  }

  /** Draws the neighbourhood of one entity, replacing what was drawn. */
  async function loadFocus(iri, label) {
    const generation = ++graph.generation;
    hideError(networkError);
    graphStatus.textContent = `Loading the network of ${label || shortIri(iri)}…`;
    let doc;
    try {
      doc = await fetchNetwork(iri);
    } catch (e) {
      if (generation !== graph.generation) return;
      graphStatus.textContent = '';
      showError(networkError, `Could not load the network of ${label || shortIri(iri)}`, e.message);
      return;
    }
    if (generation !== graph.generation) return;
    clearGraph();
    const centre = (doc.elements.nodes || []).find((n) => n.data.iri === iri) || (doc.elements.nodes || [])[0];
    const focusIri = centre ? centre.data.iri : iri;
    graph.focus = focusIri;
    const { fresh } = merge(doc, focusIri);
    graph.expanded.add(focusIri);
    layout(new Set(fresh));
    render();
    fit();
    const name = centre ? centre.data.label : label;
    graphStatus.textContent = `${name}: ${summary()}.`;
    showDetailsHint();
  }

  const expanding = new Set();

  /** Adds a node's neighbourhood to the drawing, keeping every existing position. */
  async function expand(iri) {
    if (expanding.has(iri)) return; // already on its way
    expanding.add(iri);
    try {
      await expandNode(iri);
    } finally {
      expanding.delete(iri);
    }
  }

  async function expandNode(iri) {
    const n = graph.nodes.get(iri);
    if (!n) return;
    showNode(n);
    if (graph.expanded.has(iri)) {
      graphStatus.textContent = `${n.label}: all ties already drawn. ${summary()}.`;
      return;
    }
    const generation = graph.generation;
    const el = nodeLayer.querySelector(`g.node[data-iri="${CSS.escape(iri)}"]`);
    if (el) el.classList.add('loading');
    graphStatus.textContent = `Expanding ${n.label}…`;
    let doc;
    try {
      doc = await fetchNetwork(iri);
    } catch (e) {
      if (el) el.classList.remove('loading');
      if (generation !== graph.generation) return;
      showError(networkError, `Could not expand ${n.label}`, e.message);
      graphStatus.textContent = summary();
      return;
    }
    if (generation !== graph.generation) return;
    hideError(networkError);
    const { fresh, newEdges } = merge(doc, iri);
    graph.expanded.add(iri);
    layout(new Set(fresh));
    render();
    fitIfNeeded();
    graphStatus.textContent = `${n.label}: ${plural(fresh.length, 'new entity', 'new entities')}, ${plural(newEdges, 'new tie', 'new ties')}. ${summary()}.`;
    showNode(n, fresh.length, newEdges);
    const again = nodeLayer.querySelector(`g.node[data-iri="${CSS.escape(iri)}"]`);
    if (again && document.activeElement === document.body) again.focus({ preventScroll: true });
  }

  function showDetailsHint() {
    details.replaceChildren(h('p', { class: 'muted', text: 'Click a tie in the network to see the sentences it was read from.' }));
    $('details-title').textContent = 'Evidence';
  }

  /** Shows an entity: what is drawn of it, then its review (names, reports, claims, candidate
   *  duplicates, judgements), with the curation buttons on a writable server. `said` is the
   *  outcome of the action that led here, if any. */
  function showNode(n, added, addedEdges, said) {
    graph.selectedEdge = null;
    for (const el of svg.querySelectorAll('.selected')) el.classList.remove('selected');
    $('details-title').textContent = 'Entity';
    const ties = [...graph.edges.values()].filter((e) => e.source === n.iri || e.target === n.iri);
    const dl = h(
      'dl',
      {},
      h('dt', { text: 'Name' }),
      h('dd', { text: n.label }),
      h('dt', { text: 'Kind' }),
      h('dd', { text: KIND_NAMES[n.type] }),
      h('dt', { text: 'IRI' }),
      h('dd', { title: n.iri, text: shortIri(n.iri) }),
      h('dt', { text: 'Ties drawn' }),
      h('dd', { text: String(ties.length) }),
    );
    const parts = [dl];
    if (added != null) {
      parts.push(h('p', { class: 'muted', text: `Expanded: ${plural(added, 'new entity', 'new entities')}, ${plural(addedEdges, 'new tie', 'new ties')}.` }));
    }
    parts.push(h('p', { class: 'muted small', text: 'Click a tie to read its evidence.' }));
    const box = h('div', { id: 'review', class: 'review' });
    parts.push(box);
    details.replaceChildren(...parts);
    loadReview(n, box, said);
  }

  // ---------------------------------------------------------------- review and curation

  let reviewGeneration = 0;

  async function fetchReview(iri) {
    const res = await fetch(`/api/curation/entity?iri=${encodeURIComponent(iri)}`, {
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) throw new Error(await failure(res));
    return res.json();
  }

  /** POSTs one judgement (merge, distinguish, reject, accept, undo) with the token. */
  async function curate(action, body) {
    const res = await fetch(`/api/curation/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Ties-Token': TOKEN },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(await failure(res));
    return res.json();
  }

  async function loadReview(n, box, said) {
    const generation = ++reviewGeneration;
    box.replaceChildren(h('p', { class: 'muted small', text: 'Loading its names, reports, claims and candidates…' }));
    let r;
    try {
      r = await fetchReview(n.iri);
    } catch (e) {
      if (generation === reviewGeneration) box.replaceChildren(h('p', { class: 'error', text: `Could not load the review: ${e.message}` }));
      return;
    }
    if (generation !== reviewGeneration) return;
    box.replaceChildren(...reviewParts(n, r, said));
  }

  /** A button that runs one curation action on `n`, then redraws and reviews it afresh. */
  function actionButton(n, label, action, body, done, title) {
    const b = h('button', { type: 'button', class: `curate ${action}`, text: label, title });
    b.addEventListener('click', () => act(n, action, body, done));
    return b;
  }

  async function act(n, action, body, done) {
    const box = $('review');
    const note = box && box.querySelector('#review-note');
    if (note && note.value.trim() && action !== 'undo') body = { ...body, note: note.value.trim() };
    if (box) for (const b of box.querySelectorAll('button')) b.disabled = true;
    let out;
    try {
      out = await curate(action, body);
    } catch (e) {
      if (box) for (const b of box.querySelectorAll('button')) b.disabled = false;
      const status = box && box.querySelector('.review-said');
      if (status) {
        status.className = 'review-said error';
        status.textContent = `Refused: ${e.message}`;
      }
      return;
    }
    const said = `${done} (${plural(out.reports, 'report', 'reports')} rewritten).`;
    await loadFocus(n.iri, n.label);
    const again = graph.nodes.get(n.iri) || n;
    showNode(again, undefined, undefined, said);
  }

  function section(title, items, empty) {
    const list = h('ul', { class: 'review-list' });
    for (const item of items) list.append(item);
    return [h('h4', { text: `${title} (${items.length})` }), items.length ? list : h('p', { class: 'muted small', text: empty })];
  }

  function reviewParts(n, r, said) {
    const writable = Boolean(TOKEN);
    const parts = [h('p', { class: 'review-said', role: 'status', text: said || '' })];
    if (writable) {
      parts.push(h('label', { class: 'small', for: 'review-note', text: 'Note for the next judgement ' }), h('input', { id: 'review-note', type: 'text', placeholder: 'why (optional)' }));
    }
    parts.push(...section('Names', r.names.map((name) => h('li', { text: name })), 'No name.'));
    parts.push(...section('Reports', r.reports.map((rep) => h('li', { title: rep.iri, text: rep.title || shortIri(rep.iri) })), 'In no report.'));
    parts.push(...section('Claims', r.claims.map((c) => claimItem(n, c, writable)), 'No claim about it.'));
    parts.push(...section('Candidate duplicates', r.candidates.map((c) => candidateItem(n, c, writable)), 'None found.'));
    parts.push(...section('Judgements', r.judgements.map((j) => judgementItem(n, j, writable)), 'None yet.'));
    if (!writable) {
      parts.push(h('p', { class: 'muted small', text: 'To merge, distinguish, reject, accept or undo, open the page from the address a writable ties serve printed (with its token).' }));
    }
    return parts;
  }

  function claimItem(n, c, writable) {
    const what = `${c.kind}${c.role ? ` (${c.role})` : ''}: ${c.other_name || shortIri(c.other)}`;
    const li = h(
      'li',
      { class: 'claim', 'data-claim': c.iri },
      h('strong', { text: what }),
      h('p', { class: 'sentence', text: c.sentence }),
      h('p', { class: 'muted small', title: c.iri, text: `rule ${c.rule} · confidence ${c.confidence} · ${shortIri(c.report)}${c.verdict === 'acceptance' ? ' · accepted' : ''}` }),
    );
    if (writable) {
      li.append(
        actionButton(n, 'Reject', 'reject', { claim: c.iri }, 'Claim rejected', 'This claim is wrong: drop it from every view'),
        c.verdict === 'acceptance' ? null : actionButton(n, 'Accept', 'accept', { claim: c.iri }, 'Claim accepted', 'This claim is right (reviewed)'),
      );
    }
    return li;
  }

  function candidateItem(n, c, writable) {
    const [other, name] = c.a === n.iri ? [c.b, c.b_name] : [c.a, c.a_name];
    const li = h(
      'li',
      { class: 'candidate', 'data-other': other },
      h('strong', { title: other, text: name || shortIri(other) }),
      h('span', { class: 'muted small', text: ` ${c.score.toFixed(1)} bits${c.score < 0 ? ' (unlikely)' : ''}${c.reasons.length ? ` · ${c.reasons.join(', ')}` : ''}` }),
    );
    if (writable) {
      li.append(
        h('br'),
        actionButton(n, 'Merge', 'merge', { a: n.iri, b: other }, `Merged ${name} into ${n.label}`, `The same entity: ${name} takes this one's IRI`),
        actionButton(n, 'Distinguish', 'distinguish', { a: n.iri, b: other }, `${name} judged distinct`, 'Two entities: never merge them'),
      );
    }
    return li;
  }

  function judgementItem(n, j, writable) {
    const names = j.targets.map((t, i) => (j.names[i] ? j.names[i] : shortIri(t)));
    const what = j.kind === 'merge' ? `merge: ${names[0]} ← ${names[1]}` : `${j.kind}: ${names.join(' ≠ ')}`;
    const li = h(
      'li',
      { class: 'judgement', 'data-judgement': j.iri },
      h('strong', { text: what }),
      h('span', { class: 'muted small', title: j.iri, text: ` ${j.created}${j.note ? ` — ${j.note}` : ''}` }),
    );
    if (writable) li.append(' ', actionButton(n, 'Undo', 'undo', { judgement: j.iri }, `Undone: ${what}`, 'Take this judgement back'));
    return li;
  }

  function selectEdge(key) {
    const e = graph.edges.get(key);
    if (!e) return;
    graph.selectedEdge = key;
    for (const el of svg.querySelectorAll('.selected')) el.classList.remove('selected');
    for (const el of svg.querySelectorAll('g.edge, g.edge-label')) {
      if (el.dataset.key === key) el.classList.add('selected');
    }
    const from = graph.nodes.get(e.source);
    const to = graph.nodes.get(e.target);
    $('details-title').textContent = 'Evidence';
    const dl = h(
      'dl',
      {},
      h('dt', { text: 'Tie' }),
      h('dd', { class: 'tie-kind', text: TIE_NAMES[e.kind] || e.kind }),
      h('dt', { text: 'Label' }),
      h('dd', { class: 'tie-label', text: e.label || '—' }),
      h('dt', { text: 'From' }),
      h('dd', { text: from ? from.label : shortIri(e.source) }),
      h('dt', { text: 'To' }),
      h('dd', { text: to ? to.label : shortIri(e.target) }),
    );
    const list = h('ol', { class: 'evidence' });
    for (const ev of e.evidence) {
      list.append(
        h(
          'li',
          {},
          h('p', { class: 'sentence', text: ev.sentence }),
          h('cite', { class: 'report', title: ev.report, text: shortIri(ev.report) }),
        ),
      );
    }
    const count = h('p', {
      class: 'muted small',
      text: e.evidence.length ? `Read from ${plural(e.evidence.length, 'sentence', 'sentences')}:` : 'No evidence sentence was recorded for this tie.',
    });
    details.replaceChildren(dl, count, list);
  }

  // ---------------------------------------------------------------- start

  render();
  loadNamedQueries();
})();
