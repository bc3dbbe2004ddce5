#!/usr/bin/env python3
"""Line and branch coverage of each src project, merged over the test projects' Cobertura reports (coverlet).

    python3 tests/coverage/summarize.py RESULTS_DIR

A line counts as covered when any test project covered it; a line's branches count by the most any report covered.
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

SOURCES = ("CustomerSuccess.Core", "CustomerSuccess.Extensions.DependencyInjection", "CustomerSuccess.Fitting", "CustomerSuccess.Data", "customer-success")
NAMES = {"customer-success": "CustomerSuccess.Cli"}


def main(folder):
    lines = {}     # (package, file, line) -> hit
    branches = {}  # (package, file, line) -> (covered, total)
    reports = glob.glob(f"{folder}/**/coverage.cobertura.xml", recursive=True)
    if not reports:
        sys.exit(f"no coverage.cobertura.xml under {folder}")
    for report in reports:
        root = ET.parse(report).getroot()
        # File names are relative to the report's source folders, which differ between reports: key by full path.
        sources = [s.text or "" for s in root.iter("source")]

        def full(filename):
            for source in sources:
                path = os.path.normpath(os.path.join(source, filename))
                if os.path.exists(path):
                    return path
            return os.path.normpath(filename)

        for package in root.iter("package"):
            name = package.get("name")
            if name not in SOURCES:
                continue
            for cls in package.iter("class"):
                for line in cls.iter("line"):
                    key = (name, full(cls.get("filename")), int(line.get("number")))
                    lines[key] = lines.get(key, False) or int(line.get("hits")) > 0
                    if line.get("branch") == "True":
                        m = re.search(r"\((\d+)/(\d+)\)", line.get("condition-coverage", ""))
                        if m:
                            covered, total = int(m.group(1)), int(m.group(2))
                            old = branches.get(key, (0, total))
                            branches[key] = (max(old[0], covered), total)
    print(f"{'project':<48} {'lines':>16} {'branches':>16}")
    for name in SOURCES:
        hit = sum(1 for k, v in lines.items() if k[0] == name and v)
        all_lines = sum(1 for k in lines if k[0] == name)
        b_hit = sum(v[0] for k, v in branches.items() if k[0] == name)
        b_all = sum(v[1] for k, v in branches.items() if k[0] == name)
        if all_lines:
            print(f"{NAMES.get(name, name):<48} {hit / all_lines:>7.1%} {hit:>4}/{all_lines:<4} {b_hit / max(b_all, 1):>7.1%} {b_hit:>4}/{b_all:<4}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "TestResults")
