/**
 * The agents the checker knows without a cluster, as OCF meta-data XML keyed by
 * their canonical names. Each is parsed by `metadata.ts` like any other agent.
 */
import { DRBD_METADATA_XML } from './drbd';
import { DUMMY_METADATA_XML } from './dummy';
import { FILESYSTEM_METADATA_XML } from './filesystem';
import { IPADDR2_METADATA_XML } from './ipaddr2';
import { PING_METADATA_XML } from './ping';

export interface BuiltinMetadata {
  readonly name: string;
  readonly xml: string;
}

export const BUILTIN_METADATA: readonly BuiltinMetadata[] = [
  { name: 'ocf:heartbeat:IPaddr2', xml: IPADDR2_METADATA_XML },
  { name: 'ocf:heartbeat:Filesystem', xml: FILESYSTEM_METADATA_XML },
  { name: 'ocf:linbit:drbd', xml: DRBD_METADATA_XML },
  { name: 'ocf:pacemaker:Dummy', xml: DUMMY_METADATA_XML },
  { name: 'ocf:pacemaker:ping', xml: PING_METADATA_XML },
];
