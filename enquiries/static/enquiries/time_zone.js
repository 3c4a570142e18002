// Call times in the visitor's own time zone: the browser knows it, the server does not.
// Without this script the page shows the desk's zone and says so.
(function () {
  "use strict";
  var form = document.getElementById("time-zone-form");
  if (!form) {
    return;
  }
  // Only on arrival: a visitor who changes the select presses "Show times" (no surprise reloads).
  var select = form.querySelector("select[name=tz]");
  if (form.getAttribute("data-chosen") === "1") {
    return; // the visitor, or this script on an earlier load, already chose
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  var known = Array.prototype.some.call(select.options, function (option) {
    return option.value === zone;
  });
  if (zone && known && zone !== select.value) {
    select.value = zone;
    form.submit();
  }
})();
