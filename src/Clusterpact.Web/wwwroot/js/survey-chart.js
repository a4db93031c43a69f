// One horizontal bar chart per question: how many respondents chose each option; the same numbers are in the table beside it.
(function () {
    if (!window.Chart) return;
    const locale = document.documentElement.lang === 'en' ? 'en-BE' : 'nl-BE';
    document.querySelectorAll('canvas.survey-chart').forEach(function (canvas) {
        new Chart(canvas, {
            type: 'bar',
            data: { labels: JSON.parse(canvas.dataset.labels), datasets: [{ data: JSON.parse(canvas.dataset.values), backgroundColor: '#1d3d5c' }] },
            options: { locale: locale, indexAxis: 'y', animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        });
    });
})();
