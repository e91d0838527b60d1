// Stage: Text/Segmentation (native dependency).
// Input: the outcome of probing for the system ICU library. Output: an exception callers can catch by type.
// Spec: none; Foretext uses the ICU that the OS ships (libicuuc.so.N), as .NET's own globalization does.

namespace Foretext.Text.Segmentation;

/// <summary>
/// Thrown when the system ICU library (libicuuc) cannot be loaded or lacks a function Foretext needs.
/// Install the OS ICU package (Debian: <c>libicu72</c>) to fix it.
/// </summary>
public sealed class IcuUnavailableException : Exception
{
    /// <summary>Creates the exception with a message naming what was missing.</summary>
    /// <param name="message">What was probed and not found.</param>
    public IcuUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What was probed and not found.</param>
    /// <param name="innerException">The error that caused it.</param>
    public IcuUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
