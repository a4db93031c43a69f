// After a refused submit: the error summary (Shared/_ValidationSummary, id "error-summary") takes the focus, its links lead
// to their fields, so keyboard
// and screen-reader users land on the list of what to correct, and every field with a message says it is invalid
// (aria-invalid="true") and is described by its message (WCAG 3.3.1, 3.3.3). A field's message is the validation message
// written for its name (data-valmsg-for), or else the one that follows it in its wrapper, as the forms write them.
(function () {
    var uid = 0;

    function fieldOf(message) {
        var form = message.closest('form') || document;
        var name = message.getAttribute('data-valmsg-for');
        if (name) {
            var named = form.querySelector('[name="' + name.replace(/"/g, '') + '"]');
            if (named) return named;
        }
        for (var e = message.previousElementSibling; e; e = e.previousElementSibling) {
            if (e.matches('input, select, textarea')) return e;
            var inner = e.querySelectorAll('input:not([type=hidden]), select, textarea');
            if (inner.length) return inner[inner.length - 1];
        }
        return null;
    }

    function describe(field, message) {
        if (!message.id) message.id = 'field-error-' + (++uid);
        var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
        if (ids.indexOf(message.id) < 0) ids.push(message.id);
        field.setAttribute('aria-describedby', ids.join(' '));
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.input-validation-error').forEach(function (field) { field.setAttribute('aria-invalid', 'true'); });
        document.querySelectorAll('.field-validation-error, [data-valmsg-for]').forEach(function (message) {
            if (!message.textContent.trim()) return;
            var field = fieldOf(message);
            if (!field || field.type === 'hidden') return;
            field.setAttribute('aria-invalid', 'true');
            describe(field, message);
        });
        var summary = document.getElementById('error-summary');
        if (summary) {
            // Each link goes to the field with its name, posted ("Input.Amount") or plain ("Amount").
            summary.querySelectorAll('a[data-field]').forEach(function (link) {
                var name = link.getAttribute('data-field').replace(/"/g, '');
                if (document.getElementById(link.getAttribute('href').slice(1))) return;
                var field = document.querySelector('[name="' + name + '" i]:not([type=hidden]), [name$=".' + name + '" i]:not([type=hidden])');
                if (!field) { link.removeAttribute('href'); return; }
                if (!field.id) field.id = 'field-' + (++uid);
                link.setAttribute('href', '#' + field.id);
            });
            // Following a link puts the cursor in the field, not only the field on screen.
            summary.addEventListener('click', function (e) {
                var link = e.target.closest('a[href^="#"]');
                var field = link && document.getElementById(link.getAttribute('href').slice(1));
                if (!field) return;
                e.preventDefault();
                field.scrollIntoView({ block: 'center' });
                field.focus();
            });
            summary.focus();
        }
    });
})();
