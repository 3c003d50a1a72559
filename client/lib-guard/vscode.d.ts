// The cluster library must not use VS Code: client/tsconfig.lib.json maps `vscode` here, to a
// file that is no module, so any import of it is a compile error (TS2306).
declare const cannotImportVscode: never;
