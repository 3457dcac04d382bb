// "Add a row" for the plan form's repeated rows (phases, award forms, quotas...): copies the
// last row, empties it and numbers its ids so every label still points at its input.
// Without this script the form still works: it always draws one blank row to fill.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-add-row]");
  if (!button) return;
  var group = button.closest("[data-rows]");
  var rows = group.querySelectorAll("[data-row]");
  var last = rows[rows.length - 1];
  var copy = last.cloneNode(true);
  var index = rows.length;
  copy.querySelectorAll("[id]").forEach(function (el) { el.id = el.id.replace(/-\d+$/, "-" + index); });
  copy.querySelectorAll("label[for]").forEach(function (el) { el.htmlFor = el.htmlFor.replace(/-\d+$/, "-" + index); });
  copy.querySelectorAll("input").forEach(function (el) { el.value = ""; });
  copy.querySelectorAll("select").forEach(function (el) { el.selectedIndex = 0; });
  last.after(copy);
  var first = copy.querySelector("input, select");
  if (first) first.focus();
});
