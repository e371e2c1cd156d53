using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Tests.Returns;

public sealed class QuarterlyReturnEvidenceTests
{
    private static readonly DateTimeOffset AddedAt = ReturnBuilder.Now.AddMinutes(20);

    private readonly ReturnBuilder _builder = new();

    private static EvidenceFile Add(QuarterlyReturn quarterlyReturn, string fileName = "audit.pdf", string? sha256 = null) =>
        quarterlyReturn.AddEvidence(fileName, "application/pdf", 4_096, sha256 ?? ReturnBuilder.Sha('a'), ReturnBuilder.Provider, AddedAt);

    [Fact]
    public void AddEvidence_Draft_KeepsTheFileDetailsAndRecordsItsFingerprint()
    {
        var quarterlyReturn = _builder.Draft();
        var version = quarterlyReturn.Version;
        var sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        var file = Add(quarterlyReturn, "  Board minutes.pdf  ", sha);

        Assert.Same(file, Assert.Single(quarterlyReturn.Evidence));
        Assert.NotEqual(Guid.Empty, file.Id);
        Assert.Equal("Board minutes.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(4_096, file.SizeBytes);
        Assert.Equal(sha, file.Sha256);
        Assert.Equal(ReturnBuilder.Provider.Name, file.UploadedByName);
        Assert.Equal(AddedAt, file.UploadedAt);
        Assert.True(quarterlyReturn.Version > version);
        var entry = quarterlyReturn.History[^1];
        Assert.Equal(ReturnEventKind.EvidenceAdded, entry.Kind);
        Assert.Equal($"Evidence added: Board minutes.pdf (SHA-256 {sha})", entry.Description);
    }

    [Fact]
    public void AddEvidence_Queried_IsAllowed()
    {
        var quarterlyReturn = _builder.Queried();

        Add(quarterlyReturn);

        Assert.Single(quarterlyReturn.Evidence);
    }

    [Fact]
    public void AddEvidence_TwentyFiles_AllowsTheTwentiethAndRefusesTheTwentyFirst()
    {
        var quarterlyReturn = _builder.Draft();
        for (var i = 0; i < EvidenceFile.MaxPerReturn; i++)
        {
            Add(quarterlyReturn, $"file-{i}.pdf");
        }

        var error = Assert.Throws<BusinessRuleException>(() => Add(quarterlyReturn, "one-too-many.pdf"));

        Assert.Equal(20, EvidenceFile.MaxPerReturn);
        Assert.Equal("A return can have at most 20 evidence files", error.Message);
        Assert.Equal("File", error.PropertyName);
        Assert.Equal(20, quarterlyReturn.Evidence.Count);
    }

    [Fact]
    public void AddEvidence_AfterRemovingOneOfTwenty_IsAllowedAgain()
    {
        var quarterlyReturn = _builder.Draft();
        var files = Enumerable.Range(0, EvidenceFile.MaxPerReturn).Select(i => Add(quarterlyReturn, $"file-{i}.pdf")).ToList();
        quarterlyReturn.RemoveEvidence(files[0].Id, ReturnBuilder.Provider, AddedAt);

        Add(quarterlyReturn, "replacement.pdf");

        Assert.Equal(20, quarterlyReturn.Evidence.Count);
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")] // upper case
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")] // 63 digits
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")] // 65 digits
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")] // not hexadecimal
    [InlineData("")]
    public void AddEvidence_NotALowerCaseSha256_IsAProgrammingError(string sha256)
    {
        var quarterlyReturn = _builder.Draft();

        var error = Assert.Throws<ArgumentException>(() => Add(quarterlyReturn, sha256: sha256));

        Assert.Equal("sha256", error.ParamName);
        Assert.Empty(quarterlyReturn.Evidence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddEvidence_BlankFileName_IsRefused(string fileName)
    {
        var quarterlyReturn = _builder.Draft();

        var error = Assert.Throws<BusinessRuleException>(() => Add(quarterlyReturn, fileName));

        Assert.Equal("Enter a file name", error.Message);
        Assert.Equal("File", error.PropertyName);
    }

    [Fact]
    public void AddEvidence_FileNameTooLong_IsRefused()
    {
        var quarterlyReturn = _builder.Draft();

        var error = Assert.Throws<BusinessRuleException>(() => Add(quarterlyReturn, new string('a', EvidenceFile.FileNameMaxLength - 3) + ".pdf"));

        Assert.Equal("File name must be 150 characters or fewer", error.Message);
    }

    [Theory]
    [InlineData("Submitted")]
    [InlineData("Accepted")]
    public void AddEvidence_NotDraftOrQueried_IsRefused(string state)
    {
        var quarterlyReturn = state == "Submitted" ? _builder.Submitted() : _builder.Accepted();

        var error = Assert.Throws<BusinessRuleException>(() => Add(quarterlyReturn));

        Assert.Equal("Evidence can be added only while the return is a draft or has been queried", error.Message);
        Assert.Empty(quarterlyReturn.Evidence);
    }

    [Fact]
    public void RemoveEvidence_Draft_RemovesItAndRecordsTheName()
    {
        var quarterlyReturn = _builder.Draft();
        var file = Add(quarterlyReturn, "wrong-file.pdf");
        var version = quarterlyReturn.Version;

        quarterlyReturn.RemoveEvidence(file.Id, ReturnBuilder.OtherProvider, AddedAt.AddMinutes(1));

        Assert.Empty(quarterlyReturn.Evidence);
        Assert.True(quarterlyReturn.Version > version);
        Assert.Equal(ReturnEventKind.EvidenceRemoved, quarterlyReturn.History[^1].Kind);
        Assert.Equal("Evidence removed: wrong-file.pdf", quarterlyReturn.History[^1].Description);
        Assert.Equal(ReturnBuilder.OtherProvider.Name, quarterlyReturn.History[^1].ActorName);
    }

    [Fact]
    public void RemoveEvidence_Queried_IsAllowed()
    {
        var quarterlyReturn = _builder.Draft();
        var file = Add(quarterlyReturn);
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, AddedAt);
        quarterlyReturn.Query(_builder.Contract, [(_builder.FamiliesId, "Please check")], ReturnBuilder.Commissioner, AddedAt.AddHours(1));

        quarterlyReturn.RemoveEvidence(file.Id, ReturnBuilder.Provider, AddedAt.AddHours(2));

        Assert.Empty(quarterlyReturn.Evidence);
    }

    [Fact]
    public void RemoveEvidence_UnknownFile_IsRefused()
    {
        var quarterlyReturn = _builder.Draft();
        Add(quarterlyReturn);

        var error = Assert.Throws<BusinessRuleException>(() => quarterlyReturn.RemoveEvidence(Guid.NewGuid(), ReturnBuilder.Provider, AddedAt));

        Assert.Equal("The evidence file is not part of this return", error.Message);
        Assert.Single(quarterlyReturn.Evidence);
    }

    [Theory]
    [InlineData("Submitted")]
    [InlineData("Accepted")]
    public void RemoveEvidence_NotDraftOrQueried_IsRefusedAndTheFileStays(string state)
    {
        var quarterlyReturn = _builder.Draft();
        var file = Add(quarterlyReturn);
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, AddedAt);
        if (state == "Accepted")
        {
            quarterlyReturn.Accept(ReturnBuilder.Commissioner, AddedAt.AddHours(1));
        }

        var error = Assert.Throws<BusinessRuleException>(() => quarterlyReturn.RemoveEvidence(file.Id, ReturnBuilder.Provider, AddedAt.AddHours(2)));

        Assert.Equal("Evidence can be removed only while the return is a draft or has been queried", error.Message);
        Assert.Single(quarterlyReturn.Evidence);
    }
}
