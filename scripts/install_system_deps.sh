#!/usr/bin/env bash
# Installs the Debian packages the project needs, only when missing:
#   --build   what a site build needs for its PDF downloads (Pango for WeasyPrint, CJK fonts);
#   (none)    that, plus what the browser tests and screenshots need (Chromium, pdftoppm).
set -euo pipefail
need=()
# No pipe into grep -q here: under pipefail its early exit makes fc-list die of SIGPIPE and look missing.
[ -n "$(fc-list 'Noto Sans CJK SC' family 2>/dev/null)" ] || need+=(fonts-noto-cjk fontconfig)
[ -n "$(ldconfig -p 2>/dev/null | grep 'libpangoft2-1.0.so.0')" ] || need+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "${1:-}" != "--build" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "安装系统依赖：${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
