/**
 * ocf:heartbeat:Filesystem as resource-agents 4.12 describes it: parameter names,
 * content types, flags, defaults and action timeouts as the real agent's meta-data
 * has them; the descriptions are ours.
 */
export const FILESYSTEM_METADATA_XML = `<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="Filesystem" version="1.1">
<version>1.0</version>
<longdesc lang="en">
Mounts a file system on start and unmounts it on stop: a local block device, a
replicated one such as DRBD, or a network share (NFS, CIFS, ...). Stop first ends
processes that still use the mount point if force_unmount says so. For a file
system that only one node may mount at a time (ext4, xfs), never clone it.
</longdesc>
<shortdesc lang="en">Mounts a file system</shortdesc>
<parameters>
<parameter name="device" required="1">
<longdesc lang="en">What to mount: a block device path (/dev/drbd0, /dev/disk/by-uuid/...), mount's -U UUID or -L LABEL, a directory for a bind mount, or a network source such as server:/export for NFS.</longdesc>
<shortdesc lang="en">Device to mount</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="directory" required="1">
<longdesc lang="en">The absolute path of the mount point.</longdesc>
<shortdesc lang="en">Mount point</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="fstype" required="1">
<longdesc lang="en">The file system type as mount -t takes it: xfs, ext4, nfs, ...</longdesc>
<shortdesc lang="en">File system type</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="options">
<longdesc lang="en">Extra mount options, as mount -o takes them (comma-separated, e.g. noatime,ro).</longdesc>
<shortdesc lang="en">Mount options</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="statusfile_prefix">
<longdesc lang="en">Prefix of the status file that monitors of depth 20 (OCF_CHECK_LEVEL) write and read back to prove the file system works; by default the files go to a directory of their own.</longdesc>
<shortdesc lang="en">Monitor status file prefix</shortdesc>
<content type="string" default=".Filesystem_status/" />
</parameter>
<parameter name="run_fsck">
<longdesc lang="en">Whether to check the file system before mounting: auto (depending on its type), force (always) or no (never).</longdesc>
<shortdesc lang="en">File system check before mount</shortdesc>
<content type="string" default="auto" />
</parameter>
<parameter name="fast_stop">
<longdesc lang="en">Expect stop to finish quickly because nothing much uses the file system. Set it to no, and give the stop operation a longer timeout, when users of the mount point are hard to control and stop must not fail. GFS2 file systems default to no.</longdesc>
<shortdesc lang="en">Stop without waiting</shortdesc>
<content type="boolean" default="no" />
</parameter>
<parameter name="force_clones">
<longdesc lang="en">Allow cloning even for a file system type that is not cluster-aware. Mounting such a file system on two nodes at once corrupts it.</longdesc>
<shortdesc lang="en">Allow cloning any file system</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="force_unmount">
<longdesc lang="en">What stop does with processes that use the mount point: true kills them (found with fuser), safe kills them using only a walk of /proc that cannot hang on a dead NFS server, false leaves them alone.</longdesc>
<shortdesc lang="en">Kill users of the mount point on stop</shortdesc>
<content type="boolean" default="true" />
</parameter>
</parameters>
<actions>
<action name="start" timeout="60s" />
<action name="stop" timeout="60s" />
<action name="monitor" depth="0" timeout="40s" interval="20s" />
<action name="validate-all" timeout="5s" />
<action name="meta-data" timeout="5s" />
</actions>
</resource-agent>
`;
