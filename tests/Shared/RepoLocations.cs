// Where the repository and ../shared (the corpora) are, for every test project (compiled into each as a link).

namespace Foretext.Testing;

internal static class RepoLocations
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> s_sharedRoot = new(FindSharedRoot);

    /// <summary>The folder holding Foretext.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>FORETEXT_SHARED, else <c>../shared</c> beside the repository.</summary>
    public static string SharedRoot => s_sharedRoot.Value;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Foretext.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Foretext.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string FindSharedRoot()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("FORETEXT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        string candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        if (Directory.Exists(Path.Combine(candidate, "corpora")))
        {
            return candidate;
        }

        throw new DirectoryNotFoundException($"The shared corpora were not found at {candidate}; set FORETEXT_SHARED.");
    }
}
