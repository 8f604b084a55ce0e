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

  /* The full-screen viewer (PhotoSwipe 5, vendored under static/vendor/, MIT),
   * for the photo links (a.zoom: the project gallery, its lead photo, figures
   * in case studies, maps). Its 77 KB are fetched only when a visitor shows
   * the intent to open one (a touch, a hover, keyboard focus), so a page
   * loads as fast as one without photos; a click that comes before the
   * viewer is in waits for it. Without scripts each link opens the big
   * image. Swipe on phones; arrow keys and Escape on desktop. */
  var zooms = document.querySelectorAll("a.zoom[data-pswp-width]");
  var vendor = me && me.getAttribute("data-photoswipe");
  var viewerReady = false;
  var startViewer = function () {
    if (!window.PhotoSwipeLightbox || !window.PhotoSwipe) return;
    viewerReady = true;
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
  var loading = null, waiting = [];
  var loadViewer = function () {
    if (loading) return;
    loading = true;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = vendor + "photoswipe.css";
    document.head.appendChild(css);
    var done = function (ok) {
      if (ok) startViewer();
      var w = waiting;
      waiting = [];
      w.forEach(function (a) {
        if (viewerReady) a.click();
        else location.href = a.href;   /* the scripts did not load: the big image itself */
      });
    };
    ["photoswipe.umd.min.js", "photoswipe-lightbox.umd.min.js"].forEach(function (name, i) {
      var s = document.createElement("script");
      s.src = vendor + name;
      s.async = false;          /* run in this order */
      if (i === 1) s.onload = function () { done(true); };
      s.onerror = function () { done(false); };
      document.head.appendChild(s);
    });
  };
  var zoomOf = function (ev) {
    var t = ev.target;
    return t && t.closest ? t.closest("a.zoom[data-pswp-width]") : null;
  };
  if (zooms.length && vendor) {
    ["touchstart", "mouseover", "focusin"].forEach(function (type) {
      document.addEventListener(type, function (ev) { if (zoomOf(ev)) loadViewer(); }, { passive: true });
    });
    document.addEventListener("click", function (ev) {
      var a = zoomOf(ev);
      if (!a || viewerReady || ev.button || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      ev.stopPropagation();
      if (waiting.indexOf(a) < 0) waiting.push(a);
      loadViewer();
    }, true);
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
})();
