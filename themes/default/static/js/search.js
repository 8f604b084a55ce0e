/* search.js — the search page (search/index.html).
 *
 * search/index.js (loaded before this) sets window.HUACE_SEARCH: per document
 * [title, href, kind, yyyymmdd, [places], [tags]] and the index's shard count.
 * A query is split as huace splits text (src/render/html/search_index.h):
 * each pair of neighbouring CJK characters and each Latin/digit word is a
 * term. The shards holding the query's terms (search/i/<k>.js) are loaded as
 * scripts — a page opened with file:// may load a script, not fetch a file —
 * and give each term's documents; those having every term are candidates.
 * Then each candidate's text (search/t/<d / group>.js, several documents to
 * a file) is loaded for the results
 * shown, a page at a time: it confirms that every word of the query appears
 * as written (the terms only say that its character pairs do) and gives the
 * passage around the match. Title matches come first, then places and tags,
 * then text; within each, the site's order (units, case studies newest
 * first, pages). Everything is built as DOM nodes, never HTML.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var I = window.HUACE_SEARCH;
  if (!form || !I || !window.Promise) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var PAGE = 10, WORD_MAX = 24, SEP = 0, WORD = 1, CJK = 2;
  var KINDS = ["示范项目", "案例", "页面"];
  var JOIN = "-._/·:'+#&";   /* kept inside a word as written: QJ-B-01, 3.5 */

  /* ---- text as the index sees it (keep in step with search_index.c) */
  var foldChar = function (ch) {
    var c = ch.charCodeAt(0);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c >= 65 && c <= 90) c += 32;
    return String.fromCharCode(c);
  };
  /* same length as s, so positions in one are positions in the other */
  var fold = function (s) { return String(s || "").replace(/[A-Z\uFF01-\uFF5E]/g, foldChar); };
  var kind = function (c) {
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x3040 && c <= 0x30FF && c !== 0x30FB) || (c >= 0xAC00 && c <= 0xD7AF) ||
        (c >= 0x20000 && c <= 0x3FFFF)) return CJK;
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 0xC0 && c <= 0x24F && c !== 0xD7 && c !== 0xF7) ||
        (c >= 0x370 && c <= 0x4FF)) return WORD;
    return SEP;
  };
  /* the query's terms (to look up) and words (to find as written) */
  var analyse = function (q) {
    var terms = [], words = [], word = "", cur = "", prev = "", run = SEP, n = 0;
    var chars = Array.from(fold(q));
    chars.push(" ");
    chars.forEach(function (ch) {
      var k = kind(ch.codePointAt(0));
      if (k !== SEP || (word && JOIN.indexOf(ch) >= 0)) word += ch;
      else {
        word = word.replace(/[-._\/·:'+#&]+$/, "");
        if (word) words.push(word);
        word = "";
      }
      if (k !== run) {
        if (run === WORD) terms.push(cur);
        cur = ""; run = k; n = 0;
      }
      if (k === CJK) { if (n >= 1) terms.push(prev + ch); prev = ch; n++; }
      else if (k === WORD && n++ < WORD_MAX) cur += ch;
    });
    var uniq = function (v) { return v.filter(function (x, i) { return v.indexOf(x) === i; }); };
    return { terms: uniq(terms), words: uniq(words) };
  };

  /* ---- loading the pieces */
  var shards = [], texts = {}, loads = {};
  window.huaceSearchShard = function (k, terms) { shards[k] = terms; };
  window.huaceSearchText = function (first, v) { v.forEach(function (t, i) { texts[first + i] = t; }); };
  var load = function (src) {
    if (!loads[src]) loads[src] = new Promise(function (done) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = s.onerror = function () { s.parentNode.removeChild(s); done(); };
      document.head.appendChild(s);
    });
    return loads[src];
  };
  var shardOf = function (term) {
    var h = 2166136261;
    Array.from(term).forEach(function (ch) { h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0; });
    return h % I.shards;
  };

  /* ---- a term's documents from its code (see search_index.h) */
  var B64 = [];
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (ch, i) {
    B64[ch.charCodeAt(0)] = i;
  });
  var decode = function (code) {
    var head = B64[code.charCodeAt(0)], k = head & 31, pos = 1, acc = 0, nb = 0, doc = -1, out = [];
    var bit = function () {
      if (!nb) {
        if (pos >= code.length) return -1;
        acc = B64[code.charCodeAt(pos++)];
        nb = 6;
      }
      nb--;
      return (acc >> nb) & 1;
    };
    for (;;) {
      var q = 0, b, r = 0;
      while ((b = bit()) === 0) q++;
      if (b < 0) break;
      for (var i = 0; i < k; i++) r = r * 2 + bit();
      doc += q * Math.pow(2, k) + r + 1;
      out.push(doc);
    }
    if (head < 32) return out;
    var all = [], j = 0;
    for (var d = 0; d < I.n; d++) {
      if (j < out.length && out[j] === d) j++;
      else all.push(d);
    }
    return all;
  };
  /* the documents having every term: a promise of a list in document order */
  var candidates = function (terms) {
    var need = terms.map(shardOf).filter(function (k, i, v) { return v.indexOf(k) === i && !shards[k]; });
    return Promise.all(need.map(function (k) { return load("i/" + k + ".js"); })).then(function () {
      var lists = [];
      for (var i = 0; i < terms.length; i++) {
        var sh = shards[shardOf(terms[i])];
        if (!sh) throw new Error("index");
        if (!Object.prototype.hasOwnProperty.call(sh, terms[i])) return [];
        lists.push(decode(sh[terms[i]]));
      }
      lists.sort(function (a, b) { return a.length - b.length; });
      var keep = lists[0];
      for (var l = 1; l < lists.length && keep.length; l++) {
        var has = new Uint8Array(I.n);
        lists[l].forEach(function (d) { has[d] = 1; });
        keep = keep.filter(function (d) { return has[d]; });
      }
      return keep;
    });
  };

  /* ---- fields of the document table */
  var places = function (e) { return e[4].map(function (p) { return I.places[p]; }); };
  var tags = function (e) { return e[5].map(function (t) { return I.tags[t]; }); };
  var all = function (hay, words) { return words.every(function (w) { return hay.indexOf(w) >= 0; }); };
  /* 0: the title has every word, 1: title, places and tags do, 2: the text must */
  var tier = function (d, words) {
    var e = I.docs[d];
    if (all(fold(e[0]), words)) return 0;
    return all(fold([e[0]].concat(places(e), tags(e)).join(" ")), words) ? 1 : 2;
  };

  /* appends text to el with each occurrence of the words in <mark> */
  var marked = function (el, text, words) {
    var low = fold(text), at = 0;
    while (at < text.length) {
      var best = -1, len = 0;
      words.forEach(function (w) {
        var k = low.indexOf(w, at);
        if (k >= 0 && (best < 0 || k < best || (k === best && w.length > len))) { best = k; len = w.length; }
      });
      if (best < 0) { el.appendChild(document.createTextNode(text.slice(at))); break; }
      if (best > at) el.appendChild(document.createTextNode(text.slice(at, best)));
      var m = document.createElement("mark");
      m.textContent = text.slice(best, best + len);
      el.appendChild(m);
      at = best + len;
    }
  };
  /* the passage of text around the first match (its start when none) */
  var passage = function (text, words) {
    var low = fold(text), at = -1;
    words.forEach(function (w) {
      var k = low.indexOf(w);
      if (k >= 0 && (at < 0 || k < at)) at = k;
    });
    var start = 0;
    if (at > 40) {
      start = at - 40;
      var cut = -1;
      for (var i = at - 1; i >= start; i--) if ("。！？；\n".indexOf(text[i]) >= 0) { cut = i + 1; break; }
      start = cut >= 0 ? cut : start;
    }
    if (/[\uDC00-\uDFFF]/.test(text[start] || "")) start++;
    var end = Math.min(text.length, start + 140);
    if (/[\uD800-\uDBFF]/.test(text[end - 1] || "")) end--;
    var head = start > 0 && "。！？；\n".indexOf(text[start - 1]) < 0 ? "…" : "";
    /* lines run on: after a full stop as they are, else with a dot between */
    var body = text.slice(start, end).replace(/([。！？；：，、）」』”])[ \t]*\n\s*/g, "$1")
      .replace(/[ \t]*\n\s*/g, " · ").replace(/\s+/g, " ");
    return head + body + (end < text.length ? "…" : "");
  };
  var href = function (u) { return "../" + u + (u === "" || /\/$/.test(u) ? "index.html" : ""); };
  var card = function (d, text, words) {
    var e = I.docs[d], li = document.createElement("li"), h2 = document.createElement("h2");
    var a = document.createElement("a"), meta = document.createElement("p"), p = document.createElement("p");
    li.className = "card";
    a.href = href(e[1]);
    marked(a, e[0], words);
    h2.appendChild(a);
    meta.className = "meta";
    var date = e[3] ? String(e[3]).replace(/^(\d{4})(\d\d)(\d\d)$/, "$1-$2-$3") : "";
    meta.textContent = [KINDS[e[2]], date].concat(places(e)).filter(Boolean).join(" · ");
    li.appendChild(h2);
    li.appendChild(meta);
    if (text) {
      p.className = "passage";
      marked(p, passage(text, words), words);
      li.appendChild(p);
    }
    return li;
  };

  /* ---- running a query */
  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.textContent = "显示更多结果";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);
  var current = null;
  var say = function (st) {
    var tail = st.next < st.cands.length ? "，还有约 " + (st.cands.length - st.next) + " 条待查看" : "";
    status.textContent = st.shown
      ? "找到 " + st.shown + " 条" + tail + (st.note || "")
      : st.next < st.cands.length ? "正在查找…" : "没有找到含有“" + st.q + "”的内容。" + (st.note || "");
    more.hidden = st.next >= st.cands.length;
  };
  /* shows the next PAGE results: their texts are loaded, the body matches checked */
  var page = function (st) {
    var goal = st.shown + PAGE;
    var step = function () {
      var batch = st.cands.slice(st.next, st.next + goal - st.shown);   /* as many as are still wanted */
      st.next += batch.length;
      return Promise.all(batch.map(function (c) { return load("t/" + Math.floor(c.d / I.group) + ".js"); })).then(function () {
        if (st !== current) return;
        batch.forEach(function (c) {
          var text = texts[c.d];
          if (c.tier === 2) {
            var e = I.docs[c.d];
            if (text === undefined || !all(fold([e[0]].concat(places(e), tags(e)).join(" ") + "\n" + text), st.words)) return;
          }
          list.appendChild(card(c.d, text, st.words));
          st.shown++;
        });
        say(st);
        if (st.shown < goal && st.next < st.cands.length) return step();
      });
    };
    more.hidden = true;
    return step();
  };
  var run = function (q) {
    var a = analyse(q);
    var st = { q: q.trim().replace(/\s+/g, " "), words: a.words, cands: [], next: 0, shown: 0, note: "" };
    current = st;
    list.textContent = "";
    more.hidden = true;
    if (!a.words.length) { status.textContent = ""; return; }
    status.textContent = "正在查找…";
    var found;
    if (a.terms.length) found = candidates(a.terms);
    else {   /* single characters only: no term to look up, the titles, places and tags are searched */
      st.note = "（单个字只在标题、地点和标签里找，多输入一个字可以查全文）";
      found = Promise.resolve(I.docs.map(function (e, d) { return d; }).filter(function (d) {
        return tier(d, a.words) < 2;
      }));
    }
    found.then(function (ds) {
      if (st !== current) return;
      st.cands = ds.map(function (d) { return { d: d, tier: tier(d, a.words) }; });
      st.cands.sort(function (x, y) { return x.tier - y.tier || x.d - y.d; });
      say(st);
      return page(st);
    }).catch(function () {
      if (st === current) status.textContent = "搜索索引没有载入，请刷新页面再试。";
    });
  };
  more.addEventListener("click", function () { if (current) page(current); });

  var m = /[?&]q=([^&#]*)/.exec(window.location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (err) { input.value = ""; }
    run(input.value);
  }
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    run(input.value);
    try { window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (err) { /* file:// may refuse */ }
  });
})();
