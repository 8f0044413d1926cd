// The query page: a saved query's parameters bound from their fields as the command line binds them
// (sakrad_ld.sparql.query.bind: a trailing VALUES clause; an id stands for the IRI of its kind of
// thing), then the query run at the site's SPARQL endpoint, whose HTML answer names and links things.
"use strict";
(function () {
  function term(kind, value, base) {
    value = value.trim();
    if (/^https?:\/\//.test(value)) return "<" + value.replace(/[<>"{}|^`\\\s]/g, "") + ">";
    if (kind === "literal") return JSON.stringify(value);
    return "<" + base + "id/" + kind + "/" + encodeURIComponent(value) + ">";
  }

  function start() {
    var form = document.getElementById("sparql-form");
    if (!form) return;
    var endpoint = form.getAttribute("data-endpoint");
    var base = form.getAttribute("data-base");
    document.querySelectorAll("button.run-with").forEach(function (button) {
      button.addEventListener("click", function () {
        var box = button.closest(".query");
        var text = box.querySelector("pre").textContent.replace(/\s+$/, "");
        var names = [], terms = [];
        box.querySelectorAll("input.param").forEach(function (input) {
          if (input.value.trim()) {
            names.push("?" + input.getAttribute("data-name"));
            terms.push(term(input.getAttribute("data-kind"), input.value, base));
          }
        });
        if (names.length) text += "\nVALUES (" + names.join(" ") + ") { (" + terms.join(" ") + ") }\n";
        document.getElementById("query").value = text;
        window.location.href = endpoint + "?query=" + encodeURIComponent(text);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
