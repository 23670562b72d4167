"""Recordings with HTTP Range requests answered as RFC 9110 (section 14) says.

Starlette's `FileResponse` streams ranges (single and multipart) and answers an unsatisfiable
first position with 416, but (Starlette 1.10) it answers 400 to a header it cannot parse and to
an unknown unit, where RFC 9110 says such a Range is ignored (200 with the whole file); it
accepts signs (`bytes=+5-9`, `bytes=--5`); and it refuses a whole multi-range request when one
range is unsatisfiable, where the satisfiable ones should be served. So this response parses the
header strictly itself, then hands Starlette either no Range (ignore: 200), the satisfiable
ranges in canonical form (206), or answers 416 with `Content-Range: bytes */SIZE`.
"""

from __future__ import annotations

import os
import re

from starlette.datastructures import Headers
from starlette.responses import FileResponse, PlainTextResponse
from starlette.types import Receive, Scope, Send

_SPEC = re.compile(r"^(?:(\d+)-(\d*)|-(\d+))$")


def parse_range(header: str, size: int) -> list[tuple[int, int]] | None:
    """Satisfiable (first, last) byte positions of a `Range: bytes=…` header, inclusive.

    None: the header is to be ignored (not bytes, or not valid syntax); []: valid but nothing in
    it is satisfiable (416)."""
    unit, sep, specs = header.partition("=")
    if not sep or unit.strip().lower() != "bytes":
        return None
    parts = [p.strip() for p in specs.split(",")]
    parsed = []
    for part in parts:
        if not part:
            continue  # RFC 9110 list syntax allows empty elements
        m = _SPEC.match(part)
        if not m:
            return None
        first, last, suffix = m.groups()
        if suffix is not None:
            parsed.append((None, int(suffix)))
        else:
            if last and int(last) < int(first):
                return None  # an invalid range-spec makes the whole header invalid
            parsed.append((int(first), int(last) if last else None))
    if not parsed:
        return None
    ranges = []
    for first, last in parsed:
        if first is None:  # suffix: the last `last` bytes
            if last == 0 or size == 0:
                continue
            ranges.append((max(0, size - last), size - 1))
        elif first < size:
            ranges.append((first, size - 1 if last is None else min(last, size - 1)))
    return ranges


class RangeFileResponse(FileResponse):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        header = Headers(scope=scope).get("range")
        if header is not None and scope["method"] in ("GET", "HEAD"):
            size = os.stat(self.path).st_size
            ranges = parse_range(header, size)
            if ranges == []:
                response = PlainTextResponse(
                    "range not satisfiable",
                    status_code=416,
                    headers={"Content-Range": f"bytes */{size}"},
                )
                return await response(scope, receive, send)
            raw = [(k, v) for k, v in scope["headers"] if k.lower() != b"range"]
            if ranges:
                canonical = ",".join(f"{first}-{last}" for first, last in ranges)
                raw.append((b"range", f"bytes={canonical}".encode()))
            scope = {**scope, "headers": raw}  # None: no Range at all, the whole file (200)
        await super().__call__(scope, receive, send)
