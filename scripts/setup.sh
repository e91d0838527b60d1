#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run and test Foretext, then restores NuGet packages.
# - chromium: the browser whose layout Foretext reproduces (browser-parity tests drive it; no browser download).
# - fonts-*: the fonts both Chromium and Foretext measure with; fontconfig finds them.
# - libicu72: the system ICU Foretext segments text with.
# Idempotent: installs only missing packages. Needs root or sudo when something is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(chromium fontconfig libicu72 fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-noto-extra
          fonts-liberation fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore "$root/Foretext.slnx" -v quiet
