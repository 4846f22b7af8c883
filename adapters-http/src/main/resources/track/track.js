/*
 * AdTarget track.js: records this landing-page visit (fbclid, _fbc, _fbp, UTM, page, referrer) and sends the
 * visitor to the Telegram invite link made for this visit, so the join can be attributed to the ad click.
 * No dependencies. Paste-in snippet (README, "Telegram attribution"):
 *   <script src="https://YOUR-ADTARGET/track.js" data-key="atk_pub_..." data-channel="-100..."
 *           data-redirect="click" async></script>
 *   <a href="#" data-adtarget-join>Join our channel</a>
 * data-redirect="auto" redirects as soon as the link is known; "click" (default) waits for a
 * [data-adtarget-join] click. data-api overrides the service origin (default: where this script came from).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var key = script.getAttribute("data-key");
  var channel = script.getAttribute("data-channel");
  var redirect = script.getAttribute("data-redirect") || "click";
  var api = script.getAttribute("data-api") || new URL(script.src).origin;
  var state = { link: null, visitId: null, waiting: false };

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) { return decodeURIComponent(parts[i].slice(eq + 1)); }
    }
    return null;
  }
  function httpUrl(text) { return /^https?:\/\//i.test(text || "") ? text.slice(0, 2048) : null; }

  var query = new URLSearchParams(window.location.search);
  var body = { channelId: channel };
  var fbc = cookie("_fbc"), fbp = cookie("_fbp"), fbclid = query.get("fbclid");
  if (fbc) { body.fbc = fbc; } else if (fbclid) { body.fbclid = fbclid; }
  if (fbp) { body.fbp = fbp; }
  if (httpUrl(window.location.href)) { body.landingUrl = httpUrl(window.location.href); }
  if (httpUrl(document.referrer)) { body.referrer = httpUrl(document.referrer); }
  var utm = {};
  ["source", "medium", "campaign", "content", "term"].forEach(function (name) {
    var value = query.get("utm_" + name);
    if (value) { utm[name] = value.slice(0, 200); }
  });
  if (Object.keys(utm).length) { body.utm = utm; }

  function go() { if (state.link) { window.location.href = state.link; } else { state.waiting = true; } }

  fetch(api + "/api/v1/visits", {
    method: "POST", mode: "cors", credentials: "omit",
    headers: { "Authorization": "Bearer " + key, "Content-Type": "application/json" },
    body: JSON.stringify(body)
  }).then(function (response) {
    return response.ok ? response.json() : Promise.reject(response.status);
  }).then(function (visit) {
    state.link = visit.inviteLink;
    state.visitId = visit.visitId;
    if (redirect === "auto" || state.waiting) { go(); }
    if (!fbp) {
      // the pixel sets _fbp after the first script ran: send it once it exists
      setTimeout(function () {
        var later = cookie("_fbp");
        if (later) {
          fetch(api + "/api/v1/visits/" + visit.visitId, {
            method: "PATCH", mode: "cors", credentials: "omit", keepalive: true,
            headers: { "Authorization": "Bearer " + key, "Content-Type": "application/json" },
            body: JSON.stringify({ fbp: later })
          });
        }
      }, 1500);
    }
  }).catch(function () { /* no link: the page's own href (a plain channel link) still works */ });

  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target.closest("[data-adtarget-join]") : null;
    if (target && (state.link || !target.getAttribute("href") || target.getAttribute("href") === "#")) {
      event.preventDefault();
      go();
    }
  });
  window.AdTarget = { join: go };
})();
