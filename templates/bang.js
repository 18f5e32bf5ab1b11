/* chitieu site: sortable tables and unit filters.  Plain script, no
 * library, no request, nothing kept in the browser.  Every row
 * is in the HTML: without this script the page is complete; with it,
 * - a table's header cells become buttons that sort its rows (aria-sort
 *   says the order): names in Vietnamese order, rates and counts as
 *   numbers, "Không phát sinh", "Chưa báo cáo" and empty cells last
 *   whichever the direction;
 * - a table listing units (cells linking to don-vi/ pages) gets a search
 *   box over the unit names that ignores diacritics ("thuy loi" finds
 *   "Thụy Lôi"), and a group filter when its units are of several groups
 *   (cells linking to nhom/ pages). */
(function () {
	'use strict';
	var collator = typeof Intl !== 'undefined' && Intl.Collator ?
		new Intl.Collator('vi', {sensitivity: 'base', numeric: true}) : null;

	/* Lower case without marks, đ as d: what a search compares. */
	function fold(s) {
		s = s.normalize ? s.normalize('NFD') : s;
		return s.replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
			.replace(/\s+/g, ' ').trim();
	}

	/* The text a cell sorts by: its words without the verdict symbols. */
	function cellText(td) {
		return (td ? td.textContent : '').replace(/^[\s●×–?⚠]+/, '').replace(/\s+/g, ' ').trim();
	}

	/* A cell that sorts last: no figure to compare. */
	function isLast(text) {
		var f = fold(text);
		return f === '' || f === '—' || f === '-' || f.indexOf('khong phat sinh') === 0 ||
			f.indexOf('chua bao cao') === 0;
	}

	/* "1.234", "81,15%", "25/51", "2024" -> 1234, 81.15, 25, 2024
	 * (Vietnamese digit groups and decimal comma); NaN when the cell does
	 * not start with a number. */
	function number(text) {
		var m = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?/.exec(text);
		if (!m)
			return NaN;
		return parseFloat(m[0].replace(/\./g, '').replace(',', '.'));
	}

	var sortSeq = 0;

	function makeSortable(table) {
		var head = table.tHead, body = table.tBodies[0];
		if (!head || !body || !head.rows.length)
			return;
		var ths = head.rows[0].cells;
		var rows = Array.prototype.slice.call(body.rows);
		rows.forEach(function (tr, i) { tr.setAttribute('data-thu-tu', String(i)); });
		Array.prototype.forEach.call(ths, function (th, col) {
			var label = th.textContent.replace(/\s+/g, ' ').trim();
			var button = document.createElement('button');
			button.type = 'button';
			button.className = 'sap-xep';
			if (th.querySelector('a')) {
				/* a header that links to a target's page keeps its link;
				 * the button sits beside it (no link inside a button) */
				button.textContent = '⇅';
				button.setAttribute('aria-label', 'Sắp xếp theo cột ' + label);
				th.appendChild(document.createTextNode(' '));
				th.appendChild(button);
			} else {
				button.className = 'sap-xep chu';
				button.textContent = label;
				th.textContent = '';
				th.appendChild(button);
			}
			button.addEventListener('click', function () {
				var asc = th.getAttribute('aria-sort') !== 'ascending';
				sortBy(table, col, asc);
				Array.prototype.forEach.call(ths, function (h) { h.removeAttribute('aria-sort'); });
				th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
			});
		});
	}

	function sortBy(table, col, asc) {
		var body = table.tBodies[0];
		var rows = Array.prototype.slice.call(body.rows);
		var numeric = true, any = false;
		var keys = rows.map(function (tr) {
			var t = cellText(tr.cells[col]);
			var k = {last: isLast(t), text: t, num: number(t),
				pos: parseInt(tr.getAttribute('data-thu-tu'), 10)};
			if (!k.last) {
				any = true;
				if (isNaN(k.num))
					numeric = false;
			}
			return k;
		});
		numeric = numeric && any;
		var order = rows.map(function (tr, i) { return i; });
		order.sort(function (a, b) {
			var x = keys[a], y = keys[b], c;
			if (x.last !== y.last)
				return x.last ? 1 : -1;
			if (x.last)
				c = 0;
			else if (numeric)
				c = x.num - y.num;
			else
				c = collator ? collator.compare(x.text, y.text) : (x.text < y.text ? -1 : x.text > y.text ? 1 : 0);
			if (!asc)
				c = -c;
			return c || x.pos - y.pos;
		});
		var frag = document.createDocumentFragment();
		order.forEach(function (i) { frag.appendChild(rows[i]); });
		body.appendChild(frag);
	}

	/* The column whose cells link to pages of the given folder, or -1. */
	function linkColumn(table, folder) {
		var body = table.tBodies[0];
		if (!body || !body.rows.length)
			return -1;
		var cells = body.rows[0].cells;
		for (var i = 0; i < cells.length; i++) {
			var a = cells[i].querySelector('a');
			if (a && (a.getAttribute('href') || '').indexOf(folder + '/') >= 0)
				return i;
		}
		return -1;
	}

	function addFilter(table, box) {
		var unitCol = linkColumn(table, 'don-vi');
		var body = table.tBodies[0];
		if (unitCol < 0 || body.rows.length < 2)
			return;
		var groupCol = linkColumn(table, 'nhom');
		var n = ++sortSeq;
		var form = document.createElement('div');
		form.className = 'loc';
		form.setAttribute('role', 'search');
		/* named after the section it searches: two on a page stay apart */
		var h = box.previousElementSibling;
		while (h && !/^H[1-6]$/.test(h.tagName))
			h = h.previousElementSibling;
		form.setAttribute('aria-label', 'Tìm đơn vị' + (h ? ': ' + h.textContent.trim() : ''));
		var id = 'tim-' + n;
		var label = document.createElement('label');
		label.htmlFor = id;
		label.textContent = 'Tìm đơn vị';
		var input = document.createElement('input');
		input.type = 'search';
		input.id = id;
		input.setAttribute('autocomplete', 'off');
		form.appendChild(label);
		form.appendChild(input);
		var select = null;
		if (groupCol >= 0) {
			var seen = {}, groups = [];
			Array.prototype.forEach.call(body.rows, function (tr) {
				var g = cellText(tr.cells[groupCol]);
				if (g && !seen[g]) {
					seen[g] = true;
					groups.push(g);
				}
			});
			if (groups.length > 1) {
				var sid = 'nhom-' + n;
				var slabel = document.createElement('label');
				slabel.htmlFor = sid;
				slabel.textContent = 'Nhóm';
				select = document.createElement('select');
				select.id = sid;
				var all = document.createElement('option');
				all.value = '';
				all.textContent = 'Tất cả các nhóm';
				select.appendChild(all);
				groups.forEach(function (g) {
					var o = document.createElement('option');
					o.value = g;
					o.textContent = g;
					select.appendChild(o);
				});
				form.appendChild(slabel);
				form.appendChild(select);
			}
		}
		var status = document.createElement('p');
		status.className = 'dem';
		status.setAttribute('aria-live', 'polite');
		form.appendChild(status);
		box.parentNode.insertBefore(form, box);

		var names = Array.prototype.map.call(body.rows, function (tr) {
			return fold(cellText(tr.cells[unitCol]));
		});
		var rows = Array.prototype.slice.call(body.rows);
		function apply() {
			var q = fold(input.value), g = select ? select.value : '', shown = 0;
			rows.forEach(function (tr, i) {
				var ok = (!q || names[i].indexOf(q) >= 0) &&
					(!g || cellText(tr.cells[groupCol]) === g);
				tr.hidden = !ok;
				shown += ok ? 1 : 0;
			});
			status.textContent = q || g ? 'Hiện ' + shown + ' trên ' + rows.length + ' đơn vị' : '';
		}
		input.addEventListener('input', apply);
		if (select)
			select.addEventListener('change', apply);
	}

	function init() {
		var boxes = document.querySelectorAll('main .bang');
		Array.prototype.forEach.call(boxes, function (box) {
			var table = box.querySelector('table');
			if (!table)
				return;
			makeSortable(table);
			addFilter(table, box);
		});
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', init);
	else
		init();
}());
