// Members at year end (line) and new members per year (bars); the same numbers are in the table below the chart.
(function () {
    const data = document.getElementById('members-data');
    const canvas = document.getElementById('members-chart');
    if (!data || !canvas || !window.Chart) return;
    const d = JSON.parse(data.textContent);
    const locale = document.documentElement.lang === 'en' ? 'en-BE' : 'nl-BE';
    new Chart(canvas, {
        data: {
            labels: d.labels,
            datasets: [
                { type: 'line', label: d.membersLabel, data: d.members, borderColor: '#1d3d5c', backgroundColor: '#1d3d5c', tension: 0.2 },
                { type: 'bar', label: d.newLabel, data: d.newMembers, backgroundColor: '#b35c00' },
            ],
        },
        options: { locale: locale, animation: false, scales: { y: { beginAtZero: true } } },
    });
})();
