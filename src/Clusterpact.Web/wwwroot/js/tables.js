// A wide table scrolls inside its .table-responsive box on a phone; a box that scrolls must be reachable by keyboard
// (WCAG 2.1.1), so it becomes a focusable region named after the table's caption while, and only while, it overflows.
(function () {
    function mark() {
        document.querySelectorAll('.table-responsive').forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1;
            if (scrolls && !box.hasAttribute('tabindex')) {
                var caption = box.querySelector('caption');
                box.setAttribute('tabindex', '0');
                box.setAttribute('role', 'region');
                if (caption) box.setAttribute('aria-label', caption.textContent.trim());
            } else if (!scrolls && box.getAttribute('tabindex') === '0') {
                box.removeAttribute('tabindex');
                box.removeAttribute('role');
                box.removeAttribute('aria-label');
            }
        });
    }
    document.addEventListener('DOMContentLoaded', mark);
    window.addEventListener('resize', mark);
})();
