namespace SakraStader.Features.Medborgarloften;

/// <summary>
/// The public pages (medborgarlöften, verification) are the same for every visitor who is not signed in, so shared
/// caches may keep them for five minutes. A signed-in user's page carries their name in the header: private.
/// </summary>
public static class PublicPage
{
    public static void Cache(HttpContext context)
    {
        context.Response.Headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "public, max-age=300";
        context.Response.Headers.Vary = "Cookie";
    }
}
