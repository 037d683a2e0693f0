#!/usr/bin/env bash
# Prepara una máquina nueva (Debian/Ubuntu con Node 20): Chromium de Debian para las
# pruebas de navegador (nunca un navegador descargado por Playwright) y las dependencias npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund
