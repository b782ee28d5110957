// Lentera: small progressive enhancements. Everything works without this file.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-toggle-nav]");
    if (!toggle) { return; }
    var nav = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!nav) { return; }
    var open = nav.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();

// Region pickers (issue #18, item 4): as the officer types a name, offer the matching regions
// ("Kota Kupang · 53.71") from the server's search; the field also takes a name or a code typed
// whole, so the form works the same without this script.
(function () {
  "use strict";
  var seq = 0;
  function attach(input) {
    var list = document.createElement("datalist");
    list.id = "regions-" + (++seq);
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute("list", list.id);
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last || q.indexOf(" · ") > 0) { return; }
      last = q;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(input.getAttribute("data-region-search") + "?q=" + encodeURIComponent(q), {
          credentials: "same-origin", headers: { "Accept": "application/json" }
        }).then(function (r) { return r.ok ? r.json() : { results: [] }; }).then(function (body) {
          while (list.firstChild) { list.removeChild(list.firstChild); }
          body.results.forEach(function (region) {
            var option = document.createElement("option");
            option.value = region.label;
            option.textContent = region.level;
            list.appendChild(option);
          });
        }).catch(function () { /* suggestions are a help, not a need */ });
      }, 200);
    });
  }
  function init() {
    document.querySelectorAll("input[data-region-search]").forEach(attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
