#!/usr/bin/env bash
# Installs everything carecall needs on a fresh Debian machine (run as root or with sudo):
# system packages (espeak-ng, flite, ffmpeg, sox, libsndfile; PostgreSQL, Redis and Chromium for
# campaigns and their tests), CPU torch, then carecall itself.
set -euo pipefail
cd "$(dirname "$0")/.."

# postgresql, redis-server, chromium and chromium-driver: campaign tests start a throwaway
# PostgreSQL and Redis and drive the dashboard in headless Chromium (they skip without them).
SYSTEM_PACKAGES=(espeak-ng flite ffmpeg sox libsndfile1 postgresql redis-server chromium chromium-driver)
missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "install.sh: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
# CPU torch first: an unpinned torch (pulled by openai-whisper or coqui-tts) brings GBs of CUDA.
"$PY" -m pip install -q torch==2.13.0
"$PY" -m pip install -q -e ".[test]"
command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
echo "install.sh: done (torch $("$PY" -c "import torch; print(torch.__version__)"))"
