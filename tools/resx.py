#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files (Dutch default, English).

Usage: tools/resx.py KEY "Nederlandse tekst" "English text" [KEY nl en ...]
The .resx files are the source of truth; this only saves typing XML by hand.
"""
import sys, xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src/Clusterpact.Web/Resources"
HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def load(path):
    if not path.exists():
        return {}
    return {d.get("name"): d.findtext("value") or "" for d in ET.parse(path).getroot().findall("data")}

def save(path, entries):
    from xml.sax.saxutils import escape
    out = [HEADER]
    for k in sorted(entries):
        out.append(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
    out.append("</root>\n")
    path.write_text("".join(out), encoding="utf-8")

def main(args):
    if len(args) % 3 != 0:
        sys.exit("usage: resx.py KEY NL EN [KEY NL EN ...]")
    nl_path, en_path = ROOT / "SharedResource.resx", ROOT / "SharedResource.en.resx"
    nl, en = load(nl_path), load(en_path)
    for i in range(0, len(args), 3):
        nl[args[i]], en[args[i]] = args[i + 1], args[i + 2]
    save(nl_path, nl)
    save(en_path, en)

if __name__ == "__main__":
    main(sys.argv[1:])
