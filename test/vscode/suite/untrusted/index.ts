/**
 * The entry of the suites that need an untrusted workspace (VS Code started
 * without --disable-workspace-trust, the folder left in Restricted Mode): the
 * launcher passes this compiled module as `extensionTestsPath`.
 */
import { runMocha, suiteFiles } from '../runMocha';

/** Runs the untrusted-workspace suites; rejects when a test failed. */
export function run(): Promise<void> {
  return runMocha(suiteFiles(__dirname));
}
