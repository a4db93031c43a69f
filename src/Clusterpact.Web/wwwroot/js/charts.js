// Draws every chart on the page. Each <canvas data-chart="ID"> reads its figures from <script type="application/json" id="ID">,
// written by Features/Shared/_Chart.cshtml from a ChartData:
// { kind: 'bar'|'stackedBar'|'horizontalBar'|'line', unit: 'number'|'count'|'euro'|'percent', labels, series: [{ name, values, line, dashed }] }.
// The same numbers are always in a table next to the chart, so the chart is never the only way to read them.
(function () {
    if (!window.Chart) return;
    const locale = document.documentElement.lang === 'en' ? 'en-BE' : 'nl-BE';
    const colours = ['#1d3d5c', '#b35c00', '#3b7a3b', '#6a3d9a', '#8c564b', '#4d4d4d'];
    const formats = {
        euro: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
        percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
        count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
        number: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    };
    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
        const source = document.getElementById(canvas.dataset.chart);
        if (!source) return;
        const d = JSON.parse(source.textContent);
        const format = formats[d.unit] || formats.number;
        const stacked = d.kind === 'stackedBar';
        const horizontal = d.kind === 'horizontalBar';
        const valueAxis = { stacked: stacked, beginAtZero: true, ticks: { precision: d.unit === 'count' ? 0 : undefined, callback: v => format.format(v) } };
        const categoryAxis = { stacked: stacked };
        new Chart(canvas, {
            type: d.kind === 'line' ? 'line' : 'bar',
            data: {
                labels: d.labels,
                datasets: d.series.map((s, i) => {
                    const colour = colours[i % colours.length];
                    return {
                        type: s.line ? 'line' : undefined, order: s.line ? 0 : 1, label: s.name, data: s.values,
                        backgroundColor: colour, borderColor: colour, borderDash: s.dashed ? [6, 4] : [], tension: 0.2, spanGaps: true,
                    };
                }),
            },
            options: {
                locale: locale, animation: false, indexAxis: horizontal ? 'y' : 'x',
                scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
                plugins: {
                    legend: { display: d.series.length > 1 },
                    tooltip: { callbacks: { label: c => c.dataset.label + ': ' + format.format(horizontal ? c.parsed.x : c.parsed.y) } },
                },
            },
        });
    });
})();
