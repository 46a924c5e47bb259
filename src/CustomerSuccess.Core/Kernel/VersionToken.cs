using System;

namespace CustomerSuccess.Core;

/// <summary>
/// An opaque optimistic-concurrency token: the version of a stored aggregate as its store sees it.
/// </summary>
/// <remarks>
/// <para>A store returns a new token on every successful write, even when the written state equals the old one;
/// a write that names a token other than the stored one is refused with <c>concurrency.conflict</c> and changes
/// nothing. <see cref="None"/> means "must not exist yet" when creating.</para>
/// <para>The token is string-backed so that a custom store can hand out its native token (an ETag, a row version);
/// the library's stores render an incrementing number. Compare tokens only for equality (ordinal).</para>
/// <threadsafety>Immutable value type; thread-safe.</threadsafety>
/// </remarks>
public readonly record struct VersionToken
{
    private readonly string? _value;

    private VersionToken(string value) => _value = value;

    /// <summary>Gets the token that stands for "no stored version": creating requires it.</summary>
    public static VersionToken None => default;

    /// <summary>Gets a value indicating whether this is <see cref="None"/>.</summary>
    public bool IsNone => _value is null;

    /// <summary>Gets the token's text; empty for <see cref="None"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Creates a token from a store's text.</summary>
    /// <param name="value">The non-blank token text.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static VersionToken From(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new VersionToken(value);
    }

    /// <summary>Returns the token text, or <c>(none)</c>.</summary>
    /// <returns>The token text.</returns>
    public override string ToString() => _value ?? "(none)";
}
