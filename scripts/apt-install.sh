# shellcheck shell=bash
# Sourced by setup.sh and setup-vscode.sh: installs, with apt, whichever of the
# named Debian packages are missing, and says which. Usage: apt_install LABEL PKG...
apt_install() {
  local label=$1 p sudo=""
  shift
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "$label: Debian packages present: $*"
    return 0
  fi
  echo "$label: installing Debian packages: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=900 update -qq ||
    { echo "$label: error: apt-get update failed; the Debian repositories must be reachable" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" ||
    { echo "$label: error: apt-get install ${missing[*]} failed" >&2; return 1; }
}
