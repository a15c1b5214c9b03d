using Gongkai.Domain.Common;
using Gongkai.Domain.Publishing;

namespace Gongkai.Domain.Tests.Publishing;

public sealed class DisclosureItemTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ItemContent Content(string title = "关于调整城乡低保标准的通知") =>
        new(title, DepartmentId: 7, CategoryId: 3, WrittenOn: new DateOnly(2026, 2, 20), Body: "<p>正文</p>");

    private static DisclosureItem Published()
    {
        var item = new DisclosureItem(Content(), "xinxiyuan", Now);
        item.Submit(Now);
        item.Approve(Now, null);
        item.MarkPublished(Now, Today, "11239901MH0000037C/2026-00001");
        return item;
    }

    [Fact]
    public void Draft_to_published_assigns_the_index_number_once()
    {
        var item = Published();
        Assert.Equal(ItemState.Published, item.State);
        Assert.Equal("11239901MH0000037C/2026-00001", item.IndexNumber);
        Assert.Equal(Today, item.PublishedOn);

        item.Edit(Content("关于调整城乡低保标准的通知（修订）"), Now.AddDays(3));
        Assert.Equal(2, item.Version);
        item.MarkPublished(Now.AddDays(3), Today.AddDays(3), "11239901MH0000037C/2026-00099");
        Assert.Equal("11239901MH0000037C/2026-00001", item.IndexNumber); // never changed by a later edit
        Assert.Equal(Today, item.PublishedOn);
    }

    [Fact]
    public void Returned_items_carry_the_reason_and_can_be_resubmitted()
    {
        var item = new DisclosureItem(Content(), "xinxiyuan", Now);
        item.Submit(Now);
        Assert.Throws<DomainException>(() => item.Return("  ", Now));
        item.Return("文号有误", Now);
        Assert.Equal(ItemState.Returned, item.State);
        Assert.Equal("文号有误", item.StateReason);
        item.Edit(Content(), Now);
        item.Submit(Now);
        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Null(item.StateReason);
    }

    [Fact]
    public void Scheduled_publication_waits_for_its_time()
    {
        var item = new DisclosureItem(Content(), "xinxiyuan", Now);
        item.Submit(Now);
        item.Approve(Now, Now.AddHours(5));
        Assert.Equal(ItemState.Scheduled, item.State);
        Assert.False(item.IsDue(Now.AddHours(4)));
        Assert.True(item.IsDue(Now.AddHours(5)));
        Assert.False(item.IsPublic);
    }

    public static TheoryData<string, Action<DisclosureItem>> IllegalTransitions => new()
    {
        { "approve a draft", i => i.Approve(Now, null) },
        { "return a draft", i => i.Return("理由", Now) },
        { "withdraw a draft", i => i.Withdraw("理由", Now) },
        { "publish a draft", i => i.MarkPublished(Now, Today, "x/2026-00001") },
        { "repeal a draft", i => i.ChangeValidity(Validity.Repealed, Today, Now) },
        { "submit twice", i => { i.Submit(Now); i.Submit(Now); } },
        { "edit under review", i => { i.Submit(Now); i.Edit(Content(), Now); } },
        { "edit after withdrawal", i => { i.Submit(Now); i.Approve(Now, null); i.MarkPublished(Now, Today, "x/2026-00001"); i.Withdraw("过时", Now); i.Edit(Content(), Now); } },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Illegal_transitions_are_refused_in_chinese(string name, Action<DisclosureItem> act)
    {
        var item = new DisclosureItem(Content(), "xinxiyuan", Now);
        var e = Assert.Throws<DomainException>(() => act(item));
        Assert.Matches("[\u4e00-\u9fff]", e.Message);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Withdrawal_and_repeal_need_reasons_and_dates_and_keep_the_number()
    {
        var item = Published();
        Assert.Throws<DomainException>(() => item.ChangeValidity(Validity.Repealed, new DateOnly(2026, 1, 1), Now));
        item.ChangeValidity(Validity.Repealed, new DateOnly(2026, 6, 1), Now);
        Assert.Equal(Validity.Repealed, item.Validity);
        Assert.Equal(new DateOnly(2026, 6, 1), item.ValidityChangedOn);
        item.Withdraw("已被新文件替代", Now);
        Assert.Equal(ItemState.Withdrawn, item.State);
        Assert.Equal("11239901MH0000037C/2026-00001", item.IndexNumber);
    }

    [Theory]
    [InlineData("", "标题不能为空")]
    [InlineData("标题", null)]
    public void Content_is_validated(string title, string? error)
    {
        if (error is null)
        {
            Assert.Equal("标题", new DisclosureItem(Content(title), "u", Now).Title);
            return;
        }
        var e = Assert.Throws<DomainException>(() => new DisclosureItem(Content(title), "u", Now));
        Assert.Contains(error, e.Message);
    }

    [Fact]
    public void An_interpretation_must_name_its_policy_document()
    {
        var c = Content() with { Kind = DocumentKind.Interpretation };
        Assert.Throws<DomainException>(() => new DisclosureItem(c, "u", Now));
        Assert.Equal(42, new DisclosureItem(c with { InterpretsItemId = 42 }, "u", Now).InterpretsItemId);
        Assert.Throws<DomainException>(() => new DisclosureItem(Content() with { InterpretsItemId = 42 }, "u", Now));
    }
}
