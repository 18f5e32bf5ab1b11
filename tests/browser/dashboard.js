#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/* The dashboard on a phone and a desk (issue 26), in headless Chromium
 * through puppeteer-core, pages from file://:
 *   - axe-core with the wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa
 *     rules: no serious or critical violation, at 1280 and at 360 px, on
 *     every page given, on the matrix with "chỉ đơn vị chưa đạt" ticked and
 *     on the index showing the search's results;
 *   - at 360 px on the unit page every target's verdict lies inside the
 *     viewport's width;
 *   - in a matrix, after the table is scrolled down and sideways, its header
 *     row and its name column are still in view; at 360 px it shows at least
 *     four targets beside the names;
 *   - at 1280 px the matrix of the group given has no horizontal scrollbar;
 *   - printed, the matrix's names stay on one line each, with no control
 *     and no sort glyph; every page given is also printed to PDF;
 *   - the search of the page head finds a unit by its name typed without
 *     marks and by its parent's name, with every request inside the site.
 * Usage: dashboard.js SITE SHOTS --unit U --matrix G --wide G12 --search NAME
 *        --parent PARENT --child CHILD_CODE --pages P...
 * Prints "ok: ..." lines; exits 1 after "FAIL: ..." lines. */
'use strict';
const path = require('path');
const fs = require('fs');
const puppeteer = require('puppeteer-core');

const argv = process.argv.slice(2);
const site = argv.shift(), shots = argv.shift();
const opt = {pages: []};
for (let i = 0; i < argv.length; i++) {
	const k = argv[i].replace(/^--/, '');
	if (k === 'pages') {
		opt.pages = argv.slice(i + 1);
		break;
	}
	opt[k] = argv[++i];
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const siteUrl = 'file://' + path.resolve(site) + '/';
let failures = 0;
function fail(msg) {
	console.log('FAIL: ' + msg);
	failures++;
}
const url = (p) => siteUrl + p;
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

(async () => {
	const browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
			'--allow-file-access-from-files'],
	});
	try {
		const page = await browser.newPage();
		const requests = [];
		await page.setRequestInterception(true);
		page.on('request', (r) => {
			requests.push(r.url());
			if (r.url().startsWith(siteUrl) || r.url().startsWith('data:'))
				return r.continue();
			fail(`a request leaves the site: ${r.url()}`);
			r.abort();
		});
		const errors = [];
		page.on('pageerror', (e) => errors.push(String(e)));

		/* axe, WCAG 2.2 AA included, on the page as it stands */
		const axeHere = async (label) => {
			if (!await page.evaluate(() => typeof axe !== 'undefined'))
				await page.evaluate(axeSource);
			const res = await page.evaluate(() => axe.run(document, {
				runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
				resultTypes: ['violations'],
			}));
			const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			for (const v of bad)
				fail(`${label}: axe ${v.impact} ${v.id} (${v.nodes.length}×): ${v.help}; first: ` +
					v.nodes[0].target.join(' '));
			if (!bad.length)
				console.log(`ok: ${label}: no serious or critical WCAG 2.2 AA violation`);
		};
		/* every page given at both widths */
		for (const p of opt.pages)
			for (const w of [1280, 360]) {
				await page.setViewport({width: w, height: 900});
				await page.goto(url(p), {waitUntil: 'load'});
				await axeHere(`${p} at ${w} px`);
				const shot = p.replace(/[/.]/g, '-') + `-${w}.png`;
				await page.screenshot({path: path.join(shots, shot), fullPage: true});
			}
		/* a matrix with "chỉ đơn vị chưa đạt" ticked: the rows left and the
		 * controls are still within the rules */
		if (opt.matrix)
			for (const w of [1280, 360]) {
				await page.setViewport({width: w, height: 900});
				await page.goto(url(opt.matrix), {waitUntil: 'load'});
				const box = await page.$('.chi-chua-dat input[type="checkbox"]');
				if (!box) {
					fail(`${opt.matrix}: no "chỉ đơn vị chưa đạt" box`);
					break;
				}
				/* rows shown, and those of them without a target missed */
				const rows = () => page.evaluate(() => {
					const t = document.querySelector('main td.o').closest('table');
					const shown = Array.from(t.tBodies[0].rows).filter((tr) => !tr.hidden &&
						getComputedStyle(tr).display !== 'none' && tr.querySelector('td.o'));
					return [shown.length,
						shown.filter((tr) => !tr.querySelector('td.chua-dat, td.chua-bao-cao')).length];
				});
				const [all] = await rows();
				await box.click();
				const [shown, met] = await rows();
				if (met)
					fail(`${opt.matrix}: "chỉ đơn vị chưa đạt" still shows ${met} units that miss nothing`);
				await axeHere(`${opt.matrix} filtered to ${shown} of ${all} units at ${w} px`);
			}
		/* and it can fail: a sort button squeezed under 24 × 24 px */
		if (opt.matrix) {
			await page.setViewport({width: 1280, height: 900});
			await page.goto(url(opt.matrix), {waitUntil: 'load'});
			await page.evaluate(axeSource);
			const ids = await page.evaluate(() => {
				const s = document.createElement('style');
				s.textContent = 'th button.sap-xep{min-width:0!important;min-height:0!important;' +
					'font-size:6px!important;width:8px;height:8px;padding:0!important}';
				document.head.appendChild(s);
				return axe.run(document, {runOnly: {type: 'tag', values: ['wcag22aa']},
					resultTypes: ['violations']}).then((r) => r.violations.map((v) => v.id));
			});
			if (!ids.includes('target-size'))
				fail(`axe did not see 8 px sort buttons (${ids.join(', ')})`);
			else
				console.log('ok: axe fails a page whose sort buttons are 8 px');
		}

		/* the unit page at 360 px: every verdict inside the width */
		if (opt.unit) {
			await page.setViewport({width: 360, height: 740});
			await page.goto(url(opt.unit), {waitUntil: 'load'});
			const r = await page.evaluate(() => {
				const h = Array.from(document.querySelectorAll('main h2'))
					.find((x) => x.textContent.trim() === 'Kết quả theo chỉ tiêu');
				let ul = h && h.nextElementSibling;
				while (ul && ul.tagName !== 'UL')
					ul = ul.nextElementSibling;
				if (!ul)
					return null;
				return Array.from(ul.querySelectorAll('li')).map((li) => {
					const s = li.querySelector('strong');
					const b = s ? s.getBoundingClientRect() : null;
					return {text: s ? s.textContent : '', left: b && b.left, right: b && b.right,
						vw: document.documentElement.clientWidth};
				});
			});
			if (!r || !r.length)
				fail(`${opt.unit}: no line per target`);
			else {
				const out = r.filter((x) => !/Đạt|Chưa đạt|Không phát sinh|Chưa báo cáo/.test(x.text) ||
					x.left < 0 || x.right > x.vw);
				if (out.length)
					fail(`${opt.unit}: at 360 px ${out.length} of ${r.length} verdicts are not inside the width: ` +
						JSON.stringify(out[0]));
				else
					console.log(`ok: ${opt.unit}: at 360 px all ${r.length} verdicts are inside the width`);
			}
		}

		/* a matrix: sticky header and name column; four targets on a phone */
		if (opt.matrix) {
			for (const w of [360, 1280]) {
				await page.setViewport({width: w, height: 740});
				await page.goto(url(opt.matrix), {waitUntil: 'load'});
				const r = await page.evaluate(() => {
					const td = document.querySelector('main td.o');
					const box = td && td.closest('.bang');
					if (!box)
						return null;
					const table = box.querySelector('table');
					const before = box.getBoundingClientRect();
					const visible = table.tHead.rows[0].cells;
					let beside = 0;
					for (let i = 1; i < visible.length; i++)
						if (visible[i].getBoundingClientRect().right <= before.right + 1)
							beside++;
					box.scrollTop = box.scrollHeight;
					box.scrollLeft = box.scrollWidth;
					const scrolled = {top: box.scrollTop, left: box.scrollLeft};
					const b = box.getBoundingClientRect();
					const th = table.tHead.rows[0].cells[0].getBoundingClientRect();
					/* the last row's name cell, now scrolled into view */
					const rows = table.tBodies[0].rows;
					const name = rows[rows.length - 1].cells[0].getBoundingClientRect();
					return {beside, scrolled, headTop: th.top - b.top, nameLeft: name.left - b.left,
						nameBottom: name.bottom - b.bottom, boxH: b.height};
				});
				if (!r)
					fail(`${opt.matrix}: no matrix`);
				else if (!r.scrolled.top && !r.scrolled.left && w === 360)
					fail(`${opt.matrix}: at ${w} px the matrix does not scroll in its box`);
				else if (Math.abs(r.headTop) > 2 || Math.abs(r.nameLeft) > 2)
					fail(`${opt.matrix}: at ${w} px after scrolling the header is ${r.headTop} px and the ` +
						`name column ${r.nameLeft} px from the box's edge`);
				else if (w === 360 && r.beside < 4)
					fail(`${opt.matrix}: at 360 px only ${r.beside} targets beside the names`);
				else
					console.log(`ok: ${opt.matrix} at ${w} px: header and names stay after scrolling ` +
						`(${r.scrolled.top}, ${r.scrolled.left} px); ${r.beside} targets beside the names`);
			}
		}

		/* printed: a matrix's names each on one line, no control and no
		 * sort glyph on paper; every page given printed to PDF beside its
		 * screenshots */
		if (opt.matrix) {
			await page.setViewport({width: 1280, height: 900});
			await page.goto(url(opt.matrix), {waitUntil: 'load'});
			await page.emulateMediaType('print');
			const r = await page.evaluate(() => {
				const t = document.querySelector('main td.o').closest('table');
				const names = Array.from(t.tBodies[0].rows).map((tr) => tr.cells[0]).filter((c) => c);
				let wrapped = 0, first = '';
				for (const td of names) {
					const range = document.createRange();
					range.selectNodeContents(td);
					const rects = Array.from(range.getClientRects()).filter((x) => x.width > 0);
					if (rects.length && new Set(rects.map((x) => Math.round(x.bottom))).size > 1) {
						wrapped++;
						first = first || td.textContent.trim();
					}
				}
				const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
				const controls = Array.from(document.querySelectorAll('main input, main select, main label'))
					.filter(shown).length;
				const glyphs = Array.from(document.querySelectorAll('th button.sap-xep')).filter((b) => {
					const c = getComputedStyle(b, '::after');
					return c.display !== 'none' && /⇅|▲|▼/.test(c.content);
				}).length;
				return {n: names.length, wrapped, first, controls, glyphs};
			});
			if (!r.n)
				fail(`${opt.matrix} printed: no names`);
			else if (r.wrapped)
				fail(`${opt.matrix} printed: ${r.wrapped} of ${r.n} names wrap, first '${r.first}'`);
			else if (r.controls || r.glyphs)
				fail(`${opt.matrix} printed: ${r.controls} controls and ${r.glyphs} sort glyphs on paper`);
			else
				console.log(`ok: ${opt.matrix} printed: ${r.n} names on one line each, no control, no sort glyph`);
			await page.emulateMediaType(null);
		}
		for (const p of opt.pages) {
			await page.goto(url(p), {waitUntil: 'load'});
			await page.pdf({path: path.join(shots, p.replace(/[/.]/g, '-') + '-print.pdf'), format: 'A4'});
		}

		/* 1280 px: a 12-target matrix without a horizontal scrollbar */
		if (opt.wide) {
			await page.setViewport({width: 1280, height: 900});
			await page.goto(url(opt.wide), {waitUntil: 'load'});
			const r = await page.evaluate(() => {
				const td = document.querySelector('main td.o');
				const box = td && td.closest('.bang');
				return box ? {sw: box.scrollWidth, cw: box.clientWidth,
					n: box.querySelector('thead tr').cells.length - 1} : null;
			});
			if (!r)
				fail(`${opt.wide}: no matrix`);
			else if (r.n < 12)
				fail(`${opt.wide}: the matrix has ${r.n} targets, the check wants 12`);
			else if (r.sw > r.cw)
				fail(`${opt.wide}: at 1280 px the ${r.n}-target matrix is ${r.sw} px in a ${r.cw} px box`);
			else
				console.log(`ok: ${opt.wide}: at 1280 px the ${r.n}-target matrix fits (${r.sw} px in ${r.cw})`);
		}

		/* the head's search */
		if (opt.search) {
			await page.setViewport({width: 360, height: 740});
			requests.length = 0;
			await page.goto(url('index.html'), {waitUntil: 'load'});
			const before = requests.filter((u) => /tim-kiem\.js$/.test(u)).length;
			const typeIn = async (q) => {
				await page.click('#tim-tinh', {clickCount: 3});
				await page.keyboard.press('Backspace');
				await page.type('#tim-tinh', q);
				await page.waitForFunction(() => {
					const s = document.querySelector('.tim-kiem .dem');
					return s && /Tìm thấy|Không tìm thấy/.test(s.textContent);
				}, {timeout: 20000});
				return page.evaluate(() => Array.from(document.querySelectorAll('.tim-ket-qua a'))
					.map((a) => ({text: a.textContent, href: a.getAttribute('href')})));
			};
			const q = fold(opt.search);
			let hits = await typeIn(q);
			if (!hits.some((h) => h.text === opt.search))
				fail(`search '${q}' did not find '${opt.search}' (${hits.length} found)`);
			else
				console.log(`ok: search '${q}' finds '${opt.search}' (${hits.length} found)`);
			if (before)
				fail('the units list was loaded before the search box was used');
			if (opt.parent) {
				const qp = fold(opt.parent);
				hits = await typeIn(qp);
				if (!hits.some((h) => h.href.endsWith(`don-vi/${opt.child}.html`)))
					fail(`search '${qp}' (a parent's name) did not find its unit ${opt.child}`);
				else
					console.log(`ok: search '${qp}' finds the parent's unit ${opt.child} (${hits.length} found)`);
			}
			/* the results as a leader sees them, at both widths */
			if (hits.length) {
				await axeHere(`index.html with ${hits.length} search results at 360 px`);
				await page.setViewport({width: 1280, height: 900});
				await axeHere(`index.html with ${hits.length} search results at 1280 px`);
				await page.screenshot({path: path.join(shots, 'index-search-1280.png'), fullPage: false});
				await page.setViewport({width: 360, height: 740});
			}
			const outside = requests.filter((u) => !u.startsWith(siteUrl) && !u.startsWith('data:'));
			if (outside.length)
				fail('requests outside the site: ' + outside.join(', '));
			else
				console.log(`ok: the search made ${requests.length} requests, all inside the site`);
			await page.screenshot({path: path.join(shots, 'index-search-360.png'), fullPage: false});
		}
		if (errors.length)
			fail('script errors: ' + errors.join('; '));
	} finally {
		await browser.close();
	}
	process.exit(failures ? 1 : 0);
})().catch((e) => {
	console.log('FAIL: ' + (e && e.stack || e));
	process.exit(1);
});
