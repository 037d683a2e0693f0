#!/usr/bin/env bash
# Prepara una máquina nueva (Debian/Ubuntu con Node 20): Chromium de Debian para las
# pruebas de navegador (nunca un navegador descargado por Playwright), LibreOffice Calc
# (la hoja de cálculo independiente que abre y recalcula lo que escribimos) y las
# dependencias npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/soffice ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libreoffice-calc >/dev/null
fi
npm ci --no-audit --no-fund
