"""Drives the OASIS taxii2-client (test/tools/cti-taxii-client) against a TAXII 2.1 server and
prints what it saw as one JSON object, for test/e2e/stix/taxii-client.test.ts.

usage: taxii2client-run.py read DISCOVERY_URL
       taxii2client-run.py since DISCOVERY_URL ADDED_AFTER
"""
import json
import sys

from taxii2client.v21 import Server, as_pages


def everything(server):
    root = server.default
    collections = root.collections
    chosen = [c for c in collections if c.title == "Everything"][0]
    return root, collections, chosen


def read(url):
    server = Server(url)
    root, collections, chosen = everything(server)
    pages = list(as_pages(chosen.get_objects, per_request=50))
    objects = [o for page in pages for o in page.get("objects", [])]
    manifest = [
        record
        for page in as_pages(chosen.get_manifest, per_request=100)
        for record in page.get("objects", [])
    ]
    first = objects[-1]
    one = chosen.get_object(first["id"])
    return {
        "title": server.title,
        "api_roots": [r.url for r in server.api_roots],
        "root_versions": root.versions,
        "collections": [{"id": c.id, "title": c.title, "url": c.url} for c in collections],
        "pages": len(pages),
        "objects": objects,
        "manifest": manifest,
        "one": dict(one),
    }


def since(url, added_after):
    _, _, chosen = everything(Server(url))
    pages = list(as_pages(chosen.get_objects, per_request=50, added_after=added_after))
    return {"objects": [o for page in pages for o in page.get("objects", [])]}


if __name__ == "__main__":
    command, url = sys.argv[1], sys.argv[2]
    result = read(url) if command == "read" else since(url, sys.argv[3])
    json.dump(result, sys.stdout)
