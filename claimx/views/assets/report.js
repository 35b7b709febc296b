// claimx report: filter the claim list, and say who makes a highlighted claim. No network.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("#claim-list .claim-item"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.claim"));
  var selects = Array.prototype.slice.call(document.querySelectorAll(".filters select"));
  var count = document.getElementById("claim-count");
  var info = document.getElementById("claim-info");

  function wanted(el) {
    return selects.every(function (s) {
      return !s.value || el.getAttribute("data-" + s.getAttribute("data-field")) === s.value;
    });
  }

  function filter() {
    var shown = 0;
    items.forEach(function (li) {
      var keep = wanted(li);
      li.hidden = !keep;
      if (keep) { shown += 1; }
    });
    marks.forEach(function (m) { m.classList.toggle("muted", !wanted(m)); });
    count.textContent = shown + " of " + items.length + " claims";
  }

  function line(label, value) {
    var p = document.createElement("p");
    var b = document.createElement("b");
    b.textContent = label + " ";
    p.appendChild(b);
    p.appendChild(document.createTextNode(value));
    return p;
  }

  function reveal(mark) {
    var get = function (name) { return mark.getAttribute("data-" + name) || ""; };
    info.textContent = "";
    var who = document.createElement("h4");
    who.className = "who";
    who.style.setProperty("--c", mark.style.getPropertyValue("--c"));
    who.textContent = get("speaker");
    info.appendChild(who);
    var about = [get("role"), get("kind")].filter(Boolean).join(" · ");
    if (about) { info.appendChild(line("", about)); }
    if (get("mention") && get("mention") !== get("speaker")) {
      info.appendChild(line("named as", "“" + get("mention") + "”"));
    }
    info.appendChild(line("cue", get("cue") + " · " + get("type") + " · confidence " + get("confidence")));
    if (get("outlet") !== "(no outlet)") { info.appendChild(line("via", get("outlet"))); }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = "×";
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { info.hidden = true; });
    info.appendChild(close);
    info.hidden = false;
    marks.forEach(function (m) { m.classList.toggle("selected", m === mark); });
  }

  selects.forEach(function (s) { s.addEventListener("change", filter); });
  marks.forEach(function (m) {
    m.addEventListener("click", function (event) { event.stopPropagation(); reveal(m); });
    m.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); reveal(m); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { info.hidden = true; }
  });
  filter();
})();
