using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SakraStader.Domain;
using SakraStader.Tenancy;

namespace SakraStader.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Posted from a form carrying an antiforgery token; a post without a valid token is refused with 400.
        // Signing out ends every session of the user, on every device: a new security stamp refuses their other
        // cookies within seconds (Sessions.cs).
        endpoints.MapPost("/konto/logga-ut", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/konto/logga-in?utloggad=1");
        }).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
