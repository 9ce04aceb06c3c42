#!/usr/bin/env bash
# Installs the Debian packages the browser tests and screenshots need (Chromium, CJK fonts, pdftoppm),
# only when missing.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# No pipe into grep -q here: under pipefail its early exit makes fc-list die of SIGPIPE and look missing.
[ -n "$(fc-list 'Noto Sans CJK SC' family 2>/dev/null)" ] || need+=(fonts-noto-cjk fontconfig)
[ ${#need[@]} -eq 0 ] && exit 0
echo "安装系统依赖：${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
