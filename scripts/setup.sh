#!/usr/bin/env bash
# Installs the system packages Distillery builds against, when any is missing (Debian/Ubuntu).
set -euo pipefail

packages=(pkg-config libcairo2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev fonts-dejavu-core)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
