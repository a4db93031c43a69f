// Project funding mobilised per start year: earmarked and additional aid stacked; the same numbers are in the table below the chart.
(function () {
    const data = document.getElementById('projects-data');
    const canvas = document.getElementById('projects-chart');
    if (!data || !canvas || !window.Chart) return;
    const d = JSON.parse(data.textContent);
    const locale = document.documentElement.lang === 'en' ? 'en-BE' : 'nl-BE';
    const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: d.labels,
            datasets: [
                { label: d.earmarkedLabel, data: d.earmarked, backgroundColor: '#1d3d5c', stack: 'funding' },
                { label: d.additionalLabel, data: d.additional, backgroundColor: '#b35c00', stack: 'funding' },
            ],
        },
        options: {
            locale: locale, animation: false,
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { callback: v => euro.format(v) } } },
            plugins: { tooltip: { callbacks: { label: c => c.dataset.label + ': ' + euro.format(c.parsed.y) } } },
        },
    });
})();
