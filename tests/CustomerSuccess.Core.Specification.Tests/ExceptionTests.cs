using System;

namespace CustomerSuccess.Core.Specification.Tests;

public class ExceptionTests
{
    [Fact]
    public void DuplicateSkipException_DefaultMessage_NamesSkip()
    {
        var ex = new DuplicateSkipException();

        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.Equal("Duplicate use of Skip(). Ensure you don't use Skip() more than once in the same specification!", ex.Message);
    }

    [Fact]
    public void DuplicateTakeException_DefaultMessage_NamesTake()
    {
        var ex = new DuplicateTakeException();

        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.Equal("Duplicate use of Take(). Ensure you don't use Take() more than once in the same specification!", ex.Message);
    }

    [Fact]
    public void DuplicateOrderChainException_DefaultMessage_NamesOrderChain()
    {
        var ex = new DuplicateOrderChainException();

        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.Equal("The specification contains more than one Order chain!", ex.Message);
    }

    [Fact]
    public void Constructors_InnerExceptionAndMessage_ArePreserved()
    {
        var inner = new FormatException("inner");

        Assert.Same(inner, new DuplicateSkipException(inner).InnerException);
        Assert.Same(inner, new DuplicateTakeException(inner).InnerException);
        Assert.Same(inner, new DuplicateOrderChainException(inner).InnerException);
        Assert.Equal("m", new DuplicateSkipException("m").Message);
        Assert.Equal("m", new DuplicateTakeException("m", inner).Message);
        Assert.Same(inner, new DuplicateOrderChainException("m", inner).InnerException);
        Assert.Equal(new DuplicateSkipException().Message, new DuplicateSkipException(inner).Message);
    }
}
