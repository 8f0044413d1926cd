// What every page does with a script, each thing also right without it:
// - The language switch keeps the reader's place: the link to the same page in the other language
//   (header a.language, and the page's <link rel="alternate" hreflang>) carries the address's query
//   (a search's ?q=, a list's ?sort=&order=) and its #fragment (a part of a meeting page: both
//   languages use the same ids). Without the script the switch is the plain link to the other
//   page. A link with a query of its own (a SPARQL answer's switch: the same query in the other
//   language) keeps it and only gains the fragment. window.sakradSwitch() sets them again from the
//   address (search.js calls it as the search changes).
// - A list's filter panel (details.facets[data-open-wide]) is closed in the HTML, so on a phone the
//   list comes first and the panel is one line to open; on a screen wider than 48rem the script
//   opens it, the filters beside the list as the reader expects on a desktop.
// - A form sent by GET (a SPARQL query form: the query page's, the start page's, the answer page's
//   "run again") is sent by POST when its address would be longer than the server takes
//   (MAX_URL_LENGTH, path and query string, as serving/guard.py counts it; longer is 414): a long
//   query works from every form. The length is measured as the form is sent, after every other
//   submit listener (the query editor copies its text into the form in one), by a listener on the
//   document, which the submit event reaches last.
"use strict";
(function () {
  var MAX_URL_LENGTH = 8192;

  // The length of the request target a GET of the form would have: the action's path, and the
  // fields as a browser encodes them (line breaks as CR LF).
  function addressLength(form) {
    var fields = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") fields.append(name, value.replace(/\r\n|\r|\n/g, "\r\n"));
    });
    return new URL(form.action, location.href).pathname.length + fields.toString().length;
  }

  // A query form meant for GET (its method, or data-method="get" where the page was made with a
  // long query and says POST) is set to POST when its address would be too long, else to GET.
  function postIfLong(form) {
    if (!(form instanceof HTMLFormElement) || !form.elements.namedItem("query")) return;
    var meant = form.getAttribute("data-method") || form.getAttribute("method") || "get";
    if (meant.toLowerCase() !== "get") return;  // a download sent by POST stays so
    form.setAttribute("data-method", "get");
    form.method = addressLength(form) > MAX_URL_LENGTH ? "post" : "get";
  }
  // for a script that sends a form by form.submit(), which fires no submit event
  window.sakradPostIfLong = postIfLong;

  function carried(link) {
    if (!link.hasAttribute("data-plain")) link.setAttribute("data-plain", link.getAttribute("href"));
    var plain = link.getAttribute("data-plain");
    var cut = plain.search(/[?#]/);
    var path = cut < 0 ? plain : plain.slice(0, cut);
    var own = cut < 0 ? "" : plain.slice(cut).replace(/#.*$/, "");
    return path + (own || location.search) + location.hash;
  }

  function update() {
    var links = document.querySelectorAll("header a.language[href], link[rel=alternate][hreflang]");
    Array.prototype.forEach.call(links, function (link) { link.setAttribute("href", carried(link)); });
  }
  window.sakradSwitch = update;

  function openWide() {
    if (!window.matchMedia || !window.matchMedia("(min-width: 48rem)").matches) return;
    Array.prototype.forEach.call(document.querySelectorAll("details[data-open-wide]"), function (d) {
      d.open = true;
    });
  }

  function start() {
    update();
    openWide();
  }

  window.addEventListener("hashchange", update);
  document.addEventListener("submit", function (event) { postIfLong(event.target); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
