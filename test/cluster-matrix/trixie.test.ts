// The matrix suite on Debian 13's own cluster stack: Pacemaker 3.0.0, pcs 0.12.0.2,
// corosync 3.1.9, on a lab of its own (cluster.sh up 3 trixie). See matrixSuite.ts.
import { matrixSuite } from './matrixSuite';

matrixSuite('trixie');
