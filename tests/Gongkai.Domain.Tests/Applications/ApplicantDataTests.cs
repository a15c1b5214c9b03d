using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

public sealed class ApplicantDataTests
{
    [Theory]
    [InlineData("110101199003071234", "1101**********1234")]
    [InlineData("11010119900307123X", "1101**********123X")]
    [InlineData("E12345678", "E1*****78")]     // a passport keeps 2 + 2
    [InlineData("1234", "****")]
    public void Id_numbers_keep_their_ends(string id, string masked) => Assert.Equal(masked, ApplicantData.MaskIdNumber(id));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138 1234 5678", "138****5678")]
    [InlineData("zhangsan@example.com", "z***@example.com")]
    [InlineData("010-12345678", "010*****5678")]
    [InlineData("明湖区人民路1号301室", "明湖区*****301室")]
    [InlineData("12345", "***45")]
    public void Contacts_keep_what_recognises_them(string contact, string masked) => Assert.Equal(masked, ApplicantData.MaskContact(contact));

    [Theory]
    [InlineData("张三", ApplicantType.NaturalPerson, "张*")]
    [InlineData("欧阳明月", ApplicantType.NaturalPerson, "欧***")]
    [InlineData("明湖律师事务所", ApplicantType.LegalService, "明湖律师事务所")]
    public void Only_natural_persons_names_are_masked(string name, ApplicantType type, string masked) =>
        Assert.Equal(masked, ApplicantData.MaskName(name, type));
}
