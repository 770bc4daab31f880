/*
 * Draws the dashboard (挂图作战) of one inspection with ECharts. The page holds the numbers as tables and, on the
 * #dashboard element, the labels in the person's language and the addresses to use (data-* attributes): nothing here
 * is Chinese or inlined in the page, so a strict Content-Security-Policy can forbid inline scripts. Every bar carries
 * the task-list filter of the tasks it counts; clicking it opens that list.
 */
(function () {
	'use strict';

	var root = document.getElementById('dashboard');
	if (!root || typeof window.echarts === 'undefined') {
		return;
	}
	var config = root.dataset;

	var RED = '#b71c1c';
	var OUTCOMES = [
		{ status: 'COMPLETED', field: 'completed', label: config.labelCompleted, color: '#2e7d32' },
		{ status: 'BASICALLY_COMPLETED', field: 'basicallyCompleted', label: config.labelBasicallyCompleted, color: '#ef6c00' },
		{ status: 'NOT_COMPLETED', field: 'notCompleted', label: config.labelNotCompleted, color: '#90a4ae' },
		{ status: 'LONG_TERM', field: 'longTerm', label: config.labelLongTerm, color: '#1565c0' }
	];
	var charts = {};
	var DAY = 24 * 3600 * 1000;
	var animate = !(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
	var drawing = 0;

	/** data-rendered="true" once every chart has finished drawing (animations included): what tests wait for. */
	function drawn() {
		drawing -= 1;
		if (drawing === 0) {
			root.setAttribute('data-rendered', 'true');
		}
	}

	/** The task list filtered as given, e.g. {problem: 12, status: 'NOT_COMPLETED'}, keeping the parameters' order. */
	function tasksHref(filter) {
		var url = new URL(config.tasks, window.location.href);
		Object.keys(filter).forEach(function (name) {
			url.searchParams.set(name, String(filter[name]));
		});
		return url.pathname + url.search;
	}

	/** What a click on a bar does: open the tasks it counts. ECharts hands over the clicked data item. */
	function open(item) {
		if (item && item.filter) {
			window.location.assign(tasksHref(item.filter));
		}
	}

	function narrow() {
		return window.innerWidth < 600;
	}

	function chartElement(name) {
		return root.querySelector('[data-chart="' + name + '"]');
	}

	function init(name, categories) {
		var el = chartElement(name);
		if (!el) {
			return null;
		}
		el.hidden = false;
		if (categories !== undefined) {
			// One band per row keeps labels readable however many problems or departments there are.
			el.style.height = Math.max(180, categories * 34 + 110) + 'px';
		}
		var chart = window.echarts.init(el, null, { locale: config.locale === 'EN' ? 'EN' : 'ZH', renderer: 'canvas' });
		chart.on('click', function (params) {
			open(params.data);
		});
		drawing += 1;
		var first = true;
		chart.on('finished', function () {
			if (first) {
				first = false;
				drawn();
			}
		});
		charts[name] = chart;
		return chart;
	}

	function grid() {
		return { left: 8, right: 24, top: narrow() ? 64 : 40, bottom: 8, containLabel: true };
	}

	/** A tooltip without HTML: drawn on the canvas, so titles are never parsed as markup and need no inline styles. */
	function tooltip(title) {
		return {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			renderMode: 'richText',
			confine: true,
			formatter: function (items) {
				var lines = [title(items[0].dataIndex)];
				items.forEach(function (i) {
					lines.push(i.seriesName + '：' + i.value);
				});
				return lines.join('\n');
			}
		};
	}

	function value(n) {
		return n ? String(n) : '';
	}

	/**
	 * Tasks of each row stacked by outcome (the stack adds up to the row's tasks), with the overdue ones as a red bar
	 * of their own beside it: they are a part of "not completed", so stacking them too would count them twice.
	 */
	function outcomeBars(name, rows, label, title, filterOf) {
		var chart = init(name, rows.length);
		if (!chart) {
			return;
		}
		var series = OUTCOMES.map(function (o) {
			return {
				id: o.status,
				name: o.label,
				type: 'bar',
				stack: 'outcome',
				barMaxWidth: 18,
				itemStyle: { color: o.color },
				label: { show: true, color: '#fff', fontSize: 11, formatter: function (p) { return value(p.value); } },
				data: rows.map(function (r) {
					var filter = filterOf(r);
					return { value: r.counts[o.field], filter: filter && Object.assign(filter, { status: o.status }) };
				})
			};
		});
		series.push({
			id: 'OVERDUE',
			name: config.labelOverdue,
			type: 'bar',
			stack: 'overdue',
			barMaxWidth: 8,
			itemStyle: { color: RED },
			data: rows.map(function (r) {
				var filter = filterOf(r);
				return { value: r.overdue, filter: filter && Object.assign(filter, { overdue: 'true' }) };
			})
		});
		chart.setOption({
			animation: animate,
			color: OUTCOMES.map(function (o) { return o.color; }).concat([RED]),
			legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
			grid: grid(),
			tooltip: tooltip(function (i) { return title(rows[i]); }),
			xAxis: { type: 'value', minInterval: 1 },
			yAxis: { type: 'category', inverse: true, data: rows.map(label), axisLabel: { fontSize: 12 } },
			series: series
		});
	}

	function departmentName(row) {
		return row.name || config.labelNoDepartment;
	}

	function overdueBars(rows) {
		var overdue = rows.filter(function (r) { return r.overdue > 0; })
			.sort(function (a, b) { return b.overdue - a.overdue; });
		if (overdue.length === 0) {
			return;
		}
		var chart = init('overdue', overdue.length);
		if (!chart) {
			return;
		}
		chart.setOption({
			animation: animate,
			grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
			tooltip: tooltip(function (i) { return departmentName(overdue[i]); }),
			xAxis: { type: 'value', minInterval: 1 },
			yAxis: { type: 'category', inverse: true, data: overdue.map(departmentName) },
			series: [{
				id: 'OVERDUE',
				name: config.labelOverdue,
				type: 'bar',
				barMaxWidth: 18,
				itemStyle: { color: RED },
				label: { show: true, position: 'right' },
				data: overdue.map(function (r) {
					return { value: r.overdue, filter: r.department ? { department: r.department, overdue: 'true' } : null };
				})
			}]
		});
	}

	/** Closed-off tasks accumulated day by day up to today, under a line at the number of all tasks. */
	function completionLine(completion, today) {
		if (completion.days.length === 0) {
			return;
		}
		var chart = init('completion');
		if (!chart) {
			return;
		}
		var points = completion.days.map(function (d) { return [d.day, d.cumulative]; });
		// From nothing the day before the first close-off, to where it stands today.
		var before = new Date(Date.parse(completion.days[0].day) - DAY).toISOString().slice(0, 10);
		points.unshift([before, 0]);
		var last = completion.days[completion.days.length - 1];
		if (last.day < today) {
			points.push([today, last.cumulative]);
		}
		chart.setOption({
			animation: animate,
			legend: { top: 0, textStyle: { fontSize: 12 } },
			grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
			tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
			xAxis: { type: 'time', minInterval: DAY, axisLabel: { hideOverlap: true, showMinLabel: true, showMaxLabel: true, formatter: '{MM}-{dd}' } },
			yAxis: { type: 'value', minInterval: 1, max: Math.max(completion.total, last.cumulative) },
			series: [{
				id: 'CLOSED_OFF',
				name: config.labelClosedOff,
				type: 'line',
				step: 'end',
				symbolSize: 6,
				areaStyle: { opacity: 0.15 },
				itemStyle: { color: '#2e7d32' },
				data: points,
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { color: RED, type: 'dashed' },
					label: { formatter: config.labelTotal + ' ' + completion.total, position: 'insideEndTop' },
					data: [{ yAxis: completion.total }]
				}
			}]
		});
	}

	function draw(data) {
		outcomeBars('problems', data.byProblem,
			function (p) { return p.code; },
			function (p) { return p.code + ' ' + p.title; },
			function (p) { return { problem: p.id }; });
		outcomeBars('departments', data.byDepartment,
			departmentName,
			departmentName,
			function (d) { return d.department ? { department: d.department } : null; });
		overdueBars(data.byDepartment);
		completionLine(data.completion, data.today);
		if (drawing === 0) {
			root.setAttribute('data-rendered', 'true');
		}
	}

	function resize() {
		Object.keys(charts).forEach(function (name) {
			var chart = charts[name];
			if (name === 'problems' || name === 'departments') {
				chart.setOption({ grid: grid() });
			}
			chart.resize();
		});
	}

	var pending = null;
	window.addEventListener('resize', function () {
		window.clearTimeout(pending);
		pending = window.setTimeout(resize, 100);
	});

	fetch(config.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
		.then(function (response) {
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json();
		})
		.then(draw)
		.catch(function (error) {
			var note = document.createElement('p');
			note.className = 'flash error';
			note.textContent = config.labelError;
			root.insertBefore(note, root.firstChild);
			root.setAttribute('data-rendered', 'error');
			window.console.error(error);
		});

	/** For tests and the console: the charts by name, and what a click on a data item opens. */
	window.rectiflowDashboard = { charts: charts, tasksHref: tasksHref, open: open };
}());
