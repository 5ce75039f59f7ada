#!/usr/bin/env bash
# Runs every test, the real-browser ones included. Installs what they need when it is missing:
# a JDK 17 and Maven, Debian's chromium + chromium-driver (the browser tests never download a browser),
# espeak-ng (the local TTS voice), Xvfb (a display for the tray icon's test), the Noto colour emoji font (the emoji
# rain's screenshots show emoji, as OBS on Windows or macOS does, not empty boxes), and Node with the dev-time packages of
# the WebCast cross-check (src/test/node, from the npm registry).
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest=EventBusTest
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

if [ ! -d src/test/node/node_modules ] || [ src/test/node/package-lock.json -nt src/test/node/node_modules ]; then
  npm ci --prefix src/test/node --no-audit --no-fund --loglevel=error
fi

# The installable app is built and started as well (-Ppackage, scripts/Package.java): with a JDK 25 when this machine
# has one (its runtime is bundled, and its AOT cache makes the app start faster), else with the JDK running Maven.
package_jdk=$(ls -d /usr/lib/jvm/*-25-* /usr/lib/jvm/jdk-25* 2>/dev/null | head -1 || true)
mvn -B verify -Ppackage ${package_jdk:+-Dpackage.jdk=$package_jdk} "$@"

# The example plugin is a project of its own: it must keep building against the API as LTTH changes.
mvn -B -q -DskipTests install
mvn -B -q -f examples/hello-plugin/pom.xml package
