/* huace default theme: progressive enhancement only; every page works without it. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var me = document.currentScript;

  /* 长辈版: the header switch turns html.elder on and off and this device
   * remembers it (the inline script in <head> applies it before the first
   * paint). Without this script the switch's checkbox works alone (CSS :has). */
  var elder = document.getElementById("elder-switch");
  if (elder) {
    var root = document.documentElement;
    elder.checked = root.classList.contains("elder");
    elder.addEventListener("change", function () {
      root.classList.toggle("elder", elder.checked);
      try { window.localStorage.setItem("huace-elder", elder.checked ? "1" : "0"); } catch (err) { /* private mode: this page only */ }
    });
  }

  /* Photos: the placeholder (dominant colour and blurred preview, the <img>'s
   * background) goes once the image is in, so a transparent PNG shows clean. */
  document.querySelectorAll("img.ph").forEach(function (img) {
    var clear = function () { img.style.removeProperty("background"); };
    if (img.complete && img.naturalWidth) clear();
    else img.addEventListener("load", clear, { once: true });
  });

  /* The full-screen viewer (PhotoSwipe 5, vendored under static/vendor/, MIT):
   * loaded only on pages with a photo link (a.zoom: the project gallery, its
   * lead photo, figures in case studies). Without it each link opens the big
   * image. Swipe on phones; arrow keys and Escape on desktop. */
  var zooms = document.querySelectorAll("a.zoom[data-pswp-width]");
  var vendor = me && me.getAttribute("data-photoswipe");
  var startViewer = function () {
    if (!window.PhotoSwipeLightbox || !window.PhotoSwipe) return;
    var gallery = document.querySelector(".gallery");
    var lead = document.querySelector(".lead-photo a.zoom");
    var fromLead = false;
    var lightbox = new window.PhotoSwipeLightbox({
      gallery: gallery ? ".gallery, .prose, .map-zoom" : ".gallery, .prose, .lead-photo, .map-zoom",
      children: "a.zoom",
      pswpModule: window.PhotoSwipe,
      bgOpacity: 0.94,
      /* the photo between the top bar (counter, buttons) and the caption, never under them */
      paddingFn: function () { return { top: 60, bottom: 60, left: 0, right: 0 }; },
      showHideAnimationType: window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "none" : "zoom",
      closeTitle: "关闭（Esc）",
      zoomTitle: "放大或缩小",
      arrowPrevTitle: "上一张",
      arrowNextTitle: "下一张",
      errorMsg: "这张图片打不开。",
      indexIndicatorSep: " / "
    });
    /* the caption under the photo shown: its figcaption, else its alt text */
    lightbox.on("uiRegister", function () {
      lightbox.pswp.element.setAttribute("aria-label", "照片查看器");
      lightbox.pswp.ui.registerElement({
        name: "caption", order: 9, isButton: false, appendTo: "root", tagName: "p",
        onInit: function (el, pswp) {
          el.setAttribute("aria-live", "polite");
          pswp.on("change", function () {
            var a = pswp.currSlide && pswp.currSlide.data.element;
            var cap = a && a.parentNode.querySelector("figcaption, .cap");
            var img = a && a.querySelector("img");
            el.textContent = cap ? cap.textContent : (img ? img.alt : "");
          });
        }
      });
    });
    /* opened from the lead photo, the first photo grows out of the lead */
    lightbox.addFilter("thumbEl", function (thumb, data, index) {
      return fromLead && index === 0 ? lead.querySelector("img") : thumb;
    });
    lightbox.on("destroy", function () { fromLead = false; });
    /* maps (figure.map-zoom): on a phone, the phone variant opens (portrait, legend below) */
    lightbox.addFilter("domItemData", function (data, el, a) {
      if (a && a.dataset.phoneSrc && window.matchMedia && window.matchMedia("(max-width: 600px)").matches) {
        data.src = a.dataset.phoneSrc;
        data.width = data.w = parseInt(a.dataset.phoneWidth, 10);
        data.height = data.h = parseInt(a.dataset.phoneHeight, 10);
      }
      return data;
    });
    lightbox.init();
    if (gallery && lead) {
      lead.addEventListener("click", function (ev) {
        if (ev.button || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
        ev.preventDefault();
        fromLead = true;
        lightbox.loadAndOpen(0, { gallery: gallery });
      });
    }
  };
  if (zooms.length && vendor) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = vendor + "photoswipe.css";
    document.head.appendChild(css);
    ["photoswipe.umd.min.js", "photoswipe-lightbox.umd.min.js"].forEach(function (name, i) {
      var s = document.createElement("script");
      s.src = vendor + name;
      s.async = false;          /* run in this order */
      if (i === 1) s.onload = startViewer;
      document.head.appendChild(s);
    });
  }
  /* Scorecard filter: narrow the 十个一 table to one domain. */
  var table = document.querySelector("table.scorecard");
  var filter = document.getElementById("domain-filter");
  if (table && filter) {
    filter.addEventListener("change", function () {
      var v = filter.value;
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        tr.hidden = v !== "" && tr.getAttribute("data-domain") !== v;
      });
    });
  }

  /* Search (search/index.html): every word of the query must appear in an
   * entry's title, places, tags or summary. Chinese needs no spaces: a word is
   * found inside longer text, so 党建公园 finds "“五变”主题党建公园". Entries
   * come from search/index.js; results are built as DOM nodes, never HTML. */
  var form = document.querySelector("form.search");
  var entries = window.HUACE_SEARCH;
  if (form && entries) {
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var MAX = 50;
    var norm = function (s) {
      s = String(s || "");
      return (s.normalize ? s.normalize("NFKC") : s).toLowerCase();
    };
    var prepared = entries.map(function (e, i) {
      return { e: e, i: i, t: norm(e.t), p: norm(e.p + " " + e.g), s: norm(e.s) };
    });
    var words = function (q) {
      return norm(q).split(/[\s,，、;；。.!！?？:：“”"'‘’()（）《》]+/).filter(Boolean);
    };
    /* appends text to el with each occurrence of the words in <mark> */
    var marked = function (el, text, ws) {
      var low = text.toLowerCase(), at = 0;
      while (at < text.length) {
        var best = -1, len = 0;
        ws.forEach(function (w) {
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
    var show = function (q) {
      var ws = words(q), hits = [];
      list.textContent = "";
      if (!ws.length) { status.textContent = ""; return; }
      prepared.forEach(function (x) {
        var score = 0;
        for (var k = 0; k < ws.length; k++) {
          var w = ws[k];
          var s = (x.t.indexOf(w) >= 0 ? 3 : 0) + (x.p.indexOf(w) >= 0 ? 2 : 0) + (x.s.indexOf(w) >= 0 ? 1 : 0);
          if (!s) return;
          score += s;
        }
        hits.push({ x: x, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.x.i - b.x.i; });
      status.textContent = hits.length
        ? "找到 " + hits.length + " 条" + (hits.length > MAX ? "，下面是最相关的 " + MAX + " 条" : "")
        : "没有找到含有“" + ws.join(" ") + "”的内容。";
      hits.slice(0, MAX).forEach(function (h) {
        var e = h.x.e, li = document.createElement("li"), h3 = document.createElement("h3");
        var a = document.createElement("a"), meta = document.createElement("p"), p = document.createElement("p");
        li.className = "card";
        a.href = "../" + e.u;
        marked(a, e.t, ws);
        h3.appendChild(a);
        meta.className = "meta";
        meta.textContent = [e.k, e.d, e.p].filter(Boolean).join(" · ");
        marked(p, e.s, ws);
        li.appendChild(h3);
        li.appendChild(meta);
        li.appendChild(p);
        list.appendChild(li);
      });
    };
    var m = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (m) {
      try { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (err) { input.value = ""; }
      show(input.value);
    }
    input.addEventListener("input", function () { show(input.value); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      show(input.value);
      try { window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (err) { /* file:// may refuse */ }
    });
  }
})();
