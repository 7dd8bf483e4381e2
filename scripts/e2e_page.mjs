#!/usr/bin/env node
// End-to-end test of the page of `ties serve`, in headless Chromium driven by playwright-core.
//
//   cd scripts && npm install --no-audit --no-fund
//   BASE_URL=http://127.0.0.1:7979 node e2e_page.mjs
//
// BASE_URL is a running `ties serve` over a store of data/reports. CHROMIUM is the browser
// (default /usr/bin/chromium, Debian's package), SCREENSHOT where the picture of the page goes
// (default /tmp/ties-page.png), E2E_TIMEOUT_MS how long each wait may take (default 20000).
// TOKEN, the token a writable server printed: with it, the page's updates are tested too (refused
// when the page was opened without the token; done, then visible, when opened at /?token=…).
//
// It checks that the page works offline (every request to another origin is aborted, and none
// may be attempted), that a named query runs into a table, that an entity found by the search
// box is drawn as a network, that a tie shows its evidence and a node expands in place, that
// (with TOKEN) an organisation's review merges a candidate by its button and Undo takes it back,
// and that the page raises no script error. It exits 1 with the failing step on any failure.

import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const SCREENSHOT = process.env.SCREENSHOT || '/tmp/ties-page.png';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 20000);
const TOKEN = process.env.TOKEN || '';

let step = 'starting';
const log = (msg) => console.log(`e2e_page: ${msg}`);

class Failure extends Error {}
function check(ok, message) {
  if (!ok) throw new Failure(message);
}

async function main() {
  check(BASE_URL, 'set BASE_URL to a running `ties serve`, e.g. BASE_URL=http://127.0.0.1:7979');
  let origin;
  try {
    origin = new URL(BASE_URL).origin;
  } catch {
    throw new Failure(`BASE_URL is not a URL: ${BASE_URL}`);
  }

  step = 'reaching the server';
  try {
    const res = await fetch(`${BASE_URL}/api/queries`, { signal: AbortSignal.timeout(TIMEOUT) });
    check(res.ok, `GET ${BASE_URL}/api/queries answered ${res.status}`);
  } catch (e) {
    if (e instanceof Failure) throw e;
    throw new Failure(`no ties serve answers at ${BASE_URL} (${e.cause?.code || e.message})`);
  }

  step = 'launching Chromium';
  const profile = mkdtempSync(join(tmpdir(), 'ties-e2e-profile-'));
  let context;
  try {
    // A persistent context on a fresh, empty profile directory (chromium.launch cannot take one).
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 800 },
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Failure(`could not start Chromium at ${CHROMIUM} (set CHROMIUM): ${e.message.split('\n')[0]}`);
  }

  const blocked = [];
  const pageErrors = [];
  const consoleErrors = [];
  try {
    // (a) Offline: only BASE_URL's origin may be reached.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      let o = null;
      try {
        o = new URL(url).origin;
      } catch {
        /* not a URL with an origin */
      }
      if (o === origin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });

    // (d) The screenshot, also when a step failed (to see why).
    const failedStep = await run(page).then(
      () => null,
      (e) => e,
    );
    await page.screenshot({ path: SCREENSHOT, fullPage: true }).catch((e) => log(`no screenshot: ${e.message}`));
    if (failedStep) throw failedStep;

    step = 'checking what the page asked for';
    log(`screenshot saved to ${SCREENSHOT}`);
    check(!blocked.length, `the page tried to reach other origins (blocked): ${blocked.join(', ')}`);
    check(!pageErrors.length, `the page raised script errors: ${pageErrors.join(' | ')}`);
    if (consoleErrors.length) log(`console errors (expected ones include the 400 of the bad query): ${consoleErrors.length}`);
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

async function run(page) {
  // (a) The page, its script and its style, from the server alone.
  step = `opening ${BASE_URL}/`;
  const res = await page.goto(`${BASE_URL}/`, { waitUntil: 'load' });
  check(res && res.ok(), `GET / answered ${res ? res.status() : 'nothing'}`);
  check((await page.locator('h1').innerText()).trim() === 'ties', 'the page has no "ties" header');
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('#sparql')).fontFamily);
  check(/mono/i.test(styled), `style.css is not applied (the editor's font is "${styled}")`);

  step = 'loading the named queries';
  await page.waitForSelector('#named-query option[value="affiliations"]', { state: 'attached' });

  // A bad query shows the server's message in the error box (run with Ctrl+Enter).
  step = 'running a bad query with Ctrl+Enter';
  await page.fill('#sparql', 'SELECT ?x WHERE { this is not sparql');
  await page.focus('#sparql');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#query-error:not([hidden])');
  const errorText = (await page.locator('#query-error').innerText()).trim();
  check(errorText.length > 10, `the error box is empty: "${errorText}"`);
  const errorColour = await page.evaluate(() => getComputedStyle(document.querySelector('#query-error')).color);
  const [r, g, b] = (errorColour.match(/\d+/g) || []).map(Number);
  check(r > 100 && r > 2 * g && r > 2 * b, `the error box is not red (${errorColour})`);
  log(`bad query → error box: ${errorText.split('\n').slice(0, 2).join(' / ').slice(0, 120)}`);

  // (b) The "affiliations" named query into a table.
  step = 'choosing the "affiliations" named query';
  await page.selectOption('#named-query', 'affiliations');
  const text = await page.inputValue('#sparql');
  check(/SELECT/i.test(text) && /org:member /.test(text), 'choosing "affiliations" did not load its text into the editor');

  step = 'running "affiliations"';
  await page.click('#run');
  await page.waitForFunction(() => document.querySelectorAll('#result table.results tbody tr').length >= 5 || !document.querySelector('#query-error').hidden);
  check(await page.locator('#query-error').isHidden(), `the query failed: ${await page.locator('#query-error').innerText().catch(() => '')}`);
  const rows = await page.locator('#result table.results tbody tr').count();
  check(rows >= 5, `"affiliations" gave ${rows} rows, expected at least 5`);
  const headers = (await page.locator('#result table.results thead th').allInnerTexts()).map((t) => t.trim());
  check(headers.includes('person'), `the table's header lacks "person": ${headers.join(', ')}`);
  const status = await page.locator('#result-status').innerText();
  check(status.includes(`${rows} row`), `the row count is not shown ("${status}")`);
  const iriCell = page.locator('#result table.results td .iri[title^="urn:ties:"]').first();
  if (await iriCell.count()) {
    const [shown, full] = [await iriCell.innerText(), await iriCell.getAttribute('title')];
    check(!shown.startsWith('urn:ties:') && full.endsWith(shown), `IRIs are not shortened (${shown} for ${full})`);
  }
  const personColumn = headers.indexOf('person'); // the first header is the row number
  const name = (await page.locator('#result table.results tbody tr').first().locator('td').nth(personColumn).innerText()).trim();
  check(name.length > 1, 'the first row has no person');
  log(`affiliations: ${rows} rows, columns ${headers.slice(1).join(', ')}; first person "${name}"`);

  // (c) Search for that person, draw the network, read a tie's evidence.
  step = `searching for "${name}"`;
  await page.click('#entity-search');
  await page.locator('#entity-search').pressSequentially(name, { delay: 25 });
  const wanted = page.locator('#suggestions button', { hasText: name });
  await wanted.first().waitFor();
  const people = page.locator('#suggestions button[data-kind="person"]', { hasText: name });
  const suggestion = (await people.count()) ? people.first() : wanted.first();
  log(`suggestions: ${(await page.locator('#suggestions button .name').allInnerTexts()).join(', ')}`);
  await suggestion.click();

  step = `drawing the network of "${name}"`;
  await page.waitForFunction(
    (label) => {
      const nodes = document.querySelectorAll('svg#graph g.node');
      return nodes.length >= 2 && [...nodes].some((n) => n.textContent.includes(label));
    },
    name,
  );
  const nodeCount = await page.locator('svg#graph g.node').count();
  const edgeCount = await page.locator('svg#graph g.edge').count();
  check(edgeCount >= 1, 'the network has no ties');
  await checkLabels(page);
  log(`network of "${name}": ${nodeCount} nodes, ${edgeCount} ties`);

  step = 'clicking a tie';
  await clickEdge(page, 0);
  await page.waitForSelector('#details .sentence');
  const sentence = (await page.locator('#details .sentence').first().innerText()).trim();
  check(sentence.length > 20, `the evidence panel shows no sentence ("${sentence}")`);
  const kind = (await page.locator('#details .tie-kind').innerText()).trim();
  log(`tie (${kind}) evidence: "${sentence.slice(0, 100)}${sentence.length > 100 ? '…' : ''}"`);

  // Expanding a neighbour keeps every position drawn so far.
  step = 'expanding a node';
  const before = await positions(page);
  const neighbour = page.locator('svg#graph g.node:not(.expanded)').first();
  if (await neighbour.count()) {
    const iri = await neighbour.getAttribute('data-iri');
    await neighbour.locator('.shape').click();
    await page.waitForSelector(`svg#graph g.node.expanded[data-iri="${iri}"]`);
    const after = await positions(page);
    for (const [k, v] of Object.entries(before)) {
      check(after[k] === v, `expanding ${iri} moved ${k} from ${v} to ${after[k]}`);
    }
    check(Object.keys(after).length >= Object.keys(before).length, 'expanding lost nodes');
    await checkLabels(page);
    log(`expanded ${iri}: ${Object.keys(before).length} → ${Object.keys(after).length} nodes, existing positions kept`);
    step = 'clicking a tie again';
    await clickEdge(page, 0);
    await page.waitForSelector('#details .sentence');
  }
  if (TOKEN) await writes(page);
  else log('no TOKEN (a read-only server): the page\'s updates are not tested');
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Runs `text` in the query box and waits for the status line or the error box to change. */
async function runText(page, text) {
  await page.evaluate(() => {
    document.querySelector('#result-status').textContent = '';
    document.querySelector('#query-error').hidden = true;
  });
  await page.fill('#sparql', text);
  await page.click('#run');
  await page.waitForFunction(
    () => document.querySelector('#result-status').textContent.includes(' s') || !document.querySelector('#query-error').hidden,
  );
  const error = await page.locator('#query-error');
  if (await error.isVisible()) return { error: (await error.innerText()).trim() };
  return { status: (await page.locator('#result-status').innerText()).trim() };
}

/** Updates from the page: refused without the token, done with it (and the token leaves the
 *  address bar). */
async function writes(page) {
  const graph = 'urn:ties:e2e-check';
  const insert = `INSERT DATA { GRAPH <${graph}> { <urn:ties:e2e-s> <urn:ties:e2e-p> "from the page" } }`;
  const ask = `ASK { GRAPH <${graph}> { <urn:ties:e2e-s> <urn:ties:e2e-p> "from the page" } }`;

  step = 'an update from the page opened without the token';
  let out = await runText(page, insert);
  check(out.error && /token/i.test(out.error), `an update without the token was not refused: ${JSON.stringify(out)}`);
  out = await runText(page, ask);
  check(out.status && /no/.test(out.status), `a refused update wrote: ${JSON.stringify(out)}`);

  step = 'opening the page with the token';
  const res = await page.goto(`${BASE_URL}/?token=${encodeURIComponent(TOKEN)}`, { waitUntil: 'load' });
  check(res && res.ok(), `GET /?token= answered ${res ? res.status() : 'nothing'}`);
  await page.waitForSelector('#named-query option[value="affiliations"]', { state: 'attached' });
  check(!page.url().includes('token='), `the token stays in the address bar: ${page.url()}`);

  step = 'an update from the page with the token';
  out = await runText(page, insert);
  check(out.status && /Update done/.test(out.status), `the update failed: ${JSON.stringify(out)}`);
  out = await runText(page, ask);
  check(out.status && /yes/.test(out.status), `the update is not visible: ${JSON.stringify(out)}`);
  out = await runText(page, `DELETE DATA { GRAPH <${graph}> { <urn:ties:e2e-s> <urn:ties:e2e-p> "from the page" } }`);
  check(out.status && /Update done/.test(out.status), `the delete failed: ${JSON.stringify(out)}`);
  out = await runText(page, ask);
  check(out.status && /no/.test(out.status), `the delete is not visible: ${JSON.stringify(out)}`);
  log('updates: refused without the token, done and visible with it');
  await curation(page);
}

/** True when some report graph still names `iri` (asked through the query box). */
async function inReports(page, iri) {
  const out = await runText(page, `ASK { GRAPH ?g { { <${iri}> ?p ?o } UNION { ?s ?p <${iri}> } } FILTER(STRSTARTS(STR(?g), "urn:ties:report/")) }`);
  check(out.status, `the ASK failed: ${JSON.stringify(out)}`);
  return /yes/.test(out.status);
}

/** An organisation's review: merge a candidate duplicate into it with its button, see the merged
 *  IRI gone from every report, undo the merge with the Undo button, see it back. */
async function curation(page) {
  step = 'finding an organisation to review';
  await page.fill('#entity-search', '');
  await page.click('#entity-search');
  await page.locator('#entity-search').pressSequentially('Workers', { delay: 25 });
  const org = page.locator('#suggestions button[data-kind="organization"]').first();
  await org.waitFor();
  const orgIri = await org.getAttribute('title');
  await org.click();
  step = `reviewing ${orgIri}`;
  const node = page.locator(`svg#graph g.node[data-iri="${orgIri}"]`);
  await node.waitFor();
  await node.locator('.shape').click();
  await page.waitForSelector('#review h4');
  const claims = await page.locator('#review li.claim .sentence').count();
  check(claims >= 1, 'the review shows no claim with its sentence');
  const candidate = page.locator('#review li.candidate').first();
  await candidate.waitFor();
  const other = await candidate.getAttribute('data-other');
  check(await inReports(page, other), `${other} is not in the reports before the merge`);

  step = `merging ${other} into ${orgIri} with the Merge button`;
  await page.locator(`#review li.candidate[data-other="${other}"] button.merge`).click();
  await page.waitForFunction(() => /Merged/.test(document.querySelector('#review .review-said')?.textContent || ''));
  await page.locator('#review li.judgement button.undo').first().waitFor();
  check(!(await inReports(page, other)), `${other} is still in the reports after the merge`);

  step = 'undoing the merge with the Undo button';
  await page.locator('#review li.judgement button.undo').first().click();
  await page.waitForFunction(() => /Undone/.test(document.querySelector('#review .review-said')?.textContent || ''));
  check(await inReports(page, other), `${other} is not back in the reports after the undo`);
  log(`curation: ${other} merged into ${orgIri} by its button and back by Undo (${claims} claims shown)`);
}

/** Clicks the middle of the i-th tie's line, where the browser itself finds what is on top. */
async function clickEdge(page, i) {
  const point = await page.evaluate((i) => {
    const path = document.querySelectorAll('svg#graph g.edge path.edge-line')[i];
    if (!path) return null;
    path.scrollIntoView({ block: 'center' });
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    const q = new DOMPoint(p.x, p.y).matrixTransform(m);
    return { x: q.x, y: q.y };
  }, i);
  check(point, 'there is no tie to click');
  await page.mouse.click(point.x, point.y);
}

/** Node positions (transforms) by IRI. */
async function positions(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('svg#graph g.node')].map((g) => [g.dataset.iri, g.getAttribute('transform')])),
  );
}

/** Node labels must not overlap one another. */
async function checkLabels(page) {
  const clashes = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('svg#graph text.node-label')].map((t) => [t.textContent, t.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i];
        const [b, rb] = boxes[j];
        if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) out.push(`${a} / ${b}`);
      }
    }
    return out;
  });
  check(!clashes.length, `node labels overlap: ${clashes.join('; ')}`);
}

const guard = setTimeout(() => {
  console.error(`e2e_page: FAILED while ${step}: the whole test took longer than ${(TIMEOUT * 8) / 1000} s`);
  process.exit(1);
}, TIMEOUT * 8);

main().then(
  () => {
    clearTimeout(guard);
    log('PASSED');
  },
  (e) => {
    clearTimeout(guard);
    const message = e instanceof Failure ? e.message : (e && e.message ? e.message.split('\n')[0] : String(e));
    console.error(`e2e_page: FAILED while ${step}: ${message}`);
    process.exitCode = 1;
  },
);
