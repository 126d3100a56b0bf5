// Starts `wmlint server` for shell scripts, JSON, YAML and Markdown files.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("wmlint");
  const initializationOptions = { pushDiagnostics: false };
  if (settings.get("region")) initializationOptions.region = settings.get("region");
  if (settings.get("accountId")) initializationOptions.accountId = settings.get("accountId");
  const server = { command: settings.get("path") || "wmlint", args: ["server"] };
  client = new LanguageClient(
    "wmlint",
    "wmlint",
    { run: server, debug: server },
    {
      documentSelector: ["shellscript", "json", "yaml", "markdown"].map((language) => ({
        scheme: "file",
        language,
      })),
      initializationOptions,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/.wmlint.{yaml,yml}") },
    }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
