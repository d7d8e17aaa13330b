#!/usr/bin/env bash
# Lighthouse on a built site: the index and a claim page must score SEO >= 95, Best Practices >= 95 and
# Accessibility 100 (issue 16). Serves OUTPUT_DIR on 127.0.0.1 with python3's http.server and runs the npm package
# lighthouse (pinned below) with the installed Chromium, headless. Prints one line per page and fails (exit 1) if a
# score is below its bar. Usage: .ci/lighthouse.sh [OUTPUT_DIR] [PAGE...]   (default: output index.html claim-1.html)
set -euo pipefail
LIGHTHOUSE_VERSION=12.8.2   # the newest release that runs on Node 20 (13.x needs Node >= 22.19)
out=$(realpath -m "${1:-$(dirname "$0")/../output}")   # relative to where it is called from
shift || true
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(index.html claim-1.html)
[ -f "$out/index.html" ] || { echo "lighthouse: $out/index.html does not exist; build the site first" >&2; exit 2; }
chrome=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$chrome" ] || { echo "lighthouse: no Chromium found (apt-get install -y chromium)" >&2; exit 2; }
tools=${LIGHTHOUSE_DIR:-$HOME/.cache/weight-decay-paper/lighthouse-$LIGHTHOUSE_VERSION}
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$out" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" \
  2>/dev/null && break; sleep 0.1; done
reports=$(mktemp -d)
status=0
for p in "${pages[@]}"; do
  CHROME_PATH=$chrome "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$p" --quiet \
    --only-categories=accessibility,best-practices,seo,performance \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json --output-path="$reports/${p%.html}.json" \
    || { echo "lighthouse: failed to run on $p" >&2; status=1; continue; }
  python3 - "$reports/${p%.html}.json" "$p" <<'PY' || status=1
import json, sys
report = json.load(open(sys.argv[1]))
c = report["categories"]
score = {k: round(v["score"] * 100) for k, v in c.items() if v["score"] is not None}
print("%s: %s" % (sys.argv[2], ", ".join("%s %d" % (k, v) for k, v in score.items())))
bars = {"seo": 95, "best-practices": 95, "accessibility": 100}
bad = False
for k, bar in bars.items():
    if score.get(k, 0) < bar:
        bad = True
        failing = [a for a in (r["id"] for r in c[k]["auditRefs"]) if report["audits"][a].get("score") not in (None, 1)
                   and report["audits"][a].get("scoreDisplayMode") not in ("notApplicable", "informative", "manual")]
        print("  %s %d < %d; failing audits: %s" % (k, score.get(k, 0), bar, ", ".join(failing)))
sys.exit(1 if bad else 0)
PY
done
exit $status
