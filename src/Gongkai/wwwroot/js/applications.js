// Progressive enhancement for the 依申请公开 pages; every page works without it.
// - [data-print] buttons (hidden without script) print the page.
// - On /apply, published items matching the description are listed as it is typed, the same list
//   the "先查一查" button gives (GET /apply?handler=Suggestions returns it as an HTML fragment).
(function () {
    'use strict';

    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () { window.print(); });
    });

    var form = document.getElementById('apply-form');
    var region = document.getElementById('suggestions');
    if (!form || !region || !window.fetch) return;
    var description = document.getElementById('Input_Description');
    var number = document.getElementById('Input_DocumentNumber');
    var timer = null;
    var asked = '';

    function refresh() {
        var text = description.value.trim();
        var doc = number.value.trim();
        if (text.length < 4 && doc.length < 2) return;
        var query = 'description=' + encodeURIComponent(text) + '&documentNumber=' + encodeURIComponent(doc);
        if (query === asked) return;
        asked = query;
        fetch('/apply?handler=Suggestions&' + query, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) { if (html !== null && query === asked) region.innerHTML = html; })
            .catch(function () { /* the button still works */ });
    }

    function later() {
        clearTimeout(timer);
        timer = setTimeout(refresh, 700);
    }

    description.addEventListener('input', later);
    number.addEventListener('input', later);
    description.addEventListener('blur', refresh);
}());
