using System;
using System.Diagnostics.CodeAnalysis;

namespace CustomerSuccess.Core;

/// <summary>
/// The outcome of an operation that can be refused by a rule: success, or failure with a <see cref="DomainError"/>.
/// </summary>
/// <remarks>
/// <para>One error model is used everywhere in the library: argument mistakes (a caller bug) throw the
/// <see cref="ArgumentException"/> family; rule violations and conflicts come back as a failed result with a stable
/// code; infrastructure faults and cancellation propagate as exceptions. A refused operation never changes state.</para>
/// <threadsafety>Instances are immutable and thread-safe.</threadsafety>
/// </remarks>
public sealed class Result
{
    private static readonly Result SuccessInstance = new(null);

    private Result(DomainError? error) => Error = error;

    /// <summary>Gets a value indicating whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>Gets a value indicating whether the operation was refused.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailure => Error is not null;

    /// <summary>Gets the error of a failed result; <see langword="null"/> on success.</summary>
    public DomainError? Error { get; }

    /// <summary>Returns the successful result (a shared instance; no allocation).</summary>
    /// <returns>A successful result.</returns>
    public static Result Success() => SuccessInstance;

    /// <summary>Returns a failed result.</summary>
    /// <param name="error">Why the operation was refused.</param>
    /// <returns>A failed result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static Result Failure(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result(error);
    }

    /// <summary>Returns a successful result carrying <paramref name="value"/>.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>A successful result.</returns>
    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    /// <summary>Returns a failed result of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type of the value a success would carry.</typeparam>
    /// <param name="error">Why the operation was refused.</param>
    /// <returns>A failed result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static Result<T> Failure<T>(DomainError error) => Result<T>.Failure(error);

    /// <summary>Throws a <see cref="DomainRuleException"/> if this result is a failure.</summary>
    /// <exception cref="DomainRuleException">The result is a failure.</exception>
    public void ThrowIfFailure()
    {
        if (Error is not null)
        {
            throw new DomainRuleException(Error);
        }
    }

    /// <summary>Runs the next refusable step if this result succeeded; otherwise returns this failure.</summary>
    /// <param name="next">The next step.</param>
    /// <returns>The result of <paramref name="next"/>, or this failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    public Result Bind(Func<Result> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return IsSuccess ? next() : this;
    }

    /// <summary>Runs the next refusable step, which produces a value, if this result succeeded.</summary>
    /// <typeparam name="T">The type of the next value.</typeparam>
    /// <param name="next">The next step.</param>
    /// <returns>The result of <paramref name="next"/>, or this failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    public Result<T> Bind<T>(Func<Result<T>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Error is null ? next() : Result<T>.Failure(Error);
    }

    /// <summary>Produces a value if this result succeeded: what a command returns once its refusable step passed.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="map">Produces the value; called only on success.</param>
    /// <returns>A success carrying the value, or this failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is <see langword="null"/>.</exception>
    public Result<T> Map<T>(Func<T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Error is null ? Result<T>.Success(map()) : Result<T>.Failure(Error);
    }

    /// <summary>Returns a failed result for <paramref name="error"/>, so that a rule check can <c>return error;</c>.</summary>
    /// <param name="error">Why the operation was refused.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
#pragma warning disable CA2225 // The named alternate is Failure(DomainError).
    public static implicit operator Result(DomainError error) => Failure(error);
#pragma warning restore CA2225

    /// <summary>Returns <c>Success</c> or <c>Failure(code: message)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => IsSuccess ? "Success" : $"Failure({Error})";
}

/// <summary>The outcome of an operation that produces a value of type <typeparamref name="T"/> unless a rule refuses it.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>See <see cref="Result"/> for the error model.
/// <threadsafety>Instances are immutable and thread-safe if <typeparamref name="T"/> is.</threadsafety></remarks>
public sealed class Result<T>
{
    private readonly T _value;

    private Result(T value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>Gets a value indicating whether the operation was refused.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailure => Error is not null;

    /// <summary>Gets the error of a failed result; <see langword="null"/> on success.</summary>
    public DomainError? Error { get; }

    /// <summary>Gets the value of a successful result.</summary>
    /// <value>The value.</value>
    /// <exception cref="DomainRuleException">The result is a failure.</exception>
    public T Value => GetValueOrThrow();

    /// <summary>Returns a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A successful result.</returns>
    internal static Result<T> Success(T value) => new(value, null);

    /// <summary>Returns a failed result.</summary>
    /// <param name="error">Why the operation was refused.</param>
    /// <returns>A failed result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    internal static Result<T> Failure(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result<T>(default!, error);
    }

    /// <summary>Returns the value, or throws if the result is a failure.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="DomainRuleException">The result is a failure.</exception>
    public T GetValueOrThrow() => Error is null ? _value : throw new DomainRuleException(Error);

    /// <summary>Throws a <see cref="DomainRuleException"/> if this result is a failure.</summary>
    /// <exception cref="DomainRuleException">The result is a failure.</exception>
    public void ThrowIfFailure()
    {
        if (Error is not null)
        {
            throw new DomainRuleException(Error);
        }
    }

    /// <summary>Gets the value if the result succeeded.</summary>
    /// <param name="value">The value on success; <see langword="default"/> otherwise.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Error is null;
    }

    /// <summary>Transforms the value of a successful result.</summary>
    /// <typeparam name="TOut">The type of the new value.</typeparam>
    /// <param name="map">The transformation.</param>
    /// <returns>The transformed success, or this failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is <see langword="null"/>.</exception>
    public Result<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Error is null ? Result<TOut>.Success(map(_value)) : Result<TOut>.Failure(Error);
    }

    /// <summary>Runs the next refusable step with the value of a successful result.</summary>
    /// <typeparam name="TOut">The type of the next value.</typeparam>
    /// <param name="next">The next step.</param>
    /// <returns>The next step's result, or this failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    public Result<TOut> Bind<TOut>(Func<T, Result<TOut>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Error is null ? next(_value) : Result<TOut>.Failure(Error);
    }

    /// <summary>Returns a failed result for <paramref name="error"/>, so that a rule check can <c>return error;</c>.</summary>
    /// <param name="error">Why the operation was refused.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
#pragma warning disable CA2225 // The named alternate is Result.Failure<T>(DomainError).
    public static implicit operator Result<T>(DomainError error) => Failure(error);

    /// <summary>Returns a successful result carrying <paramref name="value"/>, so that an operation can <c>return value;</c>.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Result<T>(T value) => Success(value);
#pragma warning restore CA2225

    /// <summary>Drops the value, keeping success or failure.</summary>
    /// <returns>A <see cref="Result"/> with the same outcome.</returns>
    public Result ToResult() => Error is null ? Result.Success() : Result.Failure(Error);

    /// <summary>Returns <c>Success(value)</c> or <c>Failure(code: message)</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Error})";
}
