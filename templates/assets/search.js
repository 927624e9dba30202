// Search of the site from static files: the header's search box (a WAI-ARIA combobox) on every page, and the
// results of the search page. Without this script the box is a plain form that goes to the search page, which
// links the lists instead.
//
// The index is made by the build (Sources/LCityPages/Search/SearchIndex.swift) and read in pieces: index.json,
// then the term shard of each word typed, then the chunks of entries shown. A query is read by the same rules as
// the index (SearchText.swift): folded, split into words and runs of ideographs.
(function () {
  'use strict';
  var form = document.querySelector('form.site-search');
  if (!form || !window.fetch || !window.URL) return;
  var indexFolder = new URL(form.getAttribute('data-index'), document.baseURI);
  var siteRoot = new URL(form.getAttribute('data-root'), document.baseURI);
  var files = {};

  function load(name) {
    if (!files[name]) {
      files[name] = fetch(new URL(name, indexFolder)).then(function (response) {
        if (!response.ok) throw new Error(name + ': ' + response.status);
        return response.json();
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }

  // MARK: Reading text (SearchText.swift)

  function fold(text) {
    return text.toLowerCase().normalize('NFKD').replace(/[\p{Mn}\p{Mc}\p{Me}\u0640]/gu, '')
      .replace(/\u0649/g, '\u064A').replace(/\u0629/g, '\u0647');
  }

  function isIdeographic(c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3005 && c <= 0x3007) ||
      (c >= 0x3021 && c <= 0x3029) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
  }

  var wordCharacter = /[\p{Alphabetic}\p{N}]/u;

  function tokens(folded) {
    var characters = Array.from(folded);
    var result = [];
    var current = '';
    var currentIdeographic = false;
    function flush() {
      if (current) result.push({ text: current, ideographic: currentIdeographic });
      current = '';
    }
    characters.forEach(function (character, index) {
      var code = character.codePointAt(0);
      var next = characters[index + 1];
      if (isIdeographic(code)) {
        if (!currentIdeographic) flush();
        currentIdeographic = true;
        current += character;
      } else if (wordCharacter.test(character) ||
        (character === '.' && current && !currentIdeographic && next && wordCharacter.test(next) &&
          !isIdeographic(next.codePointAt(0)))) {
        if (currentIdeographic) flush();
        currentIdeographic = false;
        current += character;
      } else {
        flush();
        currentIdeographic = false;
      }
    });
    flush();
    return result;
  }

  // MARK: Querying the index

  // Scores: the entry's name in this language counts most, then its other names, then the words around it; a term
  // typed whole counts more than its beginning, and a whole name typed exactly most of all.
  // The terms of a very common prefix are split by their next character (SearchIndex.files): a query of just such a
  // prefix matches that term only.
  function matchPart(manifest, part) {
    var characters = Array.from(part);
    var name = 't' + (characters[0].codePointAt(0) % manifest.shards);
    var prefix = characters[0];
    var wholeOnly = false;
    for (var next = 1; manifest.split[prefix]; next++) {
      if (next >= characters.length) { name += '-x'; wholeOnly = true; break; }
      name += '-' + (characters[next].codePointAt(0) % manifest.split[prefix]);
      prefix += characters[next];
    }
    return load(name + '.json').then(function (terms) {
      var scores = new Map();
      terms.forEach(function (record) {
        var term = record[0];
        if (term.lastIndexOf(part, 0) !== 0 || (wholeOnly && term !== part)) return;
        var exact = term.length === part.length;
        record[1].forEach(function (posting) {
          var weight = posting & 3;
          var score = weight * 4 + (exact ? 2 : 0) + (exact && (posting & 4) ? 8 : 0);
          var entry = Math.floor(posting / 8);
          if (!(scores.get(entry) >= score)) scores.set(entry, score);
        });
      });
      return scores;
    });
  }

  // The entries that match `query`, best first (ties in the index's order: kind, then name), as numbers.
  function search(query) {
    return load('index.json').then(function (manifest) {
      var words = tokens(fold(query));
      var parts = [];
      words.forEach(function (word) {
        var characters = Array.from(word.text);
        if (word.ideographic && characters.length > manifest.ngram) {
          for (var start = 0; start + manifest.ngram <= characters.length; start++) {
            parts.push(characters.slice(start, start + manifest.ngram).join(''));
          }
        } else {
          parts.push(word.text);
        }
      });
      parts = parts.slice(0, 8);
      if (!parts.length) return { manifest: manifest, entries: [] };
      var compact = words.map(function (word) { return word.text; }).join('');
      var lookups = parts.map(function (part) { return matchPart(manifest, part); });
      if (parts.length > 1) lookups.push(matchPart(manifest, compact));
      return Promise.all(lookups).then(function (found) {
        var partScores = found.slice(0, parts.length);
        var total = new Map();
        partScores[0].forEach(function (score, entry) {
          var sum = 0;
          for (var index = 0; index < partScores.length; index++) {
            var other = partScores[index].get(entry);
            if (other === undefined) return;
            sum += other;
          }
          total.set(entry, sum / partScores.length);
        });
        if (parts.length > 1) {
          found[parts.length].forEach(function (score, entry) {
            if (!(total.get(entry) >= score)) total.set(entry, score);
          });
        }
        var entries = Array.from(total.keys()).sort(function (a, b) {
          return total.get(b) - total.get(a) || a - b;
        });
        return { manifest: manifest, entries: entries };
      });
    });
  }

  // Kind, title, link and detail of entries (numbers), loading the chunks that hold them.
  function describe(manifest, numbers) {
    return Promise.all(numbers.map(function (number) {
      return load('e' + Math.floor(number / manifest.chunk) + '.json').then(function (chunk) {
        var record = chunk[number % manifest.chunk];
        return {
          kind: manifest.kinds[record[0]], title: record[1], href: new URL(record[2], siteRoot).href,
          detail: record[3], lang: record[4] || '', detailLang: record[5] || ''
        };
      });
    }));
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
  }

  function countText(manifest, count) {
    if (count === 0) return null;
    return count === 1 ? manifest.strings.results_one : format(manifest.strings.results, { count: count });
  }

  function span(className, text, lang) {
    var element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    if (lang) element.lang = lang;
    return element;
  }

  // The parts of a result: title, kind, detail. The separator is text of the line (not of the detail), so that it
  // stays between kind and detail when the detail is in a language written the other way.
  function resultParts(result) {
    var parts = [span('search-title', result.title, result.lang), document.createTextNode(' '), span('search-kind', result.kind)];
    if (result.detail) {
      parts.push(document.createTextNode(' · '));
      parts.push(span('search-detail', result.detail, result.detailLang));
    }
    return parts;
  }

  // Exposed for tests (scripts/check_search.py): the results of a query, best first.
  window.lcitySearch = function (query, limit) {
    return search(query).then(function (found) {
      return describe(found.manifest, found.entries.slice(0, limit || 10));
    });
  };

  // MARK: The header's combobox

  var input = form.querySelector('input[type="search"]');
  var listbox = form.querySelector('[role="listbox"]');
  var status = form.querySelector('[role="status"]');
  var shown = [];
  var active = -1;
  var generation = 0;
  var announce;
  var visibleOptions = 8;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');

  function setActive(index) {
    var options = listbox.querySelectorAll('[role="option"]');
    active = index;
    options.forEach(function (option, position) {
      option.setAttribute('aria-selected', position === index ? 'true' : 'false');
    });
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function searchPage(query) {
    var url = new URL(form.getAttribute('action'), document.baseURI);
    url.searchParams.set('q', query);
    return url.href;
  }

  function option(index, parts, href) {
    var item = document.createElement('li');
    item.id = listbox.id + '-' + index;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    parts.forEach(function (part) { item.appendChild(part); });
    item.addEventListener('mousedown', function (event) { event.preventDefault(); });
    item.addEventListener('click', function () { window.location.href = href; });
    return { element: item, href: href };
  }

  function update() {
    var query = input.value.trim();
    var ticket = ++generation;
    clearTimeout(announce);
    if (!query) { close(); status.textContent = ''; return; }
    search(query).then(function (found) {
      return describe(found.manifest, found.entries.slice(0, visibleOptions)).then(function (results) {
        if (ticket !== generation) return;
        var strings = found.manifest.strings;
        listbox.textContent = '';
        shown = results.map(function (result, index) { return option(index, resultParts(result), result.href); });
        var all = option(results.length, [span('search-all', format(strings.all_results, { query: query }))], searchPage(query));
        if (results.length) shown.push(all);
        shown.forEach(function (entry) { listbox.appendChild(entry.element); });
        if (!results.length) {
          var empty = document.createElement('li');
          empty.className = 'search-empty';
          empty.textContent = format(strings.no_results, { query: query });
          listbox.appendChild(empty);
        }
        listbox.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        setActive(-1);
        var message = countText(found.manifest, found.entries.length) || format(strings.no_results, { query: query });
        announce = setTimeout(function () { status.textContent = message; }, 400);
      });
    }).catch(function () {
      if (ticket === generation) close();
    });
  }

  input.addEventListener('input', function (event) {
    if (!event.isComposing) update();
  });
  input.addEventListener('compositionend', update);
  input.addEventListener('focus', function () { if (input.value.trim()) update(); });
  input.addEventListener('keydown', function (event) {
    var count = listbox.hidden ? 0 : shown.length;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (listbox.hidden) { update(); return; }
      if (count) setActive((active + 1) % count);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (count) setActive(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (active >= 0 && shown[active]) {
        event.preventDefault();
        window.location.href = shown[active].href;
      }
    } else if (event.key === 'Escape') {
      if (!listbox.hidden) { event.preventDefault(); close(); } else { input.value = ''; }
    } else if (event.key === 'Tab') {
      close();
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 150); });

  // MARK: The search page

  var page = document.getElementById('search-page');
  if (!page) return;
  var pageForm = document.getElementById('search-page-form');
  var pageInput = document.getElementById('search-page-input');
  var pageStatus = document.getElementById('search-page-status');
  var pageResults = document.getElementById('search-page-results');
  var moreButton = document.getElementById('search-page-more');
  var pageSize = 20;
  var current = { query: '', entries: [], manifest: null, shown: 0 };
  page.hidden = false;
  document.getElementById('search-noscript').hidden = true;

  function showMore() {
    var numbers = current.entries.slice(current.shown, current.shown + pageSize);
    var query = current.query;
    return describe(current.manifest, numbers).then(function (results) {
      if (query !== current.query) return;
      results.forEach(function (result) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        var parts = resultParts(result);
        link.href = result.href;
        link.appendChild(parts[0]);
        item.appendChild(link);
        parts.slice(1).forEach(function (part) { item.appendChild(part); });
        pageResults.appendChild(item);
      });
      current.shown += results.length;
      moreButton.hidden = current.shown >= current.entries.length;
    });
  }

  function runPage(query) {
    current = { query: query, entries: [], manifest: null, shown: 0 };
    pageResults.textContent = '';
    moreButton.hidden = true;
    if (!query) { pageStatus.textContent = ''; return; }
    search(query).then(function (found) {
      if (query !== current.query) return;
      current.entries = found.entries;
      current.manifest = found.manifest;
      var strings = found.manifest.strings;
      pageStatus.textContent = countText(found.manifest, found.entries.length) || format(strings.no_results, { query: query });
      return showMore();
    }).catch(function () {
      load('index.json').then(function (manifest) { pageStatus.textContent = manifest.strings.failed; })
        .catch(function () { pageStatus.textContent = ''; document.getElementById('search-noscript').hidden = false; });
    });
  }

  pageForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = pageInput.value.trim();
    var url = new URL(window.location.href);
    url.searchParams.set('q', query);
    window.history.replaceState(null, '', url.href);
    runPage(query);
  });
  moreButton.addEventListener('click', function () {
    var first = current.shown;
    showMore().then(function () {
      var link = pageResults.children[first] && pageResults.children[first].querySelector('a');
      if (link) link.focus();
    });
  });
  var initial = new URLSearchParams(window.location.search).get('q') || '';
  pageInput.value = initial;
  input.value = '';
  runPage(initial.trim());
})();
