// The exit codes every command documents in its --help.

namespace Foretext.Cli;

internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>The input was well formed but could not be laid out (unknown font file, a failed case, a browser error).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage: unknown option, bad value, missing file.</summary>
    public const int Usage = 2;

    public const string HelpText = "Exit codes: 0 success, 1 the text could not be laid out or rendered, 2 bad usage.";
}
