// A text field with a suggestion list (data-suggest and a datalist, e.g. Shared/_ClusterChoice): while a person types, the
// list holds what the server suggests for the text (GET data-suggest?search=...), so a choice among thousands needs no
// list of thousands in the page. The field works without this script: the text typed is chosen on submit.
(function () {
    function attach(input) {
        var list = document.getElementById(input.getAttribute('list'));
        if (!list) return;
        var timer = null, asked = null;
        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                var term = input.value.trim();
                if (term.length < 2 || term === asked) return;
                asked = term;
                fetch(input.getAttribute('data-suggest') + '?search=' + encodeURIComponent(term), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(function (items) {
                        if (asked !== term) return;
                        list.replaceChildren.apply(list, items.map(function (item) {
                            var option = document.createElement('option');
                            option.value = item.name;
                            return option;
                        }));
                    })
                    .catch(function () { });
            }, 200);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('input[data-suggest][list]').forEach(attach);
    });
})();
