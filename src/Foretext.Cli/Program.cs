// The foretext command line: a thin shell over the public API (STYLE.md section 7).
// Exit codes: 0 success, 1 a case or input failed (details on stderr / in the output), 2 bad usage.

using System.CommandLine;
using Foretext.Cli;

var root = new RootCommand("Foretext: how a paragraph wraps in Chromium, without a browser.");
root.Subcommands.Add(BatchCommand.Create());
return root.Parse(args).Invoke();
