// The course admin's organiser field (courses/admin_organisers.py): search staff and course
// providers' contact people, add one as a checked checkbox; unticking removes them on save.
(function () {
    "use strict";

    function describe(person) {
        return person.name + " – " + person.email + " · " + person.organisation;
    }

    function setUp(root) {
        const name = root.dataset.name;
        const chosen = root.querySelector("[data-organiser-chosen]");
        const none = root.querySelector("[data-organiser-none]");
        const search = root.querySelector("[data-organiser-search]");
        const results = root.querySelector("[data-organiser-results]");
        const minLength = Number(root.dataset.minLength || 2);
        let timer = null;
        let latest = 0;

        function isChosen(id) {
            return chosen.querySelector('input[value="' + id + '"]') !== null;
        }

        function add(person) {
            if (!isChosen(person.id)) {
                const item = document.createElement("li");
                const label = document.createElement("label");
                const box = document.createElement("input");
                box.type = "checkbox";
                box.name = name;
                box.value = String(person.id);
                box.checked = true;
                label.append(box, " " + person.name + " ");
                const meta = document.createElement("span");
                meta.className = "organiser-chooser__meta";
                meta.textContent = "– " + person.email + " · " + person.organisation;
                label.append(meta);
                item.append(label);
                chosen.append(item);
                none.hidden = true;
            }
            results.replaceChildren();
            search.value = "";
            search.focus();
        }

        function show(people) {
            results.replaceChildren();
            if (people.length === 0) {
                const item = document.createElement("li");
                item.textContent = root.dataset.empty;
                results.append(item);
                return;
            }
            for (const person of people) {
                const item = document.createElement("li");
                const button = document.createElement("button");
                button.type = "button";
                button.className = "button button-small button-secondary";
                button.textContent = root.dataset.add + ": " + describe(person);
                button.disabled = isChosen(person.id);
                button.addEventListener("click", function () { add(person); });
                item.append(button);
                results.append(item);
            }
        }

        function find() {
            const text = search.value.trim();
            if (text.length < minLength) {
                results.replaceChildren();
                return;
            }
            const ask = ++latest;
            const url = root.dataset.searchUrl + "?q=" + encodeURIComponent(text);
            fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (ask === latest) { show(data.results); } });
        }

        search.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(find, 250);
        });
        search.addEventListener("keydown", function (event) {
            // Enter in the search box must not submit the whole course form.
            if (event.key === "Enter") {
                event.preventDefault();
                clearTimeout(timer);
                find();
            }
        });
    }

    function init() {
        document.querySelectorAll("[data-organiser-chooser]").forEach(function (root) {
            if (!root.dataset.ready) {
                root.dataset.ready = "1";
                setUp(root);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
