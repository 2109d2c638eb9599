// Afterimage console: small progressive enhancements. Every page works without this script.
"use strict";

// Times: the viewer's own zone in the text, UTC on hover.
function localiseTimes(root) {
  const format = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  root.querySelectorAll("time[datetime]").forEach((time) => {
    if (time.dataset.localised) return;
    const date = new Date(time.getAttribute("datetime"));
    if (isNaN(date)) return;
    time.title = date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC").replace(/Z$/, " UTC");
    time.textContent = format.format(date);
    time.dataset.localised = "yes";
  });
}

// The live feed: server-sent events; the browser reconnects by itself and resumes from Last-Event-ID.
function feedItem(item) {
  const li = document.createElement("li");
  li.dataset.id = item.id;
  li.className = "fresh" + (item.alarm ? " alarm" : "");
  const title = document.createElement("strong");
  title.textContent = item.title;
  li.append(title);
  if (item.account) {
    const account = document.createElement("a");
    account.href = "/console/accounts/" + item.accountId;
    account.textContent = item.account;
    li.append(" · ", account);
  }
  if (item.postPage) {
    const post = document.createElement("a");
    post.href = item.postPage;
    post.textContent = item.postUrl;
    li.append(" · ", post);
  }
  const time = document.createElement("time");
  time.setAttribute("datetime", item.detectedAt);
  time.textContent = item.detectedUtc;
  li.append(" · ", time);
  if (item.snippet) {
    const snippet = document.createElement("span");
    snippet.className = "feed-snippet";
    snippet.textContent = item.snippet;
    li.append(snippet);
  }
  return li;
}

function startFeed() {
  const feed = document.getElementById("feed");
  if (!feed || !window.EventSource) return;
  const status = document.getElementById("feed-status");
  const source = new EventSource(feed.dataset.stream);
  source.onopen = () => { status.textContent = "Live: new events appear here as they are detected."; };
  source.onerror = () => { status.textContent = "Connection lost; reconnecting…"; };
  source.addEventListener("event", (message) => {
    const item = JSON.parse(message.data);
    if (feed.querySelector('li[data-id="' + item.id + '"]')) return;
    const li = feedItem(item);
    feed.prepend(li);
    localiseTimes(li);
    const empty = document.getElementById("feed-empty");
    if (empty) empty.remove();
    while (feed.children.length > 100) feed.lastElementChild.remove();
    status.textContent = "New: " + item.title + (item.account ? " · " + item.account : "");
  });
}

// Add account: say which platform a pasted URL is, before saving.
function startResolve() {
  const input = document.querySelector("input[data-resolve]");
  if (!input) return;
  const output = document.getElementById("detected");
  const platform = document.getElementById("platform");
  let timer;
  let latest = 0;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const value = input.value.trim();
      const asked = ++latest;
      output.classList.remove("error");
      if (platform && platform.value) {
        output.textContent = "Will be watched as: " + platform.options[platform.selectedIndex].text;
        return;
      }
      if (!value) { output.textContent = ""; return; }
      try {
        const response = await fetch(input.dataset.resolve + "?url=" + encodeURIComponent(value),
          { headers: { Accept: "application/json" } });
        const body = await response.json();
        if (asked !== latest) return;
        output.classList.toggle("error", !response.ok);
        output.textContent = response.ok
          ? "Detected: " + body.platform + " account @" + body.handle + " — " + body.canonicalUrl
          : body.detail;
      } catch (e) {
        if (asked === latest) output.textContent = "";
      }
    }, 300);
  };
  input.addEventListener("input", check);
  if (platform) platform.addEventListener("change", check);
}

// Copy buttons (the webhook secret).
function startCopy() {
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copy);
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = "Copied";
      } catch (e) {
        button.textContent = "Press Ctrl+C to copy";
      }
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  localiseTimes(document);
  startFeed();
  startResolve();
  startCopy();
});
