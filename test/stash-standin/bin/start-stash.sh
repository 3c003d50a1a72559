#!/bin/sh
#
# Stand-in for Stash's bin/start-stash.sh (tests only; see ../README.md).
#
# Like the real script it needs STASH_HOME, starts the server in the background,
# records its process id where Stash does (<install>/work/catalina.pid) and
# returns before the server is up. Installed as bin/start-bitbucket.sh it acts
# as Bitbucket Server 5+: it reads BITBUCKET_HOME and writes
# $BITBUCKET_HOME/log/bitbucket.pid.

bin_dir=$(cd "$(dirname "$0")" && pwd -P) || exit 1
inst=$(dirname "$bin_dir")
case "${0##*/}" in
*bitbucket*)
	home_var=BITBUCKET_HOME
	home="${BITBUCKET_HOME:-}"
	pid_file="$home/log/bitbucket.pid"
	;;
*)
	home_var=STASH_HOME
	home="${STASH_HOME:-}"
	pid_file="$inst/work/catalina.pid"
	;;
esac

if [ -z "$home" ]; then
	echo "$home_var is not set: the server does not know where its data lives." >&2
	exit 1
fi
if [ ! -d "$home" ]; then
	echo "$home_var $home is not a directory." >&2
	exit 1
fi
if [ -s "$pid_file" ]; then
	old_pid=$(cat "$pid_file")
	if kill -0 "$old_pid" 2>/dev/null; then
		echo "The server appears to be running already (pid $old_pid). Start aborted." >&2
		exit 1
	fi
	echo "Removing stale PID file $pid_file"
	rm -f "$pid_file"
fi
if ! python=$(command -v python3); then
	echo "python3 is not installed; the stand-in server needs it." >&2
	exit 1
fi

mkdir -p "$home/log" "$(dirname "$pid_file")" || exit 1
nohup "$python" "$inst/lib/standin-server.py" "$home" "$home_var" \
	</dev/null >>"$home/log/atlassian-stash.log" 2>&1 &
echo "$!" >"$pid_file"
echo "Started the Stash stand-in as $(id -un), pid $!, $home_var=$home"
