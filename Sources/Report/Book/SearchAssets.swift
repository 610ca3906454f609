import Foundation

/// The offline search: an index written at build time as a script (a page opened from `file://`
/// may not fetch a JSON file) and a few lines that search it. The box stays hidden without
/// script, and the report reads the same.
enum SearchAssets {
    static let indexFile = "search-index.js"
    static let scriptFile = "search.js"

    /// `window.distillerySearch = [...]`, entries in reading order; safe inside `<script>`.
    static func index(_ entries: [SearchEntry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
        return "window.distillerySearch = \(json.scriptSafeJSON);\n"
    }

    /// Shows the box, and on each keystroke lists the stretches holding every word typed,
    /// headings that match first. Text goes in with textContent, never as HTML.
    static let script = """
    (function () {
      "use strict";
      var box = document.getElementById("search-box");
      var input = document.getElementById("search");
      var list = document.getElementById("search-results");
      var entries = window.distillerySearch;
      if (!box || !input || !list || !entries) return;
      box.hidden = false;
      var prepared = entries.map(function (e) {
        return { entry: e, title: e.title.toLowerCase(), text: e.text.toLowerCase() };
      });
      function words(query) {
        return query.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(function (w) { return w.length > 0; });
      }
      function snippet(entry, text, word) {
        var at = text.indexOf(word);
        if (at < 0) return entry.text.slice(0, 90);
        var start = Math.max(0, at - 40);
        while (start > 0 && entry.text[start - 1] !== " ") start -= 1;
        var end = Math.min(entry.text.length, at + 60);
        while (end < entry.text.length && entry.text[end] !== " ") end += 1;
        return (start > 0 ? "…" : "") + entry.text.slice(start, end) + (end < entry.text.length ? "…" : "");
      }
      function show() {
        var query = words(input.value);
        list.textContent = "";
        if (query.length === 0) return;
        var hits = prepared.filter(function (p) {
          return query.every(function (w) { return p.title.indexOf(w) >= 0 || p.text.indexOf(w) >= 0; });
        });
        hits.sort(function (a, b) {
          var ta = query.every(function (w) { return a.title.indexOf(w) >= 0; }) ? 0 : 1;
          var tb = query.every(function (w) { return b.title.indexOf(w) >= 0; }) ? 0 : 1;
          return ta - tb;
        });
        if (hits.length === 0) {
          var none = document.createElement("li");
          none.className = "no-results";
          none.textContent = "Nothing found.";
          list.appendChild(none);
          return;
        }
        hits.slice(0, 12).forEach(function (p) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = p.entry.href;
          link.textContent = p.entry.title === p.entry.chapter ? p.entry.title : p.entry.chapter + " › " + p.entry.title;
          var context = document.createElement("span");
          context.className = "search-context";
          context.textContent = snippet(p.entry, p.text, query[0]);
          item.appendChild(link);
          item.appendChild(context);
          list.appendChild(item);
        });
      }
      input.addEventListener("input", show);
    })();

    """
}
