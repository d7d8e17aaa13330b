#!/usr/bin/env python3
"""Deploy-tree size for N simulated editions of this paper (README "Editions").

Each simulated edition is the real output of a build (OUTPUT, e.g. output/ rendered from the run cache) as a rebuild
at a new commit would change it: every page and model.json name the new commit (so every HTML file differs),
paper.pdf differs (its edition line), and every fifth edition one figure's data and renditions change (a changed
experiment); the other figure files stay byte-identical. The editions are added one by one with the real
'assemble' command (JAR), as the Pages workflow does, and the tree is measured at the sizes asked:
'files' is the sum of file sizes, each hard link counted (what actions/upload-pages-artifact uploads: it archives
with tar --dereference --hard-dereference), 'disk' is what the tree takes on this disk (du, hard links once).

usage: simulate_editions.py OUTPUT JAR WORKDIR MODE N1,N2,...   (MODE: store, hardlink or none)
"""
import hashlib, json, os, shutil, subprocess, sys

out_dir, jar, work, mode, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
sizes = sorted(int(x) for x in sizes.split(","))
model = json.load(open(os.path.join(out_dir, "model.json")))
old_commit = model["edition"]["commit"]
old_short = model["edition"]["shortCommit"]
old_version = model["edition"]["version"]
figs = sorted(model["provenance"].keys())
os.makedirs(work, exist_ok=True)


def make_edition(i, dest):
    commit = hashlib.sha1(b"edition %d" % i).hexdigest()
    short = commit[:12]
    if os.path.exists(dest):
        shutil.rmtree(dest)
    changed = figs[(i // 5) % len(figs)] if i % 5 == 4 else None
    for root, _, files in os.walk(out_dir):
        for f in files:
            src = os.path.join(root, f)
            rel = os.path.relpath(src, out_dir)
            if rel == "manifest.sha256":
                continue
            dst = os.path.join(dest, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if rel.endswith(".html") or rel == "model.json":
                t = open(src, encoding="utf-8").read()
                t = t.replace(old_commit, commit).replace(old_version, short).replace(old_short, short)
                open(dst, "w", encoding="utf-8").write(t)
            elif rel == "paper.pdf":
                open(dst, "wb").write(open(src, "rb").read() + b"\n%% edition %d\n" % i)
            elif changed and rel.startswith("figures/" + changed + ".") or changed and rel.startswith(
                    "figures/" + changed + "-"):
                open(dst, "wb").write(open(src, "rb").read() + b"\n")
            else:
                os.link(src, dst)
    lines = []
    for root, _, files in os.walk(dest):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), dest)
            if rel != "manifest.sha256":
                lines.append((rel, hashlib.sha256(open(os.path.join(root, f), "rb").read()).hexdigest()))
    with open(os.path.join(dest, "manifest.sha256"), "w") as m:
        for rel, h in sorted(lines):
            m.write("%s  %s\n" % (h, rel))


def measure(tree):
    files = 0
    for root, _, fs in os.walk(tree):
        for f in fs:
            files += os.lstat(os.path.join(root, f)).st_size
    disk = int(subprocess.check_output(["du", "-sb", tree]).split()[0])
    return files, disk


prev = None
for i in range(sizes[-1]):
    build = os.path.join(work, "build")
    make_edition(i, build)
    site = os.path.join(work, "site-%d" % i)
    cmd = ["java", "-jar", jar, "assemble", "--new", build, "--out", site, "--keep-untagged", "1000", "--dedup", mode]
    if prev:
        cmd += ["--editions", prev]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if prev:
        shutil.rmtree(prev)
    prev = site
    if i + 1 in sizes:
        files, disk = measure(site)
        print("%s %4d editions: files %7.1f MB, disk %7.1f MB" % (mode, i + 1, files / 1e6, disk / 1e6), flush=True)
shutil.rmtree(prev)
