#!/usr/bin/env python3
"""Turn lines with [[KIND:text]] marks into a scorer corpus. Lines starting with '-' are benign."""
import json, re, sys
out = []
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\[\[([A-Z_0-9]+):(.*?)\]\]", line):
        text += line[pos:m.start()]
        s = len(text); text += m.group(2)
        spans.append({"start": s, "end": len(text), "kind": m.group(1)})
        pos = m.end()
    text += line[pos:]
    if text.startswith("- "):
        text = text[2:]
    out.append({"id": f"p{n}", "text": text, "phi": bool(spans), "spans": spans})
for o in out:
    print(json.dumps(o, ensure_ascii=False))
