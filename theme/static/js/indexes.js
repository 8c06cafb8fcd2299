// The filter box of the tags and places indexes (theme/templates/index_parts.html): narrows the lists to the
// names that have, for every word typed, a word beginning with it ("lav" finds Sergey Lavrov), in any case and
// with or without accents. A country whose name matches keeps all its places. Without JavaScript the box stays
// hidden and the page is whole.
(function () {
  "use strict";
  var box = document.querySelector(".index-filter");
  var lists = document.getElementById("index-lists");
  if (!box || !lists) return;
  var input = box.querySelector("input");
  var status = box.querySelector("[role=status]");
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  function words(text) { return String(text).normalize("NFKD").replace(MARKS, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []; }

  function matches(own, typed) {
    return typed.every(function (word) { return own.some(function (w) { return w.indexOf(word) === 0; }); });
  }

  function nameOf(element) { return words(element.querySelector("a").textContent); }

  // Groups: a letter of tags, a country (whose own name is its heading's) or the places in no country.
  var groups = Array.from(lists.querySelectorAll(".letter, .country")).map(function (group) {
    var named = group.matches(".country:not(.elsewhere)");
    return { element: group, own: named ? words(group.querySelector("h2").textContent) : null,
             items: Array.from(group.querySelectorAll("li")).map(function (item) { return { element: item, own: nameOf(item) }; }) };
  });
  var repeated = lists.querySelector(".most-used");  // the most used tags are also in the A-Z list
  var wrappers = Array.from(lists.querySelectorAll(".country-letter"));
  var opened = new Set();  // letters the filter opened, closed again when it is cleared

  function apply() {
    var typed = words(input.value), found = 0;
    groups.forEach(function (group) {
      var whole = typed.length === 0 || (group.own !== null && matches(group.own, typed));
      var shown = 0;
      group.items.forEach(function (item) {
        var keep = whole || matches(item.own, typed);
        item.element.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      found += shown + (typed.length && whole && group.element.querySelector("h2 a") ? 1 : 0);
      group.element.hidden = !whole && shown === 0;
      if (group.element.tagName === "DETAILS") {
        if (typed.length && shown && !group.element.open) { group.element.open = true; opened.add(group.element); }
        if (!typed.length && opened.has(group.element)) { group.element.open = false; opened.delete(group.element); }
      }
    });
    wrappers.forEach(function (wrapper) { wrapper.hidden = !wrapper.querySelector(".country:not([hidden])"); });
    if (repeated) repeated.hidden = typed.length > 0;
    var said = "\u201c" + input.value.trim() + "\u201d.";
    status.textContent = typed.length === 0 ? "" : found === 0 ? "No " + box.dataset.one + " matches " + said :
      (found === 1 ? "1 " + box.dataset.one + " matches " : found.toLocaleString("en") + " " + box.dataset.noun + " match ") + said;
  }

  // A letter jumped to opens (Chromium does so itself; other browsers may not).
  function openTarget() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var letter = target && target.closest("details");
    if (letter && !letter.open) { letter.open = true; target.scrollIntoView(); }
  }

  box.hidden = false;
  input.addEventListener("input", apply);
  window.addEventListener("hashchange", openTarget);
  openTarget();
  if (input.value) apply();  // a value the browser kept on going back
})();
