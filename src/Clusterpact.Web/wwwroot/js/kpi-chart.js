// A KPI over the years: the actual values as a line and, where set, the targets as a dashed line; the same numbers are in the table below.
(function () {
    const data = document.getElementById('kpi-data');
    const canvas = document.getElementById('kpi-chart');
    if (!data || !canvas || !window.Chart) return;
    const d = JSON.parse(data.textContent);
    const locale = document.documentElement.lang === 'en' ? 'en-BE' : 'nl-BE';
    const colours = ['#1d3d5c', '#b35c00'];
    const format = d.share ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }) : new Intl.NumberFormat(locale);
    new Chart(canvas, {
        type: 'line',
        data: {
            labels: d.labels,
            datasets: d.series.map((s, i) => ({ label: s.label, data: s.data, borderColor: colours[i % 2], backgroundColor: colours[i % 2], borderDash: s.dashed ? [6, 4] : [], spanGaps: true, tension: 0.2 })),
        },
        options: { locale: locale, animation: false, scales: { y: { beginAtZero: true, ticks: { callback: v => format.format(v) } } },
            plugins: { tooltip: { callbacks: { label: c => c.dataset.label + ': ' + format.format(c.parsed.y) } } } },
    });
})();
