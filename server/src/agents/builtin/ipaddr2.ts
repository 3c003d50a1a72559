/**
 * ocf:heartbeat:IPaddr2 as resource-agents 4.12 describes it: parameter names, content
 * types, flags, defaults and action timeouts as the real agent's meta-data has them;
 * the descriptions are ours.
 */
export const IPADDR2_METADATA_XML = `<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="IPaddr2" version="1.0">
<version>1.0</version>
<longdesc lang="en">
Brings a virtual IPv4 or IPv6 address up on a network interface of the node that
runs the resource, and takes it down again on stop. After adding the address it
announces it to the neighbours (gratuitous ARP for IPv4, unsolicited neighbour
advertisements for IPv6) so that traffic follows the address to its new node.
Linux only. Run as a clone it can share one address between nodes (CLUSTERIP).
</longdesc>
<shortdesc lang="en">Floating IPv4/IPv6 address (Linux)</shortdesc>
<parameters>
<parameter name="ip" unique="1" required="1">
<longdesc lang="en">The address to bring up: IPv4 in dotted-quad form (192.168.56.100) or IPv6 in colon-hex form (2001:db8::10), without a prefix length.</longdesc>
<shortdesc lang="en">Virtual IP address</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="nic" unique="0">
<longdesc lang="en">The base interface to add the address to, e.g. eth0 (never an alias such as eth0:1). When unset, the interface is taken from the routing table; it needs a static address of its own in the same network.</longdesc>
<shortdesc lang="en">Network interface</shortdesc>
<content type="string" />
</parameter>
<parameter name="cidr_netmask">
<longdesc lang="en">The prefix length of the address in CIDR form: 24, not 255.255.255.0 (1 to 32 for IPv4, 1 to 128 for IPv6). When unset, it is taken from the routing table.</longdesc>
<shortdesc lang="en">Prefix length (CIDR)</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="broadcast">
<longdesc lang="en">The IPv4 broadcast address to set with the address; '+' or '-' derive it from the prefix by setting or clearing the host bits.</longdesc>
<shortdesc lang="en">Broadcast address</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="iflabel">
<longdesc lang="en">A label added to the interface name for this address (eth0:label); interface name, colon and label together may be at most 15 characters.</longdesc>
<shortdesc lang="en">Interface label</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="lvs_support">
<longdesc lang="en">For LVS direct routing with IPv4: on stop, move the address to the loopback device instead of removing it, so the node keeps serving it without announcing it.</longdesc>
<shortdesc lang="en">LVS direct-routing support</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="lvs_ipv6_addrlabel">
<longdesc lang="en">For LVS direct routing with IPv6: add an address label so that the node's own outgoing traffic does not pick this address as its source.</longdesc>
<shortdesc lang="en">Add an IPv6 address label</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="lvs_ipv6_addrlabel_value">
<longdesc lang="en">The label value used with lvs_ipv6_addrlabel; it must not be in use in the address label table (ip addrlabel list).</longdesc>
<shortdesc lang="en">IPv6 address label value</shortdesc>
<content type="integer" default="99" />
</parameter>
<parameter name="mac">
<longdesc lang="en">The MAC address of a CLUSTERIP clone; chosen automatically when unset.</longdesc>
<shortdesc lang="en">CLUSTERIP MAC address</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="clusterip_hash">
<longdesc lang="en">How a CLUSTERIP clone spreads connections over its instances.</longdesc>
<shortdesc lang="en">CLUSTERIP hash mode</shortdesc>
<content type="string" default="sourceip-sourceport" />
</parameter>
<parameter name="unique_clone_address">
<longdesc lang="en">When cloned, give every instance its own address: the clone instance number is added to ip.</longdesc>
<shortdesc lang="en">One address per clone instance</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="arp_interval">
<longdesc lang="en">Milliseconds between announcements. Kept for old setups: only the libnet-based senders honour it.</longdesc>
<shortdesc lang="en">Announcement interval in ms (legacy)</shortdesc>
<content type="integer" default="200" />
</parameter>
<parameter name="arp_count">
<longdesc lang="en">How many announcements to send when the address comes up.</longdesc>
<shortdesc lang="en">Announcements on start</shortdesc>
<content type="integer" default="5" />
</parameter>
<parameter name="arp_count_refresh">
<longdesc lang="en">How many IPv4 announcements to send on every monitor, to refresh neighbours' caches that may have gone stale.</longdesc>
<shortdesc lang="en">Announcements per monitor</shortdesc>
<content type="integer" default="0" />
</parameter>
<parameter name="arp_bg">
<longdesc lang="en">Send the announcements in the background. When empty: yes for IPv4, no for IPv6.</longdesc>
<shortdesc lang="en">Announce in the background</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="arp_sender">
<longdesc lang="en">The program that sends IPv4 announcements on start: send_arp, ipoibarping, iputils_arping or libnet_arping. Chosen automatically when empty.</longdesc>
<shortdesc lang="en">Announcement program</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="send_arp_opts">
<longdesc lang="en">Extra command-line options for the announcement program, e.g. -A for iputils arping.</longdesc>
<shortdesc lang="en">Announcement program options</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="flush_routes">
<longdesc lang="en">Flush the routing cache when the address goes away, so that local applications stop using a shortcut to it through the loopback interface.</longdesc>
<shortdesc lang="en">Flush routes on stop</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="run_arping">
<longdesc lang="en">Check with arping, before adding an IPv4 address, that no other host already uses it.</longdesc>
<shortdesc lang="en">Check for IPv4 address collisions</shortdesc>
<content type="string" default="false" />
</parameter>
<parameter name="nodad">
<longdesc lang="en">Add an IPv6 address without duplicate address detection.</longdesc>
<shortdesc lang="en">Skip IPv6 duplicate detection</shortdesc>
<content type="string" default="false" />
</parameter>
<parameter name="noprefixroute">
<longdesc lang="en">Add the address with the noprefixroute flag, so no route for its prefix is created.</longdesc>
<shortdesc lang="en">No prefix route</shortdesc>
<content type="string" default="false" />
</parameter>
<parameter name="preferred_lft">
<longdesc lang="en">The preferred lifetime of an IPv6 address (RFC 4862); 0 keeps it from being chosen as a source address.</longdesc>
<shortdesc lang="en">IPv6 preferred lifetime</shortdesc>
<content type="string" default="forever" />
</parameter>
<parameter name="network_namespace">
<longdesc lang="en">Manage the address inside this existing network namespace, which must hold the interface.</longdesc>
<shortdesc lang="en">Network namespace</shortdesc>
<content type="string" default="" />
</parameter>
</parameters>
<actions>
<action name="start" timeout="20s" />
<action name="stop" timeout="20s" />
<action name="status" depth="0" timeout="20s" interval="10s" />
<action name="monitor" depth="0" timeout="20s" interval="10s" />
<action name="meta-data" timeout="5s" />
<action name="validate-all" timeout="20s" />
</actions>
</resource-agent>
`;
