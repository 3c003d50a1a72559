// The matrix suite on Debian 11's own cluster stack: Pacemaker 2.0.5, pcs 0.10.8,
// corosync 3.1.2, on a lab of its own (cluster.sh up 3 bullseye). See matrixSuite.ts.
import { matrixSuite } from './matrixSuite';

matrixSuite('bullseye');
