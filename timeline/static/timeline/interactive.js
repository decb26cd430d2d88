/* The interactive timeline of a topic, actor or place page (vis-timeline, vendored: see
 * bin/vendor-vis-timeline). Progressive enhancement: the server-rendered list below it is the page
 * without JavaScript, and stays; this draws the same events (fetched once from the section's
 * data-items URL, with the page's filters) on a time axis that zooms from decades to days.
 *
 * Keyboard: the drawing is focusable; arrow keys move, + and - zoom, Home shows everything; each
 * event is a link (Tab reaches it, Enter opens the event with its quotes). The buttons do the same for
 * a pointer or a screen reader, and a polite live region says which span is shown after each move.
 */
(function () {
  "use strict";
  var section = document.querySelector("section.interactive[data-items]");
  if (!section || !window.vis || !window.fetch) return;

  var canvas = section.querySelector(".itl-canvas");
  var status = section.querySelector(".itl-status");
  var DAY = 86400000;
  var YEAR = 365.25 * DAY;
  var monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function day(d) {
    return d.getDate() + " " + monthNames[d.getMonth()] + " " + d.getFullYear();
  }

  function link(url, title, when, label) {
    // Built as DOM nodes, never as HTML from the data: titles come from news text.
    var a = document.createElement("a");
    a.href = url;
    a.className = "itl-link";
    a.textContent = title;
    a.setAttribute("aria-label", title + ", " + when + (label ? ", " + label : ""));
    return a;
  }

  // The library's style sheet is loaded from here, not by a <link> in the page: a style sheet in the
  // body holds back the rendering of everything after it, and a reader without JavaScript needs none.
  function loadStyle(href) {
    return new Promise(function (resolve) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = link.onerror = resolve;
      document.head.appendChild(link);
    });
  }

  Promise.all([
    fetch(section.getAttribute("data-items"), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }),
    loadStyle(section.getAttribute("data-css")),
  ])
    .then(function (loaded) { return loaded[0]; })
    .then(function (data) {
      if (!data.items.length) return;
      var started = performance.now();
      var items = data.items.map(function (row) {
        var id = row[0], title = row[1], start = row[2], end = row[3], when = row[4], label = row[5];
        var oneDay = Date.parse(end) - Date.parse(start) <= DAY;
        return {
          id: id,
          content: link(data.event_url + id + "/", title, when, label),
          start: start,
          end: oneDay ? undefined : end,
          type: oneDay ? "point" : "range",
          title: when + (label ? " (" + label + ")" : "") + ": " + title,
          className: label ? "itl-" + label.replace(/[^a-z]+/g, "-") : "itl-occurred",
        };
      });
      // The first view holds every event, with a margin (at least a month) so a lone event is not lost
      // at the edge; vis-timeline's own fit leaves one event in a window around today.
      var first = Math.min.apply(null, items.map(function (i) { return Date.parse(i.start); }));
      var last = Math.max.apply(null, items.map(function (i) { return Date.parse(i.end || i.start); }));
      var margin = Math.max((last - first) * 0.05, 30 * DAY);
      var whole = { start: new Date(first - margin), end: new Date(last + margin) };
      var timeline = new vis.Timeline(canvas, items, {
        start: whole.start,
        end: whole.end,
        zoomMin: DAY * 3,
        zoomMax: YEAR * 200,
        height: "420px",
        stack: true,
        showTooltips: true,
        selectable: true,
        // Grouping nearby events keeps thousands of them drawable; zooming in opens the groups.
        cluster: { maxItems: 4, titleTemplate: "{count} events here: zoom in to see them", showStipes: false },
        xss: { disabled: true }, // content is DOM nodes built above, not HTML strings
        format: {
          minorLabels: { year: "YYYY" },
          majorLabels: { year: "" },
        },
      });
      section.hidden = false;
      // For the browser tests and bench/interactive_timeline.py: how long drawing took, and when it ended.
      section.setAttribute("data-ready", String(Math.round(performance.now() - started)));
      section.setAttribute("data-drawn-at", String(Math.round(performance.now())));
      section.visTimeline = timeline;

      function announce() {
        var w = timeline.getWindow();
        status.textContent = "Showing " + day(w.start) + " to " + day(w.end) + ".";
      }
      timeline.on("rangechanged", announce);
      timeline.on("select", function (properties) {
        if (properties.items.length === 1 && typeof properties.items[0] === "number") {
          window.location.href = data.event_url + properties.items[0] + "/";
        }
      });
      function move(fraction) {
        var w = timeline.getWindow();
        var span = w.end - w.start;
        timeline.setWindow(new Date(w.start.valueOf() + span * fraction), new Date(w.end.valueOf() + span * fraction));
      }
      var actions = {
        earlier: function () { move(-0.5); },
        later: function () { move(0.5); },
        "in": function () { timeline.zoomIn(0.5); },
        out: function () { timeline.zoomOut(0.5); },
        fit: function () { timeline.setWindow(whole.start, whole.end); },
      };
      section.querySelectorAll("button[data-act]").forEach(function (button) {
        button.addEventListener("click", function () { actions[button.getAttribute("data-act")](); });
      });
      canvas.addEventListener("keydown", function (event) {
        if (event.target !== canvas) return; // a focused event link keeps its own keys
        var act = { ArrowLeft: "earlier", ArrowRight: "later", "+": "in", "=": "in", "-": "out", Home: "fit" }[event.key];
        if (act) {
          event.preventDefault();
          actions[act]();
        }
      });
      announce();
    })
    .catch(function () {
      section.hidden = true; // the list below is the timeline then
    });
})();
