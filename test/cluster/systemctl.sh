#!/bin/bash
# A stand-in for systemctl inside a lab node, where no systemd runs. pcs sees
# systemd's unit directories and so drives services through `systemctl`; this
# answers the verbs pcs uses for corosync and pacemaker, with systemd's
# dependency between them (pacemaker requires corosync). Other services are
# reported as not installed.
set -euo pipefail

die() {
	echo "systemctl (lab stand-in): $*" >&2
	exit 1
}

running() {
	pidof -q "$1"
}

# wait_gone PROGRAM SECONDS
wait_gone() {
	local deadline=$(($(date +%s) + $2))
	while running "$1"; do
		(($(date +%s) < deadline)) || die "$1 did not stop within $2 s"
		sleep 0.2
	done
}

start_corosync() {
	running corosync && return 0
	corosync
	local deadline=$(($(date +%s) + 30))
	until corosync-cfgtool -s >/dev/null 2>&1; do
		(($(date +%s) < deadline)) || die "corosync did not come up within 30 s"
		sleep 0.2
	done
}

start_pacemaker() {
	start_corosync
	running pacemakerd && return 0
	PCMK_logfacility=none setsid /usr/sbin/pacemakerd </dev/null >/dev/null 2>&1 &
	local deadline=$(($(date +%s) + 30))
	until running pacemaker-controld; do
		(($(date +%s) < deadline)) || die "pacemaker did not come up within 30 s"
		sleep 0.2
	done
}

stop_pacemaker() {
	running pacemakerd || return 0
	pkill -TERM -x pacemakerd
	wait_gone pacemakerd 120
}

stop_corosync() {
	stop_pacemaker
	running corosync || return 0
	pkill -TERM -x corosync
	wait_gone corosync 30
}

unit() {
	local name=${1%.service}
	case $name in
	corosync | pacemaker) echo "$name" ;;
	*) return 1 ;;
	esac
}

# systemctl's options (--quiet, --no-pager, --full, …) change nothing here.
args=()
for arg in "$@"; do
	[[ $arg == -* ]] || args+=("$arg")
done
verb=${args[0]:-}
name=$(unit "${args[1]:-}" 2>/dev/null) || name=""

case $verb in
daemon-reload | reset-failed) ;;
list-unit-files)
	echo "UNIT FILE STATE VENDOR PRESET"
	echo "corosync.service enabled enabled"
	echo "pacemaker.service enabled enabled"
	;;
is-enabled)
	[[ -n $name ]] || {
		echo disabled
		exit 1
	}
	echo enabled
	;;
enable | disable)
	[[ -n $name ]] || die "unit ${args[1]:-} not found"
	;;
is-active | status)
	if [[ -n $name ]] && running "${name/pacemaker/pacemakerd}"; then
		echo active
	else
		echo inactive
		exit 3
	fi
	;;
start | stop | restart)
	[[ -n $name ]] || die "unit ${args[1]:-} not found"
	[[ $verb == start ]] || "stop_$name"
	[[ $verb == stop ]] || "start_$name"
	;;
*) die "verb not supported: $verb" ;;
esac
