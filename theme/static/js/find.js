// newsdigest search: reads the index generator/search_index writes (search/data/*.js), over HTTP and from disk.
// Every index file is a script calling newsdigestIndex(name, data), loaded with a <script> element: browsers
// refuse fetch() on file://, not scripts. A query finds the stories that have all its words as whole words
// (folded: case and accents); a tag's name and its aliases find the same stories. Reading the site never
// needs this script.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) return;
  var input = form.elements.q;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var offers = document.getElementById("search-tags");
  var filters = form.querySelector(".filters");
  var site = new URL(form.dataset.site, location.href);
  var base = new URL(form.dataset.index, location.href);
  var PAGE = 20;
  var FILTERS = ["source", "year", "place", "person", "organisation", "topic", "tag"];
  var KIND_FILTER = { People: "person", Places: "place", Organisations: "organisation", Topics: "topic", Tags: "tag" };
  var KIND_NAME = { People: "person", Places: "place", Organisations: "organisation", Topics: "topic", Tags: "tag" };
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var WORD = /(?:\p{L}\.)+\p{L}(?![\p{L}\p{N}])\.?|[\p{L}\p{N}]+/gu;  // as generator/search_index/words.py
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var PREFIX = 3, PREFIX_WORDS = 30, ALIAS_LETTERS = 4, FACET_OPTIONS = 40;
  var loaded = {}, parts = {}, shown = null, faceted = false;

  // ---- the index files -------------------------------------------------------------------------------------
  window.newsdigestIndex = function (name, data) { loaded[name] = data; };

  function part(name, version) {
    if (!parts[name]) {
      parts[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        var url = new URL(name + ".js", base);
        if (location.protocol !== "file:") url.search = "v=" + version;
        script.src = url.href;
        script.onload = function () {
          script.remove();
          if (name in loaded) resolve(loaded[name]); else reject(new Error("search index part " + name + " is empty"));
        };
        script.onerror = function () { script.remove(); delete parts[name]; reject(new Error("search index part " + name + " is missing")); };
        document.head.appendChild(script);
      });
    }
    return parts[name];
  }

  function manifest() { return part("meta", Date.now()); }

  function fold(text) { return String(text).normalize("NFKD").replace(MARKS, "").toLowerCase(); }

  // The words of a text: runs of letters and digits, initials joined ("U.S." is "us").
  function words(text) {
    return (fold(text).match(WORD) || []).map(function (word) { return word.replace(/\./g, ""); });
  }

  function hash(term) {
    var value = 0x811c9dc5;
    for (var character of term) value = Math.imul(value ^ character.codePointAt(0), 0x01000193) >>> 0;
    return value;
  }

  function numbers(text) {
    var out = [], value = 0, scale = 1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text[i]);
      if (digit >= 32) { value += (digit - 32) * scale; scale *= 32; } else { out.push(value + digit * scale); value = 0; scale = 1; }
    }
    return out;
  }

  // A word's postings: Map story number -> weight, and how many stories have it.
  function postings(entry) {
    var found = new Map(), values = numbers(entry[2]), story = -1;
    for (var i = 0; i + 1 < values.length; i += 2) { story += values[i] + 1; found.set(story, values[i + 1]); }
    return found;
  }

  function shardOf(meta, word) { return "w" + (hash(word) & (meta.shards - 1)); }

  function wordData(meta, word) {
    return part(shardOf(meta, word), meta.version).then(function (shard) {
      var entry = shard.t[word];
      return { word: word, stories: entry ? postings(entry) : new Map(), count: entry ? entry[0] : 0, tags: shard.n[word] || [] };
    });
  }

  function tagData(meta, number) {
    return part("g" + Math.floor(number / meta.tagBlock), meta.version).then(function (block) {
      var row = block[number % meta.tagBlock];
      return { number: number, slug: row[0], name: row[1], kind: meta.kinds[row[2]], count: row[3] };
    });
  }

  function card(meta, story) {
    return part("d" + Math.floor(story / meta.card), meta.version).then(function (block) { return block[story % meta.card]; });
  }

  function columns(meta, stories) {
    var blocks = Array.from(new Set(stories.map(function (story) { return Math.floor(story / meta.column); })));
    return Promise.all(blocks.map(function (block) { return part("c" + block, meta.version); })).then(function () {
      var byStory = new Map();
      stories.forEach(function (story) {
        byStory.set(story, numbers(loaded["c" + Math.floor(story / meta.column)][story % meta.column]));
      });
      return byStory;
    });
  }

  // ---- what a query asks ---------------------------------------------------------------------------------
  // A query is a list of terms, each a list of alternatives (lists of words a story must all have): a plain
  // word is one alternative; a tag's name or alias (the longest run of words that is one) is also its canonical
  // name and its aliases of ALIAS_LETTERS letters or more. Shorter aliases (US, IS) are also common words: they
  // find nothing more (their stories carry the tag's name), but a story that has them ranks higher (`boosts`).
  function parse(meta, query) {
    var typed = words(query), names = new Map(), terms = [];
    meta.aliases.forEach(function (group) {
      group.forEach(function (name) { names.set(words(name).join(" "), group); });
    });
    for (var start = 0; start < typed.length;) {
      var end = typed.length, group = null;
      for (; end > start; end--) { group = names.get(typed.slice(start, end).join(" ")); if (group) break; }
      if (!group) end = start + 1;
      var own = typed.slice(start, end), alternatives = [own], boosts = [];
      (group || []).forEach(function (name, index) {
        var spelled = words(name);
        (index === 0 || spelled.join("").length >= ALIAS_LETTERS ? alternatives : boosts).push(spelled);
      });
      terms.push({ typed: own, alternatives: unique(alternatives), boosts: boosts, group: group });
      start = end;
    }
    return { words: typed, terms: terms };
  }

  function unique(alternatives) {
    var seen = new Set();
    return alternatives.filter(function (alternative) {
      var key = alternative.join(" ");
      return !seen.has(key) && seen.add(key);
    });
  }

  function idf(meta, count) { return Math.log(1 + (meta.count - count + 0.5) / (count + 0.5)); }

  // Stories that have every word of one alternative, with the sum of the words' weights times their rarity.
  function alternativeScores(meta, data, alternative) {
    var scores = null;
    alternative.forEach(function (word) {
      var found = data.get(word), rarity = idf(meta, found.count), next = new Map();
      found.stories.forEach(function (weight, story) {
        if (scores === null || scores.has(story)) next.set(story, (scores ? scores.get(story) : 0) + weight * rarity);
      });
      scores = next;
    });
    return scores || new Map();
  }

  function termScores(meta, data, term) {
    var best = new Map();
    term.alternatives.concat(term.boosts || []).forEach(function (alternative, index) {
      var adds = index < term.alternatives.length;
      alternativeScores(meta, data, alternative).forEach(function (score, story) {
        if ((adds || best.has(story)) && !(best.get(story) >= score)) best.set(story, score);
      });
    });
    return best;
  }

  function match(meta, data, parsed) {
    var scores = null;
    parsed.terms.forEach(function (term) {
      var own = termScores(meta, data, term), next = new Map();
      own.forEach(function (score, story) {
        if (scores === null || scores.has(story)) next.set(story, (scores ? scores.get(story) : 0) + score);
      });
      scores = next;
    });
    return scores || new Map();
  }

  function needed(parsed) {
    var all = new Set(parsed.words);
    parsed.terms.forEach(function (term) {
      term.alternatives.concat(term.boosts).forEach(function (a) { a.forEach(function (w) { all.add(w); }); });
    });
    return Array.from(all);
  }

  function loadWords(meta, list) {
    return Promise.all(list.map(function (word) { return wordData(meta, word); })).then(function (found) {
      var data = new Map();
      found.forEach(function (entry) { data.set(entry.word, entry); });
      return data;
    });
  }

  // Words that begin with what was typed last, when no story has it whole: only then, and said so; the
  // PREFIX_WORDS closest in length to it.
  function prefixWords(meta, word) {
    if (word.length < PREFIX) return Promise.resolve([]);
    var key = word.slice(0, PREFIX);
    return part("p" + (hash(key) & (meta.prefixes - 1)), meta.version).then(function (shard) {
      return (shard[key] || []).filter(function (other) { return other !== word && other.indexOf(word) === 0; })
        .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); }).slice(0, PREFIX_WORDS);
    });
  }

  // Tags the reader may have meant to name: the words typed include all of the tag's name or of an alias, or a
  // person's family name (the index lists a tag under the last word of each, see offer_keys). Most stories first.
  function offeredTags(meta, data, parsed) {
    var typed = new Set(parsed.words), candidates = new Set(), groups = new Map();
    parsed.words.forEach(function (word) {
      data.get(word).tags.forEach(function (entry) { if (entry[1] <= typed.size) candidates.add(entry[0]); });
    });
    meta.aliases.forEach(function (group) { groups.set(group[0], group); });
    return Promise.all(Array.from(candidates).map(function (n) { return tagData(meta, n); })).then(function (tags) {
      return tags.filter(function (tag) {
        var own = words(tag.name);
        return (tag.kind === "People" && typed.has(own[own.length - 1])) ||
          (groups.get(tag.name) || [tag.name]).some(function (name) {
            return words(name).every(function (word) { return typed.has(word); });
          });
      }).sort(function (a, b) { return b.count - a.count || a.name.localeCompare(b.name); }).slice(0, 3);
    });
  }

  // ---- filters -----------------------------------------------------------------------------------------------
  function yearOf(meta, story) {
    var year = null;
    meta.years.forEach(function (entry) { if (story >= entry[1]) year = String(entry[0]); });
    return year;
  }

  function sourceSlug(meta, number) { return meta.sources[number][2]; }

  // Each story's filter values: {source, year, place: [...], person: [...], ...} by tag slug.
  function storyFacets(meta, stories) {
    return columns(meta, stories).then(function (byStory) {
      var tagNumbers = new Set();
      byStory.forEach(function (values) { values.slice(1).forEach(function (n) { tagNumbers.add(n); }); });
      return Promise.all(Array.from(tagNumbers).map(function (n) { return tagData(meta, n); })).then(function (tags) {
        var byNumber = new Map();
        tags.forEach(function (tag) { byNumber.set(tag.number, tag); });
        var facets = new Map();
        byStory.forEach(function (values, story) {
          var own = { source: [sourceSlug(meta, values[0])], year: [yearOf(meta, story)] };
          values.slice(1).forEach(function (n) {
            var tag = byNumber.get(n), key = KIND_FILTER[tag.kind] || "tag";
            (own[key] = own[key] || []).push(tag.slug);
          });
          facets.set(story, own);
        });
        return { facets: facets, tags: byNumber };
      });
    });
  }

  function passes(own, chosen, except) {
    return FILTERS.every(function (key) {
      return key === except || !chosen[key] || (own[key] || []).indexOf(chosen[key]) !== -1;
    });
  }

  // ---- running a search --------------------------------------------------------------------------------------
  function request() {
    var params = new URLSearchParams(location.search), chosen = {};
    FILTERS.forEach(function (key) { if (params.get(key)) chosen[key] = params.get(key); });
    return { query: (params.get("q") || "").trim(), sort: params.get("sort") === "newest" ? "newest" : "relevance", chosen: chosen };
  }

  function search(wanted) {
    return manifest().then(function (meta) {
      var parsed = parse(meta, wanted.query);
      return loadWords(meta, needed(parsed)).then(function (data) {
        var scores = match(meta, data, parsed);
        var result = { meta: meta, parsed: parsed, data: data, scores: scores, partial: null };
        if (scores.size || !parsed.words.length) return result;
        var last = parsed.words[parsed.words.length - 1];
        return prefixWords(meta, last).then(function (begun) {
          if (!begun.length) return result;
          return loadWords(meta, begun).then(function (more) {
            more.forEach(function (entry, word) { data.set(word, entry); });
            var widened = parsed.terms.slice(0, -1).concat([{ typed: [last], alternatives: begun.map(function (w) { return [w]; }) }]);
            result.scores = match(meta, data, { words: parsed.words, terms: widened });
            result.partial = { word: last, words: begun };
            return result;
          });
        });
      });
    });
  }

  function ranked(scores, sort) {
    var stories = Array.from(scores.keys());
    if (sort === "newest") return stories.sort(function (a, b) { return b - a; });
    return stories.sort(function (a, b) { return scores.get(b) - scores.get(a) || b - a; });
  }

  // The stories in order, those the filters chosen keep; each story's filter values are loaded only when a filter
  // is chosen or the filters are open (their options count the stories).
  function filtered(result, wanted) {
    var stories = ranked(result.scores, wanted.sort);
    var facetsWanted = Object.keys(wanted.chosen).length > 0 || filters.open;
    if (!facetsWanted || !stories.length) return Promise.resolve({ stories: stories, facets: null });
    return storyFacets(result.meta, stories).then(function (found) {
      var kept = stories.filter(function (story) { return passes(found.facets.get(story), wanted.chosen, null); });
      return { stories: kept, all: stories, facets: found };
    });
  }

  // ---- showing results ---------------------------------------------------------------------------------------
  function marked(target, text, wanted) {
    var last = 0;
    text.replace(/[\p{L}\p{N}]+(?:\.\p{L})*\.?/gu, function (found, at) {
      var own = words(found);
      if (own.length && own.every(function (w) { return wanted.has(w); })) {
        target.appendChild(document.createTextNode(text.slice(last, at)));
        var mark = document.createElement("mark");
        mark.textContent = found;
        target.appendChild(mark);
        last = at + found.length;
      }
      return found;
    });
    target.appendChild(document.createTextNode(text.slice(last)));
  }

  function entry(meta, row, wanted) {
    var item = document.createElement("li");
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = new URL(row[0], site).href;
    marked(link, row[1], wanted);
    heading.appendChild(link);
    item.appendChild(heading);
    var line = document.createElement("p");
    line.className = "meta";
    line.textContent = [row[2], row[4], meta.sources[row[3]][0]].filter(Boolean).join(" \u00b7 ");
    item.appendChild(line);
    if (row[5]) {
      var teaser = document.createElement("p");
      marked(teaser, row[5], wanted);
      item.appendChild(teaser);
    }
    return item;
  }

  function showMore(meta, stories, wanted) {
    var from = list.children.length, next = stories.slice(from, from + PAGE);
    return Promise.all(next.map(function (story) { return card(meta, story); })).then(function (rows) {
      rows.forEach(function (row) { list.appendChild(entry(meta, row, wanted)); });
      var left = stories.length - list.children.length;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(PAGE, left) + " more of " + left;
      return rows.length;
    });
  }

  function describe(result, stories, wanted) {
    var quoted = "\u201c" + wanted.query + "\u201d";
    var count = stories.length, chosen = Object.keys(wanted.chosen).length;
    var found = count === 0 ? "No story matches " + quoted : (count === 1 ? "1 story matches " : count + " stories match ") + quoted;
    if (result.partial) {
      var begun = result.partial.words.slice(0, 5).join(", ") + (result.partial.words.length > 5 ? ", \u2026" : "");
      found = "No story has the word \u201c" + result.partial.word + "\u201d of " + quoted + "; " +
        (count === 1 ? "1 story has " : count + " stories have ") + "a word that begins with it (" + begun + ")";
    }
    if (chosen) found += " with the filters chosen";
    if (count > 1) found += wanted.sort === "newest" ? ", newest first" : ", best first";
    return found + ".";
  }

  function showOffers(meta, tags) {
    offers.replaceChildren();
    offers.hidden = !tags.length;
    tags.forEach(function (tag) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(meta.tagUrl.replace("{slug}", tag.slug), site).href;
      link.textContent = tag.name;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" (" + (KIND_NAME[tag.kind] || "tag") + "): " + tag.count + (tag.count === 1 ? " story" : " stories")));
      offers.appendChild(item);
    });
  }

  function option(select, value, label) {
    var choice = document.createElement("option");
    choice.value = value;
    choice.textContent = label;
    select.appendChild(choice);
  }

  // Each filter lists the values of the stories that pass the other filters, most stories first.
  function showFacets(meta, picked, wanted) {
    FILTERS.forEach(function (key) {
      var select = form.elements[key];
      if (!select) return;
      var counts = new Map(), names = new Map();
      if (picked.facets) {
        picked.all.forEach(function (story) {
          var own = picked.facets.facets.get(story);
          if (!passes(own, wanted.chosen, key)) return;
          (own[key] || []).forEach(function (value) { counts.set(value, (counts.get(value) || 0) + 1); });
        });
        picked.facets.tags.forEach(function (tag) { names.set(tag.slug, tag.name); });
        meta.sources.forEach(function (source, n) { names.set(sourceSlug(meta, n), source[0]); });
      }
      var values = Array.from(counts.keys()).sort(function (a, b) {
        return key === "year" ? b - a : counts.get(b) - counts.get(a) || String(names.get(a)).localeCompare(String(names.get(b)));
      }).slice(0, FACET_OPTIONS);
      var current = wanted.chosen[key] || "";
      if (current && values.indexOf(current) === -1) values.unshift(current);
      select.replaceChildren();
      option(select, "", "Any");
      values.forEach(function (value) {
        option(select, value, (names.get(value) || value) + " (" + (counts.get(value) || 0) + ")");
      });
      select.value = current;
      select.parentNode.hidden = picked.facets !== null && values.length === 0;  // nothing to choose
    });
  }

  function run() {
    var wanted = request();
    input.value = wanted.query;
    form.elements.sort.value = wanted.sort;
    if (Object.keys(wanted.chosen).length) filters.open = true;
    faceted = filters.open;
    if (!wanted.query) {
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = "Searching\u2026";
    var ticket = shown = {};
    return search(wanted).then(function (result) {
      return Promise.all([filtered(result, wanted), offeredTags(result.meta, result.data, result.parsed)]).then(function (done) {
        if (ticket !== shown) return;
        var picked = done[0], wantedWords = new Set(result.partial ? result.partial.words : result.parsed.words);
        result.parsed.terms.forEach(function (t) {
          t.alternatives.concat(t.boosts || []).forEach(function (a) { a.forEach(function (w) { wantedWords.add(w); }); });
        });
        list.replaceChildren();
        showOffers(result.meta, done[1]);
        showFacets(result.meta, picked, wanted);
        more.onclick = function () { showMore(result.meta, picked.stories, wantedWords); };
        return showMore(result.meta, picked.stories, wantedWords).then(function () {
          status.textContent = describe(result, picked.stories, wanted);
        });
      });
    }).catch(function () {
      status.textContent = "Search is not available here: browse by tag, place, source or date.";
    });
  }

  function submit() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      value = String(value).trim();
      if (value && !(key === "sort" && value === "relevance")) params.set(key, value);
    });
    try {
      history.pushState(null, "", "?" + params.toString());
    } catch (error) {
      location.search = params.toString();  // file:// may refuse pushState: load the page with the address
      return;
    }
    run();
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });
  form.addEventListener("change", function (event) {
    if (event.target !== input) submit();
  });
  filters.addEventListener("toggle", function () {
    if (filters.open && !faceted && request().query) run();  // count the options now
  });
  window.addEventListener("popstate", run);
  run();
})();
