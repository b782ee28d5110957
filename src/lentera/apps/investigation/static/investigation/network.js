// The network view: draws the elements the page carries (json_script) with cytoscape, expands
// from a clicked node (a new request, so need-to-know is decided by the server again), and
// exports the picture. No data leaves the page except the export the user asks for.
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("network");
    var data = document.getElementById("network-data");
    if (!box || !data || typeof window.cytoscape !== "function") return;
    var elements = JSON.parse(data.textContent);
    var lang = document.documentElement.lang || "id";
    elements.forEach(function (e) {  // amounts read as the page's language writes them
      if (e.data && e.data.amount) e.data.amount_text = "Rp" + Number(e.data.amount).toLocaleString(lang);
    });
    var colours = {
      person: "#1f6feb", organisation: "#8250df", case: "#2da44e",
      account: "#bf8700", phone: "#d1242f", hidden: "#8c959f"
    };
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      layout: { name: "cose", animate: false },
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 90,
          "background-color": function (n) { return colours[n.data("kind")] || "#555"; },
          "shape": function (n) { return n.data("kind") === "case" ? "round-rectangle" : "ellipse"; }
        } },
        { selector: "node[?wanted]", style: { "border-width": 4, "border-color": "#d1242f" } },
        { selector: "node[id = '" + box.dataset.start + "']", style: { "border-width": 3, "border-color": "#000" } },
        { selector: "edge", style: { "width": 1, "line-color": "#999", "curve-style": "bezier" } },
        { selector: "edge[kind = 'transfer']", style: {
          "width": 3, "line-color": "#bf8700", "target-arrow-shape": "triangle",
          "target-arrow-color": "#bf8700"
        } },
        { selector: "edge[kind = 'transfer'][amount_text]", style: { "label": "data(amount_text)", "font-size": 8 } },
        { selector: "edge[kind = 'chain']", style: {
          "line-style": "dashed", "target-arrow-shape": "vee", "line-color": "#8250df"
        } }
      ]
    });
    box.dataset.ready = String(cy.nodes().length);
    cy.on("tap", "node", function (event) {
      var id = event.target.id();
      if (!/^(case|person):\d+$/.test(id)) return; // held elsewhere, an account or a phone
      var params = new URLSearchParams(window.location.search);
      params.set("start", id);
      window.location.assign(box.dataset.base + "?" + params.toString());
    });
    var exporter = document.getElementById("network-export");
    if (exporter) {
      exporter.addEventListener("click", function () {
        var link = document.createElement("a");
        link.href = cy.png({ full: true, bg: "#ffffff" });
        link.download = "jaringan.png";
        link.click();
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
