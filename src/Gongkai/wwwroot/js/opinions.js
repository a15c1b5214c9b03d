// Progressive enhancement for /opinions/new; the page works without it ("先查一查" does the same).
// As the title is typed, published answers and catalogue items matching it are listed
// (GET /api/opinions/similar?q=). Built with DOM methods: the titles are text, never HTML.
(function () {
    'use strict';

    var region = document.querySelector('[data-similar]');
    var title = document.getElementById('Input_Title');
    if (!region || !title || !window.fetch) return;
    var timer = null;
    var asked = '';

    function el(tag, text, cls) {
        var node = document.createElement(tag);
        if (text) node.textContent = text;
        if (cls) node.className = cls;
        return node;
    }

    function list(id, heading, rows) {
        var frag = document.createDocumentFragment();
        if (rows.length === 0) return frag;
        frag.appendChild(el('h3', heading));
        var ul = el('ul');
        ul.id = id;
        rows.forEach(function (r) {
            var li = el('li');
            var a = el('a', r.title);
            a.href = r.url;
            a.target = '_blank';
            a.rel = 'noopener';
            li.appendChild(a);
            li.appendChild(document.createTextNode(' '));
            li.appendChild(el('span', [r.department, r.date].filter(Boolean).join(' · '), 'hint'));
            ul.appendChild(li);
        });
        frag.appendChild(ul);
        return frag;
    }

    function render(data) {
        region.textContent = '';
        var answers = data.answers.map(function (a) { return { title: a.title, url: a.url, department: a.department, date: a.answeredOn }; });
        var items = data.items.map(function (i) { return { title: i.title, url: i.url, department: i.department, date: i.publishedOn }; });
        if (answers.length === 0 && items.length === 0) {
            var none = el('p', '没有找到相关的公开答复或政府信息，可以继续写信。', 'hint');
            none.id = 'similar-result';
            region.appendChild(none);
            return;
        }
        var box = el('div', null, 'suggestions');
        box.id = 'similar-result';
        box.appendChild(el('p', '以下内容可能与您的问题有关，可以先看看（链接在新窗口打开，本页已填写的内容不会丢失）：'));
        box.appendChild(list('similar-answers', '已公开的答复', answers));
        box.appendChild(list('similar-items', '已主动公开的政府信息', items));
        box.appendChild(el('p', '如果这些内容不能解决您的问题，可以继续写信。', 'hint'));
        region.appendChild(box);
    }

    function refresh() {
        var q = title.value.trim();
        if (q.length < 2 || q === asked) return;
        asked = q;
        fetch('/api/opinions/similar?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) { if (data && q === asked) render(data); })
            .catch(function () { /* the button still works */ });
    }

    title.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, 600);
    });
    title.addEventListener('blur', refresh);
}());
