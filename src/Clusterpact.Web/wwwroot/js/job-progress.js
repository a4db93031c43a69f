// Follows a background job's progress and reloads the page when it ends. Without JavaScript the page refreshes itself.
(function () {
    const section = document.querySelector('[data-job]');
    if (!section) return;
    const id = section.getAttribute('data-job');
    const bar = document.getElementById('job-bar');
    const text = document.getElementById('job-text');
    async function poll() {
        try {
            const response = await fetch('/api/v1/jobs/' + id, { headers: { 'Accept': 'application/json' } });
            if (response.ok) {
                const job = await response.json();
                const pct = Math.round(job.progress * 100);
                // The width is a class (w-pct-N in site.css), like the server draws it.
                bar.className = bar.className.replace(/\bw-pct-\d+\b/, 'w-pct-' + Math.min(100, Math.max(0, pct)));
                bar.textContent = pct + '%';
                bar.parentElement.setAttribute('aria-valuenow', String(pct));
                if (job.progressText) text.textContent = job.progressText;
                if (job.status === 'Succeeded' || job.status === 'Failed') { window.location.reload(); return; }
            }
        } catch (e) { /* a missed poll is retried */ }
        setTimeout(poll, 1000);
    }
    setTimeout(poll, 500);
})();
