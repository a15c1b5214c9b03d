// Charts for the public-voice statistics pages (/opinions/statistics, /admin/cases/statistics).
// Progressive enhancement: the page's tables already hold every number; this draws the same data
// (the JSON island #case-stats-data) with Apache ECharts, vendored under /lib/echarts (no CDN).
(function () {
    'use strict';
    var island = document.getElementById('case-stats-data');
    if (!island || !window.echarts) return;
    var stats = JSON.parse(island.textContent);
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var charts = [];

    // A chart box before the table it repeats; screen readers are pointed to the table.
    function draw(tableId, label, option) {
        var table = document.getElementById(tableId);
        if (!table) return;
        var box = document.createElement('div');
        box.className = 'chart';
        box.setAttribute('role', 'img');
        box.setAttribute('aria-label', label + '（图表，数据见下表）');
        box.style.width = '100%';
        box.style.height = '320px';
        box.style.marginBottom = '12px';
        table.parentNode.insertBefore(box, table);
        var chart = window.echarts.init(box, null, { renderer: 'svg' });
        option.animation = !still;
        option.aria = { enabled: true };
        option.tooltip = option.tooltip || { trigger: 'axis' };
        chart.setOption(option);
        charts.push(chart);
    }

    var months = [];
    for (var m = 1; m <= 12; m++) months.push(m + '月');
    draw('stats-monthly', stats.year + '年各月收件数', {
        grid: { left: 48, right: 16, top: 24, bottom: 32 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: '收件', type: 'bar', data: stats.monthly, itemStyle: { color: '#1f5fa8' } }]
    });

    var departments = stats.departments.slice(0, 20);
    draw('stats-departments', '各主办部门收件、办结数和办结率', {
        legend: { top: 0 },
        grid: { left: 48, right: 48, top: 36, bottom: 80 },
        xAxis: { type: 'category', data: departments.map(function (d) { return d.name; }), axisLabel: { rotate: 30, interval: 0 } },
        yAxis: [{ type: 'value', minInterval: 1, name: '件' }, { type: 'value', min: 0, max: 100, name: '%' }],
        series: [
            { name: '收件', type: 'bar', data: departments.map(function (d) { return d.figures.received; }), itemStyle: { color: '#1f5fa8' } },
            { name: '办结', type: 'bar', data: departments.map(function (d) { return d.figures.closed; }), itemStyle: { color: '#2e7d32' } },
            { name: '办结率', type: 'line', yAxisIndex: 1, data: departments.map(function (d) { return d.figures.closingRate; }), itemStyle: { color: '#b35c00' } }
        ]
    });

    draw('stats-kinds', '各类事项收件数', {
        tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
        legend: { bottom: 0 },
        series: [{
            name: '收件', type: 'pie', radius: ['35%', '65%'],
            data: stats.byKind.map(function (k) { return { name: k.name, value: k.figures.received }; })
        }]
    });

    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
