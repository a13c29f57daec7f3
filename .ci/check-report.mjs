// The report's browser check, run by .ci/check-report.sh: opens the cohort report in headless
// Chromium through playwright-core (installed under artifacts/browser), fails on any console error,
// page error or request that is not the file itself, sorts the cohort table by clicking headers and
// checks the order, opens the charts of the first pupils, checks what is due, the cohort chart, the
// filters and a pupil's marks, and takes a full-page screenshot.
// Usage: node .ci/check-report.mjs artifacts/report.html artifacts/report.png
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [reportArg = 'artifacts/report.html', screenshotArg = 'artifacts/report.png'] = process.argv.slice(2);
const report = path.resolve(reportArg);
const screenshot = path.resolve(screenshotArg);
const require = createRequire(path.resolve('artifacts/browser/package.json'));
const { chromium } = require('playwright-core');

const failures = [];
const fail = (message) => { failures.push(message); console.error(`check-report: FAIL: ${message}`); };
const pass = (message) => console.log(`check-report: ok: ${message}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      fail(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => fail(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) {
      fail(`the page requested ${request.url()} (it must be self-contained)`);
    }
  });

  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

  const pupils = Number(await page.textContent('#count-pupils'));
  const rows = await page.locator('#cohort tbody tr').count();
  const charts = await page.locator('details svg.chart').count();
  if (!(pupils > 0)) fail(`the header counts ${pupils} pupils`);
  if (rows !== pupils) fail(`the cohort table has ${rows} rows for ${pupils} pupils`); else pass(`${rows} table rows`);
  if (charts !== pupils) fail(`${charts} charts for ${pupils} pupils`); else pass(`${charts} charts`);

  // Column values as the sort sees them: data-v where given, else the text.
  const column = (index) => page.$$eval('#cohort tbody tr', (trs, i) => trs.map((tr) => {
    const cell = tr.cells[i];
    return cell.getAttribute('data-v') ?? cell.textContent;
  }), index);
  const headerIndex = (name) => page.$$eval('#cohort thead th', (ths, n) => ths.findIndex((th) => th.textContent.trim() === n), name);
  const numeric = (values) => values.map((v) => (v === '' ? NaN : Number(v)));
  const sortedNumbers = (values, ascending) => {
    const present = values.filter((v) => !Number.isNaN(v));
    const missingLast = values.slice(present.length).every((v) => Number.isNaN(v));
    return missingLast && present.every((v, i) => i === 0 || (ascending ? present[i - 1] <= v : present[i - 1] >= v));
  };

  const attendance = await headerIndex('Attendance %');
  if (attendance < 0) {
    fail('no "Attendance %" column header');
  } else {
    const before = numeric(await column(attendance));
    await page.click(`#cohort thead th:nth-child(${attendance + 1}) button`);
    const ascending = numeric(await column(attendance));
    const sort = await page.getAttribute(`#cohort thead th:nth-child(${attendance + 1})`, 'aria-sort');
    if (!sortedNumbers(ascending, true)) fail('after one click on "Attendance %" the rows are not in ascending order');
    else if (JSON.stringify(ascending) === JSON.stringify(before)) fail('clicking "Attendance %" did not change the order');
    else if (sort !== 'ascending') fail(`the sorted header has aria-sort="${sort}"`);
    else pass(`"Attendance %" sorts ascending (${ascending[0]} first, was ${before[0]})`);

    await page.click(`#cohort thead th:nth-child(${attendance + 1}) button`);
    const descending = numeric(await column(attendance));
    if (!sortedNumbers(descending, false)) fail('after a second click on "Attendance %" the rows are not in descending order');
    else pass(`"Attendance %" sorts descending (${descending[0]} first)`);
  }

  const pupil = await headerIndex('Pupil');
  if (pupil < 0) {
    fail('no "Pupil" column header');
  } else {
    await page.click(`#cohort thead th:nth-child(${pupil + 1}) button`);
    const ids = await column(pupil);
    const expected = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (JSON.stringify(ids) !== JSON.stringify(expected)) fail('after a click on "Pupil" the rows are not in pupil order');
    else pass(`"Pupil" sorts ascending (${ids[0]} first)`);
  }

  // Sort by attendance again, open the lowest pupil's chart through the table's link, and the first two charts.
  if (attendance >= 0) {
    await page.click(`#cohort thead th:nth-child(${attendance + 1}) button`);
    const link = page.locator('#cohort tbody tr:first-child a.pupil');
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    if (!(await page.$eval(`[id="${target}"]`, (d) => d.open))) fail(`the table's link did not open the chart ${target}`);
    else pass(`the table's link opens the chart of ${await link.textContent()}`);
  }
  await page.$$eval('details', (all) => all.slice(0, 2).forEach((d) => { d.open = true; }));
  const box = await page.locator('details[open] svg.chart').first().boundingBox();
  if (!box || box.width < 300 || box.height < 60) fail(`an open chart is ${box ? `${box.width}x${box.height}` : 'not visible'}`);
  else pass(`an open chart is ${Math.round(box.width)}x${Math.round(box.height)}`);
  const dots = await page.locator('details[open] svg.chart circle').count();
  const titled = await page.locator('details[open] svg.chart circle > title').count();
  if (dots === 0 || titled !== dots) fail(`the open charts have ${dots} action dots, ${titled} with a tooltip`);
  else pass(`${dots} action dots with tooltips on the open charts`);

  // What is due: the page opens on today's actions, grouped by kind, each pupil linked to their section.
  const dueRows = await page.locator('#due-today tbody tr a.pupil').count();
  const dueCount = Number(await page.textContent('#count-due-today'));
  const dueFirst = await page.evaluate(() => {
    const due = document.getElementById('due-today');
    const cohort = document.getElementById('cohort');
    return !!due && !!cohort && (due.compareDocumentPosition(cohort) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  if (!dueFirst) fail('the due-today section does not come before the cohort table');
  else if (dueCount > 0 && dueRows === 0) fail(`the header counts ${dueCount} actions due today but the section lists none`);
  else pass(`due today: ${dueCount} actions, ${dueRows} pupil rows`);
  if (dueRows > 0) {
    const link = page.locator('#due-today tbody tr a.pupil').first();
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    if (!(await page.$eval(`[id="${target}"]`, (d) => d.open))) fail(`the due list's link did not open ${target}`);
    else pass(`the due list's link opens ${await link.textContent()}`);
  }

  // The cohort's weekly chart with its lines.
  const cohortPoints = await page.$eval('#cohort-chart polyline.cohort', (p) => p.getAttribute('points').trim().split(/\s+/).length).catch(() => 0);
  const cohortLines = await page.locator('#cohort-chart line.thr').count();
  if (cohortPoints < 10 || cohortLines === 0) fail(`the cohort chart has ${cohortPoints} weeks and ${cohortLines} threshold lines`);
  else pass(`the cohort chart has ${cohortPoints} weeks and ${cohortLines} threshold lines`);

  // Filters: a year group and a flag; every row shown matches, the count says how many.
  const visibleRows = () => page.$$eval('#cohort tbody tr', (trs) => trs.filter((tr) => !tr.hidden).map((tr) => ({
    year: tr.getAttribute('data-year'), flags: tr.getAttribute('data-flags'), section: tr.getAttribute('data-section'),
  })));
  const year = await page.$eval('#filter-year', (s) => s.options[1]?.value ?? '');
  await page.selectOption('#filter-year', year);
  await page.selectOption('#filter-flag', 'persistent');
  const filtered = await visibleRows();
  const shown = Number(await page.textContent('#shown'));
  const hiddenSections = await page.$$eval('details[data-pupil]', (all) => all.filter((d) => d.hidden).length);
  if (filtered.length === 0 || filtered.length === rows) fail(`filtering by year ${year} and persistent absence shows ${filtered.length} of ${rows} rows`);
  else if (!filtered.every((r) => r.year === year && r.flags.split(' ').includes('persistent'))) fail('a filtered row does not match the filters');
  else if (shown !== filtered.length) fail(`the page says ${shown} shown for ${filtered.length} rows`);
  else if (hiddenSections !== rows - filtered.length) fail(`${hiddenSections} pupil sections hidden for ${rows - filtered.length} hidden rows`);
  else pass(`year ${year} and persistent absence: ${filtered.length} of ${rows} pupils shown, their sections only`);
  await page.selectOption('#filter-year', '');
  await page.selectOption('#filter-flag', '');
  if ((await visibleRows()).length !== rows) fail('clearing the filters does not show every row again');

  // A pupil's marks: drawn when opened, a cell a session with its code on hover.
  const opened = await page.$eval('details[open][data-pupil]', (d) => d.id);
  const cells = await page.locator(`[id="${opened}"] table.marks td.s[title]`).count();
  const title = await page.locator(`[id="${opened}"] table.marks td.s[title]`).first().getAttribute('title').catch(() => '');
  if (cells < 100 || !/^\d{4}-\d{2}-\d{2} (AM|PM): \S+ \(/.test(title)) fail(`the marks of ${opened} have ${cells} cells, the first titled "${title}"`);
  else pass(`the marks of ${opened}: ${cells} sessions, e.g. "${title}"`);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot ${screenshotArg}`);
} finally {
  await browser.close();
}

if (failures.length > 0) {
  console.error(`check-report: ${failures.length} failure${failures.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log('check-report: the report renders without errors and sorts');
