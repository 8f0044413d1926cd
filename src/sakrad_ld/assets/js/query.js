// The query page. The editor is YASGUI's Yasqe (assets/yasgui/): it colours SPARQL and completes the
// classes and properties of this dataset, listed in the page (#sparql-terms) when the site was made, so
// nothing is asked of a service on the web. Running a query opens the endpoint's answer page, where
// names link to pages and the answer can be downloaded as CSV or JSON; a query too long for an address
// is sent by POST (assets/js/page.js). A saved query's parameters are
// bound from their fields as the command line binds them (sakrad_ld.sparql.query.bind: a trailing
// VALUES clause; an id stands for the IRI of its kind of thing). The page opens with the query its
// address names (the answer page's link to the editor: ?query=…, or #query=… for a long query).
// A value that is neither an IRI nor an id (a name, "Rädda Barnen") is looked up by its name in the
// site's search index (search-index.js, loaded only then): the one thing of the field's kind of that
// name stands in by its id; where none or several have it, the page says so beside the field, in
// its language, and runs nothing (the command line refuses such a value: a made-up IRI answers
// "0 rows", which a reader takes for the answer).
// Without JavaScript the text area and the links to run each saved query work as they are.
// The keys: Ctrl-Enter (Cmd-Enter on a Mac) runs the query, as the form's button does; Tab and
// Shift-Tab leave the editor for the next or the previous control (CodeMirror would indent: a trap
// for a reader without a mouse); the note under the label (#editor-keys) says so in the page's
// language. Yasqe's own buttons are not drawn (no share button: nothing is shared from this page),
// and any button the editor puts in the form is made type="button", so that none submits by accident.
"use strict";
(function () {
  // sakrad_ld.records.ID_PATTERN and the scheme sakrad_ld.sparql.query reads an IRI by
  var ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
  var SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
  var NOT_IN_IRI = /[<>"{}|^`\\\s]/;

  // The term a field's value stands for, as sakrad_ld.sparql.query.bind makes it, or null where the
  // value is no IRI and no id (a name: looked up by named()).
  function term(kind, value, base) {
    if (kind === "literal") return JSON.stringify(value);
    if (SCHEME.test(value)) return NOT_IN_IRI.test(value) ? null : "<" + value + ">";
    return ID.test(value) ? "<" + base + "id/" + kind + "/" + value + ">" : null;
  }

  // The site's search index (window.sakradSearchIndex), loaded once, when a name is first looked up.
  var index = null;
  function searchIndex(src) {
    if (!index) {
      index = new Promise(function (resolve) {
        if (window.sakradSearchIndex) { resolve(window.sakradSearchIndex); return; }
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.sakradSearchIndex || []); };
        script.onerror = function () { index = null; resolve([]); };
        document.head.appendChild(script);
      });
    }
    return index;
  }

  // The ids of the things of ``kind`` named ``value`` (in Swedish or English; case and diacritics
  // folded as the site's search folds them), and, where none is, of those whose names hold its words.
  function named(entries, kind, value) {
    var fold = window.sakradFold || function (t) { return t.toLowerCase().trim(); };
    var wanted = fold(value), words = wanted.split(" ").filter(Boolean);
    var prefix = "doc/" + kind + "/", exact = [], near = [];
    entries.forEach(function (e) {
      if (typeof e.h !== "string" || e.h.indexOf(prefix) !== 0) return;
      var found = {id: e.h.slice(prefix.length).replace(/\.html$/, ""), name: e.n};
      if (fold(e.n || "") === wanted || fold(e.e || "") === wanted) exact.push(found);
      else if (words.length && words.every(function (w) { return (" " + e.f).indexOf(" " + w) >= 0; })) near.push(found);
    });
    return {exact: exact, near: near};
  }

  // Says beside a field why its value is not taken (message: the page's text, {value} and {names}
  // filled in), or clears it (message null).
  function say(input, message, values) {
    var box = document.getElementById(input.getAttribute("data-error"));
    if (!box) return;
    if (message === null) {
      box.hidden = true;
      box.textContent = "";
      input.removeAttribute("aria-invalid");
      return;
    }
    box.textContent = message.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
    box.hidden = false;
    input.setAttribute("aria-invalid", "true");
  }

  // The terms of a saved query's fields (name and term each), a name replaced by the id of the one
  // thing of that name; null, with the reason beside each field not taken, where one cannot be bound.
  function bound(inputs, base, form) {
    var given = inputs.filter(function (input) { return input.value.trim(); });
    var names = given.filter(function (input) {
      return term(input.getAttribute("data-kind"), input.value.trim(), base) === null;
    });
    inputs.forEach(function (input) { say(input, null); });
    var looked = names.length ? searchIndex(form.getAttribute("data-search-index")) : Promise.resolve([]);
    return looked.then(function (entries) {
      var ok = true;
      var terms = given.map(function (input) {
        var kind = input.getAttribute("data-kind"), value = input.value.trim();
        var made = term(kind, value, base);
        if (made !== null) return ["?" + input.getAttribute("data-name"), made];
        var found = SCHEME.test(value) ? {exact: [], near: []} : named(entries, kind, value);
        if (found.exact.length === 1) {
          input.value = found.exact[0].id;  // the reader sees what the query is run with
          return ["?" + input.getAttribute("data-name"), term(kind, found.exact[0].id, base)];
        }
        ok = false;
        var some = found.exact.length ? found.exact : found.near;
        var listed = some.slice(0, 5).map(function (f) { return f.name + " (" + f.id + ")"; }).join(", ");
        var key = SCHEME.test(value) ? "data-not-iri" : some.length ? "data-which" : "data-not-id";
        say(input, form.getAttribute(key) || "", {value: value, names: listed});
        return null;
      });
      return ok ? terms : null;
    });
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
        var inputs = Array.prototype.slice.call(box.querySelectorAll("input.param"));
        bound(inputs, base, form).then(function (terms) {
          if (terms === null) {  // said beside the field: nothing is run
            var wrong = box.querySelector('input.param[aria-invalid="true"]');
            if (wrong) wrong.focus();
            return;
          }
          runWith(box, terms);
        });
      });
    });

    function runWith(box, terms) {
      var text = box.querySelector("pre").textContent.replace(/\s+$/, "");
      var names = terms.map(function (t) { return t[0]; });
      var values = terms.map(function (t) { return t[1]; });
      if (names.length) text += "\nVALUES (" + names.join(" ") + ") { (" + values.join(" ") + ") }\n";
      textarea.value = text;
      if (yasqe) yasqe.setValue(text);
      // sent by the page's form, in the page's language (its lang field), by POST where the
      // query is too long for an address (assets/js/page.js)
      if (form.requestSubmit) form.requestSubmit();
      else {
        if (window.sakradPostIfLong) window.sakradPostIfLong(form);
        form.submit();
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
