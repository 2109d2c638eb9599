"""Reads feeds with Debian's feedparser and prints what it makes of each entry, as JSON.

Input on stdin: a JSON list of {"file": path, "url": the feed's URL, "headers": {name: value}}.
Output on stdout: a JSON list, one object per feed, with feedparser's version string and its entries.
"""
import calendar
import json
import sys

import feedparser


def date_of(entry):
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return calendar.timegm(parsed)
    return None


def detail(entry, key):
    value = entry.get(key + "_detail") or {}
    return value.get("type", "")


def main():
    feeds = []
    for request in json.load(sys.stdin):
        headers = dict(request.get("headers") or {})
        headers.setdefault("content-location", request["url"])
        with open(request["file"], "rb") as handle:
            parsed = feedparser.parse(handle.read(), response_headers=headers)
        entries = []
        for entry in parsed.entries:
            entries.append(
                {
                    "id": entry.get("id"),
                    "link": entry.get("link"),
                    "title": entry.get("title"),
                    "title_type": detail(entry, "title"),
                    "summary": entry.get("summary"),
                    "content": [part.get("value", "") for part in entry.get("content", [])],
                    "date": date_of(entry),
                }
            )
        feeds.append({"file": request["file"], "version": parsed.get("version", ""), "entries": entries})
    json.dump(feeds, sys.stdout)


if __name__ == "__main__":
    main()
