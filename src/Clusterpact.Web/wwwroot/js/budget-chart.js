// Budget per calendar year as bars (stacked by kind of money for one scenario, side by side for a comparison);
// the same numbers are in the table below the chart.
(function () {
    const data = document.getElementById('budget-data');
    const canvas = document.getElementById('budget-chart');
    if (!data || !canvas || !window.Chart) return;
    const d = JSON.parse(data.textContent);
    const locale = document.documentElement.lang === 'en' ? 'en-BE' : 'nl-BE';
    const colours = ['#1d3d5c', '#b35c00', '#2e7d32', '#6a1b9a'];
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    new Chart(canvas, {
        type: 'bar',
        data: { labels: d.labels, datasets: d.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colours[i % colours.length] })) },
        options: {
            locale: locale, animation: false,
            scales: { x: { stacked: d.stacked }, y: { stacked: d.stacked, beginAtZero: true, ticks: { callback: v => money.format(v) } } },
            plugins: { tooltip: { callbacks: { label: c => c.dataset.label + ': ' + money.format(c.parsed.y) } } },
        },
    });
})();
