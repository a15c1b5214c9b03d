using Gongkai.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;

namespace Gongkai.Hosting;

/// <summary>
/// Every page under a feature's Admin/ folder is for staff: the folder says so, no page can forget.
/// Pages narrow it further with [Authorize(Policy = …)].
/// </summary>
public sealed class StaffPagesConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.ViewEnginePath.Contains("/Admin/", StringComparison.Ordinal))
            model.Filters.Add(new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(StaffRoles.All).Build()));
    }
}
