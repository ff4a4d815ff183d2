#!/usr/bin/env bash
# Unpacks the real peers that Tocsin's differential and integration tests compare against:
# promtool and prometheus 2.42, alertmanager 0.25 with amtool, vmalert and victoria-metrics 1.79,
# and aiosmtpd (an SMTP server with STARTTLS) for the email tests,
# all from Debian's packages, extracted with dpkg -x (nothing is installed system-wide).
# Usage: scripts/peers.sh [DEST]   (default: .peers/ at the repository root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-${TOCSIN_PEERS:-$root/.peers}}
# Each package with a file it unpacks, so a folder missing some peers gets exactly those added.
# aiosmtpd (with its dependencies atpublic and attrs) is the SMTP server with STARTTLS for the
# email tests; it runs on the system's /usr/bin/python3 with PYTHONPATH pointing into DEST.
packages=(prometheus prometheus-alertmanager victoria-metrics python3-aiosmtpd python3-public python3-attr)
markers=(usr/bin/promtool usr/bin/prometheus-alertmanager usr/bin/vmalert
  usr/lib/python3/dist-packages/aiosmtpd/__init__.py usr/lib/python3/dist-packages/public/__init__.py
  usr/lib/python3/dist-packages/attr/__init__.py)

missing=()
for i in "${!packages[@]}"; do
  [ -e "$dest/${markers[$i]}" ] || missing+=("${packages[$i]}")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "peers already unpacked in $dest"
else
  mkdir -p "$dest/debs"
  cd "$dest/debs"
  if ! apt-get download "${missing[@]}" >/dev/null 2>&1; then
    echo "updating the package lists" >&2
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get download "${missing[@]}"
  fi
  for package in "${missing[@]}"; do
    for deb in ./"${package}"_*.deb; do
      dpkg -x "$deb" "$dest"
    done
    echo "unpacked $package"
  done
  cd "$root"
fi

# Debian's Alertmanager reads its default templates from a fixed system path.
tmpl_dir=/usr/share/prometheus/alertmanager
if [ -d "$dest$tmpl_dir" ] && ! ls "$tmpl_dir"/*.tmpl >/dev/null 2>&1; then
  if mkdir -p "$tmpl_dir" 2>/dev/null && cp "$dest$tmpl_dir"/*.tmpl "$tmpl_dir"/ 2>/dev/null; then
    echo "copied Alertmanager templates to $tmpl_dir"
  else
    echo "warning: cannot write $tmpl_dir (needs root); Alertmanager tests will skip" >&2
  fi
fi

for bin in promtool prometheus prometheus-alertmanager vmalert; do
  if [ -x "$dest/usr/bin/$bin" ]; then
    version=$("$dest/usr/bin/$bin" --version 2>&1 | head -n 1 || true)
    printf '%-24s %s\n' "$bin" "${version:-(unpacked; this build prints no version)}"
  fi
done
if [ -e "$dest/usr/lib/python3/dist-packages/aiosmtpd/__init__.py" ]; then
  version=$(PYTHONPATH="$dest/usr/lib/python3/dist-packages" /usr/bin/python3 -c \
    'import aiosmtpd; print(aiosmtpd.__version__)' 2>&1 | tail -n 1 || true)
  printf '%-24s %s\n' aiosmtpd "$version"
fi
