// Prevention: on the posko form, show questions only when they apply. Works without it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-posko]");
  if (!form) { return; }
  function value(name) {
    var checked = form.querySelector("input[name='" + name + "']:checked");
    if (checked) { return checked.value; }
    var field = form.querySelector("[name='" + name + "']");
    return field && field.type !== "radio" ? field.value : "";
  }
  function toggle() {
    var age = parseInt(value("age"), 10);
    var child = form.querySelector("[data-group=child]");
    if (child) { child.hidden = !(age >= 0 && age < 18); }
    var sector = form.querySelector("[data-field=job_sector]");
    if (sector) { sector.hidden = value("job_offered") !== "yes"; }
  }
  form.addEventListener("input", toggle);
  form.addEventListener("change", toggle);
  toggle();
})();
