using System;

namespace CustomerSuccess.Core.Tests.Kernel;

public sealed class ResultTests
{
    private static readonly DomainError Error = new("test.refused", "Refused for a reason.");

    [Fact]
    public void Success_IsSharedAndHasNoError()
    {
        Assert.Same(Result.Success(), Result.Success());
        Assert.True(Result.Success().IsSuccess);
        Assert.Null(Result.Success().Error);
    }

    [Fact]
    public void Failure_CarriesTheError()
    {
        var result = Result.Failure(Error);
        Assert.True(result.IsFailure);
        Assert.Same(Error, result.Error);
        Assert.Equal("test.refused", Assert.Throws<DomainRuleException>(result.ThrowIfFailure).Code);
    }

    [Fact]
    public void GenericFailure_ValueThrowsDomainRuleException()
    {
        var result = Result.Failure<int>(Error);
        var ex = Assert.Throws<DomainRuleException>(() => result.Value);
        Assert.Same(Error, ex.Error);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.False(result.TryGetValue(out _));
    }

    [Fact]
    public void MapAndBind_ShortCircuitOnFailure()
    {
        var ok = Result.Success(2).Map(x => x * 10).Bind(x => Result.Success(x + 1));
        Assert.Equal(21, ok.Value);

        var calls = 0;
        var failed = Result.Failure<int>(Error).Map(x => { calls++; return x; }).Bind(x => { calls++; return Result.Success(x); });
        Assert.Equal(0, calls);
        Assert.Same(Error, failed.Error);
        Assert.Same(Error, failed.ToResult().Error);
    }

    [Fact]
    public void Then_RunsNextOnlyOnSuccess()
    {
        Assert.Same(Error, Result.Success().Bind(() => Result.Failure(Error)).Error);
        Assert.Same(Error, Result.Failure(Error).Bind(() => Result.Success()).Error);
    }

    [Fact]
    public void Failure_NullError_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Result.Failure(null!));
        Assert.Throws<ArgumentNullException>(() => Result.Failure<int>(null!));
    }
}

public sealed class DomainErrorTests
{
    [Theory]
    [InlineData("workspace.limit_reached")]
    [InlineData("workspace.settings.default_pipeline_not_selected")]
    [InlineData("a.b2")]
    public void Constructor_ValidCodes_Accepted(string code) => Assert.Equal(code, new DomainError(code, "Message.").Code);

    [Theory]
    [InlineData("nodot")]
    [InlineData("Upper.Case")]
    [InlineData(".leading")]
    [InlineData("trailing.")]
    [InlineData("with space.x")]
    public void Constructor_MalformedCode_ThrowsArgumentException(string code) =>
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => new DomainError(code, "Message.")).ParamName);

    [Fact]
    public void Equality_ComparesCodeMessageTargetAndDetails()
    {
        var a = new DomainError("x.y", "M", "t", [new DomainError("x.z", "D")]);
        var b = new DomainError("x.y", "M", "t", [new DomainError("x.z", "D")]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new DomainError("x.y", "M", "t"));
        Assert.True(a.Is("x.y"));
        Assert.Equal("x.y: M (t)", a.ToString());
    }
}

public sealed class IdTests
{
    [Fact]
    public void From_NonPositive_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortalId.From(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UserId.From(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TeamId.From(0));
    }

    [Fact]
    public void Ids_CompareByValue_AndDefaultIsRecognisable()
    {
        Assert.True(TeamId.From(1) < TeamId.From(2));
        Assert.Equal(UserId.From(7), UserId.From(7));
        Assert.True(default(PortalId).IsDefault);
        Assert.Equal("42", PortalId.From(42).ToString());
    }

    [Fact]
    public void VersionToken_NoneAndFrom()
    {
        Assert.True(VersionToken.None.IsNone);
        Assert.Equal(string.Empty, VersionToken.None.Value);
        Assert.Equal(VersionToken.From("7"), VersionToken.From("7"));
        Assert.NotEqual(VersionToken.None, VersionToken.From("7"));
        Assert.Throws<ArgumentException>(() => VersionToken.From(" "));
    }
}
