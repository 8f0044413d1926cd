// The query page. The editor is YASGUI's Yasqe (assets/yasgui/): it colours SPARQL and completes the
// classes and properties of this dataset, listed in the page (#sparql-terms) when the site was made, so
// nothing is asked of a service on the web. Running a query opens the endpoint's answer page, where
// names link to pages and the answer can be downloaded as CSV or JSON; a query too long for an address
// is sent by POST (assets/js/page.js). A saved query's parameters are
// bound from their fields as the command line binds them (sakrad_ld.sparql.query.bind: a trailing
// VALUES clause; an id stands for the IRI of its kind of thing). The page opens with the query its
// address names (the answer page's link to the editor: ?query=…, or #query=… for a long query).
// Without JavaScript the text area and the links to run each saved query work as they are.
// The keys: Ctrl-Enter (Cmd-Enter on a Mac) runs the query, as the form's button does; Tab and
// Shift-Tab leave the editor for the next or the previous control (CodeMirror would indent: a trap
// for a reader without a mouse); the note under the label (#editor-keys) says so in the page's
// language. Yasqe's own buttons are not drawn (no share button: nothing is shared from this page),
// and any button the editor puts in the form is made type="button", so that none submits by accident.
"use strict";
(function () {
  function term(kind, value, base) {
    value = value.trim();
    if (/^https?:\/\//.test(value)) return "<" + value.replace(/[<>"{}|^`\\\s]/g, "") + ">";
    if (kind === "literal") return JSON.stringify(value);
    return "<" + base + "id/" + kind + "/" + encodeURIComponent(value) + ">";
  }

  function editor(form, textarea, endpoint) {
    var Yasqe = window.Yasgui && window.Yasgui.Yasqe;
    var place = document.getElementById("editor");
    var listed = document.getElementById("sparql-terms");
    if (!Yasqe || !place || !listed) return null;
    var terms = JSON.parse(listed.textContent || "{}");
    Yasqe.forkAutocompleter("class", {name: "sakrad-classes", bulk: true, persistenceId: null, autoShow: true,
      get: function () { return terms.classes || []; }}, false);
    Yasqe.forkAutocompleter("property", {name: "sakrad-properties", bulk: true, persistenceId: null, autoShow: true,
      get: function () { return terms.properties || []; }}, false);
    var yasqe = new Yasqe(place, {
      value: textarea.value,
      requestConfig: {endpoint: endpoint, method: "GET"},
      showQueryButton: false,
      persistenceId: null,
      createShortLink: undefined,
      createShareableLink: null,
      consumeShareLink: null,
      prefixCcApi: null,
      autocompleters: ["sakrad-classes", "sakrad-properties", "prefixes", "variables"],
      editorHeight: "18rem",
      resizeable: true
    });
    // Ctrl-Enter, Cmd-Enter and the form's button all open the endpoint's answer page. The keys are
    // bound here: Yasqe's own binding calls query() on the CodeMirror inside it, not on this object
    function run() { if (form.requestSubmit) form.requestSubmit(); else form.submit(); }
    yasqe.query = function () { run(); return Promise.resolve(); };
    var keys = Object.assign({}, yasqe.getOption("extraKeys") || {});
    keys["Ctrl-Enter"] = keys["Cmd-Enter"] = function () { run(); };
    keys.Tab = keys["Shift-Tab"] = false;  // false: CodeMirror leaves the key to the browser, which moves focus
    yasqe.setOption("extraKeys", keys);
    form.querySelectorAll("button:not([type])").forEach(function (button) { button.type = "button"; });
    textarea.hidden = true;
    // the editor's own text area (CodeMirror's) is named as the hidden one was, in the page's language
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    var input = yasqe.getInputField && yasqe.getInputField();
    if (label && input) {
      input.setAttribute("aria-label", label.textContent.trim());
      label.addEventListener("click", function () { yasqe.focus(); });
    }
    var help = document.getElementById("editor-keys");
    if (help && input) {
      help.hidden = false;  // what the keys do in the editor: said only where the editor is there
      input.setAttribute("aria-describedby", help.id);
    }
    var note = document.getElementById("editor-note");
    if (note) note.hidden = true;
    form.addEventListener("submit", function () { textarea.value = yasqe.getValue(); });
    window.sakradEditor = yasqe;
    return yasqe;
  }

  // The query the page was opened with: #query=… (the answer page's link for a query too long for
  // an address: a fragment is never sent to the server) or ?query=…; null for none.
  function asked() {
    var fromFragment = new URLSearchParams(location.hash.slice(1)).get("query");
    return fromFragment !== null ? fromFragment : new URLSearchParams(location.search).get("query");
  }

  function start() {
    var form = document.getElementById("sparql-form");
    if (!form) return;
    var endpoint = form.getAttribute("data-endpoint");
    var base = form.getAttribute("data-base");
    var textarea = document.getElementById("query");
    var given = asked();
    if (given !== null) textarea.value = given;
    var yasqe = editor(form, textarea, endpoint);
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
        textarea.value = text;
        if (yasqe) yasqe.setValue(text);
        // sent by the page's form, in the page's language (its lang field), by POST where the
        // query is too long for an address (assets/js/page.js)
        if (form.requestSubmit) form.requestSubmit();
        else {
          if (window.sakradPostIfLong) window.sakradPostIfLong(form);
          form.submit();
        }
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
