// Guides: progressive enhancements only. Without JavaScript checklists still tick (they are
// form checkboxes) and print; this remembers the ticks on this device and opens every
// question and text version before printing.
(function () {
    "use strict";
    var storageKey = "frivilligloeft:checklists:" + window.location.pathname;

    function load() {
        try {
            return JSON.parse(window.localStorage.getItem(storageKey) || "{}");
        } catch (error) {
            return {};
        }
    }

    function save(state) {
        try {
            window.localStorage.setItem(storageKey, JSON.stringify(state));
        } catch (error) {
            // Private browsing or storage full: ticking still works for this visit.
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var lists = document.querySelectorAll("[data-checklist]");
        var state = load();
        lists.forEach(function (form, listIndex) {
            var boxes = form.querySelectorAll("input[type=checkbox]");
            boxes.forEach(function (box, boxIndex) {
                var key = listIndex + ":" + boxIndex;
                box.checked = Boolean(state[key]);
                box.addEventListener("change", function () {
                    state[key] = box.checked;
                    save(state);
                });
            });
            form.addEventListener("reset", function () {
                boxes.forEach(function (box, boxIndex) {
                    delete state[listIndex + ":" + boxIndex];
                });
                save(state);
            });
            form.addEventListener("submit", function (event) {
                event.preventDefault();
            });
        });
    });

    var opened = [];
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details:not([open])").forEach(function (details) {
            details.open = true;
            opened.push(details);
        });
    });
    window.addEventListener("afterprint", function () {
        opened.forEach(function (details) {
            details.open = false;
        });
        opened = [];
    });
})();
