/*
 * Search suggestions as one types, for every input[data-search-suggest].
 *
 * The input becomes an ARIA 1.2 combobox whose popup lists pages and
 * signatories matching what is typed (from the JSON address in the data
 * attribute). A suggestion is a link: choosing it opens the page. Without a
 * chosen suggestion, Enter submits the form as usual, and without this script
 * the search works the same, minus the suggestions.
 *
 * Keys: Down and Up move through the suggestions, Enter opens the one
 * selected, Escape closes the list. A hidden status region says how many
 * suggestions there are, for screen readers.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY_MS = 250;
    var counter = 0;

    function enhance(input) {
        var url = input.getAttribute("data-search-suggest");
        if (!url || !window.fetch || !window.URLSearchParams) {
            return;
        }
        counter += 1;
        var texts = input.dataset;
        var listId = "search-suggestions-" + counter;

        var wrapper = document.createElement("div");
        wrapper.className = "search-suggest";
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggest__list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", texts.textList || "");
        list.hidden = true;
        wrapper.appendChild(list);

        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var suggestions = [];
        var selected = -1;
        var timer = null;
        var controller = null;
        var lastText = null;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            selected = -1;
        }

        function select(index) {
            var options = list.querySelectorAll("[role='option']");
            selected = index;
            for (var i = 0; i < options.length; i += 1) {
                options[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function open(index) {
            if (suggestions[index]) {
                window.location.assign(suggestions[index].url);
            }
        }

        function show(items) {
            suggestions = items;
            list.textContent = "";
            items.forEach(function (item, index) {
                var option = document.createElement("li");
                option.id = listId + "-" + index;
                option.className = "search-suggest__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var title = document.createElement("span");
                title.className = "search-suggest__title";
                title.textContent = item.title;
                var kind = document.createElement("span");
                kind.className = "search-suggest__kind";
                kind.textContent = item.kind;
                option.appendChild(title);
                option.appendChild(document.createTextNode(" "));
                option.appendChild(kind);
                option.addEventListener("mousedown", function (event) {
                    // Keep the focus in the input until the page changes.
                    event.preventDefault();
                });
                option.addEventListener("click", function () {
                    open(index);
                });
                list.appendChild(option);
            });
            selected = -1;
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            } else {
                close();
            }
            if (items.length === 0) {
                status.textContent = texts.textNone || "";
            } else if (items.length === 1) {
                status.textContent = texts.textOne || "";
            } else {
                status.textContent = (texts.textMany || "").replace("{count}", items.length);
            }
        }

        function fetchSuggestions() {
            var text = input.value.trim();
            if (text === lastText) {
                return;
            }
            lastText = text;
            if (controller) {
                controller.abort();
                controller = null;
            }
            if (text.length < MIN_LENGTH) {
                suggestions = [];
                list.textContent = "";
                status.textContent = "";
                close();
                return;
            }
            controller = window.AbortController ? new AbortController() : null;
            var address = url + "?" + new URLSearchParams({ q: text }).toString();
            window.fetch(address, {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === text) {
                        show(data.suggestions || []);
                    }
                })
                .catch(function () {
                    // Offline or aborted: the form still works without suggestions.
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var count = suggestions.length;
            if (event.key === "ArrowDown") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (list.hidden) {
                    list.hidden = false;
                    input.setAttribute("aria-expanded", "true");
                }
                select(selected + 1 < count ? selected + 1 : 0);
            } else if (event.key === "ArrowUp") {
                if (!count || list.hidden) {
                    return;
                }
                event.preventDefault();
                select(selected > 0 ? selected - 1 : count - 1);
            } else if (event.key === "Enter") {
                if (!list.hidden && selected >= 0) {
                    event.preventDefault();
                    open(selected);
                }
            } else if (event.key === "Escape") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", function () {
            close();
        });
    }

    function start() {
        var inputs = document.querySelectorAll("input[data-search-suggest]");
        for (var i = 0; i < inputs.length; i += 1) {
            enhance(inputs[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
