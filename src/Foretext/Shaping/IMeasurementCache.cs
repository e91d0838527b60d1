namespace Foretext.Shaping;

/// <summary>A measurer that caches measurements and can drop them (Pretext's <c>clearCache</c>).</summary>
public interface IMeasurementCache
{
    /// <summary>Drops every cached measurement; later measurements are as if cold.</summary>
    void ClearCache();
}
