// Kindred: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";

  // Code-point slice, as the scanner counts offsets.
  function slice(text, start, end) {
    return Array.from(text).slice(start, end).join("");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  // Before a post is submitted, ask the server's PHI scanner about it. If something could
  // identify a person, say what and why, and let the writer edit or post anyway (the post is then
  // held for review). Any failure just lets the form submit as it would without this script.
  function phiCheck(form) {
    form.addEventListener("submit", function (ev) {
      if (form.dataset.phiChecked === "yes") { return; }
      var body = form.querySelector("textarea[name=body]");
      var csrf = form.querySelector("input[name=csrf_token]");
      if (!body || !csrf || !window.fetch) { return; }
      ev.preventDefault();
      var title = form.querySelector("input[name=title]");
      var data = new URLSearchParams();
      data.set("csrf_token", csrf.value);
      data.set("body", body.value);
      if (title) { data.set("title", title.value); }
      var submit = function () {
        form.dataset.phiChecked = "yes";
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      };
      fetch("/phi/check", { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) {
          if (!answer || !answer.held) { submit(); return; }
          warn(form, answer.spans, body, title, submit);
        })
        .catch(submit);
    });
  }

  function warn(form, spans, body, title, submit) {
    var old = form.querySelector(".phi-warning");
    if (old) { old.remove(); }
    var box = el("div", "phi-warning");
    box.setAttribute("role", "alert");
    box.tabIndex = -1;
    box.appendChild(el("h2", null, "This may identify someone"));
    box.appendChild(el("p", null, "If you post it as it is, it will be held: only you and the moderators will see it until it is reviewed. These parts look risky:"));
    var list = el("ul", "phi-list");
    spans.forEach(function (s) {
      var source = s.in === "title" && title ? title.value : body.value;
      var item = el("li");
      item.appendChild(el("mark", null, slice(source, s.start, s.end)));
      item.appendChild(document.createTextNode(" — looks like " + s.why + (s.in === "title" ? " (in the title)" : "")));
      list.appendChild(item);
    });
    box.appendChild(list);
    var actions = el("div", "phi-actions");
    var edit = el("button", "button", "Edit my post");
    edit.type = "button";
    edit.addEventListener("click", function () { box.remove(); body.focus(); });
    var anyway = el("button", "button button-secondary", "Post anyway and wait for review");
    anyway.type = "button";
    anyway.addEventListener("click", submit);
    actions.appendChild(edit);
    actions.appendChild(anyway);
    box.appendChild(actions);
    var button = form.querySelector("button[type=submit]");
    form.insertBefore(box, button);
    box.focus();
  }

  // One composer a page: "Reply" under a post makes it the composer's parent instead of opening
  // a page of its own (which is where the link goes without this script).
  function composer() {
    var form = document.querySelector("form.composer");
    if (!form) { return; }
    var parent = form.querySelector("input[name=parent_id]");
    var note = form.querySelector(".replying-to-note");
    var text = form.querySelector(".replying-to-text");
    var body = form.querySelector("textarea[name=body]");
    var heading = document.getElementById("reply-heading");
    if (!parent || !note || !text || !body) { return; }
    var set = function (id, name) {
      parent.value = id;
      note.hidden = !id;
      text.textContent = id ? "Replying to " + name + "." : "";
      if (heading) { heading.textContent = id ? "Reply to " + name : "Reply to the conversation"; }
    };
    document.querySelectorAll("a.reply-link").forEach(function (link) {
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        set(link.dataset.replyTo, link.dataset.replyName);
        body.focus();
        body.scrollIntoView({ block: "center" });
      });
    });
    form.querySelector(".replying-to-cancel").addEventListener("click", function () {
      set("", "");
      body.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    composer();
    // After a form comes back with a problem, move focus to the summary so screen readers announce it.
    var summary = document.querySelector(".error-summary");
    if (summary) { summary.focus(); }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-phi-check]"), phiCheck);
  });
})();
