#!/usr/bin/env bash
# Prepares this machine for TradeFolio's tests (`npm run setup`; .ci/run calls it first).
# Idempotent and quick when everything is there:
#   1. the Debian packages the tests use — Chromium and a CJK font (end-to-end tests), Dovecot
#      (throwaway IMAP/POP3/LMTP/submission server for the mail tests), poppler-utils (pdftotext and
#      pdftoppm read the quote PDFs back) — installed with apt only
#      when missing (root, or passwordless sudo);
#   2. `npm ci`, skipped when node_modules already matches package-lock.json. The lockfile
#      pins node@24 as a devDependency, so npm scripts run on Node 24 even where the system
#      Node is older.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium fonts-noto-cjk dovecot-core dovecot-imapd dovecot-lmtpd dovecot-submissiond dovecot-pop3d poppler-utils)
NODE_MAJOR=24

say() { printf 'setup: %s\n' "$*" >&2; }
die() {
  printf '\nsetup: FAILED: %s\n' "$*" >&2
  exit 1
}

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# ---------------------------------------------------------------- apt packages
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
else
  for pkg in "${APT_PACKAGES[@]}"; do missing+=("$pkg"); done
fi

if ((${#missing[@]} > 0)); then
  command -v apt-get >/dev/null 2>&1 ||
    die "these packages are missing and this is not a Debian/Ubuntu machine (no apt-get): ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    die "missing packages: ${missing[*]}. Install them as root:
  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  say "installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
    die "apt-get update failed (is a Debian mirror reachable?)"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    die "apt-get install ${missing[*]} failed"
  for pkg in "${missing[@]}"; do
    is_installed "$pkg" || die "$pkg is still not installed after apt-get install"
  done
else
  say "apt packages present"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing although the chromium package is installed"

# ---------------------------------------------------------------- npm dependencies
command -v npm >/dev/null 2>&1 || die "npm is not installed (any Node.js with npm >= 10 will do; the project brings its own Node $NODE_MAJOR)"

stamp=node_modules/.tradefolio-setup-stamp
want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$want" && -x node_modules/.bin/node ]]; then
  say "node_modules matches package-lock.json"
else
  # npm ci runs under Node $NODE_MAJOR, like every npm script after it: under an older system
  # Node it would install the same tree but warn EBADENGINE once per package whose engines want
  # a newer Node (about 60 of them), burying any warning that matters. So when the system Node
  # is older, the pinned node@$NODE_MAJOR is fetched first into a temp folder (a few seconds; npm
  # ci then takes it from npm's cache) and put first on PATH. Not the one in node_modules: npm ci
  # starts by deleting node_modules.
  runtime_path=$PATH
  if [[ $(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) -lt $NODE_MAJOR ]]; then
    node_pin=$(node -p 'require("./package.json").devDependencies.node') || die "package.json has no node devDependency"
    bootstrap=$(mktemp -d)
    trap 'rm -rf "$bootstrap"' EXIT
    say "fetching node@$node_pin to run npm ci (the system Node is $(node --version))"
    npm install --prefix "$bootstrap" --no-save --no-audit --no-fund --no-package-lock --loglevel=error "node@$node_pin" >/dev/null ||
      die "npm install node@$node_pin failed"
    runtime_path=$bootstrap/node_modules/.bin:$PATH
  fi
  say "npm ci"
  PATH=$runtime_path npm ci --no-audit --no-fund || die "npm ci failed"
  printf '%s\n' "$want" >"$stamp"
fi

node_version=$(node_modules/.bin/node --version 2>/dev/null) || die "node_modules/.bin/node does not run (the node@$NODE_MAJOR devDependency)"
[[ $node_version == v$NODE_MAJOR.* ]] || die "node_modules/.bin/node is $node_version, expected v$NODE_MAJOR.x"
say "ready (Node $node_version from node_modules/.bin, $(/usr/bin/chromium --version 2>/dev/null | head -1))"
