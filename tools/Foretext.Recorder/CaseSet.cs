// Stage: browser oracle, recording plan.
// Input: built by CaseSources.
// Output: the cases of one snapshot file plus what its header line says about them.
namespace Foretext.Recorder;

/// <summary>The cases that go into one snapshot file.</summary>
/// <param name="Source"><c>corpora</c>, <c>app</c> or <c>sweep</c>.</param>
/// <param name="FileName">Path of the snapshot relative to the snapshot folder (forward slashes).</param>
/// <param name="Cases">The cases, in recording order.</param>
/// <param name="IncludeText">False for corpora: the text is read from shared/ and checked by sha256.</param>
/// <param name="HeaderExtras">More header fields (corpus id and file, textSha256, seed).</param>
public sealed record CaseSet(
    string Source,
    string FileName,
    IReadOnlyList<LineCase> Cases,
    bool IncludeText,
    IReadOnlyDictionary<string, object> HeaderExtras);
