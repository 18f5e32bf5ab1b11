#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/* The site in a real browser (puppeteer-core driving the system Chromium,
 * pages from file://):
 *   - axe-core: no violation of impact "serious" or "critical" on each page
 *     given, at 1280 px (WCAG 2.0-2.2 AA and best practice) and at 360 px
 *     (WCAG 2.0-2.2 AA);
 *   - no request leaves the site (anything but file: and data: fails);
 *   - at 360 px wide no page scrolls sideways as a whole;
 *   - clicking a header sorts the rows and sets aria-sort (numbers as
 *     numbers, names in Vietnamese order, "no figure" cells last);
 *   - the unit search hides the rows that do not match, ignoring
 *     diacritics, and the group filter keeps one group;
 *   - with JavaScript off every row of the HTML is there and shown.
 * Usage: check.js SITE_DIR SHOTS_DIR PAGE...   (pages relative to SITE_DIR;
 * the first group page, target page and unit page given are the ones the
 * interactions are tried on).  Prints "ok: ..." lines; exits 1 with
 * "FAIL: ..." lines on any failure. */
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [site, shots, ...pages] = process.argv.slice(2);
if (!site || !shots || !pages.length) {
	console.error('usage: check.js SITE_DIR SHOTS_DIR PAGE...');
	process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let failures = 0;
function fail(msg) {
	console.log('FAIL: ' + msg);
	failures++;
}
function url(p) {
	return 'file://' + path.resolve(site, p);
}

/* The tables that list units: their rows link to don-vi/ pages. */
function unitTables() {
	return Array.from(document.querySelectorAll('main table'))
		.filter((t) => t.tBodies[0] && t.tBodies[0].querySelector('a[href*="don-vi/"]'));
}

/* The cells of the column labelled label of the first unit table that has
 * one, in row order, as the page shows them (hidden rows left out). */
async function column(page, label) {
	return page.evaluate((label, find) => {
		for (const table of eval(find)()) {
			const ths = Array.from(table.tHead ? table.tHead.rows[0].cells : []);
			const col = ths.findIndex((th) => th.textContent.replace(/[⇅▲▼]/g, '').trim() === label);
			if (col < 0)
				continue;
			const rows = Array.from(table.tBodies[0].rows).filter((tr) => !tr.hidden);
			return {
				sort: ths[col].getAttribute('aria-sort'),
				cells: rows.map((tr) => tr.cells[col].textContent.trim()),
			};
		}
		return null;
	}, label, '(' + unitTables.toString() + ')');
}

async function clickHeader(page, label) {
	const ok = await page.evaluate((label, find) => {
		for (const table of eval(find)()) {
			for (const th of table.tHead ? table.tHead.rows[0].cells : []) {
				if (th.textContent.replace(/[⇅▲▼]/g, '').trim() !== label)
					continue;
				const b = th.querySelector('button');
				if (!b)
					return false;
				b.click();
				return true;
			}
		}
		return false;
	}, label, '(' + unitTables.toString() + ')');
	if (!ok)
		fail(`no sort button on the header '${label}'`);
}

function num(text) {
	const m = /^[●×–?\s]*(-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)/.exec(text);
	return m ? parseFloat(m[1].replace(/\./g, '').replace(',', '.')) : NaN;
}
function noFigure(text) {
	return /^[\s?–—-]*$/.test(text) || /Không phát sinh|Chưa báo cáo/.test(text);
}

/* Rows with a figure first, in order; rows without one after them. */
function checkOrder(what, cells, cmp) {
	let seenLast = false, prev = null;
	for (const c of cells) {
		if (noFigure(c)) {
			seenLast = true;
			continue;
		}
		if (seenLast)
			return fail(`${what}: '${c}' comes after a cell without a figure`);
		if (prev !== null && cmp(prev, c) > 0)
			return fail(`${what}: '${prev}' before '${c}'`);
		prev = c;
	}
	console.log(`ok: ${what} (${cells.length} rows)`);
}

(async () => {
	const browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
			'--allow-file-access-from-files'],
	});
	try {
		const page = await browser.newPage();
		await page.setRequestInterception(true);
		page.on('request', (r) => {
			const u = r.url();
			if (u.startsWith('file:') || u.startsWith('data:'))
				return r.continue();
			fail(`a request leaves the site: ${u}`);
			r.abort();
		});
		const errors = [];
		page.on('pageerror', (e) => errors.push(String(e)));

		for (const p of pages) {
			/* axe at the desktop width */
			await page.setViewport({width: 1280, height: 900});
			await page.goto(url(p), {waitUntil: 'load'});
			await page.evaluate(axeSource);
			const res = await page.evaluate(() => axe.run(document, {
				runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
					'best-practice']},
				resultTypes: ['violations'],
			}));
			const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			for (const v of bad)
				fail(`${p}: axe ${v.impact} ${v.id} (${v.nodes.length}×): ${v.help}; first: ` +
					v.nodes[0].target.join(' '));
			if (!bad.length)
				console.log(`ok: ${p}: no serious or critical axe violation ` +
					`(${res.violations.length} minor)`);
			/* 360 px: the same rules (WCAG 2.2's target size depends on
			 * the layout), and the page itself never scrolls sideways */
			await page.setViewport({width: 360, height: 740});
			await page.goto(url(p), {waitUntil: 'load'});
			await page.evaluate(axeSource);
			const res360 = await page.evaluate(() => axe.run(document, {
				runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
				resultTypes: ['violations'],
			}));
			const bad360 = res360.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			for (const v of bad360)
				fail(`${p} at 360 px: axe ${v.impact} ${v.id} (${v.nodes.length}×): ${v.help}; first: ` +
					v.nodes[0].target.join(' '));
			if (!bad360.length)
				console.log(`ok: ${p} at 360 px: no serious or critical WCAG 2.2 AA violation`);
			const w = await page.evaluate(() =>
				[document.documentElement.scrollWidth, document.documentElement.clientWidth]);
			if (w[0] > w[1])
				fail(`${p}: at 360 px the page is ${w[0]} px wide for ${w[1]} px`);
			else
				console.log(`ok: ${p}: fits 360 px`);
		}
		if (errors.length)
			fail('script errors: ' + errors.join('; '));

		/* axe must be able to fail: the first page without its lang
		 * (html-has-lang, serious) and with an image without alt text
		 * (image-alt, critical) */
		await page.setViewport({width: 360, height: 740});
		await page.goto(url(pages[0]), {waitUntil: 'load'});
		await page.evaluate(axeSource);
		const neg = await page.evaluate(() => {
			document.documentElement.removeAttribute('lang');
			const img = document.querySelector('main img');
			if (img)
				img.removeAttribute('alt');
			return axe.run(document, {resultTypes: ['violations']});
		});
		const ids = neg.violations.map((v) => v.id);
		if (!ids.includes('html-has-lang'))
			fail(`${pages[0]}: axe did not see a page without lang (${ids.join(', ')})`);
		else
			console.log(`ok: axe fails a spoiled copy of ${pages[0]} (${ids.join(', ')})`);

		const group = pages.find((p) => p.startsWith('nhom/'));
		const target = pages.find((p) => p.startsWith('chi-tieu/'));
		const collator = new Intl.Collator('vi', {sensitivity: 'base', numeric: true});

		/* A target's unit list: sort by rate both ways, then by name. */
		if (target) {
			await page.setViewport({width: 1280, height: 1800});
			await page.goto(url(target), {waitUntil: 'load'});
			await clickHeader(page, 'Tỷ lệ');
			let c = await column(page, 'Tỷ lệ');
			if (!c || c.sort !== 'ascending')
				fail(`${target}: aria-sort is ${c && c.sort} after one click, not ascending`);
			else
				checkOrder(`${target}: rates ascending`, c.cells, (a, b) => num(a) - num(b));
			await clickHeader(page, 'Tỷ lệ');
			c = await column(page, 'Tỷ lệ');
			if (!c || c.sort !== 'descending')
				fail(`${target}: aria-sort is ${c && c.sort} after two clicks, not descending`);
			else
				checkOrder(`${target}: rates descending`, c.cells, (a, b) => num(b) - num(a));
			/* counts with digit groups ("37.735") sort as numbers */
			await clickHeader(page, 'Tử số');
			c = await column(page, 'Tử số');
			if (!c || c.sort !== 'ascending')
				fail(`${target}: aria-sort is ${c && c.sort} on Tử số after one click`);
			else
				checkOrder(`${target}: counts ascending`, c.cells, (a, b) => num(a) - num(b));
			await clickHeader(page, 'Đơn vị');
			c = await column(page, 'Đơn vị');
			const r = await column(page, 'Tỷ lệ');
			if (!c || c.sort !== 'ascending' || (r && r.sort))
				fail(`${target}: sorting by name left aria-sort ${c && c.sort} / ${r && r.sort}`);
			else
				checkOrder(`${target}: names in Vietnamese order`, c.cells, (a, b) => collator.compare(a, b));
			/* the group filter: one group's units only */
			const picked = await page.evaluate(() => {
				const s = document.querySelector('main .loc select');
				if (!s || s.options.length < 3)
					return null;
				s.value = s.options[1].value;
				s.dispatchEvent(new Event('change'));
				return s.value;
			});
			if (!picked)
				fail(`${target}: no group filter`);
			else {
				const g = await column(page, 'Nhóm');
				if (!g.cells.length || g.cells.some((x) => x !== picked))
					fail(`${target}: the group filter '${picked}' shows ${g.cells.length} rows, not all of it`);
				else
					console.log(`ok: ${target}: the group filter keeps ${g.cells.length} rows of '${picked}'`);
			}
			await page.screenshot({path: path.join(shots, 'chi-tieu-sorted-filtered-1280.png'), fullPage: true});
			await page.setViewport({width: 360, height: 1800});
			await page.screenshot({path: path.join(shots, 'chi-tieu-sorted-filtered-360.png'), fullPage: true});
		}

		/* A group's page: the search ignores diacritics; JS off keeps all. */
		if (group) {
			await page.setViewport({width: 1280, height: 1800});
			await page.goto(url(group), {waitUntil: 'load'});
			const find = '(' + unitTables.toString() + ')';
			const total = await page.evaluate((f) => eval(f)()[0].tBodies[0].rows.length, find);
			/* the last unit's name, typed without its marks, in lower case */
			const name = await page.evaluate((f) => {
				const rows = eval(f)()[0].tBodies[0].rows;
				return rows[rows.length - 1].querySelector('a').textContent;
			}, find);
			const typed = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
				.toLowerCase().split(' ').slice(-2).join(' ');
			const input = await page.evaluateHandle((f) => {
				const box = eval(f)()[0].closest('.bang');
				const loc = box.previousElementSibling;
				return loc && loc.classList.contains('loc') ? loc.querySelector('input') : null;
			}, find).then((h) => h.asElement());
			if (!input)
				fail(`${group}: no search box`);
			else {
				await input.type(typed);
				const seen = await page.evaluate((f) => {
					const table = eval(f)()[0];
					/* a parent's row heading its units (dia-ban/) is no unit */
					const rows = Array.from(table.tBodies[0].rows)
						.filter((tr) => !tr.cells[0].querySelector('a[href*="dia-ban/"]'));
					return {
						shown: rows.filter((tr) => !tr.hidden).map((tr) => tr.cells[0].textContent.trim()),
						hidden: rows.filter((tr) => tr.hidden).length,
						status: table.closest('.bang').previousElementSibling.querySelector('.dem').textContent,
					};
				}, find);
				const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
				if (!seen.shown.includes(name.trim()))
					fail(`${group}: typing '${typed}' hid '${name}'`);
				else if (seen.shown.some((n) => !fold(n).includes(typed)))
					fail(`${group}: typing '${typed}' kept ${seen.shown.join(', ')}`);
				else if (!seen.hidden)
					fail(`${group}: typing '${typed}' hid no row of ${total}`);
				else
					console.log(`ok: ${group}: '${typed}' finds ${seen.shown.join(', ')}, hides ${seen.hidden}; ` +
						`"${seen.status}"`);
			}
			await page.screenshot({path: path.join(shots, 'nhom-searched-1280.png'), fullPage: true});
			await page.setViewport({width: 360, height: 1800});
			await page.screenshot({path: path.join(shots, 'nhom-searched-360.png'), fullPage: true});

			/* JavaScript off: every row of the file is in the page, shown */
			const html = fs.readFileSync(path.resolve(site, group), 'utf8');
			const inFile = (html.match(/<tr>/g) || []).length;
			await page.setJavaScriptEnabled(false);
			await page.goto(url(group), {waitUntil: 'load'});
			const off = await page.evaluate(() => ({
				rows: document.querySelectorAll('main tr').length,
				hidden: document.querySelectorAll('main tr[hidden]').length,
				buttons: document.querySelectorAll('main th button').length,
			}));
			if (off.rows !== inFile || off.hidden || off.buttons)
				fail(`${group}: without JavaScript ${off.rows} rows of ${inFile}, ${off.hidden} hidden`);
			else
				console.log(`ok: ${group}: without JavaScript all ${off.rows} rows are there`);
			await page.setJavaScriptEnabled(true);
		}
	} finally {
		await browser.close();
	}
	process.exit(failures ? 1 : 0);
})().catch((e) => {
	console.log('FAIL: ' + (e && e.stack || e));
	process.exit(1);
});
