// The comparison page (/<lang>/compare/?cities=a,b): two to four cities side by side.
//
// The chosen cities live in the address, so that a comparison can be shared. The script loads the list of names
// (data/cities.json) and only the chosen cities' own downloads (data/cities/<slug>.json). Every text it writes
// besides the cities' numbers comes from the page's configuration (#compare-config), made by the site generator
// in the page's language: measure names, units, rating levels, flags, the network's range and its strip.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("compare-config").textContent);
  var S = config.strings;
  var SVG = "http://www.w3.org/2000/svg";
  // One mark per chosen city, so that cities are told apart by shape as well as by colour.
  var SHAPES = ["M0 -5 A5 5 0 1 1 0 5 A5 5 0 1 1 0 -5 Z", "M-4.5 -4.5 H4.5 V4.5 H-4.5 Z", "M0 -5.5 L5.5 4.5 H-5.5 Z", "M0 -6 L6 0 L0 6 L-6 0 Z"];

  var root = document.getElementById("compare");
  var form = document.getElementById("compare-form");
  var input = document.getElementById("compare-city");
  var names = document.getElementById("compare-names");
  var chosenList = document.getElementById("compare-chosen");
  var status = document.getElementById("compare-status");
  var share = document.getElementById("compare-share");
  var result = document.getElementById("compare-result");

  var cities = [];          // data/cities.json: [{slug, name: {lang: text}, country}]
  var bySlug = {};
  var loaded = {};          // slug -> the city's JSON download
  var chosen = [];

  // A text the page shows in another language than its own (a partly translated language's missing texts, a city
  // named only in another language) arrives marked as the site marks such texts (U+E010, the language code, U+E011,
  // the text, U+E012): written as <span lang="…"> in the page, and without the marks in attributes.
  function appendText(node, text) {
    var parts = String(text).split(/([\uE010-\uE012])/);
    var open = [node];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === "\uE010") {
        var span = document.createElement("span");
        span.setAttribute("lang", parts[i + 1] || "");
        open[open.length - 1].appendChild(span);
        open.push(span);
        i += 2;  // the code and U+E011
      } else if (parts[i] === "\uE012") {
        if (open.length > 1) open.pop();
      } else if (parts[i] && parts[i] !== "\uE011") {
        open[open.length - 1].appendChild(document.createTextNode(parts[i]));
      }
    }
    return node;
  }

  function plain(text) {
    return String(text).replace(/\uE010[^\uE011]*\uE011|\uE012/g, "");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
  }

  // Numbers as the site writes them (NumberFormatting): fixed decimals, "," thousands, "." decimals, "−" minus.
  function number(value, decimals) {
    var text = Math.abs(value).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return (value < 0 && /[1-9]/.test(text) ? "\u2212" : "") + text;
  }

  function formatValue(measure, value) {
    if (measure.ratings) {
      var level = Math.round(value);
      return level >= 1 && level <= 5 && level === value ? measure.ratings[level - 1] : number(value, 1);
    }
    return number(value, measure.decimals) + measure.suffix;
  }

  // The city's name in the page's language, else in the first language that has it (marked as such).
  function nameOf(city) {
    for (var i = 0; i < config.nameLanguages.length; i++) {
      var lang = config.nameLanguages[i];
      var text = city.name[lang];
      if (text) return lang === config.language ? text : "\uE010" + lang + "\uE011" + text + "\uE012";
    }
    return city.slug;
  }

  // Names compared without case, accents, spaces or punctuation: "Sao", "são", "São Paulo" and "saopaulo" agree.
  function key(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s'’\-.,·]/g, "");
  }

  function find(text) {
    var wanted = key(text);
    if (!wanted) return null;
    var exact = cities.filter(function (city) {
      return city.slug === wanted || Object.keys(city.name).some(function (lang) { return key(city.name[lang]) === wanted; });
    });
    if (exact.length) return exact[0];
    var starts = cities.filter(function (city) {
      return Object.keys(city.name).some(function (lang) { return key(city.name[lang]).indexOf(wanted) === 0; });
    });
    return starts.length === 1 ? starts[0] : null;
  }

  function readAddress() {
    var parameter = new URLSearchParams(window.location.search).get("cities") || "";
    var slugs = [];
    parameter.split(",").forEach(function (slug) {
      slug = slug.trim();
      if (slug && bySlug[slug] && slugs.indexOf(slug) < 0 && slugs.length < config.maximum) slugs.push(slug);
    });
    return slugs;
  }

  function writeAddress() {
    var address = window.location.pathname + (chosen.length ? "?cities=" + chosen.join(",") : "");
    window.history.replaceState(null, "", address);
    share.hidden = chosen.length === 0;
    share.textContent = "";
    appendText(share, S.compare_share + " ");
    var link = document.createElement("a");
    link.href = address;
    link.textContent = window.location.origin + address;
    share.appendChild(link);
  }

  function say(text) {
    status.textContent = "";
    appendText(status, text);
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (attribute) { node.setAttribute(attribute, plain(attributes[attribute])); });
    if (text !== undefined) appendText(node, text);
    return node;
  }

  function marker(index, size) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "-7 -7 14 14");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "compare-marker compare-marker-" + index);
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", SHAPES[index]);
    svg.appendChild(path);
    return svg;
  }

  function showChosen() {
    chosenList.textContent = "";
    if (!chosen.length) {
      chosenList.appendChild(element("li", { "class": "muted" }, S.compare_none));
    }
    chosen.forEach(function (slug, index) {
      var city = bySlug[slug];
      var item = element("li");
      item.appendChild(marker(index, 14));
      item.appendChild(element("a", { href: config.profiles + slug + "/" }, nameOf(city)));
      var remove = element("button", { type: "button", "class": "compare-remove" }, "×");
      remove.setAttribute("aria-label", plain(fill(S.compare_remove, { city: nameOf(city) })));
      remove.addEventListener("click", function () {
        chosen.splice(chosen.indexOf(slug), 1);
        update();
        input.focus();
      });
      item.appendChild(remove);
      chosenList.appendChild(item);
    });
  }

  // The latest observation with a value, its headline number and the whole series by year.
  function series(data, measure) {
    var points = data.observations.filter(function (o) { return o.measure === measure.id; })
      .sort(function (a, b) { return a.year - b.year; });
    var latest = null;
    points.forEach(function (o) { if (o.available) latest = o; });
    return { points: points, latest: latest };
  }

  function headline(observation, measure) {
    if (!observation || !observation.available) return null;
    if (typeof observation.value === "number") return observation.value;
    var values = observation.values || {};
    if (measure.total && typeof values[measure.total] === "number") return values[measure.total];
    var keys = Object.keys(values);
    return keys.length === 1 ? values[keys[0]] : null;
  }

  function cell(data, measure, index) {
    var found = series(data, measure);
    var td = element("td", { "class": "compare-cell", "data-label": nameOf(bySlug[data.slug]), "data-city": data.slug, "data-measure": measure.id });
    if (!found.latest) {
      td.classList.add("missing");
      td.appendChild(element("span", { "class": "compare-value" }, found.points.length ? S.not_available : S.compare_no_value));
      return td;
    }
    var latest = found.latest;
    var value = headline(latest, measure);
    var line = element("p", { "class": "compare-latest" });
    line.appendChild(marker(index, 12));
    if (value !== null) line.appendChild(element("span", { "class": "compare-value" }, formatValue(measure, value)));
    appendText(line, " (" + latest.year + ")");
    if (latest.flag) {
      appendText(line, " ");
      line.appendChild(element("span", { "class": "flag flag-" + latest.flag }, config.flags[latest.flag] || latest.flag));
    }
    td.appendChild(line);
    if (latest.values && measure.categories.length) {
      var parts = element("ul", { "class": "categories" });
      measure.categories.forEach(function (category) {
        if (category.id === measure.total && value !== null) return;
        var part = latest.values[category.id];
        if (typeof part === "number") parts.appendChild(element("li", {}, category.name + S.label_colon + formatValue(measure, part)));
      });
      if (parts.childNodes.length) td.appendChild(parts);
    }
    if (found.points.length > 1) {
      var history = element("ul", { "class": "history" });
      history.setAttribute("aria-label", plain(S.label_history));
      found.points.forEach(function (o) {
        var shown = headline(o, measure);
        var text = o.year + S.label_colon + (shown === null ? (o.available ? "…" : S.not_available) : formatValue(measure, shown));
        var item = element("li", {}, text);
        if (o.flag) {
          appendText(item, " ");
          item.appendChild(element("span", { "class": "flag" }, config.flags[o.flag] || o.flag));
        }
        history.appendChild(item);
      });
      td.appendChild(history);
    }
    return td;
  }

  function networkCell(measure, datas) {
    var td = element("td", { "class": "compare-network", "data-label": S.compare_network });
    if (!measure.network) {
      td.appendChild(element("span", { "class": "muted" }, S.compare_no_value));
      return td;
    }
    var network = measure.network;
    var holder = element("div", { "class": "cell-chart" });
    holder.innerHTML = plain(network.strip);
    var svg = holder.querySelector("svg");
    var marks = [];
    datas.forEach(function (data, index) {
      var value = headline(series(data, measure).latest, measure);
      var name = nameOf(bySlug[data.slug]);
      marks.push(name + S.label_colon + (value === null ? S.compare_no_value : formatValue(measure, value)));
      if (value === null) return;
      var x = network.x0 + Math.max(0, Math.min(1, value / network.axisMaximum)) * (network.x1 - network.x0);
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", SHAPES[index]);
      path.setAttribute("transform", "translate(" + x.toFixed(1) + " 12)");
      path.setAttribute("class", "compare-mark compare-marker-" + index);
      svg.appendChild(path);
    });
    var description = svg.querySelector("desc");
    if (description) {
      description.textContent = plain(fill(S.compare_strip_desc, { min: network.min, max: network.max, median: network.median, values: marks.join(S.list_separator) }));
    }
    td.appendChild(holder);
    td.appendChild(element("span", { "class": "network-line" }, network.text));
    return td;
  }

  function table(datas) {
    var wrap = element("div", { "class": "table-scroll", role: "region", tabindex: "0", "aria-labelledby": "compare-chosen-title" });
    var t = element("table", { "class": "data-table compare-table stack" });
    var head = element("thead");
    var row = element("tr");
    row.appendChild(element("th", { scope: "col" }, S.label_measure));
    datas.forEach(function (data, index) {
      var th = element("th", { scope: "col" });
      th.appendChild(marker(index, 14));
      th.appendChild(element("a", { href: config.profiles + data.slug + "/" }, nameOf(bySlug[data.slug])));
      row.appendChild(th);
    });
    row.appendChild(element("th", { scope: "col" }, S.compare_network));
    head.appendChild(row);
    t.appendChild(head);
    config.areas.forEach(function (area) {
      var body = element("tbody");
      var titleRow = element("tr", { "class": "compare-area" });
      var title = element("th", { scope: "colgroup", colspan: String(datas.length + 2) });
      title.appendChild(element("a", { href: area.href }, area.label));
      titleRow.appendChild(title);
      body.appendChild(titleRow);
      area.measures.forEach(function (measure) {
        var tr = element("tr", { id: "measure-" + measure.id });
        var th = element("th", { scope: "row" });
        var link = element("a", { href: measure.href });
        link.appendChild(element("span", { "class": "measure-id" }, measure.id));
        appendText(link, " " + measure.name);
        th.appendChild(link);
        th.appendChild(element("br"));
        th.appendChild(element("span", { "class": "badge badge-" + measure.sourceKey }, measure.sourceType));
        tr.appendChild(th);
        datas.forEach(function (data, index) { tr.appendChild(cell(data, measure, index)); });
        tr.appendChild(networkCell(measure, datas));
        body.appendChild(tr);
      });
      t.appendChild(body);
    });
    wrap.appendChild(t);
    return wrap;
  }

  function load(slug) {
    if (loaded[slug]) return Promise.resolve(loaded[slug]);
    return fetch(config.cityData + slug + ".json").then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (data) {
      loaded[slug] = data;
      return data;
    });
  }

  function update() {
    writeAddress();
    showChosen();
    result.textContent = "";
    if (!chosen.length) return;
    say(S.compare_loading);
    var order = chosen.slice();
    Promise.all(order.map(function (slug) {
      return load(slug).catch(function () {
        say(fill(S.compare_load_failed, { city: nameOf(bySlug[slug]) }));
        return null;
      });
    })).then(function (datas) {
      if (order.join() !== chosen.join()) return;  // the choice changed while loading
      datas = datas.filter(Boolean);
      result.textContent = "";
      if (datas.length) result.appendChild(table(datas));
      if (datas.length === order.length) say("");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var typed = input.value.trim();
    if (!typed) return;
    var city = find(typed);
    if (!city) return say(fill(S.compare_unknown, { name: typed }));
    if (chosen.indexOf(city.slug) >= 0) return say(fill(S.compare_already, { city: nameOf(city) }));
    if (chosen.length >= config.maximum) return say(S.compare_too_many);
    chosen.push(city.slug);
    input.value = "";
    say("");
    update();
  });

  fetch(config.cityIndex).then(function (response) { return response.json(); }).then(function (list) {
    cities = list;
    list.forEach(function (city) {
      bySlug[city.slug] = city;
      var option = document.createElement("option");
      option.value = plain(nameOf(city));
      var others = Object.keys(city.name).map(function (lang) { return city.name[lang]; })
        .filter(function (text) { return text !== option.value; });
      if (others.length) option.label = plain(others.join(" · "));
      names.appendChild(option);
    });
    chosen = readAddress();
    root.hidden = false;
    update();
  }).catch(function () {
    root.hidden = false;
    say(fill(S.compare_load_failed, { city: config.cityIndex }));
  });
})();
