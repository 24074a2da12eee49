/*
 * Collectivity picker: suggestions as one types, for CollectivityField.
 *
 * Turns the field's text input into an ARIA 1.2 combobox with a listbox
 * popup. Suggestions come from the register's JSON search; choosing one
 * writes its label in the input and its id in the hidden input, so the form
 * goes through at once. Without this script the field still works: the server
 * proposes the matches as radio buttons.
 *
 * Keys: Down and Up move through the suggestions (Down also opens them),
 * Enter chooses, Escape closes the list (or, when it is closed, clears the
 * text). A status region announces how many suggestions there are.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY_MS = 200;

    function format(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (match, key) {
            return key in values ? values[key] : match;
        });
    }

    function describe(result) {
        var parts = [result.kind_label];
        if (result.departement && result.kind !== "departement") {
            parts.push(result.departement.name);
        } else if (result.region && result.kind !== "region") {
            parts.push(result.region.name);
        }
        if (result.siren) {
            parts.push("SIREN " + result.siren);
        }
        return parts.join(" · ");
    }

    function setUp(root) {
        var input = root.querySelector("input[type='text']");
        var idInput = root.querySelector("[data-collectivity-picker-id]");
        var url = root.getAttribute("data-search-url");
        if (!input || !idInput || !url || !window.fetch) {
            return;
        }
        var texts = root.dataset;
        var listboxId = (input.id || input.name) + "_suggestions";

        var listbox = document.createElement("ul");
        listbox.id = listboxId;
        listbox.className = "collectivity-picker__listbox";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", texts.textListLabel || "");
        listbox.hidden = true;
        input.insertAdjacentElement("afterend", listbox);

        var status = document.createElement("div");
        status.className = "collectivity-picker__status";
        status.setAttribute("role", "status");
        root.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listboxId);

        var results = [];
        var active = -1;
        var timer = null;
        var pending = null;
        var lastQuery = "";

        function announce(message) {
            status.textContent = message;
        }

        function isOpen() {
            return !listbox.hidden;
        }

        function open() {
            if (results.length) {
                listbox.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            setActive(-1);
        }

        function setActive(index) {
            var options = listbox.children;
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "false");
            }
            active = index;
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "true");
                input.setAttribute("aria-activedescendant", options[active].id);
                options[active].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render() {
            listbox.textContent = "";
            results.forEach(function (result, index) {
                var option = document.createElement("li");
                option.id = listboxId + "_" + index;
                option.className = "collectivity-picker__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var name = document.createElement("span");
                name.className = "collectivity-summary__name";
                name.textContent = result.label;
                var details = document.createElement("span");
                details.className = "collectivity-summary__details";
                details.textContent = describe(result);
                option.appendChild(name);
                option.appendChild(details);
                option.addEventListener("mousedown", function (event) {
                    // Keep the focus in the input while clicking.
                    event.preventDefault();
                });
                option.addEventListener("click", function () {
                    choose(index);
                });
                listbox.appendChild(option);
            });
            active = -1;
            if (results.length) {
                open();
                announce(
                    format(
                        results.length === 1 ? texts.textCountOne : texts.textCountMany,
                        { count: results.length }
                    )
                );
            } else {
                close();
                announce(texts.textNone || "");
            }
        }

        function choose(index) {
            var result = results[index];
            if (!result) {
                return;
            }
            input.value = result.label;
            idInput.value = String(result.id);
            lastQuery = input.value.trim();
            close();
            // The server's list of matches, if shown, no longer applies.
            var matches = root.querySelector("[data-collectivity-picker-matches]");
            if (matches) {
                matches.remove();
            }
            announce(format(texts.textChosen || "", { label: result.label }));
        }

        function search(query) {
            if (pending) {
                pending.abort();
            }
            pending = window.AbortController ? new AbortController() : null;
            var address = url + "?q=" + encodeURIComponent(query);
            window
                .fetch(address, {
                    headers: { Accept: "application/json" },
                    signal: pending ? pending.signal : undefined,
                })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (input.value.trim() !== query) {
                        return;
                    }
                    results = data.results || [];
                    render();
                })
                .catch(function () {
                    // Aborted or offline: the form still works without suggestions.
                });
        }

        input.addEventListener("input", function () {
            var query = input.value.trim();
            idInput.value = "";
            window.clearTimeout(timer);
            if (query.length < MIN_LENGTH) {
                results = [];
                lastQuery = query;
                close();
                return;
            }
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            timer = window.setTimeout(function () {
                search(query);
            }, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            switch (event.key) {
                case "ArrowDown":
                    if (!results.length) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                    }
                    setActive(active + 1 < results.length ? active + 1 : 0);
                    break;
                case "ArrowUp":
                    if (!isOpen()) {
                        return;
                    }
                    event.preventDefault();
                    setActive(active > 0 ? active - 1 : results.length - 1);
                    break;
                case "Enter":
                    if (isOpen() && active >= 0) {
                        event.preventDefault();
                        choose(active);
                    }
                    break;
                case "Escape":
                    if (isOpen()) {
                        event.preventDefault();
                        close();
                    } else if (input.value) {
                        event.preventDefault();
                        input.value = "";
                        idInput.value = "";
                        results = [];
                        lastQuery = "";
                    }
                    break;
                case "Tab":
                    close();
                    break;
            }
        });

        input.addEventListener("blur", function () {
            close();
        });
    }

    function start() {
        var pickers = document.querySelectorAll("[data-collectivity-picker]");
        Array.prototype.forEach.call(pickers, setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
