using Gongkai.Domain.Organisation;

namespace Gongkai.Domain.Tests.Organisation;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", true)]   // GB 32100-2015 Annex example
    [InlineData("91350100M000100Y44", false)]  // wrong check character
    [InlineData("91350100M000100Y4", false)]   // 17 characters
    [InlineData("91350100M000100I43", false)]  // I is not in the alphabet
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validates_length_alphabet_and_check_character(string? code, bool valid) =>
        Assert.Equal(valid, CreditCode.IsValid(code));

    [Fact]
    public void Complete_appends_the_check_character_that_validates()
    {
        var code = CreditCode.Complete("11239901MH0000029");
        Assert.Equal(18, code.Length);
        Assert.True(CreditCode.IsValid(code));
        Assert.Equal("统一社会信用代码校验位不正确", CreditCode.Check(code[..17] + (code[17] == '0' ? '1' : '0')));
    }
}
