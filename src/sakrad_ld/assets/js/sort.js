// The lists' columns as sort buttons (lists/*.html: a table.list in a box with data-sort-list, its
// headings with data-sort-key and data-sort-type). Without this script a list is in its own order,
// the page's HTML order; with it each column heading is a button that sorts the rows ascending,
// then descending, then back to the list's own order (aria-sort on the heading). Text is compared
// in the page's language (Intl.Collator: Swedish å ä ö after z), numbers as numbers, dates as ISO
// dates; a cell with nothing known is last both ways, and rows that compare equal keep the list's
// order. The order is in the address (?sort=date&order=desc) and carried by the links to the same
// list (its filters, pages and the other language), so a sort survives a filter, and a sorted list
// can be sent on. It reads no file and asks no server: it works from file:// and under any path.
"use strict";
(function () {
  var ARROWS = { ascending: "▲", descending: "▼", none: "↕" };
  var NEXT = { none: "ascending", ascending: "descending", descending: "none" };

  // A cell's value as the reader sees it, without its marks and notes (span.meta: "(härlett)",
  // "ingen känd", "inga namngivna"): a text column its first link's words, else the cell's; a date
  // column the ISO date it opens with (a series its first day); a number column the number it opens
  // with. A cell with none ("okänt", "ingen känd", "inga namngivna") has no value: it is last.
  function cellValue(cell, type) {
    var bare = cell.cloneNode(true);
    Array.prototype.forEach.call(bare.querySelectorAll(".meta"), function (m) { m.remove(); });
    var link = type === "text" && bare.querySelector("a");
    var text = (link || bare).textContent.replace(/\s+/g, " ").trim();
    if (type === "date") {
      var date = /^\d{4}(-\d\d){0,2}\b/.exec(text);
      return date ? date[0] : null;
    }
    if (type === "number") {
      var digits = /^\d[\d\u00a0\u202f ]*/.exec(text);  // 1 234 as the page writes it
      return digits ? Number(digits[0].replace(/\D/g, "")) : null;
    }
    return text === "" ? null : text;
  }

  function compare(type, collator) {
    if (type === "text") return collator.compare;
    // numbers numerically, ISO dates (2019, 2019-03, 2019-03-05) by their characters
    return function (a, b) { return a < b ? -1 : a > b ? 1 : 0; };
  }

  // The links on the page that lead to a page of the same list (lists/meetings.html, its page
  // lists/meetings/2.html, lists/meetings/year/2024.html and its lists/meetings/year/2024/2.html,
  // en/lists/meetings.html): they carry the sort.
  function sameList(kind) {
    var page = new RegExp("/lists/" + kind + "(\\.html|/\\d+\\.html|/[^/]+/[^/]+\\.html|/[^/]+/[^/]+/\\d+\\.html)$");
    var links = document.querySelectorAll("main a[href], header a.language[href]");
    return Array.prototype.filter.call(links, function (a) {
      var url = new URL(a.href, document.baseURI);
      return page.test(url.pathname);
    });
  }

  function withSort(href, key, order) {
    var url = new URL(href, document.baseURI);
    url.searchParams.delete("sort");
    url.searchParams.delete("order");
    if (key) {
      url.searchParams.set("sort", key);
      url.searchParams.set("order", order === "descending" ? "desc" : "asc");
    }
    return url.href;
  }

  function enhance(table) {
    var box = table.parentNode;  // the words to show, and the list's kind (meetings, organisations …)
    var lang = document.documentElement.lang || "sv";
    var collator = new Intl.Collator(lang, { numeric: true });
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var links = sameList(box.getAttribute("data-sort-list"));
    var status = document.createElement("span");
    status.className = "sort-status";
    status.setAttribute("aria-live", "polite");
    var caption = table.createCaption();
    caption.className = "sort-hint";
    caption.textContent = box.getAttribute("data-sort-hint") + " ";
    caption.appendChild(status);
    if (box.hasAttribute("data-sort-page-only")) {
      var note = document.createElement("span");
      note.className = "sort-page-only";
      note.textContent = " " + box.getAttribute("data-sort-page-only");
      caption.appendChild(note);
    }

    var buttons = headings.map(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      var label = document.createElement("span");
      label.className = "sort-label";
      while (th.firstChild) label.appendChild(th.firstChild);
      var arrow = document.createElement("span");
      arrow.className = "sort-arrow";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(label);
      button.appendChild(arrow);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      arrow.textContent = ARROWS.none;
      button.addEventListener("click", function () {
        sort(th, NEXT[th.getAttribute("aria-sort")] || "ascending", true);
      });
      return button;
    });
    table.classList.add("sortable");

    function sort(th, order, announce) {
      var key = order === "none" ? null : th.getAttribute("data-sort-key");
      var type = th.getAttribute("data-sort-type") || "text";
      headings.forEach(function (h, i) {
        var now = h === th ? order : "none";
        h.setAttribute("aria-sort", now);
        buttons[i].lastChild.textContent = ARROWS[now];
      });
      var ordered = rows;
      if (key) {
        var column = headings.indexOf(th);
        var by = compare(type, collator);
        var sign = order === "descending" ? -1 : 1;
        ordered = rows.map(function (row, i) {
          return { row: row, i: i, v: cellValue(row.cells[column], type) };
        }).sort(function (a, b) {
          if (a.v === null || b.v === null) return (a.v === null) - (b.v === null) || a.i - b.i;
          return sign * by(a.v, b.v) || a.i - b.i;
        }).map(function (x) { return x.row; });
      }
      ordered.forEach(function (row) { body.appendChild(row); });
      var name = th.querySelector(".sort-label").textContent.trim();
      if (announce) {
        status.textContent = key ? box.getAttribute("data-sort-" + order).replace("{column}", name) :
          box.getAttribute("data-sort-none");
      }
      links.forEach(function (a) { a.href = withSort(a.getAttribute("href"), key, order); });
      try {
        history.replaceState(history.state, "", withSort(location.href, key, order));
      } catch (e) {
        // an address that cannot be changed in place (some browsers from file://): the page is sorted all the same
      }
    }

    var params = new URLSearchParams(location.search);
    var asked = params.get("sort");
    var start = headings.filter(function (h) { return h.getAttribute("data-sort-key") === asked; })[0];
    if (start) sort(start, params.get("order") === "desc" ? "descending" : "ascending", false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-sort-list] > table.list"), enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
