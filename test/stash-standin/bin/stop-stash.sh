#!/bin/sh
#
# Stand-in for Stash's bin/stop-stash.sh (tests only; see ../README.md).
#
# Like the real one (Tomcat's shutdown.sh 20 -force) it asks the server to stop,
# waits up to 20 seconds, then kills it and removes the PID file. With the
# control file <home>/standin-control/stop-hangs it hangs instead, as a stop
# script stuck on a dead database or NFS mount would.

bin_dir=$(cd "$(dirname "$0")" && pwd -P) || exit 1
inst=$(dirname "$bin_dir")
case "${0##*/}" in
*bitbucket*)
	home="${BITBUCKET_HOME:-}"
	pid_file="$home/log/bitbucket.pid"
	;;
*)
	home="${STASH_HOME:-}"
	pid_file="$inst/work/catalina.pid"
	;;
esac

if [ -n "$home" ] && [ -e "$home/standin-control/stop-hangs" ]; then
	echo "Stopping... (stop-hangs is set: hanging)"
	while :; do
		sleep 1
	done
fi
if [ ! -s "$pid_file" ]; then
	echo "PID file $pid_file not found: is the server running? Stop aborted." >&2
	exit 1
fi
pid=$(cat "$pid_file")
if ! kill -TERM "$pid" 2>/dev/null; then
	echo "No process $pid; removing the stale PID file."
	rm -f "$pid_file"
	exit 0
fi
waited=0
while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 20 ]; do
	sleep 1
	waited=$((waited + 1))
done
if kill -0 "$pid" 2>/dev/null; then
	echo "The server did not stop within 20 seconds; killing it."
	kill -KILL "$pid" 2>/dev/null
fi
rm -f "$pid_file"
echo "Stopped the Stash stand-in (pid $pid)"
