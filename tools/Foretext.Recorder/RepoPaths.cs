// Stage: tooling support (recorder and browser-parity tests).
// Input: the running assembly's folder, the working folder, env FORETEXT_SHARED.
// Output: the repository root (the folder holding Foretext.slnx), the shared data folder and the snapshot folder.
// No path of any machine is written down: everything is found by walking up from where the code runs.
namespace Foretext.Recorder;

/// <summary>Finds the repository root, the shared corpora and the browser snapshots.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding Foretext.slnx, searched upwards from the assembly and the working folder.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Env FORETEXT_SHARED, else <c>&lt;repo&gt;/../shared</c>.</summary>
    public static string SharedRoot
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("FORETEXT_SHARED");
            return string.IsNullOrEmpty(env) ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")) : Path.GetFullPath(env);
        }
    }

    /// <summary>The shared corpora folder (manifest.json, app-strings.json, *.txt).</summary>
    public static string CorporaRoot => Path.Combine(SharedRoot, "corpora");

    /// <summary>The checked-in browser snapshots.</summary>
    public static string SnapshotsRoot => Path.Combine(RepoRoot, "tests", "Foretext.BrowserParity", "Snapshots");

    private static string FindRepoRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Foretext.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Foretext.slnx not found above the assembly or the working folder.");
    }
}
