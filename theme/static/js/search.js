// newsdigest search: Pagefind's full-text index when the site is served; the story list when opened from disk
// (browsers refuse fetch() and module imports on file://). Reading the site never needs this script.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) return;
  var input = form.elements.q;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var site = new URL(form.dataset.site, location.href);
  var LIMIT = 20;
  var engine = null;

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // One Pagefind bundle per month (pagefind/YYYY-MM/): load the newest, merge the others into it.
  function pagefindEngine() {
    var bundles = (form.dataset.bundles || "").split(" ").filter(Boolean);
    if (!bundles.length) return Promise.reject(new Error("no search index"));
    var base = new URL(form.dataset.pagefind, location.href);
    return import(new URL(bundles[0] + "/pagefind.js", base).href).then(function (pagefind) {
      // Result URLs relative to the site root ("/2016/..."), resolved against where this site lives.
      return pagefind.options({ baseUrl: "/", excerptLength: 24 }).then(function () {
        return Promise.all(bundles.slice(1).map(function (bundle) {
          return pagefind.mergeIndex(new URL(bundle + "/", base).href, { baseUrl: "/" });
        }));
      }).then(function () {
        return function (query) {
          return pagefind.search(query).then(function (found) {
            return Promise.all(found.results.slice(0, LIMIT).map(function (result) { return result.data(); }))
              .then(function (pages) {
                return {
                  total: found.results.length,
                  items: pages.map(function (page) {
                    return { url: new URL(page.url.replace(/^\//, ""), site).href, title: page.meta.title,
                             meta: [page.meta.date, page.meta.origin].filter(Boolean).join(" \u00b7 "), excerpt: page.excerpt, marked: true };
                  })
                };
              });
          });
        };
      });
    });
  }

  function diskEngine() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(form.dataset.stories, location.href).href;
      script.onload = function () { resolve(window.newsdigestStories || []); };
      script.onerror = function () { reject(new Error("story list missing")); };
      document.head.appendChild(script);
    }).then(function (rows) {
      var stories = rows.map(function (row) {
        return { row: row, title: fold(row[1]), text: fold(row.slice(1, 6).join(" ") + " " + row[6].join(" ")) };
      });
      return function (query) {
        var words = fold(query).split(/\s+/).filter(Boolean);
        var hits = stories.filter(function (story) {
          return words.every(function (word) { return story.text.indexOf(word) !== -1; });
        });
        hits.sort(function (a, b) {
          var inTitle = function (story) { return words.filter(function (w) { return story.title.indexOf(w) !== -1; }).length; };
          return inTitle(b) - inTitle(a);
        });
        return Promise.resolve({
          total: hits.length,
          items: hits.slice(0, LIMIT).map(function (story) {
            var row = story.row;
            return { url: new URL(row[0], site).href, title: row[1],
                     meta: [row[2], row[3], row[4]].filter(Boolean).join(" · "), excerpt: row[5], marked: false };
          })
        });
      };
    });
  }

  function getEngine() {
    if (!engine) {
      engine = location.protocol === "file:" ? diskEngine() : pagefindEngine().catch(diskEngine);
    }
    return engine;
  }

  // Pagefind's excerpt is HTML with <mark> around the hits: keep the text and the marks, nothing else.
  function appendExcerpt(target, html) {
    var parsed = new DOMParser().parseFromString(html, "text/html").body.childNodes;
    Array.prototype.forEach.call(parsed, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function show(query, found) {
    list.replaceChildren();
    found.items.forEach(function (item) {
      var entry = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      heading.appendChild(link);
      entry.appendChild(heading);
      if (item.meta) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = item.meta;
        entry.appendChild(meta);
      }
      var excerpt = document.createElement("p");
      if (item.marked) appendExcerpt(excerpt, item.excerpt); else excerpt.textContent = item.excerpt;
      entry.appendChild(excerpt);
      list.appendChild(entry);
    });
    var shown = found.total > found.items.length ? " (the first " + found.items.length + " shown)" : "";
    status.textContent = found.total === 0 ? "No story matches \u201c" + query + "\u201d."
      : (found.total === 1 ? "1 story matches" : found.total + " stories match") + " \u201c" + query + "\u201d" + shown + ".";
  }

  function run(query) {
    query = query.trim();
    if (!query) return;
    status.textContent = "Searching\u2026";
    getEngine().then(function (search) { return search(query); }).then(function (found) { show(query, found); },
      function () { status.textContent = "Search is not available here: browse by tag, place, source or date."; });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
    } catch (error) { /* file:// may refuse; the search still runs */ }
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
