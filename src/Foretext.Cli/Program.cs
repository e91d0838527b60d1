// Entry point of ./foretext; see CliApp for the command tree.

using Foretext.Cli;

return CliApp.Run(args);
