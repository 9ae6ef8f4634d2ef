/* The SCO of a module package (SCORM 1.2). It finds the LMS's API by the standard search
   (window.parent up to the top, then window.opener), opens one session for the whole visit,
   remembers the lessons read (cmi.suspend_data) and the page last shown
   (cmi.core.lesson_location), and reports cmi.core.lesson_status: "incomplete" until done,
   "completed" once every lesson is read in a module without a quiz, "passed" or "failed" with
   cmi.core.score.raw/min/max once the quiz is submitted. Without an LMS the pages still read. */
(function () {
  "use strict";

  function findAPI(win) {
    for (var tries = 0; win && tries < 500; tries++) {
      if (win.API) return win.API;
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = findAPI(window) || (window.opener && findAPI(window.opener));
  var frame = document.getElementById("sco-content");
  var statusLine = document.getElementById("sco-status");
  var lessons = frame.dataset.lessons ? frame.dataset.lessons.split(" ") : [];
  var hasQuiz = Boolean(frame.dataset.quiz);
  var started = new Date();
  var finished = false;
  var read = [];

  function get(name) {
    return api ? String(api.LMSGetValue(name)) : "";
  }

  function set(name, value) {
    if (api) api.LMSSetValue(name, String(value));
  }

  function commit() {
    if (api) api.LMSCommit("");
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = "0" + text;
    return text;
  }

  function sessionTime() {
    var seconds = Math.floor((new Date() - started) / 1000);
    return (
      pad(Math.floor(seconds / 3600), 4) + ":" + pad(Math.floor(seconds / 60) % 60, 2) + ":" +
      pad(seconds % 60, 2)
    );
  }

  function isDone(status) {
    return status === "completed" || status === "passed";
  }

  if (!api || String(api.LMSInitialize("")) !== "true") {
    api = null;
    statusLine.textContent = statusLine.dataset.noLms;
  } else {
    var status = get("cmi.core.lesson_status");
    if (status === "not attempted" || status === "") set("cmi.core.lesson_status", "incomplete");
    read = get("cmi.suspend_data").split(" ").filter(function (name) {
      return lessons.indexOf(name) >= 0;
    });
    var location = get("cmi.core.lesson_location");
    if (location && (lessons.indexOf(location) >= 0 || location === frame.dataset.quiz)) {
      frame.src = location;
    }
    commit();
  }

  function pageShown() {
    var name = frame.contentWindow.location.pathname.split("/").pop();
    Array.prototype.forEach.call(document.querySelectorAll(".sco-nav a"), function (link) {
      if (link.getAttribute("href") === name) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    if (!api) return;
    set("cmi.core.lesson_location", name);
    if (lessons.indexOf(name) >= 0 && read.indexOf(name) < 0) {
      read.push(name);
      set("cmi.suspend_data", read.join(" "));
    }
    if (!hasQuiz && read.length === lessons.length) set("cmi.core.lesson_status", "completed");
    commit();
  }

  function finish() {
    if (!api || finished) return;
    finished = true;
    set("cmi.core.session_time", sessionTime());
    set("cmi.core.exit", isDone(get("cmi.core.lesson_status")) ? "" : "suspend");
    commit();
    api.LMSFinish("");
  }

  frame.addEventListener("load", pageShown);
  if (frame.contentDocument && frame.contentDocument.readyState === "complete") pageShown();
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  window.CIPSco = {
    quizSubmitted: function (percent, passed) {
      if (!api) return;
      if (get("cmi.core.lesson_status") === "passed" && !passed) return;
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", percent);
      set("cmi.core.lesson_status", passed ? "passed" : "failed");
      commit();
    },
    finish: finish,
  };
})();
