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
 *   (cells linking to nhom/ pages), and a matrix (cells of the class "o")
 *   a "chỉ đơn vị chưa đạt" box that keeps the units that miss a target;
 *   rows linking to a dia-ban/ page head a parent's units and stay;
 * - the search box of the page's head finds any unit of the province by
 *   its name, its parent's name or its code, marks ignored; the list of
 *   units (tim-kiem.js, a script of the site) is loaded only when the box
 *   is first used, so a page of a 10,000-unit province stays small. */
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
				/* a sorted table is one list: the rows heading a
				 * parent's units no longer head anything */
				Array.prototype.forEach.call(body.rows, function (tr) {
					if (isGroupRow(tr))
						tr.setAttribute('data-an', '1');
				});
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

	/* A row heading a parent's units (its first cell links to dia-ban/). */
	function isGroupRow(tr) {
		var a = tr.cells[0] && tr.cells[0].querySelector('a');
		return !!a && (a.getAttribute('href') || '').indexOf('dia-ban/') >= 0;
	}

	/* The column whose cells link to pages of the given folder, or -1. */
	function linkColumn(table, folder) {
		var body = table.tBodies[0];
		if (!body || !body.rows.length)
			return -1;
		var r = 0;
		while (r < body.rows.length - 1 && isGroupRow(body.rows[r]))
			r++;
		var cells = body.rows[r].cells;
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
		/* a list of a few units (the index's bottom ten) is read, not searched */
		if (unitCol < 0 || body.rows.length < 12)
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
		var miss = null;
		if (table.querySelector('td.o')) {
			var cid = 'chua-dat-' + n;
			var wrap = document.createElement('span');
			wrap.className = 'chi-chua-dat';
			miss = document.createElement('input');
			miss.type = 'checkbox';
			miss.id = cid;
			var clabel = document.createElement('label');
			clabel.htmlFor = cid;
			clabel.textContent = 'Chỉ đơn vị chưa đạt';
			wrap.appendChild(miss);
			wrap.appendChild(clabel);
			form.appendChild(wrap);
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
		var units = rows.filter(function (tr) { return !isGroupRow(tr); }).length;
		function apply() {
			var q = fold(input.value), g = select ? select.value : '', shown = 0;
			var m = miss && miss.checked, head = null, headShows = false;
			/* a parent's row stays while one of its units shows */
			function closeHead() {
				if (head)
					head.hidden = !headShows || head.getAttribute('data-an') === '1';
			}
			Array.prototype.forEach.call(body.rows, function (tr) {
				if (isGroupRow(tr)) {
					closeHead();
					head = tr;
					headShows = false;
					return;
				}
				var i = rows.indexOf(tr);
				var ok = (!q || names[i].indexOf(q) >= 0) &&
					(!g || cellText(tr.cells[groupCol]) === g) &&
					(!m || !!tr.querySelector('td.chua-dat, td.chua-bao-cao'));
				tr.hidden = !ok;
				headShows = headShows || ok;
				shown += ok ? 1 : 0;
			});
			closeHead();
			status.textContent = q || g || m ? 'Hiện ' + shown + ' trên ' + units + ' đơn vị' : '';
		}
		input.addEventListener('input', apply);
		if (miss)
			miss.addEventListener('change', apply);
		if (select)
			select.addEventListener('change', apply);
	}

	/* The head's search over every unit of the province. */
	function provinceSearch() {
		var box = document.querySelector('.tim-kiem');
		var input = box && box.querySelector('input');
		if (!input)
			return;
		var root = input.getAttribute('data-goc') || '';
		var status = document.createElement('p');
		status.className = 'dem';
		status.setAttribute('aria-live', 'polite');
		var list = document.createElement('ul');
		list.className = 'tim-ket-qua';
		box.appendChild(status);
		box.appendChild(list);
		box.hidden = false;
		var data = null, loading = false;
		function show() {
			list.textContent = '';
			var q = fold(input.value);
			if (!q) {
				status.textContent = '';
				return;
			}
			if (!data) {
				status.textContent = 'Đang tải danh sách đơn vị…';
				return;
			}
			var words = q.split(' '), hits = [];
			data.forEach(function (d) {
				for (var i = 0; i < words.length; i++)
					if (d.k.indexOf(words[i]) < 0)
						return;
				hits.push(d.r);
			});
			status.textContent = hits.length ? 'Tìm thấy ' + hits.length + ' đơn vị' +
				(hits.length > 50 ? ', hiện 50 đơn vị đầu' : '') : 'Không tìm thấy đơn vị nào';
			hits.slice(0, 50).forEach(function (r) {
				var li = document.createElement('li');
				var a = document.createElement('a');
				a.href = root + 'don-vi/' + encodeURIComponent(r[0]) + '.html';
				a.textContent = r[1];
				li.appendChild(a);
				li.appendChild(document.createTextNode(' — ' + (r[2] ? r[2] + ' · ' : '') + r[3]));
				list.appendChild(li);
			});
		}
		function load() {
			if (data || loading)
				return;
			loading = true;
			var s = document.createElement('script');
			s.src = root + 'tim-kiem.js';
			s.onload = function () {
				data = (window.chitieuDonVi || []).map(function (r) {
					return {r: r, k: fold(r[1] + ' ' + r[2] + ' ' + r[0])};
				});
				show();
			};
			s.onerror = function () {
				status.textContent = 'Không tải được danh sách đơn vị.';
			};
			document.head.appendChild(s);
		}
		input.addEventListener('focus', load);
		input.addEventListener('input', function () {
			load();
			show();
		});
	}

	function init() {
		provinceSearch();
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
