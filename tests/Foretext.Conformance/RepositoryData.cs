// Stage: conformance tests (test data access).
// Input: the test assembly's location. Output: the repository's data/ folder.
// Spec: none. Tests never download data; they read what is vendored in the repository.

namespace Foretext.Conformance;

/// <summary>Finds vendored data by walking up from the test binaries to the folder holding Foretext.slnx.</summary>
public static class RepositoryData
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root (the folder containing Foretext.slnx).</summary>
    public static string Root => s_root.Value;

    /// <summary>data/ucd, the vendored Unicode test files.</summary>
    public static string UcdDirectory => Path.Combine(Root, "data", "ucd");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Foretext.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder containing Foretext.slnx above " + AppContext.BaseDirectory + ".");
    }
}
