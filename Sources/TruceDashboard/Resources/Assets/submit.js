// Truce's submission form, made to survive a lost connection. The form works without this script (it posts as
// multipart/form-data); with it, a form sent while offline is kept in this browser's local storage under its
// idempotency key and sent when the connection returns. The server stores one observation per key, so a draft
// sent twice is stored once.
(function () {
  "use strict";
  var form = document.getElementById("observation");
  if (!form || !window.fetch || !window.FormData || !window.localStorage) return;
  var STORE = "truce.drafts";
  var status = document.getElementById("submit-status");
  var waiting = document.getElementById("drafts");

  function drafts() {
    try { return JSON.parse(localStorage.getItem(STORE) || "[]"); } catch (e) { return []; }
  }
  function keep(list) { localStorage.setItem(STORE, JSON.stringify(list)); }
  function say(text) { if (status) status.textContent = text; }
  function showWaiting() {
    var count = drafts().length;
    if (!waiting) return;
    waiting.hidden = count === 0;
    waiting.querySelector(".count").textContent = String(count);
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve({ name: file.name, type: file.type, data: reader.result }); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }
  // The form as a draft: its text fields, and its files as data URLs.
  function draftOf(data) {
    var fields = [], files = [];
    data.forEach(function (value, name) {
      if (typeof value === "string") fields.push([name, value]);
      else if (value.size > 0) files.push(readFile(value));
    });
    return Promise.all(files).then(function (read) { return { fields: fields, files: read, saved: new Date().toISOString() }; });
  }
  function formDataOf(draft) {
    var data = new FormData();
    draft.fields.forEach(function (pair) { data.append(pair[0], pair[1]); });
    draft.files.forEach(function (file) {
      var binary = atob(file.data.split(",")[1] || "");
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      data.append("evidence", new Blob([bytes], { type: file.type }), file.name);
    });
    return data;
  }
  // The form's own address: its `action` property is shadowed by the field named "action".
  var address = form.getAttribute("action");
  function post(data) {
    return fetch(address, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } });
  }
  // Sends the drafts kept here, oldest first; a draft stays until the server answers it (stored, or refused for good).
  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return;
    flushing = true;
    var left = [];
    drafts().reduce(function (previous, draft) {
      return previous.then(function () {
        return post(formDataOf(draft)).then(function (response) {
          if (response.status === 401 || response.status === 403 || response.status === 429 || response.status >= 500) left.push(draft);
          else if (response.ok) say(form.dataset.sent);
          else say(form.dataset.refused + " (" + response.status + ")");
        }, function () { left.push(draft); });
      });
    }, Promise.resolve()).then(function () {
      keep(left);
      flushing = false;
      showWaiting();
    });
  }
  function saveOffline(data) {
    return draftOf(data).then(function (draft) {
      var list = drafts();
      list.push(draft);
      keep(list);
      form.reset();
      form.elements.key.value = newKey();
      say(form.dataset.offline);
      showWaiting();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    if (!navigator.onLine) { saveOffline(data); return; }
    post(data).then(function (response) {
      if (response.ok) return response.json().then(function (body) { window.location.assign(body.href); });
      // A refusal is shown by the server's own page: post the form as a browser does.
      form.submit();
    }, function () { saveOffline(data); });
  });

  var locate = document.getElementById("o-locate");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        form.elements.latitude.value = position.coords.latitude.toFixed(5);
        form.elements.longitude.value = position.coords.longitude.toFixed(5);
        form.elements.geo_precision.value = "exact";
      });
    });
  }
  window.addEventListener("online", flush);
  showWaiting();
  flush();
})();
