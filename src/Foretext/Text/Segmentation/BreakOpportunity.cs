// Stage: Text/Segmentation (line break opportunities).
// Input: none (a value type). Output: what may happen between two UTF-16 code units.
// Spec: UAX #14 distinguishes prohibited, allowed and mandatory breaks (LB4-LB31).

namespace Foretext.Text.Segmentation;

/// <summary>What may happen at a position between two UTF-16 code units of a paragraph.</summary>
public enum BreakOpportunity : byte
{
    /// <summary>A line may not end here (UAX #14 "&#xD7;").</summary>
    None = 0,

    /// <summary>A line may end here if it does not fit (UAX #14 "&#xF7;").</summary>
    Allowed = 1,

    /// <summary>A line must end here: after a hard line break character (UAX #14 "!", LB4/LB5) or at the end of the text.</summary>
    Mandatory = 2,
}
