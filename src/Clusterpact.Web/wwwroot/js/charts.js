// Charts for the dashboard and the answer pack: every <canvas data-chart="ID"> reads its figures from the JSON in
// <script id="ID">: { type: 'bar'|'line', stacked, unit: 'euro'|'percent'|'number', labels, series: [{ label, data }] }.
// The same numbers are always in a table next to the chart, so the chart is never the only way to read them.
(function () {
    if (!window.Chart) return;
    const locale = document.documentElement.lang === 'en' ? 'en-BE' : 'nl-BE';
    const colours = ['#1d3d5c', '#b35c00', '#3b7a3b', '#6a3d9a', '#8c564b', '#4d4d4d'];
    const formats = {
        euro: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
        percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
        number: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    };
    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
        const source = document.getElementById(canvas.dataset.chart);
        if (!source) return;
        const d = JSON.parse(source.textContent);
        const format = formats[d.unit] || formats.number;
        new Chart(canvas, {
            type: d.type || 'bar',
            data: {
                labels: d.labels,
                datasets: d.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length], tension: 0.2, spanGaps: true })),
            },
            options: {
                locale: locale, animation: false,
                scales: { x: { stacked: !!d.stacked }, y: { stacked: !!d.stacked, beginAtZero: true, ticks: { callback: v => format.format(v) } } },
                plugins: { tooltip: { callbacks: { label: c => c.dataset.label + ': ' + format.format(c.parsed.y) } } },
            },
        });
    });
})();
